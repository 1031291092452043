// Film hours and genres in the stats (docs/stats.md "Hours", "Genres"): the facts cache (title_facts)
// filled by the bot's writes or by the fetcher, finishes counting a film's runtime and each genre,
// facts arriving late or changing adjusting every finish — the counters equal to a full recount.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, SECRET, deployment, webUser, type Deployment } from "./setup";
import { SHOW, cacheShow, counters, dropFakeTmdb, recount, useFakeTmdb } from "./stats-helpers";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const JAN_2025 = Date.UTC(2025, 0, 10, 12);

async function userOf(t: Deployment, discordUserId: string): Promise<Id<"users">> {
  return (await t.mutation(api.bot.profile.ensureProfile, as(discordUserId))).userId;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(JAN_2025);
  process.env.BOT_WRITE_BURST = "100000";
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.BOT_WRITE_BURST;
});

describe("stats: film hours and genres (title_facts)", () => {
  beforeEach(useFakeTmdb);
  afterEach(dropFakeTmdb);

  it("a film finished with its facts sent along counts its runtime in hours and its genres", async () => {
    const t = deployment();
    const alice = await userOf(t, ALICE);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 603,
      mediaType: "movie",
      progressStatus: "finished",
      title: "The Matrix",
      facts: { runtime: 136, genres: [878, 28] },
    });
    expect((await counters(t, alice))[2025]).toMatchObject({ films: 1, minutes: 136, genres: { 28: 1, 878: 1 } });
    const shown = await t.query(api.bot.stats.stats, { ...as(ALICE), year: 2025 });
    expect(shown.status === "ok" && shown.figures).toMatchObject({
      minutes: 136,
      topGenres: [
        { id: 28, titles: 1 },
        { id: 878, titles: 1 },
      ],
    });
    // Unfinished a year later: it comes off 2025, hours and genres too.
    vi.setSystemTime(Date.UTC(2026, 1, 1));
    await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 603, mediaType: "movie", progressStatus: "watching" });
    expect(await counters(t, alice)).toEqual({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a title finished without facts (the web app) is fetched from TMDB later and the counters adjusted in the year it counted", async () => {
    const t = deployment();
    await cacheShow(t);
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 604, mediaType: "movie", progressStatus: "finished" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: SHOW.tmdbId, mediaType: "tv", progressStatus: "finished" });
    expect((await counters(t, bob))[2025]).toMatchObject({ films: 2, minutes: 0, genres: {} });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const c = await counters(t, bob);
    expect(c[2025]).toMatchObject({ films: 2, showsFinished: 1, minutes: 136, genres: { 18: 1, 28: 1, 878: 1 } });
    expect(c).toEqual(await recount(t, bob));
    // One request per title, the fetcher asleep again.
    expect(
      vi
        .mocked(fetch)
        .mock.calls.map(([u]) => String(u))
        .sort(),
    ).toEqual(["https://tmdb.test/3/movie/603", "https://tmdb.test/3/movie/604", `https://tmdb.test/3/tv/${SHOW.tmdbId}`]);
    expect(await t.run((ctx) => ctx.db.query("title_facts_fetcher").collect())).toEqual([]);
  });

  it("a failing fetch is retried with a growing wait and given up after a bounded number of tries; facts that change later adjust every finish", async () => {
    const t = deployment();
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 605, mediaType: "movie", progressStatus: "finished" });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(vi.mocked(fetch).mock.calls.length).toBe(8);
    const row = await t.run(async (ctx) => await ctx.db.query("title_facts").first());
    expect(row).toMatchObject({ tmdbId: 605, attempts: 8, genres: [] });
    expect(row?.due).toBeUndefined();
    // The facts arrive later (the bot had the details in hand for Alice's finish): Bob's 2025 finish gains them.
    vi.setSystemTime(Date.UTC(2026, 3, 1));
    const alice = await userOf(t, ALICE);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 605,
      mediaType: "movie",
      progressStatus: "finished",
      title: "Film",
      facts: { runtime: 90, genres: [35] },
    });
    expect((await counters(t, bob))[2025]).toMatchObject({ films: 1, minutes: 90, genres: { 35: 1 } });
    expect((await counters(t, alice))[2026]).toMatchObject({ films: 1, minutes: 90, genres: { 35: 1 } });
    for (const u of [alice, bob]) expect(await counters(t, u)).toEqual(await recount(t, u));
    // Changed facts (TMDB corrected the runtime) adjust both.
    await t.mutation(internal.stats.facts.storeFacts, { tmdbId: 605, mediaType: "movie", runtime: 100, genres: [35, 18] });
    expect((await counters(t, bob))[2025]).toMatchObject({ minutes: 100, genres: { 18: 1, 35: 1 } });
    for (const u of [alice, bob]) expect(await counters(t, u)).toEqual(await recount(t, u));
  });

  it("a show's genre ids sent with its structure reach the facts cache: finishing it by marking every episode counts them", async () => {
    const t = deployment();
    const alice = await userOf(t, ALICE);
    await t.mutation(api.bot.titles.cacheShowForCard, {
      ...as(ALICE),
      tmdbId: SHOW.tmdbId,
      show: { title: SHOW.title, seasons: SHOW.seasons, genres: [18, 10765] },
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: SHOW.tmdbId, isWatched: true, cachedOk: true });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect((await counters(t, alice))[2025]).toMatchObject({ showsFinished: 1, genres: { 18: 1, 10765: 1 } });
    // Known from the structure: TMDB wasn't asked.
    expect(fetch).not.toHaveBeenCalled();
    expect(await counters(t, alice)).toEqual(await recount(t, alice));
  });

  it("the repair (and so the backfill) queues facts for finished titles that have none: films counted before facts were kept gain their hours", async () => {
    const t = deployment();
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
    // As deployed before the facts cache: the finish counted, no facts and nothing queued (the fetcher, woken, finds nothing).
    await t.run(async (ctx) => {
      for (const table of ["title_facts", "title_facts_fetcher"] as const)
        for (const row of await ctx.db.query(table).collect()) await ctx.db.delete(row._id);
    });
    await t.mutation(internal.migrations.repairStats, { userId: bob });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect((await counters(t, bob))[2025]).toMatchObject({ films: 1, minutes: 136, genres: { 28: 1, 878: 1 } });
    expect(await counters(t, bob)).toEqual(await recount(t, bob));
  });

  it("a fetcher asleep until a later retry is brought forward by a new title: it is fetched within a minute", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      await ctx.db.insert("title_facts", { tmdbId: 605, mediaType: "movie", genres: [], due: JAN_2025 + 6 * 60 * 60 * 1000, attempts: 5 });
    });
    await t.mutation(internal.stats.facts.fetcherDone, {});
    expect(await t.run(async (ctx) => (await ctx.db.query("title_facts_fetcher").first())?.at)).toBe(JAN_2025 + 6 * 60 * 60 * 1000);
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
    vi.advanceTimersByTime(61_000);
    await t.finishInProgressScheduledFunctions();
    expect(vi.mocked(fetch).mock.calls.map(([u]) => String(u))).toEqual(["https://tmdb.test/3/movie/603"]);
    expect((await counters(t, bob))[2025]).toMatchObject({ films: 1, minutes: 136 });
  });

  it("without TMDB settings the fetcher sleeps with the queue kept; woken once they are set, it fetches", async () => {
    delete process.env.TMDB_API_TOKEN;
    const t = deployment();
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(fetch).not.toHaveBeenCalled();
    expect(await t.run(async (ctx) => (await ctx.db.query("title_facts").first())?.due)).toBeDefined();
    expect(await t.run((ctx) => ctx.db.query("title_facts_fetcher").collect())).toEqual([]);
    process.env.TMDB_API_TOKEN = "tmdb-token";
    await t.mutation(internal.stats.facts.wake, {});
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect((await counters(t, bob))[2025]).toMatchObject({ films: 1, minutes: 136 });
  });

  it("refuses facts that aren't valid, changing nothing", async () => {
    const t = deployment();
    const alice = await userOf(t, ALICE);
    await expect(
      t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 603,
        mediaType: "movie",
        progressStatus: "finished",
        facts: { runtime: -5, genres: [28] },
      }),
    ).rejects.toThrow(/facts/);
    expect(await counters(t, alice)).toEqual({});
  });
});
