import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEpisodeSpec, describeEpisodes } from "../../src/lib/episode-spec.ts";
import { UserError } from "../../src/lib/errors.ts";
import { codePointLength, cutGraphemes, label, plain, progressBar, truncate } from "../../src/views/text.ts";
import { parseTitleRef, choiceName } from "../../src/lib/titles.ts";
import { UserRateLimiter } from "../../src/lib/rate-limit.ts";
import { loadEnv } from "../../src/lib/env.ts";

describe("text shown to people", () => {
  it("escapes markdown and defuses mentions in titles", () => {
    const shown = plain("**@everyone** _Bold_ Movie ||spoiler|| <@123456789012345678> @here");
    expect(shown).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(shown).toContain("@\u200beveryone");
    expect(shown).toContain("\\*\\*");
    expect(shown).toContain("\\|\\|spoiler\\|\\|");
    expect(shown).toContain("<\u200b@123456789012345678>");
  });

  it("cuts long text to the limit with an ellipsis", () => {
    expect(truncate("x".repeat(5000), 4096)).toHaveLength(4096);
    expect(plain("word ".repeat(1000), 100).endsWith("…")).toBe(true);
  });

  it("draws progress bars that are never full before the end", () => {
    expect(progressBar(0, 10)).toBe("▱▱▱▱▱▱▱▱▱▱");
    expect(progressBar(0.99, 10)).toBe("▰▰▰▰▰▰▰▰▰▱");
    expect(progressBar(1, 10)).toBe("▰▰▰▰▰▰▰▰▰▰");
    expect(progressBar(Number.NaN, 4)).toBe("▱▱▱▱");
  });

  it("keeps autocomplete choice names within 100 characters", () => {
    const name = choiceName("A".repeat(300), 2011, "tv");
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith("(2011) · TV")).toBe(true);
  });
});

describe("episode specs", () => {
  it("reads single episodes, ranges, lists and all", () => {
    expect(parseEpisodeSpec("3")).toEqual({ kind: "list", episodes: [3] });
    expect(parseEpisodeSpec("1-5")).toEqual({ kind: "list", episodes: [1, 2, 3, 4, 5] });
    expect(parseEpisodeSpec("1, 3,5-6")).toEqual({ kind: "list", episodes: [1, 3, 5, 6] });
    expect(parseEpisodeSpec("ALL")).toEqual({ kind: "all" });
  });

  it("refuses nonsense with a sentence that shows the accepted forms", () => {
    for (const bad of ["", "abc", "0", "5-1", "1--3", "1-100000"]) {
      expect(() => parseEpisodeSpec(bad)).toThrow(UserError);
    }
    expect(() => parseEpisodeSpec("two")).toThrow(/1-5/);
  });

  it("describes what was marked", () => {
    expect(describeEpisodes(1, [3])).toBe("S1E3");
    expect(describeEpisodes(1, [1, 2, 3])).toBe("S1E1–E3");
    expect(describeEpisodes(2, [1, 4])).toBe("2 episodes of season 2");
  });
});

describe("title options", () => {
  it("understands autocomplete values, bare ids and names", () => {
    expect(parseTitleRef("tv:1399")).toEqual({ kind: "id", tmdbId: 1399, mediaType: "tv" });
    expect(parseTitleRef(" 1399 ")).toEqual({ kind: "id", tmdbId: 1399 });
    expect(parseTitleRef("game of thrones")).toEqual({ kind: "search", query: "game of thrones" });
    expect(() => parseTitleRef("   ")).toThrow(UserError);
  });
});

describe("the per-user rate limit", () => {
  it("allows a burst, then says how long to wait, then refills", () => {
    let now = 0;
    const limiter = new UserRateLimiter(3, 1, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(1000);
    expect(limiter.take("b")).toBe(0);
    now += 1000;
    expect(limiter.take("a")).toBe(0);
  });
});

describe("the environment", () => {
  const good = {
    DISCORD_TOKEN: "x".repeat(30),
    CONVEX_URL: "https://happy-otter-123.convex.cloud",
    BOT_API_SECRET: "s".repeat(16),
  };

  it("fills defaults for the optional variables", () => {
    const env = loadEnv(good);
    expect(env.DISCORD_API_BASE).toBe("https://discord.com/api");
    expect(env.TMDB_API_URL).toBe("https://api.themoviedb.org/3");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("names every missing or bad variable at once", () => {
    expect(() => loadEnv({ CONVEX_URL: "not a url", BOT_API_SECRET: "short" })).toThrow(
      /DISCORD_TOKEN[\s\S]*CONVEX_URL[\s\S]*BOT_API_SECRET/,
    );
  });
});

describe("text from TMDB that tries to add structure", () => {
  it("escapes masked links, headings and lists", () => {
    const shown = plain("# Big [link](https://example.com) - item");
    expect(shown).toContain("\\[link](");
    expect(shown).not.toMatch(/(^|[^\\])\[link\]\(/);
    expect(shown.startsWith("\\#")).toBe(true);
  });
});

describe("cutting text on grapheme clusters", () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  /** With the u flag, \p{Cs} matches only a surrogate without its other half. */
  const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);
  const clusters = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);
  /** Pieces that break when cut by UTF-16 unit or by code point. */
  const tricky = ["a", " ", "é", "e\u0301", "🎬", "👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇯🇵", "Z\u0351\u0352\u0353", "字", "\u200d"];
  const text = fc.array(fc.constantFrom(...tricky), { maxLength: 60 }).map((parts) => parts.join(""));
  /** The cut (less a trailing "…") is the source's first k clusters: nothing was split. */
  const isClusterPrefix = (cut: string, source: string) => {
    const body = cut !== source && cut.endsWith("…") ? cut.slice(0, -1) : cut;
    const whole = clusters(source);
    for (let k = 0; k <= whole.length; k++) {
      const prefix = whole.slice(0, k).join("");
      if (prefix === body || prefix.trimEnd() === body) return true;
    }
    return false;
  };

  it("never leaves half a surrogate pair, a split ZWJ emoji or a letter without its marks, at every limit", () => {
    fc.assert(
      fc.property(text, (input) => {
        for (let max = 0; max <= codePointLength(input) + 1; max++) {
          const cuts: [string, string][] = [
            [truncate(input, max), input],
            [cutGraphemes(input, max), input],
            [label(input, Math.max(1, max)), input.replace(/\s+/g, " ").trim()],
          ];
          for (const [cut, source] of cuts) {
            expect(hasLoneSurrogate(cut)).toBe(false);
            expect(codePointLength(cut)).toBeLessThanOrEqual(Math.max(1, max));
            expect(isClusterPrefix(cut, source)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a ZWJ family whole or drops it, never a piece of it", () => {
    const family = "👩‍👩‍👧‍👦";
    for (let max = 1; max <= 12; max++) {
      const cut = truncate(`ab${family}cd`, max);
      expect(cut.includes("\u200d") ? cut.includes(family) : true).toBe(true);
    }
    expect(truncate(`ab${family}cd`, 8)).toBe("ab…");
    expect(cutGraphemes("🎬🎬", 1)).toBe("🎬");
    expect(cutGraphemes("e\u0301x", 1)).toBe("");
  });

  it("quotes at most 40 characters of a bad episode spec without splitting an emoji", () => {
    const error = (() => {
      try {
        parseEpisodeSpec(`${"🎬".repeat(60)}`);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(hasLoneSurrogate(error!.message)).toBe(false);
  });
});
