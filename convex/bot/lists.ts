// The bot's API for lists of titles: a member's own, or another's they made visible.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import { botQuery } from "../lib/botFunctions";
import { watchItemView } from "../lib/botReturns";
import { parseMediaType, parseProgressStatus } from "../model/vocabulary";
import { listForViewer } from "../model/watchItems";

export const listTitles = botQuery({
  args: {
    discordUserId: v.string(),
    /** Whose list: another member's, if they made it visible (else LIST_UNAVAILABLE, whatever the reason). */
    ownerDiscordUserId: v.optional(v.string()),
    /** Any stored synonym is accepted; the filter finds rows in every vocabulary. */
    progressStatus: v.optional(v.string()),
    mediaType: v.optional(v.string()),
    /** "watchlist" (default): inWatchlist true or unset; "all": every tracked title. */
    scope: v.optional(v.union(v.literal("watchlist"), v.literal("all"))),
    cursor: v.optional(v.object({ before: v.number(), creation: v.number() })),
    pageSize: v.number(),
  },
  returns: v.object({
    items: v.array(watchItemView),
    next: v.union(v.null(), v.object({ before: v.number(), creation: v.number() })),
    ownerName: v.union(v.string(), v.null()),
  }),
  handler: async (ctx, args) => {
    const progressStatus = args.progressStatus === undefined ? undefined : parseProgressStatus(args.progressStatus);
    const mediaType = args.mediaType === undefined ? undefined : parseMediaType(args.mediaType);
    return await listForViewer(ctx, {
      viewerDiscordUserId: args.discordUserId,
      ownerDiscordUserId: args.ownerDiscordUserId,
      filter: { progressStatus, mediaType, scope: args.scope ?? "watchlist" },
      cursor: args.cursor ?? null,
      pageSize: args.pageSize,
    });
  },
});
