import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { legacyFill, statusMeaning } from "./vocabulary";

/** Rows one backfill transaction rewrites before it hands the rest to a scheduled continuation. */
export const BACKFILL_PAGE = 500;

/**
 * The fields a legacy row gets once its meaning is written in the split model; null
 * when there is nothing to add. Only the legacy combined `status` is mapped (in the web
 * app's current words; `dropped` by progress plus the reaction not-for-me, as the web
 * app's server and the seed map it): a progressStatus or reaction already stored, in
 * whatever vocabulary, is left exactly as it is.
 */
export function backfillPatch(row: Doc<"watch_items">): Partial<Doc<"watch_items">> | null {
  const patch: Partial<Doc<"watch_items">> = { ...legacyFill(row) };
  if (row.inWatchlist === undefined) patch.inWatchlist = true;
  const derived = statusMeaning(patch.progressStatus);
  if (derived === "finished" && row.progress === undefined) patch.progress = 100;
  if (derived === "want-to-watch" && row.progress === undefined) patch.progress = 0;
  return Object.keys(patch).length === 0 ? null : patch;
}

/**
 * Rewrites one page of a user's rows (oldest first, by _creationTime through
 * by_user) and says where the next page starts. updatedAt is left alone: a
 * migration is not the user's activity.
 */
export async function backfillUserPage(
  ctx: MutationCtx,
  userId: Id<"users">,
  cursor: string | null,
): Promise<{ scanned: number; updated: number; continueCursor: string | null }> {
  const page = await ctx.db
    .query("watch_items")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .paginate({ cursor, numItems: BACKFILL_PAGE });
  let updated = 0;
  for (const row of page.page) {
    const patch = backfillPatch(row);
    if (patch !== null) {
      await ctx.db.patch(row._id, patch);
      updated++;
    }
  }
  return { scanned: page.page.length, updated, continueCursor: page.isDone ? null : page.continueCursor };
}
