// Deleting import runs: a cancelled one at once, every other a day after it stopped being undoable
// (the daily sweep, convex/housekeeping). A run's staged titles go a page per transaction first.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { STUCK_RUN_MS } from "./runs";

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

/** Runs one sweep page purges, and expired runs it looks at (past ones still running) at most. */
const SWEEP_PAGE = 5;
const SWEEP_SCAN = 100;
const RUNNING: ReadonlySet<string> = new Set(["applying", "undoing", "matching"]);

/**
 * One page of the sweep: runs whose undo window ended before `before`. One still running is passed
 * over (the next page looks past it); one that stopped moving (no page for STUCK_RUN_MS) is marked
 * failed, its stored interaction token dropped, and purged like the rest — otherwise a few stuck
 * runs would hold the sweep at the same page, and keep their rows and tokens, for good.
 */
export async function sweepImportRuns(ctx: MutationCtx, before: number): Promise<{ deleted: number; more: boolean }> {
  const now = Date.now();
  // Chosen first, written after: nothing is changed while the index is being read.
  const chosen: Doc<"import_runs">[] = [];
  let scanned = 0;
  let more = false;
  for await (const run of ctx.db.query("import_runs").withIndex("by_expires", (q) => q.lt("expiresAt", before))) {
    if (chosen.length === SWEEP_PAGE) {
      more = true;
      break;
    }
    if (++scanned > SWEEP_SCAN) break;
    if (RUNNING.has(run.state) && now - run.touchedAt <= STUCK_RUN_MS) continue;
    chosen.push(run);
  }
  let deleted = 0;
  for (const run of chosen) {
    if (RUNNING.has(run.state)) await ctx.db.patch(run._id, { state: "failed", touchedAt: now, reply: undefined });
    if (await purgePage(ctx, run._id)) more = true;
    else deleted++;
  }
  return { deleted, more };
}
