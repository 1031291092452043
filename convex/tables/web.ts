// The web app's tables: the seed's, exactly as the web app defines them, and its later ones
// (docs/web-api.md), as the live app writes them. The schema must accept every document it wrote.
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const webTables = {
  // ── The seed's tables, exactly as the web app defines them ──────────────────
  users: defineTable({
    tokenIdentifier: v.string(),
    name: v.optional(v.string()),
    image: v.optional(v.string()),
    email: v.optional(v.string()),
    // Written by the web app's users.store from Clerk publicMetadata. Never trusted for
    // authorization here: the AI gate reads the JWT claim, as the web app does.
    role: v.optional(v.string()),
    aiGenerationEnabled: v.optional(v.boolean()),
  }).index("by_token", ["tokenIdentifier"]),

  watch_items: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    mediaType: v.string(), // "movie" | "tv"
    inWatchlist: v.optional(v.boolean()),
    // Plain strings on purpose: every value the web app ever wrote is stored as written
    // (want-to-watch, watch-later, plan-to-watch, watching, caught-up, finished, done,
    // completed, liked, dropped — see convex/model/vocabulary.ts) and read through one table.
    progressStatus: v.optional(v.string()),
    reaction: v.optional(v.string()), // "loved" | "liked" | "mixed" | "not-for-me"
    status: v.optional(v.string()), // legacy combined status (2026-02-18 → 02-21)
    progress: v.optional(v.number()), // 0-100
    title: v.optional(v.string()),
    image: v.optional(v.string()),
    rating: v.optional(v.number()),
    release_date: v.optional(v.string()),
    overview: v.optional(v.string()),
    updatedAt: v.number(),
  })
    .index("by_user_media", ["userId", "tmdbId", "mediaType"])
    .index("by_user", ["userId"])
    // Added by the bot: newest-first pages, filtered by status and type, without
    // reading the whole library; and the reminder scan over stale "watching" items.
    .index("by_user_updated", ["userId", "updatedAt"])
    .index("by_user_status_updated", ["userId", "progressStatus", "updatedAt"])
    .index("by_user_type_updated", ["userId", "mediaType", "updatedAt"])
    .index("by_user_type_status_updated", ["userId", "mediaType", "progressStatus", "updatedAt"])
    .index("by_status_updated", ["progressStatus", "updatedAt"])
    // Rows with only the legacy combined status (progressStatus absent), so a status
    // filter finds them before the backfill has run.
    .index("by_user_legacy_updated", ["userId", "progressStatus", "status", "updatedAt"])
    .index("by_user_type_legacy_updated", ["userId", "mediaType", "progressStatus", "status", "updatedAt"])
    // The same four shapes restricted to watchlist membership (inWatchlist true or absent).
    .index("by_user_member_updated", ["userId", "inWatchlist", "updatedAt"])
    .index("by_user_member_type_updated", ["userId", "inWatchlist", "mediaType", "updatedAt"])
    .index("by_user_member_status_updated", ["userId", "inWatchlist", "progressStatus", "updatedAt"])
    .index("by_user_member_type_status_updated", ["userId", "inWatchlist", "mediaType", "progressStatus", "updatedAt"])
    .index("by_user_member_legacy_updated", ["userId", "inWatchlist", "progressStatus", "status", "updatedAt"])
    .index("by_user_member_type_legacy_updated", ["userId", "inWatchlist", "mediaType", "progressStatus", "status", "updatedAt"]),

  episode_progress: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    season: v.number(),
    episode: v.number(),
    isWatched: v.boolean(),
    updatedAt: v.number(),
  })
    .index("by_user_episode", ["userId", "tmdbId", "season", "episode"])
    .index("by_user_season", ["userId", "tmdbId", "season"])
    .index("by_user_media", ["userId", "tmdbId"])
    .index("by_user", ["userId"])
    // Added here: the web app's export needs only watched rows (getAllEpisodeProgress).
    .index("by_user_watched", ["userId", "isWatched"]),

  // ── The web app's later tables (docs/web-api.md), as the live app writes them ──
  lists: defineTable({
    userId: v.id("users"),
    name: v.string(),
    color: v.optional(v.string()), // hex
    sortOrder: v.number(),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_user", ["userId"])
    .index("by_user_name", ["userId", "name"]),

  list_items: defineTable({
    userId: v.id("users"),
    listId: v.id("lists"),
    tmdbId: v.number(),
    mediaType: v.string(),
    addedAt: v.number(),
    title: v.optional(v.string()),
    image: v.optional(v.string()),
    release_date: v.optional(v.string()),
    overview: v.optional(v.string()),
    rating: v.optional(v.number()),
  })
    .index("by_list", ["listId"])
    .index("by_user_media", ["userId", "tmdbId", "mediaType"])
    .index("by_user", ["userId"])
    // Added here: "is this title in this list" without reading the whole list.
    .index("by_list_media", ["listId", "tmdbId", "mediaType"]),

  ai_recommendations: defineTable({
    userId: v.id("users"),
    recommendations: v.string(), // JSON array text
    originalRecommendations: v.optional(v.string()),
    watchlistHash: v.string(),
    inputStats: v.object({
      movieCount: v.number(),
      tvCount: v.number(),
      episodesWatched: v.number(),
      totalItems: v.number(),
    }),
    model: v.string(),
    mediaTypePreference: v.optional(v.string()),
    genrePreference: v.optional(v.string()),
    generationType: v.optional(v.string()),
    verified: v.optional(v.boolean()),
    createdAt: v.number(),
  }).index("by_user", ["userId"]),
};
