// Rebuilding one person's stats counters from the rows (docs/stats.md "Repair"), in pages small
// enough for one transaction each, resumable: the state lives in stats_repairs, so a page that
// failed and rolled back is simply run again. Phases:
//   clearing — the counters are removed (writes meanwhile leave them alone and keep only
//              stats_titles, when each title's facts were counted, up to date: the walk counts them);
//   titles   — every watch item is counted at the times stats_titles noted (recountTitle; a title
//              without a note at its row's updatedAt), in creation order; a write meanwhile counts
//              itself only for titles the walk has passed (walkedUpTo);
//   episodes — show by show (all of a show's rows in one transaction), each watched episode counted
//              in the year of its row's updatedAt; a write meanwhile counts itself only for shows
//              the walk has passed (countEpisodeFlips).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { applyDelta, episodeMinutes, recountTitle, refreshBoards, runningRepair, StatsDelta } from "./counters";

/** Rows a clearing page removes. */
export const CLEAR_PAGE = 500;
/** Watch items a titles page counts. */
export const TITLES_PAGE = 200;
/** Episode rows an episodes page reads (whole shows; one show may go over it). */
export const EPISODE_ROWS_PAGE = 4_000;

/** Starts (or restarts from the beginning) a rebuild of this person's counters; the caller schedules the pages. */
export async function startRepair(ctx: MutationCtx, userId: Id<"users">): Promise<Id<"stats_repairs">> {
  const running = await runningRepair(ctx, userId);
  const fields = { phase: "clearing" as const, afterShow: undefined, cursor: undefined, walkedUpTo: undefined, startedAt: Date.now() };
  if (running !== null) {
    await ctx.db.patch(running._id, fields);
    return running._id;
  }
  return await ctx.db.insert("stats_repairs", { userId, ...fields });
}

/** One page of a rebuild; true when more pages are needed. */
export async function repairPage(ctx: MutationCtx, userId: Id<"users">): Promise<boolean> {
  const repair = await runningRepair(ctx, userId);
  if (repair === null) return false;
  if (repair.phase === "clearing") return await clearPage(ctx, repair);
  if (repair.phase === "titles") return await titlesPage(ctx, repair);
  return await episodesPage(ctx, repair);
}

async function clearPage(ctx: MutationCtx, repair: Doc<"stats_repairs">): Promise<boolean> {
  const userId = repair.userId;
  let room = CLEAR_PAGE;
  const groups = [
    () =>
      ctx.db
        .query("stats_totals")
        .withIndex("by_user_year", (q) => q.eq("userId", userId))
        .take(room),
    () =>
      ctx.db
        .query("stats_shows")
        .withIndex("by_user_year_show", (q) => q.eq("userId", userId))
        .take(room),
  ];
  for (const read of groups) {
    const rows = await read();
    for (const row of rows) await ctx.db.delete(row._id);
    room -= rows.length;
    if (room === 0) return true;
  }
  await ctx.db.patch(repair._id, { phase: "titles", cursor: undefined });
  return true;
}

async function titlesPage(ctx: MutationCtx, repair: Doc<"stats_repairs">): Promise<boolean> {
  const page = await ctx.db
    .query("watch_items")
    .withIndex("by_user", (q) => q.eq("userId", repair.userId))
    .paginate({ cursor: repair.cursor ?? null, numItems: TITLES_PAGE });
  const delta = new StatsDelta();
  for (const row of page.page) await recountTitle(ctx, row, delta);
  await applyDelta(ctx, repair.userId, delta);
  const walkedUpTo = page.page.at(-1)?._creationTime ?? repair.walkedUpTo;
  if (page.isDone) await ctx.db.patch(repair._id, { phase: "episodes", cursor: undefined, walkedUpTo, afterShow: undefined });
  else await ctx.db.patch(repair._id, { cursor: page.continueCursor, walkedUpTo });
  return true;
}

async function episodesPage(ctx: MutationCtx, repair: Doc<"stats_repairs">): Promise<boolean> {
  const userId = repair.userId;
  let after = repair.afterShow ?? -1;
  let read = 0;
  while (read < EPISODE_ROWS_PAGE) {
    const next = await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", userId).gt("tmdbId", after))
      .first();
    if (next === null) {
      await ctx.db.delete(repair._id);
      await refreshBoards(ctx, userId);
      return false;
    }
    const tmdbId = next.tmdbId;
    const rows = await ctx.db
      .query("episode_progress")
      .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
      .collect();
    read += rows.length;
    await applyDelta(ctx, userId, await recountShow(ctx, tmdbId, rows));
    after = tmdbId;
  }
  await ctx.db.patch(repair._id, { afterShow: after });
  return true;
}

/**
 * What one show's rows count for: each episode watched (any of its copies says so) once, at the
 * earliest updatedAt of its watched copies — the time the write path counted it.
 */
export async function recountShow(ctx: MutationCtx, tmdbId: number, rows: Doc<"episode_progress">[]): Promise<StatsDelta> {
  const show = await ctx.db
    .query("shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .unique();
  const counted = new Map<string, { season: number; episode: number; at: number }>();
  for (const row of rows) {
    if (!row.isWatched) continue;
    const key = `${row.season}:${row.episode}`;
    const seen = counted.get(key);
    if (seen === undefined || row.updatedAt < seen.at) counted.set(key, { season: row.season, episode: row.episode, at: row.updatedAt });
  }
  const delta = new StatsDelta();
  for (const e of counted.values()) delta.episode(e.at, tmdbId, episodeMinutes(show, e.season, e.episode), 1, show);
  return delta;
}
