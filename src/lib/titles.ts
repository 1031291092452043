import { api } from "../../convex/_generated/api.js";
import type { Backend } from "./backend.ts";
import { UserError } from "./errors.ts";
import { label, LIMITS, plain } from "./text.ts";
import { TmdbError, type MediaType, type MovieDetails, type ShowDetails, type TmdbClient } from "./tmdb.ts";

export type TitleDetails = MovieDetails | ShowDetails;

/** What a title option said: an id with its type, a bare id, or words to search for. */
export type TitleRef =
  | { kind: "id"; tmdbId: number; mediaType?: MediaType }
  | { kind: "search"; query: string };

/** Autocomplete values look like "tv:1399"; people may also type 1399 or a name. */
export function parseTitleRef(value: string): TitleRef {
  const text = value.trim();
  const typed = /^(movie|tv):(\d{1,10})$/i.exec(text);
  if (typed) return { kind: "id", tmdbId: Number(typed[2]), mediaType: typed[1]!.toLowerCase() as MediaType };
  if (/^\d{1,10}$/.test(text) && Number(text) > 0) return { kind: "id", tmdbId: Number(text) };
  if (text.length === 0) throw new UserError("Tell me which title — start typing a name and pick one from the list.");
  return { kind: "search", query: text.slice(0, 200) };
}

/** How long a cached show structure is trusted before TMDB is asked again (new episodes air). */
const SHOW_REFRESH_MS = 12 * 60 * 60 * 1000;
/** A cached structure whose episode counts still match TMDB is trusted this long (names rarely change). */
const SHOW_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** TMDB season requests in flight at once when caching a long show. */
const SEASON_FETCH_CONCURRENCY = 4;

/**
 * Finding titles on TMDB and keeping Convex's cached show structure fresh, so
 * Convex functions can check episodes and compute progress without TMDB.
 */
export class TitleService {
  private readonly showsFreshUntil = new Map<number, number>();
  private readonly showCaching = new Map<number, Promise<ShowDetails>>();

  constructor(
    private readonly tmdb: TmdbClient,
    private readonly backend: Backend,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves a title option to TMDB details. `mediaType` narrows a bare id or a search. */
  async resolve(value: string, mediaType?: MediaType): Promise<TitleDetails> {
    const ref = parseTitleRef(value);
    if (ref.kind === "search") {
      const results = (await this.tmdb.searchMulti(ref.query)).filter((r) => mediaType === undefined || r.mediaType === mediaType);
      const best = results[0];
      if (best === undefined) {
        throw new UserError(`I couldn't find ${mediaType === "tv" ? "a show" : mediaType === "movie" ? "a movie" : "a title"} matching “${plain(ref.query, 80)}” on TMDB.`);
      }
      return await this.details(best.tmdbId, best.mediaType);
    }
    const type = ref.mediaType ?? mediaType;
    if (type === undefined) {
      throw new UserError(`Is ${ref.tmdbId} a movie or a show? Pick the title from the list, or add \`type:\`.`);
    }
    return await this.details(ref.tmdbId, type);
  }

  /** A show for episode commands: a movie id gets a message that says what it is. */
  async resolveShow(value: string): Promise<ShowDetails> {
    const ref = parseTitleRef(value);
    if (ref.kind === "id" && ref.mediaType === "movie") {
      const movie = await this.details(ref.tmdbId, "movie");
      throw new UserError(`**${plain(movie.title, 100)}** is a movie, so it has no episodes. Use \`/watch status\` to track it.`);
    }
    try {
      const title = await this.resolve(value, "tv");
      return title as ShowDetails;
    } catch (error) {
      if (ref.kind === "id" && error instanceof UserError) {
        const movie = await this.tmdb.movie(ref.tmdbId).catch(() => null);
        if (movie !== null) {
          throw new UserError(`TMDB id ${ref.tmdbId} is the movie **${plain(movie.title, 100)}**, which has no episodes. Use \`/watch status\` for movies.`);
        }
      }
      if (ref.kind === "search" && error instanceof UserError) {
        // Someone typed a movie's name: say so rather than "no show found".
        const [top] = await this.tmdb.searchMulti(ref.query).catch(() => []);
        if (top?.mediaType === "movie") {
          throw new UserError(`**${plain(top.title, 100)}** is a movie, so it has no episodes. Use \`/watch status\` to track it.`);
        }
      }
      throw error;
    }
  }

  async details(tmdbId: number, mediaType: MediaType): Promise<TitleDetails> {
    try {
      return mediaType === "movie" ? await this.tmdb.movie(tmdbId) : await this.tmdb.tv(tmdbId);
    } catch (error) {
      if (error instanceof TmdbError && error.kind === "not_found") {
        throw new UserError(`TMDB has no ${mediaType === "movie" ? "movie" : "show"} with id ${tmdbId}.`, "NOT_FOUND");
      }
      throw error;
    }
  }

  /** Makes sure Convex has this show's seasons, episode counts and names. */
  async ensureShowCached(show: ShowDetails): Promise<void> {
    if ((this.showsFreshUntil.get(show.tmdbId) ?? 0) > this.now()) return;
    let pending = this.showCaching.get(show.tmdbId);
    if (pending === undefined) {
      pending = this.cacheShow(show).finally(() => this.showCaching.delete(show.tmdbId));
      this.showCaching.set(show.tmdbId, pending);
    }
    await pending;
  }

  private async cacheShow(show: ShowDetails): Promise<ShowDetails> {
    const seasons = show.seasons.filter((s) => s.episodeCount > 0);
    // Another process (or an earlier run) may have cached it already: if the episode counts
    // still match TMDB's and the copy is recent, skip fetching every season again.
    const cached = await this.backend.query(api.bot.getShowFreshness, { tmdbId: show.tmdbId });
    if (cached !== null && cached.fetchedAt + SHOW_MAX_AGE_MS > this.now() && sameSeasons(cached.seasons, seasons)) {
      this.showsFreshUntil.set(show.tmdbId, this.now() + SHOW_REFRESH_MS);
      return show;
    }
    const names = new Map<number, string[]>();
    for (let i = 0; i < seasons.length; i += SEASON_FETCH_CONCURRENCY) {
      const chunk = seasons.slice(i, i + SEASON_FETCH_CONCURRENCY);
      const details = await Promise.all(chunk.map((s) => this.tmdb.season(show.tmdbId, s.seasonNumber)));
      for (const season of details) {
        const byNumber: string[] = [];
        for (const e of season.episodes) byNumber[e.episodeNumber - 1] = e.name;
        names.set(season.seasonNumber, Array.from(byNumber, (n, idx) => n ?? `Episode ${idx + 1}`));
      }
    }
    await this.backend.mutation(api.bot.cacheShow, {
      tmdbId: show.tmdbId,
      title: show.title,
      image: this.tmdb.posterUrl(show.posterPath, "w342"),
      seasons: seasons.map((s) => ({
        season: s.seasonNumber,
        name: s.name,
        episodeCount: s.episodeCount,
        episodeNames: names.get(s.seasonNumber)?.slice(0, s.episodeCount),
      })),
    });
    this.showsFreshUntil.set(show.tmdbId, this.now() + SHOW_REFRESH_MS);
    return show;
  }

  /** Metadata the web app caches on a watch item. */
  metadata(title: TitleDetails) {
    return {
      title: title.title,
      image: this.tmdb.posterUrl(title.posterPath, "w500"),
      rating: title.rating,
      release_date: title.releaseDate,
      overview: title.overview,
    };
  }

  /** Up to 25 autocomplete choices, "Title (2011) · TV", valued "tv:1399". */
  async suggest(query: string, mediaType?: MediaType): Promise<{ name: string; value: string }[]> {
    const text = query.trim();
    if (text.length === 0) return [];
    const results = await this.tmdb.searchMulti(text.slice(0, 200));
    return results
      .filter((r) => mediaType === undefined || r.mediaType === mediaType)
      .slice(0, 25)
      .map((r) => ({
        name: choiceName(r.title, r.year, r.mediaType),
        value: `${r.mediaType}:${r.tmdbId}`,
      }));
  }
}

export function choiceName(title: string, year: number | undefined, mediaType: string): string {
  const suffix = `${year !== undefined ? ` (${year})` : ""} · ${mediaType === "tv" ? "TV" : "Movie"}`;
  return label(title, LIMITS.choiceName - suffix.length) + suffix;
}

/** The year of a YYYY-MM-DD date, if it has one. */
export function yearOf(date: string | undefined): number | undefined {
  const year = date === undefined ? Number.NaN : Number(date.slice(0, 4));
  return Number.isInteger(year) && year > 1800 ? year : undefined;
}

function sameSeasons(cached: { season: number; episodeCount: number }[], current: { seasonNumber: number; episodeCount: number }[]): boolean {
  if (cached.length !== current.length) return false;
  const counts = new Map(cached.map((s) => [s.season, s.episodeCount]));
  return current.every((s) => counts.get(s.seasonNumber) === s.episodeCount);
}
