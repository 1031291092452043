// Convex's HTTP wire format ("convex_encoded_json") for the bot's calls, done in one pass each way.
// ConvexHttpClient encodes a call's arguments with convexToJson — a copy of the whole value, keys
// sorted, a path string built for every field in case of an error — and then JSON.stringify; and
// decodes an answer with JSON.parse and then jsonToConvex, a second copy. For plain JSON values
// (strings, finite numbers, booleans, null, arrays, plain objects with ordinary field names), which
// are all the bot sends and nearly all it gets back, both copies are the identity: here the
// arguments are written straight to the same text (test/lib/convex-wire.test.ts checks it is byte
// for byte convexToJson's), and an answer with no "$" field is used as JSON.parse gives it. Anything
// else — bigint, bytes, NaN or -0, a "$" field — goes through convex's own functions.
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";

/** Convex's limit on a field name's length (convex/values). */
const MAX_FIELD_NAME = 1024;

/** JSON.stringify(convexToJson(value)): the text a Convex call carries for `value`. */
export function encodeConvexJson(value: unknown): string {
  return plain(value) ?? JSON.stringify(convexToJson(value as Value));
}

/** The text for a plain JSON value, keys in convexToJson's order; null when convexToJson must do it. */
function plain(value: unknown): string | null {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // NaN, ±Infinity and -0 are encoded as {$float}.
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : null;
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) {
          const item = plain(value[i]);
          if (item === null) return null;
          out += i === 0 ? item : `,${item}`;
        }
        return `${out}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return null;
      const record = value as Record<string, unknown>;
      // convexToJson's order: the keys sorted by UTF-16 code units (Array#sort's default for strings).
      const keys = Object.keys(record).sort();
      let out = "{";
      let first = true;
      for (const key of keys) {
        const field = record[key];
        // Left out, as convexToJson leaves out a field whose value is undefined.
        if (field === undefined) continue;
        if (!ordinaryFieldName(key)) return null;
        const text = plain(field);
        if (text === null) return null;
        out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return null;
  }
}

/**
 * A field name written here as convexToJson would: printable ASCII, not starting with "$" (refused),
 * not too long, and not starting with a digit — "9" and "10" are array indices, which a JavaScript
 * object (convexToJson's copy) keeps first and in numeric order, not in the sorted order.
 */
function ordinaryFieldName(key: string): boolean {
  const first = key.charCodeAt(0);
  if (key.length > MAX_FIELD_NAME || first === 36 || (first >= 48 && first <= 57)) return false;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 32 || code >= 127) return false;
  }
  return true;
}

/**
 * jsonToConvex(value), where `text` is the JSON `value` was parsed from. Every special encoding
 * ($bytes, $integer, $float …) is an object whose one field starts with "$", and a field name is
 * written as a quoted string: a text without `"$` (nor an escaped "$") has none, and jsonToConvex
 * of it is the value itself (Convex sends no other field names it would refuse).
 */
export function decodeConvexJson(value: JSONValue, text: string): unknown {
  return text.includes('"$') || text.includes("\\u0024") ? jsonToConvex(value) : value;
}
