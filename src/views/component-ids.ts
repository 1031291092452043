/**
 * Every button's and select's custom_id, written and read by one typed codec
 * per component. An id is "<command>:<action>:<field>:<field>…": the same shape
 * the bot has always written, so buttons already posted keep working. Each
 * field has a fixed alphabet without ":" and a maximum length, and a codec's
 * fields are checked at definition to fit Discord's 100 characters, so encoding
 * valid arguments can never make an id Discord refuses.
 *
 * Anything that does not decode — forged, cut short, from an older version, or
 * naming a value that no longer exists — raises StaleComponentError, the one
 * answer people get: the button is out of date.
 */
import { LIMITS } from "./limits.ts";
import { MEDIA_TYPES, PROGRESS_STATUSES, REACTION_CHOICES, type MediaType, type ProgressStatus, type ReactionChoice } from "./vocabulary.ts";

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

export type FieldSpec =
  | { kind: "int"; max: number }
  | { kind: "timestamp" }
  | { kind: "snowflake" }
  | { kind: "documentId" }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "optional"; inner: Field<unknown> };

/** One position in an id: how a value is written, read back, and how long it can get. */
export interface Field<T> {
  /** What the field holds, for documentation and for tests that generate values. */
  readonly spec: FieldSpec;
  readonly maxLength: number;
  encode(value: T): string;
  decode(text: string): T | typeof INVALID;
}

const CANONICAL_INT = /^(0|[1-9][0-9]*)$/;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A whole number from 0 to `max`, written in decimal without leading zeros. */
export function int(max: number): Field<number> {
  const maxLength = String(max).length;
  return {
    spec: { kind: "int", max },
    maxLength,
    encode(value) {
      if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new RangeError(`${value} is not an integer in 0..${max}`);
      return String(value);
    },
    decode(text) {
      if (text.length > maxLength || !CANONICAL_INT.test(text)) return INVALID;
      const n = Number(text);
      return n <= max ? n : INVALID;
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
    return n === 0 || (n >= 1 && n < 1e15) ? n : INVALID;
  },
};

/** A Discord snowflake (user, channel, message id). */
export const snowflake: Field<string> = {
  spec: { kind: "snowflake" },
  maxLength: 20,
  encode(value) {
    if (!/^[1-9][0-9]{0,19}$/.test(value)) throw new RangeError(`${value} is not a snowflake`);
    return value;
  },
  decode(text) {
    return /^[1-9][0-9]{0,19}$/.test(text) ? text : INVALID;
  },
};

/** A Convex document id (lowercase letters and digits). */
export const documentId: Field<string> = {
  spec: { kind: "documentId" },
  maxLength: 64,
  encode(value) {
    if (!/^[0-9a-z]{1,64}$/.test(value)) throw new RangeError(`${value} is not a document id`);
    return value;
  },
  decode(text) {
    return /^[0-9a-z]{1,64}$/.test(text) ? text : INVALID;
  },
};

/** One of a fixed set of words, none containing ":" or equal to "-". */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  for (const v of values) if (v.includes(":") || v === "-" || v.length === 0) throw new Error(`"${v}" cannot be a custom id word`);
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

/** A field that may be absent, written "-". */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return {
    spec: { kind: "optional", inner: field as Field<unknown> },
    maxLength: Math.max(1, field.maxLength),
    encode(value) {
      return value === undefined ? "-" : field.encode(value);
    },
    decode(text) {
      return text === "-" ? undefined : field.decode(text);
    },
  };
}

type Fields = Record<string, Field<any>>;
type Decoded<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** `A` is what a handler receives; `E` what the id carries (a select's chosen value is not in its id). */
export interface ComponentCodec<Name extends string, A, E = A> {
  /** "<command>:<action>", the id's fixed start. */
  readonly name: Name;
  readonly fields: Readonly<Record<string, Field<unknown>>>;
  /** Longest id this codec can write. */
  readonly maxLength: number;
  encode(args: E): string;
  /** Reads the fields after the name (and a select's chosen values); throws StaleComponentError. */
  decode(fields: readonly string[], values: readonly string[]): A;
}

/** A button's codec: its arguments all live in the id. */
export function component<const Name extends `${string}:${string}`, const F extends Fields>(name: Name, fields: F): ComponentCodec<Name, Decoded<F>> {
  return define(name, fields, undefined);
}

/**
 * A single-choice select's codec: the id carries `fields`, and the chosen
 * option's value is decoded by `value` and handed over as `args.value`.
 */
export function select<const Name extends `${string}:${string}`, const F extends Fields, V>(
  name: Name,
  fields: F,
  value: Field<V>,
): ComponentCodec<Name, Decoded<F> & { value: V }, Decoded<F>> & { readonly value: Field<V> } {
  return Object.assign(define<Name, Decoded<F> & { value: V }, Decoded<F>>(name, fields, value), { value });
}

function define<Name extends string, A, E = A>(name: Name, fields: Fields, value: Field<unknown> | undefined): ComponentCodec<Name, A, E> {
  const keys = Object.keys(fields);
  const maxLength = name.length + keys.reduce((sum, key) => sum + 1 + fields[key]!.maxLength, 0);
  if (maxLength > LIMITS.customId) throw new Error(`custom ids of ${name} could reach ${maxLength} characters (Discord allows ${LIMITS.customId})`);
  return {
    name,
    fields,
    maxLength,
    encode(args) {
      const record = args as Record<string, unknown>;
      return [name, ...keys.map((key) => fields[key]!.encode(record[key]))].join(":");
    },
    decode(parts, values) {
      if (parts.length !== keys.length) throw new StaleComponentError();
      const args: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        const decoded = fields[key]!.decode(parts[i]!);
        if (decoded === INVALID) throw new StaleComponentError();
        args[key] = decoded;
      });
      if (value !== undefined) {
        const chosen = values.length === 1 ? value.decode(values[0]!) : INVALID;
        if (chosen === INVALID) throw new StaleComponentError();
        args.value = chosen;
      }
      return args as A;
    },
  };
}

// ---------------------------------------------------------------- the bot's components

const tmdbId = int(9_999_999_999);
const mediaType = oneOf<MediaType>(MEDIA_TYPES);

/** ep:mark:<tmdbId>:<season>:<episode> — "Mark S1E4", the next episode after a change. */
export const markEpisodeButton = component("ep:mark", { tmdbId, season: int(9_999), episode: int(99_999) });

/** watch:undo:<undoId> — undo the change the card reports. */
export const undoButton = component("watch:undo", { undoId: documentId });

/** watch:status:<type>:<tmdbId>:<status> — the status buttons on a title card. */
export const statusButton = component("watch:status", { mediaType, tmdbId, status: oneOf<ProgressStatus>(PROGRESS_STATUSES) });

/** watch:add:<type>:<tmdbId> — "Add to watchlist" on a title card. */
export const addButton = component("watch:add", { mediaType, tmdbId });

/** watch:remove:<type>:<tmdbId> — "Remove from watchlist" on a title card. */
export const removeButton = component("watch:remove", { mediaType, tmdbId });

/** watch:react:<type>:<tmdbId>, value = reaction or "clear" — the reaction menu on a title card. */
export const reactionSelect = select("watch:react", { mediaType, tmdbId }, oneOf<ReactionChoice>(REACTION_CHOICES));

/** watch:share:<type>:<tmdbId>:<finished|loved> — post a finished or loved title to the channel, if still true. */
export const shareButton = component("watch:share", { mediaType, tmdbId, what: oneOf(["finished", "loved"]) });

/**
 * watch:page:<owner>:<status|->:<type|->:<before>:<creation>:<page> — a list
 * page; the keyset cursor (before, creation) survives restarts. Page 1 carries 0:0.
 */
export const listPageButton = component("watch:page", {
  owner: snowflake,
  status: optional(oneOf<ProgressStatus>(PROGRESS_STATUSES)),
  mediaType: optional(mediaType),
  before: timestamp,
  creation: timestamp,
  page: int(9_999),
});

/** Every codec, by name: the one table the dispatcher reads. */
export const componentCodecs = [markEpisodeButton, undoButton, statusButton, addButton, removeButton, reactionSelect, shareButton, listPageButton] as const;

type AnyCodec = (typeof componentCodecs)[number];
export type ComponentName = AnyCodec["name"];
export type ComponentArgs<N extends ComponentName> = Extract<AnyCodec, { name: N }> extends ComponentCodec<N, infer A, any> ? A : never;
/** A decoded id: which component, and its typed arguments. */
export type DecodedComponent = { [N in ComponentName]: { name: N; args: ComponentArgs<N> } }[ComponentName];

const byName = new Map<string, ComponentCodec<string, unknown>>(componentCodecs.map((codec) => [codec.name, codec as ComponentCodec<string, unknown>]));

/**
 * Reads any custom id a person's client sent (and a select's values). Returns
 * the component and its arguments, or throws StaleComponentError — never
 * anything else, whatever the input.
 */
export function decodeComponentId(customId: string, values: readonly string[] = []): DecodedComponent {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) throw new StaleComponentError();
  const parts = customId.split(":");
  const codec = parts.length >= 2 ? byName.get(`${parts[0]}:${parts[1]}`) : undefined;
  if (codec === undefined) throw new StaleComponentError();
  const safeValues = Array.isArray(values) && values.every((v) => typeof v === "string") ? values : [];
  return { name: codec.name, args: codec.decode(parts.slice(2), safeValues) } as DecodedComponent;
}
