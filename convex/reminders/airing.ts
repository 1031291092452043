// New-episode alerts (model/remindersAlerts.ts): the daily TMDB check and the followers' DMs.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation } from "../_generated/server";
import { reportTransactionCost } from "../lib/metrics";
import {
  alertFollowersPage,
  applyAiring,
  claimAiringChecks,
  finishCaughtUpPage,
  noteAiringFailure,
  parseAiring,
} from "../model/remindersAlerts";
import { parseTmdbId } from "../model/vocabulary";
import { showDetails } from "../lib/tmdb";

// ── New-episode alerts (model/remindersAlerts.ts) ─────────────────────────────

const episodeKeyValidator = v.object({ season: v.number(), episode: v.number() });

/** The hourly check: shows whose daily TMDB check is due, one refresh each. */
export const checkAiring = internalMutation({
  args: {},
  returns: v.object({ shows: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const { tmdbIds, more } = await claimAiringChecks(ctx, Date.now());
    for (const tmdbId of tmdbIds) await ctx.scheduler.runAfter(0, internal.reminders.airing.refreshAiring, { tmdbId });
    if (more) await ctx.scheduler.runAfter(0, internal.reminders.airing.checkAiring, {});
    await reportTransactionCost(ctx);
    return { shows: tmdbIds.length, more };
  },
});

/** One show's TMDB details (one request), then what aired. A failure waits for tomorrow's check. */
export const refreshAiring = internalAction({
  args: { tmdbId: v.number() },
  returns: v.null(),
  handler: async (ctx, { tmdbId }) => {
    const answer = await showDetails(parseTmdbId(tmdbId));
    const info = answer.ok ? parseAiring(answer.body) : null;
    if (info !== null) await ctx.runMutation(internal.reminders.airing.recordAiring, { tmdbId, info });
    else {
      // TMDB down, slow or answering nonsense: this show is checked again soon, backing off (model/remindersAlerts.ts).
      const retry = await ctx.runMutation(internal.reminders.airing.recordAiringFailure, { tmdbId });
      console.warn(
        `airing check of show ${tmdbId}: ${answer.ok ? "TMDB's answer is not a show" : answer.message}${retry ? `; retrying at ${new Date(retry.retryAt).toISOString()} (failure ${retry.failures})` : ""}`,
      );
    }
    return null;
  },
});

export const recordAiringFailure = internalMutation({
  args: { tmdbId: v.number() },
  returns: v.union(v.null(), v.object({ failures: v.number(), retryAt: v.number() })),
  handler: async (ctx, { tmdbId }) => await noteAiringFailure(ctx, tmdbId, Date.now()),
});

export const recordAiring = internalMutation({
  args: {
    tmdbId: v.number(),
    info: v.object({
      title: v.string(),
      seasons: v.array(v.object({ season: v.number(), name: v.string(), episodeCount: v.number() })),
      lastAired: v.union(v.null(), v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) })),
      nextAir: v.optional(v.object({ season: v.number(), episode: v.number(), airDate: v.optional(v.string()) })),
      ongoing: v.optional(v.boolean()),
    }),
  },
  returns: v.boolean(),
  handler: async (ctx, { tmdbId, info }) => {
    const changed = await applyAiring(ctx, tmdbId, info);
    await reportTransactionCost(ctx);
    return changed;
  },
});

/** One page of a show's followers for a newly aired episode; the next page follows. */
export const alertFollowers = internalMutation({
  args: {
    tmdbId: v.number(),
    previous: episodeKeyValidator,
    aired: v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) }),
    cursor: v.union(v.string(), v.null()),
  },
  returns: v.number(),
  handler: async (ctx, args) => {
    const { alerted, continueCursor } = await alertFollowersPage(ctx, args, Date.now());
    if (continueCursor !== null)
      await ctx.scheduler.runAfter(0, internal.reminders.airing.alertFollowers, { ...args, cursor: continueCursor });
    await reportTransactionCost(ctx);
    return alerted;
  },
});

/** After a followed show ends: its caught-up viewers are finished (model/remindersAlerts finishCaughtUpPage), a page at a time. */
export const finishCaughtUp = internalMutation({
  args: { tmdbId: v.number(), cursor: v.union(v.string(), v.null()) },
  returns: v.number(),
  handler: async (ctx, { tmdbId, cursor }) => {
    const { finished, continueCursor } = await finishCaughtUpPage(ctx, tmdbId, cursor, Date.now());
    if (continueCursor !== null)
      await ctx.scheduler.runAfter(0, internal.reminders.airing.finishCaughtUp, { tmdbId, cursor: continueCursor });
    await reportTransactionCost(ctx);
    return finished;
  },
});
