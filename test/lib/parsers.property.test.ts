// Every parser of user-supplied text, fed arbitrary strings: each returns a value or a
// UserError meant for people, and returns at all (fast-check runs each case synchronously,
// so a parser that looped would hang this file instead of passing it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_EPISODE_NUMBER, MAX_EPISODES, formatEpisodeSpec, parseEpisodeSpec } from "../../src/lib/episode-spec.ts";
import { UserError } from "../../src/lib/errors.ts";
import { MAX_TMDB_ID, parseTitleRef } from "../../src/lib/titles.ts";

/** Strings people (or forged custom ids) could send: arbitrary text, and text made of the parser's own alphabet. */
const anyText = (alphabet: string) =>
  fc.oneof(
    fc.string({ maxLength: 200, unit: "grapheme" }),
    fc.string({ maxLength: 200, unit: fc.constantFrom(...alphabet) }),
    fc.bigInt({ min: -(10n ** 120n), max: 10n ** 120n }).map(String),
  );

/** Runs the parser: a value, or a UserError with a message; anything else fails the property. */
function valueOrUserError<T>(parse: () => T): T | UserError {
  try {
    return parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message.length).toBeGreaterThan(0);
    return error as UserError;
  }
}

describe("episode specs under arbitrary input", () => {
  it("return an episode list within bounds or a user-facing error", () => {
    fc.assert(
      fc.property(anyText("0123456789,- \t–all*9"), (input) => {
        const result = valueOrUserError(() => parseEpisodeSpec(input));
        if (result instanceof UserError || result.kind === "all") return;
        expect(result.episodes.length).toBeGreaterThan(0);
        expect(result.episodes.length).toBeLessThanOrEqual(MAX_EPISODES);
        for (const e of result.episodes) expect(Number.isInteger(e) && e >= 1 && e <= MAX_EPISODE_NUMBER).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("round-trip through the short form a button carries", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: MAX_EPISODE_NUMBER }), { minLength: 1, maxLength: 60 }), (episodes) => {
        const spec = { kind: "list" as const, episodes: [...episodes].sort((a, b) => a - b) };
        expect(parseEpisodeSpec(formatEpisodeSpec(spec))).toEqual(spec);
      }),
    );
  });

  it("answer numbers near 2^53 and 100-digit episodes with an out-of-range message", () => {
    for (const input of ["9007199254740993", "9007199254740990-9007199254740993", "9".repeat(100), "1-9007199254740993"]) {
      expect(() => parseEpisodeSpec(input)).toThrow(/out of range — episode numbers go up to 9,999/);
    }
  });

  it("refuse a space inside a number instead of joining the digits", () => {
    expect(() => parseEpisodeSpec("1 0")).toThrow(/space inside a number/);
    expect(parseEpisodeSpec(" 1 , 3 - 4 ")).toEqual({ kind: "list", episodes: [1, 3, 4] });
  });

  it("reads the ways people write an episode anyway — S1E3, e3, ep 3, E1-E5, full-width digits — and refuses another season's", () => {
    for (const [input, episodes] of [
      ["S1E3", [3]],
      ["s01e03", [3]],
      ["e3", [3]],
      ["ep 3", [3]],
      ["Episode 4", [4]],
      ["E1-E3", [1, 2, 3]],
      ["S1E1-S1E2", [1, 2]],
      ["３", [3]],
    ] as const) {
      expect(parseEpisodeSpec(input, 1)).toEqual({ kind: "list", episodes });
    }
    expect(() => parseEpisodeSpec("S2E3", 1)).toThrow("“S2E3” is in season 2, but the command names season 1");
    // With no season option, the one written is the season (/party watched episode:S2E5).
    expect(parseEpisodeSpec("S2E5")).toEqual({ kind: "list", episodes: [5], season: 2 });
    expect(parseEpisodeSpec("S2E5", 2)).toEqual({ kind: "list", episodes: [5] });
    expect(() => parseEpisodeSpec("S2E5-S3E1")).toThrow("names seasons 2 and 3");
    for (const input of ["se3", "e", "3e", "e 1 0"]) expect(() => parseEpisodeSpec(input, 1)).toThrow(UserError);
  });
});

describe("title options under arbitrary input", () => {
  it("return an id in TMDB's range, a search, or a user-facing error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText("0123456789 -+.tvmoie:"),
          fc.string({ maxLength: 20 }).map((s) => `tv:${s}`),
        ),
        (input) => {
          const result = valueOrUserError(() => parseTitleRef(input));
          if (result instanceof UserError) return;
          if (result.kind === "id") expect(result.tmdbId >= 1 && result.tmdbId <= MAX_TMDB_ID).toBe(true);
          else expect(result.query.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("never turn a negative, spaced or malformed number into a search", () => {
    for (const input of ["-1", "- 1", "+5", "1 399", "13.99", "tv:-1", "tv:abc", "movie:", "99999999999", "tv:99999999999999999999"]) {
      expect(() => parseTitleRef(input), input).toThrow(UserError);
    }
    expect(() => parseTitleRef("1 399")).toThrow(/space inside a number/);
    expect(parseTitleRef("9-1-1")).toEqual({ kind: "search", query: "9-1-1" });
  });
});

// Custom ids — split, and each component's own arguments (numbers, titles, list cursors) —
// are read in one place by the codecs in src/views/component-ids.ts, whose property tests
// (any string decodes or is refused as out of date) live in test/views/component-ids.test.ts.
