// The bot's tracking tables: cached shows, episode summaries, write budgets, background jobs, Undo
// and idempotency keys.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { mediaTypeValidator, showSeasonValidator } from "../lib/validators";

export const trackingTables = {
  /** Cached TMDB TV structure, so progress and "next episode" need no TMDB call. */
  shows: defineTable({
    tmdbId: v.number(),
    title: v.string(),
    image: v.optional(v.string()),
    seasons: v.array(showSeasonValidator),
    /** Episodes outside season 0 (specials do not count towards progress). */
    totalEpisodes: v.number(),
    /** TMDB says more is coming (Returning Series, In Production, Planned, Pilot): watching every episode is being caught up, not finished. */
    ongoing: v.optional(v.boolean()),
    /**
     * The seasons say which episodes have aired (`aired`, `airDates`, `episodeNumbers`); a copy
     * stored before they did counts announced episodes as aired, so it is refetched once.
     */
    airingKnown: v.optional(v.boolean()),
    fetchedAt: v.number(),
  }).index("by_tmdb", ["tmdbId"]),

  /**
   * Per user and show: the watched episodes in one document, kept in step with
   * episode_progress by every write path, so progress and the next episode cost
   * one read instead of one per episode (a 1,100-episode show stays cheap).
   */
  episode_summaries: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    seasons: v.array(v.object({ season: v.number(), episodes: v.array(v.number()) })),
    watchedCount: v.number(),
    /** The status the bot last set on its own; cleared when the user sets one. */
    autoStatus: v.optional(v.string()),
    /**
     * Present while the summary is still being built from episode rows written before
     * it existed (scheduled pages, see model/summaries.ts); `seasons` then holds only
     * what is known so far. Every write meanwhile keeps its own episodes in step.
     */
    building: v.optional(v.object({ cursor: v.union(v.string(), v.null()), startedAt: v.number() })),
    updatedAt: v.number(),
  }).index("by_user_show", ["userId", "tmdbId"]),

  /** Progress of the deployment-wide summary migration (one row). */
  summary_migrations: defineTable({
    /** The last (user, show) the walk reached; absent before the first page. */
    after: v.optional(v.object({ userId: v.id("users"), tmdbId: v.number() })),
    shows: v.number(),
    started: v.number(),
    state: v.union(v.literal("running"), v.literal("done")),
    startedAt: v.number(),
    finishedAt: v.optional(v.number()),
  }),

  /**
   * Per-user budgets kept apart from the web app's tables (model/throttle.ts): "web_writes",
   * the token bucket every web app write spends from; "ai_generations", every generation
   * attempt let through to the model (lastAt: when the latest started).
   */
  user_budgets: defineTable({
    userId: v.id("users"),
    kind: v.string(),
    tokens: v.number(),
    /** When `tokens` was counted; the bucket refills from here. */
    at: v.number(),
    lastAt: v.optional(v.number()),
  }).index("by_user_kind", ["userId", "kind"]),

  /** A user's running watch_items backfill (one at a time); removed when it finishes. */
  backfill_runs: defineTable({
    userId: v.id("users"),
    startedAt: v.number(),
    /** The last page written; a run silent for long is taken as dead and may be started again. */
    touchedAt: v.number(),
    scanned: v.number(),
    updated: v.number(),
  }).index("by_user", ["userId"]),

  /** Episode marking too large for one transaction, applied in scheduled chunks. */
  episode_jobs: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    isWatched: v.boolean(),
    /** Whether the show's status follows once the job is done (bot marking) or not (web app). */
    followStatus: v.boolean(),
    pending: v.array(v.object({ season: v.number(), episodes: v.array(v.number()) })),
    total: v.number(),
    applied: v.number(),
    changed: v.number(),
    state: v.union(v.literal("running"), v.literal("done")),
    createdAt: v.number(),
    finishedAt: v.optional(v.number()),
  }).index("by_user_show", ["userId", "tmdbId"]),

  /** What the last bot change replaced, so the Undo button can put it back. */
  undo_entries: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    mediaType: mediaTypeValidator,
    description: v.string(),
    /** The watch item's fields before the change; null when there was no row. */
    previousItem: v.union(
      v.null(),
      v.object({
        inWatchlist: v.optional(v.boolean()),
        progressStatus: v.optional(v.string()),
        reaction: v.optional(v.string()),
        progress: v.optional(v.number()),
      }),
    ),
    /** Episodes whose watched state the change flipped. */
    flippedEpisodes: v.array(v.object({ season: v.number(), episode: v.number(), wasWatched: v.boolean() })),
    previousAutoStatus: v.optional(v.string()),
    /** The change touched the bot's own status bookkeeping, so undo puts previousAutoStatus back. */
    restoreAutoStatus: v.optional(v.boolean()),
    createdAt: v.number(),
    expiresAt: v.number(),
    usedAt: v.optional(v.number()),
  })
    .index("by_user", ["userId"])
    .index("by_expires", ["expiresAt"]),

  /** A bot write's idempotency key and result (convex/model/idempotency.ts): a retried write answers with the first result. */
  bot_idempotency: defineTable({
    /** "interaction id:call number". */
    key: v.string(),
    /** Whose write it was: only they get its result back. */
    discordUserId: v.string(),
    /** The write's result as Convex JSON text. */
    result: v.string(),
    expiresAt: v.number(),
  })
    .index("by_key", ["key"])
    .index("by_expires", ["expiresAt"]),
};
