import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../src/sandbox/discord/index.ts";

let discord: DiscordSandbox | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await discord?.stop();
});

/** `npm start` (src/start.ts) against a local Discord; nothing else is contacted before a command arrives. */
function start(sandbox: DiscordSandbox, shardCount: string): ChildProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|CONVEX_|BOT_API|TMDB_|SHARD)/.test(k)));
  return spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    env: {
      ...env,
      DISCORD_TOKEN: sandbox.token,
      DISCORD_API_BASE: sandbox.restApiBase,
      CONVEX_URL: "http://127.0.0.1:9",
      BOT_API_SECRET: "start-test-secret-0123456789",
      SHARD_COUNT: shardCount,
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm start with SHARD_COUNT", () => {
  it("runs one process per shard as Discord recommends (auto), each identifying with its own [shard_id, num_shards], and stops them all on SIGTERM", async () => {
    discord = new DiscordSandbox({ recommendedShards: 2 });
    await discord.start();
    child = start(discord, "auto");
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    await until(() => discord!.connectedShards().length === 2, 40_000).catch(() => {
      throw new Error(`the shards did not connect; stderr:\n${stderr}`);
    });
    expect(discord.connectedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until(() => discord!.connectedSessions === 0, 10_000);
  }, 60_000);
});
