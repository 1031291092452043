import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { deployment, webUser } from "./setup";

async function items(t: ReturnType<typeof deployment>) {
  return await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
}

describe("the web app's API", () => {
  it("stores the signed-in Clerk user under their subject and updates their profile", async () => {
    const t = deployment();
    const id = await webUser(t).mutation(api.users.store, { name: "Alice", email: "alice@example.com" });
    const again = await webUser(t).mutation(api.users.store, { name: "Alice B", email: "alice@example.com", image: "https://img/a.png" });
    expect(again).toEqual(id);
    const user = await t.run(async (ctx) => await ctx.db.get(id));
    expect(user).toMatchObject({ tokenIdentifier: "user_alice", name: "Alice B", image: "https://img/a.png", email: "alice@example.com" });
  });

  it("refuses callers without an identity and writes nothing", async () => {
    const t = deployment();
    await expect(
      t.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 27205, mediaType: "movie", inWatchlist: true }),
    ).rejects.toThrow("Unauthorized");
    await expect(t.mutation(api.users.store, {})).rejects.toThrow("Called storeUser without authentication present");
    expect(await items(t)).toHaveLength(0);
    expect(await t.run(async (ctx) => await ctx.db.query("users").collect())).toHaveLength(0);
  });

  it("runs the seed's usage examples end to end", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.users.store, {});
    await alice.mutation(api.watchlist.setWatchlistMembership, {
      tmdbId: 12345,
      mediaType: "movie",
      inWatchlist: true,
      title: "Inception",
      image: "https://image.tmdb.org/t/p/w500/inception.jpg",
      rating: 8.8,
      release_date: "2010-07-16",
      overview: "A thief who steals corporate secrets...",
    });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 12345, mediaType: "tv", progressStatus: "watching", progress: 45 });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 12345, mediaType: "movie", reaction: "loved" });
    await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 12345, season: 1, episode: 5, isWatched: true });
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      tmdbId: 12345,
      mediaType: "tv",
      seasons: [
        { season: 1, episodes: [1, 2, 3, 4, 5] },
        { season: 2, episodes: [1, 2, 3] },
      ],
      isWatched: true,
      progressStatus: "watching",
    });

    // The tv row was only ever tracked (status, episodes), so it is not on the watchlist.
    expect(await alice.query(api.watchlist.getWatchlist, {})).toHaveLength(1);
    const list = await items(t);
    expect(list).toHaveLength(2);
    const movie = list.find((i) => i.mediaType === "movie")!;
    expect(movie).toMatchObject({ title: "Inception", inWatchlist: true, reaction: "loved", progressStatus: "watch-later", rating: 8.8 });
    const show = list.find((i) => i.mediaType === "tv")!;
    expect(show).toMatchObject({ inWatchlist: false, progressStatus: "watching", progress: 45 });

    const episodes = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 12345 });
    expect(episodes.map((e) => `${e.season}x${e.episode}`).sort()).toEqual(["1x1", "1x2", "1x3", "1x4", "1x5", "2x1", "2x2", "2x3"]);
    const state = await alice.query(api.watchlist.getMediaState, { tmdbId: 12345, mediaType: "tv" });
    expect(state?.progressStatus).toBe("watching");
  });

  it("keeps progress and reaction when a title leaves the watchlist", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 603, mediaType: "movie", inWatchlist: true, title: "The Matrix" });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 603, mediaType: "movie", reaction: "liked" });
    await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 603, mediaType: "movie", inWatchlist: false });
    const state = await alice.query(api.watchlist.getMediaState, { tmdbId: 603, mediaType: "movie" });
    expect(state).toMatchObject({ inWatchlist: false, progressStatus: "done", progress: 100, reaction: "liked", title: "The Matrix" });
  });

  it("creates a tracking-only row when a status or reaction is set on an untracked title", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 155, mediaType: "movie", progressStatus: "finished" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 680, mediaType: "movie", reaction: "mixed" });
    const rows = await items(t);
    expect(rows.find((r) => r.tmdbId === 155)).toMatchObject({ inWatchlist: false, progressStatus: "done", progress: 100 });
    expect(rows.find((r) => r.tmdbId === 680)).toMatchObject({ inWatchlist: false, reaction: "mixed" });
  });

  it("sets progress 100 for finished and 0 for want-to-watch unless progress is given", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "tv", progressStatus: "finished" });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 2, mediaType: "tv", progressStatus: "want-to-watch" });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 3, mediaType: "tv", progressStatus: "finished", progress: 80 });
    const rows = await items(t);
    expect(rows.map((r) => [r.tmdbId, r.progress])).toEqual([
      [1, 100],
      [2, 0],
      [3, 80],
    ]);
  });

  it("clears a reaction with null or clearReaction, and keeps it when neither is sent", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", reaction: "loved" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", reaction: null });
    expect((await items(t))[0]!.reaction).toBeUndefined();
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", reaction: "liked" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", title: "Inception" });
    expect((await items(t))[0]).toMatchObject({ reaction: "liked", title: "Inception" });
    // Display data alone never gives a reaction-only row a status, membership absent included.
    const userId = (await items(t))[0]!.userId;
    await t.run(async (ctx) => ctx.db.insert("watch_items", { userId, tmdbId: 603, mediaType: "movie", reaction: "loved", updatedAt: 1 }));
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 603, mediaType: "movie", title: "The Matrix" });
    const matrix = (await items(t)).find((r) => r.tmdbId === 603)!;
    expect(matrix).toMatchObject({ reaction: "loved", title: "The Matrix" });
    expect(matrix.progressStatus).toBeUndefined();
    expect(matrix.inWatchlist).toBeUndefined();
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", clearReaction: true });
    expect((await items(t))[0]!.reaction).toBeUndefined();
  });

  it("rejects a bad status, reaction or media type with a clear error and writes nothing", async () => {
    const t = deployment();
    const alice = webUser(t);
    await expect(
      alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "movie", progressStatus: "binging" }),
    ).rejects.toThrow('Unknown status "binging"');
    await expect(alice.mutation(api.watchlist.setReaction, { tmdbId: 1, mediaType: "movie", reaction: "meh" })).rejects.toThrow(
      "Unknown reaction",
    );
    await expect(
      alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 1, mediaType: "podcast", inWatchlist: true }),
    ).rejects.toThrow("Unknown media type");
    await expect(
      alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "movie", progressStatus: "watching", progress: 140 }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    await expect(
      alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1, season: 1, episode: 0, isWatched: true }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await items(t)).toHaveLength(0);
    expect(await t.run(async (ctx) => await ctx.db.query("episode_progress").collect())).toHaveLength(0);
  });

  it("writes only the episodes whose state changed and clears with isWatched false", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true });
    const episodeRows = async () => await t.run(async (ctx) => await ctx.db.query("episode_progress").collect());
    const before = await episodeRows();
    await alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 1399, season: 1, episodes: [1, 2, 3, 4], isWatched: true });
    const after = await episodeRows();
    expect(after).toHaveLength(4);
    // Rows already watched were not rewritten.
    expect(after.filter((r) => before.some((b) => b._id === r._id && b.updatedAt === r.updatedAt))).toHaveLength(3);
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      tmdbId: 1399,
      mediaType: "tv",
      seasons: [{ season: 1, episodes: [1, 2, 3, 4, 5] }],
      isWatched: false,
    });
    const cleared = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(cleared).toHaveLength(4);
    expect(cleared.every((e) => !e.isWatched)).toBe(true);
  });

  it("ends mark, unmark, mark sequences in the last state asked for", async () => {
    const t = deployment();
    const alice = webUser(t);
    const mark = (isWatched: boolean) =>
      alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 2, episode: 4, isWatched });
    await Promise.all([mark(true), mark(false), mark(true)]);
    await mark(false);
    await mark(true);
    const rows = await t.run(async (ctx) => await ctx.db.query("episode_progress").collect());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.isWatched).toBe(true);
    const summary = await t.run(async (ctx) => await ctx.db.query("episode_summaries").collect());
    expect(summary.map((s) => s.seasons)).toEqual([[{ season: 2, episodes: [4] }]]);
  });

  it("keeps each user's data apart", async () => {
    const t = deployment();
    await webUser(t, "user_a").mutation(api.watchlist.setWatchlistMembership, { tmdbId: 1, mediaType: "movie", inWatchlist: true });
    expect(await webUser(t, "user_b").query(api.watchlist.getWatchlist, {})).toEqual([]);
  });
});

describe("duplicate episode rows", () => {
  it("unmarks every duplicate row of an episode so the web app and the summary agree", async () => {
    const t = deployment();
    const userId = await webUser(t).mutation(api.users.store, {});
    await t.run(async (ctx) => {
      for (let i = 0; i < 2; i++) {
        await ctx.db.insert("episode_progress", { userId, tmdbId: 1399, season: 1, episode: 1, isWatched: true, updatedAt: 1 });
      }
    });
    await webUser(t).mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: false });
    const episodes = await webUser(t).query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(episodes.map((e) => e.isWatched)).toEqual([false, false]);
    const summaries = await t.run(async (ctx) => await ctx.db.query("episode_summaries").collect());
    expect(summaries.map((s) => s.watchedCount)).toEqual([0]);
  });
});

describe("signed-out web reads", () => {
  it("return nothing instead of failing", async () => {
    const t = deployment();
    expect(await t.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await t.query(api.watchlist.getMediaState, { tmdbId: 1, mediaType: "movie" })).toBeNull();
  });
});
