// The bot's API for /import (issue 22): start a run, stage the file's titles in chunks, hand it to
// the matcher, answer the preview's menus and buttons, apply, cancel and undo. Every function goes
// through a builder from lib/botFunctions; the logic lives in convex/imports/. See docs/bot-api.md.
import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { botMutation, botQuery, botServiceMutation } from "../lib/botFunctions";
import { importSourceValidator } from "../lib/importEntry";
import { translator } from "../../src/i18n";
import { fail } from "../model/errors";
import { discordAccount, parseDiscordUserId } from "../model/users";
import { startApply } from "../imports/apply";
import { importPartValidator } from "../imports/limits";
import { busyWith, cancelRun, choose, describe, finishStaging, ownRun, runView, stageParts, startRun } from "../imports/runs";
import { startUndo } from "../imports/undo";
import { importCandidateValidator, importCountsValidator, importStateValidator } from "../tables/imports";

const replyArg = { reply: v.object({ applicationId: v.string(), token: v.string() }) };
const countsValidator = importCountsValidator;
const unmatchedValidator = v.object({
  title: v.string(),
  year: v.optional(v.number()),
  mediaType: v.union(v.literal("movie"), v.literal("tv")),
  ids: v.string(),
});
/** What the reply shows (src/views/import.ts ImportView). */
export const importViewValidator = v.object({
  runId: v.string(),
  state: importStateValidator,
  fileName: v.string(),
  source: v.string(),
  titles: v.number(),
  episodes: v.number(),
  skippedRows: v.number(),
  counts: countsValidator,
  matched: v.number(),
  staged: v.number(),
  done: v.number(),
  changes: v.number(),
  kept: v.number(),
  ambiguous: v.array(
    v.object({
      index: v.number(),
      mediaType: v.union(v.literal("movie"), v.literal("tv")),
      title: v.string(),
      year: v.optional(v.number()),
      candidates: v.array(importCandidateValidator),
    }),
  ),
  page: v.number(),
  pages: v.number(),
  unmatched: v.array(unmatchedValidator),
  error: v.optional(v.string()),
  undoUntil: v.optional(v.number()),
});

const validReply = (reply: { applicationId: string; token: string }) => {
  if (!/^\d{15,22}$/.test(reply.applicationId) || !/^[\x21-\x7e]{1,500}$/.test(reply.token))
    fail("INVALID_ARGUMENT", "That interaction can't be answered.");
  return reply;
};

/** Starts an import for the acting user: `busy` (a sentence) when one of theirs is still running. */
export const start = botMutation({
  args: { source: importSourceValidator, fileName: v.string(), rows: v.number(), skipped: v.number() },
  returns: v.union(v.object({ runId: v.string() }), v.object({ busy: v.string() })),
  handler: async (ctx, args) => await startRun(ctx, ctx.actor, args, translator(ctx.locale)),
});

/** Whether an import of the person's is still running or being undone, asked before their file is downloaded and read. */
export const busy = botQuery({
  args: {},
  returns: v.union(v.null(), v.literal("running"), v.literal("undoing")),
  handler: async (ctx) => await busyWith(ctx, await ctx.actor.userId()),
});

/** The person's language as their last command left it on their account (calls without an interaction). */
async function remembered(ctx: QueryCtx, discordUserId: string) {
  return translator((await discordAccount(ctx, parseDiscordUserId(discordUserId)))?.locale);
}

/** The user's own run, for staging calls (which spend no write budget: one import is many calls). */
async function stagingRun(ctx: QueryCtx, discordUserId: string, runId: string) {
  const account = await discordAccount(ctx, parseDiscordUserId(discordUserId));
  return await ownRun(ctx, account?.userId ?? null, runId, translator(account?.locale));
}

/** Stages one chunk of the file's titles (convex/imports/limits.ts stagingCalls); a bad chunk is refused whole. */
export const stage = botServiceMutation({
  args: { discordUserId: v.string(), runId: v.string(), parts: v.array(importPartValidator) },
  returns: v.object({ staged: v.number() }),
  handler: async (ctx, args) =>
    await stageParts(ctx, await stagingRun(ctx, args.discordUserId, args.runId), args.parts, await remembered(ctx, args.discordUserId)),
});

/** The file is staged: matching starts and edits `reply` (the deferred /import) as it goes. */
export const finish = botServiceMutation({
  args: { discordUserId: v.string(), runId: v.string(), ...replyArg },
  returns: importViewValidator,
  handler: async (ctx, args) => {
    const run = await stagingRun(ctx, args.discordUserId, args.runId);
    await finishStaging(ctx, run, validReply(args.reply));
    return await runView(ctx, (await ctx.db.get(run._id))!);
  },
});

/** Where an import is, with a page of its ambiguous titles. */
export const view = botQuery({
  args: { runId: v.string(), page: v.optional(v.number()) },
  returns: importViewValidator,
  handler: async (ctx, args) =>
    await runView(ctx, await ownRun(ctx, await ctx.actor.userId(), args.runId, await remembered(ctx, args.discordUserId)), args.page ?? 0),
});

/** Unmatched titles the CSV lists at most (the query stays inside Convex's read limits). */
export const UNMATCHED_CSV_MAX = 5_000;

/** A run's unmatched titles for the CSV (the first UNMATCHED_CSV_MAX), and how many there are in all. */
export const unmatched = botQuery({
  args: { runId: v.string() },
  returns: v.object({ items: v.array(unmatchedValidator), total: v.number() }),
  handler: async (ctx, args) => {
    const run = await ownRun(ctx, await ctx.actor.userId(), args.runId, await remembered(ctx, args.discordUserId));
    const rows = await ctx.db
      .query("import_entries")
      .withIndex("by_run_match", (q) => q.eq("runId", run._id).eq("match", "unmatched"))
      .filter((q) => q.eq(q.field("first"), true))
      .take(UNMATCHED_CSV_MAX);
    // The preview's count is the total; the rows are it when fewer than the cap came back.
    const total = rows.length < UNMATCHED_CSV_MAX ? rows.length : Math.max(rows.length, run.counts.unmatched);
    return { items: rows.map(describe), total };
  },
});

/** An ambiguous title answered: a candidate's TMDB id, or "skip". */
export const pick = botMutation({
  args: { runId: v.string(), index: v.number(), choice: v.union(v.number(), v.literal("skip")), page: v.optional(v.number()) },
  returns: importViewValidator,
  handler: async (ctx, args) => {
    const t = translator(ctx.locale);
    const run = await ownRun(ctx, ctx.actor.userId, args.runId, t);
    await choose(ctx, run, args.index, args.choice, t);
    return await runView(ctx, (await ctx.db.get(run._id))!, args.page ?? 0);
  },
});

/** Import pressed: the preview is applied by scheduled jobs that edit `reply` as they go. */
export const apply = botMutation({
  args: { runId: v.string(), ...replyArg },
  returns: importViewValidator,
  handler: async (ctx, args) => {
    const t = translator(ctx.locale);
    const run = await ownRun(ctx, ctx.actor.userId, args.runId, t);
    await startApply(ctx, run, validReply(args.reply), t);
    return await runView(ctx, (await ctx.db.get(run._id))!);
  },
});

/** Cancel pressed (or a new import replaces a preview): nothing is written. */
export const cancel = botMutation({
  args: { runId: v.string() },
  returns: importViewValidator,
  handler: async (ctx, args) => {
    const t = translator(ctx.locale);
    const run = await ownRun(ctx, ctx.actor.userId, args.runId, t);
    if (run.state !== "cancelled") await cancelRun(ctx, run, t);
    return await runView(ctx, (await ctx.db.get(run._id))!);
  },
});

/** Undoes an import as a whole (the given one, or the person's latest that changed something), within 24 hours of it finishing. */
export const undo = botMutation({
  args: { runId: v.optional(v.string()), ...replyArg },
  returns: importViewValidator,
  handler: async (ctx, args) => {
    const t = translator(ctx.locale);
    let runId: Id<"import_runs">;
    if (args.runId !== undefined) runId = (await ownRun(ctx, ctx.actor.userId, args.runId, t))._id;
    else {
      const latest = await ctx.db
        .query("import_runs")
        .withIndex("by_user", (q) => q.eq("userId", ctx.actor.userId))
        .order("desc")
        .filter((q) =>
          // An import that changed nothing has nothing to undo: the one before it is meant.
          q.or(
            q.and(q.or(q.eq(q.field("state"), "done"), q.eq(q.field("state"), "failed")), q.gt(q.field("changes"), 0)),
            q.eq(q.field("state"), "undoing"),
            q.eq(q.field("state"), "undone"),
          ),
        )
        .first();
      if (latest === null) fail("NOT_FOUND", t("imports.run.noUndo"));
      runId = latest._id;
    }
    await startUndo(ctx, (await ctx.db.get(runId))!, validReply(args.reply), t);
    return await runView(ctx, (await ctx.db.get(runId))!);
  },
});
