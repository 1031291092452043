// Replays the Film Fanatic web app's client calls (docs/web-api.md), with the
// arguments its client sends, against this convex/, and checks the fields it reads.
import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { deployment, type Deployment } from "./setup";

const INCEPTION = {
  tmdbId: 27205,
  mediaType: "movie",
  title: "Inception",
  image: "/inception.jpg",
  rating: 8.4,
  release_date: "2010-07-15",
  overview: "Cobb steals secrets.",
};
const SHOW = { tmdbId: 1399, mediaType: "tv", title: "Game of Thrones", image: "/got.jpg" };

/** As the root UserSync sends it: name = fullName ?? username ?? "Anonymous", role and flag from publicMetadata. */
const CLIENT_PROFILE = {
  email: "alice@example.com",
  name: "Alice Liddell",
  image: "https://img.clerk.com/a.png",
  role: "admin",
  aiGenerationEnabled: true,
};

function signedIn(t: Deployment, claims: Record<string, unknown> = {}, subject = "user_alice") {
  return t.withIdentity({ subject, ...claims });
}

async function rows(t: Deployment) {
  return await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
}

describe("the web app's users calls", () => {
  it("stores the profile UserSync sends under the Clerk subject and replaces it on the next load", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const id = await alice.mutation(api.users.store, CLIENT_PROFILE);
    expect(await alice.query(api.users.getStatus, {})).toMatchObject({ _id: id, tokenIdentifier: "user_alice", ...CLIENT_PROFILE });
    // Clerk no longer carries the role or the flag: the next load removes them.
    expect(await alice.mutation(api.users.store, { email: "alice@example.com", name: "Alice", image: undefined })).toEqual(id);
    const user = await alice.query(api.users.getStatus, {});
    expect(user).toMatchObject({ name: "Alice", email: "alice@example.com" });
    expect(user).not.toHaveProperty("role");
    expect(user).not.toHaveProperty("aiGenerationEnabled");
    expect(user).not.toHaveProperty("image");
  });

  it("answers signed-out reads empty and refuses signed-out writes with the client's messages", async () => {
    const t = deployment();
    await expect(t.mutation(api.users.store, CLIENT_PROFILE)).rejects.toThrow("Called storeUser without authentication present");
    expect(await t.query(api.users.getStatus, {})).toBeNull();
    expect(await t.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await t.query(api.watchlist.getMediaState, { tmdbId: 1, mediaType: "movie" })).toBeNull();
    expect(await t.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1 })).toEqual([]);
    expect(await t.query(api.watchlist.getAllEpisodeProgress, {})).toEqual([]);
    expect(await t.query(api.watchlist.getCustomLists, {})).toEqual([]);
    expect(await t.query(api.watchlist.getItemLists, { tmdbId: 1, mediaType: "movie" })).toEqual([]);
    expect(await t.query(api.recommendations.getRecommendationHistory, {})).toEqual([]);
    await expect(t.mutation(api.watchlist.setWatchlistMembership, { ...INCEPTION, inWatchlist: true })).rejects.toThrow("Unauthorized");
    await expect(t.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: true })).rejects.toThrow(
      "Unauthorized",
    );
    await expect(t.mutation(api.watchlist.createCustomList, { name: "Mine" })).rejects.toThrow("Unauthorized");
    expect(await rows(t)).toEqual([]);
  });

  it("answers a signed-in user UserSync has not stored yet as empty, and creates the row on a first write", async () => {
    const t = deployment();
    const alice = signedIn(t);
    expect(await alice.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toBeNull();
    await alice.mutation(api.watchlist.setWatchlistMembership, { ...INCEPTION, inWatchlist: true });
    expect(await alice.query(api.watchlist.getWatchlist, {})).toHaveLength(1);
  });
});

describe("a title page", () => {
  it("adds, sets status, reacts, clears the reaction and soft-removes, with getMediaState answering the flat row", async () => {
    const t = deployment();
    const alice = signedIn(t);
    await alice.mutation(api.users.store, CLIENT_PROFILE);
    expect(await alice.mutation(api.watchlist.setWatchlistMembership, { ...INCEPTION, inWatchlist: true })).toBeNull();
    const added = await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" });
    expect(added).toMatchObject({ ...INCEPTION, inWatchlist: true, progressStatus: "watch-later", progress: 0 });
    expect(typeof added!.updatedAt).toBe("number");

    // The movie menu sends no progress: done means 100.
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 27205, mediaType: "movie", progressStatus: "done" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", reaction: "loved" });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      progressStatus: "done",
      progress: 100,
      reaction: "loved",
      inWatchlist: true,
    });
    // The picker's clear sends only clearReaction.
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", clearReaction: true });
    expect((await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" }))!.reaction).toBeUndefined();

    await alice.mutation(api.watchlist.setWatchlistMembership, { ...INCEPTION, inWatchlist: false });
    expect(await alice.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      inWatchlist: false,
      progressStatus: "done",
      progress: 100,
      title: "Inception",
    });
  });

  it("lists whole documents with membership true or absent and leaves out inWatchlist:false rows", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const userId = await alice.mutation(api.users.store, CLIENT_PROFILE);
    await t.run(async (ctx) => {
      await ctx.db.insert("watch_items", { userId, tmdbId: 1, mediaType: "movie", status: "completed", updatedAt: 1 });
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 2,
        mediaType: "movie",
        inWatchlist: true,
        progressStatus: "caught-up",
        reaction: "mixed",
        updatedAt: 2,
      });
      await ctx.db.insert("watch_items", { userId, tmdbId: 3, mediaType: "movie", inWatchlist: false, progress: 30, updatedAt: 3 });
    });
    const list = await alice.query(api.watchlist.getWatchlist, {});
    expect(list.map((r) => r.tmdbId).sort((a, b) => a - b)).toEqual([1, 2]);
    // Raw values: the client reads legacy `status` and every vocabulary itself.
    expect(list.find((r) => r.tmdbId === 1)).toMatchObject({ status: "completed", updatedAt: 1 });
    expect(list.find((r) => r.tmdbId === 1)).not.toHaveProperty("progressStatus");
    expect(list.find((r) => r.tmdbId === 2)).toMatchObject({ progressStatus: "caught-up", reaction: "mixed" });
  });

  it("tracks without joining the watchlist when status or reaction come first, and accepts the seed's words", async () => {
    const t = deployment();
    const alice = signedIn(t);
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 155, mediaType: "movie", progressStatus: "finished" });
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 156, mediaType: "movie", progressStatus: "want-to-watch" });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 680, mediaType: "movie", reaction: "mixed" });
    const all = await rows(t);
    // Stored in the app's current words, as its own server does.
    expect(all.find((r) => r.tmdbId === 155)).toMatchObject({ inWatchlist: false, progressStatus: "done", progress: 100 });
    expect(all.find((r) => r.tmdbId === 156)).toMatchObject({ inWatchlist: false, progressStatus: "watch-later", progress: 0 });
    expect(all.find((r) => r.tmdbId === 680)).toMatchObject({ inWatchlist: false, reaction: "mixed" });
  });

  it("refuses values no client sends with a plain message and writes nothing", async () => {
    const t = deployment();
    const alice = signedIn(t);
    await expect(
      alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "movie", progressStatus: "binging" }),
    ).rejects.toThrow('Unknown status "binging"');
    await expect(alice.mutation(api.watchlist.setReaction, { tmdbId: 1, mediaType: "movie", reaction: "meh" })).rejects.toThrow(
      "Unknown reaction",
    );
    await expect(
      alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 1, mediaType: "podcast", inWatchlist: true }),
    ).rejects.toThrow("Unknown media type");
    expect(await rows(t)).toEqual([]);
  });
});

describe("a TV page", () => {
  const seasons = [
    { season: 0, episodes: [1, 2] },
    { season: 1, episodes: [1, 2, 3] },
  ];

  it("runs the menu: done, leaving done, watch later, dropped", async () => {
    const t = deployment();
    const alice = signedIn(t);
    // Done: every TMDB season (specials too), watched, 100.
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      ...SHOW,
      seasons,
      isWatched: true,
      progressStatus: "done",
      progress: 100,
    });
    let episodes = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(episodes.filter((e) => e.isWatched).map((e) => `${e.season}x${e.episode}`)).toEqual(["0x1", "0x2", "1x1", "1x2", "1x3"]);
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 1399, mediaType: "tv" })).toMatchObject({
      progressStatus: "done",
      progress: 100,
      inWatchlist: false,
      title: "Game of Thrones",
    });

    // Leaving done: no seasons, clearAllEpisodes, progress 0.
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      ...SHOW,
      seasons: [],
      isWatched: false,
      clearAllEpisodes: true,
      progressStatus: "watching",
      progress: 0,
    });
    episodes = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    // Unwatched rows stay and come back (the page counts rows with isWatched).
    expect(episodes).toHaveLength(5);
    expect(episodes.every((e) => !e.isWatched)).toBe(true);

    // Watch later: all seasons, unwatched, 0 — every watched row of the show goes false, whatever the list.
    await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 3, episode: 9, isWatched: true });
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, {
      ...SHOW,
      seasons: [{ season: 1, episodes: [1] }],
      isWatched: false,
      progressStatus: "watch-later",
      progress: 0,
    });
    episodes = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(episodes.filter((e) => e.isWatched)).toEqual([]);

    // Dropped: no seasons, not watched; stored as sent, progress kept.
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, { ...SHOW, seasons: [], isWatched: false, progressStatus: "dropped" });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 1399, mediaType: "tv" })).toMatchObject({
      progressStatus: "dropped",
      progress: 0,
    });
  });

  it("toggles episodes and seasons: rows patched, never deleted; an unwatched episode without a row gets none", async () => {
    const t = deployment();
    const alice = signedIn(t);
    expect(await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: false })).toBeNull();
    expect(await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 })).toEqual([]);
    await alice.mutation(api.watchlist.markSeasonEpisodesWatched, { tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true });
    await alice.mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 2, isWatched: false });
    // The import's call is the same.
    await alice.mutation(api.watchlist.syncEpisodeProgressItem, { tmdbId: 1399, season: 2, episode: 1, isWatched: true });
    const episodes = await alice.query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(episodes.map((e) => [e.season, e.episode, e.isWatched])).toEqual([
      [1, 1, true],
      [1, 2, false],
      [1, 3, true],
      [2, 1, true],
    ]);
    // No watch item is written by episode toggles.
    expect(await rows(t)).toEqual([]);
    // The /watchlist export reads tmdbId, season, episode, isWatched.
    const exported = await alice.query(api.watchlist.getAllEpisodeProgress, {});
    expect(exported.map((e) => [e.tmdbId, e.season, e.episode, e.isWatched])).toEqual([
      [1399, 1, 1, true],
      [1399, 1, 3, true],
      [1399, 2, 1, true],
    ]);
  });

  it("takes the player's and the sync hook's progress reports, keeping a status the row already has", async () => {
    const t = deployment();
    const alice = signedIn(t);
    await alice.mutation(api.watchlist.updateProgress, { tmdbId: 27205, mediaType: "movie", progress: 40, status: "watching" });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      inWatchlist: false,
      progressStatus: "watching",
      progress: 40,
    });
    await alice.mutation(api.watchlist.updateProgress, { tmdbId: 27205, mediaType: "movie", isWatched: true });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      progressStatus: "watching",
      progress: 100,
    });
    await alice.mutation(api.watchlist.updateProgress, { tmdbId: 603, mediaType: "movie", progress: 96 });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 603, mediaType: "movie" })).toMatchObject({
      progressStatus: "done",
      progress: 96,
    });
    await alice.mutation(api.watchlist.markShowEpisodesAndStatus, { ...SHOW, seasons: [], isWatched: false, progressStatus: "dropped" });
    await alice.mutation(api.watchlist.updateProgress, { tmdbId: 1399, mediaType: "tv", progress: 50 });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 1399, mediaType: "tv" })).toMatchObject({
      progressStatus: "dropped",
      progress: 50,
    });
  });
});

describe("custom lists", () => {
  it("creates, lists, fills, renames, toggles and deletes lists as the list dialog and My Lists do", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const comfort = await alice.mutation(api.watchlist.createCustomList, { name: "Comfort", color: "#f97316" });
    const scifi = await alice.mutation(api.watchlist.createCustomListAndAddItem, { name: "Sci-fi", ...INCEPTION });
    await expect(alice.mutation(api.watchlist.createCustomList, { name: "Comfort" })).rejects.toThrow(
      "A list with this name already exists",
    );
    const lists = await alice.query(api.watchlist.getCustomLists, {});
    expect(lists.map((l) => [l._id, l.name, l.color, l.sortOrder])).toEqual([
      [comfort, "Comfort", "#f97316", 0],
      [scifi, "Sci-fi", undefined, 1],
    ]);
    expect(typeof lists[0]!.updatedAt).toBe("number");
    expect(await alice.query(api.watchlist.getItemLists, { tmdbId: 27205, mediaType: "movie" })).toEqual([scifi]);

    // The list view falls back to the caller's watch item and shows its raw status and reaction.
    await alice.mutation(api.watchlist.setProgressStatus, {
      tmdbId: 1399,
      mediaType: "tv",
      progressStatus: "watching",
      title: "GoT from watchlist",
    });
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 1399, mediaType: "tv", reaction: "liked" });
    expect(await alice.mutation(api.watchlist.toggleListItem, { listId: comfort, tmdbId: 1399, mediaType: "tv" })).toBe(true);
    const items = await alice.query(api.watchlist.getListItems, { listId: comfort });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      tmdbId: 1399,
      mediaType: "tv",
      title: "GoT from watchlist",
      progressStatus: "watching",
      reaction: "liked",
    });
    expect(typeof items[0]!.addedAt).toBe("number");
    expect(await alice.mutation(api.watchlist.toggleListItem, { listId: comfort, tmdbId: 1399, mediaType: "tv" })).toBe(false);
    expect(await alice.query(api.watchlist.getListItems, { listId: comfort })).toEqual([]);

    await expect(alice.mutation(api.watchlist.updateCustomList, { listId: comfort, name: "Sci-fi" })).rejects.toThrow(
      "A list with this name already exists",
    );
    await alice.mutation(api.watchlist.updateCustomList, { listId: comfort, name: "Cosy", color: "#22c55e" });
    expect((await alice.query(api.watchlist.getCustomLists, {}))[0]).toMatchObject({ name: "Cosy", color: "#22c55e" });

    await alice.mutation(api.watchlist.deleteCustomList, { listId: scifi });
    expect((await alice.query(api.watchlist.getCustomLists, {})).map((l) => l.name)).toEqual(["Cosy"]);
    expect(await t.run(async (ctx) => await ctx.db.query("list_items").collect())).toEqual([]);
  });

  it("keeps lists to their owner: others can't read, fill, rename or delete them", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const mallory = signedIn(t, {}, "user_mallory");
    const listId = await alice.mutation(api.watchlist.createCustomListAndAddItem, { name: "Private", ...INCEPTION });
    expect(await mallory.query(api.watchlist.getListItems, { listId })).toEqual([]);
    await expect(mallory.mutation(api.watchlist.toggleListItem, { listId, tmdbId: 1, mediaType: "movie" })).rejects.toThrow(
      "List not found",
    );
    await expect(mallory.mutation(api.watchlist.updateCustomList, { listId, name: "Mine now" })).rejects.toThrow("List not found");
    await expect(mallory.mutation(api.watchlist.deleteCustomList, { listId })).rejects.toThrow("List not found");
    expect(await alice.query(api.watchlist.getListItems, { listId })).toHaveLength(1);
    expect(await mallory.query(api.watchlist.getCustomLists, {})).toEqual([]);
  });
});

describe("recommendations", () => {
  const enabled = { public_meta: JSON.stringify({ aiGenerationEnabled: true }) };

  async function entry(t: Deployment, userId: Id<"users">, createdAt: number) {
    return await t.run(async (ctx) =>
      ctx.db.insert("ai_recommendations", {
        userId,
        recommendations: JSON.stringify([{ title: `Pick ${createdAt}` }]),
        watchlistHash: "h",
        inputStats: { movieCount: 1, tvCount: 0, episodesWatched: 0, totalItems: 1 },
        model: "m",
        generationType: "watchlist",
        createdAt,
      }),
    );
  }

  it("answers the history newest first, and nothing when the claim turns the feature off", async () => {
    const t = deployment();
    const alice = signedIn(t, enabled);
    const userId = await alice.mutation(api.users.store, CLIENT_PROFILE);
    await entry(t, userId, 1_000);
    await entry(t, userId, 2_000);
    const history = await alice.query(api.recommendations.getRecommendationHistory, {});
    expect(history.map((h) => h.createdAt)).toEqual([2_000, 1_000]);
    expect(history[0]).toMatchObject({ generationType: "watchlist", inputStats: { totalItems: 1 } });
    const off = signedIn(t, { publicMetadata: { aiGenerationEnabled: false } });
    expect(await off.query(api.recommendations.getRecommendationHistory, {})).toEqual([]);
    expect(await off.query(api.recommendations.getUserRecommendationAccess, {})).toEqual({ hasAccess: false, reason: "feature_disabled" });
    expect(await alice.query(api.recommendations.getUserRecommendationAccess, {})).toEqual({ hasAccess: true });
    expect(await t.query(api.recommendations.getUserRecommendationAccess, {})).toEqual({ hasAccess: false, reason: "not_authenticated" });
  });

  it("verifies and deletes only the caller's entries, keeping the model's text the first time", async () => {
    const t = deployment();
    const alice = signedIn(t, enabled);
    const userId = await alice.mutation(api.users.store, CLIENT_PROFILE);
    const id = await entry(t, userId, 1_000);
    await alice.mutation(api.recommendations.updateVerifiedRecommendations, { id, recommendations: "[1]" });
    await alice.mutation(api.recommendations.updateVerifiedRecommendations, { id, recommendations: "[2]" });
    expect((await alice.query(api.recommendations.getRecommendationHistory, {}))[0]).toMatchObject({
      recommendations: "[2]",
      originalRecommendations: JSON.stringify([{ title: "Pick 1000" }]),
      verified: true,
    });
    const mallory = signedIn(t, enabled, "user_mallory");
    await mallory.mutation(api.users.store, { name: "M" });
    await expect(mallory.mutation(api.recommendations.deleteRecommendation, { id })).rejects.toThrow("Unauthorized");
    await alice.mutation(api.recommendations.deleteRecommendation, { id });
    await expect(alice.mutation(api.recommendations.deleteRecommendation, { id })).rejects.toThrow("Not found");
  });

  it("checks generation like the original and then answers api_unavailable, as it calls no model here", async () => {
    const t = deployment();
    const args = { generationType: "watchlist" as const, mediaTypePreference: "movie" as const, count: 10 };
    await expect(t.action(api.recommendations.generateRecommendations, args)).rejects.toThrow("Unauthorized");
    const plain = signedIn(t);
    await plain.mutation(api.users.store, { name: "Alice" });
    await expect(plain.action(api.recommendations.generateRecommendations, args)).rejects.toThrow("Unauthorized: feature not enabled");
    const alice = signedIn(t, enabled);
    expect(await alice.action(api.recommendations.generateRecommendations, args)).toMatchObject({ error: "empty_watchlist" });
    await alice.mutation(api.watchlist.setWatchlistMembership, { ...INCEPTION, inWatchlist: true });
    const unavailable = await alice.action(api.recommendations.generateRecommendations, args);
    expect(unavailable).toMatchObject({ error: "api_unavailable", message: expect.stringContaining("GEMINI_API_KEY") });
    const userId = (await alice.query(api.users.getStatus, {}))!._id;
    await entry(t, userId, Date.now() - 30_000);
    expect(await alice.action(api.recommendations.generateRecommendations, args)).toMatchObject({ error: "rate_limited" });
    expect(await alice.action(api.recommendations.generateRecommendations, { ...args, excludeTmdbIds: [603] })).toMatchObject({
      error: "api_unavailable",
    });
  });
});

describe("the first API and the app's migrations", () => {
  it("adds with a legacy status and soft-removes through the first API", async () => {
    const t = deployment();
    const alice = signedIn(t);
    await alice.mutation(api.watchlist.upsertWatchlistItem, { ...INCEPTION, status: "liked" });
    expect(await alice.query(api.watchlist.getMediaState, { tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      status: "liked",
      progressStatus: "done",
      reaction: "liked",
      progress: 100,
      inWatchlist: true,
    });
    await alice.mutation(api.watchlist.removeWatchlistItem, { tmdbId: 27205, mediaType: "movie" });
    expect(await alice.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await rows(t)).toHaveLength(1);
  });

  it("normalises the caller's statuses to today's words with migrateStatusCategories, leaving unknown values", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const userId = await alice.mutation(api.users.store, CLIENT_PROFILE);
    await t.run(async (ctx) => {
      for (const [tmdbId, progressStatus] of [
        [1, "want-to-watch"],
        [2, "finished"],
        [3, "done"],
        [4, "mystery"],
        [5, "dropped"],
      ] as const) {
        await ctx.db.insert("watch_items", { userId, tmdbId, mediaType: "movie", progressStatus, updatedAt: 1 });
      }
    });
    expect(await alice.mutation(api.watchlist.migrateStatusCategories, {})).toMatchObject({ migrated: 2, total: 5 });
    const byId = new Map((await rows(t)).map((r) => [r.tmdbId, r.progressStatus]));
    expect([...byId.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, "watch-later"],
      [2, "done"],
      [3, "done"],
      [4, "mystery"],
      [5, "dropped"],
    ]);
  });

  it("backfills the caller's legacy rows without touching today's values", async () => {
    const t = deployment();
    const alice = signedIn(t);
    const userId = await alice.mutation(api.users.store, CLIENT_PROFILE);
    await t.run(async (ctx) => {
      await ctx.db.insert("watch_items", { userId, tmdbId: 1, mediaType: "movie", status: "dropped", progress: 50, updatedAt: 1 });
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 2,
        mediaType: "movie",
        inWatchlist: true,
        progressStatus: "caught-up",
        status: "watching",
        updatedAt: 1,
      });
    });
    vi.useFakeTimers();
    try {
      expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ scanned: 2, updated: 1, continuing: false });
    } finally {
      vi.useRealTimers();
    }
    const byId = new Map((await rows(t)).map((r) => [r.tmdbId, r]));
    // Legacy dropped is split as the original's backfill splits it: by progress, plus not-for-me.
    expect(byId.get(1)).toMatchObject({
      status: "dropped",
      progressStatus: "watching",
      reaction: "not-for-me",
      progress: 50,
      inWatchlist: true,
    });
    expect(byId.get(2)).toMatchObject({ progressStatus: "caught-up", status: "watching" });
  });
});
