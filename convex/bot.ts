// The bot's API. Every function goes through a builder from lib/botFunctions that
// checks the shared secret and puts the acting Discord user in ctx.actor; writes
// also spend one of that user's write tokens in the same transaction. Each
// command makes one call: writes answer with everything the reply shows (the
// card's state, job progress), and show writes check the cached structure's
// freshness themselves (or store the structure sent along). Logic lives in model/.
import { v } from "convex/values";
import { botCacheMutation, botMutation, botQuery, botServiceMutation } from "./lib/botFunctions";
import { markOutcome, titleChange, titleState as titleStateValidator, watchItemView } from "./lib/botReturns";
import { showBatch } from "./model/episodes";
import { fail } from "./model/errors";
import {
  checkEpisodes,
  episodeName,
  getShow,
  refreshBeforeRefusing,
  seasonOf,
  showForWrite,
  showStaleness,
  upsertShow,
  type ShowSync,
} from "./model/shows";
import { titleState, showHeaderOf } from "./model/titleState";
import { forgetAutoStatus, markEpisodes, type MarkOutcome } from "./model/tracking";
import { applyUndo, recordUndo, snapshotItem } from "./model/undo";
import { parseMediaType, parseProgressStatus, parseReaction, parseTmdbId } from "./model/vocabulary";
import { findItem, listForViewer, setMembership, setProgressStatus, setReaction, viewItem } from "./model/watchItems";
import { itemMetadataArgs, showSeasonValidator, type MediaType } from "./validators";
import type { MutationCtx } from "./_generated/server";
import type { Doc } from "./_generated/dataModel";

const title = { tmdbId: v.number(), mediaType: v.string() };
const seasonCounts = v.array(v.object({ season: v.number(), episodeCount: v.number() }));
const showStructure = v.object({ title: v.string(), image: v.optional(v.string()), seasons: v.array(showSeasonValidator) });
/** Sent with show writes: the structure when the bot fetched it, else the counts it knows (see model/shows ShowSync). */
const showSync = { show: v.optional(showStructure), seasonCounts: v.optional(seasonCounts) };

/** For a show, the structure the write works with (or a SHOW_NOT_CACHED / SHOW_STALE failure); null for a movie. */
async function showFor(ctx: MutationCtx, tmdbId: number, mediaType: MediaType, sync: ShowSync): Promise<Doc<"shows"> | null> {
  return mediaType === "tv" ? await showForWrite(ctx, tmdbId, sync) : null;
}

export const ensureProfile = botMutation({
  args: {},
  returns: v.object({ userId: v.id("users"), linked: v.boolean(), listPublic: v.boolean() }),
  handler: async (ctx) => {
    const account = (await ctx.db.get(ctx.actor.accountId))!;
    return { userId: ctx.actor.userId, linked: account.linkedAt !== undefined, listPublic: account.listPublic };
  },
});

export const setListVisibility = botMutation({
  args: { listPublic: v.boolean() },
  returns: v.object({ listPublic: v.boolean() }),
  handler: async (ctx, args) => {
    await ctx.db.patch(ctx.actor.accountId, { listPublic: args.listPublic });
    return { listPublic: args.listPublic };
  },
});

export const addToWatchlist = botMutation({
  args: { ...title, ...itemMetadataArgs, ...showSync },
  returns: v.object({ item: watchItemView, already: v.boolean(), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    const already = before !== null && viewItem(before).inWatchlist;
    await setMembership(ctx, userId, { ...fields, tmdbId, mediaType, inWatchlist: true });
    const undoId = already
      ? null
      : await recordUndo(ctx, userId, {
          tmdbId,
          mediaType,
          description: `added ${args.title ?? "it"} to your watchlist`,
          previousItem: snapshotItem(before),
        });
    const state = await titleState(ctx, userId, tmdbId, mediaType, show);
    return { item: state.item!, already, undoId, state };
  },
});

export const removeFromWatchlist = botMutation({
  args: { ...title, ...showSync },
  returns: v.object({ removed: v.boolean(), item: v.union(v.null(), watchItemView), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = await showFor(ctx, tmdbId, mediaType, args);
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    if (before === null || !viewItem(before).inWatchlist) {
      const state = await titleState(ctx, userId, tmdbId, mediaType, show);
      return { removed: false, item: state.item, undoId: null, state };
    }
    await setMembership(ctx, userId, { tmdbId, mediaType, inWatchlist: false });
    const undoId = await recordUndo(ctx, userId, {
      tmdbId,
      mediaType,
      description: `removed ${before.title ?? "it"} from your watchlist`,
      previousItem: snapshotItem(before),
    });
    const state = await titleState(ctx, userId, tmdbId, mediaType, show);
    return { removed: true, item: state.item, undoId, state };
  },
});

export const setStatus = botMutation({
  args: { ...title, progressStatus: v.string(), progress: v.optional(v.number()), ...itemMetadataArgs, ...showSync },
  returns: v.object({ item: watchItemView, previous: v.union(v.null(), watchItemView), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const progressStatus = parseProgressStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    await setProgressStatus(ctx, userId, { ...fields, tmdbId, mediaType, progressStatus });
    const autoStatus = mediaType === "tv" ? { previous: await forgetAutoStatus(ctx, userId, tmdbId) } : undefined;
    const undoId = await recordUndo(ctx, userId, {
      tmdbId,
      mediaType,
      description: `set ${args.title ?? "it"} to ${progressStatus}`,
      previousItem: snapshotItem(before),
      autoStatus,
    });
    const state = await titleState(ctx, userId, tmdbId, mediaType, show);
    return { item: state.item!, previous: before === null ? null : viewItem(before), undoId, state };
  },
});

export const setReactionFor = botMutation({
  args: { ...title, reaction: v.union(v.string(), v.null()), ...itemMetadataArgs, ...showSync },
  returns: v.object({ item: v.union(v.null(), watchItemView), previous: v.union(v.null(), watchItemView), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const reaction = args.reaction === null ? null : parseReaction(args.reaction);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
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
    const state = await titleState(ctx, userId, tmdbId, mediaType, show);
    return { item: state.item, previous: before === null ? null : viewItem(before), undoId, state };
  },
});

/** The mark outcome as the reply needs it: job progress and the show's name and poster included. */
function markReply(outcome: MarkOutcome, show: Doc<"shows">, name: string | null) {
  return {
    ...outcome,
    job: outcome.jobId === null ? null : { applied: outcome.changed + outcome.unchanged, total: outcome.requested },
    show: showHeaderOf(show),
    specials: show.seasons.find((s) => s.season === 0)?.episodeCount ?? 0,
    episodeName: name,
  };
}

/** Marks episodes of one season, checked against the cached show structure (stored first when sent along). */
export const markEpisodesFor = botMutation({
  args: { tmdbId: v.number(), season: v.number(), episodes: v.array(v.number()), isWatched: v.boolean(), ...showSync },
  returns: markOutcome,
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    if (args.episodes.length === 0) fail("INVALID_ARGUMENT", "Name at least one episode.");
    const show = await showForWrite(ctx, tmdbId, args);
    refreshBeforeRefusing(show, args, args.season, args.episodes);
    checkEpisodes(show, args.season, args.episodes);
    const label = episodeLabel(args.season, args.episodes);
    const outcome = await markEpisodes(ctx, ctx.actor.userId, {
      tmdbId,
      batch: [{ season: args.season, episodes: args.episodes }],
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${show.title} ${label}`,
      followStatus: true,
    });
    // The reply names a single episode; the show is already read.
    const only = args.episodes.length === 1 ? args.episodes[0]! : null;
    return markReply(outcome, show, only === null ? null : (episodeName(show, args.season, only) ?? null));
  },
});

/** Marks every episode of one season, or of the whole show when no season is given. */
export const markAllFor = botMutation({
  args: { tmdbId: v.number(), season: v.optional(v.number()), isWatched: v.boolean(), ...showSync },
  returns: markOutcome,
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = await showForWrite(ctx, tmdbId, args);
    if (args.season !== undefined) {
      refreshBeforeRefusing(show, args, args.season, []);
      seasonOf(show, args.season);
    }
    const what = args.season === undefined ? "every episode" : `season ${args.season}`;
    const outcome = await markEpisodes(ctx, ctx.actor.userId, {
      tmdbId,
      batch: showBatch(show, args.season === undefined ? undefined : [args.season]),
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${what} of ${show.title}`,
      followStatus: true,
    });
    return markReply(outcome, show, null);
  },
});

export const getEpisodeJob = botQuery({
  args: { jobId: v.id("episode_jobs") },
  returns: v.union(
    v.null(),
    v.object({ state: v.union(v.literal("running"), v.literal("done")), applied: v.number(), total: v.number(), changed: v.number() }),
  ),
  handler: async (ctx, args) => {
    const job = await ctx.db.get(args.jobId);
    if (job === null || job.userId !== (await ctx.actor.userId())) return null;
    return { state: job.state, applied: job.applied, total: job.total, changed: job.changed };
  },
});

/** Puts back what an Undo button's change replaced, answering with the card's restored state. */
export const undo = botMutation({
  args: { undoId: v.string() },
  returns: v.object({ description: v.string(), tmdbId: v.number(), mediaType: v.string(), state: titleStateValidator }),
  handler: async (ctx, args) => {
    const undoId = ctx.db.normalizeId("undo_entries", args.undoId);
    if (undoId === null) fail("UNDO_UNAVAILABLE", "There is nothing to undo there.");
    const result = await applyUndo(ctx, ctx.actor.userId, undoId);
    const mediaType = parseMediaType(result.mediaType);
    return { ...result, state: await titleState(ctx, ctx.actor.userId, result.tmdbId, mediaType) };
  },
});

/**
 * Everything /watch info shows about one title for one user. For a show, pass the
 * season counts TMDB gave: `refreshShow` says the cached structure is missing or
 * stale, and the bot then sends it with cacheShowForCard (which answers the same).
 */
export const getTitleState = botQuery({
  args: { ...title, seasonCounts: v.optional(seasonCounts) },
  returns: v.object({ ...titleStateValidator.fields, refreshShow: v.boolean() }),
  handler: async (ctx, args) => {
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = mediaType === "tv" ? await getShow(ctx, tmdbId) : null;
    // Queries can't read the clock reliably: a cached structure is judged by its counts here.
    const refreshShow = mediaType === "tv" && showStaleness(show, args.seasonCounts, show?.fetchedAt ?? 0) !== null;
    return { ...(await titleState(ctx, await ctx.actor.userId(), tmdbId, mediaType, show)), refreshShow };
  },
});

/** Stores a show's structure for a card someone asked to see, and answers with that card's state. */
export const cacheShowForCard = botCacheMutation({
  args: { tmdbId: v.number(), show: showStructure },
  returns: titleStateValidator,
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = await upsertShow(ctx, { tmdbId, ...args.show });
    return await titleState(ctx, await ctx.actor.userId(), tmdbId, "tv", show);
  },
});

export const listTitles = botQuery({
  args: {
    discordUserId: v.string(),
    /** Whose list: another member's, if they made it visible (else LIST_UNAVAILABLE, whatever the reason). */
    ownerDiscordUserId: v.optional(v.string()),
    /** Any stored synonym is accepted; the filter finds rows in every vocabulary. */
    progressStatus: v.optional(v.string()),
    mediaType: v.optional(v.string()),
    /** "watchlist" (default): inWatchlist true or unset; "all": every tracked title. */
    scope: v.optional(v.union(v.literal("watchlist"), v.literal("all"))),
    cursor: v.optional(v.object({ before: v.number(), creation: v.number() })),
    pageSize: v.number(),
  },
  handler: async (ctx, args) => {
    const progressStatus = args.progressStatus === undefined ? undefined : parseProgressStatus(args.progressStatus);
    const mediaType = args.mediaType === undefined ? undefined : parseMediaType(args.mediaType);
    return await listForViewer(ctx, {
      viewerDiscordUserId: args.discordUserId,
      ownerDiscordUserId: args.ownerDiscordUserId,
      filter: { progressStatus, mediaType, scope: args.scope ?? "watchlist" },
      cursor: args.cursor ?? null,
      pageSize: args.pageSize,
    });
  },
});

/** Seeds the cached structure directly (demo data, tests); commands send it with their own write instead. */
export const cacheShow = botServiceMutation({
  args: { tmdbId: v.number(), title: v.string(), image: v.optional(v.string()), seasons: v.array(showSeasonValidator) },
  returns: v.null(),
  handler: async (ctx, args) => {
    await upsertShow(ctx, args);
    return null;
  },
});

function episodeLabel(season: number, episodes: number[]): string {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  if (sorted.length === 1) return `S${season}E${sorted[0]!}`;
  const contiguous = sorted.every((e, i) => i === 0 || e === sorted[i - 1]! + 1);
  return contiguous
    ? `S${season}E${sorted[0]}–E${sorted[sorted.length - 1]}`
    : `${sorted.length} episodes of season ${season}`;
}
