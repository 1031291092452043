// /account's Letterboxd and Trakt exports: what they write, that a spreadsheet can't run a title as
// a formula, and that /import reads each back to the same titles.
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { FILM_FANATIC_LIBRARY } from "../../sandbox/fixtures/imports/build.ts";
import type { ExportPage, ExportPart } from "../../src/lib/account-export.ts";
import { buildLetterboxdExport, buildTraktExport, csvCell } from "../../src/lib/export-formats.ts";
import { readImportFile } from "../../src/lib/import/index.ts";

const FORMULA = {
  tmdbId: 550,
  mediaType: "movie",
  progressStatus: "done",
  reaction: "liked",
  title: '=HYPERLINK("http://x.invalid","Fight Club")',
  release_date: "1999-10-15",
  updatedAt: Date.UTC(2026, 1, 1, 20),
};
const library: Record<ExportPart, unknown[]> = { ...FILM_FANATIC_LIBRARY, watch_items: [...FILM_FANATIC_LIBRARY.watch_items, FORMULA] };

/** Pages of two rows, so paging is exercised. */
async function page(part: ExportPart, cursor: string | null): Promise<ExportPage> {
  const start = cursor === null ? 0 : Number(cursor);
  const rows = library[part].slice(start, start + 2);
  return { rows, cursor: String(start + 2), isDone: start + 2 >= library[part].length };
}

const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe("CSV cells", () => {
  it("make formula-like cells inert and quote what needs quoting", () => {
    expect(["=1+1", "+44 20", "-5", "@SUM(A1)", "\tTab", "\rCR"].map(csvCell)).toEqual([
      "'=1+1",
      "'+44 20",
      "'-5",
      "'@SUM(A1)",
      "'\tTab",
      '"\'\rCR"',
    ]);
    expect(csvCell('Say "hi", then')).toBe('"Say ""hi"", then"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("Heat")).toBe("Heat");
  });
});

describe("the Letterboxd export", () => {
  it("writes watched and rated films in Letterboxd's import layout, and the watchlist apart", async () => {
    const built = await buildLetterboxdExport(page, { maxPages: 100 });
    expect(built.complete).toBe(true);
    expect(built.files.map((f) => f.name)).toEqual(["letterboxd-films.csv", "letterboxd-watchlist.csv"]);
    expect(text(built.files[0]!.data).split("\r\n")).toEqual([
      "tmdbID,Title,Year,WatchedDate,Rating,Rating10,Rewatch",
      "27205,Inception,2010,2026-01-10,5,10,",
      "862,Toy Story,1995,2026-01-15,2.5,5,",
      `550,"'=HYPERLINK(""http://x.invalid"",""Fight Club"")",1999,2026-02-01,3.5,7,`,
      "",
    ]);
    expect(text(built.files[1]!.data)).toBe("tmdbID,Title,Year\r\n603,The Matrix,1999\r\n");
    expect(built.titles).toBe(4);
  });

  it("reads back through /import to the same films, dates and ratings", async () => {
    const built = await buildLetterboxdExport(page, { maxPages: 100 });
    const films = await readImportFile(built.files[0]!.data, "letterboxd-films.csv");
    expect(films.source).toBe("letterboxd");
    expect(films.entries.map((e) => [e.ids.tmdb, e.title, e.watched, e.rating, e.watchedAt])).toEqual([
      [27205, "Inception", true, 10, Date.UTC(2026, 0, 10, 12)],
      [862, "Toy Story", true, 5, Date.UTC(2026, 0, 15, 12)],
      [550, FORMULA.title, true, 7, Date.UTC(2026, 1, 1, 12)],
    ]);
    const watchlist = await readImportFile(built.files[1]!.data, "letterboxd-watchlist.csv");
    expect(watchlist.entries).toEqual([
      { key: "movie:tmdb:603", mediaType: "movie", ids: { tmdb: 603 }, title: "The Matrix", year: 1999, watchlist: true },
    ]);
  });
});

describe("the Trakt export", () => {
  it("zips Trakt's files: watched films, shows with seasons and episodes, watchlists and ratings", async () => {
    const built = await buildTraktExport(page, { maxPages: 100 });
    expect(built.files.map((f) => f.name)).toEqual(["trakt-export.zip"]);
    const files = unzipSync(built.files[0]!.data);
    expect(Object.keys(files)).toEqual([
      "watched-movies.json",
      "watched-shows.json",
      "watchlist-movies.json",
      "watchlist-shows.json",
      "ratings-movies.json",
      "ratings-shows.json",
    ]);
    const shows = JSON.parse(text(files["watched-shows.json"]!)) as {
      show: { title: string };
      seasons: { number: number; episodes: unknown[] }[];
    }[];
    expect(shows.map((s) => [s.show.title, s.seasons.map((x) => [x.number, x.episodes.length])])).toEqual([
      ["Stranger Things", [[1, 3]]],
      [
        "Fleabag",
        [
          [1, 6],
          [2, 6],
        ],
      ],
    ]);
    expect(JSON.parse(text(files["ratings-movies.json"]!))).toContainEqual({
      rated_at: "2026-01-10T20:00:00.000Z",
      rating: 10,
      type: "movie",
      movie: { title: "Inception", year: 2010, ids: { tmdb: 27205 } },
    });
  });

  it("reads back through /import to the same titles, episodes, watchlist and ratings as the full export", async () => {
    const built = await buildTraktExport(page, { maxPages: 100 });
    const fromTrakt = await readImportFile(built.files[0]!.data, "trakt-export.zip");
    expect(fromTrakt.source).toBe("trakt");
    const summary = (entries: typeof fromTrakt.entries) =>
      entries
        .map((e) => ({
          key: e.key,
          watched: e.watched ?? false,
          watchlist: e.watchlist ?? false,
          rating: e.rating,
          episodes: e.episodes?.map((x) => `${x.season}x${x.episode}`),
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
    const fromFull = await readImportFile(
      new TextEncoder().encode(JSON.stringify({ exportedAt: "2026-07-20T09:00:00.000Z", ...library })),
      "film-fanatic-export.json",
    );
    // The full export also says a show was dropped, which Trakt's layout has no file for.
    expect(summary(fromTrakt.entries)).toEqual(summary(fromFull.entries.filter((e) => !e.dropped)));
  });

  it("says so when it stopped at the page limit", async () => {
    expect((await buildTraktExport(page, { maxPages: 3 })).complete).toBe(false);
  });
});
