// The bot's account tables: Discord ↔ Film Fanatic links, link requests, merges and Clerk's webhook state.
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const accountTables = {
  /** Discord user ↔ Film Fanatic user. Clerk cannot look users up by Discord id. */
  discord_accounts: defineTable({
    discordUserId: v.string(),
    userId: v.id("users"),
    username: v.optional(v.string()),
    /** Set when the account was linked to a Clerk user; absent for a Discord-only profile. */
    linkedAt: v.optional(v.number()),
    /** How it was linked: "oauth" (Clerk's Discord connection, from webhooks) or "code" (/link). */
    linkedVia: v.optional(v.string()),
    /** Whether other members may see this user's list with `/watch list user:`. */
    listPublic: v.boolean(),
    remindersEnabled: v.boolean(),
    createdAt: v.number(),
    /** Write budget (token bucket, model/throttle.ts): tokens left at writeTokensAt. Absent = full. */
    writeTokens: v.optional(v.number()),
    writeTokensAt: v.optional(v.number()),
    // Reminders (model/reminders.ts). Absent = the documented defaults.
    /** IANA time zone (quiet hours are kept in it). */
    timeZone: v.optional(v.string()),
    /** Days without a mark before a show counts as stalled (default 7). */
    reminderDays: v.optional(v.number()),
    /** Quiet hours, minutes after local midnight; the window may wrap past midnight. */
    quietHours: v.optional(v.object({ start: v.number(), end: v.number() })),
    /** A DM was refused with 50007: nothing more is sent until they next use the bot. */
    dmsClosedAt: v.optional(v.number()),
    /** When the last reminder or alert DM went out (one a day). */
    lastDmAt: v.optional(v.number()),
    /** An /account export is being prepared since then (one at a time; the lease lapses after 10 minutes). */
    exportStartedAt: v.optional(v.number()),
    /** Their Discord language ("de", "pt-BR"), as their last write said: the language of the DMs Convex sends them. */
    locale: v.optional(v.string()),
  })
    .index("by_discord", ["discordUserId"])
    .index("by_user", ["userId"]),

  /** One-time, expiring state for the account-link flow (convex/model/link.ts). */
  link_requests: defineTable({
    /** SHA-256 (hex) of the one-time code; the code itself is never stored. */
    state: v.string(),
    discordUserId: v.string(),
    expiresAt: v.number(),
    usedAt: v.optional(v.number()),
    /** What the link page shows: whose Discord account is being linked. */
    discordName: v.optional(v.string()),
    avatarUrl: v.optional(v.string()),
    /** The /link interaction, for the confirmation follow-up while its token is valid. */
    applicationId: v.optional(v.string()),
    interactionToken: v.optional(v.string()),
    createdAt: v.optional(v.number()),
  })
    .index("by_state", ["state"])
    .index("by_discord", ["discordUserId"])
    .index("by_expires", ["expiresAt"]),

  /**
   * A guest profile's data moving into a Clerk user's profile (or being deleted when
   * `toUserId` is absent), in scheduled chunks that resume after a failure (model/merge.ts).
   */
  link_merges: defineTable({
    discordUserId: v.string(),
    fromUserId: v.id("users"),
    toUserId: v.optional(v.id("users")),
    phase: v.string(),
    moved: v.number(),
    state: v.union(v.literal("running"), v.literal("done"), v.literal("failed")),
    attempts: v.number(),
    lastError: v.optional(v.string()),
    startedAt: v.number(),
    updatedAt: v.number(),
    finishedAt: v.optional(v.number()),
    /** Clerk asked to unlink (user deleted, Discord disconnected) while this ran: done when it finishes. */
    unlinkWhenDone: v.optional(v.boolean()),
  })
    .index("by_from", ["fromUserId"])
    .index("by_to_state", ["toUserId", "state"])
    .index("by_discord", ["discordUserId"]),

  /** Clerk webhook deliveries already handled, by `svix-id`: a redelivery is answered, not applied again. Kept 7 days. */
  clerk_webhook_deliveries: defineTable({
    svixId: v.string(),
    receivedAt: v.number(),
  })
    .index("by_svix", ["svixId"])
    .index("by_received", ["receivedAt"]),

  /**
   * What the Clerk webhooks last applied per Clerk user: an event is applied only when its
   * `data.updated_at` is newer, and a deleted user stays deleted (model/clerkEvents.ts).
   */
  clerk_users: defineTable({
    clerkUserId: v.string(),
    /** `data.updated_at` of the last applied user.created / user.updated. */
    updatedAt: v.number(),
    /** Set by user.deleted: later events for this user are ignored. */
    deletedAt: v.optional(v.number()),
    /** The user's Discord connection in the last applied event: Clerk's id for it, and the Discord user. */
    discordConnectionId: v.optional(v.string()),
    discordUserId: v.optional(v.string()),
  }).index("by_clerk", ["clerkUserId"]),

  /**
   * A person's own unlink or deletion of their Discord data: the webhooks don't link this Discord
   * account again until they link it themselves (/link, or a Discord connection made in Clerk
   * after `at`). Holds only the Discord id, the time and the Clerk connection id then in use.
   */
  discord_unlinks: defineTable({
    discordUserId: v.string(),
    at: v.number(),
    connectionId: v.optional(v.string()),
    /** Clerk reported the connection gone since: the next one is made anew. */
    disconnectedAt: v.optional(v.number()),
  }).index("by_discord", ["discordUserId"]),
};
