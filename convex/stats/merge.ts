// A guest profile merged into a Clerk user's (or deleted) — model/merge.ts's "stats" phase: the
// guest's counters go (what they counted now counts for the Clerk user, whose counters followed
// every moved title and episode as it moved); their sharing carries over to servers where the
// Clerk user doesn't share yet.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { refreshBoards, removeBoardRows } from "./counters";

/** Rows one step removes or moves. */
const ROWS_PER_STEP = 200;

export async function mergeStatsStep(ctx: MutationCtx, from: Id<"users">, to: Id<"users"> | undefined) {
  let moved = 0;
  const shares = await ctx.db
    .query("stats_shares")
    .withIndex("by_user_guild", (q) => q.eq("userId", from))
    .take(ROWS_PER_STEP);
  for (const share of shares) {
    await removeBoardRows(ctx, from, share.guildId);
    const theirs =
      to === undefined
        ? null
        : await ctx.db
            .query("stats_shares")
            .withIndex("by_user_guild", (q) => q.eq("userId", to).eq("guildId", share.guildId))
            .first();
    if (to !== undefined && theirs === null) {
      await ctx.db.patch(share._id, { userId: to });
      moved++;
    } else await ctx.db.delete(share._id);
  }
  if (shares.length > 0 && to !== undefined) await refreshBoards(ctx, to);
  if (shares.length === ROWS_PER_STEP) return { moved, finished: false };
  const groups = [
    await ctx.db
      .query("stats_totals")
      .withIndex("by_user_year", (q) => q.eq("userId", from))
      .take(ROWS_PER_STEP),
    await ctx.db
      .query("stats_shows")
      .withIndex("by_user_year_show", (q) => q.eq("userId", from))
      .take(ROWS_PER_STEP),
    await ctx.db
      .query("stats_titles")
      .withIndex("by_user_title", (q) => q.eq("userId", from))
      .take(ROWS_PER_STEP),
    await ctx.db
      .query("stats_repairs")
      .withIndex("by_user", (q) => q.eq("userId", from))
      .take(ROWS_PER_STEP),
  ];
  for (const rows of groups) for (const row of rows) await ctx.db.delete(row._id);
  if (groups.some((rows) => rows.length === ROWS_PER_STEP)) return { moved, finished: false };
  return { moved, finished: true };
}
