// Everything around the bot, on loopback: the Discord sandbox and the offline TMDB catalog (with
// an injected delay) in the benchmark's own process, and the Convex deployment — the embedded
// engine behind a Convex HTTP endpoint with an injected round trip — in a process of its own
// (convex-process.ts). The bot runs in a third process (bot-process.ts) and reaches all of them
// over HTTP, as it would in production.
//
// With `discordLatencyMs`, Discord is a network hop away: the bot process reaches the local
// Discord (REST and gateway) through a proxy holding every byte that long each way
// (latency-proxy.ts, in a process of its own), and so do the deployment's own calls to Discord. With `interactions: "http"`
// there is no bot process: Discord POSTs each interaction, signed, to the deployment's
// /discord/interactions (the HTTP door, convex/interactions/door.ts), after the same one-way delay,
// and the deployment's answer comes back after it again.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { REST, Routes } from "discord.js";
import type { TransactionCost } from "../convex/lib/metrics.ts";
import { commandDefinitions } from "../src/commands/index.ts";
import { SandboxClock } from "../sandbox/clock.ts";
import { DiscordSandbox } from "../sandbox/discord/index.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../sandbox/tmdb-server.ts";
import type { ConvexFault, ConvexLatencyMode } from "../sandbox/convex-http.ts";
import { HttpInteractionsDelivery } from "../sandbox/discord/http-delivery.ts";
import type { FunctionKind } from "./convex-process.ts";
import type { LatencyProxy } from "./latency-proxy.ts";

/** How Discord delivers interactions: over the gateway to the bot process, or by HTTP to the deployment. */
export type Door = "gateway" | "http";

/** What the engine ran, by function ("module:export"), since the last reset. */
export interface EngineStats {
  functions: Record<string, { kind: FunctionKind; calls: number; ms: number }>;
  /** Wall time of each HTTP action. */
  httpActionMs: number[];
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A Convex call as the endpoint reported it. */
export interface ConvexCallReport {
  path: string;
  ok: boolean;
  /** Time the engine spent on it (within the injected time, or on top of it with --convex-latency-mode added). */
  engineMs: number;
}

export interface LoopbackConvex {
  /** What CONVEX_URL is for the bot. */
  url: string;
  /** Calls answered so far. */
  readonly calls: number;
  onCall(listener: (call: ConvexCallReport) => void): () => void;
  /** Every transaction's documents and bytes read and written. */
  observe(observer: (cost: TransactionCost) => void): () => void;
  /** Switches a fault on the endpoint (down, hang, slow, drop; `none` lifts it). */
  setFault(fault: ConvexFault): Promise<void>;
  /** What the engine ran since the last reset (`reset`: start counting afresh after this answer). */
  stats(reset?: boolean): Promise<EngineStats>;
  /** The Convex process's CPU time so far (user + system), in ms, from /proc (null where there is none). */
  cpuMs(): Promise<number | null>;
  /** Each person's watched episodes of a show and Undo entries, read straight from the engine. */
  inspect(discordUserIds: string[], tmdbId: number): Promise<Record<string, { watched: string[]; undoEntries: number }>>;
}

export interface World {
  discord: DiscordSandbox;
  /** Where a process serving the application reaches Discord's REST API (through the latency proxy, if any). */
  discordApiBase: string;
  /** How interactions are delivered. */
  door: Door;
  /** The local Discord's warnings and errors so far (an endpoint unreachable, a callback refused), by message. */
  discordWarnings: Readonly<Record<string, number>>;
  convex: LoopbackConvex;
  tmdb: TmdbCatalogServer;
  /** BOT_API_SECRET, shared by the bot process and the deployment. */
  secret: string;
  stop(): Promise<void>;
}

/** "indexed": the engine answers indexed queries from candidate sets (sandbox/indexed-store.ts); "scan": convex-test as shipped. */
export type ConvexEngineKind = "indexed" | "scan";

export async function startWorld(options: {
  convexLatencyMs: number;
  convexLatencyMode?: ConvexLatencyMode;
  convexEngine?: ConvexEngineKind;
  tmdbLatencyMs: number;
  ackDeadlineMs?: number;
  /** One-way network delay between Discord and the application (bot process or deployment); none by default. */
  discordLatencyMs?: number;
  /** Default "gateway". */
  interactions?: Door;
}): Promise<World> {
  const door = options.interactions ?? "gateway";
  const secret = randomBytes(24).toString("hex");
  const clock = new SandboxClock();
  // What the local Discord found wrong (an endpoint unreachable, a callback refused), counted by message.
  const discordWarnings: Record<string, number> = {};
  const count = (extra: object, msg = "(no message)") => {
    const status = (extra as { status?: unknown }).status;
    const key = typeof status === "number" ? `${msg} (${status})` : msg;
    discordWarnings[key] = (discordWarnings[key] ?? 0) + 1;
  };
  const discord = new DiscordSandbox({
    now: () => clock.now(),
    ackDeadlineMs: options.ackDeadlineMs,
    logger: { warn: count, error: count },
  });
  await discord.start(0);
  discord.setMaxListeners(0);
  const proxy: LatencyProxy | null =
    options.discordLatencyMs === undefined ? null : await startProxyProcess(discord.port, options.discordLatencyMs);
  const discordApiBase = proxy?.apiBase ?? discord.restApiBase;
  const tmdb = await startTmdbCatalogServer({ port: 0 });
  tmdb.setFaults({ delayMs: options.tmdbLatencyMs });
  const convex = await startConvexProcess({
    secret,
    latencyMs: options.convexLatencyMs,
    latencyMode: options.convexLatencyMode ?? "call",
    engine: options.convexEngine ?? "indexed",
    discordApiBase,
    discordToken: discord.token,
    // The HTTP door's settings, as `npx convex env set` would give them to a deployment.
    httpDoor:
      door === "http"
        ? {
            DISCORD_PUBLIC_KEY: discord.applicationKeys.publicKeyHex,
            DISCORD_APPLICATION_ID: discord.applicationId,
            TMDB_API_URL: tmdb.url,
            TMDB_API_TOKEN: "sandbox",
          }
        : undefined,
  });
  if (door === "http") {
    // Discord → the deployment's HTTP router: a network hop each way.
    const oneWay = options.discordLatencyMs ?? 0;
    const delivery = new HttpInteractionsDelivery(
      discord.applicationKeys,
      async (request) => {
        const body = await request.text();
        if (oneWay > 0) await sleep(oneWay);
        const response = await fetch(`${convex.url}/discord/interactions`, { method: "POST", headers: request.headers, body });
        const text = await response.text();
        if (oneWay > 0) await sleep(oneWay);
        return new Response(text, {
          status: response.status,
          headers: { "content-type": response.headers.get("content-type") ?? "text/plain" },
        });
      },
      () => clock.now(),
    );
    await discord.setInteractionsEndpoint(delivery);
  }
  // Deploy the commands as `npm run register` does.
  const rest = new REST({ api: discord.restApiBase }).setToken(discord.token);
  await rest.put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });
  return {
    discord,
    discordApiBase,
    door,
    discordWarnings,
    convex,
    tmdb,
    secret,
    async stop() {
      await proxy?.close().catch(() => undefined);
      await discord.stop().catch(() => undefined);
      await tmdb.close().catch(() => undefined);
      await convex.stop();
    },
  };
}

/** The latency proxy in a process of its own (latency-proxy-process.ts). */
async function startProxyProcess(upstreamPort: number, oneWayMs: number): Promise<LatencyProxy> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/latency-proxy-process.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PROXY_UPSTREAM_PORT: String(upstreamPort), PROXY_ONE_WAY_MS: String(oneWayMs) },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4_000)));
  const exited = once(child, "exit");
  const apiBase = await Promise.race([
    new Promise<string>((resolve) =>
      child.on("message", (m: { t?: string; apiBase?: string }) => m.t === "ready" && m.apiBase && resolve(m.apiBase)),
    ),
    exited.then(() => {
      throw new Error(`the latency proxy process exited during start-up:\n${stderr}`);
    }),
  ]);
  return {
    apiBase,
    oneWayMs,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function startConvexProcess(options: {
  secret: string;
  latencyMs: number;
  latencyMode: ConvexLatencyMode;
  engine: ConvexEngineKind;
  discordApiBase: string;
  discordToken: string;
  httpDoor?: Record<string, string>;
}): Promise<LoopbackConvex & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/convex-process.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_API_SECRET: options.secret,
      DISCORD_API_BASE: options.discordApiBase,
      DISCORD_TOKEN: options.discordToken,
      CONVEX_LATENCY_MS: String(options.latencyMs),
      CONVEX_LATENCY_MODE: options.latencyMode,
      CONVEX_ENGINE: options.engine,
      ...(options.httpDoor ? { HTTP_ACTIONS: "1", ...options.httpDoor } : {}),
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4_000)));
  const callListeners = new Set<(call: ConvexCallReport) => void>();
  const costObservers = new Set<(cost: TransactionCost) => void>();
  let calls = 0;
  let stopping = false;
  const exited = once(child, "exit");
  void exited.then(([code, signal]) => {
    if (stopping) return;
    process.stderr.write(`[bench] the Convex process exited (${signal ?? `code ${String(code)}`}):\n${stderr}\n`);
    process.exit(2);
  });
  /** Answers to requests sent over IPC, by request id. */
  const pending = new Map<number, (message: { error?: string; people?: unknown } & Partial<EngineStats>) => void>();
  let nextRequest = 0;
  const request = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextRequest++;
      pending.set(id, (answer) => (answer.error !== undefined ? reject(new Error(answer.error)) : resolve(answer as T)));
      child.send({ ...message, id });
    });
  const url = await new Promise<string>((resolve) => {
    child.on(
      "message",
      (
        message: {
          t?: string;
          url?: string;
          cost?: TransactionCost;
          id?: number;
          error?: string;
          people?: unknown;
        } & Partial<ConvexCallReport> &
          Partial<EngineStats>,
      ) => {
        if ((message.t === "fault-set" || message.t === "inspected" || message.t === "stats") && typeof message.id === "number") {
          pending.get(message.id)?.(message);
          pending.delete(message.id);
        }
        if (message.t === "ready" && message.url) resolve(message.url);
        if (message.t === "cost" && message.cost) for (const observer of costObservers) observer(message.cost);
        if (message.t === "call") {
          calls++;
          const call = { path: String(message.path), ok: message.ok === true, engineMs: Number(message.engineMs) };
          for (const listener of callListeners) listener(call);
        }
      },
    );
  });
  return {
    url,
    get calls() {
      return calls;
    },
    onCall(listener) {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    observe(observer) {
      costObservers.add(observer);
      return () => costObservers.delete(observer);
    },
    async setFault(fault) {
      await request({ t: "fault", fault });
    },
    async stats(reset = false) {
      const answer = await request<EngineStats>({ t: "stats", reset });
      return { functions: answer.functions, httpActionMs: answer.httpActionMs };
    },
    async cpuMs() {
      // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, counted after the command name.
      const stat = await readFile(`/proc/${child.pid}/stat`, "utf8").catch(() => null);
      if (stat === null) return null;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    async inspect(discordUserIds, tmdbId) {
      return (
        await request<{ people: Record<string, { watched: string[]; undoEntries: number }> }>({ t: "inspect", discordUserIds, tmdbId })
      ).people;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
