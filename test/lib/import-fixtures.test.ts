// The sandbox's import fixtures, read as /import reads them: the counts the preview will show
// (the end-to-end scripts rely on these), and the ZIPs still being what their sources make.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportEntry } from "../../convex/lib/importEntry.ts";
import { FIXTURES_DIR, ZIPPED, filmFanaticExport, zipFixture } from "../../sandbox/fixtures/imports/build.ts";
import { readImportFile, type ImportRead } from "../../src/lib/import/index.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, name)));
const read = (name: string) => readImportFile(fixture(name), name);

function counts(r: ImportRead) {
  const e = r.entries;
  return {
    source: r.source,
    entries: e.length,
    shows: e.filter((x) => x.mediaType === "tv").length,
    movies: e.filter((x) => x.mediaType === "movie").length,
    episodes: e.reduce((n, x) => n + (x.episodes?.length ?? 0), 0),
    watchedMovies: e.filter((x) => x.watched).length,
    watchlist: e.filter((x) => x.watchlist).length,
    ratings: e.filter((x) => x.rating !== undefined).length,
    dropped: e.filter((x) => x.dropped).length,
    rows: r.rows,
    skipped: r.skippedTotal,
  };
}
const byTitle = (r: ImportRead, title: string): ImportEntry | undefined => r.entries.find((e) => e.title === title);

describe("the import fixtures", () => {
  it("TV Time: 7 shows by TVDB id with 31 episodes, 3 films by name, a stopped show dropped and a for-later one on the watchlist", async () => {
    const r = await read("tvtime-export.zip");
    expect(counts(r)).toEqual({
      source: "tvtime",
      entries: 10,
      shows: 7,
      movies: 3,
      episodes: 31,
      watchedMovies: 2,
      watchlist: 2,
      ratings: 0,
      dropped: 1,
      rows: 45,
      skipped: 1,
    });
    expect(byTitle(r, "Breaking Bad")).toMatchObject({ key: "tv:tvdb:81189", ids: { tvdb: 81189 } });
    // Watched twice: listed once, at the later date.
    expect(byTitle(r, "Breaking Bad")!.episodes![0]).toEqual({ season: 1, episode: 1, watchedAt: Date.UTC(2021, 5, 1, 21) });
    // tracking-prod-records-v2 names Game of Thrones only by name: the followed show's TVDB id places it.
    expect(byTitle(r, "Game of Thrones")!.episodes).toHaveLength(12);
    expect(byTitle(r, "Sherlock")!.episodes![0]).toMatchObject({ season: 0, episode: 1 });
    expect(byTitle(r, "Dark")).toMatchObject({ dropped: true });
    expect(byTitle(r, "Wednesday")).toMatchObject({ watchlist: true });
    expect(byTitle(r, "Inception")).toEqual({
      key: "movie:title:inception|",
      mediaType: "movie",
      ids: {},
      title: "Inception",
      watched: true,
      watchedAt: Date.UTC(2019, 7, 10, 22, 30),
    });
    expect(byTitle(r, "Whiplash")).toMatchObject({ watchlist: true });
    expect(r.skipped).toEqual([{ file: "seen_episode.csv", line: 32, reason: "an episode without a season and episode number" }]);
  });

  it("Trakt: TMDB ids where Trakt has them (IMDb or TVDB otherwise), 22 episodes, ratings out of 10, and single-season and episode items skipped", async () => {
    const r = await read("trakt-export.zip");
    expect(counts(r)).toEqual({
      source: "trakt",
      entries: 10,
      shows: 4,
      movies: 6,
      episodes: 22,
      watchedMovies: 4,
      watchlist: 3,
      ratings: 3,
      dropped: 0,
      rows: 16,
      skipped: 2,
    });
    // Watched, rated and watched again (history): one entry, the latest viewing.
    expect(byTitle(r, "The Matrix")).toMatchObject({
      key: "movie:tmdb:603",
      ids: { tmdb: 603, imdb: "tt0133093" },
      watched: true,
      watchedAt: Date.parse("2024-01-20T21:00:00Z"),
      rating: 9,
    });
    expect(byTitle(r, "Se7en")).toMatchObject({ key: "movie:imdb:tt0114369", ids: { imdb: "tt0114369" } });
    expect(byTitle(r, "Chernobyl")).toMatchObject({ key: "tv:tvdb:360893", ids: { tvdb: 360893 } });
    expect(byTitle(r, "Severance")).toMatchObject({ rating: 9, ratedAt: Date.parse("2022-04-09T08:00:00Z") });
    expect(r.skipped.map((s) => s.file).sort()).toEqual(["ratings-episodes.json", "watchlist-shows.json"]);
  });

  it("Letterboxd: 9 films by title and year, ratings doubled to 10, the diary's dates, reviews and lists left alone", async () => {
    const r = await read("letterboxd-export.zip");
    expect(counts(r)).toEqual({
      source: "letterboxd",
      entries: 9,
      shows: 0,
      movies: 9,
      episodes: 0,
      watchedMovies: 6,
      watchlist: 3,
      ratings: 3,
      dropped: 0,
      rows: 15,
      skipped: 0,
    });
    expect(byTitle(r, "Pulp Fiction")).toEqual({
      key: "movie:title:pulp fiction|1994",
      mediaType: "movie",
      ids: {},
      title: "Pulp Fiction",
      year: 1994,
      watched: true,
      watchedAt: Date.UTC(2023, 1, 10, 12),
      rating: 10,
      ratedAt: Date.UTC(2023, 1, 10, 12),
    });
    expect(byTitle(r, "Spirited Away")).toMatchObject({ rating: 8 });
    expect(byTitle(r, "Whiplash")).toMatchObject({ rating: 9, watchedAt: Date.UTC(2023, 2, 1, 12) });
    // The one the preview must ask about, and the one the catalog doesn't have.
    expect(byTitle(r, "The Lord of the Rings")).toMatchObject({ key: "movie:title:the lord of the rings|", watched: true });
    expect(byTitle(r, "The Lord of the Rings")!.year).toBeUndefined();
    expect(byTitle(r, "Paddington 2")).toMatchObject({ year: 2017, watched: true });
  });

  it("IMDb: 6 titles by tt id, series told from films by Title Type, the episode skipped", async () => {
    const r = await read("imdb-ratings.csv");
    expect(counts(r)).toEqual({
      source: "imdb",
      entries: 6,
      shows: 2,
      movies: 4,
      episodes: 0,
      watchedMovies: 4,
      watchlist: 0,
      ratings: 6,
      dropped: 0,
      rows: 7,
      skipped: 1,
    });
    expect(byTitle(r, "Breaking Bad")).toEqual({
      key: "tv:imdb:tt0903747",
      mediaType: "tv",
      ids: { imdb: "tt0903747" },
      title: "Breaking Bad",
      year: 2008,
      rating: 10,
      ratedAt: Date.UTC(2022, 8, 1, 12),
    });
    expect(byTitle(r, "Chernobyl")).toMatchObject({ mediaType: "tv" });
    expect(r.skipped).toEqual([
      { file: "imdb-ratings.csv", line: 6, reason: "an episode: IMDb names the episode, not the show's season and number" },
    ]);
  });

  it("Film Fanatic: statuses in every word the app stored, reactions as ratings, watched episodes, lists left alone", async () => {
    const r = await read("filmfanatic-export.json");
    expect(counts(r)).toEqual({
      source: "filmfanatic",
      entries: 6,
      shows: 3,
      movies: 3,
      episodes: 15,
      watchedMovies: 2,
      watchlist: 1,
      ratings: 3,
      dropped: 1,
      rows: 23,
      skipped: 2,
    });
    expect(byTitle(r, "Inception")).toMatchObject({ key: "movie:tmdb:27205", watched: true, rating: 10 });
    // The legacy "completed" status with a mixed reaction.
    expect(byTitle(r, "Toy Story")).toMatchObject({ watched: true, rating: 5 });
    expect(byTitle(r, "Fleabag")).toMatchObject({ rating: 7 });
    expect(byTitle(r, "The Matrix")).toMatchObject({ watchlist: true });
    expect(byTitle(r, "The Office")).toMatchObject({ dropped: true });
  });

  it("reads the same keys every time, so a second import of the same file finds the same titles", async () => {
    for (const name of ["tvtime-export.zip", "trakt-export.zip", "letterboxd-export.zip", "imdb-ratings.csv", "filmfanatic-export.json"]) {
      const [a, b] = await Promise.all([read(name), read(name)]);
      expect(b).toEqual(a);
      expect(new Set(a.entries.map((e) => e.key)).size).toBe(a.entries.length);
    }
  });

  it("are what their sources build (npm run -s fixtures:imports rebuilds them)", async () => {
    for (const name of ZIPPED) expect(Buffer.from(fixture(`${name}.zip`)).equals(Buffer.from(zipFixture(name))), `${name}.zip`).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(fixture("filmfanatic-export.json")))).toEqual(
      JSON.parse(new TextDecoder().decode(await filmFanaticExport())),
    );
  });
});
