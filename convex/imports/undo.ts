// Undoing an import as a whole, for 24 hours after it finished: paged scheduled mutations that walk
// its parts backwards and put back exactly what each recorded — the item's fields (unless the
// person changed the title here since), the episodes it marked, the show's own status bookkeeping.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { internal } from "../_generated/api";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { english, type Translator } from "../../src/i18n";
import { fail } from "../model/errors";
import { applyEpisodes, getSummary } from "../model/episodes";
// Registers who hears of a progress change (party boards, reminders): this module writes episodes.
import "../model/progressSubscribers";
import { findItem } from "../model/watchItems";
import { syncTitleStats } from "../stats/counters";
import { scheduleEdit } from "./notify";

/** Episodes one undo page puts back (each costs a few reads and writes), and parts it reads at most. */
const EPISODES_PER_PAGE = 1_000;
const PARTS_PER_PAGE = 150;

export async function startUndo(
  ctx: MutationCtx,
  run: Doc<"import_runs">,
  reply: { applicationId: string; token: string },
  t: Translator = english,
) {
  const now = Date.now();
  if (run.state === "undoing") fail("INVALID_ARGUMENT", t("imports.run.undoing"));
  if (run.state === "undone") fail("INVALID_ARGUMENT", t("imports.run.undone"));
  // A job that stopped part-way (failed after Import) is undone as far as it got.
  const applied = run.state === "done" || (run.state === "failed" && run.appliedAt !== undefined);
  if (!applied) fail("INVALID_ARGUMENT", t("imports.run.notApplied"));
  if (run.expiresAt < now) fail("INVALID_ARGUMENT", t("imports.run.tooOld"));
  await ctx.db.patch(run._id, {
    state: "undoing",
    cursor: run.staged,
    done: 0,
    kept: 0,
    touchedAt: now,
    reply: { ...reply, tokenAt: now },
  });
  await ctx.scheduler.runAfter(0, internal.imports.undo.undoPage, { runId: run._id });
}

/** Puts one part back; true when the person had changed the title since, so its fields were kept. */
async function restorePart(ctx: MutationCtx, run: Doc<"import_runs">, part: Doc<"import_entries">): Promise<boolean> {
  const change = part.change!;
  const { userId } = run;
  const tmdbId = part.tmdbId!;
  if (change.flipped.length > 0) {
    const bySeason = new Map<number, number[]>();
    for (const e of change.flipped) bySeason.set(e.season, [...(bySeason.get(e.season) ?? []), e.episode]);
    await applyEpisodes(
      ctx,
      userId,
      tmdbId,
      [...bySeason].map(([season, episodes]) => ({ season, episodes })),
      false,
    );
    // Rows the import created go again (rather than stay as "unwatched"), so the library is as it was.
    for (const e of change.flipped) {
      const rows = await ctx.db
        .query("episode_progress")
        .withIndex("by_user_episode", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("season", e.season).eq("episode", e.episode))
        .take(10);
      for (const row of rows) if (!row.isWatched && row._creationTime >= (run.appliedAt ?? 0)) await ctx.db.delete(row._id);
    }
    const summary = await getSummary(ctx, userId, tmdbId);
    if (summary !== null) {
      if (change.summaryCreated === true && summary.watchedCount === 0) await ctx.db.delete(summary._id);
      else await ctx.db.patch(summary._id, { autoStatus: change.previousAutoStatus });
    }
  }
  if (!change.itemChanged) return false;
  const row = await findItem(ctx, userId, tmdbId, part.mediaType);
  // Changed here after the import last wrote: the person's later choice stays. (Not touchedAt, which
  // startUndo and every undo page move on: a stalled import's undo would overwrite later changes.)
  const applied = run.finishedAt ?? run.lastAppliedAt ?? run.appliedAt ?? run.createdAt;
  if (row !== null && row.updatedAt > applied) return true;
  const before = change.previousItem;
  if (before === null) {
    if (row !== null) await ctx.db.delete(row._id);
  } else if (row !== null) {
    // Every field explicitly: one that was empty before (absent from the record) must become empty again.
    const { inWatchlist, progressStatus, reaction, progress, title, image, updatedAt } = before;
    await ctx.db.patch(row._id, { inWatchlist, progressStatus, reaction, progress, title, image, updatedAt });
  } else {
    await ctx.db.insert("watch_items", { userId, tmdbId, mediaType: part.mediaType, ...before });
  }
  // Written directly (to put back exactly what was there), so the stats counters are told here.
  await syncTitleStats(ctx, userId, tmdbId, part.mediaType);
  return false;
}

export const undoPage = internalMutation({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run === null || run.state !== "undoing") return;
    const parts = await ctx.db
      .query("import_entries")
      .withIndex("by_run", (q) => q.eq("runId", runId).lt("index", run.cursor))
      .order("desc")
      .take(PARTS_PER_PAGE);
    let episodes = 0;
    let cursor = run.cursor;
    let kept = run.kept;
    let done = run.done;
    for (const part of parts) {
      const size = part.change?.flipped.length ?? 0;
      if (cursor < run.cursor && episodes + size > EPISODES_PER_PAGE) break;
      episodes += size;
      cursor = part.index;
      done++;
      if (part.change === undefined || part.undone === true) continue;
      if (await restorePart(ctx, run, part)) kept++;
      await ctx.db.patch(part._id, { undone: true });
    }
    const now = Date.now();
    const fields = { cursor, done, kept, touchedAt: now };
    if (cursor > 0) {
      await ctx.db.patch(runId, fields);
      await ctx.scheduler.runAfter(0, internal.imports.undo.undoPage, { runId });
      await scheduleEdit(ctx, { ...run, ...fields }, false);
      return;
    }
    const end = { ...fields, state: "undone" as const };
    await ctx.db.patch(runId, end);
    await scheduleEdit(ctx, { ...run, ...end }, true);
  },
});
