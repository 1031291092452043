import { describe, expect, it } from "vitest";
import { deployment } from "./setup";

// Documents shaped as the live web app has written them (docs/web-api.md).
const PROGRESS_STATUSES_EVER = ["want-to-watch", "watching", "finished", "dropped", "caught-up", "watch-later", "done"];
const LEGACY_STATUSES = ["plan-to-watch", "watching", "completed", "liked", "dropped"];

describe("the schema holds what the live web app stores", () => {
  it("accepts users with a role and the AI flag, and users without them", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      await ctx.db.insert("users", {
        tokenIdentifier: "user_admin",
        name: "Ada",
        email: "a@x",
        image: "https://i",
        role: "admin",
        aiGenerationEnabled: true,
      });
      await ctx.db.insert("users", { tokenIdentifier: "user_plain", name: "Anonymous", aiGenerationEnabled: false });
      await ctx.db.insert("users", { tokenIdentifier: "user_seed" });
      expect(await ctx.db.query("users").collect()).toHaveLength(3);
    });
  });

  it("accepts watch items in every vocabulary the app has written, legacy-only rows, rows without a title and off-watchlist rows", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      const userId = await ctx.db.insert("users", { tokenIdentifier: "user_a" });
      let tmdbId = 1;
      for (const progressStatus of PROGRESS_STATUSES_EVER) {
        await ctx.db.insert("watch_items", {
          userId,
          tmdbId: tmdbId++,
          mediaType: "tv",
          progressStatus,
          inWatchlist: true,
          title: "T",
          updatedAt: 1,
        });
      }
      for (const status of LEGACY_STATUSES) {
        // 2026-02-18 → 02-21: only the combined status, no split fields, membership absent.
        await ctx.db.insert("watch_items", {
          userId,
          tmdbId: tmdbId++,
          mediaType: "movie",
          status,
          progress: 40,
          title: "Old",
          updatedAt: 2,
        });
      }
      // The player writes progress for titles that were never added: no title, off the watchlist.
      await ctx.db.insert("watch_items", { userId, tmdbId: tmdbId++, mediaType: "movie", inWatchlist: false, progress: 12, updatedAt: 3 });
      // Reactions were never validated.
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: tmdbId++,
        mediaType: "movie",
        reaction: "meh",
        progressStatus: "something-new",
        updatedAt: 4,
      });
      expect(await ctx.db.query("watch_items").collect()).toHaveLength(PROGRESS_STATUSES_EVER.length + LEGACY_STATUSES.length + 2);
    });
  });

  it("accepts unwatched episode rows, custom lists, list items and AI history", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      const userId = await ctx.db.insert("users", { tokenIdentifier: "user_a" });
      await ctx.db.insert("episode_progress", { userId, tmdbId: 1399, season: 1, episode: 1, isWatched: false, updatedAt: 1 });
      const listId = await ctx.db.insert("lists", {
        userId,
        name: "Comfort films",
        color: "#3b82f6",
        sortOrder: 0,
        createdAt: 1,
        updatedAt: 1,
      });
      await ctx.db.insert("lists", { userId, name: "No colour", sortOrder: 1, createdAt: 2, updatedAt: 2 });
      await ctx.db.insert("list_items", {
        userId,
        listId,
        tmdbId: 603,
        mediaType: "movie",
        addedAt: 3,
        title: "The Matrix",
        image: "/m.jpg",
        release_date: "1999-03-31",
        overview: "…",
        rating: 8.2,
      });
      await ctx.db.insert("list_items", { userId, listId, tmdbId: 1399, mediaType: "tv", addedAt: 4 });
      await ctx.db.insert("ai_recommendations", {
        userId,
        recommendations: JSON.stringify([{ title: "Dune", mediaType: "movie" }]),
        originalRecommendations: "[]",
        watchlistHash: "abc",
        inputStats: { movieCount: 3, tvCount: 1, episodesWatched: 20, totalItems: 4 },
        model: "gemini-2.5-flash",
        mediaTypePreference: "movie",
        genrePreference: "sci-fi",
        generationType: "genre",
        verified: true,
        createdAt: 5,
      });
      await ctx.db.insert("ai_recommendations", {
        userId,
        recommendations: "[]",
        watchlistHash: "def",
        inputStats: { movieCount: 0, tvCount: 0, episodesWatched: 0, totalItems: 0 },
        model: "gemini-2.5-flash",
        createdAt: 6,
      });
      const lists = await ctx.db
        .query("lists")
        .withIndex("by_user_name", (q) => q.eq("userId", userId).eq("name", "Comfort films"))
        .collect();
      expect(lists).toHaveLength(1);
      expect(
        await ctx.db
          .query("list_items")
          .withIndex("by_list", (q) => q.eq("listId", listId))
          .collect(),
      ).toHaveLength(2);
      expect(
        await ctx.db
          .query("ai_recommendations")
          .withIndex("by_user", (q) => q.eq("userId", userId))
          .collect(),
      ).toHaveLength(2);
    });
  });
});
