import { ConvexError } from "convex/values";
import { mergedStream, stream } from "convex-helpers/server/stream";
import type { Doc, Id } from "../_generated/dataModel";
import { syncWatchItem } from "../stats/counters";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import schema from "../schema";
import type { MediaType, ProgressStatus, Reaction } from "../lib/validators";
import { fail } from "./errors";
import { discordAccount } from "./users";
import {
  LEGACY_STATUS_VALUES,
  legacyFill,
  normalizeState,
  parseProgress,
  parseTmdbId,
  statusMeaning,
  storedWord,
  STATUS_SYNONYMS,
  WEB_STATUS,
} from "./vocabulary";

export interface ItemMetadata {
  title?: string;
  image?: string;
  rating?: number;
  release_date?: string;
  overview?: string;
}

/** A watch item as readers see it: legacy values already in today's vocabulary. */
export interface WatchItemView extends ItemMetadata {
  _id: Id<"watch_items">;
  tmdbId: number;
  mediaType: string;
  inWatchlist: boolean;
  progressStatus?: ProgressStatus;
  reaction?: Reaction;
  progress?: number;
  updatedAt: number;
}

export function viewItem(row: Doc<"watch_items">): WatchItemView {
  const state = normalizeState(row);
  return {
    _id: row._id,
    tmdbId: row.tmdbId,
    mediaType: row.mediaType,
    // Rows from before membership was split out were in the list by having a status.
    inWatchlist: row.inWatchlist ?? true,
    progressStatus: state.progressStatus,
    reaction: state.reaction,
    progress: state.progress,
    title: row.title,
    image: row.image,
    rating: row.rating,
    release_date: row.release_date,
    overview: row.overview,
    updatedAt: row.updatedAt,
  };
}

export async function findItem(
  ctx: QueryCtx,
  userId: Id<"users">,
  tmdbId: number,
  mediaType: MediaType,
): Promise<Doc<"watch_items"> | null> {
  return await ctx.db
    .query("watch_items")
    .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("mediaType", mediaType))
    .first();
}

/** Only the metadata fields that were given, validated, so a patch never blanks cached display data. */
export function cleanMetadata(meta: ItemMetadata): ItemMetadata {
  const out: ItemMetadata = {};
  if (meta.title !== undefined) out.title = meta.title.slice(0, 500);
  if (meta.image !== undefined) out.image = meta.image.slice(0, 1000);
  if (meta.rating !== undefined && Number.isFinite(meta.rating) && meta.rating >= 0 && meta.rating <= 10) {
    out.rating = meta.rating;
  }
  if (meta.release_date !== undefined) out.release_date = meta.release_date.slice(0, 32);
  if (meta.overview !== undefined) out.overview = meta.overview.slice(0, 5000);
  return out;
}

/**
 * What a write adds to a legacy row it touches: the split-model fields its legacy
 * status implies, where the row lacks them, so a later read never re-derives a value
 * the user has since changed (e.g. a cleared reaction coming back from "liked").
 * Every write, the bot's and the web app's, stores the web app's current words
 * (WEB_STATUS): its custom-list page labels raw values and knows only those.
 * Stored values are never rewritten: "done", "caught-up", "watch-later", "dropped"
 * and any value this code does not know stay exactly as they are.
 */
export function materialized(row: Doc<"watch_items">) {
  return legacyFill(row);
}

export async function setMembership(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; inWatchlist: boolean } & ItemMetadata,
): Promise<Id<"watch_items"> | null> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const meta = cleanMetadata(args);
  const now = Date.now();
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  if (row === null) {
    // Leaving a list you were never on changes nothing.
    if (!args.inWatchlist) return null;
    return await syncWatchItem(
      ctx,
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId,
        mediaType: args.mediaType,
        inWatchlist: true,
        progressStatus: WEB_STATUS["want-to-watch"],
        progress: 0,
        ...meta,
        updatedAt: now,
      }),
    );
  }
  // Progress, status and reaction are kept either way: membership is decoupled from tracking.
  const fill = materialized(row);
  const untracked = args.inWatchlist && row.progressStatus === undefined && fill.progressStatus === undefined;
  await ctx.db.patch(row._id, {
    ...fill,
    ...(untracked ? { progressStatus: WEB_STATUS["want-to-watch"] } : {}),
    inWatchlist: args.inWatchlist,
    ...meta,
    updatedAt: now,
  });
  return await syncWatchItem(ctx, row._id);
}

export function progressFor(status: ProgressStatus | undefined, given: number | undefined, current: number | undefined) {
  if (given !== undefined) return parseProgress(given);
  if (status === "finished") return 100;
  if (status === "want-to-watch") return 0;
  return current;
}

/**
 * Sets a title's status to `progressStatus` (any vocabulary), stored in the web app's
 * current word; progress follows its meaning unless given. The web app's show menu
 * ("stored") stores its value as sent and keeps the stored progress, as the original.
 */
export async function setProgressStatus(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; progressStatus: string; progress?: number } & ItemMetadata,
  /** The web app's show menu keeps the stored progress (0 for a new row) unless given. */
  progressRule: "by-status" | "stored" = "by-status",
): Promise<Id<"watch_items">> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const meta = cleanMetadata(args);
  const now = Date.now();
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  const progressStatus = progressRule === "stored" ? args.progressStatus : storedWord(args.progressStatus);
  const progress =
    progressRule === "stored"
      ? args.progress !== undefined
        ? parseProgress(args.progress)
        : (row?.progress ?? (row === null ? 0 : undefined))
      : progressFor(statusMeaning(args.progressStatus), args.progress, row?.progress);
  if (row === null) {
    // Tracking without joining the watchlist: the web app keeps these apart.
    return await syncWatchItem(
      ctx,
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId,
        mediaType: args.mediaType,
        inWatchlist: false,
        progressStatus,
        progress,
        ...meta,
        updatedAt: now,
      }),
    );
  }
  await ctx.db.patch(row._id, {
    ...materialized(row),
    progressStatus,
    progress,
    ...meta,
    updatedAt: now,
  });
  return await syncWatchItem(ctx, row._id);
}

export async function setReaction(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; reaction: Reaction | null } & ItemMetadata,
): Promise<Id<"watch_items"> | null> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const meta = cleanMetadata(args);
  const now = Date.now();
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  if (row === null) {
    if (args.reaction === null) return null;
    return await syncWatchItem(
      ctx,
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId,
        mediaType: args.mediaType,
        inWatchlist: false,
        reaction: args.reaction,
        ...meta,
        updatedAt: now,
      }),
    );
  }
  await ctx.db.patch(row._id, {
    ...materialized(row),
    reaction: args.reaction ?? undefined,
    ...meta,
    updatedAt: now,
  });
  return await syncWatchItem(ctx, row._id);
}

/** Only the display data, on a row that exists (a web setReaction with neither a reaction nor a clear). */
export async function mergeMetadata(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType } & ItemMetadata,
): Promise<Id<"watch_items"> | null> {
  const row = await findItem(ctx, userId, parseTmdbId(args.tmdbId), args.mediaType);
  if (row === null) return null;
  await ctx.db.patch(row._id, { ...materialized(row), ...cleanMetadata(args), updatedAt: Date.now() });
  return row._id;
}

/**
 * The web app's playback report (updateProgress): progress from the player, and a status
 * only where the row has none — a stored status is kept as stored; otherwise the legacy
 * status, otherwise one inferred from progress.
 */
export async function reportPlayback(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; progress?: number; isWatched?: boolean },
): Promise<Id<"watch_items">> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  const progress = args.isWatched === true ? 100 : args.progress !== undefined ? parseProgress(args.progress) : (row?.progress ?? 0);
  const fill = row === null ? {} : materialized(row);
  // Any stored status stays, even one no version of the app wrote: a progress report is not a status choice.
  const known = row?.progressStatus !== undefined || fill.progressStatus !== undefined;
  const inferred = args.isWatched === true || progress >= 95 ? WEB_STATUS.finished : progress > 0 ? WEB_STATUS.watching : undefined;
  const now = Date.now();
  if (row === null) {
    return await syncWatchItem(
      ctx,
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId,
        mediaType: args.mediaType,
        inWatchlist: false,
        ...(inferred !== undefined ? { progressStatus: inferred } : {}),
        progress,
        updatedAt: now,
      }),
    );
  }
  await ctx.db.patch(row._id, {
    ...fill,
    ...(!known && inferred !== undefined ? { progressStatus: inferred } : {}),
    progress,
    updatedAt: now,
  });
  return await syncWatchItem(ctx, row._id);
}

/**
 * The web app's first API (upsertWatchlistItem, unused by its client since 2026-02-21):
 * stores the combined `status` as given and the split fields it means.
 */
export async function upsertLegacy(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; status: string; progress?: number } & ItemMetadata,
): Promise<Id<"watch_items">> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const meaning = statusMeaning(args.status);
  if (meaning === undefined) throw new ConvexError(`Unknown status "${args.status.slice(0, 40)}"`);
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  const fields = {
    status: args.status,
    inWatchlist: true,
    progressStatus: WEB_STATUS[meaning],
    progress: progressFor(meaning, args.progress, row?.progress) ?? 0,
    ...(args.status === "liked" ? { reaction: "liked" } : {}),
    ...cleanMetadata(args),
    updatedAt: Date.now(),
  };
  if (row === null)
    return await syncWatchItem(ctx, await ctx.db.insert("watch_items", { userId, tmdbId, mediaType: args.mediaType, ...fields }));
  await ctx.db.patch(row._id, fields);
  return await syncWatchItem(ctx, row._id);
}

export interface ListFilter {
  progressStatus?: ProgressStatus;
  mediaType?: MediaType;
  /** "watchlist": rows in the watchlist (inWatchlist true or absent); "all": every tracked row. */
  scope?: "watchlist" | "all";
}

/** Keyset position: the last item shown, by its index order (updatedAt, then _creationTime). */
export interface ListCursor {
  before: number;
  creation: number;
}

export function parsePageSize(pageSize: number): number {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 25) fail("INVALID_ARGUMENT", "A page holds 1 to 25 titles.");
  return pageSize;
}

/** One index range ending in updatedAt: the index and the equality prefix before it. */
interface ListRange {
  index: string;
  eq: [string, unknown][];
}

/**
 * The index ranges that together hold exactly the rows a filter asks for: one per
 * stored synonym of the status (and per legacy `status` value on rows without a
 * progressStatus), times one per membership value for the watchlist scope.
 */
export function listRanges(userId: Id<"users">, filter: ListFilter): ListRange[] {
  const { progressStatus, mediaType } = filter;
  const members: (boolean | undefined)[] | null = (filter.scope ?? "all") === "watchlist" ? [true, undefined] : null;
  const type: [string, unknown][] = mediaType !== undefined ? [["mediaType", mediaType]] : [];
  const shapes: { suffix: string; eq: [string, unknown][] }[] =
    progressStatus === undefined
      ? [{ suffix: "", eq: [] }]
      : [
          ...STATUS_SYNONYMS[progressStatus].map((value) => ({
            suffix: "status_",
            eq: [["progressStatus", value]] as [string, unknown][],
          })),
          ...LEGACY_STATUS_VALUES[progressStatus].map((value) => ({
            suffix: "legacy_",
            eq: [
              ["progressStatus", undefined],
              ["status", value],
            ] as [string, unknown][],
          })),
        ];
  const ranges: ListRange[] = [];
  for (const member of members ?? [null]) {
    for (const shape of shapes) {
      const index = `by_user_${member === null ? "" : "member_"}${mediaType !== undefined ? "type_" : ""}${shape.suffix}updated`;
      const memberEq: [string, unknown][] = member === null ? [] : [["inWatchlist", member]];
      ranges.push({ index, eq: [["userId", userId], ...memberEq, ...type, ...shape.eq] });
    }
  }
  return ranges;
}

/**
 * One page of a user's titles, newest change first. Each range of listRanges is read
 * through its index and the ranges are merged lazily (convex-helpers' mergedStream),
 * so a page costs its own rows plus at most one look-ahead per range, never the
 * library. Every index ends in (updatedAt, _creationTime), a total order, so the
 * cursor never skips or repeats an item, however many share a timestamp.
 */
export async function listPage(
  ctx: QueryCtx,
  userId: Id<"users">,
  filter: ListFilter,
  cursor: ListCursor | null,
  pageSize: number,
): Promise<{ items: WatchItemView[]; next: ListCursor | null }> {
  parsePageSize(pageSize);
  if (cursor !== null && (!Number.isFinite(cursor.before) || !Number.isFinite(cursor.creation))) {
    fail("INVALID_ARGUMENT", "That page link is not valid any more.");
  }
  const db = stream(ctx.db, schema);
  const streams = [];
  for (const range of listRanges(userId, filter)) {
    const prefix = (q: any) => range.eq.reduce((acc, [field, value]) => acc.eq(field, value), q);
    const read = (rest: (q: any) => any) =>
      db
        .query("watch_items")
        .withIndex(range.index as "by_user_updated", (q) => rest(prefix(q)))
        .order("desc");
    if (cursor === null) {
      streams.push(read((q) => q));
    } else {
      // Items sharing the cursor's timestamp first, then everything older.
      streams.push(read((q) => q.eq("updatedAt", cursor.before).lt("_creationTime", cursor.creation)));
      streams.push(read((q) => q.lt("updatedAt", cursor.before)));
    }
  }
  const rows = await mergedStream(streams, ["updatedAt", "_creationTime"]).take(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const next = rows.length > pageSize && last !== undefined ? { before: last.updatedAt, creation: last._creationTime } : null;
  return { items: page.map(viewItem), next };
}

/** One answer for every reason another member's list can't be shown, so none of them leaks. */
export const LIST_UNAVAILABLE_MESSAGE = "There's no list to show for them — it's private or empty.";

function listUnavailable(): never {
  fail("LIST_UNAVAILABLE", LIST_UNAVAILABLE_MESSAGE);
}

/**
 * A page of the viewer's own list, or of another member's. Another member's list is
 * shown only when they made it visible and track something; otherwise (private, no
 * profile, nothing tracked) the same LIST_UNAVAILABLE error, whichever it was.
 */
export async function listForViewer(
  ctx: QueryCtx,
  args: {
    viewerDiscordUserId: string;
    ownerDiscordUserId?: string;
    filter: ListFilter;
    cursor: ListCursor | null;
    pageSize: number;
  },
): Promise<{ items: WatchItemView[]; next: ListCursor | null; ownerName: string | null }> {
  parsePageSize(args.pageSize);
  const ownerId = args.ownerDiscordUserId ?? args.viewerDiscordUserId;
  const other = ownerId !== args.viewerDiscordUserId;
  const account = await discordAccount(ctx, ownerId);
  if (account === null) {
    if (other) listUnavailable();
    return { items: [], next: null, ownerName: null };
  }
  if (other && !account.listPublic) listUnavailable();
  const page = await listPage(ctx, account.userId, args.filter, args.cursor, args.pageSize);
  if (other && args.cursor === null && page.items.length === 0) {
    const anything = await ctx.db
      .query("watch_items")
      .withIndex("by_user", (q) => q.eq("userId", account.userId))
      .first();
    if (anything === null) listUnavailable();
  }
  return { ...page, ownerName: account.username ?? null };
}
