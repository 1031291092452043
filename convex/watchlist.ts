// The web app's API (docs/web-api.md): the same names, arguments and results its
// client relies on, authenticated through Clerk (identity.subject → users.tokenIdentifier).
// Reads without a user answer [] or null; writes without one throw Error("Unauthorized").
// Where this differs from the original (ownership checks, bounded reads, validation the
// client never trips) the comment on the function says so.
import { doc } from "convex-helpers/validators";
import { ConvexError, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation, mutation, query, type MutationCtx } from "./_generated/server";
import { continueBackfillRun, startBackfill } from "./model/backfill";
import { batchSize, watchedBatch, type SeasonEpisodes } from "./model/episodes";
import { addListItem, createList, deleteList, listItemsView, ownLists, toggleItem, updateList } from "./model/lists";
import { spendWebWrite, webWriteCost } from "./model/throttle";
import { boundWebBatch, forgetAutoStatus, markEpisodes } from "./model/tracking";
import { isKnownStatus, parseTmdbId, reactionMeaning, statusMeaning, WEB_STATUS } from "./model/vocabulary";
import {
  mergeMetadata,
  reportPlayback,
  setMembership,
  setProgressStatus as writeProgressStatus,
  setReaction as writeReaction,
  upsertLegacy,
} from "./model/watchItems";
import { webReader, webWriter } from "./model/webUsers";
import schema from "./schema";
import { itemMetadataArgs, seasonEpisodesValidator, type MediaType, type Reaction } from "./lib/validators";

const watchItemDoc = doc(schema, "watch_items");
const episodeDoc = doc(schema, "episode_progress");
const listItemView = v.object({
  ...doc(schema, "list_items").fields,
  progressStatus: v.optional(v.string()),
  reaction: v.optional(v.string()),
});

function webMediaType(value: string): MediaType {
  if (value === "movie" || value === "tv") return value;
  throw new ConvexError(`Unknown media type "${value.slice(0, 20)}"`);
}

/** A status argument in any vocabulary the app has used; the original stored unknown ones, this refuses them. */
function webStatus(value: string): string {
  if (!isKnownStatus(value)) throw new ConvexError(`Unknown status "${value.slice(0, 40)}"`);
  return value;
}

/** A reaction argument; the original stored any string, this refuses what no client sends. */
function webReaction(value: string): Reaction {
  const reaction = reactionMeaning(value);
  if (reaction === undefined) throw new ConvexError(`Unknown reaction "${value.slice(0, 40)}"`);
  return reaction;
}

/**
 * The signed-in caller, once the call's tokens are spent from their web write budget
 * (model/throttle.ts: generous enough for the client's import and TV page, refused with
 * a message it can show beyond that). A call that then fails spends nothing.
 */
async function webWrite(ctx: MutationCtx, cost = 1): Promise<Id<"users">> {
  const userId = await webWriter(ctx);
  await spendWebWrite(ctx, userId, cost);
  return userId;
}

/** Marks a batch the caller named, bounded by what the show holds; one token per call, more for a long batch. */
async function markForWeb(ctx: MutationCtx, tmdbId: number, seasons: SeasonEpisodes[], isWatched: boolean) {
  const userId = await webWriter(ctx);
  const id = parseTmdbId(tmdbId);
  const batch = await boundWebBatch(ctx, id, seasons);
  await spendWebWrite(ctx, userId, webWriteCost(batchSize(batch)));
  await markEpisodes(ctx, userId, { tmdbId: id, batch, isWatched, description: "", followStatus: false });
}

// ── Queries ──────────────────────────────────────────────────────────────────

/**
 * The caller's watchlist: whole watch_items documents with inWatchlist true or absent
 * (the client sorts). Read through the membership index, so titles tracked off the
 * watchlist are never read (the original filtered every row in memory).
 */
export const getWatchlist = query({
  args: {},
  returns: v.array(watchItemDoc),
  handler: async (ctx) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    const ranges = await Promise.all(
      [true, undefined].map((member) =>
        ctx.db
          .query("watch_items")
          .withIndex("by_user_member_updated", (q) => q.eq("userId", user._id).eq("inWatchlist", member))
          .collect(),
      ),
    );
    return ranges.flat();
  },
});

/** The caller's watch_items document for one title, flat, whatever its membership; or null. */
export const getMediaState = query({
  args: { tmdbId: v.number(), mediaType: v.string() },
  returns: v.union(watchItemDoc, v.null()),
  handler: async (ctx, args) => {
    const user = await webReader(ctx);
    if (user === null) return null;
    return await ctx.db
      .query("watch_items")
      .withIndex("by_user_media", (q) => q.eq("userId", user._id).eq("tmdbId", args.tmdbId).eq("mediaType", args.mediaType))
      .first();
  },
});

/** Every episode row of one show for the caller, unwatched ones too (the TV page counts them). */
export const getAllWatchedEpisodes = query({
  args: { tmdbId: v.number() },
  returns: v.array(episodeDoc),
  handler: async (ctx, args) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    return await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", user._id).eq("tmdbId", args.tmdbId))
      .collect();
  },
});

/**
 * The caller's episode rows for the /watchlist export. Only watched rows, through an
 * index: the export keeps only those, and the original read every row (unwatched ones
 * too), which could pass Convex's per-query read limit on a large library.
 */
export const getAllEpisodeProgress = query({
  args: {},
  returns: v.array(episodeDoc),
  handler: async (ctx) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    return await ctx.db
      .query("episode_progress")
      .withIndex("by_user_watched", (q) => q.eq("userId", user._id).eq("isWatched", true))
      .collect();
  },
});

export const getCustomLists = query({
  args: {},
  returns: v.array(doc(schema, "lists")),
  handler: async (ctx) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    return await ownLists(ctx, user._id);
  },
});

/** A list's items with display data; only for the list's owner (the original answered anyone). */
export const getListItems = query({
  args: { listId: v.id("lists") },
  returns: v.array(listItemView),
  handler: async (ctx, args) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    return await listItemsView(ctx, user._id, args.listId);
  },
});

/** The caller's lists that hold the title. */
export const getItemLists = query({
  args: { tmdbId: v.number(), mediaType: v.string() },
  returns: v.array(v.id("lists")),
  handler: async (ctx, args) => {
    const user = await webReader(ctx);
    if (user === null) return [];
    const items = await ctx.db
      .query("list_items")
      .withIndex("by_user_media", (q) => q.eq("userId", user._id).eq("tmdbId", args.tmdbId).eq("mediaType", args.mediaType))
      .collect();
    return [...new Set(items.map((item) => item.listId))];
  },
});

// ── Title mutations ──────────────────────────────────────────────────────────

/** Adds (or soft-removes) a title; status, progress and reaction are kept either way. */
export const setWatchlistMembership = mutation({
  args: { tmdbId: v.number(), mediaType: v.string(), inWatchlist: v.boolean(), ...itemMetadataArgs },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const userId = await webWrite(ctx);
    await setMembership(ctx, userId, { ...args, mediaType });
    return null;
  },
});

/** Stores the status in the app's current words (any vocabulary accepted); progress follows it unless given. */
export const setProgressStatus = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    progressStatus: v.string(),
    progress: v.optional(v.number()),
    ...itemMetadataArgs,
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const progressStatus = WEB_STATUS[statusMeaning(webStatus(args.progressStatus))!];
    const userId = await webWrite(ctx);
    await writeProgressStatus(ctx, userId, { ...args, mediaType, progressStatus });
    if (mediaType === "tv") await forgetAutoStatus(ctx, userId, args.tmdbId);
    return null;
  },
});

/** Sets a reaction, or removes it with clearReaction (null is also read as "clear", as the seed had it). */
export const setReaction = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    reaction: v.optional(v.union(v.string(), v.null())),
    clearReaction: v.optional(v.boolean()),
    ...itemMetadataArgs,
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const { clearReaction, reaction: given, ...rest } = args;
    const reaction = clearReaction === true || given === null ? null : given === undefined ? undefined : webReaction(given);
    const userId = await webWrite(ctx);
    if (reaction === undefined) {
      // Neither a reaction nor a clear: only the display data, on a row that exists.
      await mergeMetadata(ctx, userId, { ...rest, mediaType });
      return null;
    }
    await writeReaction(ctx, userId, { ...rest, mediaType, reaction });
    return null;
  },
});

/**
 * The TV page's menu: optionally a status (stored as sent; progress as given, else kept),
 * then episodes — clearAllEpisodes, or unwatching with any seasons, unwatches every
 * watched episode of the show; otherwise each listed episode is set.
 */
export const markShowEpisodesAndStatus = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    seasons: v.array(seasonEpisodesValidator),
    isWatched: v.boolean(),
    clearAllEpisodes: v.optional(v.boolean()),
    progressStatus: v.optional(v.string()),
    progress: v.optional(v.number()),
    ...itemMetadataArgs,
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const progressStatus = args.progressStatus === undefined ? undefined : webStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await webWriter(ctx);
    // Unwatching takes the caller's own watched rows (the list sent is ignored); watching is
    // bounded by what the show holds. One budget spend covers the status and the episodes.
    const unwatchAll = args.clearAllEpisodes === true || (!args.isWatched && args.seasons.length > 0);
    const batch = unwatchAll
      ? await watchedBatch(ctx, userId, tmdbId)
      : args.seasons.length > 0
        ? await boundWebBatch(ctx, tmdbId, args.seasons)
        : [];
    await spendWebWrite(ctx, userId, webWriteCost(batchSize(batch)));
    if (progressStatus !== undefined) {
      const { seasons: _s, isWatched: _w, clearAllEpisodes: _c, ...rest } = args;
      await writeProgressStatus(ctx, userId, { ...rest, tmdbId, mediaType, progressStatus }, "stored");
      await forgetAutoStatus(ctx, userId, tmdbId);
    }
    if (batch.length > 0) {
      await markEpisodes(ctx, userId, {
        tmdbId,
        batch,
        isWatched: unwatchAll ? false : args.isWatched,
        description: "",
        followStatus: false,
      });
    }
    return null;
  },
});

const episodeArgs = { tmdbId: v.number(), season: v.number(), episode: v.number(), isWatched: v.boolean() };

/** Sets one episode; an unwatched episode without a row gets none. */
export const markEpisodeWatched = mutation({
  args: episodeArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    await markForWeb(ctx, args.tmdbId, [{ season: args.season, episodes: [args.episode] }], args.isWatched);
    return null;
  },
});

/** The import's per-episode call: the same as markEpisodeWatched. */
export const syncEpisodeProgressItem = mutation({
  args: episodeArgs,
  returns: v.null(),
  handler: async (ctx, args) => {
    await markForWeb(ctx, args.tmdbId, [{ season: args.season, episodes: [args.episode] }], args.isWatched);
    return null;
  },
});

export const markSeasonEpisodesWatched = mutation({
  args: { tmdbId: v.number(), season: v.number(), episodes: v.array(v.number()), isWatched: v.boolean() },
  returns: v.null(),
  handler: async (ctx, args) => {
    await markForWeb(ctx, args.tmdbId, [{ season: args.season, episodes: args.episodes }], args.isWatched);
    return null;
  },
});

/** The player's report. `status` is accepted, as the client sends it, and not used (as in the original). */
export const updateProgress = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    progress: v.optional(v.number()),
    status: v.optional(v.string()),
    isWatched: v.optional(v.boolean()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const userId = await webWrite(ctx);
    await reportPlayback(ctx, userId, { tmdbId: args.tmdbId, mediaType, progress: args.progress, isWatched: args.isWatched });
    return null;
  },
});

/** The first API's add (client stopped using it 2026-02-21): stores `status` and what it means. */
export const upsertWatchlistItem = mutation({
  args: { tmdbId: v.number(), mediaType: v.string(), status: v.string(), progress: v.optional(v.number()), ...itemMetadataArgs },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const userId = await webWrite(ctx);
    await upsertLegacy(ctx, userId, { ...args, mediaType });
    return null;
  },
});

/** The first API's remove: a soft remove, as setWatchlistMembership(false). */
export const removeWatchlistItem = mutation({
  args: { tmdbId: v.number(), mediaType: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const mediaType = webMediaType(args.mediaType);
    const userId = await webWrite(ctx);
    await setMembership(ctx, userId, { tmdbId: args.tmdbId, mediaType, inWatchlist: false });
    return null;
  },
});

// ── Custom lists ─────────────────────────────────────────────────────────────

export const createCustomList = mutation({
  args: { name: v.string(), color: v.optional(v.string()) },
  returns: v.id("lists"),
  handler: async (ctx, args) => await createList(ctx, await webWrite(ctx), args),
});

export const createCustomListAndAddItem = mutation({
  args: { name: v.string(), color: v.optional(v.string()), tmdbId: v.number(), mediaType: v.string(), ...itemMetadataArgs },
  returns: v.id("lists"),
  handler: async (ctx, args) => {
    const userId = await webWrite(ctx);
    const { name, color, ...item } = args;
    const listId = await createList(ctx, userId, { name, color });
    await addListItem(ctx, userId, listId, { ...item, mediaType: webMediaType(item.mediaType) });
    return listId;
  },
});

export const updateCustomList = mutation({
  args: { listId: v.id("lists"), name: v.optional(v.string()), color: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    await updateList(ctx, await webWrite(ctx), args);
    return null;
  },
});

export const deleteCustomList = mutation({
  args: { listId: v.id("lists") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await deleteList(ctx, await webWrite(ctx), args.listId);
    return null;
  },
});

/** Adds the title to one of the caller's lists or removes it; true when it is now in. Owner only (the original skipped the check). */
export const toggleListItem = mutation({
  args: { listId: v.id("lists"), tmdbId: v.number(), mediaType: v.string(), ...itemMetadataArgs },
  returns: v.boolean(),
  handler: async (ctx, args) => await toggleItem(ctx, await webWrite(ctx), { ...args, mediaType: webMediaType(args.mediaType) }),
});

// ── Migrations the web app exposes ───────────────────────────────────────────

/**
 * Writes the split-model fields the caller's legacy rows imply (only the legacy
 * combined `status` is mapped; values already stored stay). Large libraries continue in
 * scheduled pages. updatedAt is left alone: a migration is not the user's activity.
 */
export const backfillWatchItems = mutation({
  args: {},
  returns: v.object({ scanned: v.number(), updated: v.number(), continuing: v.boolean() }),
  handler: async (ctx) => {
    const userId = await webWrite(ctx);
    return await startBackfill(ctx, userId, Date.now(), true);
  },
});

/** The next page of a user's backfill (runId absent only for pages scheduled before runs were tracked). */
export const continueBackfill = internalMutation({
  args: { userId: v.id("users"), cursor: v.union(v.string(), v.null()), runId: v.optional(v.id("backfill_runs")) },
  handler: async (ctx, args) => {
    await continueBackfillRun(ctx, args.userId, args.cursor, args.runId, Date.now());
  },
});

/**
 * The deployment-wide backfill: every user's library, a page of users at a time.
 * Run once with `npx convex run watchlist:backfillAllUsers`.
 */
export const backfillAllUsers = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx, args) => {
    const users = await ctx.db.query("users").paginate({ cursor: args.cursor ?? null, numItems: 50 });
    // A user whose own backfill is running keeps that one.
    for (const user of users.page) await startBackfill(ctx, user._id, Date.now(), false);
    if (!users.isDone) await ctx.scheduler.runAfter(0, internal.watchlist.backfillAllUsers, { cursor: users.continueCursor });
    return { users: users.page.length, continuing: !users.isDone };
  },
});

/** Rows one migrateStatusCategories transaction rewrites before scheduling the rest. */
const MIGRATE_PAGE = 2_000;

/**
 * The web app's own normalisation: each of the caller's rows whose progressStatus means
 * something else in today's words gets today's word (+updatedAt); unknown values stay.
 * Returns {migrated, total} for the first page; a larger library continues scheduled.
 */
export const migrateStatusCategories = mutation({
  args: {},
  returns: v.object({ migrated: v.number(), total: v.number(), continuing: v.boolean() }),
  handler: async (ctx) => {
    const userId = await webWrite(ctx);
    return await migrateCategoriesPage(ctx, userId, undefined);
  },
});

export const continueMigrateStatusCategories = internalMutation({
  args: { userId: v.id("users"), after: v.number() },
  handler: async (ctx, args) => {
    await migrateCategoriesPage(ctx, args.userId, args.after);
  },
});

async function migrateCategoriesPage(ctx: MutationCtx, userId: Id<"users">, after: number | undefined) {
  const rows = await ctx.db
    .query("watch_items")
    .withIndex("by_user", (q) => (after === undefined ? q.eq("userId", userId) : q.eq("userId", userId).gt("_creationTime", after)))
    .take(MIGRATE_PAGE);
  let migrated = 0;
  const now = Date.now();
  for (const row of rows) {
    const meaning = statusMeaning(row.progressStatus);
    if (meaning !== undefined && WEB_STATUS[meaning] !== row.progressStatus) {
      await ctx.db.patch(row._id, { progressStatus: WEB_STATUS[meaning], updatedAt: now });
      migrated++;
    }
  }
  const last = rows[rows.length - 1];
  const continuing = rows.length === MIGRATE_PAGE && last !== undefined;
  if (continuing) {
    await ctx.scheduler.runAfter(0, internal.watchlist.continueMigrateStatusCategories, { userId, after: last._creationTime });
  }
  return { migrated, total: rows.length, continuing };
}
