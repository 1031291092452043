// The bot's API for one title (movie or show): watchlist membership, status, reaction, and the
// card's state. Writes answer with that state, so no read follows them; a show's structure is
// checked (or stored, when sent along) inside the write itself.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { seasonCounts, showStructure, showSync, title, titleFromStore } from "../lib/botArgs";
import { botCacheMutation, botMutation, botQuery } from "../lib/botFunctions";
import { titleChange, titleState as titleStateValidator, watchItemView } from "../lib/botReturns";
import { getSummary } from "../model/episodes";
import { fail } from "../model/errors";
import { getShow, showForWrite, showStaleness, upsertShow, type ShowSync } from "../model/shows";
import { titleState } from "../model/titleState";
import { forgetAutoStatus } from "../model/tracking";
import { recordUndo, snapshotItem } from "../model/undo";
import { parseMediaType, parseProgressStatus, parseReaction, parseTmdbId } from "../model/vocabulary";
import { findItem, progressFor, setMembership, setProgressStatus, setReaction, viewItem } from "../model/watchItems";
import { itemMetadataArgs, type MediaType, type ProgressStatus } from "../lib/validators";
import { recordFacts } from "../stats/facts";
import { checkFacts } from "../stats/factsCache";

/**
 * What a title write works with: the person's item before it, and for a show the structure
 * (the one sent along, stored first, or the cached one if fresh). A write that draws the title
 * from the store needs a stored title. What is missing is refused in one answer, nothing
 * written: TITLE_NOT_STORED (with showNeeded when the show's structure is missing too, so the
 * bot sends both at once), else SHOW_NOT_CACHED or SHOW_STALE.
 */
async function prepare(
  ctx: MutationCtx,
  userId: Id<"users">,
  tmdbId: number,
  mediaType: MediaType,
  args: ShowSync & { titleFromStore?: boolean },
): Promise<{ before: Doc<"watch_items"> | null; show: Doc<"shows"> | null }> {
  const before = await findItem(ctx, userId, tmdbId, mediaType);
  const titleMissing = args.titleFromStore === true && (before === null || before.title === undefined);
  if (mediaType !== "tv") {
    if (titleMissing) fail("TITLE_NOT_STORED", TITLE_NOT_STORED);
    return { before, show: null };
  }
  if (args.show !== undefined) {
    if (titleMissing) fail("TITLE_NOT_STORED", TITLE_NOT_STORED);
    return { before, show: await showForWrite(ctx, tmdbId, args) };
  }
  const cached = await getShow(ctx, tmdbId);
  const staleness = showStaleness(cached, args.seasonCounts, Date.now());
  if (titleMissing) fail("TITLE_NOT_STORED", TITLE_NOT_STORED, { showNeeded: staleness !== null });
  if (staleness !== null) return { before, show: await showForWrite(ctx, tmdbId, args) };
  return { before, show: cached };
}

const TITLE_NOT_STORED = "I need that title's details from TMDB first — try again in a moment.";

export const addToWatchlist = botMutation({
  args: { ...title, ...itemMetadataArgs, ...showSync, ...titleFromStore },
  returns: v.object({ item: watchItemView, already: v.boolean(), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, cachedOk, titleFromStore: _fromStore, ...fields } = args;
    const { before, show } = await prepare(ctx, userId, tmdbId, mediaType, {
      show: structure,
      seasonCounts: counts,
      cachedOk,
      titleFromStore: args.titleFromStore,
    });
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
    const { before, show } = await prepare(ctx, userId, tmdbId, mediaType, args);
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
  args: {
    ...title,
    progressStatus: v.string(),
    progress: v.optional(v.number()),
    ...itemMetadataArgs,
    ...showSync,
    ...titleFromStore,
    /** The title's runtime and genre ids from the details the bot has in hand (the stats facts cache). */
    facts: v.optional(v.object({ runtime: v.optional(v.number()), genres: v.array(v.number()) })),
  },
  returns: v.object({ item: watchItemView, previous: v.union(v.null(), watchItemView), changed: v.boolean(), ...titleChange }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const progressStatus = parseProgressStatus(args.progressStatus);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, cachedOk, titleFromStore: _fromStore, facts: sentFacts, ...fields } = args;
    const facts = sentFacts === undefined ? null : checkFacts(sentFacts);
    if (sentFacts !== undefined && facts === null) fail("INVALID_ARGUMENT", "Those title facts aren't valid.");
    const { before, show } = await prepare(ctx, userId, tmdbId, mediaType, {
      show: structure,
      seasonCounts: counts,
      cachedOk,
      titleFromStore: args.titleFromStore,
    });
    if (before !== null && (await statusUnchanged(ctx, userId, before, progressStatus, args.progress))) {
      // Nothing to write: no newer updatedAt (the web app and merges read it as the latest change) and no Undo.
      const state = await titleState(ctx, userId, tmdbId, mediaType, show);
      return { item: state.item!, previous: viewItem(before), changed: false, undoId: null, state };
    }
    // Stored first, so a finish counts with them.
    if (facts !== null) await recordFacts(ctx, tmdbId, mediaType, facts);
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
    return { item: state.item!, previous: before === null ? null : viewItem(before), changed: true, undoId, state };
  },
});

/**
 * Whether setting this status (and progress) would change nothing: the same status in any
 * word, the same progress, and for a show not a status its episodes set on their own (choosing
 * that one pins it, which is a change).
 */
async function statusUnchanged(
  ctx: MutationCtx,
  userId: Id<"users">,
  before: Doc<"watch_items">,
  status: ProgressStatus,
  progress: number | undefined,
): Promise<boolean> {
  if (viewItem(before).progressStatus !== status) return false;
  if (progressFor(status, progress, before.progress) !== before.progress) return false;
  return before.mediaType !== "tv" || (await getSummary(ctx, userId, before.tmdbId))?.autoStatus === undefined;
}

export const setReactionFor = botMutation({
  args: { ...title, reaction: v.union(v.string(), v.null()), ...itemMetadataArgs, ...showSync, ...titleFromStore },
  returns: v.object({
    item: v.union(v.null(), watchItemView),
    previous: v.union(v.null(), watchItemView),
    changed: v.boolean(),
    ...titleChange,
  }),
  handler: async (ctx, args) => {
    const { userId } = ctx.actor;
    const mediaType = parseMediaType(args.mediaType);
    const reaction = args.reaction === null ? null : parseReaction(args.reaction);
    const tmdbId = parseTmdbId(args.tmdbId);
    const { show: structure, seasonCounts: counts, cachedOk, titleFromStore: _fromStore, ...fields } = args;
    const { before, show } = await prepare(ctx, userId, tmdbId, mediaType, {
      show: structure,
      seasonCounts: counts,
      cachedOk,
      titleFromStore: args.titleFromStore,
    });
    const previous = before === null ? null : viewItem(before);
    if ((previous?.reaction ?? null) === reaction) {
      // The reaction it already has (or a clear with none): nothing to write, so no newer updatedAt and no Undo.
      const state = await titleState(ctx, userId, tmdbId, mediaType, show);
      return { item: state.item, previous, changed: false, undoId: null, state };
    }
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
    return { item: state.item, previous, changed: true, undoId, state };
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
