// The server's list for movie nights (/list): titles members suggest, who of the server has seen
// them, and native polls on them. See convex/model/serverList.ts.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { mediaTypeValidator } from "../lib/validators";

export const serverListTables = {
  /** One list per server: its lock, its counters, and when its "seen" counts were last redone. */
  server_lists: defineTable({
    guildId: v.string(),
    locked: v.boolean(),
    /** Titles on the list now (not yet watched). */
    listed: v.number(),
    /** The next entry's number: the order titles were added in, and the "added" pages' cursor. */
    nextSeq: v.number(),
    /** Members counted for "seen" (server_list_members rows). */
    members: v.number(),
    /** The latest recount of every entry's seen count that was asked for; older jobs stop. */
    recountGeneration: v.number(),
    recountRequestedAt: v.optional(v.number()),
    /** When a recount last went through the whole list. */
    countedAt: v.optional(v.number()),
    updatedAt: v.number(),
  }).index("by_guild", ["guildId"]),

  /** A title on a server's list (state "listed"), or one the server watched together ("watched"). */
  server_list_entries: defineTable({
    guildId: v.string(),
    tmdbId: v.number(),
    mediaType: mediaTypeValidator,
    title: v.string(),
    year: v.optional(v.number()),
    /** Minutes (movies). */
    runtime: v.optional(v.number()),
    /** Episodes (shows). */
    episodes: v.optional(v.number()),
    suggestedBy: v.string(),
    suggestedByName: v.string(),
    addedAt: v.number(),
    seq: v.number(),
    /** A random key: "random" pages walk the list in this order from a random point. */
    shuffle: v.number(),
    /** How many of the server's counted members have finished it, as of the last count. */
    seen: v.number(),
    /** Votes it got in the server's closed polls. */
    votes: v.number(),
    state: v.union(v.literal("listed"), v.literal("watched")),
    watchedAt: v.optional(v.number()),
  })
    .index("by_guild_state_seq", ["guildId", "state", "seq"])
    .index("by_guild_state_votes", ["guildId", "state", "votes", "seq"])
    .index("by_guild_state_shuffle", ["guildId", "state", "shuffle"])
    .index("by_guild_state_suggester", ["guildId", "state", "suggestedBy"])
    .index("by_guild_title", ["guildId", "tmdbId", "mediaType"])
    .index("by_suggester", ["suggestedBy"]),

  /** The server's members whose own tracking says what the server has seen: everyone who used the list there. */
  server_list_members: defineTable({
    guildId: v.string(),
    discordUserId: v.string(),
    joinedAt: v.number(),
  })
    .index("by_guild", ["guildId", "discordUserId"])
    .index("by_member", ["discordUserId"]),

  /** A native poll of titles from the list; when it closes the winner is posted with Schedule it. */
  server_list_polls: defineTable({
    guildId: v.string(),
    channelId: v.string(),
    createdBy: v.string(),
    /** The titles in the poll's answer order (Discord's answer_id is the index + 1). */
    options: v.array(
      v.object({ entryId: v.id("server_list_entries"), tmdbId: v.number(), mediaType: mediaTypeValidator, label: v.string() }),
    ),
    closesAt: v.number(),
    createdAt: v.number(),
    state: v.union(v.literal("posting"), v.literal("open"), v.literal("closed")),
    messageId: v.optional(v.string()),
    /** The winning answer's index, or null when nobody voted. */
    winner: v.optional(v.union(v.number(), v.null())),
  }).index("by_guild_state", ["guildId", "state"]),
};
