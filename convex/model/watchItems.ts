import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { MediaType, ProgressStatus, Reaction } from "../validators";
import { fail } from "./errors";
import { normalizeState, parseProgress, parseTmdbId } from "./vocabulary";

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
 * Writes that touch a legacy row also write its meaning in the split model, so a
 * later read never re-derives a value the user has since changed (e.g. a cleared
 * reaction coming back from legacy status "liked").
 */
export function materialized(row: Doc<"watch_items">) {
  const state = normalizeState(row);
  return { progressStatus: state.progressStatus, reaction: state.reaction, inWatchlist: row.inWatchlist ?? true };
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
    return await ctx.db.insert("watch_items", {
      userId,
      tmdbId,
      mediaType: args.mediaType,
      inWatchlist: true,
      progressStatus: "want-to-watch",
      progress: 0,
      ...meta,
      updatedAt: now,
    });
  }
  // Progress, status and reaction are kept either way: membership is decoupled from tracking.
  await ctx.db.patch(row._id, { ...materialized(row), inWatchlist: args.inWatchlist, ...meta, updatedAt: now });
  return row._id;
}

export function progressFor(status: ProgressStatus, given: number | undefined, current: number | undefined) {
  if (given !== undefined) return parseProgress(given);
  if (status === "finished") return 100;
  if (status === "want-to-watch") return 0;
  return current;
}

export async function setProgressStatus(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; mediaType: MediaType; progressStatus: ProgressStatus; progress?: number } & ItemMetadata,
): Promise<Id<"watch_items">> {
  const tmdbId = parseTmdbId(args.tmdbId);
  const meta = cleanMetadata(args);
  const now = Date.now();
  const row = await findItem(ctx, userId, tmdbId, args.mediaType);
  const progress = progressFor(args.progressStatus, args.progress, row?.progress);
  if (row === null) {
    // Tracking without joining the watchlist: the web app keeps these apart.
    return await ctx.db.insert("watch_items", {
      userId,
      tmdbId,
      mediaType: args.mediaType,
      inWatchlist: false,
      progressStatus: args.progressStatus,
      progress,
      ...meta,
      updatedAt: now,
    });
  }
  await ctx.db.patch(row._id, {
    ...materialized(row),
    progressStatus: args.progressStatus,
    progress,
    ...meta,
    updatedAt: now,
  });
  return row._id;
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
    return await ctx.db.insert("watch_items", {
      userId,
      tmdbId,
      mediaType: args.mediaType,
      inWatchlist: false,
      reaction: args.reaction,
      ...meta,
      updatedAt: now,
    });
  }
  await ctx.db.patch(row._id, {
    ...materialized(row),
    reaction: args.reaction ?? undefined,
    ...meta,
    updatedAt: now,
  });
  return row._id;
}

export interface ListFilter {
  progressStatus?: ProgressStatus;
  mediaType?: MediaType;
}

/** Keyset position: the last item shown, by its index order (updatedAt, then _creationTime). */
export interface ListCursor {
  before: number;
  creation: number;
}

type ListIndexRange = (q: any) => any;

export function parsePageSize(pageSize: number): number {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 25) fail("INVALID_ARGUMENT", "A page holds 1 to 25 titles.");
  return pageSize;
}

/**
 * One page of a user's titles, newest change first, read through the index that
 * matches the filter so the cost is the page, never the library. Every index
 * ends in _creationTime, so (updatedAt, _creationTime) is a total order and the
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
  const { progressStatus, mediaType } = filter;
  // The equality prefix of the index that matches the filter, then the range on updatedAt.
  const [index, prefix]: [string, ListIndexRange] =
    progressStatus !== undefined && mediaType !== undefined
      ? ["by_user_type_status_updated", (q) => q.eq("userId", userId).eq("mediaType", mediaType).eq("progressStatus", progressStatus)]
      : progressStatus !== undefined
        ? ["by_user_status_updated", (q) => q.eq("userId", userId).eq("progressStatus", progressStatus)]
        : mediaType !== undefined
          ? ["by_user_type_updated", (q) => q.eq("userId", userId).eq("mediaType", mediaType)]
          : ["by_user_updated", (q) => q.eq("userId", userId)];
  const query = (range: ListIndexRange) =>
    ctx.db
      .query("watch_items")
      .withIndex(index as "by_user_updated", (q) => range(prefix(q)))
      .order("desc");

  let rows: Doc<"watch_items">[];
  if (cursor === null) {
    rows = await query((q) => q).take(pageSize + 1);
  } else {
    // Items sharing the cursor's timestamp come first, then everything older.
    rows = await query((q) => q.eq("updatedAt", cursor.before).lt("_creationTime", cursor.creation)).take(pageSize + 1);
    if (rows.length <= pageSize) rows = rows.concat(await query((q) => q.lt("updatedAt", cursor.before)).take(pageSize + 1 - rows.length));
  }
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const next = rows.length > pageSize && last !== undefined ? { before: last.updatedAt, creation: last._creationTime } : null;
  return { items: page.map(viewItem), next };
}
