import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, StringSelectMenuInteraction } from "discord.js";
import type { Backend } from "../lib/backend.ts";
import type { ArgumentsOf, CommandDefinition, PartialArguments } from "../lib/command-options.ts";
import type { Logger } from "../lib/logger.ts";
import type { UserRateLimiter } from "../lib/rate-limit.ts";
import type { Responder } from "../lib/respond.ts";
import type { TitleService } from "../lib/titles.ts";
import type { TmdbClient } from "../lib/tmdb.ts";
import type { ComponentArgs, ComponentName } from "../views/component-ids.ts";

/** What every handler may use; built once per bot process. */
export interface BotContext {
  backend: Backend;
  tmdb: TmdbClient;
  titles: TitleService;
  logger: Logger;
  limiter: UserRateLimiter;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

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
  execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext, args: ArgumentsOf<C>): Promise<void>;
  /** `args` are what has been typed so far (any option may be missing). */
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
    args: PartialArguments<ArgumentsOf<C>>,
  ): Promise<{ name: string; value: string }[]>;
  components?: ComponentHandlers;
}

/** A command, with its handlers' arguments typed from its definition. */
export function command<const C extends CommandDefinition>(definition: Command<C>): Command<C> {
  return definition;
}

/** Sharing posts to a server channel, so it is offered only there (never in DMs or group DMs). */
export function canShare(interaction: { guildId: string | null }): boolean {
  return interaction.guildId !== null;
}
