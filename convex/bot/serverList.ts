// The bot's API for the server's list (/list, and a title card's Suggest for movie night). Every
// function goes through a builder from lib/botFunctions (shared secret, acting Discord user in
// ctx.actor, write budget); the rules live in model/serverList.ts, polls in serverList/jobs.ts.
// The bot passes the server (and, for a poll, the channel) of the interaction, and whether the
// member has Manage Server there.
import { v } from "convex/values";
import { botMutation, botQuery } from "../lib/botFunctions";
import { mediaTypeValidator } from "../lib/validators";
import { ownLists } from "../model/lists";
import { addFromOwnList, addToList, listPage, parseGuildId, removeFromList, searchList, setLocked } from "../model/serverList";
import { pickFromList, startListPoll } from "../model/serverListChoosing";

const entry = v.object({
  entryId: v.id("server_list_entries"),
  tmdbId: v.number(),
  mediaType: mediaTypeValidator,
  title: v.string(),
  year: v.optional(v.number()),
  runtime: v.optional(v.number()),
  episodes: v.optional(v.number()),
  suggestedBy: v.string(),
  suggestedByName: v.string(),
  seen: v.number(),
  votes: v.number(),
});

const sort = v.union(v.literal("added"), v.literal("votes"), v.literal("random"));
const position = v.object({
  sort,
  page: v.number(),
  start: v.optional(v.number()),
  key: v.optional(v.number()),
  seq: v.optional(v.number()),
});

/** A title as the bot found it on TMDB. */
const title = v.object({
  tmdbId: v.number(),
  mediaType: mediaTypeValidator,
  title: v.string(),
  year: v.optional(v.number()),
  runtime: v.optional(v.number()),
  episodes: v.optional(v.number()),
});

/** A page of the list: ten titles, reading a handful of documents whatever its size. */
export const show = botQuery({
  args: { discordUserId: v.string(), guildId: v.string(), position },
  returns: v.object({
    entries: v.array(entry),
    listed: v.number(),
    members: v.number(),
    locked: v.boolean(),
    page: v.number(),
    pages: v.number(),
    next: v.union(v.null(), position),
  }),
  handler: async (ctx, args) => await listPage(ctx, { guildId: args.guildId, position: args.position }),
});

/** The list's titles matching what is typed (/list remove's autocomplete). */
export const titles = botQuery({
  args: { discordUserId: v.string(), guildId: v.string(), typed: v.string() },
  returns: v.array(v.object({ tmdbId: v.number(), mediaType: mediaTypeValidator, title: v.string(), year: v.optional(v.number()) })),
  handler: async (ctx, args) => await searchList(ctx, args.guildId, args.typed.slice(0, 100)),
});

/** The member's own custom lists (the web app's), for /list add-from's autocomplete. */
export const myLists = botQuery({
  args: { discordUserId: v.string() },
  returns: v.array(v.object({ listId: v.id("lists"), name: v.string() })),
  handler: async (ctx) => {
    const userId = await ctx.actor.userId();
    if (userId === null) return [];
    const lists = await ownLists(ctx, userId);
    return lists.sort((a, b) => a.sortOrder - b.sortOrder).map((l) => ({ listId: l._id, name: l.name }));
  },
});

export const add = botMutation({
  args: { guildId: v.string(), name: v.string(), canManageServer: v.boolean(), title },
  returns: v.object({ entry, already: v.boolean(), members: v.number(), mine: v.number() }),
  handler: async (ctx, args) => await addToList(ctx, ctx.actor, args),
});

export const addFrom = botMutation({
  args: { guildId: v.string(), name: v.string(), canManageServer: v.boolean(), listId: v.string() },
  returns: v.object({ listName: v.string(), added: v.array(entry), already: v.number(), left: v.number(), cap: v.number() }),
  handler: async (ctx, args) => await addFromOwnList(ctx, ctx.actor, args),
});

export const remove = botMutation({
  args: { guildId: v.string(), tmdbId: v.number(), mediaType: mediaTypeValidator, canManageServer: v.boolean() },
  returns: v.object({ entry, listed: v.number() }),
  handler: async (ctx, args) => await removeFromList(ctx, ctx.actor, args),
});

/** `/list lock` and `/list unlock`. */
export const setLock = botMutation({
  args: { guildId: v.string(), locked: v.boolean(), canManageServer: v.boolean() },
  returns: v.object({ locked: v.boolean(), changed: v.boolean(), listed: v.number() }),
  handler: async (ctx, args) => {
    parseGuildId(args.guildId);
    return await setLocked(ctx, args);
  },
});

/** `/list pick` and Draw again (`previous`: the title just shown, not drawn again unless it is the only one). */
export const pick = botMutation({
  args: { guildId: v.string(), unseen: v.boolean(), previous: v.optional(v.string()) },
  returns: v.object({ entry, members: v.number(), listed: v.number(), unseen: v.boolean() }),
  handler: async (ctx, args) => await pickFromList(ctx, ctx.actor, args),
});

/** `/list poll`: Convex posts the poll in the channel and posts the winner when it closes. */
export const startPoll = botMutation({
  args: { guildId: v.string(), channelId: v.string(), count: v.optional(v.number()), hours: v.number() },
  returns: v.object({ count: v.number(), closesAt: v.number(), channelId: v.string(), entries: v.array(entry), members: v.number() }),
  handler: async (ctx, args) => await startListPoll(ctx, ctx.actor, args),
});
