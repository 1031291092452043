// Telling formats apart from a single file, merging a title's rows, and reading a large TV Time
// export without holding the event loop.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readImportFile } from "../../src/lib/import/index.ts";
import { generateTvTimeExport } from "../support/tvtime-generator.ts";

const text = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => text(JSON.stringify(v));

describe("telling formats apart", () => {
  it("knows each single file by its content, whatever it is called", async () => {
    const trakt = [
      { plays: 1, last_watched_at: "2021-03-31T20:15:00.000Z", movie: { title: "The Matrix", year: 1999, ids: { trakt: 481, tmdb: 603 } } },
    ];
    expect((await readImportFile(json(trakt), "export.json")).source).toBe("trakt");
    const web = [
      {
        title: "Dune",
        type: "movie",
        external_id: "438631",
        release_date: "2021-09-15",
        progressStatus: "done",
        reaction: "loved",
        inWatchlist: true,
        updated_at: 1_700_000_000_000,
      },
    ];
    const read = await readImportFile(json(web), "watchlist-2026-03-01.json");
    expect(read).toMatchObject({ source: "filmfanatic", entries: [{ key: "movie:tmdb:438631", watched: true, rating: 10, year: 2021 }] });
    const imdb =
      "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n1,tt1160419,2024-01-01,2024-01-01,,Dune,https://www.imdb.com/title/tt1160419/,movie,8.0,155,2021,Sci-Fi,1,2021-09-15,Denis Villeneuve\n";
    expect(await readImportFile(text(imdb), "WATCHLIST.csv")).toMatchObject({
      source: "imdb",
      entries: [{ key: "movie:imdb:tt1160419", watchlist: true }],
    });
    const ratings = "Date,Name,Year,Letterboxd URI,Rating\n2023-02-10,Heat,1995,https://boxd.it/2a1m,3.5\n";
    expect(await readImportFile(text(ratings), "anything.csv")).toMatchObject({
      source: "letterboxd",
      entries: [{ title: "Heat", year: 1995, rating: 7 }],
    });
    const tvtime = "tv_show_id,tv_show_name,episode_season_number,episode_number,created_at\n81189,Breaking Bad,1,1,2019-01-06 21:00:00\n";
    expect(await readImportFile(text(tvtime), "seen_episode.csv")).toMatchObject({
      source: "tvtime",
      entries: [{ key: "tv:tvdb:81189", episodes: [{ season: 1, episode: 1 }] }],
    });
  });

  it("reads a ZIP whose sizes are only in its central directory (data descriptors, as macOS and Windows write them)", async () => {
    const csv = "Date,Name,Year,Letterboxd URI\n2021-05-02,Heat,1995,https://boxd.it/2a1m\n";
    const zip = zipSync({ "watched.csv": text(csv) });
    const view = new DataView(zip.buffer);
    // The local header: "sizes follow the data" (flag bit 3), and no sizes of its own.
    view.setUint16(6, view.getUint16(6, true) | 8, true);
    for (const at of [14, 18, 22]) view.setUint32(at, 0, true);
    expect((await readImportFile(zip, "letterboxd.zip")).entries).toMatchObject([{ title: "Heat", year: 1995, watched: true }]);
  });

  it("reads a gzipped Film Fanatic export as the plain one", async () => {
    const account = {
      exportedAt: "2026-07-20T09:00:00.000Z",
      watch_items: [{ tmdbId: 603, mediaType: "movie", progressStatus: "done", updatedAt: 1_700_000_000_000 }],
      episodes: [],
    };
    const plain = await readImportFile(json(account), "film-fanatic-export.json");
    expect(await readImportFile(gzipSync(json(account)), "film-fanatic-export.json.gz")).toEqual(plain);
    expect(plain.entries).toEqual([
      { key: "movie:tmdb:603", mediaType: "movie", ids: { tmdb: 603 }, watched: true, watchedAt: 1_700_000_000_000 },
    ]);
  });

  it("reads a file as the source the person chose, and says so when it isn't one", async () => {
    const ratings = "Date,Name,Year,Letterboxd URI,Rating\n2023-02-10,Heat,1995,https://boxd.it/2a1m,3.5\n";
    await expect(readImportFile(text(ratings), "ratings.csv", "imdb")).rejects.toThrow(/^That isn't an IMDb export/);
    await expect(readImportFile(text(ratings), "ratings.csv", "trakt")).rejects.toThrow(
      /^ratings\.csv isn't valid JSON|^That isn't a Trakt export/,
    );
  });
});

describe("one entry per title", () => {
  it("merges a title's rows across files: the latest date wins, episodes are listed once", async () => {
    const show = { title: "Severance", year: 2022, ids: { trakt: 1, tvdb: 371980 } };
    const zip = zipSync({
      "history-episodes.json": json([
        { watched_at: "2022-03-01T21:00:00.000Z", type: "episode", episode: { season: 1, number: 1, ids: { trakt: 9 } }, show },
        { watched_at: "2023-01-01T21:00:00.000Z", type: "episode", episode: { season: 1, number: 1, ids: { trakt: 9 } }, show },
      ]),
      // The same show, now also with its TMDB id: still one entry, under the first key.
      "ratings-shows.json": json([
        { rated_at: "2022-04-01T00:00:00.000Z", rating: 6, type: "show", show: { ...show, ids: { ...show.ids, tmdb: 95396 } } },
        { rated_at: "2023-04-01T00:00:00.000Z", rating: 8, type: "show", show },
      ]),
    });
    const read = await readImportFile(zip, "trakt.zip");
    expect(read.entries).toEqual([
      {
        key: "tv:tvdb:371980",
        mediaType: "tv",
        ids: { tvdb: 371980, tmdb: 95396 },
        title: "Severance",
        year: 2022,
        episodes: [{ season: 1, episode: 1, watchedAt: Date.parse("2023-01-01T21:00:00Z") }],
        rating: 8,
        ratedAt: Date.parse("2023-04-01T00:00:00Z"),
      },
    ]);
  });

  it("normalises ratings to 0.5–10 and skips ones off the scale", async () => {
    const csv = "Date,Name,Year,Letterboxd URI,Rating\n2023-01-01,A,2001,u,0.5\n2023-01-01,B,2002,u,5\n2023-01-01,C,2003,u,7\n";
    const read = await readImportFile(text(csv), "ratings.csv");
    expect(read.entries.map((e) => e.rating)).toEqual([1, 10]);
    expect(read.skipped).toEqual([{ file: "ratings.csv", line: 4, reason: '"7" is not a rating from ½ to 5 stars' }]);
  });
});

describe("a large TV Time export", () => {
  it("reads 20,000 episodes over 300 shows completely, without holding the event loop", async () => {
    const generated = generateTvTimeExport({ shows: 300, episodes: 20_000 });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const read = await readImportFile(generated.zip, "tvtime.zip");
    const took = performance.now() - started;
    delay.disable();
    console.log(
      `TV Time export of 20,000 episodes (${generated.zip.length.toLocaleString("en-US")} bytes zipped): read in ${took.toFixed(0)} ms, longest event-loop block ${(delay.max / 1e6).toFixed(0)} ms`,
    );
    expect(read.entries).toHaveLength(300);
    expect(read.entries.reduce((n, e) => n + (e.episodes?.length ?? 0), 0)).toBe(20_000);
    expect(read.entries[0]).toMatchObject({ key: "tv:tvdb:800000001", title: "Generated Show 1" });
    expect(read.rows).toBe(20_300);
    expect(delay.max / 1e6).toBeLessThan(500);
  }, 60_000);
});
