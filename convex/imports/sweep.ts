// Deleting import runs: a cancelled one at once, every other a day after it stopped being undoable
// (the daily sweep, convex/housekeeping). A run's staged titles go a page per transaction first.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";

/** Staged parts deleted per transaction (a part holds up to 2,000 episodes and their undo record). */
export const PURGE_PAGE = 50;

/** Deletes a page of a run's parts, and the run once none is left; true when more remain. */
export async function purgePage(ctx: MutationCtx, runId: Id<"import_runs">): Promise<boolean> {
  const parts = await ctx.db
    .query("import_entries")
    .withIndex("by_run", (q) => q.eq("runId", runId))
    .take(PURGE_PAGE);
  for (const part of parts) await ctx.db.delete(part._id);
  if (parts.length === PURGE_PAGE) return true;
  if ((await ctx.db.get(runId)) !== null) await ctx.db.delete(runId);
  return false;
}

export const purgeRun = internalMutation({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    if (await purgePage(ctx, runId)) await ctx.scheduler.runAfter(0, internal.imports.sweep.purgeRun, { runId });
  },
});

/** One page of the sweep: runs whose undo window ended before `before` (never one still running). */
export async function sweepImportRuns(ctx: MutationCtx, before: number): Promise<{ deleted: number; more: boolean }> {
  const runs = await ctx.db
    .query("import_runs")
    .withIndex("by_expires", (q) => q.lt("expiresAt", before))
    .take(5);
  let deleted = 0;
  let more = false;
  for (const run of runs) {
    if (run.state === "applying" || run.state === "undoing" || run.state === "matching") continue;
    if (await purgePage(ctx, run._id)) more = true;
    else deleted++;
  }
  return { deleted, more: more || (runs.length === 5 && deleted > 0) };
}
