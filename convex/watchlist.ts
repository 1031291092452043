// The web app's API (seed-schema.md): same names and arguments, authenticated
// through Clerk (identity.subject → users.tokenIdentifier).
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, mutation, query } from "./_generated/server";
import { backfillUserPage } from "./model/backfill";
import { readWatched } from "./model/episodes";
import { fail } from "./model/errors";
import { forgetAutoStatus, markEpisodes } from "./model/tracking";
import { currentUser, currentUserForWrite } from "./model/users";
import { parseMediaType, parseProgressStatus, parseReaction, parseTmdbId } from "./model/vocabulary";
import { findItem, setMembership, setProgressStatus as writeProgressStatus, setReaction as writeReaction, viewItem } from "./model/watchItems";
import { itemMetadataArgs, seasonEpisodesValidator } from "./validators";

export const getWatchlist = query({
  args: {},
  handler: async (ctx) => {
    const user = await currentUser(ctx);
    if (user === null) return [];
    const rows = await ctx.db
      .query("watch_items")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .collect();
    return rows.map(viewItem);
  },
});

export const getMediaState = query({
  args: { tmdbId: v.number(), mediaType: v.string() },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const user = await currentUser(ctx);
    if (user === null) return { item: null, watchedEpisodes: [] };
    const row = await findItem(ctx, user._id, args.tmdbId, mediaType);
    const watchedEpisodes: { season: number; episode: number }[] = [];
    if (mediaType === "tv") {
      const { watched } = await readWatched(ctx, user._id, args.tmdbId);
      for (const [season, episodes] of [...watched.entries()].sort(([a], [b]) => a - b)) {
        for (const episode of [...episodes].sort((a, b) => a - b)) watchedEpisodes.push({ season, episode });
      }
    }
    return { item: row === null ? null : viewItem(row), watchedEpisodes };
  },
});

export const getAllWatchedEpisodes = query({
  args: { tmdbId: v.number() },
  handler: async (ctx, args) => {
    const user = await currentUser(ctx);
    if (user === null) return [];
    const rows = await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", user._id).eq("tmdbId", args.tmdbId))
      .collect();
    return rows.filter((row) => row.isWatched);
  },
});

export const setWatchlistMembership = mutation({
  args: { tmdbId: v.number(), mediaType: v.string(), inWatchlist: v.boolean(), ...itemMetadataArgs },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const userId = await currentUserForWrite(ctx);
    return await setMembership(ctx, userId, { ...args, mediaType });
  },
});

export const setProgressStatus = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    progressStatus: v.string(),
    progress: v.optional(v.number()),
    ...itemMetadataArgs,
  },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const progressStatus = parseProgressStatus(args.progressStatus);
    const userId = await currentUserForWrite(ctx);
    const id = await writeProgressStatus(ctx, userId, { ...args, mediaType, progressStatus });
    if (mediaType === "tv") await forgetAutoStatus(ctx, userId, args.tmdbId);
    return id;
  },
});

export const setReaction = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    // null (or leaving it out) clears the reaction.
    reaction: v.optional(v.union(v.string(), v.null())),
    ...itemMetadataArgs,
  },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const reaction = args.reaction == null ? null : parseReaction(args.reaction);
    const userId = await currentUserForWrite(ctx);
    return await writeReaction(ctx, userId, { ...args, mediaType, reaction });
  },
});

export const markEpisodeWatched = mutation({
  args: { tmdbId: v.number(), season: v.number(), episode: v.number(), isWatched: v.boolean() },
  handler: async (ctx, args) => {
    const userId = await currentUserForWrite(ctx);
    const outcome = await markEpisodes(ctx, userId, {
      tmdbId: parseTmdbId(args.tmdbId),
      batch: [{ season: args.season, episodes: [args.episode] }],
      isWatched: args.isWatched,
      description: "",
      followStatus: false,
    });
    return { changed: outcome.changed };
  },
});

export const markSeasonEpisodesWatched = mutation({
  args: { tmdbId: v.number(), season: v.number(), episodes: v.array(v.number()), isWatched: v.boolean() },
  handler: async (ctx, args) => {
    const userId = await currentUserForWrite(ctx);
    const outcome = await markEpisodes(ctx, userId, {
      tmdbId: parseTmdbId(args.tmdbId),
      batch: [{ season: args.season, episodes: args.episodes }],
      isWatched: args.isWatched,
      description: "",
      followStatus: false,
    });
    return { changed: outcome.changed, unchanged: outcome.unchanged, jobId: outcome.jobId };
  },
});

export const markShowEpisodesAndStatus = mutation({
  args: {
    tmdbId: v.number(),
    mediaType: v.string(),
    seasons: v.array(seasonEpisodesValidator),
    isWatched: v.boolean(),
    progressStatus: v.optional(v.string()),
    progress: v.optional(v.number()),
    ...itemMetadataArgs,
  },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    if (mediaType !== "tv") fail("NOT_A_SHOW", "Only TV shows have episodes.");
    const progressStatus = args.progressStatus === undefined ? undefined : parseProgressStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await currentUserForWrite(ctx);
    const outcome = await markEpisodes(ctx, userId, {
      tmdbId,
      batch: args.seasons,
      isWatched: args.isWatched,
      description: "",
      followStatus: false,
    });
    if (progressStatus !== undefined) {
      const { seasons: _seasons, isWatched: _isWatched, ...rest } = args;
      await writeProgressStatus(ctx, userId, { ...rest, tmdbId, mediaType, progressStatus });
      await forgetAutoStatus(ctx, userId, tmdbId);
    }
    return { changed: outcome.changed, unchanged: outcome.unchanged, jobId: outcome.jobId };
  },
});

/**
 * Rewrites the signed-in user's legacy statuses in the split model. Large
 * libraries continue in scheduled pages; the result says whether it continues.
 */
export const backfillWatchItems = mutation({
  args: {},
  handler: async (ctx) => {
    const userId = await currentUserForWrite(ctx);
    const page = await backfillUserPage(ctx, userId, null);
    if (page.continueCursor !== null) {
      await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, { userId, cursor: page.continueCursor });
    }
    return { scanned: page.scanned, updated: page.updated, continuing: page.continueCursor !== null };
  },
});

export const continueBackfill = internalMutation({
  args: { userId: v.id("users"), cursor: v.union(v.string(), v.null()) },
  handler: async (ctx, args) => {
    const page = await backfillUserPage(ctx, args.userId, args.cursor);
    if (page.continueCursor !== null) {
      await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, { userId: args.userId, cursor: page.continueCursor });
    }
  },
});

/**
 * The deployment-wide migration: backfills every user's library, a page of users at
 * a time. Run once with `npx convex run watchlist:backfillAllUsers` so status filters
 * (which read the stored progressStatus through an index) see legacy rows too.
 */
export const backfillAllUsers = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx, args) => {
    const users = await ctx.db.query("users").paginate({ cursor: args.cursor ?? null, numItems: 50 });
    for (const user of users.page) {
      await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, { userId: user._id, cursor: null });
    }
    if (!users.isDone) await ctx.scheduler.runAfter(0, internal.watchlist.backfillAllUsers, { cursor: users.continueCursor });
    return { users: users.page.length, continuing: !users.isDone };
  },
});
