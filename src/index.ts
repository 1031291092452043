// Production entry: the bot against Discord, a Convex deployment and TMDB.
import { createBot } from "./bot.ts";
import { convexHttpBackend } from "./lib/backend.ts";
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
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await bot.stop().catch((error) => logger.error({ err: error }, "error while stopping"));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("unhandledRejection", (error) => logger.error({ err: error }, "unhandled rejection"));

  await bot.start();
}

void main();
