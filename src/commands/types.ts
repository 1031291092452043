import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from "discord.js";
import type { Backend } from "../lib/backend.ts";
import { UserError } from "../lib/errors.ts";
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

export { customId } from "../lib/custom-id.ts";

/** What a button whose custom id no longer makes sense (stale or forged) gets told. */
export function staleComponent(): UserError {
  return new UserError("That button is out of date — run the command again.", "STALE_COMPONENT");
}

/** A positive integer from a custom id; anything else means the id was tampered with or is stale. */
export function intArg(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isSafeInteger(n) || n < 0) throw staleComponent();
  return n;
}

/** A finite number from a custom id (timestamps may carry fractions). */
export function numArg(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isFinite(n) || n < 0) throw staleComponent();
  return n;
}
