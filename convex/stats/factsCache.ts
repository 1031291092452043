// The bot's cache of TMDB facts per title (title_facts: a film's runtime, the genre ids), read by the
// stats counters when a title is counted as finished. Facts that aren't cached yet are asked for
// here: the title is queued (`due`) and the one fetcher (convex/stats/facts.ts) is woken if asleep.
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

/** What a title's finish counts from the facts cache: a film's runtime, and its genres. */
export interface CountedFacts {
  minutes: number;
  genres: number[];
}

/** A fetcher that hasn't beaten for this long is taken for dead (its action failed) and started anew. */
export const FETCHER_STALE_MS = 10 * 60 * 1000;
/**
 * How long a woken fetcher waits before its first run: a burst of finishes (an import, a web app
 * session) is fetched in a few batched runs rather than as each write lands, and the fetch never
 * competes with the write that asked for it.
 */
export const FETCH_DELAY_MS = 60_000;
/** Genre ids kept per title (TMDB gives a handful). */
export const MAX_GENRES = 10;

export async function factsOf(ctx: QueryCtx, tmdbId: number, mediaType: string) {
  return await ctx.db
    .query("title_facts")
    .withIndex("by_title", (q) => q.eq("tmdbId", tmdbId).eq("mediaType", mediaType))
    .first();
}

/** What a finish counts from the cache: a film's runtime (a show's hours come from its episodes) and the genres. */
export function countedFacts(mediaType: string, facts: Doc<"title_facts"> | null): CountedFacts {
  if (facts === null) return { minutes: 0, genres: [] };
  return { minutes: mediaType === "movie" ? (facts.runtime ?? 0) : 0, genres: facts.genres };
}

/** Checked facts from the bot or TMDB: null when they aren't usable. */
export function checkFacts(raw: { runtime?: unknown; genres?: unknown }): { runtime?: number; genres: number[] } | null {
  const runtime = raw.runtime;
  if (
    runtime !== undefined &&
    runtime !== null &&
    (!Number.isSafeInteger(runtime) || (runtime as number) < 0 || (runtime as number) > 100_000)
  )
    return null;
  if (!Array.isArray(raw.genres)) return null;
  const genres = [...new Set(raw.genres)].filter((g): g is number => Number.isSafeInteger(g) && g > 0 && g < 1e9).slice(0, MAX_GENRES);
  genres.sort((a, b) => a - b);
  return { ...(typeof runtime === "number" && runtime > 0 ? { runtime } : {}), genres };
}

/** Queues a fetch of this title's facts (once: a queued title isn't queued again) and wakes the fetcher. */
export async function requestFacts(ctx: MutationCtx, tmdbId: number, mediaType: string, existing: Doc<"title_facts"> | null, now: number) {
  if (mediaType !== "movie" && mediaType !== "tv") return;
  if (existing === null) await ctx.db.insert("title_facts", { tmdbId, mediaType, genres: [], due: now, attempts: 0 });
  else if (existing.due === undefined) await ctx.db.patch(existing._id, { due: now, attempts: 0 });
  else return;
  await wakeFetcher(ctx, now);
}

/** Transactions (by their ctx, one per function run) that have woken the fetcher already. */
const woken = new WeakSet<object>();

/**
 * Schedules the fetcher unless one is due within `delayMs` or running (its heartbeat row is fresh);
 * one asleep until a later retry is brought forward.
 */
export async function wakeFetcher(ctx: MutationCtx, now: number, delayMs = FETCH_DELAY_MS) {
  // Once per transaction: an import page finishing hundreds of titles reads the heartbeat once.
  if (delayMs === FETCH_DELAY_MS) {
    if (woken.has(ctx)) return;
    woken.add(ctx);
  }
  const beat = await ctx.db.query("title_facts_fetcher").first();
  if (beat !== null && now - beat.at < FETCHER_STALE_MS && beat.at <= now + delayMs) return;
  if (beat?.job !== undefined && beat.at > now) await ctx.scheduler.cancel(beat.job);
  const job = await ctx.scheduler.runAfter(delayMs, internal.stats.facts.fetchDue, {});
  if (beat === null) await ctx.db.insert("title_facts_fetcher", { at: now + delayMs, job });
  else await ctx.db.patch(beat._id, { at: now + delayMs, job });
}
