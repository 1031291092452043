// Applying an import: paged, resumable scheduled mutations, each inside Convex's transaction limits,
// writing through the same model functions the bot's commands use (markEpisodes, setProgressStatus,
// setReaction, setMembership), so party boards, reminders and stats follow. Each part records what
// it changed (convex/imports/undo.ts puts exactly that back). See docs/imports.md.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { internal } from "../_generated/api";
import { internalMutation, type MutationCtx } from "../_generated/server";
import type { Reaction } from "../lib/validators";
import { english, type Translator } from "../../src/i18n";
import { fail } from "../model/errors";
import { getSummary } from "../model/episodes";
import { forgetAutoStatus, markEpisodes } from "../model/tracking";
import { reactionMeaning, statusMeaning } from "../model/vocabulary";
import { findItem, setMembership, setProgressStatus, setReaction } from "../model/watchItems";
import { DAY_MS } from "./runs";
import { scheduleEdit } from "./notify";

/**
 * Episodes one page applies (each costs about a read and a write), and parts it reads at most. A
 * title costs 30–40 index ranges whatever its episodes (its item, summary, seasons, stats
 * counters), and Convex allows 4,096 a transaction: 150 small shows a page went over it.
 */
export const EPISODES_PER_PAGE = 2_000;
export const PARTS_PER_PAGE = 75;

type Entry = Doc<"import_entries">;
type Change = NonNullable<Entry["change"]>;

/** A 0.5–10 rating as a reaction: ≥ 8 loved, ≥ 6 liked, ≥ 4 mixed, below not-for-me. */
export function reactionFor(rating: number): Reaction {
  return rating >= 8 ? "loved" : rating >= 6 ? "liked" : rating >= 4 ? "mixed" : "not-for-me";
}

/** Starts applying a previewed run. */
export async function startApply(
  ctx: MutationCtx,
  run: Doc<"import_runs">,
  reply: { applicationId: string; token: string },
  t: Translator = english,
) {
  if (run.state !== "preview") fail("INVALID_ARGUMENT", t(run.state === "applying" ? "imports.run.applying" : "imports.run.notWaiting"));
  const now = Date.now();
  await ctx.db.patch(run._id, {
    state: "applying",
    cursor: 0,
    done: 0,
    changes: 0,
    kept: 0,
    appliedAt: now,
    touchedAt: now,
    reply: { ...reply, tokenAt: now },
  });
  await ctx.scheduler.runAfter(0, internal.imports.apply.applyPage, { runId: run._id });
}

function snapshot(row: Doc<"watch_items"> | null): Change["previousItem"] {
  if (row === null) return null;
  const { inWatchlist, progressStatus, reaction, progress, title, image, updatedAt } = row;
  return { inWatchlist, progressStatus, reaction, progress, title, image, updatedAt };
}

const sameItem = (a: Change["previousItem"], b: Change["previousItem"]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the file may set this field over what is here: always where nothing is set; otherwise
 * only when the file dates it after the item's last change here (an undated entry never overwrites).
 */
const mayOverwrite = (before: Doc<"watch_items"> | null, date: number | undefined) =>
  before === null || (date !== undefined && date > before.updatedAt);

/** Applies one matched part; returns what it changed. */
export async function applyPart(ctx: MutationCtx, userId: Id<"users">, entry: Entry): Promise<Change> {
  const tmdbId = entry.tmdbId!;
  const mediaType = entry.mediaType;
  const before = await findItem(ctx, userId, tmdbId, mediaType);
  const previousItem = snapshot(before);
  const meta = {
    ...(entry.matchTitle !== undefined ? { title: entry.matchTitle } : {}),
    ...(entry.matchImage !== undefined ? { image: entry.matchImage } : {}),
  };
  let flipped: { season: number; episode: number }[] = [];
  let previousAutoStatus: string | undefined;
  let summaryCreated = false;

  const episodes = entry.episodes ?? [];
  if (mediaType === "tv" && episodes.length > 0) {
    const summary = await getSummary(ctx, userId, tmdbId);
    summaryCreated = summary === null;
    previousAutoStatus = summary?.autoStatus;
    const bySeason = new Map<number, number[]>();
    for (const e of episodes) bySeason.set(e.season, [...(bySeason.get(e.season) ?? []), e.episode]);
    const outcome = await markEpisodes(ctx, userId, {
      tmdbId,
      batch: [...bySeason].map(([season, list]) => ({ season, episodes: list })),
      isWatched: true,
      description: `imported ${entry.matchTitle ?? "a show"}`,
      followStatus: true,
    });
    if (outcome.undoId !== null) {
      // The 5-minute Undo button's record names exactly the episodes flipped; the import keeps its own.
      const record = await ctx.db.get(outcome.undoId);
      flipped = (record?.flippedEpisodes ?? []).map(({ season, episode }) => ({ season, episode }));
      await ctx.db.delete(outcome.undoId);
    }
  }

  if (entry.first) {
    const current = () => findItem(ctx, userId, tmdbId, mediaType);
    const beforeStatus = statusMeaning(before?.progressStatus ?? before?.status);
    const status =
      entry.dropped === true
        ? "dropped"
        : mediaType === "movie" && entry.watched === true
          ? "finished"
          : entry.watchlist === true
            ? "want-to-watch"
            : undefined;
    const statusDate = entry.watchedAt;
    if (status !== undefined && status !== beforeStatus) {
      // A watchlist is a wish: it never replaces a status set here, whatever its date.
      const allowed = beforeStatus === undefined || (status !== "want-to-watch" && mayOverwrite(before, statusDate));
      if (allowed) {
        await setProgressStatus(ctx, userId, { tmdbId, mediaType, progressStatus: status, ...meta });
        if (mediaType === "tv") await forgetAutoStatus(ctx, userId, tmdbId);
      }
    }
    if (entry.rating !== undefined) {
      const reaction = reactionFor(entry.rating);
      const beforeReaction = reactionMeaning(before?.reaction ?? (before?.status === "liked" ? "liked" : undefined));
      if (reaction !== beforeReaction && (beforeReaction === undefined || mayOverwrite(before, entry.ratedAt))) {
        await setReaction(ctx, userId, { tmdbId, mediaType, reaction, ...meta });
      }
    }
    if (entry.watchlist === true) {
      const row = await current();
      const tracked = before !== null && (beforeStatus !== undefined || before.reaction !== undefined);
      if ((row === null || row.inWatchlist !== true) && !tracked)
        await setMembership(ctx, userId, { tmdbId, mediaType, inWatchlist: true, ...meta });
    }
    const row = await current();
    // A show first followed through its episodes has no title yet when its structure isn't cached.
    if (row !== null && row.title === undefined && meta.title !== undefined) await ctx.db.patch(row._id, meta);
  }
  const after = snapshot(await findItem(ctx, userId, tmdbId, mediaType));
  return {
    previousItem,
    itemChanged: !sameItem(previousItem, after),
    flipped,
    ...(previousAutoStatus !== undefined ? { previousAutoStatus } : {}),
    ...(summaryCreated && flipped.length > 0 ? { summaryCreated } : {}),
  };
}

/** One page of a run being applied: parts from the cursor, within EPISODES_PER_PAGE. */
export const applyPage = internalMutation({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run === null || run.state !== "applying") return;
    const parts = await ctx.db
      .query("import_entries")
      .withIndex("by_run", (q) => q.eq("runId", runId).gte("index", run.cursor))
      .take(PARTS_PER_PAGE);
    let episodes = 0;
    let cursor = run.cursor;
    let changes = run.changes;
    let done = run.done;
    for (const part of parts) {
      const size = part.episodes?.length ?? 0;
      if (cursor > run.cursor && episodes + size > EPISODES_PER_PAGE) break;
      episodes += size;
      cursor = part.index + 1;
      done++;
      if (part.match !== "matched" || part.tmdbId === undefined || part.change !== undefined) continue;
      const change = await applyPart(ctx, run.userId, part);
      await ctx.db.patch(part._id, { change });
      if ((change.itemChanged || change.flipped.length > 0) && (part.first || !(await earlierPartChanged(ctx, part)))) changes++;
    }
    const now = Date.now();
    const finished = cursor >= run.staged;
    const fields = { cursor, done, changes, touchedAt: now, lastAppliedAt: now };
    if (!finished) {
      await ctx.db.patch(runId, fields);
      await ctx.scheduler.runAfter(0, internal.imports.apply.applyPage, { runId });
      await scheduleEdit(ctx, { ...run, ...fields }, false);
      return;
    }
    const end = { ...fields, state: "done" as const, finishedAt: now, expiresAt: now + DAY_MS };
    await ctx.db.patch(runId, end);
    await scheduleEdit(ctx, { ...run, ...end }, true);
  },
});

/** A title's changes are counted once: a later part counts only when no earlier part changed anything. */
async function earlierPartChanged(ctx: MutationCtx, part: Entry): Promise<boolean> {
  const parts = await ctx.db
    .query("import_entries")
    .withIndex("by_run_key", (q) => q.eq("runId", part.runId).eq("key", part.key))
    .collect();
  return parts.some((p) => p.index < part.index && p.change !== undefined && (p.change.itemChanged || p.change.flipped.length > 0));
}
