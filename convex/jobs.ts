// Internal scheduled work, apart from the public API: nothing here can be called
// from outside the deployment.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { sweepExpired as sweep } from "./model/housekeeping";
import { continueJob } from "./model/tracking";

/** Applies the next chunk of an episode change too large for one transaction. */
export const continueEpisodeJob = internalMutation({
  args: { jobId: v.id("episode_jobs") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await continueJob(ctx, args.jobId);
    return null;
  },
});

/** Deletes long-expired link codes, party prompts and Undo entries a page at a time (daily cron). */
export const sweepExpired = internalMutation({
  args: {},
  returns: v.object({ linkRequests: v.number(), partyPrompts: v.number(), undoEntries: v.number() }),
  handler: async (ctx) => {
    const { deleted, more } = await sweep(ctx, Date.now());
    if (more) await ctx.scheduler.runAfter(0, internal.jobs.sweepExpired, {});
    return { linkRequests: deleted.link_requests, partyPrompts: deleted.party_prompts, undoEntries: deleted.undo_entries };
  },
});
