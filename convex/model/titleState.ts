import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import type { TitleState } from "../lib/botReturns";
import type { MediaType } from "../lib/validators";
import { readWatched, showProgress } from "./episodes";
import { getShow } from "./shows";
import { findItem, viewItem } from "./watchItems";

/**
 * Everything a title card shows for one user, read inside whichever function
 * answers the command, so the reply needs no second round trip. `show` is the
 * structure the caller already holds (or null when it knows there is none).
 */
export async function titleState(
  ctx: QueryCtx,
  userId: Id<"users"> | null,
  tmdbId: number,
  mediaType: MediaType,
  show?: Doc<"shows"> | null,
): Promise<TitleState> {
  const row = userId === null ? null : await findItem(ctx, userId, tmdbId, mediaType);
  const item = row === null ? null : viewItem(row);
  if (mediaType !== "tv") return { item, progress: null, jobRunning: false, show: null };
  const cached = show === undefined ? await getShow(ctx, tmdbId) : show;
  if (cached === null) return { item, progress: null, jobRunning: false, show: null };
  const header = showHeaderOf(cached);
  if (userId === null) return { item, progress: showProgress(cached, new Map()), jobRunning: false, show: header };
  const read = await readWatched(ctx, userId, tmdbId);
  const progress = read.complete ? showProgress(cached, read.watched) : { ...showProgress(cached, read.watched), counting: true };
  const job = await ctx.db
    .query("episode_jobs")
    .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
    .order("desc")
    .first();
  return { item, progress, jobRunning: job?.state === "running", show: header };
}

export function showHeaderOf(show: Doc<"shows">): { title: string; image?: string } {
  return show.image === undefined ? { title: show.title } : { title: show.title, image: show.image };
}
