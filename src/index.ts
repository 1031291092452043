// The bot against Discord, a Convex deployment and TMDB: run by `npm start` (src/start.ts, which checks
// the setup first) in this process, or once per shard process under its ShardingManager.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Events } from "discord.js";
import { createBot, DRAIN_MS, type Bot } from "./bot.ts";
import { HEARTBEAT_MS } from "./lib/doctor-health.ts";
import { convexHttpBackend } from "./lib/convex-http-backend.ts";
import { loadEnvOrExit } from "./lib/env.ts";
import { createLogger } from "./lib/logger.ts";
import { TmdbClient } from "./lib/tmdb.ts";

async function main() {
  const env = loadEnvOrExit();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const bot = createBot({
    token: env.DISCORD_TOKEN,
    apiBase: env.DISCORD_API_BASE,
    backend: convexHttpBackend(env.CONVEX_URL, env.BOT_API_SECRET),
    tmdb: new TmdbClient({ baseUrl: env.TMDB_API_URL, token: env.TMDB_API_TOKEN, imageBaseUrl: env.TMDB_IMAGE_BASE }),
    logger,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // bot.stop() finishes the interactions in flight (up to DRAIN_MS) before it disconnects.
    const force = setTimeout(() => process.exit(1), DRAIN_MS + 2_000);
    force.unref();
    await bot.stop().catch((error) => logger.error({ err: error }, "error while stopping"));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("unhandledRejection", (error) => logger.error({ err: error }, "unhandled rejection"));

  if (env.HEALTH_DIR) writeHeartbeats(env.HEALTH_DIR, bot.client);
  try {
    await bot.start();
  } catch (error) {
    // A refused token or an unreachable gateway: say why in one line, and exit non-zero so a supervisor sees a failure.
    console.error(`Could not log in to Discord: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * While connected to the gateway, this process's shards touch `HEALTH_DIR/shard-<ids>` every 10 s;
 * the image's HEALTHCHECK (src/healthcheck.ts) calls the bot unhealthy when a heartbeat is missing or old.
 */
function writeHeartbeats(dir: string, client: Bot["client"]): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `shard-${client.shard?.ids.join("-") ?? "0"}`);
  const beat = () => {
    if (client.isReady()) writeFileSync(file, String(Date.now()));
  };
  client.once(Events.ClientReady, beat);
  setInterval(beat, HEARTBEAT_MS).unref();
}

void main();
