// Data migrations and repairs, all internal (run them with `npx convex run`).
//
// Written by hand rather than with @convex-dev/migrations: the summary migration walks
// shows, not documents (a skip scan reading one episode row per show, where the
// component would page through every episode row), and a hand-written paged mutation
// needs no component registration, which offline codegen and the embedded sandbox
// engine cannot see (a hand-typed components module and test shims would be needed).
//
//   npx convex run migrations:backfillEpisodeSummaries     every show gets a summary
//   npx convex run watchlist:backfillAllUsers               legacy `status` → split model
//   npx convex run migrations:rewriteSeedStatusWords        finished / want-to-watch → done / watch-later
//   npx convex run migrations:repairSummaries '{"userId":"…"}'  rebuild one user's summaries
//   npx convex run migrations:repairStats '{"userId":"…"}'      rebuild one user's stats counters
//   npx convex run migrations:backfillStats                 every user's stats counters, from the rows
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery } from "./_generated/server";
import { rewriteWordPage, SEED_ONLY_WORDS } from "./model/backfill";
import { buildSummaryPage as buildPage } from "./model/episodes";
// A finished summary build tells the "progress changed" subscribers (party boards).
import "./model/progressSubscribers";
import { migrateSummariesPage, repairSummariesPage } from "./model/summaries";
import { repairPage, startRepair } from "./stats/repair";

/** One scheduled page of one show's summary build. */
export const buildSummaryPage = internalMutation({
  args: { summaryId: v.id("episode_summaries") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await buildPage(ctx, args.summaryId);
    return null;
  },
});

/**
 * Gives every show that has episode rows a summary, a page of shows per transaction,
 * continuing in scheduled pages. Safe to run again: shows with a summary are skipped.
 */
export const backfillEpisodeSummaries = internalMutation({
  args: {},
  returns: v.object({ migrationId: v.id("summary_migrations") }),
  handler: async (ctx) => {
    const migrationId = await ctx.db.insert("summary_migrations", { shows: 0, started: 0, state: "running", startedAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.migrations.continueEpisodeSummaries, { migrationId });
    return { migrationId };
  },
});

export const continueEpisodeSummaries = internalMutation({
  args: { migrationId: v.id("summary_migrations") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const migration = await ctx.db.get(args.migrationId);
    if (migration === null || migration.state === "done") return null;
    const page = await migrateSummariesPage(ctx, migration.after);
    const counts = { shows: migration.shows + page.shows, started: migration.started + page.started };
    if (page.after === null) {
      await ctx.db.patch(migration._id, { ...counts, state: "done", finishedAt: Date.now() });
    } else {
      await ctx.db.patch(migration._id, { ...counts, after: page.after });
      await ctx.scheduler.runAfter(0, internal.migrations.continueEpisodeSummaries, { migrationId: migration._id });
    }
    return null;
  },
});

/** How far the summary migration got, and how many summaries are still being built. */
export const episodeSummaryStatus = internalQuery({
  args: { migrationId: v.id("summary_migrations") },
  handler: async (ctx, args) => await ctx.db.get(args.migrationId),
});

/**
 * Rebuilds every episode summary of one user from their episode rows (for a summary
 * that disagrees with the rows, whatever the cause). Readers see the rebuild as
 * "still counting" until each show's pages have run.
 */
export const repairSummaries = internalMutation({
  args: {
    userId: v.id("users"),
    phase: v.optional(v.union(v.literal("summaries"), v.literal("shows"))),
    afterTmdbId: v.optional(v.number()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const next = await repairSummariesPage(ctx, args.userId, { phase: args.phase ?? "summaries", afterTmdbId: args.afterTmdbId });
    if (next !== null) await ctx.scheduler.runAfter(0, internal.migrations.repairSummaries, { userId: args.userId, ...next });
    return null;
  },
});

/**
 * Stores the web app's current word on every row the bot (or the seed) wrote as `finished`
 * or `want-to-watch`, a page per transaction, continuing in scheduled pages. Safe to run
 * again; reading never needed it (every synonym is read), the web app's custom-list page does.
 */
export const rewriteSeedStatusWords = internalMutation({
  args: { word: v.optional(v.number()), rewritten: v.optional(v.number()) },
  returns: v.object({ rewritten: v.number(), continuing: v.boolean() }),
  handler: async (ctx, args) => {
    const index = args.word ?? 0;
    const word = SEED_ONLY_WORDS[index];
    if (word === undefined) return { rewritten: args.rewritten ?? 0, continuing: false };
    const page = await rewriteWordPage(ctx, word);
    const rewritten = (args.rewritten ?? 0) + page.rewritten;
    const next = page.more ? index : index + 1;
    const continuing = next < SEED_ONLY_WORDS.length;
    if (continuing) await ctx.scheduler.runAfter(0, internal.migrations.rewriteSeedStatusWords, { word: next, rewritten });
    else console.log(`rewriteSeedStatusWords: ${rewritten} rows now in the web app's words`);
    return { rewritten, continuing };
  },
});

/**
 * Rebuilds one user's stats counters from their rows (docs/stats.md "Repair"), a page per
 * transaction, continuing in scheduled pages. `restart` (the default for a call by hand) starts
 * from the beginning; the scheduled pages continue where the stored state says.
 */
export const repairStats = internalMutation({
  args: { userId: v.id("users"), restart: v.optional(v.boolean()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    if (args.restart !== false) await startRepair(ctx, args.userId);
    if (await repairPage(ctx, args.userId))
      await ctx.scheduler.runAfter(0, internal.migrations.repairStats, { userId: args.userId, restart: false });
    return null;
  },
});

/** Users one backfill page starts a rebuild for. */
const STATS_BACKFILL_USERS = 50;

/** Rebuilds every user's stats counters (the first deployment of stats, or after a counting change). */
export const backfillStats = internalMutation({
  args: {},
  returns: v.object({ backfillId: v.id("stats_backfills") }),
  handler: async (ctx) => {
    const backfillId = await ctx.db.insert("stats_backfills", { users: 0, state: "running", startedAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.migrations.continueStatsBackfill, { backfillId });
    return { backfillId };
  },
});

export const continueStatsBackfill = internalMutation({
  args: { backfillId: v.id("stats_backfills") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const backfill = await ctx.db.get(args.backfillId);
    if (backfill === null || backfill.state === "done") return null;
    const after = backfill.after;
    const users = await ctx.db
      .query("users")
      .withIndex("by_id", (q) => (after === undefined ? q : q.gt("_id", after)))
      .take(STATS_BACKFILL_USERS);
    for (const user of users) {
      await startRepair(ctx, user._id);
      await ctx.scheduler.runAfter(0, internal.migrations.repairStats, { userId: user._id, restart: false });
    }
    const counted = backfill.users + users.length;
    if (users.length < STATS_BACKFILL_USERS) await ctx.db.patch(backfill._id, { users: counted, state: "done", finishedAt: Date.now() });
    else {
      await ctx.db.patch(backfill._id, { users: counted, after: users[users.length - 1]!._id });
      await ctx.scheduler.runAfter(0, internal.migrations.continueStatsBackfill, { backfillId: backfill._id });
    }
    return null;
  },
});
