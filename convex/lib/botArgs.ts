// Argument validators several bot modules share.
import { v } from "convex/values";
import { showSeasonValidator } from "../validators";

export const title = { tmdbId: v.number(), mediaType: v.string() };
export const seasonCounts = v.array(v.object({ season: v.number(), episodeCount: v.number() }));
export const showStructure = v.object({ title: v.string(), image: v.optional(v.string()), seasons: v.array(showSeasonValidator) });
/** Sent with show writes: the structure when the bot fetched it, else the counts it knows (see model/shows ShowSync). */
export const showSync = { show: v.optional(showStructure), seasonCounts: v.optional(seasonCounts) };
