// Internal scheduled work, apart from the public API: nothing here can be called
// from outside the deployment.
import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
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
