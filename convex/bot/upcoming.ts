// The bot's API for /upcoming: the next episodes of the shows a person follows (one read), and
// their private calendar feed's URL (a write: it is made on first use, or reset). Logic in
// convex/upcoming/. See docs/upcoming.md.
import { v } from "convex/values";
import { botMutation, botQuery } from "../lib/botFunctions";
import { feedUrl } from "../upcoming/feed";
import { upcomingFor } from "../upcoming/listing";

const listedEpisode = {
  tmdbId: v.number(),
  title: v.string(),
  season: v.number(),
  episode: v.number(),
  name: v.optional(v.string()),
  partyChannelId: v.optional(v.string()),
};

/** `/upcoming episodes`: by day in the person's zone; in a server, with the parties there they can see. */
export const episodes = botQuery({
  args: {
    days: v.number(),
    place: v.optional(v.object({ guildId: v.string(), channelId: v.string(), visibleChannelIds: v.optional(v.array(v.string())) })),
  },
  returns: v.object({
    zone: v.string(),
    zoneKnown: v.boolean(),
    from: v.number(),
    to: v.number(),
    days: v.array(
      v.object({
        day: v.string(),
        items: v.array(v.object({ ...listedEpisode, at: v.number(), aired: v.boolean(), next: v.boolean() })),
      }),
    ),
    outNow: v.array(v.object(listedEpisode)),
    shows: v.number(),
    uncached: v.number(),
    truncated: v.boolean(),
  }),
  handler: async (ctx, args) =>
    await upcomingFor(ctx, ctx.actor.discordUserId, { days: args.days, ...(args.place ? { place: args.place } : {}), now: Date.now() }),
});

/** `/upcoming feed` (and Reset link): the person's calendar URL; `salt` is the bot's 32 random bytes for a new one. */
export const feed = botMutation({
  args: { salt: v.string(), reset: v.optional(v.boolean()) },
  returns: v.object({ url: v.string(), created: v.boolean(), since: v.number() }),
  handler: async (ctx, args) => {
    // The URL carries the token: it must not sit in bot_idempotency. A retry with the same salt
    // derives the same token, so running again gives the same answer.
    ctx.keepResultSecret();
    return await feedUrl(ctx, ctx.actor.discordUserId, { salt: args.salt, reset: args.reset === true });
  },
});
