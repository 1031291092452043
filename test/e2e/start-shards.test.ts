import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { SandboxClock } from "../../sandbox/clock.ts";
import { startConvexHttpEndpoint, type ConvexHttpEndpoint } from "../../sandbox/convex-http.ts";
import { DiscordSandbox, stableSnowflake } from "../../sandbox/discord/index.ts";
// This file's Discord traffic is held to Discord's spec, as every end-to-end test's is.
import "./held-to-spec.ts";
import { EmbeddedConvex } from "../../sandbox/engine.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../../sandbox/tmdb-server.ts";

let discord: DiscordSandbox | undefined;
let engine: EmbeddedConvex | undefined;
let convex: ConvexHttpEndpoint | undefined;
let tmdb: TmdbCatalogServer | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }
  await discord?.stop();
  await convex?.close();
  await tmdb?.close();
  await engine?.stop();
  discord = engine = convex = tmdb = child = undefined;
});

const base = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|CONVEX_|BOT_API|TMDB_|SHARD|LOG_LEVEL)/.test(k)));

/** `npm start` (src/start.ts) with only environment variables, against loopback stand-ins. */
function start(env: Record<string, string>): { child: ChildProcess; log: () => string } {
  let log = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    env: { ...base(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (chunk) => (log += chunk));
  proc.stderr!.on("data", (chunk) => (log += chunk));
  return { child: proc, log: () => log };
}

async function until(check: () => boolean, ms: number, what: string, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the process said:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));
const guildOnShard = (shard: number) => {
  for (let n = 1; ; n++) if (shardOf(stableSnowflake("guild", `club-${n}`), 2) === shard) return `club-${n}`;
};
const replyText = (events: Array<{ t: string }>) =>
  JSON.stringify(events.filter((e) => e.t === "reply" || e.t === "reply_edit").at(-1) ?? null);

describe("npm start with SHARD_COUNT", () => {
  it("runs one process per shard as Discord recommends (auto), each identifying with its own [shard_id, num_shards], and stops them all on SIGTERM", async () => {
    discord = new DiscordSandbox({ recommendedShards: 2 });
    await discord.start();
    const run = start({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.restApiBase,
      CONVEX_URL: "http://127.0.0.1:9",
      BOT_API_SECRET: "start-test-secret-0123456789",
      SHARD_COUNT: "auto",
      LOG_LEVEL: "silent",
    });
    child = run.child;
    await until(() => discord!.connectedShards().length === 2, 40_000, "two shards", run.log);
    expect(discord.connectedShards().sort((a, b) => a[0] - b[0])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until(() => discord!.connectedSessions === 0, 10_000, "the shards to disconnect", run.log);
  }, 60_000);

  it("answers commands in guilds on both shards, and a killed shard process comes back without losing anything", async () => {
    const secret = randomBytes(24).toString("hex");
    const clock = new SandboxClock();
    discord = new DiscordSandbox({ now: () => clock.now() });
    await discord.start();
    engine = await EmbeddedConvex.start({ secret, clock, env: { DISCORD_API_BASE: discord.restApiBase, DISCORD_TOKEN: discord.token } });
    convex = await startConvexHttpEndpoint({ engine, latencyMs: 0 });
    tmdb = await startTmdbCatalogServer({ port: 0 });
    await new REST({ api: discord.restApiBase })
      .setToken(discord.token)
      .put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });
    const [club0, club1] = [guildOnShard(0), guildOnShard(1)];
    discord.channel(club0, "general");
    discord.channel(club1, "general");

    const run = start({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.restApiBase,
      CONVEX_URL: convex.url,
      BOT_API_SECRET: secret,
      TMDB_API_URL: tmdb.url,
      SHARD_COUNT: "2",
      LOG_LEVEL: "info",
    });
    child = run.child;
    await until(() => discord!.connectedShards().length === 2, 40_000, "two shards", run.log);

    const alice = { user: "alice", guild: club0, channel: "#general" };
    const bob = { user: "bob", guild: club1, channel: "#general" };
    expect(replyText((await discord.runCommand(alice, "ep", {}, { positional: ["1399", "1", "1"] })).events)).toContain("S1E1");
    expect(replyText((await discord.runCommand(bob, "ep", {}, { positional: ["1399", "1", "2"] })).events)).toContain("S1E2");

    // Kill shard 1's process outright; the manager starts it again and it identifies anew.
    const pid = Number(/"shard":1,[^\n]*"pid":(\d+)/.exec(run.log())?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    await until(() => discord!.connectedShards().length === 1, 20_000, "shard 1 to drop", run.log);
    expect(replyText((await discord.runCommand(alice, "ep", {}, { positional: ["1399", "1", "3"] })).events)).toContain("S1E3");
    await until(() => discord!.connectedShards().length === 2, 40_000, "shard 1 to come back", run.log);

    // The restarted shard answers in its guild, from the progress Convex kept (S1E2, then S1E3).
    const after = await discord.runCommand(bob, "ep", {}, { positional: ["1399", "1", "3"] });
    expect(after.events.filter((e) => e.t === "interaction_failed")).toHaveLength(0);
    expect(replyText(after.events)).toContain("S1E3");
    expect(replyText(after.events)).toMatch(/2\/73 episodes/);
  }, 120_000);
});
