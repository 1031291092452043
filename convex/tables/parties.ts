// Watch parties: parties, members, boards, prompts, sessions, polls and share posts.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { mediaTypeValidator, reactionValidator } from "../lib/validators";

/** Where a film can be watched in one region (TMDB's watch providers, as the bot read them at /party start). */
export const watchProvidersValidator = v.object({
  /** ISO 3166-1 country code. */
  region: v.string(),
  /** TMDB's page for the film's providers there (JustWatch data). */
  link: v.optional(v.string()),
  stream: v.array(v.string()),
  rent: v.array(v.string()),
  buy: v.array(v.string()),
});

/** A movie party's film, as the board shows it. */
export const partyMovieValidator = v.object({
  year: v.optional(v.number()),
  /** Minutes. */
  runtime: v.optional(v.number()),
  posterUrl: v.optional(v.string()),
  /** Absent: TMDB knows of none in the server's region. */
  providers: v.optional(watchProvidersValidator),
});

export const partyTables = {
  /**
   * A watch party bound to one guild channel and one show (optionally one season), or one movie
   * (mediaType "movie": one night, `movie` holds what its board shows). See convex/model/parties.ts.
   */
  parties: defineTable({
    guildId: v.string(),
    channelId: v.string(),
    tmdbId: v.number(),
    mediaType: mediaTypeValidator,
    season: v.optional(v.number()),
    title: v.string(),
    movie: v.optional(partyMovieValidator),
    /**
     * How a movie party's latest night went, in counts only (who was there and who chose what stays
     * on its prompt, swept a week after it expires): the board keeps showing it after that.
     */
    movieNight: v.optional(
      v.object({
        at: v.number(),
        there: v.number(),
        reactions: v.object({ loved: v.number(), liked: v.number(), mixed: v.number(), "not-for-me": v.number() }),
      }),
    ),
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
    /** `/party threads on`: each session's start post gets a public thread for the talk (sessions/threads.ts). */
    threads: v.optional(v.boolean()),
    /** When the host was told the bot could not start a session's thread (told once per party). */
    threadsRefusedToldAt: v.optional(v.number()),
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

  /**
   * "We watched S1E5–E6 — were you there?": who clicks "I was there" gets these marked, until it
   * expires. A movie party's (`movie`: season 0, no episodes) marks the film finished and keeps who
   * was there and their reactions, which its board shows as counts.
   */
  party_prompts: defineTable({
    partyId: v.id("parties"),
    tmdbId: v.number(),
    season: v.number(),
    episodes: v.array(v.number()),
    movie: v.optional(v.literal(true)),
    /** A movie night's date: its session's start (or when the host said they watched it). */
    nightAt: v.optional(v.number()),
    attendees: v.optional(v.array(v.object({ discordUserId: v.string(), reaction: v.optional(reactionValidator) }))),
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
    rsvps: v.array(
      v.object({
        discordUserId: v.string(),
        name: v.string(),
        answer: v.union(v.literal("going"), v.literal("maybe"), v.literal("cant")),
        at: v.number(),
      }),
    ),
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
};
