import type { MutationCtx } from "../_generated/server";
import type { MediaType } from "../lib/validators";

/** The same title from the same person in the same channel: at most once in this window. */
export const SHARE_REPEAT_MS = 24 * 60 * 60 * 1000;
/** Share posts one channel takes per CHANNEL_WINDOW_MS, from everyone together. */
export const CHANNEL_SHARE_CAP = 6;
export const CHANNEL_WINDOW_MS = 60 * 60 * 1000;
/** Old rows removed per share, so the table stays about a day deep without a cron. */
const PRUNE_PER_SHARE = 16;

export type ShareDecision =
  | { allowed: true }
  | { allowed: false; reason: "repeat"; retryAt: number }
  | { allowed: false; reason: "channel_busy"; retryAt: number; cap: number };

/**
 * Decides whether a share post may go out now and, if so, records it. Runs inside the
 * share mutation, so two shards (or two clicks) can never both pass the same check.
 */
export async function claimSharePost(
  ctx: MutationCtx,
  post: { channelId: string; discordUserId: string; tmdbId: number; mediaType: MediaType },
  now: number,
): Promise<ShareDecision> {
  const repeat = await ctx.db
    .query("share_posts")
    .withIndex("by_channel_user_title", (q) =>
      q
        .eq("channelId", post.channelId)
        .eq("discordUserId", post.discordUserId)
        .eq("tmdbId", post.tmdbId)
        .eq("mediaType", post.mediaType)
        .gt("sharedAt", now - SHARE_REPEAT_MS),
    )
    .first();
  if (repeat !== null) return { allowed: false, reason: "repeat", retryAt: repeat.sharedAt + SHARE_REPEAT_MS };

  const recent = await ctx.db
    .query("share_posts")
    .withIndex("by_channel", (q) => q.eq("channelId", post.channelId).gt("sharedAt", now - CHANNEL_WINDOW_MS))
    .take(CHANNEL_SHARE_CAP);
  if (recent.length >= CHANNEL_SHARE_CAP) {
    return { allowed: false, reason: "channel_busy", retryAt: recent[0]!.sharedAt + CHANNEL_WINDOW_MS, cap: CHANNEL_SHARE_CAP };
  }

  const expired = await ctx.db
    .query("share_posts")
    .withIndex("by_channel", (q) => q.eq("channelId", post.channelId).lt("sharedAt", now - SHARE_REPEAT_MS))
    .take(PRUNE_PER_SHARE);
  for (const row of expired) await ctx.db.delete(row._id);
  await ctx.db.insert("share_posts", { ...post, sharedAt: now });
  return { allowed: true };
}
