import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from "discord.js";
import type { Backend } from "../lib/backend.ts";
import type { ComponentCodec } from "../views/custom-id.ts";
import type { Logger } from "../lib/logger.ts";
import type { UserRateLimiter } from "../lib/rate-limit.ts";
import type { Responder } from "../lib/respond.ts";
import type { TitleService } from "../lib/titles.ts";
import type { TmdbClient } from "../lib/tmdb.ts";

/** What every handler may use; built once per bot process. */
export interface BotContext {
  backend: Backend;
  tmdb: TmdbClient;
  titles: TitleService;
  logger: Logger;
  limiter: UserRateLimiter;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * One slash command: its definition and its handlers. Component custom ids are
 * "<command>:<action>:<args…>" and reach `components[action]` with the args.
 */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether replies are ephemeral unless a handler says otherwise. */
  ephemeral: boolean;
  /**
   * Subcommands and component actions that only read (true: the whole command).
   * They pass this process's per-user limiter; everything else writes, and Convex
   * throttles writes per user inside the write itself, across every shard.
   */
  reads?: true | readonly string[];
  execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<{ name: string; value: string }[]>;
  components?: Record<
    string,
    (interaction: ComponentInteraction, respond: Responder, ctx: BotContext, args: string[]) => Promise<void>
  >;
}

/** Arguments a custom id may carry after "<command>:<action>". */
const MAX_CUSTOM_ID_ARGS = 8;

/** "<command>:<action>:<args…>" read back, or null for anything no button of ours could carry. */
export function parseCustomId(id: string): { command: string; action: string; args: string[] } | null {
  if (id.length > 100) return null;
  const [command, action, ...args] = id.split(":");
  if (command === undefined || action === undefined || args.length > MAX_CUSTOM_ID_ARGS) return null;
  return { command, action, args };
}

/**
 * A component's typed arguments, read by its codec (src/views/component-ids.ts) from the
 * id's fields and, for a select, the chosen value. Anything the codec could not have
 * written throws StaleComponentError ("That button is out of date").
 */
export function argsOf<A>(codec: ComponentCodec<string, A, never>, interaction: ComponentInteraction, fields: string[]): A {
  return codec.decode(fields, interaction.isStringSelectMenu() ? interaction.values : []);
}
