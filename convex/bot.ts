// The bot's API: every function checks the shared secret (lib/botFunctions) and
// acts for the Discord user it names. Logic lives in model/.
import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { botMutation, botQuery } from "./lib/botFunctions";
import { readWatched, showBatch, showProgress } from "./model/episodes";
import { fail } from "./model/errors";
import { checkEpisodes, episodeName, getShow, requireShow, seasonOf, upsertShow } from "./model/shows";
import { continueJob, forgetAutoStatus, markEpisodes } from "./model/tracking";
import { applyUndo, recordUndo, snapshotItem } from "./model/undo";
import { discordAccount, existingUserForDiscord, userForDiscord } from "./model/users";
import { parseMediaType, parseProgressStatus, parseReaction, parseTmdbId } from "./model/vocabulary";
import {
  findItem,
  listPage,
  parsePageSize,
  setMembership,
  setProgressStatus,
  setReaction,
  viewItem,
  type WatchItemView,
} from "./model/watchItems";
import { itemMetadataArgs, showSeasonValidator } from "./validators";

const actor = { discordUserId: v.string(), username: v.optional(v.string()) };
const title = { tmdbId: v.number(), mediaType: v.string() };

export const ensureProfile = botMutation({
  args: actor,
  handler: async (ctx, args) => {
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const account = (await discordAccount(ctx, args.discordUserId))!;
    return { userId, linked: account.linkedAt !== undefined, listPublic: account.listPublic };
  },
});

export const setListVisibility = botMutation({
  args: { ...actor, listPublic: v.boolean() },
  handler: async (ctx, args) => {
    await userForDiscord(ctx, args.discordUserId, args.username);
    const account = (await discordAccount(ctx, args.discordUserId))!;
    await ctx.db.patch(account._id, { listPublic: args.listPublic });
    return { listPublic: args.listPublic };
  },
});

export const addToWatchlist = botMutation({
  args: { ...actor, ...title, ...itemMetadataArgs },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    const already = before !== null && viewItem(before).inWatchlist;
    const { discordUserId: _d, username: _u, ...fields } = args;
    await setMembership(ctx, userId, { ...fields, tmdbId, mediaType, inWatchlist: true });
    const undoId = already
      ? null
      : await recordUndo(ctx, userId, {
          tmdbId,
          mediaType,
          description: `added ${args.title ?? "it"} to your watchlist`,
          previousItem: snapshotItem(before),
        });
    const item = viewItem((await findItem(ctx, userId, tmdbId, mediaType))!);
    return { item, already, undoId };
  },
});

export const removeFromWatchlist = botMutation({
  args: { ...actor, ...title },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    if (before === null || !viewItem(before).inWatchlist) {
      return { removed: false, item: before === null ? null : viewItem(before), undoId: null };
    }
    await setMembership(ctx, userId, { tmdbId, mediaType, inWatchlist: false });
    const undoId = await recordUndo(ctx, userId, {
      tmdbId,
      mediaType,
      description: `removed ${before.title ?? "it"} from your watchlist`,
      previousItem: snapshotItem(before),
    });
    return { removed: true, item: viewItem((await ctx.db.get(before._id))!), undoId };
  },
});

export const setStatus = botMutation({
  args: { ...actor, ...title, progressStatus: v.string(), progress: v.optional(v.number()), ...itemMetadataArgs },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const progressStatus = parseProgressStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    const { discordUserId: _d, username: _u, ...fields } = args;
    const id = await setProgressStatus(ctx, userId, { ...fields, tmdbId, mediaType, progressStatus });
    const autoStatus = mediaType === "tv" ? { previous: await forgetAutoStatus(ctx, userId, tmdbId) } : undefined;
    const undoId = await recordUndo(ctx, userId, {
      tmdbId,
      mediaType,
      description: `set ${args.title ?? "it"} to ${progressStatus}`,
      previousItem: snapshotItem(before),
      autoStatus,
    });
    return { item: viewItem((await ctx.db.get(id))!), previous: before === null ? null : viewItem(before), undoId };
  },
});

export const setReactionFor = botMutation({
  args: { ...actor, ...title, reaction: v.union(v.string(), v.null()), ...itemMetadataArgs },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const reaction = args.reaction === null ? null : parseReaction(args.reaction);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    const { discordUserId: _d, username: _u, ...fields } = args;
    const id = await setReaction(ctx, userId, { ...fields, tmdbId, mediaType, reaction });
    const undoId =
      id === null
        ? null
        : await recordUndo(ctx, userId, {
            tmdbId,
            mediaType,
            description: reaction === null ? "cleared your reaction" : `reacted ${reaction}`,
            previousItem: snapshotItem(before),
          });
    return { item: id === null ? null : viewItem((await ctx.db.get(id))!), previous: before === null ? null : viewItem(before), undoId };
  },
});

/** Marks episodes of one season, checked against the cached show structure. */
export const markEpisodesFor = botMutation({
  args: { ...actor, tmdbId: v.number(), season: v.number(), episodes: v.array(v.number()), isWatched: v.boolean() },
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    if (args.episodes.length === 0) fail("INVALID_ARGUMENT", "Name at least one episode.");
    const show = await requireShow(ctx, tmdbId);
    checkEpisodes(show, args.season, args.episodes);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const label = episodeLabel(args.season, args.episodes);
    const outcome = await markEpisodes(ctx, userId, {
      tmdbId,
      batch: [{ season: args.season, episodes: args.episodes }],
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${show.title} ${label}`,
      followStatus: true,
    });
    // The reply names a single episode; the show is already read, so no second round trip.
    const only = args.episodes.length === 1 ? args.episodes[0]! : null;
    return { ...outcome, episodeName: only === null ? null : (episodeName(show, args.season, only) ?? null) };
  },
});

/** Marks every episode of one season, or of the whole show when no season is given. */
export const markAllFor = botMutation({
  args: { ...actor, tmdbId: v.number(), season: v.optional(v.number()), isWatched: v.boolean() },
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = await requireShow(ctx, tmdbId);
    if (args.season !== undefined) seasonOf(show, args.season);
    const userId = await userForDiscord(ctx, args.discordUserId, args.username);
    const what = args.season === undefined ? "every episode" : `season ${args.season}`;
    return await markEpisodes(ctx, userId, {
      tmdbId,
      batch: showBatch(show, args.season === undefined ? undefined : [args.season]),
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${what} of ${show.title}`,
      followStatus: true,
    });
  },
});

export const continueEpisodeJob = internalMutation({
  args: { jobId: v.id("episode_jobs") },
  handler: async (ctx, args) => await continueJob(ctx, args.jobId),
});

export const getEpisodeJob = botQuery({
  args: { discordUserId: v.string(), jobId: v.id("episode_jobs") },
  handler: async (ctx, args) => {
    const userId = await existingUserForDiscord(ctx, args.discordUserId);
    const job = await ctx.db.get(args.jobId);
    if (job === null || job.userId !== userId) return null;
    return { state: job.state, applied: job.applied, total: job.total, changed: job.changed };
  },
});

export const undo = botMutation({
  args: { discordUserId: v.string(), undoId: v.string() },
  handler: async (ctx, args) => {
    const undoId = ctx.db.normalizeId("undo_entries", args.undoId);
    if (undoId === null) fail("UNDO_UNAVAILABLE", "There is nothing to undo there.");
    const userId = await userForDiscord(ctx, args.discordUserId);
    return await applyUndo(ctx, userId, undoId);
  },
});

/** Everything /watch info and the /ep reply show about one title for one user. */
export const getTitleState = botQuery({
  args: { discordUserId: v.string(), ...title },
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const userId = await existingUserForDiscord(ctx, args.discordUserId);
    const row = userId === null ? null : await findItem(ctx, userId, tmdbId, mediaType);
    if (mediaType !== "tv") return { item: row === null ? null : viewItem(row), progress: null, jobRunning: false };
    const show = await getShow(ctx, tmdbId);
    let progress = null;
    let jobRunning = false;
    if (show !== null && userId !== null) {
      progress = showProgress(show, (await readWatched(ctx, userId, tmdbId)).watched);
      const job = await ctx.db
        .query("episode_jobs")
        .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
        .order("desc")
        .first();
      jobRunning = job?.state === "running";
    } else if (show !== null) {
      progress = showProgress(show, new Map());
    }
    return { item: row === null ? null : viewItem(row), progress, jobRunning };
  },
});

export const listTitles = botQuery({
  args: {
    discordUserId: v.string(),
    /** Whose list: another member's, if they made it visible. */
    ownerDiscordUserId: v.optional(v.string()),
    progressStatus: v.optional(v.string()),
    mediaType: v.optional(v.string()),
    cursor: v.optional(v.object({ before: v.number(), creation: v.number() })),
    pageSize: v.number(),
  },
  handler: async (ctx, args) => {
    parsePageSize(args.pageSize);
    const progressStatus = args.progressStatus === undefined ? undefined : parseProgressStatus(args.progressStatus);
    const mediaType = args.mediaType === undefined ? undefined : parseMediaType(args.mediaType);
    const ownerId = args.ownerDiscordUserId ?? args.discordUserId;
    const account = await discordAccount(ctx, ownerId);
    if (ownerId !== args.discordUserId && account !== null && !account.listPublic) {
      fail("LIST_PRIVATE", "Their list is private. They can share it with `/watch privacy visible:true`.");
    }
    if (account === null) return { items: [] as WatchItemView[], next: null, ownerName: null };
    const page = await listPage(ctx, account.userId, { progressStatus, mediaType }, args.cursor ?? null, args.pageSize);
    return { ...page, ownerName: account.username ?? null };
  },
});

/** Enough to tell whether the cached structure still matches TMDB, without its episode names. */
export const getShowFreshness = botQuery({
  args: { tmdbId: v.number() },
  handler: async (ctx, args) => {
    const show = await getShow(ctx, parseTmdbId(args.tmdbId));
    if (show === null) return null;
    return { fetchedAt: show.fetchedAt, seasons: show.seasons.map((s) => ({ season: s.season, episodeCount: s.episodeCount })) };
  },
});

export const cacheShow = botMutation({
  args: { tmdbId: v.number(), title: v.string(), image: v.optional(v.string()), seasons: v.array(showSeasonValidator) },
  handler: async (ctx, args) => await upsertShow(ctx, args),
});

function episodeLabel(season: number, episodes: number[]): string {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  const pad = (n: number) => String(n);
  if (sorted.length === 1) return `S${pad(season)}E${pad(sorted[0]!)}`;
  const contiguous = sorted.every((e, i) => i === 0 || e === sorted[i - 1]! + 1);
  return contiguous
    ? `S${season}E${sorted[0]}–E${sorted[sorted.length - 1]}`
    : `${sorted.length} episodes of season ${season}`;
}
