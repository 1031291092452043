// Episode summaries for data written before they existed: the deployment-wide
// migration and the per-user repair. Both walk shows, not episodes: a skip scan over
// episode_progress's by_user_media index reads one row per (user, show), and each show
// is then summarised by its own scheduled pages (buildSummaryPage in ./episodes).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getSummary, restartSummary, startSummary } from "./episodes";

/** Shows one migration or repair transaction looks at (about two reads each). */
export const SHOWS_PER_PAGE = 200;

interface ShowKey {
  userId: Id<"users">;
  tmdbId: number;
}

/** The first episode row of the next show after `after`, in (userId, tmdbId) order; within one user when `onlyUser`. */
async function nextShow(ctx: QueryCtx, after: ShowKey | undefined, onlyUser?: Id<"users">): Promise<ShowKey | null> {
  let row: Doc<"episode_progress"> | null;
  if (after === undefined) {
    row = await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => (onlyUser !== undefined ? q.eq("userId", onlyUser) : q))
      .first();
  } else {
    row = await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", after.userId).gt("tmdbId", after.tmdbId))
      .first();
    if (row === null && onlyUser === undefined) {
      row = await ctx.db
        .query("episode_progress")
        .withIndex("by_user_media", (q) => q.gt("userId", after.userId))
        .first();
    }
  }
  return row === null ? null : { userId: row.userId, tmdbId: row.tmdbId };
}

/**
 * One page of the deployment-wide migration: every show with episode rows and no
 * summary gets one, built in the background. Returns where the next page starts, or
 * null when every show has been seen.
 */
export async function migrateSummariesPage(
  ctx: MutationCtx,
  after: ShowKey | undefined,
): Promise<{ after: ShowKey | null; shows: number; started: number }> {
  let cursor = after;
  let shows = 0;
  let started = 0;
  while (shows < SHOWS_PER_PAGE) {
    const show = await nextShow(ctx, cursor);
    if (show === null) return { after: null, shows, started };
    shows++;
    if ((await getSummary(ctx, show.userId, show.tmdbId)) === null) {
      await startSummary(ctx, show.userId, show.tmdbId, true);
      started++;
    }
    cursor = show;
  }
  return { after: cursor ?? null, shows, started };
}

/**
 * One page of a user's repair: in phase "summaries" every existing summary is emptied
 * and rebuilt from the rows; in phase "shows" every show with rows but no summary gets
 * one. Returns the next page's position, or null when done.
 */
export async function repairSummariesPage(
  ctx: MutationCtx,
  userId: Id<"users">,
  position: { phase: "summaries" | "shows"; afterTmdbId?: number },
): Promise<{ phase: "summaries" | "shows"; afterTmdbId?: number } | null> {
  if (position.phase === "summaries") {
    const after = position.afterTmdbId;
    const summaries = await ctx.db
      .query("episode_summaries")
      .withIndex("by_user_show", (q) => (after === undefined ? q.eq("userId", userId) : q.eq("userId", userId).gt("tmdbId", after)))
      .take(SHOWS_PER_PAGE);
    for (const summary of summaries) await restartSummary(ctx, summary);
    const last = summaries[summaries.length - 1];
    if (summaries.length === SHOWS_PER_PAGE && last !== undefined) return { phase: "summaries", afterTmdbId: last.tmdbId };
    return { phase: "shows" };
  }
  let cursor: ShowKey | undefined = position.afterTmdbId === undefined ? undefined : { userId, tmdbId: position.afterTmdbId };
  for (let shows = 0; shows < SHOWS_PER_PAGE; shows++) {
    const show = await nextShow(ctx, cursor, userId);
    if (show === null) return null;
    if ((await getSummary(ctx, userId, show.tmdbId)) === null) await startSummary(ctx, userId, show.tmdbId, true);
    cursor = show;
  }
  return { phase: "shows", afterTmdbId: cursor!.tmdbId };
}
