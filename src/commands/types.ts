import type { AutocompleteInteraction, CommandInteraction, ComponentInteraction } from "../core/interaction.ts";
import type { CardRenderer } from "../views/year-card.ts";
import type { ImportFileReader } from "../lib/import/index.ts";
import type { Responder } from "../core/respond.ts";
import type { Backend } from "../lib/backend.ts";
import type { ArgumentsOf, CommandDefinition, PartialArguments } from "../lib/command-options.ts";
import type { Logger } from "../lib/logger.ts";
import type { UserRateLimiter } from "../lib/rate-limit.ts";
import type { TitleService } from "../lib/titles.ts";
import type { TmdbClient } from "../lib/tmdb.ts";
import type { ComponentArgs, ComponentName } from "../views/component-ids.ts";
import { english, type Translator } from "../i18n/index.ts";

/**
 * What a door knows about servers beyond the interaction itself. The gateway door has the
 * Guilds intent's cache; the HTTP door has none, and handlers then fall back to what the
 * interaction says (the channel it was used in). Both can ask Discord about a member.
 */
export interface GuildDirectory {
  /** Makes what the synchronous lookups below need ready for a server (a door without a cache fetches it). */
  prepare?(guildId: string): Promise<void>;
  /** The server's text channels the member can see (View Channel), or null when the server is unknown. */
  visibleChannelIds(interaction: CommandInteraction | ComponentInteraction | AutocompleteInteraction): string[] | null;
  /** The bot's permissions in a channel of the server, or null when unknown. */
  botPermissionsIn(guildId: string, channelId: string): bigint | null;
  /** A channel's name, when known. */
  channelName(guildId: string, channelId: string): string | undefined;
  /** Whether someone is a member of the server (asked of Discord; false when it can't tell). */
  isMember(guildId: string, userId: string): Promise<boolean>;
}

/** What every handler may use; built once per door (per bot process, or per Convex HTTP action). */
export interface BotContext {
  backend: Backend;
  tmdb: TmdbClient;
  titles: TitleService;
  logger: Logger;
  limiter: UserRateLimiter;
  directory: GuildDirectory;
  /** Draws PNG cards (the year in review); the Node doors have one, Convex's door does not. */
  cards?: CardRenderer;
  /** Reads /import's files off the event loop (a worker thread) in the Node doors; Convex's door reads inline. */
  importReader?: ImportFileReader;
  /**
   * Who reads what: `user` is the person's language (ephemeral replies, autocomplete, their DMs),
   * `server` the server's (public posts: boards, session posts, polls, shares). The dispatcher sets
   * both for each interaction from Discord's `locale` and `guild_locale`.
   */
  i18n?: { user: Translator; server: Translator };
}

/** The person's translator: what only they see. English where no dispatcher set one (a test calling a handler directly). */
export function forPerson(ctx: BotContext): Translator {
  return ctx.i18n?.user ?? english;
}

/** The server's translator: what the channel sees (outside a server, the person's). */
export function forServer(ctx: BotContext): Translator {
  return ctx.i18n?.server ?? english;
}

export type { AutocompleteInteraction, CommandInteraction, ComponentInteraction };

/** A button's or select's handler: it receives what the component's codec decoded, typed. */
export type ComponentHandler<N extends ComponentName> = (
  interaction: ComponentInteraction,
  respond: Responder,
  ctx: BotContext,
  args: ComponentArgs<N>,
) => Promise<void>;

/** A command's component handlers, by component name ("ep:mark"), each typed by its codec. */
export type ComponentHandlers = { [N in ComponentName]?: ComponentHandler<N> };

/**
 * One slash command: its definition (const data, which its arguments are typed
 * from), its handlers, and the handlers of the components its replies carry.
 */
export interface Command<C extends CommandDefinition = CommandDefinition> {
  data: C;
  /** Whether replies are ephemeral unless a handler says otherwise. */
  ephemeral: boolean;
  /**
   * Subcommands and component actions that only read (true: the whole command).
   * They pass this process's per-user limiter; everything else writes, and Convex
   * throttles writes per user inside the write itself, across every shard.
   */
  reads?: true | readonly string[];
  /** `args` are the options, checked against `data` and typed from it. */
  execute(interaction: CommandInteraction, respond: Responder, ctx: BotContext, args: ArgumentsOf<C>): Promise<void>;
  /** `args` are what has been typed so far (any option may be missing). */
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
    args: PartialArguments<ArgumentsOf<C>>,
  ): Promise<{ name: string; value: string }[]>;
  components?: ComponentHandlers;
  /** Its handlers look past the interaction's own channel (GuildDirectory): a door without a cache prepares it first. */
  usesDirectory?: true;
}

/** A command, with its handlers' arguments typed from its definition. */
export function command<const C extends CommandDefinition>(definition: Command<C>): Command<C> {
  return definition;
}

/** Sharing posts to a server channel, so it is offered only there (never in DMs or group DMs). */
export function canShare(interaction: { guildId: string | null }): boolean {
  return interaction.guildId !== null;
}
