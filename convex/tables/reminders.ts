// Reminders: per-title bookkeeping, airing shows and the DMs sent.
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const reminderTables = {
  /** Reminder bookkeeping per user and title. */
  reminders: defineTable({
    userId: v.id("users"),
    tmdbId: v.number(),
    lastSentAt: v.optional(v.number()),
    snoozedUntil: v.optional(v.number()),
    muted: v.boolean(),
    /** When the last episode of this show was marked (the one write path sets it). */
    lastMarkedAt: v.optional(v.number()),
    /** When the next stalled-show reminder is due; absent = none is (the scan reads only due rows). */
    dueAt: v.optional(v.number()),
    /** The user's settings as of the last change (so a mark reads only this row): their days, and reminders off. */
    days: v.optional(v.number()),
    remindersOff: v.optional(v.boolean()),
    /** The last new-episode alert queued for this show ("S3E5"), so one airing alerts once. */
    alertedEpisode: v.optional(v.string()),
    /** When that alert was queued: new episodes are a fresh reason to remind, like a mark. */
    alertedAt: v.optional(v.number()),
  })
    .index("by_user_show", ["userId", "tmdbId"])
    .index("by_show", ["tmdbId"])
    .index("by_due", ["dueAt"])
    .index("by_user_due", ["userId", "dueAt"]),

  /** A show someone follows, checked against TMDB once a day (per show, however many follow it) for a newly aired episode. */
  airing_shows: defineTable({
    tmdbId: v.number(),
    /** The latest episode TMDB says has aired, as of the last check; absent before the first. */
    lastAired: v.optional(v.object({ season: v.number(), episode: v.number() })),
    checkAt: v.number(),
    /** Checks failed in a row (TMDB down or slow): the next one comes sooner than tomorrow, backing off. */
    failures: v.optional(v.number()),
  })
    .index("by_tmdb", ["tmdbId"])
    .index("by_check", ["checkAt"]),

  /** A reminder DM to deliver: claimed and rendered by the scan in the same transaction that advanced its rows, so it exists once. */
  reminder_sends: defineTable({
    userId: v.id("users"),
    discordUserId: v.string(),
    body: v.any(),
    /** enforce_nonce: a retried post returns the first message instead of a second. */
    nonce: v.string(),
    tmdbIds: v.array(v.number()),
    state: v.union(v.literal("pending"), v.literal("sent"), v.literal("undeliverable")),
    attempts: v.number(),
    messageId: v.optional(v.string()),
    createdAt: v.number(),
    /** Not before (the end of the person's quiet hours, for a new-episode alert). */
    sendAt: v.optional(v.number()),
  })
    .index("by_user", ["userId", "createdAt"])
    .index("by_message", ["messageId"])
    .index("by_created", ["createdAt"]),
};
