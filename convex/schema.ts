import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { mediaTypeValidator, showSeasonValidator } from "./lib/validators";

export default defineSchema({
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

  // ── The bot's tables ───────────────────────────────────────────────────────
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

  /** A watch party bound to one guild channel and one show (optionally one season). See convex/model/parties.ts. */
  parties: defineTable({
    guildId: v.string(),
    channelId: v.string(),
    tmdbId: v.number(),
    mediaType: mediaTypeValidator,
    season: v.optional(v.number()),
    title: v.string(),
    /** The host's own name for the party. */
    name: v.optional(v.string()),
    hostDiscordUserId: v.string(),
    hostName: v.optional(v.string()),
    /** Nobody has been in it since then (it has no host, "", and ends by itself a while later). */
    emptySince: v.optional(v.number()),
    state: v.union(v.literal("active"), v.literal("ended")),
    nextSessionAt: v.optional(v.number()),
    memberCount: v.optional(v.number()),
    // The live board (model/board.ts): every write that moves a member bumps boardVersion in
    // its own transaction; the publisher publishes until boardPublishedVersion catches up.
    boardMessageId: v.optional(v.string()),
    boardVersion: v.optional(v.number()),
    boardPublishedVersion: v.optional(v.number()),
    /** A publish is scheduled or running; writes meanwhile only bump the version. */
    boardPending: v.optional(v.boolean()),
    /** Re-runs the publisher if a run dies between claiming and finishing. */
    boardWatchdog: v.optional(v.id("_scheduled_functions")),
    boardAttempts: v.optional(v.number()),
    /** The nonce of the post in progress (enforce_nonce makes a repeated post return the first). */
    boardNonce: v.optional(v.string()),
    boardPosts: v.optional(v.number()),
    boardDirtyAt: v.optional(v.number()),
    boardPublishedAt: v.optional(v.number()),
    /** Publishing stopped: the channel is gone or the bot lost a permission there. */
    paused: v.optional(v.object({ reason: v.string(), at: v.number(), hostTold: v.boolean(), channelGone: v.optional(v.boolean()) })),
    /** Sessions (model/sessions.ts): minutes before a session its reminder goes out (absent = 15). */
    sessionReminderMinutes: v.optional(v.number()),
    /** When the host was told the bot lacks Create Events for Discord's Events (told once). */
    eventsPermissionToldAt: v.optional(v.number()),
    createdAt: v.number(),
  })
    .index("by_channel_state", ["channelId", "state"])
    .index("by_guild_state", ["guildId", "state"])
    .index("by_host_state", ["hostDiscordUserId", "state"]),

  party_members: defineTable({
    partyId: v.id("parties"),
    discordUserId: v.string(),
    userId: v.id("users"),
    displayName: v.optional(v.string()),
    /** The party's show and whether the party is active: one indexed read finds the boards a write moves. */
    tmdbId: v.optional(v.number()),
    active: v.optional(v.boolean()),
    joinedAt: v.number(),
  })
    .index("by_party", ["partyId", "discordUserId"])
    .index("by_member", ["discordUserId"])
    .index("by_user_show_active", ["userId", "tmdbId", "active"]),

  /** Per channel: when the next board post or edit may go out (posts and edits share Discord's per-channel bucket). */
  board_channels: defineTable({
    channelId: v.string(),
    nextAt: v.number(),
  }).index("by_channel", ["channelId"]),

  /** "We watched S1E5–E6 — were you there?": who clicks "I was there" gets these marked, until it expires. */
  party_prompts: defineTable({
    partyId: v.id("parties"),
    tmdbId: v.number(),
    season: v.number(),
    episodes: v.array(v.number()),
    createdBy: v.string(),
    expiresAt: v.number(),
    /** Made by the board's We watched together button (a second press within a minute is a double click). */
    fromButton: v.optional(v.boolean()),
  })
    .index("by_party", ["partyId"])
    .index("by_expires", ["expiresAt"]),

  /**
   * A scheduled watch-along of a party (convex/model/sessions.ts): one "scheduled" per party at a
   * time; its timers post the reminder, the start and the "did you watch" prompt on the sandbox
   * or real clock, and a weekly one schedules the next when it ends.
   */
  party_sessions: defineTable({
    partyId: v.id("parties"),
    guildId: v.string(),
    channelId: v.string(),
    scheduledBy: v.string(),
    at: v.number(),
    /** The scheduler's IANA zone: a weekly session keeps its wall-clock time there. */
    zone: v.string(),
    repeat: v.union(v.literal("none"), v.literal("weekly")),
    state: v.union(v.literal("scheduled"), v.literal("started"), v.literal("ended"), v.literal("cancelled")),
    rsvps: v.array(v.object({ discordUserId: v.string(), name: v.string(), answer: v.union(v.literal("going"), v.literal("maybe"), v.literal("cant")), at: v.number() })),
    reminderMinutes: v.number(),
    /** The host's furthest episode when it started, so the prompt after it names what was watched. */
    startPosition: v.optional(v.union(v.null(), v.object({ season: v.number(), episode: v.number() }))),
    /** The Guild Scheduled Event: its id once created; `eventSync` is set while a create/update/delete is owed. */
    eventId: v.optional(v.string()),
    eventSync: v.optional(v.union(v.literal("create"), v.literal("update"), v.literal("delete"))),
    timers: v.array(v.id("_scheduled_functions")),
    /** Posts made for it (announce, reminder, start, after): each once, whatever retries happen. */
    posted: v.array(v.string()),
    /**
     * When the session took its current time: the mark its announcement's nonce is made from, so a
     * repeated announcement of the same time is the same post, and a time it comes back to is a new one.
     */
    announcedAt: v.optional(v.number()),
    /** The session post's message for each time it announced, so a move, cancel or start can edit it. */
    postMessages: v.optional(v.array(v.object({ at: v.number(), messageId: v.string() }))),
    createdAt: v.number(),
  })
    .index("by_party_state", ["partyId", "state"])
    .index("by_party_at", ["partyId", "at"]),

  /** "Choosing the night": a native poll of proposed session times; when it closes, the host confirms the winner. */
  party_polls: defineTable({
    partyId: v.id("parties"),
    channelId: v.string(),
    createdBy: v.string(),
    /** The proposed times, in the poll's answer order, with the text each answer shows. */
    options: v.array(v.object({ at: v.number(), label: v.string() })),
    closesAt: v.number(),
    state: v.union(v.literal("posting"), v.literal("open"), v.literal("closed")),
    messageId: v.optional(v.string()),
    winnerAt: v.optional(v.union(v.number(), v.null())),
    createdAt: v.number(),
  }).index("by_party", ["partyId", "state"]),

  /** Share posts the bot made, kept a day: one per user, title and channel a day, and a per-channel cap. */
  share_posts: defineTable({
    channelId: v.string(),
    discordUserId: v.string(),
    tmdbId: v.number(),
    mediaType: v.string(),
    sharedAt: v.number(),
  })
    .index("by_channel", ["channelId", "sharedAt"])
    .index("by_channel_user_title", ["channelId", "discordUserId", "tmdbId", "mediaType", "sharedAt"]),

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
});
