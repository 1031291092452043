// `docker stop` (SIGTERM) in the middle of a burst of commands: the production process stops taking
// new interactions, finishes the ones in flight — every one gets its answer — and exits 0.
// The real `npm start` process runs against the stand-ins: loopback Discord, the embedded Convex
// engine behind its HTTP endpoint (with a deployment's round trip), the TMDB catalog.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { REST, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { startConvexHttpEndpoint, type ConvexHttpEndpoint } from "../../sandbox/convex-http.ts";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
// This file's Discord traffic is held to Discord's spec, as every end-to-end test's is.
import "./held-to-spec.ts";
import { EmbeddedConvex } from "../../sandbox/engine.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../../sandbox/tmdb-server.ts";

const secret = randomBytes(24).toString("hex");
let discord: DiscordSandbox;
let engine: EmbeddedConvex;
let convex: ConvexHttpEndpoint;
let tmdb: TmdbCatalogServer;
let child: ChildProcess | undefined;

beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
  engine = await EmbeddedConvex.start({ secret, env: { DISCORD_API_BASE: discord.restApiBase, DISCORD_TOKEN: discord.token } });
  // Every Convex call takes 1.5 s, so a burst is still in flight when the signal comes.
  convex = await startConvexHttpEndpoint({ engine, latencyMs: 1_500 });
  tmdb = await startTmdbCatalogServer({ port: 0 });
  await new REST({ api: discord.restApiBase })
    .setToken(discord.token)
    .put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });
}, 60_000);
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await discord?.stop();
  await convex?.close();
  await tmdb?.close();
  await engine?.stop();
});

const base = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|CONVEX_|BOT_API|TMDB_|SHARD|LOG_LEVEL)/.test(k)));

async function until(check: () => boolean, ms: number, what: string, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the process said:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm start on SIGTERM", () => {
  it("finishes the interactions in flight — each gets its answer — and exits 0", async () => {
    let log = "";
    child = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
      env: {
        ...base(),
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.restApiBase,
        CONVEX_URL: convex.url,
        BOT_API_SECRET: secret,
        TMDB_API_URL: tmdb.url,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (log += chunk));
    child.stderr!.on("data", (chunk) => (log += chunk));
    await until(
      () => log.includes("connected to Discord"),
      40_000,
      "the bot to connect",
      () => log,
    );

    discord.channel("movie-club", "general");
    const people = ["alice", "bob", "carol", "dave", "erin"];
    let acked = 0;
    const onAck = () => acked++;
    discord.on("ack", onAck);
    const burst = people.map((user, i) =>
      discord.runCommand({ user, guild: "movie-club", channel: "#general" }, "ep", {}, { positional: ["1399", "1", String(i + 1)] }),
    );
    // Every interaction has reached the bot and been acknowledged; none is answered yet (Convex takes 1.5 s).
    await until(
      () => acked === people.length,
      10_000,
      "the burst to be acknowledged",
      () => log,
    );
    discord.off("ack", onAck);
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");

    const results = await Promise.all(burst);
    results.forEach((result, i) => {
      // The burst's calls ran side by side, so each collected the others' events too: keep this person's.
      const own = result.events.filter((e) => (e as { interaction_id?: string }).interaction_id === result.interactionId);
      expect(
        own.filter((e) => e.t === "interaction_failed"),
        people[i],
      ).toEqual([]);
      const answer = JSON.stringify(own.filter((e) => e.t === "reply" || e.t === "reply_edit").at(-1) ?? null);
      expect(answer, `${people[i]}'s answer`).toContain(`S1E${i + 1}`);
    });
    expect(await exited).toBe(0);
    expect(log).toContain("finishing the interactions in flight");
    await until(
      () => discord.connectedSessions === 0,
      10_000,
      "the gateway to close",
      () => log,
    );
  }, 90_000);
});
