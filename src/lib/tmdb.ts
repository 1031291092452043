// TMDB client: search, movie, show and season lookups, validated and cached.
//
// The base URL comes from configuration (TMDB_API_URL), so the sandbox and the
// tests point the very same client at the loopback catalog server.

import { TtlCache } from "./tmdb-cache.ts";
import { TmdbError } from "./tmdb-errors.ts";
import { getJson, withinDeadline, type HttpOptions } from "./tmdb-http.ts";
import { parseMovieDetails, parseSearchMulti, parseSeasonDetails, parseShowDetails, parseShowWithSeasons } from "./tmdb-schemas.ts";
import { parseWatchProviders, type WatchProviders } from "./tmdb-providers.ts";
import type { MediaType, MovieDetails, PosterSize, SearchResult, SeasonDetails, ShowDetails } from "./tmdb-types.ts";

export { TmdbError, isTmdbError, type TmdbErrorKind } from "./tmdb-errors.ts";
export type {
  EpisodeSummary,
  MediaType,
  MovieDetails,
  PosterSize,
  SearchResult,
  SeasonDetails,
  SeasonSummary,
  ShowDetails,
} from "./tmdb-types.ts";

export interface TmdbConfig {
  /** e.g. https://api.themoviedb.org/3 or http://127.0.0.1:PORT/3 */
  baseUrl: string;
  /** v4 read access token, sent as a Bearer token. */
  token?: string;
  /** Default https://image.tmdb.org/t/p */
  imageBaseUrl?: string;
  /** Per attempt. Default 4000. Inside an interaction (withDeadline), never past its deadline. */
  timeoutMs?: number;
  /** Extra attempts after a 429 or 5xx. Default 2. */
  maxRetries?: number;
  /** Searches, shows and seasons; default 10 minutes; 0 disables caching. */
  cacheTtlMs?: number;
  /**
   * Movie details, which hardly change: default 6 hours, so a movie card's buttons
   * stay off TMDB long after the command that showed it. Shows keep the short TTL:
   * their episode counts decide whether Convex's cached structure is fresh.
   */
  movieTtlMs?: number;
  /** Default 1000. */
  cacheMaxEntries?: number;
  /** Largest answer read, in bytes. Default 2 MiB (a season with credits is a few hundred KiB). */
  maxResponseBytes?: number;
  /**
   * A show with up to 20 seasons appended (with every episode's crew and guest stars, which TMDB
   * can't be asked to leave out): per attempt, default 15 s and 24 MiB. 20 seasons of a
   * 1,100-episode anime with credits measure about 6 MiB. Inside an interaction, its deadline comes first.
   */
  appendTimeoutMs?: number;
  appendMaxBytes?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Clock for cache expiry and Retry-After dates; tests and the sandbox clock inject it. */
  now?: () => number;
}

export const DEFAULT_IMAGE_BASE_URL = "https://image.tmdb.org/t/p";
const DEFAULT_TIMEOUT_MS = 4_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_CACHE_TTL_MS = 10 * 60_000;
const DEFAULT_MOVIE_TTL_MS = 6 * 60 * 60_000;
const DEFAULT_CACHE_MAX_ENTRIES = 1_000;
const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const DEFAULT_APPEND_TIMEOUT_MS = 15_000;
const DEFAULT_APPEND_MAX_BYTES = 24 * 1024 * 1024;
export const MAX_QUERY_LENGTH = 200;
/** TMDB refuses pages past 500. */
export const MAX_SEARCH_PAGE = 500;
/** TMDB's limit on append_to_response items per request. */
export const MAX_APPENDED = 20;
const POSTER_SIZES: readonly PosterSize[] = ["w92", "w185", "w342", "w500", "original"];
/** TMDB image paths look like "/qJ2tW6WMUDux911r6m7haRef0WH.jpg"; anything else is not put into a URL. */
const IMAGE_PATH = /^\/[A-Za-z0-9._-]+$/;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Cached =
  SearchResult[] | MovieDetails | ShowDetails | SeasonDetails | { show: ShowDetails; seasons: SeasonDetails[] } | WatchProviders;

export class TmdbClient {
  private readonly baseUrl: string;
  /** TMDB's image base (TMDB_IMAGE_BASE), without a trailing slash: posters come only from here. */
  readonly imageBaseUrl: string;
  private http: HttpOptions;
  private readonly cache: TtlCache<Cached>;
  private readonly movieTtlMs: number;
  private readonly append: { timeoutMs: number; maxBytes: number };
  /** Identical requests already on their way: autocomplete bursts share one round trip. */
  private readonly inFlight = new Map<string, Promise<Cached>>();

  constructor(cfg: TmdbConfig) {
    this.baseUrl = cfg.baseUrl.replace(/\/+$/, "");
    this.imageBaseUrl = (cfg.imageBaseUrl ?? DEFAULT_IMAGE_BASE_URL).replace(/\/+$/, "");
    const now = cfg.now ?? Date.now;
    this.http = {
      fetch: cfg.fetch ?? ((input, init) => fetch(input, init)),
      sleep: cfg.sleep ?? defaultSleep,
      timeoutMs: cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: Math.max(0, Math.floor(cfg.maxRetries ?? DEFAULT_MAX_RETRIES)),
      now,
      maxBytes: cfg.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      ...(cfg.token ? { token: cfg.token } : {}),
    };
    this.append = { timeoutMs: cfg.appendTimeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS, maxBytes: cfg.appendMaxBytes ?? DEFAULT_APPEND_MAX_BYTES };
    this.movieTtlMs = cfg.movieTtlMs ?? DEFAULT_MOVIE_TTL_MS;
    this.cache = new TtlCache<Cached>({
      ttlMs: cfg.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
      maxEntries: cfg.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
      now,
    });
  }

  /**
   * This client for one interaction: every request it makes — however deep, retries and fallbacks
   * included — is bounded by `deadline`, and a request already shared with someone else is waited
   * for only that long. The cache and the requests in flight are shared with the client it came from.
   */
  withDeadline(deadline: number): TmdbClient {
    const scoped = Object.create(this) as TmdbClient;
    scoped.http = { ...this.http, deadline };
    return scoped;
  }

  /**
   * Movies and shows matching `query`, in TMDB's order; people are left out.
   * TMDB's search ignores case and spacing, so queries differing only in those
   * share one cached answer (autocomplete asks again on every keystroke).
   */
  async searchMulti(query: string, opts: { page?: number } = {}): Promise<SearchResult[]> {
    const text = validQuery(query).replace(/\s+/g, " ").toLowerCase();
    const page = validPage(opts.page ?? 1);
    const url = this.url("/search/multi", { query: text, page: String(page), include_adult: "false" });
    return this.load(url, undefined, parseSearchMulti);
  }

  async movie(id: number): Promise<MovieDetails> {
    const movieId = validId(id, "movie");
    return this.load(
      this.url(`/movie/${movieId}`),
      `a movie with id ${movieId}`,
      (json) => parseMovieDetails(json, movieId),
      this.movieTtlMs,
    );
  }

  /** Where a movie streams, rents and sells, by region (data by JustWatch); cached as long as movie details. */
  async movieProviders(id: number): Promise<WatchProviders> {
    const movieId = validId(id, "movie");
    return this.load(
      this.url(`/movie/${movieId}/watch/providers`),
      `a movie with id ${movieId}`,
      (json) => parseWatchProviders(json, movieId),
      this.movieTtlMs,
    );
  }

  async tv(id: number): Promise<ShowDetails> {
    const tvId = validId(id, "TV show");
    return this.load(this.url(`/tv/${tvId}`), `a TV show with id ${tvId}`, (json) => parseShowDetails(json, tvId));
  }

  async season(tvId: number, seasonNumber: number): Promise<SeasonDetails> {
    const showId = validId(tvId, "TV show");
    const number = validSeasonNumber(seasonNumber);
    return this.load(this.url(`/tv/${showId}/season/${number}`), `season ${number} of the TV show with id ${showId}`, (json) =>
      parseSeasonDetails(json, showId, number),
    );
  }

  /**
   * A show with the full details of some of its seasons, in one request through
   * append_to_response (TMDB takes at most 20 appended items per request).
   */
  async tvWithSeasons(id: number, seasonNumbers: readonly number[]): Promise<{ show: ShowDetails; seasons: SeasonDetails[] }> {
    const tvId = validId(id, "TV show");
    const numbers = [...new Set(seasonNumbers.map(validSeasonNumber))].sort((a, b) => a - b);
    if (numbers.length === 0 || numbers.length > MAX_APPENDED) {
      throw badRequest(`asked for ${numbers.length} seasons in one request`, `TMDB sends 1 to ${MAX_APPENDED} seasons per request.`);
    }
    const url = this.url(`/tv/${tvId}`, { append_to_response: numbers.map((n) => `season/${n}`).join(",") });
    const result = await this.load(
      url,
      `a TV show with id ${tvId}`,
      (json) => parseShowWithSeasons(json, tvId, numbers),
      undefined,
      this.append,
    );
    // The answer holds the show's details too: a card drawn next needs no request of its own.
    const detailsUrl = this.url(`/tv/${tvId}`);
    if (this.cache.get(detailsUrl) === undefined) this.cache.set(detailsUrl, structuredClone(result.show));
    return result;
  }

  /** A movie's or show's details if this client already holds them: no request either way. */
  cachedDetails(mediaType: MediaType, id: number): MovieDetails | ShowDetails | undefined {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const hit = this.cache.get(this.url(mediaType === "movie" ? `/movie/${id}` : `/tv/${id}`));
    return hit === undefined ? undefined : (structuredClone(hit) as MovieDetails | ShowDetails);
  }

  /** Full image URL for a TMDB poster path, or undefined when there is no (usable) poster. */
  posterUrl(path: string | null | undefined, size: PosterSize = "w342"): string | undefined {
    if (!path || !IMAGE_PATH.test(path) || !POSTER_SIZES.includes(size)) return undefined;
    return `${this.imageBaseUrl}/${size}${path}`;
  }

  /** Forgets cached answers, e.g. after the sandbox changes its catalog. */
  clearCache(): void {
    this.cache.clear();
  }

  private url(path: string, params: Record<string, string> = {}): string {
    const search = new URLSearchParams(params).toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ""}`;
  }

  /**
   * Cache → shared in-flight request → network. Only successes are cached, so
   * a failed lookup is retried by the next user instead of replayed to them.
   * Each caller gets its own copy, so one consumer mutating a result cannot
   * corrupt what the cache hands to the next.
   */
  private async load<T extends Cached>(
    url: string,
    what: string | undefined,
    parse: (json: unknown) => T,
    ttlMs?: number,
    bounds?: { timeoutMs: number; maxBytes: number },
  ): Promise<T> {
    const cached = this.cache.get(url);
    if (cached !== undefined) return structuredClone(cached) as T;

    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.fetchAndParse(url, what, parse, ttlMs, bounds).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    // A request someone else started may have a later deadline, or none: this caller waits only for its own.
    return structuredClone(await withinDeadline(pending, url, this.http)) as T;
  }

  /** `what` names the thing looked up, for the not-found sentence ("a movie with id 42"). */
  private async fetchAndParse<T extends Cached>(
    url: string,
    what: string | undefined,
    parse: (json: unknown) => T,
    ttlMs?: number,
    bounds?: { timeoutMs: number; maxBytes: number },
  ): Promise<T> {
    const json = await getJson(url, this.http, {
      ...(what ? { notFoundMessage: `Couldn't find ${what} on TMDB — check the number and try again.` } : {}),
      ...bounds,
    });
    const value = parse(json);
    this.cache.set(url, value, ttlMs);
    return value;
  }
}

// ---------------------------------------------------------------------------
// Input validation: bad input never costs a request. The public methods are
// async, so a bad input arrives as a rejected promise like any other failure.

function validId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw badRequest(`invalid ${what} id ${String(id)}`, "That id doesn't look right — TMDB ids are whole numbers above zero.");
  }
  return id;
}

function validSeasonNumber(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw badRequest(
      `invalid season number ${String(n)}`,
      "That season number doesn't look right — use 0 for specials, 1 for the first season, and so on.",
    );
  }
  return n;
}

function validQuery(query: string): string {
  const text = typeof query === "string" ? query.trim() : "";
  if (text === "") throw badRequest("empty search query", "Type part of a title to search for.");
  if ([...text].length > MAX_QUERY_LENGTH) {
    throw badRequest(
      `search query longer than ${MAX_QUERY_LENGTH} characters`,
      `That search is too long — keep it under ${MAX_QUERY_LENGTH} characters.`,
    );
  }
  return text;
}

function validPage(page: number): number {
  if (!Number.isSafeInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) {
    throw badRequest(`invalid search page ${String(page)}`, `Search pages run from 1 to ${MAX_SEARCH_PAGE}.`);
  }
  return page;
}

function badRequest(message: string, userMessage: string): TmdbError {
  return new TmdbError("bad_request", message, { userMessage });
}
