// The web app's writes are bounded: episode batches by what the show holds, every call by
// a per-user write budget the client never reaches, and backfills to one per user at a time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { budgetTokens, DEFAULT_WEB_WRITE_BURST, webWriteRate } from "../../convex/model/throttle";
import { UNCACHED_EPISODE_CAP } from "../../convex/model/tracking";
import { cacheGot, deployment, webUser, type Deployment } from "./setup";

const ALL_EPISODES = Array.from({ length: 8_192 }, (_, i) => i + 1);
/** The amplified call: ten seasons of 8,192 episodes each (81,920 writes). */
const AMPLIFIED = {
  tmdbId: 1399,
  mediaType: "tv",
  seasons: Array.from({ length: 10 }, (_, s) => ({ season: s + 1, episodes: ALL_EPISODES })),
  isWatched: true,
};
/** Game of Thrones as the TV page sends "done": every season with every episode. */
const GOT_DONE = [10, 10, 10, 10, 10, 10, 7, 6].map((n, s) => ({ season: s + 1, episodes: Array.from({ length: n }, (_, e) => e + 1) }));

async function writes(t: Deployment) {
  return await t.run(async (ctx) => ({
    episodes: (await ctx.db.query("episode_progress").collect()).length,
    jobs: (await ctx.db.query("episode_jobs").collect()).length,
    items: (await ctx.db.query("watch_items").collect()).length,
  }));
}

afterEach(() => {
  delete process.env.WEB_WRITE_BURST;
  delete process.env.WEB_WRITES_PER_SECOND;
  vi.useRealTimers();
});

describe("episode batches from the web app", () => {
  it("refuses more episodes than a cached show holds, saying so, and writes nothing", async () => {
    const t = deployment();
    await cacheGot(t);
    const alice = webUser(t);
    await expect(
      alice.mutation(api.watchlist.markShowEpisodesAndStatus, { ...AMPLIFIED, progressStatus: "done", progress: 100 }),
    ).rejects.toThrow("That's 81,920 episodes, but Game of Thrones has 73.");
    await expect(
      alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 1399, season: 1, episodes: ALL_EPISODES, isWatched: true }),
    ).rejects.toThrow("Game of Thrones has 73");
    expect(await writes(t)).toEqual({ episodes: 0, jobs: 0, items: 0 });
  });

  it("still marks a whole show as the TV page sends it, with room for episodes aired since the show was cached", async () => {
    const t = deployment();
    await cacheGot(t);
    const alice = webUser(t);
    // TMDB has since listed specials and a ninth season the cached structure does not know yet.
    const seasons = [{ season: 0, episodes: [1, 2, 3] }, ...GOT_DONE, { season: 9, episodes: Array.from({ length: 10 }, (_, e) => e + 1) }];
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      tmdbId: 1399,
      mediaType: "tv",
      seasons,
      isWatched: true,
      progressStatus: "done",
      progress: 100,
    });
    expect(await writes(t)).toEqual({ episodes: 86, jobs: 0, items: 1 });
  });

  it("caps a show whose structure is not cached, and marks a long one below the cap", async () => {
    const t = deployment();
    const alice = webUser(t);
    await expect(alice.mutation(api.watchlist.markShowEpisodesAndStatus, { ...AMPLIFIED, tmdbId: 424242 })).rejects.toThrow(
      `That's 81,920 episodes in one go; at most ${UNCACHED_EPISODE_CAP.toLocaleString("en-US")} can be marked at once.`,
    );
    expect(await writes(t)).toEqual({ episodes: 0, jobs: 0, items: 0 });
    const long = Array.from({ length: 11 }, (_, s) => ({ season: s + 1, episodes: Array.from({ length: 100 }, (_, e) => e + 1) }));
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, { tmdbId: 424242, mediaType: "tv", seasons: long, isWatched: true });
    expect((await writes(t)).episodes).toBe(1_100);
  });
});

describe("the web app's write budget", () => {
  it("refuses calls beyond the budget with a message the web app can show, and refills", async () => {
    process.env.WEB_WRITE_BURST = "5";
    process.env.WEB_WRITES_PER_SECOND = "1";
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = deployment();
    const alice = webUser(t);
    for (let i = 1; i <= 5; i++)
      await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: i, mediaType: "movie", inWatchlist: true });
    await expect(
      alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: true }),
    ).rejects.toThrow(/^Too many changes at once — try again in 1 second\.$/);
    vi.advanceTimersByTime(1_000);
    await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: true });
    expect(await writes(t)).toMatchObject({ episodes: 1, items: 5 });
  });

  it("charges a long episode batch by its size, and nothing for a call that fails", async () => {
    process.env.WEB_WRITE_BURST = "10";
    process.env.WEB_WRITES_PER_SECOND = "0.001";
    const t = deployment();
    await cacheGot(t);
    const alice = webUser(t);
    // Refused input spends nothing: the budget rolls back with the call.
    for (let i = 0; i < 20; i++) {
      await expect(
        alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "movie", progressStatus: "binging" }),
      ).rejects.toThrow("Unknown status");
    }
    // 73 episodes cost 8 tokens of 10; two single calls then empty the bucket.
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, { tmdbId: 1399, mediaType: "tv", seasons: GOT_DONE, isWatched: true });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 1399, mediaType: "tv", reaction: "loved" });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1399, mediaType: "tv", progressStatus: "done" });
    await expect(alice.mutation(api.watchlist.createCustomList, { name: "One more" })).rejects.toThrow("Too many changes at once");
  });

  it("never refuses the client's own import, one call after another at any realistic round trip", async () => {
    // The import awaits each call (one per title, status, reaction and episode): at a 20 ms round
    // trip that is 50 calls a second, which the default refill matches, from a full burst.
    const rate = webWriteRate({});
    expect(rate.burst).toBe(DEFAULT_WEB_WRITE_BURST);
    let bucket: { tokens: number; at: number } | null = null;
    for (let call = 0, now = 0; call < 20_000; call++, now += 20) {
      const tokens = budgetTokens(bucket, now, rate);
      expect(tokens).toBeGreaterThanOrEqual(1);
      bucket = { tokens: tokens - 1, at: now };
    }
    // And for real: a 120-title import with its episodes goes through without a refusal.
    const t = deployment();
    const alice = webUser(t);
    for (let i = 1; i <= 120; i++) {
      await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: i, mediaType: "movie", inWatchlist: true, title: `Title ${i}` });
      await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: i, mediaType: "movie", progressStatus: "done" });
      await alice.mutation(api.watchlist.syncEpisodeProgressItem, { tmdbId: 5000 + i, season: 1, episode: 1, isWatched: true });
    }
    expect(await writes(t)).toMatchObject({ episodes: 120, items: 120 });
  }, 30_000);
});

describe("the web app's backfill", () => {
  async function legacyLibrary(t: Deployment, size: number) {
    const userId = await webUser(t).mutation(api.users.store, {});
    await t.run(async (ctx) => {
      for (let i = 1; i <= size; i++)
        await ctx.db.insert("watch_items", { userId, tmdbId: i, mediaType: "movie", status: "completed", updatedAt: i });
    });
    return userId;
  }
  const chains = (t: Deployment) =>
    t.run(
      async (ctx) =>
        (await ctx.db.system.query("_scheduled_functions").collect()).filter(
          (f) => f.name.includes("continueBackfill") && f.state.kind === "pending",
        ).length,
    );

  it("runs once per user however often it is started", async () => {
    vi.useFakeTimers();
    const t = deployment();
    await legacyLibrary(t, 1_200);
    const alice = webUser(t);
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ scanned: 500, continuing: true });
    for (let i = 0; i < 3; i++)
      expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toEqual({ scanned: 0, updated: 0, continuing: true });
    // The deployment-wide backfill leaves her running one alone.
    await t.mutation(internal.watchlist.backfillAllUsers, {});
    expect(await chains(t)).toBe(1);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const rows = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    expect(rows.every((r) => r.progressStatus === "done")).toBe(true);
    expect(await t.run(async (ctx) => await ctx.db.query("backfill_runs").collect())).toEqual([]);
    // Finished: it can be started again (and finds nothing left to do).
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ scanned: 500, updated: 0, continuing: true });
  });

  it("starts again when a run stopped answering", async () => {
    vi.useFakeTimers();
    const t = deployment();
    const userId = await legacyLibrary(t, 10);
    await t.run(async (ctx) => {
      await ctx.db.insert("backfill_runs", { userId, startedAt: Date.now(), touchedAt: Date.now(), scanned: 0, updated: 0 });
    });
    const alice = webUser(t);
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toEqual({ scanned: 0, updated: 0, continuing: true });
    vi.advanceTimersByTime(11 * 60 * 1000);
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toEqual({ scanned: 10, updated: 10, continuing: false });
    expect(await t.run(async (ctx) => await ctx.db.query("backfill_runs").collect())).toEqual([]);
  });
});
