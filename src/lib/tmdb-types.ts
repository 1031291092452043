// What the rest of the bot sees of TMDB: plain, validated, camelCased values.
// Optional fields are absent (never "" or null) when TMDB has nothing to say.

export type MediaType = "movie" | "tv";

export type PosterSize = "w92" | "w185" | "w342" | "w500" | "original";

export interface SearchResult {
  tmdbId: number;
  mediaType: MediaType;
  title: string;
  /** YYYY-MM-DD: release_date for movies, first_air_date for shows. */
  releaseDate?: string;
  year?: number;
  posterPath?: string;
  overview?: string;
  /** vote_average (0–10); absent when nobody has voted yet. */
  rating?: number;
  popularity?: number;
}

export interface MovieDetails {
  tmdbId: number;
  mediaType: "movie";
  title: string;
  overview?: string;
  posterPath?: string;
  releaseDate?: string;
  year?: number;
  rating?: number;
  /** Minutes; absent when TMDB doesn't know (it reports 0). */
  runtime?: number;
  genres: string[];
  /** TMDB's genre ids (absent in details cached before they were kept). */
  genreIds?: number[];
}

export interface SeasonSummary {
  seasonNumber: number;
  name: string;
  episodeCount: number;
  airDate?: string;
}

export interface ShowDetails {
  tmdbId: number;
  mediaType: "tv";
  title: string;
  overview?: string;
  posterPath?: string;
  /** first_air_date */
  releaseDate?: string;
  year?: number;
  rating?: number;
  status?: string;
  numberOfEpisodes?: number;
  genres: string[];
  genreIds?: number[];
  /** Ascending by season number; season 0 ("Specials") is kept when TMDB lists it. */
  seasons: SeasonSummary[];
  /** last_episode_to_air: the latest episode TMDB says has aired (absent when none has). */
  lastAired?: EpisodeKey;
  /** next_episode_to_air: the next announced episode, when TMDB knows one. */
  nextAir?: EpisodeKey;
}

/** An episode as TMDB numbers it (episode_number, which may count across seasons: S20E885). */
export interface EpisodeKey {
  season: number;
  episode: number;
  airDate?: string;
}

export interface EpisodeSummary {
  episodeNumber: number;
  name: string;
  airDate?: string;
  runtime?: number;
  overview?: string;
}

export interface SeasonDetails {
  tvId: number;
  seasonNumber: number;
  name: string;
  /** Ascending by episode number. */
  episodes: EpisodeSummary[];
}
