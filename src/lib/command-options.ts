/**
 * Slash command definitions as `const` data, and option values typed from them
 * (the `ArgumentsOf` pattern of the discord.js team's own bot, discord-utils-bot):
 * a handler reads `args.season` as the number the definition promises instead
 * of `interaction.options.getInteger("season", true)` and a cast. The values are
 * also checked against the definition at run time — type, choices, ranges,
 * lengths, required — so a client or a stale registration cannot slip a value
 * past what the command declares.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  type APIRole,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { userView, type UserView } from "../core/interaction.ts";
import { UserError } from "./errors.ts";

/** An option as Discord sends it (raw): a value, or a subcommand's own options. */
type RawOption = APIApplicationCommandInteractionDataOption;

type Choice<T> = Readonly<{ name: string; value: T }>;
type Base = Readonly<{ name: string; description: string; required?: boolean }>;

/** One option of a command, as `const` data (a subset of Discord's option JSON). */
export type OptionDefinition = Base &
  (
    | Readonly<{
        type: ApplicationCommandOptionType.String;
        choices?: readonly Choice<string>[];
        min_length?: number;
        max_length?: number;
        autocomplete?: boolean;
      }>
    | Readonly<{
        type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;
        choices?: readonly Choice<number>[];
        min_value?: number;
        max_value?: number;
        autocomplete?: boolean;
      }>
    | Readonly<{ type: ApplicationCommandOptionType.Subcommand; options?: readonly OptionDefinition[] }>
    | Readonly<{ type: ApplicationCommandOptionType.SubcommandGroup; options?: readonly OptionDefinition[] }>
    | Readonly<{
        type:
          | ApplicationCommandOptionType.Boolean
          | ApplicationCommandOptionType.User
          | ApplicationCommandOptionType.Channel
          | ApplicationCommandOptionType.Role
          | ApplicationCommandOptionType.Mentionable
          | ApplicationCommandOptionType.Attachment;
      }>
  );

/** A chat-input command's definition: what `npm run register` sends, and what its arguments are typed from. */
export type CommandDefinition = Readonly<{
  type?: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options?: readonly OptionDefinition[];
  contexts?: readonly number[];
  integration_types?: readonly number[];
  default_member_permissions?: string | null;
  nsfw?: boolean;
}>;

/** Keeps the literal types of a definition (names, choices, required) so arguments can be typed from it. */
export function defineCommand<const C extends CommandDefinition>(definition: C): C {
  return definition;
}

/** The definition as Discord's REST body (the same object; only its type is widened). */
export function commandJSON(definition: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return definition as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody;
}

// ---------------------------------------------------------------- types from definitions

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A user option: the user, and their member in a server. */
export interface UserArgument {
  user: UserView;
  member?: APIInteractionDataResolvedGuildMember;
}

type ValueOf<O> = O extends { type: ApplicationCommandOptionType.String; choices: readonly Choice<infer V extends string>[] }
  ? V
  : O extends { type: ApplicationCommandOptionType.String }
    ? string
    : O extends {
          type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;
          choices: readonly Choice<infer V extends number>[];
        }
      ? V
      : O extends { type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
        ? number
        : O extends { type: ApplicationCommandOptionType.Boolean }
          ? boolean
          : O extends { type: ApplicationCommandOptionType.User }
            ? UserArgument
            : O extends { type: ApplicationCommandOptionType.Channel }
              ? APIInteractionDataResolvedChannel
              : O extends { type: ApplicationCommandOptionType.Role }
                ? APIRole
                : O extends { type: ApplicationCommandOptionType.Mentionable }
                  ? UserArgument | APIRole
                  : O extends { type: ApplicationCommandOptionType.Attachment }
                    ? APIAttachment
                    : never;

type OptionEntry<O> = O extends { name: infer K extends string; required: true }
  ? { [k in K]: ValueOf<O> }
  : O extends { name: infer K extends string }
    ? { [k in K]?: ValueOf<O> }
    : never;

/** Plain options (no subcommands) to an object of their values. */
type OptionsObject<Os> = Os extends readonly OptionDefinition[] ? Simplify<UnionToIntersection<OptionEntry<Os[number]>> & {}> : {};

type SubcommandArgs<O, Prefix extends string> = O extends { type: ApplicationCommandOptionType.Subcommand; name: infer N extends string }
  ? { subcommand: `${Prefix}${N}`; options: O extends { options: infer Os } ? OptionsObject<Os> : {} }
  : O extends { type: ApplicationCommandOptionType.SubcommandGroup; name: infer G extends string; options: readonly (infer S)[] }
    ? SubcommandArgs<S, `${Prefix}${G} `>
    : never;

type IsSubcommand<O> = O extends { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }
  ? true
  : false;

/**
 * The arguments a handler receives for a command definition: an object of
 * option values, or — for a command with subcommands — `{ subcommand, options }`,
 * a union to switch on ("group sub" for a subcommand in a group).
 */
export type ArgumentsOf<C extends CommandDefinition> = C extends { options: readonly (infer O)[] }
  ? true extends IsSubcommand<O>
    ? SubcommandArgs<O, "">
    : OptionsObject<C["options"]>
  : {};

// ---------------------------------------------------------------- values from interactions

/** What is said when a command's input does not match its definition (a stale registration, or a forged request). */
export function staleCommand(name: string): UserError {
  return new UserError(`\`/${name}\` has changed since Discord last heard of it — please try it again in a minute.`, "STALE_COMMAND");
}

/**
 * The values of an interaction's options (Discord's raw `data.options`, users, channels, roles
 * and files looked up in `data.resolved`), checked against the definition and typed from it.
 * Anything the definition would not allow is refused with a plain message and reaches no handler.
 */
export function argumentsOf<const C extends CommandDefinition>(
  definition: C,
  data: readonly RawOption[],
  resolved?: APIInteractionDataResolved,
): ArgumentsOf<C> {
  return readOptions(definition.name, definition.options ?? [], data, false, resolved ?? {}) as ArgumentsOf<C>;
}

/**
 * The same for autocomplete: every option may be missing (people are still
 * typing), and the focused one is whatever has been typed so far.
 */
export function partialArgumentsOf<const C extends CommandDefinition>(
  definition: C,
  data: readonly RawOption[],
  resolved?: APIInteractionDataResolved,
): PartialArguments<ArgumentsOf<C>> {
  return readOptions(definition.name, definition.options ?? [], data, true, resolved ?? {}) as PartialArguments<ArgumentsOf<C>>;
}

/** Autocomplete's view of the arguments: the subcommand is known, every option may still be missing. */
export type PartialArguments<A> = A extends { subcommand: infer S; options: infer O } ? { subcommand: S; options: Partial<O> } : Partial<A>;

function readOptions(
  command: string,
  definitions: readonly OptionDefinition[],
  data: readonly RawOption[],
  partial: boolean,
  resolved: APIInteractionDataResolved,
): unknown {
  const stale = () => staleCommand(command);
  const sub = definitions.find(
    (d) => d.type === ApplicationCommandOptionType.Subcommand || d.type === ApplicationCommandOptionType.SubcommandGroup,
  );
  if (sub !== undefined) {
    if (data.length !== 1) throw stale();
    const chosen = data[0]!;
    const definition = definitions.find((d) => d.name === chosen.name && d.type === chosen.type);
    if (definition?.type !== ApplicationCommandOptionType.Subcommand && definition?.type !== ApplicationCommandOptionType.SubcommandGroup)
      throw stale();
    const children = definition.options ?? [];
    const given = ("options" in chosen ? chosen.options : undefined) ?? [];
    if (definition.type === ApplicationCommandOptionType.SubcommandGroup) {
      const inner = readOptions(command, children, given, partial, resolved) as { subcommand: string; options: unknown };
      return { subcommand: `${chosen.name} ${inner.subcommand}`, options: inner.options };
    }
    return { subcommand: chosen.name, options: readOptions(command, children, given, partial, resolved) };
  }

  const values: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const option of data) {
    const definition = definitions.find((d) => d.name === option.name);
    if (definition === undefined || definition.type !== option.type || seen.has(option.name)) throw stale();
    seen.add(option.name);
    if (partial && "focused" in option && option.focused) {
      values[option.name] = focusedValue(option, stale);
    } else if (partial) {
      // While someone types, Discord sends the other options as they stand, unchecked: one
      // that is not (yet) valid is left out rather than spoiling the suggestions.
      try {
        values[option.name] = valueOf(definition, option, stale, resolved);
      } catch {
        // left out
      }
    } else {
      values[option.name] = valueOf(definition, option, stale, resolved);
    }
  }
  if (!partial) for (const d of definitions) if ("required" in d && d.required && !seen.has(d.name)) throw stale();
  return values;
}

function focusedValue(option: RawOption, stale: () => UserError): string | number {
  const value = "value" in option ? option.value : undefined;
  if (typeof value === "string" || typeof value === "number") return value;
  throw stale();
}

/** A resolved entry by the snowflake an option carries, or undefined. */
function lookUp<T>(table: Record<string, T> | undefined, id: unknown): T | undefined {
  return typeof id === "string" && table !== undefined && Object.hasOwn(table, id) ? table[id] : undefined;
}

function valueOf(definition: OptionDefinition, raw: RawOption, stale: () => UserError, resolved: APIInteractionDataResolved): unknown {
  const option = { value: "value" in raw ? (raw.value as unknown) : undefined };
  const userOf = (id: unknown): UserArgument | undefined => {
    const user = lookUp(resolved.users, id);
    if (user === undefined) return undefined;
    const member = lookUp(resolved.members, id);
    return member === undefined ? { user: userView(user) } : { user: userView(user), member };
  };
  switch (definition.type) {
    case ApplicationCommandOptionType.String: {
      const value = option.value;
      if (typeof value !== "string") throw stale();
      const length = [...value].length;
      if (
        (definition.min_length !== undefined && length < definition.min_length) ||
        (definition.max_length !== undefined && length > definition.max_length)
      )
        throw stale();
      if (definition.choices && !definition.choices.some((c) => c.value === value)) throw stale();
      return value;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const value = option.value;
      if (typeof value !== "number" || !Number.isFinite(value)) throw stale();
      if (definition.type === ApplicationCommandOptionType.Integer && !Number.isSafeInteger(value)) throw stale();
      if (
        (definition.min_value !== undefined && value < definition.min_value) ||
        (definition.max_value !== undefined && value > definition.max_value)
      )
        throw stale();
      if (definition.choices && !definition.choices.some((c) => c.value === value)) throw stale();
      return value;
    }
    case ApplicationCommandOptionType.Boolean:
      if (typeof option.value !== "boolean") throw stale();
      return option.value;
    case ApplicationCommandOptionType.User: {
      const user = userOf(option.value);
      if (user === undefined) throw stale();
      return user;
    }
    case ApplicationCommandOptionType.Channel: {
      const channel = lookUp(resolved.channels, option.value);
      if (channel === undefined) throw stale();
      return channel;
    }
    case ApplicationCommandOptionType.Role: {
      const role = lookUp(resolved.roles, option.value);
      if (role === undefined) throw stale();
      return role;
    }
    case ApplicationCommandOptionType.Mentionable: {
      const mentioned = userOf(option.value) ?? lookUp(resolved.roles, option.value);
      if (mentioned === undefined) throw stale();
      return mentioned;
    }
    case ApplicationCommandOptionType.Attachment: {
      const attachment = lookUp(resolved.attachments, option.value);
      if (attachment === undefined) throw stale();
      return attachment;
    }
    default:
      throw stale();
  }
}
