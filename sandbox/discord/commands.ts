/**
 * Application commands: validating registrations as Discord does, and turning a user's
 * invocation (`/ep 1399 1 3`, `/watch add title:"The Bear"`) into the option tree Discord
 * would send — or refusing it the way Discord's client would.
 */
import { ApplicationCommandOptionType as OptionType, ApplicationCommandType } from "discord-api-types/v10";
import { checkLocalizations, checkLocalizedNamesUnique, checkNodeLocalizations } from "./command-localizations.ts";
import { FormErrors, SandboxUsageError } from "./errors.ts";
import { textLength } from "./validate.ts";

export { OptionType };

const OPTION_TYPE_NAMES: Record<number, string> = {
  1: "subcommand",
  2: "subcommand group",
  3: "string",
  4: "integer",
  5: "boolean",
  6: "user",
  7: "channel",
  8: "role",
  9: "mentionable",
  10: "number",
  11: "attachment",
};

export interface CommandChoice {
  name: string;
  name_localizations?: Record<string, string> | null;
  value: string | number;
}

export interface CommandOption {
  type: number;
  name: string;
  description: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  required?: boolean;
  choices?: CommandChoice[];
  options?: CommandOption[];
  channel_types?: number[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
}

/** A registered command as Discord returns it (APIApplicationCommand). */
export interface RegisteredCommand {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  name_localizations?: Record<string, string> | null;
  description: string;
  description_localizations?: Record<string, string> | null;
  options?: CommandOption[];
  guild_id?: string;
  default_member_permissions: string | null;
  dm_permission?: boolean;
  contexts: number[] | null;
  integration_types: number[];
  nsfw: boolean;
}

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const isSub = (o: CommandOption) => o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup;

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkName(errs: FormErrors, path: Array<string | number>, name: unknown, chatInput: boolean): void {
  if (typeof name !== "string" || name.length === 0) {
    errs.add([...path, "name"], "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (chatInput) {
    if (!NAME_RE.test(name)) {
      errs.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    } else if (name !== name.toLowerCase()) {
      errs.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name must be lowercase");
    }
  } else if (textLength(name) > 32) {
    errs.add([...path, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
  }
}

function checkDescription(errs: FormErrors, path: Array<string | number>, d: unknown): void {
  if (typeof d !== "string" || textLength(d) < 1 || textLength(d) > 100) {
    errs.add([...path, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  }
}

function validateOptions(errs: FormErrors, path: Array<string | number>, options: unknown, level: "top" | "group" | "sub"): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errs.add([...path, "options"], "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  if (options.length > 25) errs.add([...path, "options"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  const names = new Set<string>();
  let sawOptional = false;
  let subs = 0;
  options.forEach((o: unknown, i: number) => {
    const op = [...path, "options", i];
    if (!isObj(o)) {
      errs.add(op, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      return;
    }
    if (typeof o.type !== "number" || o.type < 1 || o.type > 11) {
      errs.add([...op, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.");
      return;
    }
    checkName(errs, op, o.name, true);
    checkDescription(errs, op, o.description);
    checkNodeLocalizations(errs, op, o);
    if (typeof o.name === "string") {
      if (names.has(o.name)) errs.add([...op, "name"], "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option name already exists");
      names.add(o.name);
    }
    const sub = o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup;
    if (sub) subs++;
    if (level === "group" && o.type !== OptionType.Subcommand) {
      errs.add([...op, "type"], "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommand groups may only contain subcommands");
    }
    if (level === "sub" && sub) {
      errs.add([...op, "type"], "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands may not contain subcommands or groups");
    }
    if (!sub) {
      if (o.required) {
        if (sawOptional) {
          errs.add(
            [...op, "required"],
            "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
            "Required options must be placed before non-required options",
          );
        }
      } else sawOptional = true;
    }
    const choosable = o.type === OptionType.String || o.type === OptionType.Integer || o.type === OptionType.Number;
    if (o.choices !== undefined && o.choices !== null) {
      if (!choosable) {
        errs.add(
          [...op, "choices"],
          "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
          "Only string, integer and number options may have choices",
        );
      } else if (!Array.isArray(o.choices)) {
        errs.add([...op, "choices"], "BASE_TYPE_ARRAY", "Must be an array.");
      } else {
        if (o.choices.length > 25) errs.add([...op, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        o.choices.forEach((c: any, j: number) => {
          const cp = [...op, "choices", j];
          if (!isObj(c) || typeof c.name !== "string" || textLength(c.name) < 1 || textLength(c.name) > 100) {
            errs.add([...cp, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
          }
          if (isObj(c)) checkLocalizations(errs, cp, "name_localizations", c.name_localizations, "choice");
          const v = isObj(c) ? c.value : undefined;
          if (o.type === OptionType.String) {
            if (typeof v !== "string" || textLength(v) < 1 || textLength(v) > 100) {
              errs.add([...cp, "value"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
          } else if (typeof v !== "number" || (o.type === OptionType.Integer && !Number.isInteger(v))) {
            errs.add(
              [...cp, "value"],
              "NUMBER_TYPE_COERCE",
              `Value "${String(v)}" is not ${o.type === OptionType.Integer ? "int" : "a valid number"}.`,
            );
          }
        });
        if (o.autocomplete && o.choices.length > 0) {
          errs.add(
            [...op, "autocomplete"],
            "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES",
            "Autocomplete cannot be set on options with choices",
          );
        }
      }
    }
    if (o.autocomplete && !choosable) {
      errs.add(
        [...op, "autocomplete"],
        "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID",
        "Only string, integer and number options may autocomplete",
      );
    }
    if ((o.min_value !== undefined || o.max_value !== undefined) && o.type !== OptionType.Integer && o.type !== OptionType.Number) {
      errs.add(
        [...op, "min_value"],
        "APPLICATION_COMMAND_OPTION_MIN_MAX_INVALID",
        "Only integer and number options may have min_value/max_value",
      );
    }
    if ((o.min_length !== undefined || o.max_length !== undefined) && o.type !== OptionType.String) {
      errs.add([...op, "min_length"], "APPLICATION_COMMAND_OPTION_MIN_MAX_INVALID", "Only string options may have min_length/max_length");
    }
    if (o.min_length !== undefined && (typeof o.min_length !== "number" || o.min_length < 0 || o.min_length > 6000)) {
      errs.add([...op, "min_length"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 6000.");
    }
    if (o.max_length !== undefined && (typeof o.max_length !== "number" || o.max_length < 1 || o.max_length > 6000)) {
      errs.add([...op, "max_length"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 6000.");
    }
    if (o.type === OptionType.SubcommandGroup) validateOptions(errs, op, o.options, "group");
    else if (o.type === OptionType.Subcommand) validateOptions(errs, op, o.options, "sub");
    else if (o.options !== undefined && o.options !== null && (!Array.isArray(o.options) || o.options.length > 0)) {
      errs.add([...op, "options"], "APPLICATION_COMMAND_OPTION_OPTIONS_INVALID", "Only subcommands and groups may have options");
    }
  });
  checkLocalizedNamesUnique(errs, path, options);
  if (subs > 0 && subs !== options.length) {
    errs.add([...path, "options"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands and groups cannot be mixed with other options");
  }
}

/** Validates one command definition into `errs` under `path`. */
export function validateCommandDefinition(errs: FormErrors, path: Array<string | number>, def: unknown): void {
  if (!isObj(def)) {
    errs.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return;
  }
  const type = def.type ?? 1;
  if (![1, 2, 3, 4].includes(type)) {
    errs.add([...path, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
    return;
  }
  checkName(errs, path, def.name, type === ApplicationCommandType.ChatInput);
  if (type === ApplicationCommandType.ChatInput) {
    checkDescription(errs, path, def.description);
    checkNodeLocalizations(errs, path, def);
    validateOptions(errs, path, def.options, "top");
  } else {
    if (def.description)
      errs.add([...path, "description"], "APPLICATION_COMMAND_DESCRIPTION_INVALID", "Context menu commands cannot have a description");
    if (Array.isArray(def.options) && def.options.length > 0) {
      errs.add([...path, "options"], "APPLICATION_COMMAND_OPTIONS_INVALID", "Context menu commands cannot have options");
    }
  }
}

function stripUndefined<T extends Record<string, any>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function normalizeOption(o: any): CommandOption {
  return stripUndefined({
    type: o.type,
    name: o.name,
    name_localizations: o.name_localizations ?? undefined,
    description: o.description,
    description_localizations: o.description_localizations ?? undefined,
    required: o.required ? true : undefined,
    choices:
      Array.isArray(o.choices) && o.choices.length
        ? o.choices.map((c: any) => stripUndefined({ name: c.name, name_localizations: c.name_localizations ?? undefined, value: c.value }))
        : undefined,
    options: Array.isArray(o.options) && o.options.length ? o.options.map(normalizeOption) : isSub(o) ? [] : undefined,
    channel_types: o.channel_types ?? undefined,
    min_value: o.min_value ?? undefined,
    max_value: o.max_value ?? undefined,
    min_length: o.min_length ?? undefined,
    max_length: o.max_length ?? undefined,
    autocomplete: o.autocomplete ? true : undefined,
  });
}

export function normalizeCommand(
  def: Record<string, any>,
  ids: { id: string; applicationId: string; version: string; guildId?: string },
): RegisteredCommand {
  const type = def.type ?? 1;
  const cmd: RegisteredCommand = {
    id: ids.id,
    application_id: ids.applicationId,
    version: ids.version,
    default_member_permissions: def.default_member_permissions ?? null,
    type,
    name: def.name,
    name_localizations: def.name_localizations ?? undefined,
    description: type === ApplicationCommandType.ChatInput ? def.description : "",
    description_localizations: def.description_localizations ?? undefined,
    guild_id: ids.guildId,
    dm_permission: ids.guildId ? undefined : (def.dm_permission ?? true),
    contexts: Array.isArray(def.contexts) ? def.contexts : null,
    integration_types: Array.isArray(def.integration_types) ? def.integration_types : [0],
    nsfw: Boolean(def.nsfw),
    options: Array.isArray(def.options) && def.options.length ? def.options.map(normalizeOption) : undefined,
  };
  return stripUndefined(cmd);
}

// ---------------------------------------------------------------- invocation

export type RawValue = string | number | boolean;

export interface ResolvedInvocation {
  command: RegisteredCommand;
  /** Subcommand group and/or subcommand names, in order. */
  path: string[];
  /** The options at the leaf (the subcommand's options, or the command's). */
  leaf: CommandOption[];
  /** Values given, keyed by option name, in registered order. */
  given: Map<string, RawValue>;
  /** For each positional value passed in: the option it filled ("" when it named a subcommand). */
  positionalNames: string[];
}

export function describeOptions(opts: CommandOption[]): string {
  return opts.length ? opts.map((o) => `${o.name}${o.required ? "" : "?"} (${OPTION_TYPE_NAMES[o.type]})`).join(", ") : "none";
}

/**
 * Picks the subcommand path (from `pathTokens`, then leading positional values) and assigns
 * named and positional values to the leaf's options. Bare values fill the options not given by
 * name, in registered order. Structural problems throw SandboxUsageError.
 */
export function resolveInvocation(
  command: RegisteredCommand,
  pathTokens: string[],
  named: Record<string, RawValue>,
  positional: RawValue[],
): ResolvedInvocation {
  const tokens = [...pathTokens];
  const rest = [...positional];
  let consumed = 0;
  const path: string[] = [];
  let level: CommandOption[] = command.options ?? [];
  const label = () => `/${[command.name, ...path].join(" ")}`;
  while (level.some(isSub)) {
    let next: string | undefined;
    if (tokens.length) next = tokens.shift();
    else if (rest.length) {
      next = String(rest.shift());
      consumed++;
    }
    const choices = level.filter(isSub).map((o) => o.name);
    if (next === undefined) {
      throw new SandboxUsageError(`${label()} needs a subcommand: one of ${choices.join(", ")}`);
    }
    const opt = level.find((o) => isSub(o) && o.name === next);
    if (!opt) throw new SandboxUsageError(`${label()} has no subcommand "${next}" (choose one of: ${choices.join(", ")})`);
    path.push(opt.name);
    level = opt.options ?? [];
  }
  // Extra words in the command path are just positional values.
  const extra = tokens.length;
  if (extra) rest.unshift(...tokens);
  const given = new Map<string, RawValue>();
  for (const [name, value] of Object.entries(named)) {
    const opt = level.find((o) => o.name === name);
    if (!opt) throw new SandboxUsageError(`${label()} has no option "${name}" (options: ${describeOptions(level)})`);
    given.set(name, value);
  }
  const free = level.filter((o) => !given.has(o.name));
  if (rest.length > free.length) {
    throw new SandboxUsageError(
      `${label()}: too many values (${rest.map((v) => JSON.stringify(v)).join(" ")}); options: ${describeOptions(level)}`,
    );
  }
  rest.forEach((v, i) => given.set(free[i]!.name, v));
  const ordered = new Map<string, RawValue>();
  for (const o of level) if (given.has(o.name)) ordered.set(o.name, given.get(o.name)!);
  const positionalNames = positional.map((_, j) => (j < consumed ? "" : free[extra + j - consumed]!.name));
  return { command, path, leaf: level, given: ordered, positionalNames };
}

/** Looks up sandbox entities for user/channel/role/mentionable options. */
export interface OptionResolver {
  user(ref: string): { id: string } | undefined;
  channel(ref: string): { id: string; type: number } | undefined;
  role(ref: string): { id: string } | undefined;
}

export interface CoercedValue {
  value: string | number | boolean;
  kind?: "user" | "channel" | "role";
}

/** Rejected the way Discord's client refuses to send a command (the bot never sees it). */
export class OptionRejection extends Error {}

const INT_RE = /^[-+]?\d+$/;
const NUM_RE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const MAX_SAFE = 2 ** 53;

function matchChoice(opt: CommandOption, raw: RawValue): CommandChoice | undefined {
  const choices = opt.choices ?? [];
  const s = String(raw);
  return choices.find((c) => String(c.value) === s) ?? choices.find((c) => c.name.toLowerCase() === s.toLowerCase());
}

/** Converts a raw value to the option's type and checks the registered constraints. */
export function coerceOption(opt: CommandOption, raw: RawValue, resolver: OptionResolver): CoercedValue {
  const name = opt.name;
  if (opt.choices && opt.choices.length) {
    const c = matchChoice(opt, raw);
    if (!c) {
      throw new OptionRejection(
        `option "${name}" must be one of the registered choices: ${opt.choices.map((ch) => `${ch.name} (${JSON.stringify(ch.value)})`).join(", ")}; got ${JSON.stringify(raw)}`,
      );
    }
    return { value: c.value };
  }
  switch (opt.type) {
    case OptionType.String: {
      const s = String(raw);
      const len = textLength(s);
      const min = opt.min_length ?? 0;
      const max = opt.max_length ?? 6000;
      if (len < min) throw new OptionRejection(`option "${name}" must be at least ${min} characters (got ${len})`);
      if (len > max) throw new OptionRejection(`option "${name}" must be at most ${max} characters (got ${len})`);
      return { value: s };
    }
    case OptionType.Integer:
    case OptionType.Number: {
      const isInt = opt.type === OptionType.Integer;
      let n: number;
      if (typeof raw === "number") n = raw;
      else if (typeof raw === "string" && (isInt ? INT_RE : NUM_RE).test(raw.trim())) n = Number(raw.trim());
      else throw new OptionRejection(`option "${name}" must be ${isInt ? "an integer" : "a number"}; got ${JSON.stringify(raw)}`);
      if (!Number.isFinite(n) || (isInt && !Number.isInteger(n))) {
        throw new OptionRejection(`option "${name}" must be ${isInt ? "an integer" : "a number"}; got ${JSON.stringify(raw)}`);
      }
      if (Math.abs(n) > MAX_SAFE) throw new OptionRejection(`option "${name}" is out of range (±2^53)`);
      if (opt.min_value !== undefined && n < opt.min_value) {
        throw new OptionRejection(`option "${name}" must be at least ${opt.min_value} (got ${n})`);
      }
      if (opt.max_value !== undefined && n > opt.max_value) {
        throw new OptionRejection(`option "${name}" must be at most ${opt.max_value} (got ${n})`);
      }
      return { value: n };
    }
    case OptionType.Boolean: {
      if (typeof raw === "boolean") return { value: raw };
      const s = String(raw).toLowerCase();
      if (s === "true") return { value: true };
      if (s === "false") return { value: false };
      throw new OptionRejection(`option "${name}" must be true or false; got ${JSON.stringify(raw)}`);
    }
    case OptionType.User: {
      const u = resolver.user(String(raw));
      if (!u) throw new OptionRejection(`option "${name}" must be a user; no user ${JSON.stringify(raw)}`);
      return { value: u.id, kind: "user" };
    }
    case OptionType.Channel: {
      const ch = resolver.channel(String(raw));
      if (!ch) throw new OptionRejection(`option "${name}" must be a channel of this server; no channel ${JSON.stringify(raw)}`);
      if (opt.channel_types && opt.channel_types.length && !opt.channel_types.includes(ch.type)) {
        throw new OptionRejection(`option "${name}" only accepts channel types ${opt.channel_types.join(", ")}`);
      }
      return { value: ch.id, kind: "channel" };
    }
    case OptionType.Role: {
      const r = resolver.role(String(raw));
      if (!r) throw new OptionRejection(`option "${name}" must be a role of this server; no role ${JSON.stringify(raw)}`);
      return { value: r.id, kind: "role" };
    }
    case OptionType.Mentionable: {
      const s = String(raw);
      const r = s.startsWith("<@&") || s.startsWith("@&") ? resolver.role(s) : undefined;
      if (r) return { value: r.id, kind: "role" };
      const u = resolver.user(s);
      if (u) return { value: u.id, kind: "user" };
      const r2 = resolver.role(s);
      if (r2) return { value: r2.id, kind: "role" };
      throw new OptionRejection(`option "${name}" must be a user or role; got ${JSON.stringify(raw)}`);
    }
    case OptionType.Attachment:
      throw new OptionRejection(`option "${name}" is an attachment, which the sandbox cannot upload`);
    default:
      throw new OptionRejection(`option "${name}" has an unsupported type ${opt.type}`);
  }
}

/** The value Discord sends for a focused autocomplete option: the raw text typed so far. */
export function autocompleteRaw(raw: RawValue): string {
  return String(raw);
}

/** Nests leaf options under the subcommand path, as Discord's `data.options`. */
export function nestOptions(path: string[], leafOptions: any[]): any[] {
  let opts = leafOptions;
  if (path.length === 2) {
    opts = [
      { type: OptionType.SubcommandGroup, name: path[0], options: [{ type: OptionType.Subcommand, name: path[1], options: leafOptions }] },
    ];
  } else if (path.length === 1) {
    opts = [{ type: OptionType.Subcommand, name: path[0], options: leafOptions }];
  }
  return opts;
}
