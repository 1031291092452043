import { Client, GatewayIntentBits, Options, type ClientOptions } from "discord.js";
import type { BotContext } from "./commands/types.ts";
import type { CardRenderer } from "./views/year-card.ts";
import { events } from "./events/index.ts";
import { guildDirectory } from "./events/guild-directory.ts";
import { listenForInteractions } from "./events/interactionCreate.ts";
import { INTERACTION_BUDGET_MS, type Backend } from "./lib/backend.ts";
import { watchEventLoop, type EventLoopWatch } from "./lib/event-loop.ts";
import type { Logger } from "./lib/logger.ts";
import { UserRateLimiter } from "./lib/rate-limit.ts";
import { nodeCardRenderer } from "./lib/year-card-render.ts";
import { nodeImportReader } from "./lib/import-worker.ts";
import { NO_MENTIONS } from "./core/respond.ts";
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
  /** Draws the year in review card; default: resvg with the bundled font. */
  cards?: CardRenderer;
  now?: () => number;
}

export interface Bot {
  client: Client;
  ctx: BotContext;
  start(): Promise<void>;
  /**
   * Stops cleanly: closes the gateway (no new interactions arrive), lets the interactions
   * already in flight finish — their replies go out — for up to `drainMs`, then destroys the client.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/**
 * How long stop() waits for interactions in flight by default: one that arrived just before the
 * signal may spend its whole Convex budget (the first attempt and the retry) and then needs a moment
 * to send its answer. compose.yaml's stop_grace_period (15 s) leaves room for it and the force exit.
 */
export const DRAIN_MS = INTERACTION_BUDGET_MS + 1_500;

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
    directory: guildDirectory(client),
    cards: options.cards ?? nodeCardRenderer(),
    importReader: nodeImportReader(),
  };
  /** Event handlers still running (an interaction being answered), awaited by stop(). */
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: Promise<void>, name: string) => {
    const run = work
      .catch((error: unknown) => options.logger.error({ err: error, event: name }, "event handler failed"))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };
  listenForInteractions(client, ctx, { apiBase: options.apiBase, accepting: () => !stopping, track: (work) => track(work, "interaction") });
  for (const event of events) {
    const listener = (...args: unknown[]) => {
      if (stopping) return;
      track(
        Promise.resolve((event.execute as (...a: unknown[]) => unknown)(...args, ctx)).then(() => undefined),
        event.name,
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
    async stop({ drainMs = DRAIN_MS } = {}) {
      // Close the gateway first, so nothing new arrives; the REST client keeps its token meanwhile.
      // (WebSocketManager#destroy is what client.destroy() calls; its typings mark it private.)
      stopping = true;
      await (client.ws as unknown as { destroy?: () => Promise<void> }).destroy?.();
      if (inFlight.size > 0) {
        options.logger.info({ interactions: inFlight.size }, "finishing the interactions in flight");
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          Promise.all([...inFlight]).then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(resolve, drainMs, false))),
        ]);
        clearTimeout(timer);
        if (!finished) options.logger.warn({ interactions: inFlight.size, drainMs }, "stopping with interactions still in flight");
      }
      loop?.stop();
      loop = undefined;
      options.backend.unwatch?.();
      await client.destroy();
    },
  };
}
