import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  component,
  componentCodecs,
  decodeComponentId,
  int,
  listPageButton,
  markEpisodeButton,
  reactionSelect,
  StaleComponentError,
  type Field,
} from "../../src/views/component-ids.ts";

/** Values a field's encode accepts, generated from what the field says it holds. */
function valuesOf(field: Field<unknown>): fc.Arbitrary<unknown> {
  const spec = field.spec;
  switch (spec.kind) {
    case "int":
      return fc.integer({ min: 0, max: spec.max });
    case "timestamp":
      return fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 999_999_999_999_999 }),
        fc.double({ min: 1, max: 1e15, maxExcluded: true, noNaN: true }),
        // Convex's _creationTime: milliseconds with a fraction.
        fc.double({ min: 1.6e12, max: 2e12, noNaN: true }),
      );
    case "snowflake":
      return fc.bigInt({ min: 1n, max: 99_999_999_999_999_999_999n }).map(String);
    case "documentId":
      return fc.stringMatching(/^[0-9a-z]{1,64}$/);
    case "oneOf":
      return fc.constantFrom(...spec.values);
    case "optional":
      return fc.option(valuesOf(spec.inner), { nil: undefined });
  }
}

function argsOf(fields: Readonly<Record<string, Field<unknown>>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, valuesOf(field)])));
}

/** Throws only StaleComponentError, or returns. */
function decodesOrIsStale(id: string, values: string[] = []): boolean {
  try {
    decodeComponentId(id, values);
    return true;
  } catch (error) {
    if (error instanceof StaleComponentError) return true;
    throw error;
  }
}

describe("component ids", () => {
  it("read back exactly what they were written with, for every component and every valid value", () => {
    for (const codec of componentCodecs) {
      const value = "value" in codec ? valuesOf(codec.value as Field<unknown>) : fc.constant(undefined);
      fc.assert(
        fc.property(argsOf(codec.fields), value, (args, chosen) => {
          const id = codec.encode(args as never);
          const decoded = decodeComponentId(id, chosen === undefined ? [] : [chosen as string]);
          expect(decoded.name).toBe(codec.name);
          expect(decoded.args).toEqual(chosen === undefined ? args : { ...args, value: chosen });
        }),
      );
    }
  });

  it("never exceed Discord's 100 characters, whatever valid values they carry", () => {
    for (const codec of componentCodecs) {
      expect(codec.maxLength).toBeLessThanOrEqual(100);
      fc.assert(fc.property(argsOf(codec.fields), (args) => [...codec.encode(args as never)].length <= 100));
    }
  });

  it("cannot be defined so that an id could outgrow 100 characters", () => {
    expect(() => component("x:too-long", { a: int(1e15), b: int(1e15), c: int(1e15), d: int(1e15), e: int(1e15), f: int(1e15) })).toThrow(/100/);
  });

  it("refuse to write a value they could not read back", () => {
    expect(() => markEpisodeButton.encode({ tmdbId: -1, season: 1, episode: 1 })).toThrow(RangeError);
    expect(() => markEpisodeButton.encode({ tmdbId: 1.5, season: 1, episode: 1 })).toThrow(RangeError);
    expect(() => listPageButton.encode({ owner: "not-a-user", status: undefined, mediaType: undefined, before: 0, creation: 0, page: 1 })).toThrow(RangeError);
    expect(() => listPageButton.encode({ owner: "123", status: undefined, mediaType: undefined, before: 1e-7, creation: 0, page: 1 })).toThrow(RangeError);
  });

  it("keep the shape buttons already posted have, so they still work after an update", () => {
    expect(decodeComponentId("ep:mark:1399:1:4")).toEqual({ name: "ep:mark", args: { tmdbId: 1399, season: 1, episode: 4 } });
    expect(decodeComponentId("watch:page:123456789012345678:-:tv:1764140000000:1764140000000.123:2")).toEqual({
      name: "watch:page",
      args: { owner: "123456789012345678", status: undefined, mediaType: "tv", before: 1764140000000, creation: 1764140000000.123, page: 2 },
    });
    expect(decodeComponentId("watch:react:movie:27205", ["loved"])).toEqual({ name: "watch:react", args: { mediaType: "movie", tmdbId: 27205, value: "loved" } });
  });

  it("call forged, cut-short, padded or unknown ids out of date", () => {
    const stale = [
      "",
      "ep",
      "ep:mark",
      "ep:mark:1399:1",
      "ep:mark:1399:1:4:5",
      "ep:mark:01399:1:4",
      "ep:mark:1399:1:-4",
      "ep:mark:1399:1:4.0",
      "ep:mark:1399:1:1e3",
      "ep:mark:99999999999:1:4",
      "watch:status:book:1:watching",
      "watch:status:movie:1:dropped",
      "watch:undo:ABC",
      "watch:page:0123:-:-:0:0:1",
      "watch:page:123:-:-:Infinity:0:1",
      "watch:constructor:1",
      "__proto__:toString",
      "x".repeat(101),
      "ep:mark:1399:1:4".padEnd(200, " "),
    ];
    for (const id of stale) expect(() => decodeComponentId(id), id).toThrow(StaleComponentError);
  });

  it("call a reaction menu out of date when its choice is not one the menu offers", () => {
    const id = reactionSelect.encode({ mediaType: "movie", tmdbId: 1 });
    expect(() => decodeComponentId(id, [])).toThrow(StaleComponentError);
    expect(() => decodeComponentId(id, ["hated"])).toThrow(StaleComponentError);
    expect(() => decodeComponentId(id, ["loved", "liked"])).toThrow(StaleComponentError);
  });

  it("tell people the button is out of date, in words meant for them", () => {
    expect(() => decodeComponentId("nope")).toThrow("That button is out of date — run the command again.");
  });

  it("answer any string with a decoded id or the out-of-date error, never anything else", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string()), (id, values) => decodesOrIsStale(id, values)), { numRuns: 2000 });
  });

  it("answer ids that start like real ones but carry arbitrary fields with the out-of-date error or a valid decode", () => {
    const names = componentCodecs.map((c) => c.name);
    const field = fc.oneof(fc.string({ maxLength: 25 }), fc.integer().map(String), fc.double().map(String), fc.constantFrom("-", "", "tv", "movie", "loved", "watching"));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(field, { maxLength: 8 }), fc.array(fc.string(), { maxLength: 3 }), (name, fields, values) =>
        decodesOrIsStale([name, ...fields].join(":"), values),
      ),
      { numRuns: 3000 },
    );
  });

  it("decode every real id to arguments of the right types", () => {
    fc.assert(
      fc.property(argsOf(markEpisodeButton.fields), (args) => {
        const decoded = decodeComponentId(markEpisodeButton.encode(args as never));
        if (decoded.name !== "ep:mark") return false;
        return [decoded.args.tmdbId, decoded.args.season, decoded.args.episode].every((n) => Number.isSafeInteger(n) && n >= 0);
      }),
    );
  });
});
