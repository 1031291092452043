// `npm start`: the bot in this process, or — when SHARD_COUNT is above 1 or "auto" — one
// process per gateway shard under discord.js's ShardingManager, each running src/index.ts.
// Before either, the doctor's start-up checks (src/lib/doctor.ts): a refused token, an unreachable
// Discord or a secret Convex refuses stops it with a one-line reason and exit code 1; anything else
// that is wrong is logged as a warning and the bot starts.
import { fileURLToPath } from "node:url";
import { ShardingManager } from "discord.js";
import { z } from "zod";
import { commandDefinitions } from "./commands/index.ts";
import { startupChecks } from "./lib/doctor.ts";
import { clearHeartbeats } from "./lib/doctor-health.ts";
import { loadEnvOrExit, type Env } from "./lib/env.ts";
import { createLogger } from "./lib/logger.ts";

const gatewayBot = z.object({ shards: z.number().int().min(1).max(64) });

/** The shard count Discord recommends for this bot (GET /gateway/bot). */
async function recommendedShardCount(env: Env): Promise<number> {
  const response = await fetch(`${env.DISCORD_API_BASE}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${env.DISCORD_TOKEN}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new Error(`SHARD_COUNT=auto: Discord answered GET /gateway/bot with ${response.status} (is DISCORD_TOKEN right?)`);
  const parsed = gatewayBot.safeParse(await response.json());
  if (!parsed.success) throw new Error("SHARD_COUNT=auto: GET /gateway/bot did not say how many shards to run");
  return parsed.data.shards;
}

async function main() {
  // `.env` is read into process.env here (variables already set win); shard processes inherit both.
  const env = loadEnvOrExit();
  const startLogger = createLogger({ level: env.LOG_LEVEL }).child({ component: "startup" });
  // A new run's shards write their own heartbeats: one left by the run before (a restarted container
  // with fewer shards) would keep the health check failing for good.
  if (env.HEALTH_DIR) clearHeartbeats(env.HEALTH_DIR);
  const findings = await startupChecks({ env, definitions: commandDefinitions() });
  const fatal = findings.filter((finding) => finding.fatal);
  if (fatal.length > 0) {
    for (const finding of fatal) console.error(finding.line);
    process.exit(1);
  }
  for (const finding of findings) {
    if (finding.level === "ok") startLogger.info(finding.line);
    else startLogger.warn(finding.line);
  }
  if (env.SHARD_COUNT === 1) {
    await import("./index.ts");
    return;
  }

  const logger = createLogger({ level: env.LOG_LEVEL }).child({ component: "shards" });
  const totalShards = env.SHARD_COUNT === "auto" ? await recommendedShardCount(env) : env.SHARD_COUNT;
  const manager = new ShardingManager(fileURLToPath(new URL("./index.ts", import.meta.url)), {
    totalShards,
    token: env.DISCORD_TOKEN,
    mode: "process",
    respawn: true,
    // Each shard is `node --import tsx src/index.ts` with SHARDS and SHARD_COUNT set.
    execArgv: ["--import", "tsx"],
  });
  manager.on("shardCreate", (shard) => {
    shard.on("spawn", (child) =>
      logger.info({ shard: shard.id, of: totalShards, pid: "pid" in child ? child.pid : undefined }, "shard process started"),
    );
    shard.on("death", () => {
      if (manager.respawn) logger.warn({ shard: shard.id }, "shard process exited; it will be restarted");
    });
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping every shard");
    manager.respawn = false;
    // Each shard shuts down cleanly on SIGTERM (src/index.ts).
    for (const shard of manager.shards.values()) shard.process?.kill("SIGTERM");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    const poll = setInterval(() => {
      if ([...manager.shards.values()].every((s) => !s.process || s.process.exitCode !== null || s.process.signalCode !== null))
        process.exit(0);
    }, 100);
    poll.unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  await manager.spawn({ amount: totalShards, timeout: 60_000 });
  logger.info({ shards: totalShards }, "every shard is ready");
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
