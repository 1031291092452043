// What an imported file says about one title, once read: the shared shape between the file readers
// (src/lib/import/, which turn a TV Time / Trakt / Letterboxd / IMDb / Film Fanatic export into
// entries) and the import pipeline in Convex (which matches entries to TMDB ids, previews them and
// applies them). Runtime-neutral: validators and types only.
import { v, type Infer } from "convex/values";

export const importSourceValidator = v.union(
  v.literal("tvtime"),
  v.literal("trakt"),
  v.literal("letterboxd"),
  v.literal("imdb"),
  /** This project's own /account export, or the web app's JSON export. */
  v.literal("filmfanatic"),
);
export type ImportSource = Infer<typeof importSourceValidator>;

/** The ids a source gives for a title; at least one id or a title is present. */
export const sourceIdsValidator = v.object({
  tmdb: v.optional(v.number()),
  tvdb: v.optional(v.number()),
  /** An IMDb id, "tt" followed by digits. */
  imdb: v.optional(v.string()),
});
export type SourceIds = Infer<typeof sourceIdsValidator>;

/** One watched episode, by its position in the show (as TMDB numbers it), and when, if the source says. */
export const importEpisodeValidator = v.object({
  season: v.number(),
  episode: v.number(),
  /** Milliseconds since the epoch. */
  watchedAt: v.optional(v.number()),
});
export type ImportEpisode = Infer<typeof importEpisodeValidator>;

/**
 * Everything one file says about one title, merged across the file's parts (a TV Time export's
 * followed shows and seen episodes become one entry per show). Fields left out say nothing: an
 * import never clears what it wasn't told.
 */
export const importEntryValidator = v.object({
  /** Stable within the source (e.g. "tv:tvdb:121361", "movie:imdb:tt1375666", "movie:title:heat|1995"), so re-reading a file gives the same keys. */
  key: v.string(),
  mediaType: v.union(v.literal("movie"), v.literal("tv")),
  ids: sourceIdsValidator,
  /** As the source spells it; shown in the preview and used to match when no id is given. */
  title: v.optional(v.string()),
  /** Release (or first-air) year, when the source gives it; needed to match by title. */
  year: v.optional(v.number()),
  /** On the person's watchlist in the source. */
  watchlist: v.optional(v.boolean()),
  /** A film watched (finished); for a show, every episode watched is said through `episodes`. */
  watched: v.optional(v.boolean()),
  /** When the film was (last) watched, ms since the epoch. */
  watchedAt: v.optional(v.number()),
  /** The source says the person stopped this show / film. */
  dropped: v.optional(v.boolean()),
  /** A rating, normalised to 0.5–10 (a 4★ Letterboxd rating is 8). */
  rating: v.optional(v.number()),
  ratedAt: v.optional(v.number()),
  /** Watched episodes (shows only), season 0 for specials. */
  episodes: v.optional(v.array(importEpisodeValidator)),
});
export type ImportEntry = Infer<typeof importEntryValidator>;
