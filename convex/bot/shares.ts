// Share posts: the bot asks here before posting "X finished Y" to a channel. The throttle
// lives in Convex so it holds across every shard (and every click of an old button).
import { v } from "convex/values";
import { botMutation } from "../lib/botFunctions";
import { fail } from "../model/errors";
import { claimSharePost } from "../model/shares";
import { parseMediaType, parseTmdbId } from "../model/vocabulary";
import { findItem, viewItem } from "../model/watchItems";

export const claimShare = botMutation({
  args: {
    channelId: v.string(),
    tmdbId: v.number(),
    mediaType: v.string(),
    what: v.union(v.literal("finished"), v.literal("loved")),
  },
  returns: v.union(
    v.object({ allowed: v.literal(true) }),
    v.object({ allowed: v.literal(false), reason: v.literal("not_true") }),
    v.object({ allowed: v.literal(false), reason: v.literal("repeat"), retryAt: v.number() }),
    v.object({ allowed: v.literal(false), reason: v.literal("channel_busy"), retryAt: v.number(), cap: v.number() }),
  ),
  handler: async (ctx, args) => {
    if (!/^\d{15,22}$/.test(args.channelId)) fail("INVALID_ARGUMENT", "Sharing works in a server channel.");
    const mediaType = parseMediaType(args.mediaType);
    const tmdbId = parseTmdbId(args.tmdbId);
    // Only what is true right now may be announced.
    const row = await findItem(ctx, ctx.actor.userId, tmdbId, mediaType);
    const item = row === null ? null : viewItem(row);
    const isTrue = args.what === "finished" ? item?.progressStatus === "finished" : item?.reaction === "loved";
    if (!isTrue) return { allowed: false as const, reason: "not_true" as const };
    return await claimSharePost(ctx, { channelId: args.channelId, discordUserId: ctx.actor.discordUserId, tmdbId, mediaType }, Date.now());
  },
});
