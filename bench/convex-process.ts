// The loopback Convex deployment in a process of its own: the embedded engine behind the Convex
// HTTP endpoint (sandbox/convex-http.ts). Kept apart from the local Discord so the engine's
// work (convex-test runs one function at a time) does not hold up Discord's answers in the measurements.
// Started by world.ts; reports its URL, every call and every transaction's cost over IPC.
// With HTTP_ACTIONS=1 it also serves the deployment's HTTP router (POST /discord/interactions:
// Discord's HTTP interactions answered by the deployment itself, the HTTP door), and it counts
// every function the engine runs — queries, mutations, actions (scheduled ones included) and HTTP
// actions, by name, with their wall time — for the doors' "what it costs" (`stats` over IPC).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startConvexHttpEndpoint, type ConvexFault } from "../sandbox/convex-http.ts";
import { EmbeddedConvex } from "../sandbox/engine.ts";

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`convex-process: ${name} is not set`);
  return value;
};

if (!process.send) throw new Error("convex-process: run it from the benchmark (it reports over IPC)");
const send = (message: unknown) => process.send!(message);

function engineKind(): "indexed" | "scan" {
  const kind = required("CONVEX_ENGINE");
  if (kind !== "indexed" && kind !== "scan") throw new Error(`convex-process: CONVEX_ENGINE must be "indexed" or "scan", got ${kind}`);
  return kind;
}

const optional = (names: string[]) => Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
const httpActions = process.env.HTTP_ACTIONS === "1";
const engine = await EmbeddedConvex.start({
  secret: required("BOT_API_SECRET"),
  env: {
    DISCORD_API_BASE: required("DISCORD_API_BASE"),
    DISCORD_TOKEN: required("DISCORD_TOKEN"),
    // The HTTP door's settings (convex/interactions/door.ts), as a deployment's environment holds them.
    ...optional(["DISCORD_PUBLIC_KEY", "DISCORD_APPLICATION_ID", "TMDB_API_URL", "TMDB_API_TOKEN", "TMDB_TIMEOUT_MS", "TMDB_MAX_RETRIES"]),
  },
  // A deployment reads an index; convex-test walks every document unless given candidate sets.
  indexedStore: engineKind() === "indexed",
});
const mode = required("CONVEX_LATENCY_MODE");
if (mode !== "call" && mode !== "added") throw new Error(`convex-process: CONVEX_LATENCY_MODE must be "call" or "added", got ${mode}`);
const endpoint = await startConvexHttpEndpoint({
  engine,
  latencyMs: Number(required("CONVEX_LATENCY_MS")),
  latencyMode: mode,
  httpActions,
});

// Every function the engine runs, counted where convex-test calls it: each registered function's
// handler (read by convex-test on every call, however the function is reached — the HTTP API, an
// action's runQuery/runMutation, the scheduler, a cron) is wrapped once here. The engine imports
// the same module files by the same URLs, so these are the objects it runs.
export type FunctionKind = "query" | "mutation" | "action" | "httpAction";
interface FunctionStats {
  kind: FunctionKind;
  calls: number;
  ms: number;
}
const functionStats = new Map<string, FunctionStats>();
/** Wall time of every HTTP action since the last reset (for percentiles). */
let httpActionMs: number[] = [];
const convexDir = fileURLToPath(new URL("../convex/", import.meta.url));
async function countFunctions(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "_generated") await countFunctions(path);
      continue;
    }
    if (!/\.ts$/.test(entry.name) || entry.name.endsWith(".d.ts")) continue;
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const name = path.slice(convexDir.length).replace(/\.ts$/, "");
    for (const [exported, fn] of Object.entries(module)) {
      const f = fn as {
        _handler?: (...args: unknown[]) => unknown;
        isQuery?: boolean;
        isMutation?: boolean;
        isAction?: boolean;
        isHttp?: boolean;
      };
      if (typeof f !== "object" && typeof f !== "function") continue;
      if (f === null || typeof f._handler !== "function") continue;
      const kind: FunctionKind | null = f.isQuery
        ? "query"
        : f.isMutation
          ? "mutation"
          : f.isAction
            ? "action"
            : f.isHttp
              ? "httpAction"
              : null;
      if (kind === null) continue;
      const handler = f._handler;
      const key = `${name}:${exported}`;
      f._handler = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await handler(...args);
        } finally {
          const ms = performance.now() - started;
          const stats = functionStats.get(key) ?? { kind, calls: 0, ms: 0 };
          stats.calls++;
          stats.ms += ms;
          functionStats.set(key, stats);
          if (kind === "httpAction") httpActionMs.push(ms);
        }
      };
    }
  }
}
await countFunctions(convexDir);
engine.observe((cost) => send({ t: "cost", cost }));
endpoint.onCall((call) => send({ t: "call", path: call.path, ok: call.ok, engineMs: call.engineMs }));

const stop = async () => {
  await endpoint.close().catch(() => undefined);
  await engine.stop();
  process.exit(0);
};
/** What the fault phase counts after an outage: each person's watched episodes of a show and their Undo entries. */
async function inspect(discordUserIds: string[], tmdbId: number) {
  return await engine.run((t) =>
    t.run(async (ctx) => {
      const people: Record<string, { watched: string[]; undoEntries: number }> = {};
      for (const discordUserId of discordUserIds) {
        const account = await ctx.db
          .query("discord_accounts")
          .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
          .unique();
        if (account === null) {
          people[discordUserId] = { watched: [], undoEntries: 0 };
          continue;
        }
        const rows = await ctx.db
          .query("episode_progress")
          .withIndex("by_user_media", (q) => q.eq("userId", account.userId).eq("tmdbId", tmdbId))
          .collect();
        const undo = await ctx.db
          .query("undo_entries")
          .withIndex("by_user", (q) => q.eq("userId", account.userId))
          .collect();
        people[discordUserId] = {
          watched: rows.filter((r) => r.isWatched).map((r) => `S${r.season}E${r.episode}`),
          undoEntries: undo.length,
        };
      }
      return people;
    }),
  );
}

process.on("message", (message: unknown) => {
  if (message === "stop") return void stop();
  const m = message as { t?: string; id?: number; fault?: ConvexFault; discordUserIds?: string[]; tmdbId?: number; reset?: boolean };
  if (m?.t === "stats") {
    send({ t: "stats", id: m.id, functions: Object.fromEntries(functionStats), httpActionMs });
    if (m.reset) {
      functionStats.clear();
      httpActionMs = [];
    }
  }
  if (m?.t === "fault" && m.fault) {
    void endpoint.setFault(m.fault).then(
      () => send({ t: "fault-set", id: m.id }),
      (error: unknown) => send({ t: "fault-set", id: m.id, error: String(error) }),
    );
  }
  if (m?.t === "inspect" && Array.isArray(m.discordUserIds) && typeof m.tmdbId === "number") {
    void inspect(m.discordUserIds, m.tmdbId).then(
      (people) => send({ t: "inspected", id: m.id, people }),
      (error: unknown) => send({ t: "inspected", id: m.id, error: String(error) }),
    );
  }
});
process.on("disconnect", () => void stop());
send({ t: "ready", url: endpoint.url });
