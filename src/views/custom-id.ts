/**
 * The machinery behind component ids: typed fields and the codecs built from
 * them. An id is "<command>:<action>:<field>:<field>…". Every field has an
 * alphabet without ":" and a maximum length, and a codec adds its fields' maxima
 * up when it is defined — so no valid arguments can ever make an id longer than
 * Discord's 100 characters, and anything a codec's `encode` could not have
 * written decodes to StaleComponentError.
 */
import { LIMITS } from "./limits.ts";

export const STALE_COMPONENT_MESSAGE = "That button is out of date — run the command again.";

/** A custom id (or select value) that does not decode. Its message is meant for people. */
export class StaleComponentError extends Error {
  readonly code = "STALE_COMPONENT";
  constructor() {
    super(STALE_COMPONENT_MESSAGE);
    this.name = "StaleComponentError";
  }
}

/** What a field's decode returns for text its encode could not have written. */
export const INVALID: unique symbol = Symbol("invalid");
export type Invalid = typeof INVALID;

/** What a field holds: for documentation, and for tests that generate values. */
export type FieldSpec =
  | { kind: "int"; min: number; max: number }
  | { kind: "timestamp" }
  | { kind: "snowflake" }
  | { kind: "documentId" }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "flag"; yes: string; no: string }
  | { kind: "pattern"; example: string; pattern: RegExp }
  | { kind: "optional"; inner: Field<unknown> }
  | { kind: "or"; inner: Field<unknown>; word: string }
  | { kind: "fromMenu"; inner: Field<unknown> }
  | { kind: "mapped"; inner: Field<unknown> };

/** One position in an id: how a value is written, read back, and how long it can get. */
export interface Field<T> {
  readonly spec: FieldSpec;
  readonly maxLength: number;
  /** Throws RangeError for a value it cannot write (a bug in the caller, or too long to fit). */
  encode(value: T): string;
  /** `values` are a select's chosen values, for the one field kind that reads them (fromMenu). */
  decode(text: string, values: readonly string[]): T | Invalid;
}

const CANONICAL_INT = /^(0|[1-9][0-9]*)$/;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A whole number from `min` to `max`, in decimal without leading zeros. */
export function int(max: number, min = 0): Field<number> {
  const maxLength = String(max).length;
  return {
    spec: { kind: "int", min, max },
    maxLength,
    encode(value) {
      if (!Number.isSafeInteger(value) || value < min || value > max) throw new RangeError(`${value} is not an integer in ${min}..${max}`);
      return String(value);
    },
    decode(text) {
      if (text.length > maxLength || !CANONICAL_INT.test(text)) return INVALID;
      const n = Number(text);
      return n >= min && n <= max ? n : INVALID;
    },
  };
}

/**
 * A timestamp in milliseconds, fractions allowed (Convex's _creationTime has
 * them): 0, or 1 ≤ t < 10^15, which prints in at most 18 characters without an exponent.
 */
export const timestamp: Field<number> = {
  spec: { kind: "timestamp" },
  maxLength: 18,
  encode(value) {
    const text = String(value);
    if (!(value === 0 || (value >= 1 && value < 1e15)) || !DECIMAL.test(text)) throw new RangeError(`${value} is not a timestamp`);
    return text;
  },
  decode(text) {
    if (text.length > 18 || !DECIMAL.test(text)) return INVALID;
    const n = Number(text);
    // Only the one way encode writes a number ("1.5", never "1.50"): every id has one spelling.
    return (n === 0 || (n >= 1 && n < 1e15)) && String(n) === text ? n : INVALID;
  },
};

const SNOWFLAKE = /^[1-9][0-9]{0,19}$/;
/** A Discord snowflake (user, channel, message id). */
export const snowflake: Field<string> = {
  spec: { kind: "snowflake" },
  maxLength: 20,
  encode(value) {
    if (!SNOWFLAKE.test(value)) throw new RangeError(`${value} is not a snowflake`);
    return value;
  },
  decode(text) {
    return SNOWFLAKE.test(text) ? text : INVALID;
  },
};

// Convex's own ids are lowercase letters and digits; the embedded engine (convex-test) writes
// ids like "10006undo_entries", so "_" is allowed too.
const DOCUMENT_ID = /^[0-9a-z_]{1,64}$/;
/** A Convex document id (lowercase letters, digits and "_"). */
export const documentId: Field<string> = {
  spec: { kind: "documentId" },
  maxLength: 64,
  encode(value) {
    if (!DOCUMENT_ID.test(value)) throw new RangeError(`${value} is not a document id`);
    return value;
  },
  decode(text) {
    return DOCUMENT_ID.test(text) ? text : INVALID;
  },
};

function checkWord(word: string): void {
  if (word.length === 0 || word.includes(":") || word === "-") throw new Error(`"${word}" cannot be a custom id word`);
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  values.forEach(checkWord);
  const allowed = new Set<string>(values);
  return {
    spec: { kind: "oneOf", values },
    maxLength: Math.max(...values.map((v) => v.length)),
    encode(value) {
      if (!allowed.has(value)) throw new RangeError(`"${value}" is not one of ${values.join(", ")}`);
      return value;
    },
    decode(text) {
      return allowed.has(text) ? (text as T) : INVALID;
    },
  };
}

/** A yes/no written as one of two words ("w"/"u" for watched/unwatched). */
export function flag(yes: string, no: string): Field<boolean> {
  [yes, no].forEach(checkWord);
  return {
    spec: { kind: "flag", yes, no },
    maxLength: Math.max(yes.length, no.length),
    encode: (value) => (value ? yes : no),
    decode: (text) => (text === yes ? true : text === no ? false : INVALID),
  };
}

/**
 * Text matching `pattern` (which must rule out ":"), at most `maxLength`
 * long; `example` is a value the pattern accepts.
 */
export function pattern(regex: RegExp, maxLength: number, example: string): Field<string> {
  if (!regex.test(example) || regex.test(":")) throw new Error(`pattern ${regex} must accept "${example}" and refuse ":"`);
  return {
    spec: { kind: "pattern", example, pattern: regex },
    maxLength,
    encode(value) {
      if (value.length > maxLength || value.includes(":") || !regex.test(value))
        throw new RangeError(`"${value}" does not fit ${regex} in ${maxLength}`);
      return value;
    },
    decode(text) {
      return text.length <= maxLength && !text.includes(":") && regex.test(text) ? text : INVALID;
    },
  };
}

/** A field that may be absent, written "-". */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return {
    spec: { kind: "optional", inner: field as Field<unknown> },
    maxLength: Math.max(1, field.maxLength),
    encode: (value) => (value === undefined ? "-" : field.encode(value)),
    decode: (text, values) => (text === "-" ? undefined : field.decode(text, values)),
  };
}

/** A field or one fixed word instead ("all" in place of a season number). */
export function or<T, const W extends string>(field: Field<T>, word: W): Field<T | W> {
  checkWord(word);
  return {
    spec: { kind: "or", inner: field as Field<unknown>, word },
    maxLength: Math.max(word.length, field.maxLength),
    encode: (value) => (value === word ? word : field.encode(value as T)),
    decode: (text, values) => (text === word ? word : field.decode(text, values)),
  };
}

/**
 * A value carried in the id, or — written "-" (`undefined` when encoding) —
 * the one option chosen in the select the id belongs to. One codec then
 * serves a button that names a choice and a menu that offers several.
 */
export interface MenuField<T> {
  readonly spec: FieldSpec;
  readonly maxLength: number;
  encode(value: T | undefined): string;
  decode(text: string, values: readonly string[]): T | Invalid;
}
export function fromMenu<T>(field: Field<T>): MenuField<T> {
  return {
    spec: { kind: "fromMenu", inner: field as Field<unknown> },
    maxLength: Math.max(1, field.maxLength),
    encode: (value: T | undefined) => (value === undefined ? "-" : field.encode(value)),
    decode(text, values) {
      if (text !== "-") return field.decode(text, values);
      return values.length === 1 && values[0] !== "-" ? field.decode(values[0]!, []) : INVALID;
    },
  };
}

/** A field whose text is another field's, read into a richer value (and back). */
export function mapped<T, U>(field: Field<T>, read: (raw: T) => U | Invalid, write: (value: U) => T): Field<U> {
  return {
    spec: { kind: "mapped", inner: field as Field<unknown> },
    maxLength: field.maxLength,
    encode: (value) => field.encode(write(value)),
    decode(text, values) {
      const raw = field.decode(text, values);
      return raw === INVALID ? INVALID : read(raw);
    },
  };
}

// ---------------------------------------------------------------- codecs

type Fields = Record<string, Field<any>>;
type Decoded<F extends Fields> = { [K in keyof F]: Exclude<ReturnType<F[K]["decode"]>, Invalid> };
type Encoded<F extends Fields> = { [K in keyof F]: Parameters<F[K]["encode"]>[0] };

/** `A` is what a handler receives; `E` what encoding takes (a menu's choice is not in its id). */
export interface ComponentCodec<Name extends string, A, E = A> {
  /** "<command>:<action>", the id's fixed start. */
  readonly name: Name;
  readonly fields: Readonly<Record<string, Field<unknown>>>;
  /** A select's chosen value, when it is handed over as `args.value`. */
  readonly value?: Field<unknown>;
  /** Longest id this codec can write. */
  readonly maxLength: number;
  /** The id; throws RangeError for arguments it cannot write (a bug in the caller). */
  encode(args: E): string;
  /** The id, or null when an argument cannot be written (say, an episode list too long for a button). */
  tryEncode(args: E): string | null;
  /** Reads the fields after the name (and a select's chosen values); throws StaleComponentError. */
  decode(fields: readonly string[], values: readonly string[]): A;
}

type CodecName = `${string}:${string}`;

/** A component's codec: its arguments are its fields, in order. */
export function component<const Name extends CodecName, const F extends Fields>(
  name: Name,
  fields: F,
): ComponentCodec<Name, Decoded<F>, Encoded<F>> {
  return define(name, fields, undefined);
}

/**
 * A single-choice select's codec: the id carries `fields`, and the chosen
 * option's value is decoded by `value` and handed over as `args.value`.
 */
export function select<const Name extends CodecName, const F extends Fields, V>(
  name: Name,
  fields: F,
  value: Field<V>,
): ComponentCodec<Name, Decoded<F> & { value: V }, Encoded<F>> & { readonly value: Field<V> } {
  return define(name, fields, value) as ComponentCodec<Name, Decoded<F> & { value: V }, Encoded<F>> & { readonly value: Field<V> };
}

/**
 * A codec whose arguments are read from its fields into another shape — the
 * place for checks across fields, so handlers receive only valid combinations.
 */
export function reshape<Name extends string, A, E, B, BE = B>(
  codec: ComponentCodec<Name, A, E>,
  read: (args: A) => B | Invalid,
  write: (args: BE) => E,
): ComponentCodec<Name, B, BE> {
  return {
    name: codec.name,
    fields: codec.fields,
    maxLength: codec.maxLength,
    ...(codec.value ? { value: codec.value } : {}),
    encode: (args) => codec.encode(write(args)),
    tryEncode: (args) => codec.tryEncode(write(args)),
    decode(parts, values) {
      const args = read(codec.decode(parts, values));
      if (args === INVALID) throw new StaleComponentError();
      return args;
    },
  };
}

function define<Name extends string, A, E>(name: Name, fields: Fields, value: Field<unknown> | undefined): ComponentCodec<Name, A, E> {
  // Words of lowercase letters, joined by "-" ("account:delete-yes"): never ":" or "-" alone, which fields use.
  if (!/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/.test(name)) throw new Error(`"${name}" is not "<command>:<action>"`);
  const keys = Object.keys(fields);
  const maxLength = name.length + keys.reduce((sum, key) => sum + 1 + fields[key]!.maxLength, 0);
  if (maxLength > LIMITS.customId)
    throw new Error(`custom ids of ${name} could reach ${maxLength} characters (Discord allows ${LIMITS.customId})`);
  const encode = (args: E) => {
    const record = args as Record<string, unknown>;
    return [name, ...keys.map((key) => fields[key]!.encode(record[key]))].join(":");
  };
  return {
    name,
    fields,
    maxLength,
    ...(value ? { value } : {}),
    encode,
    tryEncode(args) {
      try {
        return encode(args);
      } catch (error) {
        if (error instanceof RangeError) return null;
        throw error;
      }
    },
    decode(parts, values) {
      if (parts.length !== keys.length) throw new StaleComponentError();
      const args: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        const decoded = fields[key]!.decode(parts[i]!, values);
        if (decoded === INVALID) throw new StaleComponentError();
        args[key] = decoded;
      });
      if (value !== undefined) {
        const chosen = values.length === 1 ? value.decode(values[0]!, []) : INVALID;
        if (chosen === INVALID) throw new StaleComponentError();
        args.value = chosen;
      }
      return args as A;
    },
  };
}
