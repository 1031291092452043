// Filling the facts cache (title_facts, docs/stats.md "Hours and genres") for titles counted as
// finished without facts — a web app finish, an import, a bot path that had no details in hand —
// and keeping the counters equal to a recount when facts arrive or change.
//
// One fetcher at a time (its heartbeat row, title_facts_fetcher): each run fetches at most
// FETCH_BATCH due titles from TMDB (GET /movie/{id} or /tv/{id}, waiting out a 429), one after the
// other, and the next run follows FETCH_SPACING_MS later: at most FETCH_BATCH per FETCH_SPACING_MS.
// A failed fetch is retried later (RETRY_BASE_MS × 4^attempt, at most MAX_RETRY_MS), up to
// MAX_ATTEMPTS; a title TMDB doesn't know gets empty facts (nothing counted, never asked again).
// Without TMDB settings (TMDB_API_TOKEN) the fetcher goes back to sleep at once, the queue kept.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type ActionCtx, type MutationCtx } from "../_generated/server";
import { titleDetails, tmdbConfig } from "../lib/tmdb";
import { applyDelta, counted, factsFields, ledgerFacts, runningRepair, StatsDelta } from "./counters";
import { checkFacts, countedFacts, factsOf, wakeFetcher } from "./factsCache";

export const FETCH_BATCH = 10;
export const FETCH_SPACING_MS = 2_000;
export const RETRY_BASE_MS = 60_000;
export const MAX_RETRY_MS = 24 * 60 * 60 * 1000;
export const MAX_ATTEMPTS = 8;
/** Finished titles whose counters one adjusting transaction brings in line with new facts. */
export const ADJUST_PAGE = 50;

/**
 * Stores a title's facts (from the bot or TMDB); when they change what a finish counts, every
 * person who finished the title gets their counters adjusted: the first ADJUST_PAGE here, the rest
 * in scheduled pages.
 */
export async function recordFacts(
  ctx: MutationCtx,
  tmdbId: number,
  mediaType: string,
  facts: { runtime?: number; genres: number[] },
  now = Date.now(),
): Promise<void> {
  const existing = await factsOf(ctx, tmdbId, mediaType);
  const known = existing?.fetchedAt !== undefined;
  if (known && existing!.runtime === facts.runtime && existing!.genres.join() === facts.genres.join()) return;
  const fields = { runtime: facts.runtime, genres: facts.genres, fetchedAt: now, due: undefined, attempts: undefined };
  if (existing === null) await ctx.db.insert("title_facts", { tmdbId, mediaType, ...fields });
  else await ctx.db.patch(existing._id, fields);
  // Unchanged counted facts (say a show's new runtime: its hours come from episodes) leave the counters be.
  const before = countedFacts(mediaType, existing);
  const after = countedFacts(mediaType, { ...existing!, ...fields });
  if (known && before.minutes === after.minutes && before.genres.join() === after.genres.join()) return;
  const next = await adjustPage(ctx, tmdbId, mediaType, null, now);
  if (next !== null) await ctx.scheduler.runAfter(0, internal.stats.facts.adjustFacts, { tmdbId, mediaType, after: next });
}

/**
 * Brings the counters of up to ADJUST_PAGE finishes of this title (after the ledger created at
 * `after`) in line with the cached facts: the counted facts come off and the new ones go on, in
 * the year the finish was counted. Answers where to go on from, or null when done.
 */
async function adjustPage(ctx: MutationCtx, tmdbId: number, mediaType: string, after: number | null, now: number) {
  const facts = countedFacts(mediaType, await factsOf(ctx, tmdbId, mediaType));
  const ledgers = await ctx.db
    .query("stats_titles")
    .withIndex("by_title", (q) =>
      q
        .eq("tmdbId", tmdbId)
        .eq("mediaType", mediaType)
        .gt("_creationTime", after ?? -1),
    )
    .take(ADJUST_PAGE);
  for (const l of ledgers) {
    if (l.finishedAt === undefined) continue;
    const old = ledgerFacts(l);
    if (old.minutes === facts.minutes && old.genres.join() === facts.genres.join()) continue;
    await ctx.db.patch(l._id, factsFields(facts));
    // A repair that hasn't walked this title yet counts it from the cache itself.
    if (!counted(await runningRepair(ctx, l.userId), l.itemCreatedAt ?? 0)) continue;
    const delta = new StatsDelta();
    delta.facts(l.finishedAt, old, -1);
    delta.facts(l.finishedAt, facts, 1);
    await applyDelta(ctx, l.userId, delta, now);
  }
  return ledgers.length === ADJUST_PAGE ? ledgers[ledgers.length - 1]!._creationTime : null;
}

export const adjustFacts = internalMutation({
  args: { tmdbId: v.number(), mediaType: v.string(), after: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const next = await adjustPage(ctx, args.tmdbId, args.mediaType, args.after, Date.now());
    if (next !== null) await ctx.scheduler.runAfter(0, internal.stats.facts.adjustFacts, { ...args, after: next });
    return null;
  },
});

export const dueTitles = internalQuery({
  args: { now: v.number() },
  returns: v.array(v.object({ id: v.id("title_facts"), tmdbId: v.number(), mediaType: v.string() })),
  handler: async (ctx, args) => {
    const rows = await ctx.db
      .query("title_facts")
      .withIndex("by_due", (q) => q.gte("due", 0).lte("due", args.now))
      .take(FETCH_BATCH);
    return rows.map((r) => ({ id: r._id, tmdbId: r.tmdbId, mediaType: r.mediaType }));
  },
});

export const storeFacts = internalMutation({
  args: { tmdbId: v.number(), mediaType: v.string(), runtime: v.optional(v.number()), genres: v.array(v.number()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const facts = checkFacts(args) ?? { genres: [] };
    await recordFacts(ctx, args.tmdbId, args.mediaType, facts);
    return null;
  },
});

export const fetchFailed = internalMutation({
  args: { id: v.id("title_facts") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const row = await ctx.db.get(args.id);
    if (row === null || row.due === undefined) return null;
    const attempts = (row.attempts ?? 0) + 1;
    // Given up: a later finish of the title asks again.
    if (attempts >= MAX_ATTEMPTS) await ctx.db.patch(row._id, { due: undefined, attempts });
    else await ctx.db.patch(row._id, { attempts, due: Date.now() + Math.min(MAX_RETRY_MS, RETRY_BASE_MS * 4 ** (attempts - 1)) });
    return null;
  },
});

/** After a fetcher run: the next run (soon if titles are due, at the earliest retry if only retries wait), or sleep. */
export const fetcherDone = internalMutation({
  args: { asleep: v.optional(v.boolean()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    const now = Date.now();
    const beat = await ctx.db.query("title_facts_fetcher").first();
    // TMDB isn't configured: the queue waits (the next finish, or `wake`, tries again).
    if (args.asleep === true) {
      if (beat !== null) await ctx.db.delete(beat._id);
      return null;
    }
    const next = await ctx.db
      .query("title_facts")
      .withIndex("by_due", (q) => q.gte("due", 0))
      .first();
    if (next === null || next.due === undefined) {
      if (beat !== null) await ctx.db.delete(beat._id);
      return null;
    }
    const delay = Math.max(FETCH_SPACING_MS, next.due - now);
    const job = await ctx.scheduler.runAfter(delay, internal.stats.facts.fetchDue, {});
    if (beat === null) await ctx.db.insert("title_facts_fetcher", { at: now + delay, job });
    else await ctx.db.patch(beat._id, { at: now + delay, job });
    return null;
  },
});

/** What /movie/{id} or /tv/{id} says of the runtime and genres; null when the answer isn't usable. */
export function factsFromDetails(body: unknown): { runtime?: number; genres: number[] } | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as { runtime?: unknown; genres?: unknown };
  const genres = Array.isArray(b.genres)
    ? b.genres.map((g: unknown) => (typeof g === "object" && g !== null ? (g as { id?: unknown }).id : null))
    : [];
  return checkFacts({ runtime: b.runtime ?? undefined, genres });
}

/** One fetcher run: up to FETCH_BATCH due titles, one request each. */
export const fetchDue = internalAction({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    try {
      tmdbConfig();
    } catch (error) {
      console.warn(`title facts: not fetching: ${String(error)}`);
      await ctx.runMutation(internal.stats.facts.fetcherDone, { asleep: true });
      return null;
    }
    const due = await ctx.runQuery(internal.stats.facts.dueTitles, { now: Date.now() });
    for (const title of due) await fetchOne(ctx, title);
    await ctx.runMutation(internal.stats.facts.fetcherDone, {});
    return null;
  },
});

async function fetchOne(ctx: ActionCtx, title: { id: Id<"title_facts">; tmdbId: number; mediaType: string }) {
  if (title.mediaType !== "movie" && title.mediaType !== "tv") {
    await ctx.runMutation(internal.stats.facts.storeFacts, { tmdbId: title.tmdbId, mediaType: title.mediaType, genres: [] });
    return;
  }
  try {
    const answer = await titleDetails(title.mediaType, title.tmdbId);
    const facts = answer.ok ? factsFromDetails(answer.body) : answer.status === 404 ? { genres: [] } : null;
    if (facts !== null) {
      await ctx.runMutation(internal.stats.facts.storeFacts, { tmdbId: title.tmdbId, mediaType: title.mediaType, ...facts });
      return;
    }
    console.warn(`title facts: ${title.mediaType} ${title.tmdbId}: ${answer.ok ? "unusable answer" : answer.message}`);
  } catch (error) {
    console.warn(`title facts: ${title.mediaType} ${title.tmdbId}: ${String(error)}`);
  }
  await ctx.runMutation(internal.stats.facts.fetchFailed, { id: title.id });
}

/** Wakes the fetcher (e.g. after setting TMDB_API_TOKEN, for titles waiting on a retry). */
export const wake = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await wakeFetcher(ctx, Date.now(), 0);
    return null;
  },
});
