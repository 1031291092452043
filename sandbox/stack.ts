import { randomBytes } from "node:crypto";
import { REST, Routes } from "discord.js";
import pino from "pino";
import { createBot, type Bot } from "../src/bot.ts";
import { commandDefinitions } from "../src/commands/index.ts";
import type { Backend } from "../src/lib/backend.ts";
import { convexHttpBackend } from "../src/lib/convex-http-backend.ts";
import { createLogger, type Logger } from "../src/lib/logger.ts";
import { UserRateLimiter } from "../src/lib/rate-limit.ts";
import { TmdbClient } from "../src/lib/tmdb.ts";
import { TitleService } from "../src/lib/titles.ts";
import { restDirectory } from "../src/core/rest-directory.ts";
import { startHttpDoor, type HttpDoorServer } from "../src/http-server.ts";
import { HttpInteractionsDelivery, type InteractionsEndpoint } from "./discord/http-delivery.ts";
import { SandboxClock } from "./clock.ts";
import { DiscordSandbox } from "./discord/index.ts";
import { SandboxClerk } from "./clerk.ts";
import { EmbeddedConvex } from "./engine.ts";
import { startConvexHttpEndpoint, type ConvexFault, type ConvexHttpEndpoint } from "./convex-http.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "./tmdb-server.ts";
import { nodeCardRenderer } from "../src/lib/year-card-render.ts";
import { nodeImportReader } from "../src/lib/import-worker.ts";
import type { CardRenderer } from "../src/views/year-card.ts";

export interface StackOptions {
  /** Bot log level; logs go to stderr so `--json` output on stdout stays clean. */
  logLevel?: string;
  ackDeadlineMs?: number;
  /** Bytes of files one message may carry (the Discord sandbox's attachmentSizeLimit; default 10 MiB). */
  attachmentSizeLimit?: number;
  /** Draws the year in review card in the bot's doors (default: resvg); a test can pass one that keeps what it drew. */
  cards?: CardRenderer;
  /**
   * Edits of messages older than an hour allowed per channel before 429 / 30046 (the Discord
   * sandbox's oldMessageEditLimit; default 3 per 20 s). The sandbox's settling waits out a 429's
   * retry_after in real time, so a test that provokes 30046 keeps the window short.
   */
  oldMessageEditLimit?: { count: number; windowMs: number };
  /**
   * Where the sandbox clock starts (epoch ms; default the real time). A test whose outcome
   * depends on the weekday or the hour pins it, so it passes on any day it runs.
   */
  clockStart?: number;
  /** The TMDB catalog's directory (default data/tmdb/): the import bench serves a generated one. */
  tmdbDataDir?: string;
  /** The engine answers indexed queries from candidate sets (sandbox/indexed-store.ts), as the bench's Convex process does. */
  indexedStore?: boolean;
  /** Per-user command limit (burst, refill per second); the benchmark raises it. */
  userRate?: { capacity: number; refillPerSecond: number };
  logger?: Logger;
  /**
   * Gateway shards (default 1). Each shard is its own bot client, as each is its own process
   * under `npm start` with SHARD_COUNT: the sandbox routes every guild's events to
   * (guild_id >> 22) % shards, and DMs to shard 0.
   */
  shards?: number;
  /**
   * The bot reaches the embedded engine over its HTTP endpoint (sandbox/convex-http.ts) through
   * the production backend — deadlines, retries and readiness included — as `npm start` reaches a
   * deployment. Needed for the `convex …` faults. Default: in-process calls.
   */
  convexHttp?: boolean;
  /**
   * How Discord delivers interactions: over the gateway to the bot process (default), or as
   * signed HTTP POSTs to an Interactions Endpoint URL served by the deployment itself
   * ("http", convex/interactions/door.ts: no bot process at all) or by the Node endpoint server
   * ("http-node", src/http-server.ts). Default: SANDBOX_INTERACTIONS from the environment, else "gateway".
   */
  interactions?: InteractionsMode;
}

export type InteractionsMode = "gateway" | "http" | "http-node";

/** The mode `npm run sandbox -- --interactions …` and the test suite's SANDBOX_INTERACTIONS choose. */
export function interactionsMode(value: string | undefined): InteractionsMode {
  if (value === undefined || value === "" || value === "gateway") return "gateway";
  if (value === "http" || value === "http-node") return value;
  throw new Error(`interactions must be gateway, http or http-node, not ${JSON.stringify(value).slice(0, 40)}`);
}

/** A fault the sandbox can switch on: Convex's (over HTTP) or TMDB's. */
export type StackFault =
  { target: "convex"; fault: ConvexFault } | { target: "tmdb"; fault: { kind: "none" } | { kind: "down" } | { kind: "slow"; ms: number } };

/** Everything `npm run sandbox`, the end-to-end tests and the benchmark run: all on loopback. */
export interface Stack {
  discord: DiscordSandbox;
  engine: EmbeddedConvex;
  tmdb: TmdbCatalogServer;
  /** The sandbox's Clerk and the deployment's HTTP front door (link page, webhooks), on loopback. */
  clerk: SandboxClerk;
  /** The engine's HTTP endpoint the bot calls, when started with `convexHttp`. */
  convex?: ConvexHttpEndpoint;
  /** Switches a fault on or off (`convex …` needs `convexHttp`). */
  fault(fault: StackFault): Promise<void>;
  /** How interactions reach the app. */
  readonly interactions: InteractionsMode;
  /** Discord's side of HTTP interactions (the signing key, and POSTs to the endpoint), in the HTTP modes. */
  readonly httpDelivery?: HttpInteractionsDelivery;
  /** The bot (shard 0's client when sharded); there is none in the HTTP modes. */
  readonly bot: Bot;
  /** One bot client per shard, by shard id. */
  readonly bots: readonly Bot[];
  /**
   * Stops a shard's bot (every shard's when `shard` is omitted) and starts a fresh one, as a
   * process restart would: a new gateway session, nothing kept in memory. `whileDown` runs
   * between the stop and the start. Resolves when it is ready again.
   */
  restartBot(shard?: number, options?: { whileDown?: () => Promise<void> }): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const shardCount = options.shards ?? 1;
  if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 64)
    throw new RangeError(`shards must be an integer from 1 to 64, got ${shardCount}`);
  const mode = options.interactions ?? interactionsMode(process.env.SANDBOX_INTERACTIONS);
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? "warn", destination: pino.destination(2) });
  const clock = new SandboxClock(options.clockStart);
  const discord = new DiscordSandbox({
    ackDeadlineMs: options.ackDeadlineMs,
    attachmentSizeLimit: options.attachmentSizeLimit,
    oldMessageEditLimit: options.oldMessageEditLimit,
    now: () => clock.now(),
    recommendedShards: shardCount,
  });
  await discord.start(0);
  // Scripts, the prompt and benchmarks each subscribe to its events.
  discord.setMaxListeners(0);
  // The embedded deployment's environment: Convex actions post to Discord through these.
  const clerk = await SandboxClerk.start();
  // Shows marked to air on the sandbox clock do (new-episode alerts see them in Convex's refresh).
  const tmdb = await startTmdbCatalogServer({ port: 0, now: () => clock.now(), dataDir: options.tmdbDataDir });
  // HTTP interactions: the application's key pair, and where Discord POSTs (the deployment's
  // router, or the Node endpoint started below).
  let endpoint: InteractionsEndpoint = () => Promise.reject(new Error("no interactions endpoint yet"));
  const delivery =
    mode === "gateway"
      ? undefined
      : new HttpInteractionsDelivery(
          discord.applicationKeys,
          (request) => endpoint(request),
          () => clock.now(),
        );
  const engine = await EmbeddedConvex.start({
    indexedStore: options.indexedStore,
    secret: randomBytes(24).toString("hex"),
    clock,
    env: {
      DISCORD_API_BASE: discord.restApiBase,
      DISCORD_TOKEN: discord.token,
      // /import downloads attachments from the sandbox's CDN (`attach FILE`) as from Discord's.
      DISCORD_CDN_BASE: discord.cdn.base,
      TMDB_API_URL: tmdb.url,
      TMDB_API_TOKEN: "sandbox",
      ...clerk.deploymentEnv(),
      // The door's TMDB client is bounded as the sandbox bot's is (below).
      ...(delivery
        ? {
            DISCORD_PUBLIC_KEY: delivery.publicKeyHex,
            DISCORD_APPLICATION_ID: discord.applicationId,
            TMDB_TIMEOUT_MS: "2500",
            TMDB_MAX_RETRIES: "1",
          }
        : {}),
    },
  });
  clerk.attach(engine);
  // The bot's own process reads it too (src/commands/import.ts); put back when the stack stops.
  const cdnBefore = process.env.DISCORD_CDN_BASE;
  process.env.DISCORD_CDN_BASE = discord.cdn.base;
  const convex = options.convexHttp ? await startConvexHttpEndpoint({ engine }) : undefined;
  engine.onCronError = (name, error) => logger.error({ err: error, cron: name }, "cron failed");

  // Deploy the commands the way `npm run register` does, against the sandbox.
  const rest = new REST({ api: discord.restApiBase }).setToken(discord.token);
  await rest.put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });

  /** Each shard's production backend when the bot calls Convex over HTTP (its readiness is watched after `convex up`). */
  const httpBackends = new Map<number, Backend>();
  const backendFor = (shard: number): Backend => {
    if (!convex) return engine.backend();
    const backend = convexHttpBackend(convex.url, engine.secret);
    httpBackends.set(shard, backend);
    return backend;
  };
  /** Until every shard's readiness check has seen Convex back (its poll looks every second). */
  const untilReachable = async () => {
    const deadline = Date.now() + 20_000;
    while ([...httpBackends.values()].some((b) => b.reachable?.() === false)) {
      if (Date.now() > deadline) throw new Error("the bot did not see Convex come back within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const startShard = async (shard: number): Promise<Bot> => {
    // In memory, per process: a restarted shard starts with a fresh one, as in production.
    const limiter = options.userRate ? new UserRateLimiter(options.userRate.capacity, options.userRate.refillPerSecond) : undefined;
    const bot = createBot({
      token: discord.token,
      apiBase: discord.restApiBase,
      backend: backendFor(shard),
      tmdb: new TmdbClient({ baseUrl: tmdb.url, timeoutMs: 2_500, maxRetries: 1 }),
      logger: shardCount > 1 ? logger.child({ shard }) : logger,
      limiter,
      now: () => engine.clock.now(),
      ...(options.cards ? { cards: options.cards } : {}),
    });
    // What ShardingManager's SHARDS / SHARD_COUNT tell each shard process's client.
    if (shardCount > 1) Object.assign(bot.client.options, { shards: [shard], shardCount });
    const ready = new Promise<void>((resolve) => bot.client.once("clientReady", () => resolve()));
    await bot.start();
    await ready;
    return bot;
  };
  const bots: Bot[] = [];
  let nodeDoor: HttpDoorServer | undefined;
  if (mode === "gateway") {
    for (let shard = 0; shard < shardCount; shard++) bots.push(await startShard(shard));
  } else if (mode === "http") {
    endpoint = async (request) => {
      const body = await request.text();
      const headers = Object.fromEntries(request.headers);
      return await engine.run((t) => t.fetch("/discord/interactions", { method: "POST", headers, body }));
    };
    await discord.setInteractionsEndpoint(delivery!);
  } else {
    const tmdbClient = new TmdbClient({ baseUrl: tmdb.url, timeoutMs: 2_500, maxRetries: 1 });
    nodeDoor = await startHttpDoor({
      ctx: {
        backend: backendFor(0),
        tmdb: tmdbClient,
        titles: new TitleService(tmdbClient),
        logger,
        limiter: options.userRate
          ? new UserRateLimiter(options.userRate.capacity, options.userRate.refillPerSecond)
          : new UserRateLimiter(),
        directory: restDirectory({ apiBase: discord.restApiBase, token: discord.token, botUserId: discord.applicationId }),
        cards: options.cards ?? nodeCardRenderer(),
        importReader: nodeImportReader(),
      },
      publicKey: delivery!.publicKeyHex,
      applicationId: discord.applicationId,
      apiBase: discord.restApiBase,
      now: () => clock.now(),
    });
    const url = nodeDoor.url;
    endpoint = (request) => fetch(url, { method: "POST", headers: request.headers, body: request.body, duplex: "half" } as RequestInit);
    await discord.setInteractionsEndpoint(delivery!);
  }

  const restartBot = async (shard?: number, restart: { whileDown?: () => Promise<void> } = {}) => {
    if (mode !== "gateway") {
      // No bot process keeps anything between interactions: a restart is only what happens meanwhile.
      await discord.waitForIdle();
      await restart.whileDown?.();
      return;
    }
    const which = shard === undefined ? bots.map((_, i) => i) : [shard];
    for (const id of which) if (!bots[id]) throw new RangeError(`no shard ${id}: the sandbox runs ${shardCount}`);
    for (const id of which) await bots[id]!.stop().catch(() => undefined);
    await discord.waitForIdle();
    // What happens in the world while the process is down (tests use it).
    await restart.whileDown?.();
    for (const id of which) bots[id] = await startShard(id);
  };

  return {
    discord,
    engine,
    tmdb,
    clerk,
    convex,
    async fault(change) {
      if (change.target === "tmdb") {
        const { fault } = change;
        tmdb.setFaults(fault.kind === "down" ? { down: true } : fault.kind === "slow" ? { delayMs: fault.ms } : {});
        return;
      }
      if (mode === "http")
        throw new Error(
          "convex faults are faults of a process's connection to Convex: with --interactions http the deployment answers Discord itself (try --interactions http-node)",
        );
      if (!convex)
        throw new Error(
          "convex faults need the bot to reach Convex over HTTP: run the sandbox as npm run sandbox does (startStack({ convexHttp: true }))",
        );
      await convex.setFault(change.fault);
      // `convex up` (or only slow): the next line runs once the bot knows Convex is back.
      if (change.fault.kind === "none" || change.fault.kind === "slow") await untilReachable();
    },
    interactions: mode,
    ...(delivery ? { httpDelivery: delivery } : {}),
    get bot() {
      if (!bots[0]) throw new Error(`there is no bot process: interactions are delivered by HTTP (${mode})`);
      return bots[0];
    },
    bots,
    restartBot,
    async stop() {
      if (cdnBefore === undefined) delete process.env.DISCORD_CDN_BASE;
      else process.env.DISCORD_CDN_BASE = cdnBefore;
      for (const bot of bots) await bot.stop().catch(() => undefined);
      await nodeDoor?.close().catch(() => undefined);
      await discord.stop().catch(() => undefined);
      await tmdb.close().catch(() => undefined);
      await clerk.close().catch(() => undefined);
      await convex?.close().catch(() => undefined);
      await engine.stop();
    },
  };
}
