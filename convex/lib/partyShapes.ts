// The shapes the bot's party API answers with and takes (convex/bot/parties.ts): a party's
// reference, a movie party's film, and the board's data for a private copy.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { partyLabel } from "../model/parties";
import { watchProvidersValidator } from "../tables/parties";

export const partyRef = v.object({
  partyId: v.string(),
  label: v.string(),
  title: v.string(),
  season: v.union(v.number(), v.null()),
  channelId: v.string(),
  /** "" when nobody is in it: the next to join hosts it. */
  hostDiscordUserId: v.string(),
  memberCount: v.number(),
  paused: v.boolean(),
  /** Its channel was deleted: the party can only be ended. */
  channelGone: v.boolean(),
  /** A movie night rather than a show's party. */
  movie: v.boolean(),
});

export function refOf(party: Doc<"parties">) {
  return {
    partyId: party._id,
    label: partyLabel(party),
    title: party.title,
    season: party.season ?? null,
    channelId: party.channelId,
    hostDiscordUserId: party.hostDiscordUserId,
    memberCount: party.memberCount ?? 0,
    paused: party.paused !== undefined,
    channelGone: party.paused?.channelGone === true,
    movie: party.mediaType === "movie",
  };
}

export const withNotices = <T extends Record<string, any>>(fields: T) => v.object({ ...fields, notices: v.array(v.string()) });

export /** A film for a movie party: TMDB's facts as the bot read them (checked in model/parties.ts's cleanMovie). */
const movieArg = v.object({
  title: v.string(),
  year: v.optional(v.number()),
  runtime: v.optional(v.number()),
  posterUrl: v.optional(v.string()),
  providers: v.optional(
    v.object({
      region: v.string(),
      link: v.optional(v.string()),
      stream: v.array(v.string()),
      rent: v.array(v.string()),
      buy: v.array(v.string()),
    }),
  ),
});

export const boardDataValidator = v.object({
  partyId: v.string(),
  name: v.optional(v.string()),
  show: v.object({ title: v.string(), posterUrl: v.optional(v.string()) }),
  season: v.optional(v.number()),
  hostName: v.string(),
  members: v.array(
    v.object({
      discordUserId: v.string(),
      displayName: v.string(),
      watched: v.number(),
      total: v.number(),
      position: v.union(v.null(), v.object({ season: v.number(), episode: v.number() })),
    }),
  ),
  nextSessionAt: v.optional(v.union(v.number(), v.null())),
  nextSessionRsvps: v.optional(
    v.array(v.object({ name: v.string(), answer: v.union(v.literal("going"), v.literal("maybe"), v.literal("cant")) })),
  ),
  episodeNames: v.optional(v.record(v.string(), v.string())),
  movie: v.optional(
    v.object({
      year: v.optional(v.number()),
      runtime: v.optional(v.number()),
      providers: v.optional(watchProvidersValidator),
      seen: v.number(),
      night: v.optional(
        v.object({
          at: v.number(),
          there: v.number(),
          reactions: v.object({ loved: v.number(), liked: v.number(), mixed: v.number(), "not-for-me": v.number() }),
        }),
      ),
    }),
  ),
});
