// Internal scheduled work, apart from the public API: nothing here can be called
// from outside the deployment.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { SWEPT_TABLES, sweepTable } from "../model/housekeeping";
import { continueJob } from "../model/tracking";

/** Applies the next chunk of an episode change too large for one transaction. */
export const continueEpisodeJob = internalMutation({
  args: { jobId: v.id("episode_jobs") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await continueJob(ctx, args.jobId);
    return null;
  },
});

/**
 * Deletes long-expired link codes, party prompts and Undo entries (daily cron): one job per table,
 * each a page per transaction until none is left, so a slow table never holds up the others.
 */
export const sweepExpired = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    for (const table of SWEPT_TABLES) await ctx.scheduler.runAfter(0, internal.housekeeping.jobs.sweepExpiredTable, { table });
    return null;
  },
});

export const sweepExpiredTable = internalMutation({
  args: { table: v.union(...SWEPT_TABLES.map((t) => v.literal(t))) },
  returns: v.object({ deleted: v.number() }),
  handler: async (ctx, { table }) => {
    const { deleted, more } = await sweepTable(ctx, table, Date.now());
    if (more) await ctx.scheduler.runAfter(0, internal.housekeeping.jobs.sweepExpiredTable, { table });
    return { deleted };
  },
});
