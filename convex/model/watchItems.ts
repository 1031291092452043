import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { MediaType, ProgressStatus, Reaction } from "../validators";
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
function materialized(row: Doc<"watch_items">) {
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

/** Keyset position: items updated at or before `before`, skipping the first `skip` that share it. */
export interface ListCursor {
  before: number;
  skip: number;
}

/**
 * One page of a user's titles, newest change first, read through the index that
 * matches the filter so the cost is the page, never the library.
 */
export async function listPage(
  ctx: QueryCtx,
  userId: Id<"users">,
  filter: ListFilter,
  cursor: ListCursor | null,
  pageSize: number,
): Promise<{ items: WatchItemView[]; next: ListCursor | null }> {
  const size = Math.max(1, Math.min(25, Math.floor(pageSize)));
  const before = cursor?.before ?? Number.MAX_SAFE_INTEGER;
  const skip = Math.max(0, Math.min(1000, cursor?.skip ?? 0));
  const { progressStatus, mediaType } = filter;
  const query =
    progressStatus !== undefined && mediaType !== undefined
      ? ctx.db
          .query("watch_items")
          .withIndex("by_user_type_status_updated", (q) =>
            q.eq("userId", userId).eq("mediaType", mediaType).eq("progressStatus", progressStatus).lte("updatedAt", before),
          )
      : progressStatus !== undefined
        ? ctx.db
            .query("watch_items")
            .withIndex("by_user_status_updated", (q) =>
              q.eq("userId", userId).eq("progressStatus", progressStatus).lte("updatedAt", before),
            )
        : mediaType !== undefined
          ? ctx.db
              .query("watch_items")
              .withIndex("by_user_type_updated", (q) =>
                q.eq("userId", userId).eq("mediaType", mediaType).lte("updatedAt", before),
              )
          : ctx.db
              .query("watch_items")
              .withIndex("by_user_updated", (q) => q.eq("userId", userId).lte("updatedAt", before));
  const rows = await query.order("desc").take(skip + size + 1);
  const page = rows.slice(skip, skip + size);
  const last = page[page.length - 1];
  let next: ListCursor | null = null;
  if (rows.length > skip + size && last !== undefined) {
    // Count how many rows sharing the last timestamp this page already showed.
    const shown = rows.slice(0, skip + size).filter((r) => r.updatedAt === last.updatedAt).length;
    next = { before: last.updatedAt, skip: shown };
  }
  return { items: page.map(viewItem), next };
}
