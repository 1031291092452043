// Merges in the background: a linked account's Discord-side data moves into the web profile, in
// steps (model/merge.ts), retried with backoff after a failure.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation } from "../_generated/server";
import { unlinkQueuedBehind } from "../model/link";
import { STEPS_PER_RUN, mergeStep } from "../model/merge";

// ─────────────────────────────────────────────────────────── merges in the background

export const runMergeStep = internalMutation({
  args: { jobId: v.id("link_merges") },
  returns: v.object({ done: v.boolean(), moved: v.number() }),
  handler: async (ctx, { jobId }) => {
    const step = await mergeStep(ctx, jobId);
    if (step.done) {
      const job = await ctx.db.get(jobId);
      if (job !== null) await unlinkQueuedBehind(ctx, job);
    }
    return { done: step.done, moved: step.moved };
  },
});

/** After a failed step: back off and try again (from where the job stopped), or give up after many tries. */
export const mergeFailed = internalMutation({
  args: { jobId: v.id("link_merges"), error: v.string() },
  returns: v.null(),
  handler: async (ctx, { jobId, error }) => {
    const job = await ctx.db.get(jobId);
    if (job === null || job.state !== "running") return null;
    const attempts = job.attempts + 1;
    if (attempts >= MAX_MERGE_ATTEMPTS) {
      await ctx.db.patch(jobId, { state: "failed", attempts, lastError: error.slice(0, 300), updatedAt: Date.now() });
      return null;
    }
    await ctx.db.patch(jobId, { attempts, lastError: error.slice(0, 300), updatedAt: Date.now() });
    await ctx.scheduler.runAfter(Math.min(60_000 * 2 ** attempts, 3_600_000), internal.linking.merge.runMerge, { jobId });
    return null;
  },
});

const MAX_MERGE_ATTEMPTS = 8;

/** Drives a job: steps until done, a fresh run after STEPS_PER_RUN, a backed-off retry after a failure. */
export const runMerge = internalAction({
  args: { jobId: v.id("link_merges") },
  returns: v.null(),
  handler: async (ctx, { jobId }) => {
    try {
      for (let i = 0; i < STEPS_PER_RUN; i++) {
        const step = await ctx.runMutation(internal.linking.merge.runMergeStep, { jobId });
        if (step.done) return null;
      }
      await ctx.scheduler.runAfter(0, internal.linking.merge.runMerge, { jobId });
    } catch (error) {
      await ctx.runMutation(internal.linking.merge.mergeFailed, { jobId, error: error instanceof Error ? error.message : String(error) });
    }
    return null;
  },
});
