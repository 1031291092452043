// `npm run serve`: Discord's HTTP interactions served from Node (src/http-server.ts), for running
// stateless replicas behind a load balancer instead of a gateway connection — the same interaction
// core as the bot process and as the Convex door. Set the application's Interactions Endpoint URL
// to this server's public https URL (`npm run register -- --endpoint https://…/`).
import { restDirectory } from "./core/rest-directory.ts";
import { startHttpDoor } from "./http-server.ts";
import { convexHttpBackend } from "./lib/convex-http-backend.ts";
import { loadEnvOrExit } from "./lib/env.ts";
import { createLogger } from "./lib/logger.ts";
import { UserRateLimiter } from "./lib/rate-limit.ts";
import { TitleService } from "./lib/titles.ts";
import { TmdbClient } from "./lib/tmdb.ts";
import { nodeCardRenderer } from "./lib/year-card-render.ts";
import { nodeImportReader } from "./lib/import-worker.ts";

const env = loadEnvOrExit();
if (!env.DISCORD_PUBLIC_KEY || !env.DISCORD_APPLICATION_ID) {
  console.error(
    "npm run serve needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID (Developer Portal → General Information): it checks Discord's signature on every request.",
  );
  process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL });
const tmdb = new TmdbClient({ baseUrl: env.TMDB_API_URL, token: env.TMDB_API_TOKEN, imageBaseUrl: env.TMDB_IMAGE_BASE });
const door = await startHttpDoor({
  ctx: {
    backend: convexHttpBackend(env.CONVEX_URL, env.BOT_API_SECRET),
    tmdb,
    titles: new TitleService(tmdb),
    logger,
    limiter: new UserRateLimiter(),
    directory: restDirectory({ apiBase: env.DISCORD_API_BASE, token: env.DISCORD_TOKEN, botUserId: env.DISCORD_APPLICATION_ID }),
    cards: nodeCardRenderer(),
    importReader: nodeImportReader(),
  },
  publicKey: env.DISCORD_PUBLIC_KEY,
  applicationId: env.DISCORD_APPLICATION_ID,
  apiBase: env.DISCORD_API_BASE,
  port: env.PORT,
  host: "0.0.0.0",
});
logger.info({ url: door.url }, "serving Discord's HTTP interactions");

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing the interactions in flight");
  await door.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
