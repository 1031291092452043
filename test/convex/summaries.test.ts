// Episode summaries for data the web app wrote before they existed: the deployment-wide
// migration, the background build a first write starts, and the per-user repair.
import { describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, deployment, SECRET, webUser, type Deployment } from "./setup";

async function seedEpisodes(t: Deployment, userId: Id<"users">, tmdbId: number, count: number, watched: (n: number) => boolean) {
  for (let from = 0; from < count; from += 1_000) {
    await t.run(async (ctx) => {
      for (let n = from; n < Math.min(count, from + 1_000); n++) {
        await ctx.db.insert("episode_progress", {
          userId,
          tmdbId,
          season: 1 + Math.floor(n / 100),
          episode: 1 + (n % 100),
          isWatched: watched(n),
          updatedAt: 1,
        });
      }
    });
  }
}

/** What the rows say: "season:episode" of every watched episode of the show. */
async function rowsSay(t: Deployment, userId: Id<"users">, tmdbId: number): Promise<string[]> {
  const rows = await t.run(async (ctx) =>
    ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
      .collect(),
  );
  return [...new Set(rows.filter((r) => r.isWatched).map((r) => `${r.season}:${r.episode}`))].sort();
}

async function summarySays(t: Deployment, userId: Id<"users">, tmdbId: number) {
  const summary = await t.run(async (ctx) =>
    ctx.db
      .query("episode_summaries")
      .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
      .unique(),
  );
  if (summary === null) return null;
  const episodes = summary.seasons.flatMap((s) => s.episodes.map((e) => `${s.season}:${e}`)).sort();
  return { episodes, watchedCount: summary.watchedCount, building: summary.building !== undefined };
}

async function drain(t: Deployment, fn: () => Promise<unknown>) {
  vi.useFakeTimers();
  try {
    await fn();
    await t.finishAllScheduledFunctions(vi.runAllTimers);
  } finally {
    vi.useRealTimers();
  }
}

describe("episode summaries for the web app's older data", () => {
  it("gives every show of every user a summary that matches its rows, and leaves existing summaries alone", async () => {
    const t = deployment();
    const users = await t.run(async (ctx) => [
      await ctx.db.insert("users", { tokenIdentifier: "user_a" }),
      await ctx.db.insert("users", { tokenIdentifier: "user_b" }),
    ]);
    const [a, b] = users as [Id<"users">, Id<"users">];
    await seedEpisodes(t, a, 10, 2_500, (n) => n % 7 !== 0); // more rows than one build page
    await seedEpisodes(t, a, 11, 3, () => true);
    await seedEpisodes(t, b, 10, 40, (n) => n < 20);
    for (let show = 100; show < 340; show++) await seedEpisodes(t, b, show, 1, () => true); // more shows than one migration page
    // A show already summarised by a bot write keeps its summary as it is.
    await webUser(t, "user_a").mutation(api.watchlist.markEpisodeWatched, { tmdbId: 12, season: 1, episode: 1, isWatched: true });

    let migrationId: Id<"summary_migrations"> | undefined;
    await drain(t, async () => {
      ({ migrationId } = await t.mutation(internal.migrations.backfillEpisodeSummaries, {}));
    });
    const migration = await t.query(internal.migrations.episodeSummaryStatus, { migrationId: migrationId! });
    expect(migration).toMatchObject({ state: "done", shows: 2 + 1 + 240 + 1, started: 2 + 1 + 240 });

    for (const [userId, tmdbId] of [
      [a, 10],
      [a, 11],
      [b, 10],
      [b, 100],
      [b, 339],
      [a, 12],
    ] as const) {
      const expected = await rowsSay(t, userId, tmdbId);
      expect(await summarySays(t, userId, tmdbId)).toEqual({ episodes: expected, watchedCount: expected.length, building: false });
    }
  }, 120_000);

  it("stays exact when episodes change while a summary is being built", async () => {
    const t = deployment();
    const alice = webUser(t);
    const userId = await alice.mutation(api.users.store, { name: "Alice" });
    await seedEpisodes(t, userId, 46260, 2_500, () => true);
    vi.useFakeTimers();
    try {
      // The first write starts the build; more writes land before any page has run.
      await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 46260, season: 25, episode: 100, isWatched: false });
      expect(await summarySays(t, userId, 46260)).toMatchObject({ building: true });
      await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 46260, season: 1, episode: 1, isWatched: false });
      await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 46260, season: 26, episode: 1, isWatched: true });
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    const expected = await rowsSay(t, userId, 46260);
    expect(expected).toHaveLength(2_500 - 2 + 1);
    expect(await summarySays(t, userId, 46260)).toEqual({ episodes: expected, watchedCount: expected.length, building: false });
  }, 60_000);

  it("leaves a web-tracked show's progress alone while its summary is still being counted", async () => {
    const t = deployment();
    process.env.BOT_WRITE_BURST = "100";
    try {
      await t.mutation(api.bot.shows.cacheShow, {
        secret: SECRET,
        tmdbId: 46260,
        title: "Long Runner",
        seasons: Array.from({ length: 11 }, (_, i) => ({ season: i + 1, name: `Season ${i + 1}`, episodeCount: 100 })),
      });
      const { userId } = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE });
      await seedEpisodes(t, userId, 46260, 600, () => true);
      await t.run(async (ctx) => {
        await ctx.db.insert("watch_items", {
          userId,
          tmdbId: 46260,
          mediaType: "tv",
          progressStatus: "watching",
          progress: 54,
          updatedAt: 1,
        });
      });
      const marked = await t.mutation(api.bot.episodes.markEpisodesFor, {
        secret: SECRET,
        discordUserId: ALICE,
        tmdbId: 46260,
        season: 7,
        episodes: [1],
        isWatched: true,
      });
      expect(marked.progress).toBeNull();
      const row = await t.run(async (ctx) => ctx.db.query("watch_items").first());
      expect(row).toMatchObject({ progressStatus: "watching", progress: 54 });
    } finally {
      delete process.env.BOT_WRITE_BURST;
    }
  });

  it("repairs a user's summaries from their rows, emptying one whose rows are gone", async () => {
    const t = deployment();
    const alice = webUser(t);
    const userId = await alice.mutation(api.users.store, { name: "Alice" });
    await alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 1, season: 1, episodes: [1, 2, 3], isWatched: true });
    await alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 2, season: 1, episodes: [1], isWatched: true });
    await seedEpisodes(t, userId, 3, 5, () => true); // rows with no summary at all
    await t.run(async (ctx) => {
      // Damage: a summary that disagrees with its rows, and rows deleted behind the summary's back.
      const one = await ctx.db
        .query("episode_summaries")
        .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", 1))
        .unique();
      await ctx.db.patch(one!._id, { seasons: [{ season: 9, episodes: [9] }], watchedCount: 1 });
      for (const row of await ctx.db
        .query("episode_progress")
        .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", 2))
        .collect()) {
        await ctx.db.delete(row._id);
      }
    });
    await drain(t, () => t.mutation(internal.migrations.repairSummaries, { userId }));
    expect(await summarySays(t, userId, 1)).toEqual({ episodes: ["1:1", "1:2", "1:3"], watchedCount: 3, building: false });
    expect(await summarySays(t, userId, 2)).toEqual({ episodes: [], watchedCount: 0, building: false });
    expect(await summarySays(t, userId, 3)).toEqual({ episodes: ["1:1", "1:2", "1:3", "1:4", "1:5"], watchedCount: 5, building: false });
  });
});
