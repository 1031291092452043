// The bot's Convex calls encode and decode in one pass (src/lib/convex-wire.ts): the text must be
// byte for byte what ConvexHttpClient sends (convexToJson, then JSON.stringify), and an answer must
// decode to what jsonToConvex gives.
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { describe, expect, it } from "vitest";
import { decodeConvexJson, encodeConvexJson } from "../../src/lib/convex-wire.ts";

const reference = (value: unknown) => JSON.stringify(convexToJson(value as Value));

describe("encodeConvexJson", () => {
  const plain: [string, unknown][] = [
    [
      "a call's arguments, keys out of order",
      { tmdbId: 1399, season: 2, episodes: [1, 2, 3], isWatched: true, discordUserId: "12", secret: "s" },
    ],
    ["nested objects and arrays", { z: { b: [{ y: 1, x: "a" }], a: null }, a: [[], {}, [null, false]] }],
    ["strings that need escaping", { 'quote"key': 'a "b" \\ \n \u2028 🎬 \u0000', emoji: "ワンピース" }],
    ["numbers", { int: 42, neg: -7, float: 0.1 + 0.2, big: 1e21, small: 5e-324, zero: 0 }],
    ["fields whose value is undefined", { kept: 1, dropped: undefined }],
    ["keys sorted by code unit", { b: 1, B: 2, a: 3, _: 4, a1: 5 }],
    ["index-like keys, which an object keeps first in numeric order", { b: 1, "10": 5, "9": 6, "01": 7 }],
    ["an object without a prototype", Object.assign(Object.create(null) as object, { b: 1, a: 2 })],
    ["a bare string", "x"],
  ];
  it.each(plain)("writes %s exactly as convexToJson + JSON.stringify", (_name, value) => {
    expect(encodeConvexJson(value)).toBe(reference(value));
  });

  const special: [string, unknown][] = [
    ["a bigint", { n: 5n }],
    ["bytes", { b: new Uint8Array([1, 2, 3]).buffer }],
    ["NaN, Infinity and -0", { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0 }],
    ["a deep bigint", { list: [{ n: -(2n ** 40n) }] }],
  ];
  it.each(special)("hands %s to convexToJson (the same text)", (_name, value) => {
    expect(encodeConvexJson(value)).toBe(reference(value));
  });

  const refused: [string, unknown][] = [
    ["a field starting with $", { $id: 1 }],
    ["a field with a non-ASCII character", { é: 1 }],
    ["undefined in an array", { list: [1, undefined] }],
    ["a Map", { m: new Map([["a", 1]]) }],
    ["a class instance", { d: new Date(0) }],
  ];
  it.each(refused)("refuses %s as convexToJson does", (_name, value) => {
    expect(() => reference(value)).toThrow();
    expect(() => encodeConvexJson(value)).toThrow();
  });
});

describe("decodeConvexJson", () => {
  const answers: [string, JSONValue][] = [
    ["a plain answer", { show: { title: "One Piece", seasons: [1, 2] }, changed: 3, note: null }],
    ["a string that starts with $", { price: "$5", list: ["$x"] }],
    ["an integer", { count: convexToJson(12n) }],
    ["bytes", { data: convexToJson(new Uint8Array([7, 8]).buffer) }],
    ["a special float", { x: convexToJson(Number.NaN) }],
  ];
  it.each(answers)("decodes %s as jsonToConvex does", (_name, value) => {
    const text = JSON.stringify({ status: "success", value });
    const parsed = (JSON.parse(text) as { value: JSONValue }).value;
    expect(decodeConvexJson(parsed, text)).toEqual(jsonToConvex(JSON.parse(JSON.stringify(value)) as JSONValue));
  });

  it("uses the parsed value as it is when the text has no $ field", () => {
    const text = JSON.stringify({ status: "success", value: { a: [1, { b: "c" }] } });
    const parsed = (JSON.parse(text) as { value: JSONValue }).value;
    expect(decodeConvexJson(parsed, text)).toBe(parsed);
  });

  it("decodes a $ field written with an escape", () => {
    const text = '{"status":"success","value":{"\\u0024integer":"DAAAAAAAAAA="}}';
    const parsed = (JSON.parse(text) as { value: JSONValue }).value;
    expect(decodeConvexJson(parsed, text)).toBe(12n);
  });
});
