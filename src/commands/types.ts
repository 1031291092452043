import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from "discord.js";
import type { Backend } from "../lib/backend.ts";
import { staleComponent } from "../lib/errors.ts";
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
  execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<{ name: string; value: string }[]>;
  components?: Record<
    string,
    (interaction: ComponentInteraction, respond: Responder, ctx: BotContext, args: string[]) => Promise<void>
  >;
}

/** Highest season number the commands accept (the option's max, and what buttons may carry). */
export const MAX_SEASON = 200;

export function customIdLength(command: string, action: string, ...args: (string | number)[]): number {
  return [command, action, ...args].join(":").length;
}

export { customId } from "../lib/custom-id.ts";

export { staleComponent };

/** Arguments a custom id may carry after "<command>:<action>". */
const MAX_CUSTOM_ID_ARGS = 8;

/** "<command>:<action>:<args…>" read back, or null for anything no button of ours could carry. */
export function parseCustomId(id: string): { command: string; action: string; args: string[] } | null {
  if (id.length > 100) return null;
  const [command, action, ...args] = id.split(":");
  if (command === undefined || action === undefined || args.length > MAX_CUSTOM_ID_ARGS) return null;
  return { command, action, args };
}

/** A non-negative integer from a custom id; anything else means the id was tampered with or is stale. */
export function intArg(value: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || !/^\d{1,16}$/.test(value)) throw staleComponent();
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n > max) throw staleComponent();
  return n;
}

/** A finite non-negative number from a custom id (timestamps may carry fractions). */
export function numArg(value: string | undefined): number {
  if (value === undefined || value.length > 32 || !/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) throw staleComponent();
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw staleComponent();
  return n;
}
