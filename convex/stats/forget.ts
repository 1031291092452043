// A Discord account's sharing ends with its tie to a profile: "Delete my Discord data" and /unlink
// take it off every server's leaderboard. Sharing is a Discord-side choice (`/stats share on` in a
// server), but it is stored against the profile, which a linked account keeps after either — so
// without this a person who left would stay listed, and could no longer turn it off.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { MAX_SHARED_SERVERS, removeBoardRows } from "./counters";

/** Ends every share this Discord account made for this profile, and removes their leaderboard rows. */
export async function forgetDiscordShares(ctx: MutationCtx, userId: Id<"users">, discordUserId: string): Promise<number> {
  const shares = await ctx.db
    .query("stats_shares")
    .withIndex("by_user_guild", (q) => q.eq("userId", userId))
    .take(MAX_SHARED_SERVERS);
  let ended = 0;
  for (const share of shares) {
    if (share.discordUserId !== discordUserId) continue;
    await removeBoardRows(ctx, userId, share.guildId);
    await ctx.db.delete(share._id);
    ended++;
  }
  return ended;
}
