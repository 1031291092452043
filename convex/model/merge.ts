// Moving a guest profile (a Discord user's data before they linked) into a Clerk user's
// profile — or deleting it — in chunks small enough for one Convex transaction each.
//
// A job walks phases in order; every step takes the first rows the guest still owns, moves
// (or deletes) them and stops at a budget, so a step that failed and rolled back is simply
// run again: nothing is lost and nothing is applied twice. Rules:
// - watch_items: per title the row with the newer updatedAt wins (status, reaction,
//   progress, membership); details the winner lacks (title, poster, …) come from the other.
// - episodes: a union — an episode watched on either side is watched — written through the
//   one episode write path (applyEpisodes) so the Clerk user's summaries stay exact.
// - lists move (a name the Clerk user already uses gets " (Discord)"), with their items.
// - reminder settings, party memberships, running episode jobs and AI history carry over;
//   undo entries (they describe the guest's rows) are dropped; the guest row goes last.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { applyEpisodes, type SeasonEpisodes } from "./episodes";
// Registers who hears of a progress change (party boards, reminders): this module starts episode writes.
import "./progressSubscribers";
import { markBoardDirty } from "./parties";
import { mergeStatsStep } from "../stats/merge";
import { syncTitleStats } from "../stats/counters";

export const MERGE_PHASES = [
  "watch_items",
  "episodes",
  "summaries",
  "list_items",
  "lists",
  "reminders",
  "party_members",
  "episode_jobs",
  "ai_recommendations",
  "undo_entries",
  "stats",
  "profile",
] as const;
export type MergePhase = (typeof MERGE_PHASES)[number];

/** Rows one step may move; each costs a few reads and writes, well inside Convex's limits. */
export const TITLES_PER_STEP = 400;
export const EPISODE_ROWS_PER_STEP = 600;
export const OTHER_ROWS_PER_STEP = 200;

/** Steps one driver run takes before handing over to a fresh run (bounded action time). */
export const STEPS_PER_RUN = 40;

export interface StepResult {
  done: boolean;
  phase: MergePhase | "done";
  moved: number;
}

type Target = Id<"users"> | undefined;

/** Starts a job; the caller runs the first step itself (small libraries finish at once). */
export async function startMerge(
  ctx: MutationCtx,
  discordUserId: string,
  fromUserId: Id<"users">,
  toUserId: Target,
): Promise<Id<"link_merges">> {
  const now = Date.now();
  return await ctx.db.insert("link_merges", {
    discordUserId,
    fromUserId,
    toUserId,
    phase: MERGE_PHASES[0],
    moved: 0,
    state: "running",
    attempts: 0,
    startedAt: now,
    updatedAt: now,
  });
}

/** One step of a job: moves at most one budget of rows of the current phase. */
export async function mergeStep(ctx: MutationCtx, jobId: Id<"link_merges">): Promise<StepResult> {
  const job = await ctx.db.get(jobId);
  if (job === null || job.state !== "running") return { done: true, phase: "done", moved: job?.moved ?? 0 };
  let phaseIndex = MERGE_PHASES.indexOf(job.phase as MergePhase);
  if (phaseIndex < 0) phaseIndex = 0;
  let moved = 0;
  // Empty phases cost one read each: walk on until a phase has work or everything is done.
  while (phaseIndex < MERGE_PHASES.length) {
    const phase = MERGE_PHASES[phaseIndex]!;
    const result = await runPhase(ctx, phase, job);
    moved += result.moved;
    if (!result.finished) {
      await ctx.db.patch(jobId, { phase, moved: job.moved + moved, updatedAt: Date.now(), attempts: 0 });
      return { done: false, phase, moved: job.moved + moved };
    }
    phaseIndex++;
  }
  const now = Date.now();
  await ctx.db.patch(jobId, { phase: "done", moved: job.moved + moved, state: "done", updatedAt: now, finishedAt: now, attempts: 0 });
  return { done: true, phase: "done", moved: job.moved + moved };
}

interface PhaseResult {
  moved: number;
  /** Nothing of this phase is left for the guest. */
  finished: boolean;
}

async function runPhase(ctx: MutationCtx, phase: MergePhase, job: Doc<"link_merges">): Promise<PhaseResult> {
  const from = job.fromUserId;
  const to = job.toUserId;
  switch (phase) {
    case "watch_items": {
      const rows = await ctx.db
        .query("watch_items")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(TITLES_PER_STEP);
      for (const row of rows) await mergeWatchItem(ctx, row, to);
      return { moved: rows.length, finished: rows.length < TITLES_PER_STEP };
    }
    case "episodes": {
      const rows = await ctx.db
        .query("episode_progress")
        .withIndex("by_user_media", (q) => q.eq("userId", from))
        .take(EPISODE_ROWS_PER_STEP);
      if (to !== undefined) {
        const byShow = new Map<number, Map<number, Set<number>>>();
        for (const row of rows) {
          if (!row.isWatched) continue;
          const seasons = byShow.get(row.tmdbId) ?? new Map<number, Set<number>>();
          seasons.set(row.season, (seasons.get(row.season) ?? new Set()).add(row.episode));
          byShow.set(row.tmdbId, seasons);
        }
        for (const [tmdbId, seasons] of byShow) {
          const batch: SeasonEpisodes[] = [...seasons].map(([season, eps]) => ({ season, episodes: [...eps].sort((a, b) => a - b) }));
          await applyEpisodes(ctx, to, tmdbId, batch, true);
        }
      }
      for (const row of rows) await ctx.db.delete(row._id);
      return { moved: rows.length, finished: rows.length < EPISODE_ROWS_PER_STEP };
    }
    case "summaries": {
      const rows = await ctx.db
        .query("episode_summaries")
        .withIndex("by_user_show", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) {
        // The bot's own status bookkeeping follows the title when the Clerk user had none.
        if (to !== undefined && row.autoStatus !== undefined) {
          const target = await ctx.db
            .query("episode_summaries")
            .withIndex("by_user_show", (q) => q.eq("userId", to).eq("tmdbId", row.tmdbId))
            .unique();
          if (target !== null && target.autoStatus === undefined) await ctx.db.patch(target._id, { autoStatus: row.autoStatus });
        }
        await ctx.db.delete(row._id);
      }
      return { moved: 0, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "list_items": {
      const rows = await ctx.db
        .query("list_items")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(EPISODE_ROWS_PER_STEP);
      for (const row of rows) {
        if (to === undefined) await ctx.db.delete(row._id);
        else await ctx.db.patch(row._id, { userId: to });
      }
      return { moved: rows.length, finished: rows.length < EPISODE_ROWS_PER_STEP };
    }
    case "lists": {
      const rows = await ctx.db
        .query("lists")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) {
        if (to === undefined) {
          await ctx.db.delete(row._id);
          continue;
        }
        await ctx.db.patch(row._id, { userId: to, name: await freeListName(ctx, to, row.name) });
      }
      return { moved: rows.length, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "reminders": {
      // The reminder DMs queued or sent for them (their text included) go with their reminders.
      const sends = await ctx.db
        .query("reminder_sends")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const send of sends) {
        if (to === undefined) await ctx.db.delete(send._id);
        else await ctx.db.patch(send._id, { userId: to });
      }
      if (sends.length === OTHER_ROWS_PER_STEP) return { moved: sends.length, finished: false };
      const rows = await ctx.db
        .query("reminders")
        .withIndex("by_user_show", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) {
        if (to === undefined) {
          await ctx.db.delete(row._id);
          continue;
        }
        const target = await ctx.db
          .query("reminders")
          .withIndex("by_user_show", (q) => q.eq("userId", to).eq("tmdbId", row.tmdbId))
          .first();
        if (target === null) {
          await ctx.db.patch(row._id, { userId: to });
        } else {
          // The Discord side set these: its mute wins; snoozes and the last send keep the later time.
          await ctx.db.patch(target._id, {
            muted: row.muted,
            snoozedUntil: maxDefined(row.snoozedUntil, target.snoozedUntil),
            lastSentAt: maxDefined(row.lastSentAt, target.lastSentAt),
          });
          await ctx.db.delete(row._id);
        }
      }
      return { moved: rows.length, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "party_members": {
      // Memberships belong to the Discord user; their progress now comes from the linked profile.
      const rows = await ctx.db
        .query("party_members")
        .withIndex("by_member", (q) => q.eq("discordUserId", job.discordUserId))
        .take(OTHER_ROWS_PER_STEP);
      const guestRows = rows.filter((row) => row.userId === from);
      for (const row of guestRows) {
        if (to === undefined) await ctx.db.delete(row._id);
        else await ctx.db.patch(row._id, { userId: to });
        // The member's position now comes from another profile: the board must show it.
        if (row.active) await markBoardDirty(ctx, row.partyId);
      }
      return { moved: guestRows.length, finished: rows.length < OTHER_ROWS_PER_STEP || guestRows.length === 0 };
    }
    case "episode_jobs": {
      const rows = await ctx.db
        .query("episode_jobs")
        .withIndex("by_user_show", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) {
        if (to === undefined || row.state === "done") await ctx.db.delete(row._id);
        else await ctx.db.patch(row._id, { userId: to });
      }
      return { moved: rows.length, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "ai_recommendations": {
      const rows = await ctx.db
        .query("ai_recommendations")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) {
        if (to === undefined) await ctx.db.delete(row._id);
        else await ctx.db.patch(row._id, { userId: to });
      }
      return { moved: rows.length, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "undo_entries": {
      const rows = await ctx.db
        .query("undo_entries")
        .withIndex("by_user", (q) => q.eq("userId", from))
        .take(OTHER_ROWS_PER_STEP);
      for (const row of rows) await ctx.db.delete(row._id);
      return { moved: 0, finished: rows.length < OTHER_ROWS_PER_STEP };
    }
    case "stats":
      return await mergeStatsStep(ctx, from, to);
    case "profile": {
      const guest = await ctx.db.get(from);
      if (guest !== null) {
        // The Clerk profile keeps its own name; a profile the web app never stored takes the guest's.
        if (to !== undefined) {
          const target = await ctx.db.get(to);
          if (target !== null && target.name === undefined && guest.name !== undefined) await ctx.db.patch(to, { name: guest.name });
        }
        await ctx.db.delete(from);
      }
      return { moved: 0, finished: true };
    }
  }
}

/** Per title the newer updatedAt wins; the winner's missing details come from the other row. */
async function mergeWatchItem(ctx: MutationCtx, row: Doc<"watch_items">, to: Target): Promise<void> {
  if (to === undefined) {
    await ctx.db.delete(row._id);
    return;
  }
  const target = await ctx.db
    .query("watch_items")
    .withIndex("by_user_media", (q) => q.eq("userId", to).eq("tmdbId", row.tmdbId).eq("mediaType", row.mediaType))
    .first();
  if (target === null) {
    await ctx.db.patch(row._id, { userId: to });
    await syncTitleStats(ctx, to, row.tmdbId, row.mediaType);
    return;
  }
  const guestNewer = row.updatedAt > target.updatedAt;
  const [winner, other] = guestNewer ? [row, target] : [target, row];
  const details = {
    title: winner.title ?? other.title,
    image: winner.image ?? other.image,
    rating: winner.rating ?? other.rating,
    release_date: winner.release_date ?? other.release_date,
    overview: winner.overview ?? other.overview,
  };
  const patch: Partial<Doc<"watch_items">> = guestNewer
    ? {
        ...details,
        inWatchlist: row.inWatchlist,
        progressStatus: row.progressStatus,
        reaction: row.reaction,
        status: row.status,
        progress: row.progress,
        updatedAt: row.updatedAt,
      }
    : details;
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((key) => patch[key] !== target[key]);
  if (changed) await ctx.db.patch(target._id, patch);
  await ctx.db.delete(row._id);
  await syncTitleStats(ctx, to, row.tmdbId, row.mediaType);
}

async function freeListName(ctx: MutationCtx, userId: Id<"users">, name: string): Promise<string> {
  for (let n = 0; n < 20; n++) {
    const candidate = n === 0 ? name : `${name} (Discord${n === 1 ? "" : ` ${n}`})`;
    const taken = await ctx.db
      .query("lists")
      .withIndex("by_user_name", (q) => q.eq("userId", userId).eq("name", candidate))
      .first();
    if (taken === null) return candidate;
  }
  return `${name} (Discord ${Date.now()})`;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** A running job's progress in words, for /account and the confirmation. */
export function describeMerge(
  job: Pick<Doc<"link_merges">, "state" | "moved" | "phase" | "lastError" | "toUserId" | "unlinkWhenDone">,
): string {
  const verb = job.toUserId === undefined ? "deleted" : "moved";
  if (job.state === "done") return `done (${job.moved.toLocaleString("en-US")} items ${verb})`;
  // Clerk asked to unlink meanwhile (web account deleted, or Discord disconnected there): it waits for the move.
  const then =
    job.unlinkWhenDone === true
      ? "; your Film Fanatic web account was deleted or disconnected from Discord, so this account is unlinked once the move is done"
      : "";
  if (job.state === "failed")
    return `stopped after ${job.moved.toLocaleString("en-US")} items (${job.lastError ?? "an error"}); it resumes the next time you use /account${then}`;
  return `in progress: ${job.moved.toLocaleString("en-US")} items ${verb} so far (${job.phase.replace("_", " ")})${then}`;
}
