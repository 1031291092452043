// Statistics (docs/stats.md): counters kept in step by the same transactions that change the rows
// they count (convex/stats/counters.ts), so a stats view reads a handful of documents whatever the
// library size; what was counted when (stats_titles), sharing per server, the leaderboard's rows
// and the repair job's progress.
import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Per day of a year (index 0 = 1 January, 366 entries): what was counted that UTC day. */
export const statsDaysValidator = v.object({
  episodes: v.array(v.number()),
  minutes: v.array(v.number()),
  films: v.array(v.number()),
});

export const statsTables = {
  /** A person's totals for one UTC year, or all time (`year` 0). Only year rows hold `days`. */
  stats_totals: defineTable({
    userId: v.id("users"),
    year: v.number(),
    episodes: v.number(),
    /** From the cached episode runtimes (docs/stats.md "Hours"). */
    minutes: v.number(),
    films: v.number(),
    showsFinished: v.number(),
    /** Reactions given, by kind ("loved", "liked", "mixed", "not-for-me"). */
    reactions: v.record(v.string(), v.number()),
    days: v.optional(statsDaysValidator),
    /** Titles (films and shows) finished, by TMDB genre id, from the facts cache (title_facts). */
    genres: v.optional(v.record(v.string(), v.number())),
    updatedAt: v.number(),
  }).index("by_user_year", ["userId", "year"]),

  /** Episodes (and minutes) of one show a person watched in a year (or all time, `year` 0): "most watched". */
  stats_shows: defineTable({
    userId: v.id("users"),
    year: v.number(),
    tmdbId: v.number(),
    title: v.optional(v.string()),
    /** The show's poster URL as cached with its structure (the year card draws it when it can fetch it). */
    image: v.optional(v.string()),
    episodes: v.number(),
    minutes: v.number(),
  })
    .index("by_user_year_show", ["userId", "year", "tmdbId"])
    .index("by_user_year_episodes", ["userId", "year", "episodes"]),

  /**
   * What the counters hold for one title (film or show): when it was counted as finished and the
   * reaction counted (and when), so undoing either takes it off the year it was counted in.
   */
  stats_titles: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    mediaType: v.string(),
    finishedAt: v.optional(v.number()),
    reaction: v.optional(v.string()),
    reactionAt: v.optional(v.number()),
    /** The watch item's _creationTime: where the repair walk (by creation time) reaches it. */
    itemCreatedAt: v.optional(v.number()),
    /** What the finish counted from title_facts (a film's runtime; the genre ids), so it comes off exactly. */
    minutes: v.optional(v.number()),
    genres: v.optional(v.array(v.number())),
  })
    .index("by_user_title", ["userId", "tmdbId", "mediaType"])
    .index("by_title", ["tmdbId", "mediaType"]),

  /**
   * The bot's cache of TMDB facts per title (not the web app's): a film's runtime and the genre ids,
   * sent along by the bot when it has the details in hand, else fetched by convex/stats/facts.ts.
   * `due` is set while a fetch is wanted (when to try), and removed once the facts are stored.
   */
  title_facts: defineTable({
    mediaType: v.string(),
    tmdbId: v.number(),
    /** Minutes (films); absent when TMDB doesn't know. */
    runtime: v.optional(v.number()),
    genres: v.array(v.number()),
    fetchedAt: v.optional(v.number()),
    due: v.optional(v.number()),
    attempts: v.optional(v.number()),
  })
    .index("by_title", ["tmdbId", "mediaType"])
    .index("by_due", ["due"]),

  /** The one facts fetcher's heartbeat (at most one row): a fetch is scheduled or running. */
  title_facts_fetcher: defineTable({
    /** When the scheduled run is due (or was, while it runs). */
    at: v.number(),
    job: v.optional(v.id("_scheduled_functions")),
  }),

  /** A person shares their stats in this server (`/stats share on`): others may see them, and the leaderboard lists them. */
  stats_shares: defineTable({
    userId: v.id("users"),
    guildId: v.string(),
    discordUserId: v.string(),
    /** Their name as shown on the leaderboard (plain text, never a mention), as of their last `/stats share on`. */
    name: v.string(),
    at: v.number(),
  })
    .index("by_user_guild", ["userId", "guildId"])
    .index("by_guild", ["guildId"]),

  /**
   * One sharing member's figures in one server for one period ("w:2026-12-07" — the UTC week from
   * that Monday —, "m:2026-12", "y:2026"), rewritten whenever their counters change.
   */
  stats_board: defineTable({
    guildId: v.string(),
    period: v.string(),
    userId: v.id("users"),
    discordUserId: v.string(),
    name: v.string(),
    episodes: v.number(),
    minutes: v.number(),
    films: v.number(),
  })
    .index("by_guild_period_user", ["guildId", "period", "userId"])
    .index("by_guild_period_episodes", ["guildId", "period", "episodes"])
    .index("by_guild_period_minutes", ["guildId", "period", "minutes"])
    .index("by_guild_period_films", ["guildId", "period", "films"])
    .index("by_user_guild", ["userId", "guildId"]),

  /**
   * A person's counters being rebuilt from the rows (convex/stats/repair.ts). While `clearing`, writes
   * leave the counters alone (the walk counts everything); while walking titles and then shows,
   * writes count only what the walk has passed (`walkedUpTo`, `afterShow`).
   */
  stats_repairs: defineTable({
    userId: v.id("users"),
    phase: v.union(v.literal("clearing"), v.literal("titles"), v.literal("episodes")),
    afterShow: v.optional(v.number()),
    /** The titles walk's page cursor. */
    cursor: v.optional(v.string()),
    /** The creation time of the last watch item the titles walk counted. */
    walkedUpTo: v.optional(v.number()),
    startedAt: v.number(),
  }).index("by_user", ["userId"]),

  /** Progress of the deployment-wide stats backfill (one row). */
  stats_backfills: defineTable({
    after: v.optional(v.id("users")),
    users: v.number(),
    state: v.union(v.literal("running"), v.literal("done")),
    startedAt: v.number(),
    finishedAt: v.optional(v.number()),
  }),
};
