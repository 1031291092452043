import type { Doc, Id } from "../_generated/dataModel";
import { internal } from "../_generated/api";
import type { MutationCtx } from "../_generated/server";
import { legacyFill, statusMeaning, storedWord } from "./vocabulary";

/** Rows one backfill transaction rewrites before it hands the rest to a scheduled continuation. */
export const BACKFILL_PAGE = 500;

/**
 * The fields a legacy row gets once its meaning is written in the split model; null
 * when there is nothing to add. Only the legacy combined `status` is mapped (in the web
 * app's current words; `dropped` by progress plus the reaction not-for-me, as the web
 * app's server and the seed map it): a progressStatus or reaction already stored, in
 * whatever vocabulary, is left exactly as it is.
 */
export function backfillPatch(row: Doc<"watch_items">): Partial<Doc<"watch_items">> | null {
  const patch: Partial<Doc<"watch_items">> = { ...legacyFill(row) };
  if (row.inWatchlist === undefined) patch.inWatchlist = true;
  const derived = statusMeaning(patch.progressStatus);
  if (derived === "finished" && row.progress === undefined) patch.progress = 100;
  if (derived === "want-to-watch" && row.progress === undefined) patch.progress = 0;
  return Object.keys(patch).length === 0 ? null : patch;
}

/**
 * Rewrites one page of a user's rows (oldest first, by _creationTime through
 * by_user) and says where the next page starts. updatedAt is left alone: a
 * migration is not the user's activity.
 */
export async function backfillUserPage(
  ctx: MutationCtx,
  userId: Id<"users">,
  cursor: string | null,
): Promise<{ scanned: number; updated: number; continueCursor: string | null }> {
  const page = await ctx.db
    .query("watch_items")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .paginate({ cursor, numItems: BACKFILL_PAGE });
  let updated = 0;
  for (const row of page.page) {
    const patch = backfillPatch(row);
    if (patch !== null) {
      await ctx.db.patch(row._id, patch);
      updated++;
    }
  }
  return { scanned: page.page.length, updated, continueCursor: page.isDone ? null : page.continueCursor };
}

/** A run that wrote no page for this long is taken as dead (its continuation failed) and may be started again. */
export const BACKFILL_STALE_MS = 10 * 60 * 1000;

async function runOf(ctx: MutationCtx, userId: Id<"users">): Promise<Doc<"backfill_runs"> | null> {
  return await ctx.db
    .query("backfill_runs")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .first();
}

/**
 * Starts a user's backfill unless one is running: the first page in this transaction,
 * the rest in scheduled pages tracked by a backfill_runs row, so however often it is
 * asked for, one run at a time walks a library. A running one answers continuing
 * without starting another.
 */
export async function startBackfill(
  ctx: MutationCtx,
  userId: Id<"users">,
  now: number,
  inline: boolean,
): Promise<{ scanned: number; updated: number; continuing: boolean }> {
  const running = await runOf(ctx, userId);
  if (running !== null && now - running.touchedAt < BACKFILL_STALE_MS) return { scanned: 0, updated: 0, continuing: true };
  if (running !== null) await ctx.db.delete(running._id);
  if (!inline) {
    const runId = await ctx.db.insert("backfill_runs", { userId, startedAt: now, touchedAt: now, scanned: 0, updated: 0 });
    await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, { userId, cursor: null, runId });
    return { scanned: 0, updated: 0, continuing: true };
  }
  const page = await backfillUserPage(ctx, userId, null);
  if (page.continueCursor !== null) {
    const runId = await ctx.db.insert("backfill_runs", {
      userId,
      startedAt: now,
      touchedAt: now,
      scanned: page.scanned,
      updated: page.updated,
    });
    await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, { userId, cursor: page.continueCursor, runId });
  }
  return { scanned: page.scanned, updated: page.updated, continuing: page.continueCursor !== null };
}

/** The next page of a run; the run ends (its row removed) with the last page. A run replaced since stops here. */
export async function continueBackfillRun(
  ctx: MutationCtx,
  userId: Id<"users">,
  cursor: string | null,
  runId: Id<"backfill_runs"> | undefined,
  now: number,
): Promise<void> {
  const run = runId === undefined ? null : await ctx.db.get(runId);
  if (runId !== undefined && run === null) return;
  const page = await backfillUserPage(ctx, userId, cursor);
  if (page.continueCursor === null) {
    if (run !== null) await ctx.db.delete(run._id);
    return;
  }
  if (run !== null) {
    await ctx.db.patch(run._id, { touchedAt: now, scanned: run.scanned + page.scanned, updated: run.updated + page.updated });
  }
  await ctx.scheduler.runAfter(0, internal.watchlist.continueBackfill, {
    userId,
    cursor: page.continueCursor,
    ...(runId !== undefined ? { runId } : {}),
  });
}

/**
 * Words the bot (and the seed) stored before every write used the web app's current ones.
 * The web app reads them right everywhere except its custom-list page, which labels any
 * word it does not know "Watch Later".
 */
export const SEED_ONLY_WORDS = ["finished", "want-to-watch"] as const;

/**
 * Rewrites one page of rows holding `word` to the web app's word for the same meaning,
 * through the status index (a rewritten row leaves the range, so each page starts at its
 * front). updatedAt is left alone: a migration is not the user's activity.
 */
export async function rewriteWordPage(
  ctx: MutationCtx,
  word: (typeof SEED_ONLY_WORDS)[number],
): Promise<{ rewritten: number; more: boolean }> {
  const rows = await ctx.db
    .query("watch_items")
    .withIndex("by_status_updated", (q) => q.eq("progressStatus", word))
    .take(BACKFILL_PAGE);
  for (const row of rows) await ctx.db.patch(row._id, { progressStatus: storedWord(word) });
  return { rewritten: rows.length, more: rows.length === BACKFILL_PAGE };
}
