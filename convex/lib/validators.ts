import { v, type Infer } from "convex/values";

// Shared vocabularies. The stored seed fields are plain strings (the web app's
// contract), so these validators guard what the bot's own tables store and what
// the model hands back after normalizing; incoming enum arguments are taken as
// strings and checked in convex/model/vocabulary.ts so a bad value becomes a
// ConvexError with a sentence, not a validator dump.
export const mediaTypeValidator = v.union(v.literal("movie"), v.literal("tv"));
/**
 * The bot's words for a status (the seed's vocabulary plus "dropped"). Stored values
 * may be any synonym the web app has written; model/vocabulary.ts maps them here.
 */
export const progressStatusValidator = v.union(
  v.literal("want-to-watch"),
  v.literal("watching"),
  v.literal("finished"),
  v.literal("dropped"),
);
export const reactionValidator = v.union(v.literal("loved"), v.literal("liked"), v.literal("mixed"), v.literal("not-for-me"));

export type MediaType = Infer<typeof mediaTypeValidator>;
export type ProgressStatus = Infer<typeof progressStatusValidator>;
export type Reaction = Infer<typeof reactionValidator>;

export const MEDIA_TYPES: readonly MediaType[] = ["movie", "tv"];
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ["want-to-watch", "watching", "finished", "dropped"];
export const REACTIONS: readonly Reaction[] = ["loved", "liked", "mixed", "not-for-me"];

/** Display metadata the web app caches on a watch item (and on a list item). */
export const itemMetadataArgs = {
  title: v.optional(v.string()),
  image: v.optional(v.string()),
  rating: v.optional(v.number()),
  release_date: v.optional(v.string()),
  overview: v.optional(v.string()),
};

/** One season's worth of episode numbers, as the seed's batch mutation takes them. */
export const seasonEpisodesValidator = v.object({
  season: v.number(),
  episodes: v.array(v.number()),
});

/** A season in the cached show structure. */
export const showSeasonValidator = v.object({
  season: v.number(),
  name: v.string(),
  episodeCount: v.number(),
  episodeNames: v.optional(v.array(v.string())),
  /** TMDB's episode_number of each listed episode, in list order, when they are not 1, 2, 3 … (absolutely numbered anime seasons). */
  episodeNumbers: v.optional(v.array(v.number())),
  /** Listed episodes (from the start of the list) that had aired when TMDB was last read; absent: every one listed. */
  aired: v.optional(v.number()),
  /** Air dates (YYYY-MM-DD, "" when TMDB has none yet) of the announced episodes after `aired`, in list order. */
  airDates: v.optional(v.array(v.string())),
  /** Minutes of each listed episode, in list order (0 where TMDB gives none); absent when TMDB gave none at all (stats' hours). */
  runtimes: v.optional(v.array(v.number())),
});
export type ShowSeason = Infer<typeof showSeasonValidator>;
