import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, deployment, measure, SECRET, type Deployment } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

/** A show shaped like a long-running anime: `seasons` seasons of `perSeason` episodes. */
async function cacheLongShow(t: Deployment, tmdbId: number, seasons: number, perSeason: number) {
  await t.mutation(api.bot.shows.cacheShow, {
    secret: SECRET,
    tmdbId,
    title: "Long Runner",
    seasons: Array.from({ length: seasons }, (_, i) => ({ season: i + 1, name: `Season ${i + 1}`, episodeCount: perSeason })),
  });
}

describe("scale inside Convex's limits", () => {
  it("marks and unmarks every episode of a 1,100-episode show", async () => {
    const t = deployment();
    await cacheLongShow(t, 37854, 11, 100);
    const marked = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 37854, isWatched: true });
    expect(marked).toMatchObject({ requested: 1_100, changed: 1_100, jobId: null, statusAfter: "finished" });
    const unmarked = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 37854, isWatched: false });
    // The row existed only because episodes were marked, so unmarking them all removes it (no phantom "Want to watch").
    expect(unmarked).toMatchObject({ changed: 1_100, progress: { watched: 0 } });
    expect(unmarked.statusAfter).toBeUndefined();

    // Once the show is large, one episode still costs a handful of documents.
    const { costs } = await measure(() =>
      t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 37854, season: 11, episodes: [100], isWatched: true }),
    );
    // (Stats counters add 6: the show's runtimes, the year's and all-time totals and per-show rows, the watch item.)
    expect(costs[0]!.documentsRead).toBeLessThan(21);
  });

  it("keeps a page, an episode and a show's progress cheap for a 5,000-title, 20,000-episode library", async () => {
    const t = deployment();
    await cacheLongShow(t, 900_001, 10, 100);
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
    // Seed in batches that each stay inside one transaction's write limit.
    for (let batch = 0; batch < 5; batch++) {
      await t.run(async (ctx) => {
        for (let i = 0; i < 1_000; i++) {
          const n = batch * 1_000 + i + 1;
          await ctx.db.insert("watch_items", {
            userId,
            tmdbId: n,
            mediaType: n % 2 === 0 ? "tv" : "movie",
            progressStatus: n % 3 === 0 ? "finished" : "watching",
            title: `Title ${n}`,
            overview: "x".repeat(300),
            updatedAt: n,
          });
        }
      });
    }
    for (let batch = 0; batch < 20; batch++) {
      await t.run(async (ctx) => {
        for (let i = 0; i < 1_000; i++) {
          const n = batch * 1_000 + i;
          await ctx.db.insert("episode_progress", {
            userId,
            tmdbId: 800_000 + Math.floor(n / 100),
            season: 1,
            episode: (n % 100) + 1,
            isWatched: true,
            updatedAt: n,
          });
        }
      });
    }

    const page = await measure(() => t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10, progressStatus: "finished" }));
    expect(page.result.items).toHaveLength(10);
    expect(page.result.items[0]!.tmdbId).toBe(4_998);
    expect(page.costs[0]!.documentsRead).toBeLessThanOrEqual(12);

    const mark = await measure(() =>
      t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 900_001, season: 3, episodes: [7], isWatched: true }),
    );
    expect(mark.costs[0]!.documentsRead).toBeLessThan(15);

    const progress = await measure(() => t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 900_001, mediaType: "tv" }));
    expect(progress.result.progress).toMatchObject({ watched: 1, total: 1_000, next: { season: 3, episode: 8 } });
    expect(progress.costs[0]!.documentsRead).toBeLessThan(10);
  });

  it("applies a batch too large for one transaction in scheduled chunks and reports how far it got", async () => {
    const t = deployment();
    await cacheLongShow(t, 900_002, 10, 500);
    vi.useFakeTimers();
    try {
      const started = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 900_002, isWatched: true });
      expect(started.jobId).not.toBeNull();
      expect(started.changed).toBe(2_000);
      const running = await t.query(api.bot.episodes.getEpisodeJob, { ...as(ALICE), jobId: started.jobId! });
      expect(running).toMatchObject({ state: "running", applied: 2_000, total: 5_000 });
      expect((await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 900_002, mediaType: "tv" })).jobRunning).toBe(true);

      await t.finishAllScheduledFunctions(vi.runAllTimers);
      const done = await t.query(api.bot.episodes.getEpisodeJob, { ...as(ALICE), jobId: started.jobId! });
      expect(done).toMatchObject({ state: "done", applied: 5_000, changed: 5_000 });
      const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 900_002, mediaType: "tv" });
      expect(state).toMatchObject({ jobRunning: false, item: { progressStatus: "finished" }, progress: { watched: 5_000 } });
    } finally {
      vi.useRealTimers();
    }
  });
});
