import { randomBytes } from "node:crypto";
import { REST, Routes } from "discord.js";
import { createBot, type Bot } from "../bot.ts";
import { commandDefinitions } from "../commands/index.ts";
import { createLogger, type Logger } from "../lib/logger.ts";
import { UserRateLimiter } from "../lib/rate-limit.ts";
import { TmdbClient } from "../lib/tmdb.ts";
import { DiscordSandbox } from "./discord/index.ts";
import { EmbeddedConvex } from "./engine.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "./tmdb-server.ts";
import pino from "pino";

export interface StackOptions {
  /** Bot log level; logs go to stderr so `--json` output on stdout stays clean. */
  logLevel?: string;
  ackDeadlineMs?: number;
  /** Per-user command limit (burst, refill per second); the benchmark raises it. */
  userRate?: { capacity: number; refillPerSecond: number };
  logger?: Logger;
}

/** Everything `npm run sandbox`, the end-to-end tests and the benchmark run: all on loopback. */
export interface Stack {
  discord: DiscordSandbox;
  engine: EmbeddedConvex;
  tmdb: TmdbCatalogServer;
  bot: Bot;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? "warn", destination: pino.destination(2) });
  const engine = await EmbeddedConvex.start({ secret: randomBytes(24).toString("hex") });
  engine.onCronError = (name, error) => logger.error({ err: error, cron: name }, "cron failed");
  const tmdb = await startTmdbCatalogServer({ port: 0 });
  const discord = new DiscordSandbox({ ackDeadlineMs: options.ackDeadlineMs, now: () => engine.clock.now() });
  await discord.start(0);
  // Scripts, the prompt and benchmarks each subscribe to its events.
  discord.setMaxListeners(0);
  // The embedded deployment's environment: Convex actions post to Discord through these.
  process.env.DISCORD_API_BASE = discord.restApiBase;
  process.env.DISCORD_TOKEN = discord.token;

  // Deploy the commands the way `npm run register` does, against the sandbox.
  const rest = new REST({ api: discord.restApiBase }).setToken(discord.token);
  await rest.put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });

  const bot = createBot({
    token: discord.token,
    apiBase: discord.restApiBase,
    backend: engine.backend(),
    tmdb: new TmdbClient({ baseUrl: tmdb.url, timeoutMs: 2_500, maxRetries: 1 }),
    logger,
    limiter: options.userRate ? new UserRateLimiter(options.userRate.capacity, options.userRate.refillPerSecond) : undefined,
    now: () => engine.clock.now(),
  });
  const ready = new Promise<void>((resolve) => bot.client.once("clientReady", () => resolve()));
  await bot.start();
  await ready;

  return {
    discord,
    engine,
    tmdb,
    bot,
    async stop() {
      await bot.stop().catch(() => undefined);
      await discord.stop().catch(() => undefined);
      await tmdb.close().catch(() => undefined);
      await engine.stop();
    },
  };
}
