import { UserError } from "./errors.ts";
import { english, type Translator } from "../i18n/index.ts";
import { MAX_TMDB_ID } from "../views/component-ids.ts";
import { LIMITS } from "../views/limits.ts";
import { cutGraphemes, label, plain, truncate } from "../views/text.ts";
import { TmdbError, type MediaType, type MovieDetails, type SearchResult, type ShowDetails, type TmdbClient } from "./tmdb.ts";
import { ShowStructures } from "./tmdb-shows.ts";

export type TitleDetails = MovieDetails | ShowDetails;

/** What a title option said: an id with its type, a bare id, or words to search for. */
export type TitleRef = { kind: "id"; tmdbId: number; mediaType?: MediaType } | { kind: "search"; query: string };

/** TMDB ids are positive 32-bit integers (MAX_TMDB_ID). */
export { MAX_TMDB_ID };
/** Characters of a typed title sent to TMDB's search (its own limit is 200 code points). */
const MAX_QUERY_GRAPHEMES = 100;

/**
 * Autocomplete values look like "tv:1399"; people may also type 1399 or a name.
 * Anything that looks like a number but isn't a plain positive id ("-1", "1 399",
 * "1.5") is refused rather than searched for. Bounded: the input is at most a
 * few hundred characters and is read by anchored, linear patterns.
 */
export function parseTitleRef(value: string, t: Translator = english): TitleRef {
  const text = value.trim();
  if (text.length === 0) throw new UserError(t("titles.which"));
  const typed = /^(movie|tv):(.*)$/is.exec(text);
  if (typed) return { kind: "id", tmdbId: tmdbIdFrom(typed[2]!.trim(), t), mediaType: typed[1]!.toLowerCase() as MediaType };
  if (/^\d+$/.test(text)) return { kind: "id", tmdbId: tmdbIdFrom(text, t) };
  if (/^[+\-−]\s*\d/.test(text) || /^\d+(?:[\s.,_']+\d+)+$/.test(text)) tmdbIdFrom(text, t);
  return { kind: "search", query: cutGraphemes(text, MAX_QUERY_GRAPHEMES) };
}

/** A TMDB id from digits, or a message saying what is wrong with it. */
function tmdbIdFrom(text: string, t: Translator): number {
  const shown = truncate(text, 24);
  if (/\d\s+\d/.test(text)) throw new UserError(t("titles.idSpace", { shown: `“${shown}”` }));
  if (!/^\d+$/.test(text)) throw new UserError(t("titles.notId", { shown: `“${shown}”` }));
  const digits = text.replace(/^0+(?=\d)/, "");
  if (digits.length > 10 || Number(digits) > MAX_TMDB_ID || Number(digits) < 1)
    throw new UserError(t("titles.idRange", { shown, max: MAX_TMDB_ID }));
  return Number(digits);
}

/** A title found for certain, or the best guess at what was meant with the other candidates. */
export type Lookup<T extends TitleDetails = TitleDetails> =
  { kind: "found"; title: T } | { kind: "guess"; best: SearchResult; others: SearchResult[] };

/** Other matches offered next to a guess. */
const OTHER_MATCHES = 10;

/** Case, accents, punctuation and spacing don't make two titles different. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return norm(a) === norm(b);
}

/**
 * Finding titles on TMDB. `shows` sends a show's structure to Convex with a write
 * when Convex asks for it (see tmdb-shows.ts), so Convex functions check episodes
 * and compute progress without TMDB.
 */
export class TitleService {
  readonly shows: ShowStructures;

  constructor(
    private readonly tmdb: TmdbClient,
    shows?: ShowStructures,
    /** The language its refusals are written in ("I couldn't find …"). */
    private readonly t: Translator = english,
  ) {
    this.shows = shows ?? new ShowStructures(tmdb);
  }

  /** The same service for one interaction: its TMDB requests bounded by `deadline`, its refusals in the person's language. */
  withDeadline(deadline: number, t: Translator = this.t): TitleService {
    const tmdb = this.tmdb.withDeadline(deadline);
    return new TitleService(tmdb, this.shows.withTmdb(tmdb), t);
  }

  /**
   * Reads a title option. An id (picked from autocomplete or typed) is certain; typed
   * words are certain only when exactly one result has exactly that title, otherwise
   * the answer is a guess for the person to confirm. `mediaType` narrows ids and searches.
   */
  async lookup(value: string, mediaType?: MediaType): Promise<Lookup> {
    const ref = parseTitleRef(value, this.t);
    if (ref.kind === "id") {
      const type = ref.mediaType ?? mediaType;
      if (type === undefined) return await this.eitherType(ref.tmdbId);
      return { kind: "found", title: await this.details(ref.tmdbId, type) };
    }
    const results = (await this.tmdb.searchMulti(ref.query)).filter((r) => mediaType === undefined || r.mediaType === mediaType);
    if (results.length === 0) {
      throw new UserError(this.t("titles.notFound", { kind: mediaType ?? "any", query: `“${plain(ref.query, 80)}”` }));
    }
    return await this.settle(ref.query, results);
  }

  /** `lookup` for episode commands: a movie, by id or by its exact name, gets a message that says what it is. */
  async lookupShow(value: string): Promise<Lookup<ShowDetails>> {
    const ref = parseTitleRef(value, this.t);
    if (ref.kind === "id") {
      if (ref.mediaType === "movie") throw isAMovie((await this.details(ref.tmdbId, "movie")).title, this.t);
      try {
        return { kind: "found", title: await this.show(ref.tmdbId) };
      } catch (error) {
        const movie = error instanceof UserError ? await this.tmdb.movie(ref.tmdbId).catch(() => null) : null;
        if (movie !== null) {
          throw new UserError(this.t("titles.idIsMovie", { tmdbId: ref.tmdbId, title: `**${plain(movie.title, 100)}**` }));
        }
        throw error;
      }
    }
    const results = await this.tmdb.searchMulti(ref.query);
    // Shows only, as /ep's autocomplete offers: a movie that shares the words is never the answer.
    const shows = results.filter((r) => r.mediaType === "tv");
    if (shows.length === 0) {
      // Someone typed a movie's name: say so rather than only "no show".
      const movie =
        results.find((r) => r.mediaType === "movie" && sameTitle(r.title, ref.query)) ?? results.find((r) => r.mediaType === "movie");
      if (movie !== undefined) throw isAMovie(movie.title, this.t);
      throw new UserError(this.t("titles.notFound", { kind: "tv", query: `“${plain(ref.query, 80)}”` }));
    }
    return (await this.settle(ref.query, shows)) as Lookup<ShowDetails>;
  }

  /**
   * A bare id names a movie and a show alike: the one TMDB has is the title; when it has both,
   * the person picks (the show first — this is an episode tracker).
   */
  private async eitherType(tmdbId: number): Promise<Lookup> {
    const orNull = <T>(p: Promise<T>) =>
      p.catch((error: unknown) => (error instanceof TmdbError && error.kind === "not_found" ? null : Promise.reject(error)));
    const [show, movie] = await Promise.all([orNull(this.tmdb.tv(tmdbId)), orNull(this.tmdb.movie(tmdbId))]);
    if (show !== null && movie !== null) return { kind: "guess", best: asResult(show), others: [asResult(movie)] };
    const title = show ?? movie;
    if (title === null) throw new UserError(this.t("titles.noSuchId", { kind: "any", tmdbId }), "NOT_FOUND");
    return { kind: "found", title };
  }

  /** One exact match is the title; anything else is a guess at the top result. */
  private async settle(query: string, results: SearchResult[]): Promise<Lookup> {
    const exact = results.filter((r) => sameTitle(r.title, query));
    if (exact.length === 1) return { kind: "found", title: await this.details(exact[0]!.tmdbId, exact[0]!.mediaType) };
    const [best, ...others] = results;
    return { kind: "guess", best: best!, others: others.slice(0, OTHER_MATCHES) };
  }

  /** A show by TMDB id (for buttons, which carry ids). */
  async show(tmdbId: number): Promise<ShowDetails> {
    return (await this.details(tmdbId, "tv")) as ShowDetails;
  }

  async details(tmdbId: number, mediaType: MediaType): Promise<TitleDetails> {
    try {
      return mediaType === "movie" ? await this.tmdb.movie(tmdbId) : await this.tmdb.tv(tmdbId);
    } catch (error) {
      if (error instanceof TmdbError && error.kind === "not_found") {
        throw new UserError(this.t("titles.noSuchId", { kind: mediaType, tmdbId }), "NOT_FOUND");
      }
      throw error;
    }
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

  /**
   * Up to 25 autocomplete choices, "Title (2011) · TV", valued "tv:1399". With TMDB down or slow,
   * the titles `cached` finds (what Convex stores, e.g. the person's own list) instead, each name
   * saying so; without them, none (Discord shows "no options").
   */
  async suggest(
    query: string,
    mediaType?: MediaType,
    cached?: () => Promise<{ title: string; year?: number; mediaType: string; tmdbId: number }[]>,
    t: Translator = english,
  ): Promise<{ name: string; value: string }[]> {
    const text = query.trim();
    if (text.length === 0) return [];
    let results: SearchResult[];
    try {
      const search = this.tmdb.searchMulti(cutGraphemes(text, MAX_QUERY_GRAPHEMES));
      // With saved titles to fall back on, TMDB gets only part of autocomplete's ~2 s: a slow TMDB
      // (answering after its own 4 s timeout) would otherwise leave no time to offer them.
      results = cached === undefined ? await search : await patience(search, SUGGEST_TMDB_MS);
    } catch (error) {
      if (!(error instanceof TmdbError) || error.kind === "bad_request" || cached === undefined) throw error;
      const words = text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const norm = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
      return (await cached())
        .filter((c) => (mediaType === undefined || c.mediaType === mediaType) && words.every((w) => norm(c.title).includes(w)))
        .slice(0, 25)
        .map((c) => ({ name: cachedChoiceName(c.title, c.year, c.mediaType, t), value: `${c.mediaType}:${c.tmdbId}` }));
    }
    return results
      .filter((r) => mediaType === undefined || r.mediaType === mediaType)
      .slice(0, 25)
      .map((r) => ({
        name: choiceName(r.title, r.year, r.mediaType, t),
        value: `${r.mediaType}:${r.tmdbId}`,
      }));
  }
}

function asResult(title: TitleDetails): SearchResult {
  return {
    tmdbId: title.tmdbId,
    mediaType: title.mediaType,
    title: title.title,
    releaseDate: title.releaseDate,
    year: title.year,
    posterPath: title.posterPath,
    overview: title.overview,
    rating: title.rating,
  };
}

/** How long autocomplete waits for TMDB's search before offering saved titles instead. */
const SUGGEST_TMDB_MS = 1_200;

/** `work`, or a TMDB timeout after `ms` (the work goes on and fills the cache for the next keystroke). */
function patience<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TmdbError("timeout", `TMDB's search took over ${ms} ms for autocomplete`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function isAMovie(title: string, t: Translator): UserError {
  return new UserError(t("titles.isAMovie", { title: `**${plain(title, 100)}**` }));
}

/** A choice from what Convex stores while TMDB is down: "Title (2011) · TV · saved (TMDB is down)". */
export function cachedChoiceName(title: string, year: number | undefined, mediaType: string, t: Translator = english): string {
  const suffix = `${year !== undefined ? ` (${year})` : ""} · ${t(mediaType === "tv" ? "media.tv" : "media.movie")} · ${t("autocomplete.saved")}`;
  return label(title, LIMITS.choiceName - [...suffix].length) + suffix;
}

/** "Title (2011) · TV", in the reader's language. */
export function choiceName(title: string, year: number | undefined, mediaType: string, t: Translator = english): string {
  const suffix = `${year !== undefined ? ` (${year})` : ""} · ${t(mediaType === "tv" ? "media.tv" : "media.movie")}`;
  return label(title, LIMITS.choiceName - [...suffix].length) + suffix;
}

/** The year of a YYYY-MM-DD date, if it has one. */
export function yearOf(date: string | undefined): number | undefined {
  const year = date === undefined ? Number.NaN : Number(date.slice(0, 4));
  return Number.isInteger(year) && year > 1800 ? year : undefined;
}
