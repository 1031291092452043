// An import run's life before it is applied: starting one (one running per person), staging its
// titles in chunks (every part checked, a refused chunk writes nothing), handing it to the matcher,
// the preview's counts and choices, and cancelling. Logic only; the bot's API is convex/bot/imports.ts.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import type { ImportSource } from "../lib/importEntry";
import { fail } from "../model/errors";
import { IMPORT_CAPS, partProblem, type ImportPart } from "./limits";
import { english, type Translator } from "../../src/i18n";
import type { ImportView } from "../../src/views/import";

const MINUTE_MS = 60 * 1000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
/** A run that has not moved for this long is taken as abandoned: another import may start. */
export const STALE_RUN_MS = 15 * MINUTE_MS;
/** An applying or undoing job that has not moved for this long has stopped; another import may start. */
export const STUCK_RUN_MS = 60 * MINUTE_MS;
/** Ambiguous titles one preview page asks about (a select each; the last row holds the buttons). */
export const AMBIGUOUS_PER_PAGE = 4;
/** Unmatched titles the preview lists (all of them are in the CSV). */
export const UNMATCHED_LISTED = 10;

type Run = Doc<"import_runs">;
type Counts = Run["counts"];
type Match = Doc<"import_entries">["match"];

const ACTIVE: ReadonlySet<Run["state"]> = new Set(["staging", "matching", "preview", "applying", "undoing"]);
const ZERO: Counts = { shows: 0, episodes: 0, movies: 0, watchlist: 0, ratings: 0, ambiguous: 0, unmatched: 0, skipped: 0 };

/** The person's newest run that is still going (or waiting for a click). */
export async function activeRun(ctx: QueryCtx, userId: Id<"users">): Promise<Run | null> {
  const recent = await ctx.db
    .query("import_runs")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .order("desc")
    .take(5);
  return recent.find((run) => ACTIVE.has(run.state)) ?? null;
}

/** A run of this person's, or a clear refusal (in `t`'s language, as every refusal here). */
export async function ownRun(ctx: QueryCtx, userId: Id<"users"> | null, runId: string, t: Translator = english): Promise<Run> {
  const id = ctx.db.normalizeId("import_runs", runId);
  const run = id === null ? null : await ctx.db.get(id);
  if (run === null || userId === null || run.userId !== userId) fail("NOT_FOUND", t("imports.run.gone"));
  return run;
}

/** A preview nobody acted on (or a staging that died) gives way to a new import; work in progress does not. */
const givesWay = (run: Run, now: number) =>
  run.state === "preview" || ((run.state === "staging" || run.state === "matching") && now - run.touchedAt > STALE_RUN_MS);

/**
 * What would keep the person from starting an import now — one of theirs still "running" or
 * "undoing" — or null: what startRun would answer, asked before the file is downloaded and read.
 * Read-only: startRun still decides.
 */
export async function busyWith(ctx: QueryCtx, userId: Id<"users"> | null): Promise<"running" | "undoing" | null> {
  if (userId === null) return null;
  const running = await activeRun(ctx, userId);
  const now = Date.now();
  if (running === null || givesWay(running, now) || now - running.touchedAt > STUCK_RUN_MS) return null;
  return running.state === "undoing" ? "undoing" : "running";
}

export async function startRun(
  ctx: MutationCtx,
  actor: { userId: Id<"users">; discordUserId: string },
  args: { source: ImportSource; fileName: string; rows: number; skipped: number },
  t: Translator = english,
): Promise<{ runId: Id<"import_runs"> } | { busy: string }> {
  const now = Date.now();
  const running = await activeRun(ctx, actor.userId);
  if (running !== null) {
    if (givesWay(running, now)) {
      await cancelRun(ctx, running);
    } else if (now - running.touchedAt > STUCK_RUN_MS) {
      // A job that stopped moving (its pages failed): what it applied stays undoable for the day.
      // No `error`: the message says "stopped before it finished" in its reader's language.
      await ctx.db.patch(running._id, { state: "failed", touchedAt: now });
    } else {
      return { busy: t(running.state === "undoing" ? "imports.run.busyUndoing" : "imports.run.busy") };
    }
  }
  const runId = await ctx.db.insert("import_runs", {
    userId: actor.userId,
    discordUserId: actor.discordUserId,
    source: args.source,
    fileName: args.fileName.slice(0, 200),
    state: "staging",
    staged: 0,
    titles: 0,
    episodes: 0,
    rows: clampCount(args.rows),
    skipped: clampCount(args.skipped),
    cursor: 0,
    counts: ZERO,
    matched: 0,
    done: 0,
    changes: 0,
    kept: 0,
    createdAt: now,
    touchedAt: now,
    expiresAt: now + DAY_MS,
  });
  return { runId };
}

const clampCount = (n: number) => (Number.isSafeInteger(n) && n >= 0 ? Math.min(n, 100_000_000) : 0);

/** Stores one chunk of parts; a chunk over any cap, or with any bad part, is refused whole. */
export async function stageParts(ctx: MutationCtx, run: Run, parts: ImportPart[], t: Translator = english): Promise<{ staged: number }> {
  if (run.state !== "staging") fail("INVALID_ARGUMENT", "That import is past reading its file.");
  const now = Date.now();
  if (parts.length > IMPORT_CAPS.partsPerCall) fail("INVALID_ARGUMENT", `At most ${IMPORT_CAPS.partsPerCall} titles per call.`);
  const episodes = parts.reduce((n, p) => n + (p.episodes?.length ?? 0), 0);
  if (episodes > IMPORT_CAPS.episodesPerCall) fail("INVALID_ARGUMENT", `At most ${IMPORT_CAPS.episodesPerCall} episodes per call.`);
  const titles = parts.filter((p) => p.part === 0).length;
  if (run.titles + titles > IMPORT_CAPS.titles) {
    fail("INVALID_ARGUMENT", t("imports.run.tooManyTitles", { max: IMPORT_CAPS.titles }));
  }
  if (run.episodes + episodes > IMPORT_CAPS.episodes) {
    fail("INVALID_ARGUMENT", t("imports.run.tooManyEpisodes", { max: IMPORT_CAPS.episodes }));
  }
  for (const part of parts) {
    const problem = partProblem(part, now);
    if (problem !== null) fail("INVALID_ARGUMENT", `That file can't be imported: ${problem}.`);
  }
  let index = run.staged;
  for (const { part, ...entry } of parts) {
    await ctx.db.insert("import_entries", { ...entry, runId: run._id, index: index++, first: part === 0, match: "pending" });
  }
  await ctx.db.patch(run._id, { staged: index, titles: run.titles + titles, episodes: run.episodes + episodes, touchedAt: now });
  return { staged: index };
}

/** The file is all staged: matching starts (a scheduled action), and it edits `reply` as it goes. */
export async function finishStaging(ctx: MutationCtx, run: Run, reply: { applicationId: string; token: string }) {
  if (run.state !== "staging") fail("INVALID_ARGUMENT", "That import is past reading its file.");
  if (run.staged === 0) {
    await ctx.db.patch(run._id, { state: "cancelled", touchedAt: Date.now() });
    return;
  }
  const now = Date.now();
  await ctx.db.patch(run._id, { state: "matching", cursor: 0, reply: { ...reply, tokenAt: now }, touchedAt: now });
  await ctx.scheduler.runAfter(0, internal.imports.match.matchRun, { runId: run._id });
}

/** Cancels a run that wrote nothing to the library yet; its staged rows are deleted in pages. */
export async function cancelRun(ctx: MutationCtx, run: Run, t: Translator = english): Promise<void> {
  if (run.state === "applying" || run.state === "done" || run.state === "undoing") {
    fail("INVALID_ARGUMENT", t("imports.run.applied"));
  }
  await ctx.db.patch(run._id, { state: "cancelled", touchedAt: Date.now(), expiresAt: Date.now() });
  await ctx.scheduler.runAfter(0, internal.imports.sweep.purgeRun, { runId: run._id });
}

/** What a part adds to the preview's counts in a given match state. */
export function contribution(
  entry: Pick<Doc<"import_entries">, "first" | "mediaType" | "episodes" | "watchlist" | "rating">,
  match: Match,
): Counts {
  const c = { ...ZERO };
  if (match === "matched") {
    c.episodes = entry.episodes?.length ?? 0;
    if (entry.first) {
      if (entry.mediaType === "tv") c.shows = 1;
      else c.movies = 1;
      if (entry.watchlist === true) c.watchlist = 1;
      if (entry.rating !== undefined) c.ratings = 1;
    }
  } else if (entry.first && match !== "pending") c[match] = 1;
  return c;
}

export function addCounts(a: Counts, b: Counts, sign: 1 | -1 = 1): Counts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof Counts)[]) out[key] += sign * b[key];
  return out;
}

/** Everything the reply shows about a run, at a given page of its ambiguous titles. */
export async function runView(ctx: QueryCtx, run: Run, page = 0): Promise<ImportView> {
  const base: ImportView = {
    runId: run._id,
    state: run.state,
    fileName: run.fileName,
    source: run.source,
    titles: run.titles,
    episodes: run.episodes,
    skippedRows: run.skipped,
    counts: run.counts,
    matched: run.matched,
    done: run.done,
    staged: run.staged,
    changes: run.changes,
    kept: run.kept,
    ambiguous: [],
    page: 0,
    pages: 1,
    unmatched: [],
    ...(run.error !== undefined ? { error: run.error } : {}),
    ...(run.state === "done" ? { undoUntil: run.expiresAt } : {}),
  };
  if (run.state !== "preview") return base;
  const pages = Math.max(1, Math.ceil(run.counts.ambiguous / AMBIGUOUS_PER_PAGE));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const ambiguous = (
    await ctx.db
      .query("import_entries")
      .withIndex("by_run_match", (q) => q.eq("runId", run._id).eq("match", "ambiguous"))
      .filter((q) => q.eq(q.field("first"), true))
      .take((at + 1) * AMBIGUOUS_PER_PAGE)
  ).slice(at * AMBIGUOUS_PER_PAGE);
  const unmatched = await ctx.db
    .query("import_entries")
    .withIndex("by_run_match", (q) => q.eq("runId", run._id).eq("match", "unmatched"))
    .filter((q) => q.eq(q.field("first"), true))
    .take(UNMATCHED_LISTED);
  return {
    ...base,
    page: at,
    pages,
    ambiguous: ambiguous.map((e) => ({
      index: e.index,
      mediaType: e.mediaType,
      title: e.title ?? e.key,
      ...(e.year !== undefined ? { year: e.year } : {}),
      candidates: e.candidates ?? [],
    })),
    unmatched: unmatched.map(describe),
  };
}

export function describe(e: Doc<"import_entries">): { title: string; year?: number; mediaType: "movie" | "tv"; ids: string } {
  const ids = [e.ids.tmdb && `tmdb ${e.ids.tmdb}`, e.ids.tvdb && `tvdb ${e.ids.tvdb}`, e.ids.imdb].filter(Boolean).join(", ");
  return { title: e.title ?? e.key, ...(e.year !== undefined ? { year: e.year } : {}), mediaType: e.mediaType, ids };
}

/** An ambiguous title answered: one of its candidates, or skipped. Every part of the title follows. */
export async function choose(ctx: MutationCtx, run: Run, index: number, choice: number | "skip", t: Translator = english): Promise<void> {
  if (run.state !== "preview") fail("INVALID_ARGUMENT", t("imports.run.notChoosing"));
  const entry = await ctx.db
    .query("import_entries")
    .withIndex("by_run", (q) => q.eq("runId", run._id).eq("index", index))
    .unique();
  if (entry === null || !entry.first || entry.match !== "ambiguous") fail("INVALID_ARGUMENT", t("imports.run.answered"));
  const candidate = choice === "skip" ? undefined : (entry.candidates ?? []).find((c) => c.tmdbId === choice);
  if (choice !== "skip" && candidate === undefined) fail("INVALID_ARGUMENT", t("imports.run.notOffered"));
  const match: Match = choice === "skip" ? "skipped" : "matched";
  let counts = run.counts;
  const parts = await ctx.db
    .query("import_entries")
    .withIndex("by_run_key", (q) => q.eq("runId", run._id).eq("key", entry.key))
    .collect();
  for (const part of parts) {
    counts = addCounts(addCounts(counts, contribution(part, part.match), -1), contribution(part, match));
    await ctx.db.patch(part._id, {
      match,
      ...(candidate !== undefined ? { tmdbId: candidate.tmdbId, matchTitle: candidate.title } : {}),
    });
  }
  await ctx.db.patch(run._id, { counts, touchedAt: Date.now() });
}
