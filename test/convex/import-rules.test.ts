// The import pipeline's rules: ambiguous titles are asked about (never guessed) and unmatched ones
// listed; nothing is written before Import; what was set here after the file's date is kept;
// ratings become reactions; undo puts an existing library back exactly; TMDB's 429 is waited out;
// a hostile staging call is refused with nothing written.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { ImportEntry } from "../../convex/lib/importEntry";
import { IMPORT_CAPS } from "../../convex/imports/limits";
import { ALICE, deployment } from "./setup";
import { APP, apply, as, expectNoFailures, importEntries, installStub, library, settle, type Stub } from "./import-helpers";

const NOW = Date.UTC(2026, 6, 20);
const HOUR = 60 * 60 * 1000;
const HEAT = [
  { id: 949, title: "Heat", release_date: "1995-12-15" },
  { id: 4000001, title: "Heat", release_date: "1995-03-01" },
];

describe("import rules", () => {
  let stub: Stub;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    stub = installStub({
      Heat: HEAT,
      Solo: [
        { id: 348350, title: "Solo: A Star Wars Story", release_date: "2018-05-15" },
        { id: 777, title: "Solo", release_date: "2008-01-01" },
      ],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("asks about ambiguous titles, lists unmatched ones, writes nothing before Import and only what was chosen", async () => {
    const t = deployment();
    const entries: ImportEntry[] = [
      { key: "movie:title:heat|1995", mediaType: "movie", ids: {}, title: "Heat", year: 1995, watched: true, watchedAt: NOW - HOUR },
      { key: "movie:title:solo|", mediaType: "movie", ids: {}, title: "Solo", rating: 9, ratedAt: NOW - HOUR },
      { key: "movie:title:nowhere|2001", mediaType: "movie", ids: {}, title: "Nowhere At All", year: 2001, watchlist: true },
      { key: "movie:imdb:tt0133093", mediaType: "movie", ids: { imdb: "tt0133093" }, title: "The Matrix", watchlist: true },
    ];
    const preview = await importEntries(t, ALICE, entries);
    expect(preview.counts).toMatchObject({ movies: 2, ambiguous: 1, unmatched: 1, ratings: 1, watchlist: 1 });
    expect(preview.ambiguous).toEqual([
      {
        index: 0,
        mediaType: "movie",
        title: "Heat",
        year: 1995,
        candidates: [
          { tmdbId: 949, title: "Heat", year: 1995 },
          { tmdbId: 4000001, title: "Heat", year: 1995 },
        ],
      },
    ]);
    expect(preview.unmatched).toEqual([{ title: "Nowhere At All", year: 2001, mediaType: "movie", ids: "" }]);
    expect((await library(t)).items).toEqual([]);

    const chosen = await t.mutation(api.bot.imports.pick, { ...as(ALICE), runId: preview.runId, index: 0, choice: 949 });
    expect(chosen.counts).toMatchObject({ movies: 3, ambiguous: 0, unmatched: 1 });
    await expect(t.mutation(api.bot.imports.pick, { ...as(ALICE), runId: preview.runId, index: 0, choice: 4000001 })).rejects.toThrow(
      /already answered/,
    );

    expect(await apply(t, ALICE, preview.runId)).toMatchObject({ state: "done", changes: 3 });
    const items = (await library(t)).items.map((i) => [i.tmdbId, i.progressStatus, i.reaction ?? null, i.inWatchlist]);
    expect(items.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [603, "watch-later", null, true],
      [777, undefined, "loved", false],
      [949, "done", null, false],
    ]);
  });

  it("keeps what was set here after the file's date, and undo puts an existing library back exactly", async () => {
    const t = deployment();
    const title = (tmdbId: number) => ({ ...as(ALICE), tmdbId, mediaType: "movie", title: `Film ${tmdbId}` });
    // Set here now: 603 dropped; 27205 want-to-watch an hour before the file says it was watched.
    await t.mutation(api.bot.titles.setStatus, { ...title(27205), progressStatus: "want-to-watch" });
    vi.setSystemTime(NOW + 3 * HOUR);
    await t.mutation(api.bot.titles.setStatus, { ...title(603), progressStatus: "dropped" });
    vi.setSystemTime(NOW + 4 * HOUR);
    const before = await library(t);
    const entries: ImportEntry[] = [
      {
        key: "movie:tmdb:603",
        mediaType: "movie",
        ids: { tmdb: 603 },
        watched: true,
        watchedAt: NOW + HOUR,
        rating: 3,
        ratedAt: NOW + HOUR,
      },
      { key: "movie:tmdb:27205", mediaType: "movie", ids: { tmdb: 27205 }, watched: true, watchedAt: NOW + HOUR },
      { key: "movie:tmdb:11", mediaType: "movie", ids: { tmdb: 11 }, watched: true },
      {
        key: "tv:tmdb:1399",
        mediaType: "tv",
        ids: { tmdb: 1399 },
        title: "Game of Thrones",
        dropped: true,
        episodes: [
          { season: 1, episode: 1 },
          { season: 1, episode: 2 },
        ],
      },
    ];
    const preview = await importEntries(t, ALICE, entries);
    expect(stub.tmdb).toEqual([]);
    expect(await apply(t, ALICE, preview.runId)).toMatchObject({ changes: 4 });
    const state = async (tmdbId: number, mediaType = "movie") =>
      (await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId, mediaType })).item;
    // Dropped here after the file's date: kept; the rating had nothing here to overwrite, so it is a reaction.
    expect(await state(603)).toMatchObject({ progressStatus: "dropped", reaction: "not-for-me" });
    expect(await state(27205)).toMatchObject({ progressStatus: "finished" });
    expect(await state(11)).toMatchObject({ progressStatus: "finished", progress: 100 });
    expect(await state(1399, "tv")).toMatchObject({ progressStatus: "dropped", title: "Game of Thrones" });

    vi.setSystemTime(NOW + 5 * HOUR);
    await t.mutation(api.bot.imports.undo, { ...as(ALICE), reply: { applicationId: APP, token: "undo" } });
    await settle(t);
    await expectNoFailures(t);
    expect(await library(t)).toEqual(before);
    // Undo works once, and not after 24 hours for a later import.
    await expect(t.mutation(api.bot.imports.undo, { ...as(ALICE), reply: { applicationId: APP, token: "undo" } })).rejects.toThrow(
      /already undone/,
    );
  });

  it("waits out TMDB's 429 and still looks each title up once", async () => {
    const t = deployment();
    stub.rateLimited = 2;
    const preview = await importEntries(t, ALICE, [
      { key: "tv:tvdb:1005", mediaType: "tv", ids: { tvdb: 1005 }, episodes: [{ season: 1, episode: 1 }] },
    ]);
    expect(preview.counts).toMatchObject({ shows: 1, episodes: 1, unmatched: 0 });
    expect(stub.tmdb).toEqual(["/find/1005", "/find/1005", "/find/1005"]);
    expect(await t.run(async (ctx) => await ctx.db.query("import_lookups").collect())).toMatchObject([
      { key: "tv:tvdb:1005", tmdbId: 50005 },
    ]);
  });

  it("edits the reply with the preview while its token lasts, and sends it by DM once it has run out", async () => {
    const t = deployment();
    const entry: ImportEntry = { key: "tv:tvdb:1007", mediaType: "tv", ids: { tvdb: 1007 }, episodes: [{ season: 1, episode: 1 }] };
    await importEntries(t, ALICE, [entry]);
    expect(stub.edits.at(-1)?.embeds?.[0]?.description).toContain("**1 show**");
    expect(stub.dms).toEqual([]);
    const started = await t.mutation(api.bot.imports.start, { ...as(ALICE), source: "tvtime", fileName: "late.zip", rows: 1, skipped: 0 });
    if (!("runId" in started)) throw new Error(started.busy);
    await t.mutation(api.bot.imports.stage, { ...as(ALICE), runId: started.runId, parts: [{ ...entry, part: 0 }] });
    const edits = stub.edits.length;
    await t.mutation(api.bot.imports.finish, { ...as(ALICE), runId: started.runId, reply: { applicationId: APP, token: "old" } });
    // The token's 15 minutes pass before the preview is ready.
    vi.setSystemTime(Date.now() + 16 * 60 * 1000);
    await settle(t);
    expect(stub.edits).toHaveLength(edits);
    expect(JSON.stringify(stub.dms.at(-1))).toContain("**1 show**");
  });

  it("can't be undone after 24 hours, when the daily sweep deletes its record", async () => {
    const t = deployment();
    const preview = await importEntries(t, ALICE, [{ key: "movie:tmdb:11", mediaType: "movie", ids: { tmdb: 11 }, watched: true }]);
    await apply(t, ALICE, preview.runId);
    vi.setSystemTime(Date.now() + 25 * HOUR);
    await expect(t.mutation(api.bot.imports.undo, { ...as(ALICE), reply: { applicationId: APP, token: "late" } })).rejects.toThrow(
      /24 hours/,
    );
    await t.mutation(internal.housekeeping.jobs.sweepExpired, {});
    await settle(t);
    expect(
      await t.run(async (ctx) => [...(await ctx.db.query("import_runs").collect()), ...(await ctx.db.query("import_entries").collect())]),
    ).toEqual([]);
    // The library keeps what was imported.
    expect((await library(t)).items).toMatchObject([{ tmdbId: 11, progressStatus: "done" }]);
  });

  it("refuses a hostile staging call whole: too many titles, an oversized title, too many episodes", async () => {
    const t = deployment();
    const started = await t.mutation(api.bot.imports.start, { ...as(ALICE), source: "letterboxd", fileName: "x.csv", rows: 1, skipped: 0 });
    if (!("runId" in started)) throw new Error("busy");
    const film = (i: number) => ({ key: `movie:title:f${i}|`, mediaType: "movie" as const, ids: {}, title: `F${i}`, part: 0 });
    const stage = (parts: ReturnType<typeof film>[]) => t.mutation(api.bot.imports.stage, { ...as(ALICE), runId: started.runId, parts });
    await expect(stage(Array.from({ length: IMPORT_CAPS.partsPerCall + 1 }, (_, i) => film(i)))).rejects.toThrow(/At most 400 titles/);
    await expect(stage([film(1), { ...film(2), title: "x".repeat(5_000) }])).rejects.toThrow(/title is empty or too long/);
    await expect(
      stage([
        {
          ...film(3),
          mediaType: "tv" as never,
          episodes: Array.from({ length: 2_001 }, (_, e) => ({ season: 1, episode: e + 1 })),
        } as never,
      ]),
    ).rejects.toThrow(/more than 2000 episodes/);
    await expect(stage([{ ...film(4), ids: { imdb: "=HYPERLINK(1)" } } as never])).rejects.toThrow(/IMDb id/);
    expect(await t.run(async (ctx) => await ctx.db.query("import_entries").collect())).toEqual([]);
    // One import at a time: a second start while this one is staging is refused.
    expect(await t.mutation(api.bot.imports.start, { ...as(ALICE), source: "imdb", fileName: "y.csv", rows: 1, skipped: 0 })).toMatchObject(
      {
        busy: expect.stringContaining("already running"),
      },
    );
  });
});
