import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approximateGraphemes, codePointLength, graphemes, label, plain, progressBar, quoteTitle, truncate } from "../../src/views/text.ts";

const anyText = fc.string({ unit: "grapheme", maxLength: 400 });
const mixedText = fc.oneof(anyText, fc.string({ unit: "binary", maxLength: 400 }), fc.stringMatching(/^[*_~|`>#[\]()\\@<&!\d -]{0,300}$/));

describe("cutting text to fit", () => {
  it("never goes over the limit, counted as Discord counts (code points)", () => {
    fc.assert(fc.property(mixedText, fc.integer({ min: 0, max: 300 }), (text, max) => codePointLength(truncate(text, max)) <= max));
  });

  it("leaves text that fits untouched", () => {
    fc.assert(fc.property(mixedText, (text) => truncate(text, codePointLength(text)) === text));
  });

  it("keeps only whole graphemes and says so with an ellipsis", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 200 }), (text, max) => {
        const cut = truncate(text, max);
        if (cut === text) return true;
        expect(cut.endsWith("…")).toBe(true);
        const kept = cut.slice(0, -1);
        // What is kept is a run of the original's own graphemes, from the start.
        const original = [...graphemes(text)];
        const mine = [...graphemes(kept)];
        mine.forEach((g, i) => expect(g).toBe(original[i]));
        return true;
      }),
    );
  });

  it("does not split a family emoji, a flag or an accented letter", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(truncate(`ab${family}cd`, 8)).toBe("ab…");
    expect(truncate("🇫🇷🇩🇪🇮🇹", 4)).toBe("🇫🇷…");
    expect(truncate("e\u0301e\u0301e\u0301", 4)).toBe("e\u0301…");
  });
});

describe("text shown to people", () => {
  it("escapes markdown and defuses mentions in titles", () => {
    const shown = plain("**@everyone** _Bold_ Movie ||spoiler|| <@123456789012345678> @here <@&42> <#7>");
    expect(shown).toContain("@\u200beveryone");
    expect(shown).toContain("@\u200bhere");
    expect(shown).toContain("\\*\\*");
    expect(shown).toContain("\\|\\|spoiler\\|\\|");
    expect(shown).toContain("<\u200b@123456789012345678>");
    expect(shown).toContain("<\u200b@&42>");
    expect(shown).toContain("<\u200b#7>");
  });

  it("keeps outside text from adding links, headings, lists, quotes or lines", () => {
    expect(plain("# Big [link](https://example.com)")).toBe("\\# Big \\[link](https://example.com)");
    expect(plain("> quoted")).toBe("\\> quoted");
    expect(plain("-# small print")).toBe("\\-# small print");
    expect(plain("- item")).toBe("\\- item");
    expect(plain("line one\n\n## line two")).toBe("line one ## line two");
  });

  it("never lets any text ping or look like a mention, and stays within its limit", () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: 1, max: 300 }), (text, max) => {
        const shown = plain(text, max);
        expect(codePointLength(shown)).toBeLessThanOrEqual(max);
        expect(shown).not.toMatch(/@(everyone|here)/i);
        expect(shown).not.toMatch(/<(@[!&]?|#)\d+>/);
        expect(shown).not.toContain("\n");
      }),
    );
  });

  it("never ends a cut in a lone backslash that would escape the ellipsis", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a*_\\]{0,80}$/), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const shown = plain(text, max);
        if (!shown.endsWith("…")) return true;
        const trailing = /(\\*)…$/.exec(shown)![1]!.length;
        return trailing % 2 === 0;
      }),
    );
  });

  it("quotes titles inside sentences the same way everywhere", () => {
    expect(quoteTitle("Game of Thrones")).toBe("Game of Thrones");
    expect(quoteTitle("*Evil* @everyone")).toBe("\\*Evil\\* @\u200beveryone");
    expect(codePointLength(quoteTitle("x".repeat(400)))).toBe(150);
  });

  it("writes labels on one line, cut to fit, and never empty", () => {
    expect(label("  Mark\nS1E4  ", 80)).toBe("Mark S1E4");
    expect(label("   ", 80)).toBe("…");
    expect(codePointLength(label("y".repeat(200), 80))).toBe(80);
  });

  it("draws progress bars that are never full before the end", () => {
    expect(progressBar(0, 10)).toBe("▱▱▱▱▱▱▱▱▱▱");
    expect(progressBar(0.99, 10)).toBe("▰▰▰▰▰▰▰▰▰▱");
    expect(progressBar(1, 10)).toBe("▰▰▰▰▰▰▰▰▰▰");
    expect(progressBar(Number.NaN, 4)).toBe("▱▱▱▱");
  });
});

describe("graphemes where the runtime has no Intl.Segmenter", () => {
  it("keep emoji sequences, flags, skin tones and accents whole, like Intl.Segmenter does", () => {
    for (const text of ["👨‍👩‍👧‍👦 family", "🇫🇷🇩🇪🇮🇹", "👍🏽 ok", "e\u0301te\u0301", "❤️ loved", "plain words"]) {
      expect([...approximateGraphemes(text)], text).toEqual([...graphemes(text)]);
    }
  });
});
