// Argument validators several bot modules share.
import { v } from "convex/values";
import { showSeasonValidator } from "./validators";

export const title = { tmdbId: v.number(), mediaType: v.string() };
/** `lastAired`: on the season of TMDB's last_episode_to_air, that episode's number (a copy that hasn't seen it air is stale). */
export const seasonCounts = v.array(v.object({ season: v.number(), episodeCount: v.number(), lastAired: v.optional(v.number()) }));
export const showStructure = v.object({
  title: v.string(),
  image: v.optional(v.string()),
  seasons: v.array(showSeasonValidator),
  ongoing: v.optional(v.boolean()),
  /** TMDB genre ids, for the stats (docs/stats.md): stored in the facts cache, not with the structure. */
  genres: v.optional(v.array(v.number())),
});
/**
 * Set by a write that sends no title metadata (a card's button, or an id the bot
 * didn't look up): the card is drawn from the person's stored item, so a title
 * they never tracked is refused with TITLE_NOT_STORED and the bot sends TMDB's details.
 */
export const titleFromStore = { titleFromStore: v.optional(v.boolean()) };

/** Sent with show writes: the structure when the bot fetched it, else the counts it knows (see model/shows ShowSync). */
/** `cachedOk`: TMDB isn't answering, so a stale cached structure beats none (the reply says so). */
export const showSync = { show: v.optional(showStructure), seasonCounts: v.optional(seasonCounts), cachedOk: v.optional(v.boolean()) };
