// The loopback Convex deployment in a process of its own: the embedded engine behind the Convex
// HTTP endpoint (sandbox/convex-http.ts). Kept apart from the local Discord so the engine's
// work (convex-test runs one function at a time) does not hold up Discord's answers in the measurements.
// Started by world.ts; reports its URL, every call and every transaction's cost over IPC.
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

const engine = await EmbeddedConvex.start({
  secret: required("BOT_API_SECRET"),
  env: { DISCORD_API_BASE: required("DISCORD_API_BASE"), DISCORD_TOKEN: required("DISCORD_TOKEN") },
  // A deployment reads an index; convex-test walks every document unless given candidate sets.
  indexedStore: engineKind() === "indexed",
});
const mode = required("CONVEX_LATENCY_MODE");
if (mode !== "call" && mode !== "added") throw new Error(`convex-process: CONVEX_LATENCY_MODE must be "call" or "added", got ${mode}`);
const endpoint = await startConvexHttpEndpoint({ engine, latencyMs: Number(required("CONVEX_LATENCY_MS")), latencyMode: mode });
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
  const m = message as { t?: string; id?: number; fault?: ConvexFault; discordUserIds?: string[]; tmdbId?: number };
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
