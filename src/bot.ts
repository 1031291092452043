import { Client, GatewayIntentBits, Options, type ClientOptions } from "discord.js";
import type { BotContext } from "./commands/types.ts";
import { events } from "./events/index.ts";
import type { Backend } from "./lib/backend.ts";
import { watchEventLoop, type EventLoopWatch } from "./lib/event-loop.ts";
import type { Logger } from "./lib/logger.ts";
import { UserRateLimiter } from "./lib/rate-limit.ts";
import { NO_MENTIONS } from "./lib/respond.ts";
import { TitleService } from "./lib/titles.ts";
import type { TmdbClient } from "./lib/tmdb.ts";

export interface BotOptions {
  token: string;
  /** Discord REST base, e.g. https://discord.com/api or the sandbox's loopback URL. */
  apiBase: string;
  backend: Backend;
  tmdb: TmdbClient;
  logger: Logger;
  limiter?: UserRateLimiter;
  now?: () => number;
}

export interface Bot {
  client: Client;
  ctx: BotContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The bot process: only the Guilds intent (slash commands need nothing more)
 * and caches trimmed to nothing the commands read, so memory stays flat across
 * thousands of guilds.
 */
export function createBot(options: BotOptions): Bot {
  const clientOptions: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiBase },
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
      ThreadManager: 0,
      GuildScheduledEventManager: 0,
    }),
  };
  const client = new Client(clientOptions);
  const ctx: BotContext = {
    backend: options.backend,
    tmdb: options.tmdb,
    titles: new TitleService(options.tmdb),
    logger: options.logger,
    limiter: options.limiter ?? new UserRateLimiter(),
  };
  for (const event of events) {
    const listener = (...args: unknown[]) => {
      Promise.resolve((event.execute as (...a: unknown[]) => unknown)(...args, ctx)).catch((error) =>
        options.logger.error({ err: error, event: event.name }, "event handler failed"),
      );
    };
    // Each event file is typed by its event name; the registry loop only forwards arguments.
    const emitter = client as unknown as NodeJS.EventEmitter;
    if (event.once) emitter.once(event.name, listener);
    else emitter.on(event.name, listener);
  }
  client.on("error", (error) => options.logger.error({ err: error }, "discord client error"));
  client.on("shardDisconnect", (_event, id) => options.logger.warn({ shard: id }, "gateway disconnected"));
  client.on("shardResume", (id) => options.logger.info({ shard: id }, "gateway resumed"));

  let loop: EventLoopWatch | undefined;
  return {
    client,
    ctx,
    async start() {
      // One slow handler stalls every guild on this shard: say so in the log when it happens.
      loop ??= watchEventLoop(options.logger);
      // Whether Convex is reachable: logged when that changes; during an outage commands answer at once.
      options.backend.watch?.(options.logger);
      await client.login(options.token);
    },
    async stop() {
      loop?.stop();
      loop = undefined;
      options.backend.unwatch?.();
      await client.destroy();
    },
  };
}
