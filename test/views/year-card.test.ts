// The year in review's SVG (src/views/year-card.ts): the figures drawn are the data's, and whatever
// a name or title holds stays text (escaped), never markup.
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { statsCard } from "../../src/views/stats.ts";
import { cardFigures, cardTranslator, yearCardSvg } from "../../src/views/year-card.ts";

const figures = {
  year: 2026,
  episodes: 1234,
  minutes: 56_789,
  films: 42,
  showsFinished: 7,
  reactions: { loved: 12, "not-for-me": 3 },
  longestStreak: 19,
  activeDays: 200,
  topGenres: [
    { id: 18, titles: 5 },
    { id: 10765, titles: 2 },
  ],
  topShows: [{ tmdbId: 1399, title: "Game of Thrones", episodes: 73, minutes: 4_000 }],
};

describe("the year in review card", () => {
  it("draws the five figures, the most watched show and the reactions from the data", () => {
    const svg = yearCardSvg({ name: "Alice", year: 2026, figures });
    expect(cardFigures(figures)).toEqual([
      { label: "episodes", value: "1,234" },
      { label: "hours watched", value: "946.5" },
      { label: "films", value: "42" },
      { label: "shows finished", value: "7" },
      { label: "day streak", value: "19" },
    ]);
    for (const f of cardFigures(figures)) expect(svg).toContain(`>${f.value}</text>`);
    expect(svg).toContain(">Alice&apos;s 2026 in review</text>");
    expect(svg).toContain(">Game of Thrones</text>");
    expect(svg).toContain(">73 episodes · 66.7 h</text>");
    expect(svg).toContain(">Reactions: 12 loved · 3 not for me</text>");
    expect(svg).toContain(">Top genres: Drama (5) · Sci-Fi &amp; Fantasy (2)</text>");
  });

  it("keeps names and titles as text: markup is escaped, control characters and emoji dropped", () => {
    const svg = yearCardSvg({
      name: 'Eve</text><image href="https://evil.example/x.png"/>\u0007🎬',
      year: 2026,
      figures: { ...figures, topShows: [{ tmdbId: 1, title: "<script>&", episodes: 1, minutes: 50 }] },
    });
    expect(svg).not.toContain("<image");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&amp;");
    expect(svg).not.toMatch(/[\u0007]|🎬/u);
  });

  it("is drawn in the reader's language, with their numbers", () => {
    const t = translator("de");
    const svg = yearCardSvg({ name: "Dora", year: 2026, figures, t });
    expect(cardFigures(figures, t).map((f) => f.value)).toEqual(["1.234", "946,5", "42", "7", "19"]);
    expect(svg).toContain(">Dora: Jahresrückblick 2026</text>");
    expect(svg).toContain(">Stunden geschaut</text>");
    expect(svg).toContain(">Top-Genres: Drama (5) · Sci-Fi &amp; Fantasy (2)</text>");
    expect(svg).toContain(">Meistgesehen</text>");
    expect(svg).toContain(">73 Folgen · 66,7 Std.</text>");
    expect(svg).toContain(">Reaktionen: 12 geliebt · 3 nichts für mich</text>");
    expect(svg).not.toMatch(/in review|episodes|Most watched/);
  });

  it("falls back to English words where the card's font has no glyphs for the language (Japanese)", () => {
    expect(cardTranslator(translator("ja")).catalogue).toBe("en");
    expect(cardTranslator(translator("fr")).catalogue).toBe("fr");
    const svg = yearCardSvg({ name: "Jun", year: 2026, figures, t: translator("ja") });
    expect(svg).toContain(">Jun&apos;s 2026 in review</text>");
    expect(svg).toContain(">Top genres: Drama (5) · Sci-Fi &amp; Fantasy (2)</text>");
    expect(svg).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });
});

describe("/stats show's genres", () => {
  const field = (view: ReturnType<typeof statsCard>, name: string) => view.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;

  it("lists the top genres by name in the reader's language, with an id the catalogue doesn't know named by number", () => {
    const withUnknown = { ...figures, topGenres: [...figures.topGenres, { id: 99999, titles: 1 }] };
    const fr = statsCard({ name: "Zoé", self: true, figures: withUnknown, year: 2026, sharedHere: null, t: translator("fr") });
    expect(field(fr, "Genres favoris")).toBe("Drame (5) · Science-Fiction & Fantastique (2) · Genre 99999 (1)");
    expect(field(fr, "Heures de visionnage")).toBe("946,5 h");
    const ja = statsCard({ name: "Jun", self: true, figures, year: 2026, sharedHere: null, t: translator("ja") });
    expect(field(ja, "よく見るジャンル")).toBe("ドラマ（5） · SF＆ファンタジー（2）");
    const none = statsCard({ name: "Al", self: true, figures: { ...figures, topGenres: [] }, year: 2026, sharedHere: null });
    expect(field(none, "Top genres")).toBe("—");
  });
});
