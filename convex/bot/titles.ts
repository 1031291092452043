// The bot's API for one title (movie or show): watchlist membership, status, reaction, and the
// card's state. Writes answer with that state, so no read follows them; a show's structure is
// checked (or stored, when sent along) inside the write itself.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { seasonCounts, showStructure, showSync, title, titleFromStore } from "../lib/botArgs";
import { botCacheMutation, botMutation, botQuery } from "../lib/botFunctions";
import { titleChange, titleState as titleStateValidator, watchItemView } from "../lib/botReturns";
import { fail } from "../model/errors";
import { getShow, showForWrite, showStaleness, upsertShow, type ShowSync } from "../model/shows";
import { titleState } from "../model/titleState";
import { forgetAutoStatus } from "../model/tracking";
import { recordUndo, snapshotItem } from "../model/undo";
import { parseMediaType, parseProgressStatus, parseReaction, parseTmdbId } from "../model/vocabulary";
import { findItem, setMembership, setProgressStatus, setReaction, viewItem } from "../model/watchItems";
import { itemMetadataArgs, type MediaType } from "../validators";

/** A write drawing the title from the store needs a stored item with a title to draw. */
function checkStored(args: { titleFromStore?: boolean }, before: Doc<"watch_items"> | null): void {
  if (args.titleFromStore === true && (before === null || before.title === undefined)) {
    fail("TITLE_NOT_STORED", "I need that title's details from TMDB first — try again in a moment.");
  }
}

/** For a show, the structure the write works with (or a SHOW_NOT_CACHED / SHOW_STALE failure); null for a movie. */
async function showFor(ctx: MutationCtx, tmdbId: number, mediaType: MediaType, sync: ShowSync): Promise<Doc<"shows"> | null> {
  return mediaType === "tv" ? await showForWrite(ctx, tmdbId, sync) : null;
}

export const addToWatchlist = botMutation({
  args: { ...title, ...itemMetadataArgs, ...showSync, ...titleFromStore },
  returns: v.object({ item: watchItemView, already: v.boolean(), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, titleFromStore: _fromStore, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    checkStored(args, before);
    const already = before !== null && viewItem(before).inWatchlist;
    await setMembership(ctx, userId, { ...fields, tmdbId, mediaType, inWatchlist: true });
    const undoId = already
      ? null
      : await recordUndo(ctx, userId, {
          tmdbId,
          mediaType,
          description: `added ${args.title ?? before?.title ?? "it"} to your watchlist`,
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
  args: { ...title, progressStatus: v.string(), progress: v.optional(v.number()), ...itemMetadataArgs, ...showSync, ...titleFromStore },
  returns: v.object({ item: watchItemView, previous: v.union(v.null(), watchItemView), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const progressStatus = parseProgressStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, titleFromStore: _fromStore, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    checkStored(args, before);
    await setProgressStatus(ctx, userId, { ...fields, tmdbId, mediaType, progressStatus });
    const autoStatus = mediaType === "tv" ? { previous: await forgetAutoStatus(ctx, userId, tmdbId) } : undefined;
    const undoId = await recordUndo(ctx, userId, {
      tmdbId,
      mediaType,
      description: `set ${args.title ?? before?.title ?? "it"} to ${progressStatus}`,
      previousItem: snapshotItem(before),
      autoStatus,
    });
    const state = await titleState(ctx, userId, tmdbId, mediaType, show);
    return { item: state.item!, previous: before === null ? null : viewItem(before), undoId, state };
  },
});

export const setReactionFor = botMutation({
  args: { ...title, reaction: v.union(v.string(), v.null()), ...itemMetadataArgs, ...showSync, ...titleFromStore },
  returns: v.object({ item: v.union(v.null(), watchItemView), previous: v.union(v.null(), watchItemView), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const reaction = args.reaction === null ? null : parseReaction(args.reaction);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, titleFromStore: _fromStore, ...fields } = args;
    const show = await showFor(ctx, tmdbId, mediaType, { show: structure, seasonCounts: counts });
    const before = await findItem(ctx, userId, tmdbId, mediaType);
    checkStored(args, before);
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
