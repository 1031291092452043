import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  componentCodecs,
  decodeComponentId,
  episodePickButton,
  listPageButton,
  markEpisodeButton,
  markPickButton,
  reactionSelect,
  sessionConfirmButton,
  StaleComponentError,
  titleChoice,
  titlePickButton,
  type ListPosition,
  type TitleAction,
  type TitleChoice,
} from "../../src/views/component-ids.ts";
import { component, int, INVALID, type Field } from "../../src/views/custom-id.ts";

/** Texts a field's encode could write, generated from what the field says it holds. */
function textsOf(field: Field<unknown>): fc.Arbitrary<string> {
  const spec = field.spec;
  switch (spec.kind) {
    case "int":
      return fc.integer({ min: spec.min, max: spec.max }).map(String);
    case "timestamp":
      return fc
        .oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 999_999_999_999_999 }),
          fc.double({ min: 1, max: 1e15, maxExcluded: true, noNaN: true }),
          fc.double({ min: 1.6e12, max: 2e12, noNaN: true }),
        )
        .map(String);
    case "snowflake":
      return fc.bigInt({ min: 1n, max: 99_999_999_999_999_999_999n }).map(String);
    case "documentId":
      return fc.stringMatching(/^[0-9a-z]{1,64}$/);
    case "oneOf":
      return fc.constantFrom(...spec.values);
    case "flag":
      return fc.constantFrom(spec.yes, spec.no);
    case "pattern":
      return fc.stringMatching(spec.pattern).filter((t) => t.length <= field.maxLength);
    case "optional":
      return fc.oneof(fc.constant("-"), textsOf(spec.inner));
    case "or":
      return fc.oneof(fc.constant(spec.word), textsOf(spec.inner));
    case "fromMenu":
    case "mapped":
      return textsOf(spec.inner);
  }
}

/** Ids built from texts each field could have written (combinations may still be refused as a whole). */
const plausibleIds = fc
  .constantFrom(...componentCodecs)
  .chain((codec) =>
    fc.tuple(...Object.values(codec.fields).map(textsOf)).map((texts) => ({ codec, id: [codec.name, ...texts].join(":") })),
  );

/** The value a select would send with an id: reaction menus send a reaction, guess menus a title. */
const menuValue = fc.oneof(fc.constantFrom("loved", "liked", "mixed", "not-for-me", "clear"), textsOf(titleChoice as Field<unknown>));

const titleChoices: fc.Arbitrary<TitleChoice> = fc.record({
  mediaType: fc.constantFrom("movie" as const, "tv" as const),
  tmdbId: fc.integer({ min: 1, max: 2_147_483_647 }),
});
const titleActions: fc.Arbitrary<TitleAction> = fc.oneof(
  fc.record({ sub: fc.constantFrom("add" as const, "remove" as const, "info" as const) }),
  fc.record(
    {
      sub: fc.constant("status" as const),
      status: fc.constantFrom("want-to-watch" as const, "watching" as const, "finished" as const),
      progress: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: ["sub", "status"] },
  ),
  fc.record({
    sub: fc.constant("react" as const),
    reaction: fc.constantFrom("loved" as const, "liked" as const, "mixed" as const, "not-for-me" as const, "clear" as const),
  }),
);
const listPositions: fc.Arbitrary<ListPosition> = fc.record(
  {
    owner: fc.bigInt({ min: 1n, max: 99_999_999_999_999_999_999n }).map(String),
    status: fc.constantFrom("want-to-watch" as const, "watching" as const, "finished" as const),
    mediaType: fc.constantFrom("movie" as const, "tv" as const),
    scope: fc.constantFrom("watchlist" as const, "all" as const),
    page: fc.integer({ min: 1, max: 10_000 }),
    cursor: fc.record({
      before: fc.integer({ min: 1, max: 999_999_999_999_999 }),
      creation: fc.double({ min: 1.6e12, max: 2e12, noNaN: true }),
    }),
  },
  { requiredKeys: ["owner", "scope", "page"] },
);

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
  it("read back what they were written with: an id that decodes is written again exactly as it was", () => {
    fc.assert(
      fc.property(plausibleIds, ({ codec, id }) => {
        let decoded;
        try {
          decoded = decodeComponentId(id);
        } catch (error) {
          expect(error).toBeInstanceOf(StaleComponentError);
          return;
        }
        expect(decoded.name).toBe(codec.name);
        // A select's value is not part of its id.
        const { value: _, ...idArgs } = decoded.args as Record<string, unknown>;
        expect((codec as { encode(a: unknown): string }).encode(idArgs)).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });

  it("read back the typed arguments they were written with", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_147_483_647 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 9_999 }),
        (tmdbId, season, episode) => {
          expect(decodeComponentId(markEpisodeButton.encode({ tmdbId, season, episode })).args).toEqual({ tmdbId, season, episode });
        },
      ),
    );
    fc.assert(
      fc.property(titleActions, titleChoices, (action, choice) => {
        expect(decodeComponentId(titlePickButton.encode({ action, choice })).args).toEqual({ action, choice });
      }),
    );
    fc.assert(
      fc.property(listPositions, (position) => {
        expect(decodeComponentId(listPageButton.encode(position)).args).toEqual(position);
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant("all" as const)),
        fc.boolean(),
        fc.integer({ min: 1, max: 2_147_483_647 }),
        (season, isWatched, tmdbId) => {
          const choice = { mediaType: "tv" as const, tmdbId };
          expect(decodeComponentId(markPickButton.encode({ season, isWatched, choice })).args).toEqual({ season, isWatched, choice });
        },
      ),
    );
  });

  it("hand a guess menu's choice to the handler as if the button had carried it", () => {
    fc.assert(
      fc.property(titleActions, titleChoices, (action, choice) => {
        const menuId = titlePickButton.encode({ action, choice: undefined });
        expect(decodeComponentId(menuId, [titleChoice.encode(choice)]).args).toEqual({ action, choice });
      }),
    );
    const menuId = episodePickButton.encode({ season: 1, isWatched: true, episodes: "1-5", choice: undefined });
    expect(() => decodeComponentId(menuId, [])).toThrow(StaleComponentError);
    expect(() => decodeComponentId(menuId, ["-"])).toThrow(StaleComponentError);
    expect(() => decodeComponentId(menuId, ["m1", "t2"])).toThrow(StaleComponentError);
    // Episode commands' guesses offer shows only: a movie's value is not one of their choices.
    expect(() => decodeComponentId(menuId, ["m27205"])).toThrow(StaleComponentError);
    expect(decodeComponentId(menuId, ["t1399"]).args).toMatchObject({ choice: { mediaType: "tv", tmdbId: 1399 } });
  });

  it("never exceed Discord's 100 characters, whatever valid values they carry", () => {
    for (const codec of componentCodecs) expect(codec.maxLength, codec.name).toBeLessThanOrEqual(100);
    fc.assert(fc.property(plausibleIds, ({ id }) => id.length <= 100));
    fc.assert(fc.property(listPositions, (p) => listPageButton.encode(p).length <= 100));
    fc.assert(fc.property(titleActions, titleChoices, (action, choice) => titlePickButton.encode({ action, choice }).length <= 100));
  });

  it("are named <command>:<action> in lowercase words, so a name never collides with a field", () => {
    expect(component("account:delete-yes", {}).encode({})).toBe("account:delete-yes");
    for (const bad of ["watch", "watch:", ":add", "watch:add:more", "Watch:add", "watch:-", "watch:a--b", "watch:add-"]) {
      expect(() => component(bad as `${string}:${string}`, {}), bad).toThrow(/<command>:<action>/);
    }
  });

  it("cannot be defined so that an id could outgrow 100 characters", () => {
    expect(() => component("x:long", { a: int(1e15), b: int(1e15), c: int(1e15), d: int(1e15), e: int(1e15), f: int(1e15) })).toThrow(
      /100/,
    );
  });

  it("refuse to write a value they could not read back, and say when an episode list is too long for a button", () => {
    expect(() => markEpisodeButton.encode({ tmdbId: 0, season: 1, episode: 1 })).toThrow(RangeError);
    expect(() => markEpisodeButton.encode({ tmdbId: 1.5, season: 1, episode: 1 })).toThrow(RangeError);
    expect(() => markEpisodeButton.encode({ tmdbId: 1, season: 201, episode: 1 })).toThrow(RangeError);
    expect(() => listPageButton.encode({ owner: "not-a-user", scope: "all", page: 1 })).toThrow(RangeError);
    expect(() => listPageButton.encode({ owner: "1", scope: "all", page: 1, cursor: { before: 1e-7, creation: 1 } })).toThrow(RangeError);
    const long = Array.from({ length: 30 }, (_, i) => String(i * 3 + 1)).join(",");
    expect(episodePickButton.tryEncode({ season: 1, isWatched: true, episodes: long, choice: undefined })).toBeNull();
    expect(
      episodePickButton.tryEncode({ season: 200, isWatched: false, episodes: "1-5,7", choice: { mediaType: "tv", tmdbId: 2_147_483_647 } }),
    ).toBe("ep:pick:200:u:1-5,7:t2147483647");
  });

  it("keep the shapes buttons already posted have, so they still work after an update", () => {
    expect(decodeComponentId("ep:mark:1399:1:4")).toEqual({ name: "ep:mark", args: { tmdbId: 1399, season: 1, episode: 4 } });
    expect(decodeComponentId("watch:page:123456789012345678:-ta:1764140000000:1764140000000.123:2").args).toEqual({
      owner: "123456789012345678",
      mediaType: "tv",
      scope: "all",
      page: 2,
      cursor: { before: 1764140000000, creation: 1764140000000.123 },
    });
    expect(decodeComponentId("watch:react:movie:27205", ["loved"]).args).toEqual({ mediaType: "movie", tmdbId: 27205, value: "loved" });
    expect(decodeComponentId("watch:pick:status:watching.40:m155").args).toEqual({
      action: { sub: "status", status: "watching", progress: 40 },
      choice: { mediaType: "movie", tmdbId: 155 },
    });
    expect(decodeComponentId("mark:pick:all:u:-", ["t1399"]).args).toEqual({
      season: "all",
      isWatched: false,
      choice: { mediaType: "tv", tmdbId: 1399 },
    });
  });

  it("carry a session's Confirm as once, weekly, or keep the repeat of the session it replaces (a poll winner's)", () => {
    const partyId = "k57abc";
    const at = 1796412600000;
    expect(sessionConfirmButton.encode({ partyId, at, weekly: false })).toBe(`session:confirm:${partyId}:${at}o`);
    expect(sessionConfirmButton.encode({ partyId, at, weekly: true })).toBe(`session:confirm:${partyId}:${at}w`);
    expect(sessionConfirmButton.encode({ partyId, at })).toBe(`session:confirm:${partyId}:${at}k`);
    expect(decodeComponentId(`session:confirm:${partyId}:${at}o`).args).toEqual({ partyId, at, weekly: false });
    expect(decodeComponentId(`session:confirm:${partyId}:${at}w`).args).toEqual({ partyId, at, weekly: true });
    expect(decodeComponentId(`session:confirm:${partyId}:${at}k`).args).toEqual({ partyId, at });
    expect(() => decodeComponentId(`session:confirm:${partyId}:${at}x`)).toThrow(StaleComponentError);
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
      "ep:mark:1399:1:0",
      "ep:mark:99999999999:1:4",
      "watch:status:book:1:watching",
      "watch:status:movie:1:binged",
      "watch:undo:ABC",
      "watch:page:0123:--l:-:-:1",
      "watch:page:123:--l:5:-:1",
      "watch:page:123:--x:-:-:1",
      "watch:page:123:--l:1.50:1:1",
      "watch:page:123:--l:-:-:0",
      "watch:pick:add:watching:m1",
      "watch:pick:status:-:m1",
      "watch:pick:status:watching.101:m1",
      "watch:pick:react:hated:m1",
      "ep:pick:1:w:5-:t1",
      "ep:pick:1:w:0:t1",
      "mark:pick:all:x:t1",
      "mark:pick:some:w:t1",
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

  it("read every field of every id from any text as a value it writes back the same way, or as not theirs", () => {
    const fields = componentCodecs.flatMap((codec) => Object.values(codec.fields));
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 120 }),
          fc.string({ unit: fc.constantFrom(..."tm0123456789.-e+wafl"), maxLength: 30 }),
        ),
        (field, text) => {
          const value = field.decode(text, []);
          if (value === INVALID) return;
          if (field.spec.kind === "fromMenu" && text === "-") return;
          expect(field.encode(value)).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("tell people the button is out of date, in words meant for them", () => {
    expect(() => decodeComponentId("nope")).toThrow("That button is out of date — run the command again.");
  });

  it("answer any string with a decoded id or the out-of-date error, never anything else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string()), (id, values) => decodesOrIsStale(id, values)),
      { numRuns: 1000 },
    );
    // Strings made mostly of separators and the characters ids are made of.
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom(":", "a", "1", "-", ".", "é", "t", "w", "watch", "ep") }), (id) =>
        decodesOrIsStale(id),
      ),
      { numRuns: 1000 },
    );
  });

  it("answer real-looking ids with arbitrary fields, or real fields mixed up, with a decode or the out-of-date error", () => {
    const names = componentCodecs.map((c) => c.name);
    const field = fc.oneof(
      fc.string({ maxLength: 25 }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.constantFrom("-", "", "tv", "movie", "loved", "watching", "all", "w", "t1"),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(field, { maxLength: 8 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (name, fields, values) => decodesOrIsStale([name, ...fields].join(":"), values),
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(plausibleIds, plausibleIds, fc.array(menuValue, { maxLength: 2 }), (a, b, values) => {
        const mixed = [a.codec.name, ...b.id.split(":").slice(2)].join(":");
        return decodesOrIsStale(mixed, values) && decodesOrIsStale(a.id, values);
      }),
      { numRuns: 300 },
    );
  });
});
