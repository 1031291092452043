import { v, type Infer } from "convex/values";
import { progressStatusValidator, reactionValidator } from "./validators";

// Return validators of the bot's API: what each reply can rely on, checked by
// Convex on the way out and typed for the bot through FunctionReturnType.

export const watchItemView = v.object({
  _id: v.id("watch_items"),
  tmdbId: v.number(),
  mediaType: v.string(),
  inWatchlist: v.boolean(),
  progressStatus: v.optional(progressStatusValidator),
  reaction: v.optional(reactionValidator),
  progress: v.optional(v.number()),
  title: v.optional(v.string()),
  image: v.optional(v.string()),
  rating: v.optional(v.number()),
  release_date: v.optional(v.string()),
  overview: v.optional(v.string()),
  updatedAt: v.number(),
});

const episodeRef = v.object({ season: v.number(), episode: v.number() });

export const showProgress = v.object({
  watched: v.number(),
  total: v.number(),
  percent: v.number(),
  seasons: v.array(v.object({ season: v.number(), name: v.string(), watched: v.number(), total: v.number() })),
  next: v.union(v.null(), v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) })),
  lastWatched: v.union(v.null(), episodeRef),
  /** Nothing aired is left to watch: the next announced episode and its air date (YYYY-MM-DD) when TMDB has one. */
  upcoming: v.optional(v.object({ season: v.number(), episode: v.number(), airDate: v.optional(v.string()) })),
  /** Episodes tracked on the web app before the bot are still being counted: the figures are a lower bound. */
  counting: v.optional(v.boolean()),
});

/** The cached show a card names and pictures, so a reply needs no TMDB call. */
export const showHeader = v.object({ title: v.string(), image: v.optional(v.string()) });

/** Everything a title card shows about one user and one title. */
export const titleState = v.object({
  item: v.union(v.null(), watchItemView),
  progress: v.union(v.null(), showProgress),
  jobRunning: v.boolean(),
  show: v.union(v.null(), showHeader),
});
export type TitleState = Infer<typeof titleState>;

export const jobProgress = v.object({ applied: v.number(), total: v.number() });

/** The answer to an episode change, including the start of a job that continues in chunks. */
export const markOutcome = v.object({
  requested: v.number(),
  changed: v.number(),
  unchanged: v.number(),
  statusBefore: v.optional(progressStatusValidator),
  statusAfter: v.optional(progressStatusValidator),
  progress: v.union(v.null(), showProgress),
  undoId: v.union(v.null(), v.id("undo_entries")),
  jobId: v.union(v.null(), v.id("episode_jobs")),
  job: v.union(v.null(), jobProgress),
  show: showHeader,
  /** Episodes in the show's specials (season 0), which marking a whole show leaves out. */
  specials: v.number(),
  /** The single episode's name, when one episode was marked. */
  episodeName: v.union(v.null(), v.string()),
  /**
   * A season TMDB numbers its own way (S20E885): how the episodes named were read — "tmdb" (its
   * numbers) or "position" (places in the season's list) — and TMDB's numbers of those marked.
   */
  numbering: v.optional(v.object({ read: v.union(v.literal("tmdb"), v.literal("position")), episodes: v.array(v.number()) })),
});

/** A change to one title, answered with the card's new state. */
export const titleChange = {
  undoId: v.union(v.null(), v.id("undo_entries")),
  state: titleState,
};
