// Matching a staged import to TMDB, as a scheduled action: pages of titles still pending, each
// resolved from the shared cache or TMDB (paced, retried on 429), the answers saved with the
// preview's counts; then the preview is shown by editing the person's reply.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { addCounts, contribution } from "./runs";
import { lookUp, lookupKeys, pacer, resolveEntry, type Lookup } from "./resolve";
import { scheduleEdit } from "./notify";
import { importCandidateValidator } from "../tables/imports";

/** Titles one page of matching resolves before saving. */
const PAGE = 100;
/** An action stops taking new pages after this long and schedules itself again (actions run ≤ 10 min). */
const ACTION_BUDGET_MS = 4 * 60 * 1000;
/** Requests in flight at once. */
const CONCURRENCY = 20;

/** TMDB requests per second: IMPORT_TMDB_RATE (1–50) or 40, under TMDB's limit. */
export function tmdbRate(env: Record<string, string | undefined> = process.env): number {
  const raw = env.IMPORT_TMDB_RATE?.trim();
  if (raw === undefined || raw === "") return 40;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error("IMPORT_TMDB_RATE must be a whole number of requests per second, 1–50.");
  return n;
}

const lookupValidator = v.object({
  key: v.string(),
  mediaType: v.union(v.literal("movie"), v.literal("tv")),
  result: v.union(v.literal("found"), v.literal("ambiguous"), v.literal("none")),
  tmdbId: v.optional(v.number()),
  title: v.optional(v.string()),
  image: v.optional(v.string()),
  candidates: v.optional(v.array(importCandidateValidator)),
});

export const pendingPage = internalQuery({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run === null || run.state !== "matching") return null;
    const entries = await ctx.db
      .query("import_entries")
      .withIndex("by_run_match", (q) => q.eq("runId", runId).eq("match", "pending"))
      .filter((q) => q.eq(q.field("first"), true))
      .take(PAGE);
    const cached: Lookup[] = [];
    for (const entry of entries) {
      for (const key of lookupKeys(entry)) {
        const row = await ctx.db
          .query("import_lookups")
          .withIndex("by_key", (q) => q.eq("key", key))
          .first();
        if (row !== null) {
          const { _id, _creationTime, fetchedAt: _at, ...lookup } = row;
          cached.push(lookup);
        }
      }
    }
    return {
      entries: entries.map((e) => ({ key: e.key, mediaType: e.mediaType, ids: e.ids, title: e.title, year: e.year })),
      cached,
    };
  },
});

export const saveMatches = internalMutation({
  args: {
    runId: v.id("import_runs"),
    results: v.array(v.object({ key: v.string(), lookup: v.union(v.null(), lookupValidator) })),
    lookups: v.array(lookupValidator),
  },
  handler: async (ctx, { runId, results, lookups }) => {
    const now = Date.now();
    for (const lookup of lookups) {
      const existing = await ctx.db
        .query("import_lookups")
        .withIndex("by_key", (q) => q.eq("key", lookup.key))
        .first();
      if (existing === null) await ctx.db.insert("import_lookups", { ...lookup, fetchedAt: now });
    }
    const run = await ctx.db.get(runId);
    if (run === null || run.state !== "matching") return;
    let counts = run.counts;
    for (const { key, lookup } of results) {
      const match = lookup === null || lookup.result === "none" ? "unmatched" : lookup.result === "found" ? "matched" : "ambiguous";
      const parts = await ctx.db
        .query("import_entries")
        .withIndex("by_run_key", (q) => q.eq("runId", runId).eq("key", key))
        .collect();
      for (const part of parts) {
        if (part.match !== "pending") continue;
        counts = addCounts(counts, contribution(part, match));
        await ctx.db.patch(part._id, {
          match,
          ...(match === "matched" ? { tmdbId: lookup!.tmdbId, matchTitle: lookup!.title, matchImage: lookup!.image } : {}),
          ...(match === "ambiguous" && part.first ? { candidates: lookup!.candidates } : {}),
        });
      }
    }
    const next = { ...run, counts, matched: run.matched + results.length, touchedAt: now };
    await ctx.db.patch(runId, { counts, matched: next.matched, touchedAt: now });
    await scheduleEdit(ctx, next, false);
  },
});

export const finishMatching = internalMutation({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run === null || run.state !== "matching") return;
    const now = Date.now();
    await ctx.db.patch(runId, { state: "preview", touchedAt: now });
    await scheduleEdit(ctx, { ...run, state: "preview" }, true);
  },
});

/** Matches a run's pending titles, page by page; shows the preview when none is left. */
export const matchRun = internalAction({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const started = Date.now();
    const pace = pacer(tmdbRate());
    for (;;) {
      const page = await ctx.runQuery(internal.imports.match.pendingPage, { runId });
      if (page === null) return;
      if (page.entries.length === 0) {
        await ctx.runMutation(internal.imports.match.finishMatching, { runId });
        return;
      }
      const cache = new Map(page.cached.map((l) => [l.key, Promise.resolve<Lookup | null>(l)]));
      const fresh: Lookup[] = [];
      const ask = (key: string, entry: (typeof page.entries)[number]) => {
        let answer = cache.get(key);
        if (answer === undefined) {
          answer = lookUp(key, entry, pace).then((l) => {
            if (l !== null) fresh.push(l);
            return l;
          });
          cache.set(key, answer);
        }
        return answer;
      };
      const results: { key: string; lookup: Lookup | null }[] = [];
      let at = 0;
      const worker = async () => {
        while (at < page.entries.length) {
          const entry = page.entries[at++]!;
          const resolved = await resolveEntry(entry, (key) => ask(key, entry));
          results.push({ key: entry.key, lookup: resolved === null || !("key" in resolved) ? null : resolved });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await ctx.runMutation(internal.imports.match.saveMatches, { runId, results, lookups: fresh });
      if (Date.now() - started > ACTION_BUDGET_MS) {
        await ctx.scheduler.runAfter(0, internal.imports.match.matchRun, { runId });
        return;
      }
    }
  },
});
