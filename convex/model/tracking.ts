import { ConvexError, type Infer } from "convex/values";
import type { markOutcome } from "../lib/botReturns";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { ProgressStatus } from "../lib/validators";
import {
  applyEpisodes,
  batchSize,
  cleanBatch,
  followedStatus,
  getSummary,
  progressPercent,
  showProgress,
  splitBatch,
  summaryToSet,
  type SeasonEpisodes,
  type ShowProgress,
} from "./episodes";
// Registers who hears of a progress change (party boards, reminders): this module starts episode writes.
import "./progressSubscribers";
import { recordUndo, snapshotItem } from "./undo";
import { findItem, materialized, viewItem } from "./watchItems";
import { getShow } from "./shows";
import { syncTitleStats } from "../stats/counters";
import { WEB_STATUS } from "./vocabulary";

/**
 * Episodes one transaction marks before the rest moves to scheduled chunks. Each
 * episode costs about one read and one write; this stays far inside Convex's
 * per-transaction limits (16,000 writes, 32,000 reads) with room for the rest.
 */
export const EPISODES_PER_TRANSACTION = 2_000;

/**
 * What markEpisodes answers: the part of the bot's answer (lib/botReturns.ts markOutcome) the write
 * itself knows; jobId is set when the work continues in scheduled chunks.
 */
export type MarkOutcome = Pick<
  Infer<typeof markOutcome>,
  "requested" | "changed" | "unchanged" | "statusBefore" | "statusAfter" | "progress" | "undoId" | "jobId"
>;

/**
 * Marks episodes for a user and lets the show's status and progress follow
 * (see followedStatus). Batches larger than one transaction can hold are
 * applied in chunks by scheduled internal mutations; the job row says how far
 * they got.
 */
export async function markEpisodes(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { tmdbId: number; batch: SeasonEpisodes[]; isWatched: boolean; description: string; followStatus: boolean },
): Promise<MarkOutcome> {
  const batch = cleanBatch(args.batch);
  const requested = batchSize(batch);
  const [now, later] = splitBatch(batch, EPISODES_PER_TRANSACTION);
  const itemBefore = await findItem(ctx, userId, args.tmdbId, "tv");
  const summaryBefore = await getSummary(ctx, userId, args.tmdbId);
  const applied = await applyEpisodes(ctx, userId, args.tmdbId, now, args.isWatched);

  if (later.length > 0) {
    const jobId = await ctx.db.insert("episode_jobs", {
      userId,
      tmdbId: args.tmdbId,
      isWatched: args.isWatched,
      followStatus: args.followStatus,
      pending: later,
      total: requested,
      applied: batchSize(now),
      changed: applied.changed.length,
      state: "running",
      createdAt: Date.now(),
    });
    await ctx.scheduler.runAfter(0, internal.housekeeping.jobs.continueEpisodeJob, { jobId });
    return {
      requested,
      changed: applied.changed.length,
      unchanged: applied.unchanged,
      statusBefore: itemBefore ? viewItem(itemBefore).progressStatus : undefined,
      progress: null,
      undoId: null,
      jobId,
    };
  }

  if (!args.followStatus) {
    return { requested, changed: applied.changed.length, unchanged: applied.unchanged, progress: null, undoId: null, jobId: null };
  }
  const followed = await followEpisodes(ctx, userId, args.tmdbId, applied.summary, args.isWatched, applied.changed.length);
  const undoId =
    applied.changed.length === 0 && followed.statusAfter === followed.statusBefore
      ? null
      : await recordUndo(ctx, userId, {
          tmdbId: args.tmdbId,
          mediaType: "tv",
          description: args.description,
          previousItem: snapshotItem(itemBefore),
          flipped: applied.changed.map((e) => ({ ...e, wasWatched: !args.isWatched })),
          autoStatus: { previous: summaryBefore?.autoStatus },
        });
  return {
    requested,
    changed: applied.changed.length,
    unchanged: applied.unchanged,
    ...followed,
    undoId,
    jobId: null,
  };
}

/** Applies the next chunk of a large marking job; finishes by letting the status follow. */
export async function continueJob(ctx: MutationCtx, jobId: Id<"episode_jobs">): Promise<void> {
  const job = await ctx.db.get(jobId);
  if (job === null || job.state === "done") return;
  const [now, later] = splitBatch(job.pending, EPISODES_PER_TRANSACTION);
  const applied = await applyEpisodes(ctx, job.userId, job.tmdbId, now, job.isWatched);
  const progressFields = {
    pending: later,
    applied: job.applied + batchSize(now),
    changed: job.changed + applied.changed.length,
  };
  if (later.length > 0) {
    await ctx.db.patch(jobId, progressFields);
    await ctx.scheduler.runAfter(0, internal.housekeeping.jobs.continueEpisodeJob, { jobId });
    return;
  }
  await ctx.db.patch(jobId, { ...progressFields, state: "done", finishedAt: Date.now() });
  if (job.followStatus) await followEpisodes(ctx, job.userId, job.tmdbId, applied.summary, job.isWatched, progressFields.changed);
}

/** Moves the show's watch item along with its episodes (creating a tracking row if needed). */
async function followEpisodes(
  ctx: MutationCtx,
  userId: Id<"users">,
  tmdbId: number,
  summary: Doc<"episode_summaries">,
  isWatched: boolean,
  changed: number,
): Promise<{ statusBefore?: ProgressStatus; statusAfter?: ProgressStatus; progress: ShowProgress | null }> {
  const show = await getShow(ctx, tmdbId);
  // A summary still being built from older rows knows only part of the show: no progress figures from it.
  const counted = summary.building === undefined;
  const progress = show !== null && counted ? showProgress(show, summaryToSet(summary)) : null;
  const row = await findItem(ctx, userId, tmdbId, "tv");
  const current = row !== null ? viewItem(row).progressStatus : undefined;
  if (changed === 0) return { statusBefore: current, statusAfter: current, progress };

  const watchedCount = progress?.watched ?? summary.watchedCount;
  const total = progress?.total ?? 0;
  const next = followedStatus({
    current,
    autoStatus: summary.autoStatus,
    isWatched,
    watched: watchedCount,
    total,
    ongoing: show?.ongoing === true || progress?.upcoming !== undefined,
  });
  const status = next ?? current;
  if (row !== null && !isWatched && summary.watchedCount === 0 && summary.autoStatus !== undefined && onlyFollowsEpisodes(row)) {
    // The row existed only because episodes were marked: with none left it would be a phantom "Want to watch".
    await ctx.db.delete(row._id);
    await ctx.db.patch(summary._id, { autoStatus: undefined });
    await syncTitleStats(ctx, userId, tmdbId, "tv");
    return { statusBefore: current, statusAfter: undefined, progress };
  }
  const now = Date.now();
  const fields = {
    // Stored in the web app's word (its custom-list page labels raw values); autoStatus keeps the meaning.
    ...(next !== undefined ? { progressStatus: WEB_STATUS[next] } : {}),
    ...((status === "watching" || next !== undefined) && (counted || status !== "watching")
      ? { progress: status !== undefined ? progressPercent(status, watchedCount, total) : undefined }
      : {}),
    updatedAt: now,
  };
  if (row === null) {
    // Unmarking a show nobody tracks leaves nothing worth a row.
    if (next === undefined) return { statusBefore: current, statusAfter: current, progress };
    await ctx.db.insert("watch_items", {
      userId,
      tmdbId,
      mediaType: "tv",
      inWatchlist: false,
      title: show?.title,
      image: show?.image,
      ...fields,
    });
  } else {
    // materialized: a legacy row keeps the reaction its old status implied once progressStatus is written.
    await ctx.db.patch(row._id, { ...materialized(row), ...fields });
  }
  await syncTitleStats(ctx, userId, tmdbId, "tv");
  if (next !== undefined) await ctx.db.patch(summary._id, { autoStatus: next });
  return { statusBefore: current, statusAfter: status, progress };
}

/** A status the user chose themselves stops the bot from moving it back on unmarking. */
export async function forgetAutoStatus(ctx: MutationCtx, userId: Id<"users">, tmdbId: number): Promise<string | undefined> {
  const summary = await getSummary(ctx, userId, tmdbId);
  if (summary?.autoStatus !== undefined) await ctx.db.patch(summary._id, { autoStatus: undefined });
  return summary?.autoStatus;
}

/** A row the bot made to follow episodes, which its owner never added to the watchlist nor reacted to. */
function onlyFollowsEpisodes(row: Doc<"watch_items">): boolean {
  const item = viewItem(row);
  return !item.inWatchlist && item.reaction === undefined;
}

/**
 * Episodes one web app call may name for a show whose structure is not cached: above
 * the longest-running shows on TMDB (daily soaps run to about 15,000 episodes).
 */
export const UNCACHED_EPISODE_CAP = 20_000;

/**
 * The most episodes one web app call may name for a show: what its cached structure
 * holds (specials included, as the TV page sends them) plus a tenth for episodes aired
 * since it was cached (at least 100), or UNCACHED_EPISODE_CAP when none is cached.
 */
export function webEpisodeLimit(show: Pick<Doc<"shows">, "seasons"> | null): number {
  if (show === null) return UNCACHED_EPISODE_CAP;
  const total = show.seasons.reduce((n, s) => n + s.episodeCount, 0);
  return total + Math.max(100, Math.ceil(total / 10));
}

/**
 * Refuses a web app batch larger than the show can hold, with a message the web app can
 * show (a ConvexError's text survives production). Returns the cleaned batch.
 */
export async function boundWebBatch(ctx: MutationCtx, tmdbId: number, batch: SeasonEpisodes[]): Promise<SeasonEpisodes[]> {
  const cleaned = cleanBatch(batch);
  const requested = batchSize(cleaned);
  if (requested <= 1) return cleaned;
  const show = await getShow(ctx, tmdbId);
  const limit = webEpisodeLimit(show);
  if (requested > limit) {
    const count = requested.toLocaleString("en-US");
    throw new ConvexError(
      show === null
        ? `That's ${count} episodes in one go; at most ${limit.toLocaleString("en-US")} can be marked at once.`
        : `That's ${count} episodes, but ${show.title} has ${show.seasons.reduce((n, s) => n + s.episodeCount, 0).toLocaleString("en-US")}.`,
    );
  }
  return cleaned;
}
