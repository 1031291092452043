// Zod schemas for the TMDB v3 responses the bot reads, and the mapping from
// TMDB's snake_case shapes to the bot's types. TMDB adds fields freely, so
// unknown keys are allowed; the fields we rely on are enforced, and a response
// that breaks them becomes a TmdbError("invalid_response") rather than bad data
// leaking into Convex or an embed.

import { z } from "zod";
import { TmdbError } from "./tmdb-errors.ts";
import type { EpisodeKey, EpisodeSummary, MovieDetails, SearchResult, SeasonDetails, SeasonSummary, ShowDetails } from "./tmdb-types.ts";

// ---------------------------------------------------------------------------
// Field schemas

const tmdbId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** TMDB sends "" or null for unknown dates; both mean "no date". Anything else must be a real calendar date. */
const tmdbDate = z
  .union([z.iso.date(), z.literal(""), z.null()])
  .optional()
  .transform((value) => value || undefined);

/** Free text where "" and whitespace mean "nothing to show". */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== "" ? value : undefined));

const imagePath = z
  .string()
  .nullish()
  .transform((value) => value || undefined);

const voteAverage = z.number().min(0).max(10).nullish();
const voteCount = z.number().int().min(0).nullish();
const popularity = z.number().min(0).nullish();
/** Minutes. The longest films on TMDB run for weeks; beyond that the number is garbage. */
const runtime = z.number().int().min(0).max(100_000).nullish();
const count = z.number().int().min(0).max(1_000_000);
const seasonNumber = z.number().int().min(0).max(10_000);
const episodeNumber = z.number().int().min(0).max(1_000_000);

const genreList = z
  .array(z.object({ id: z.number().int(), name: z.string() }))
  .nullish()
  .transform((genres) => genres ?? []);
const genreNames = (genres: { name: string }[]) => genres.map((g) => g.name).filter((name) => name.trim() !== "");
/** TMDB's genre ids (the stats count titles per genre id: docs/stats.md). */
const genreIds = (genres: { id: number }[]) => genres.map((g) => g.id).filter((id) => id > 0);

const title = z.string().trim().min(1);

// ---------------------------------------------------------------------------
// Response schemas

const movieFields = {
  id: tmdbId,
  title,
  overview: optionalText,
  poster_path: imagePath,
  release_date: tmdbDate,
  vote_average: voteAverage,
  vote_count: voteCount,
  popularity,
};

const tvFields = {
  id: tmdbId,
  name: title,
  overview: optionalText,
  poster_path: imagePath,
  first_air_date: tmdbDate,
  vote_average: voteAverage,
  vote_count: voteCount,
  popularity,
};

const movieSearchItem = z.object({ ...movieFields, media_type: z.literal("movie") });
const tvSearchItem = z.object({ ...tvFields, media_type: z.literal("tv") });

/** /search/multi also returns people (and could return new kinds); all we need of them is to know to skip them. */
const otherSearchItem = z.object({ media_type: z.string() });

const searchPageSchema = z.object({
  page: z.number().int().min(1),
  results: z.array(z.unknown()),
  total_pages: count,
  total_results: count,
});

const movieDetailsSchema = z.object({
  ...movieFields,
  runtime,
  genres: genreList,
});

const seasonSummarySchema = z.object({
  season_number: seasonNumber,
  name: z.string().nullish(),
  episode_count: count.nullish(),
  air_date: tmdbDate,
});

/** last_episode_to_air / next_episode_to_air: null when there is none; the fields we read must hold. */
const episodeToAirSchema = z.object({ season_number: seasonNumber, episode_number: episodeNumber, air_date: tmdbDate }).nullish();

const showDetailsSchema = z.object({
  ...tvFields,
  status: optionalText,
  number_of_episodes: count.nullish(),
  genres: genreList,
  seasons: z.array(seasonSummarySchema),
  last_episode_to_air: episodeToAirSchema,
  next_episode_to_air: episodeToAirSchema,
});

const episodeSchema = z.object({
  episode_number: episodeNumber,
  name: z.string().nullish(),
  air_date: tmdbDate,
  runtime,
  overview: optionalText,
});

const seasonDetailsSchema = z.object({
  season_number: seasonNumber,
  name: z.string().nullish(),
  episodes: z.array(episodeSchema),
});

// ---------------------------------------------------------------------------
// Parsing

function parseWith<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new TmdbError("invalid_response", `TMDB ${what} did not match the expected shape:\n${z.prettifyError(result.error)}`);
}

function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

/** A 0.0 average from zero votes means "unrated", not "terrible". */
function ratingOf(average: number | null | undefined, votes: number | null | undefined): number | undefined {
  if (average === null || average === undefined || votes === 0) return undefined;
  return average;
}

/** Drops keys whose value is undefined, so optional fields are truly absent (clean for Convex and deep equality). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function parseSearchMulti(json: unknown): SearchResult[] {
  const page = parseWith(searchPageSchema, json, "search response");
  return page.results.flatMap((item, index): SearchResult[] => {
    const mediaType = parseWith(otherSearchItem, item, `search result #${index + 1}`).media_type;
    if (mediaType === "movie") {
      const m = parseWith(movieSearchItem, item, `search result #${index + 1} (movie)`);
      return [
        compact({
          tmdbId: m.id,
          mediaType: "movie",
          title: m.title,
          releaseDate: m.release_date,
          year: yearOf(m.release_date),
          posterPath: m.poster_path,
          overview: m.overview,
          rating: ratingOf(m.vote_average, m.vote_count),
          popularity: m.popularity ?? undefined,
        }),
      ];
    }
    if (mediaType === "tv") {
      const t = parseWith(tvSearchItem, item, `search result #${index + 1} (tv)`);
      return [
        compact({
          tmdbId: t.id,
          mediaType: "tv",
          title: t.name,
          releaseDate: t.first_air_date,
          year: yearOf(t.first_air_date),
          posterPath: t.poster_path,
          overview: t.overview,
          rating: ratingOf(t.vote_average, t.vote_count),
          popularity: t.popularity ?? undefined,
        }),
      ];
    }
    return []; // people and anything else the bot cannot track
  });
}

export function parseMovieDetails(json: unknown, expectedId: number): MovieDetails {
  const m = parseWith(movieDetailsSchema, json, `movie ${expectedId}`);
  assertSameId(m.id, expectedId, "movie");
  return compact({
    tmdbId: m.id,
    mediaType: "movie",
    title: m.title,
    overview: m.overview,
    posterPath: m.poster_path,
    releaseDate: m.release_date,
    year: yearOf(m.release_date),
    rating: ratingOf(m.vote_average, m.vote_count),
    runtime: m.runtime || undefined,
    genres: genreNames(m.genres),
    genreIds: genreIds(m.genres),
  });
}

function seasonName(name: string | null | undefined, number: number): string {
  if (name && name.trim() !== "") return name;
  return number === 0 ? "Specials" : `Season ${number}`;
}

export function parseShowDetails(json: unknown, expectedId: number): ShowDetails {
  const t = parseWith(showDetailsSchema, json, `tv ${expectedId}`);
  assertSameId(t.id, expectedId, "tv show");
  const seasons = t.seasons
    .map((s): SeasonSummary =>
      compact({
        seasonNumber: s.season_number,
        name: seasonName(s.name, s.season_number),
        episodeCount: s.episode_count ?? 0,
        airDate: s.air_date,
      }),
    )
    .sort((a, b) => a.seasonNumber - b.seasonNumber);
  return compact({
    tmdbId: t.id,
    mediaType: "tv",
    title: t.name,
    overview: t.overview,
    posterPath: t.poster_path,
    releaseDate: t.first_air_date,
    year: yearOf(t.first_air_date),
    rating: ratingOf(t.vote_average, t.vote_count),
    status: t.status,
    numberOfEpisodes: t.number_of_episodes ?? undefined,
    genres: genreNames(t.genres),
    genreIds: genreIds(t.genres),
    seasons,
    lastAired: episodeKeyOf(t.last_episode_to_air),
    nextAir: episodeKeyOf(t.next_episode_to_air),
  });
}

function episodeKeyOf(e: { season_number: number; episode_number: number; air_date?: string } | null | undefined): EpisodeKey | undefined {
  if (!e || e.episode_number < 1) return undefined;
  return compact({ season: e.season_number, episode: e.episode_number, airDate: e.air_date });
}

export function parseSeasonDetails(json: unknown, tvId: number, expectedSeason: number): SeasonDetails {
  const s = parseWith(seasonDetailsSchema, json, `tv ${tvId} season ${expectedSeason}`);
  if (s.season_number !== expectedSeason) {
    throw new TmdbError("invalid_response", `asked TMDB for season ${expectedSeason} of tv ${tvId}, got season ${s.season_number}`);
  }
  const episodes = s.episodes
    .map((e): EpisodeSummary =>
      compact({
        episodeNumber: e.episode_number,
        name: e.name && e.name.trim() !== "" ? e.name : `Episode ${e.episode_number}`,
        airDate: e.air_date,
        runtime: e.runtime || undefined,
        overview: e.overview,
      }),
    )
    .sort((a, b) => a.episodeNumber - b.episodeNumber);
  return { tvId, seasonNumber: s.season_number, name: seasonName(s.name, s.season_number), episodes };
}

/**
 * /tv/{id}?append_to_response=season/N,…: the show, plus each asked-for season under its
 * "season/N" key. TMDB leaves out an appended season it doesn't have, so a season asked
 * for on a guess may be missing; one the show's own list names with episodes may not.
 */
export function parseShowWithSeasons(
  json: unknown,
  expectedId: number,
  seasonNumbers: readonly number[],
): { show: ShowDetails; seasons: SeasonDetails[] } {
  const show = parseShowDetails(json, expectedId);
  const body = json as Record<string, unknown>;
  const listed = new Set(show.seasons.filter((s) => s.episodeCount > 0).map((s) => s.seasonNumber));
  const seasons = seasonNumbers.flatMap((n) => {
    const season = body[`season/${n}`];
    if (season === undefined) {
      if (listed.has(n)) throw new TmdbError("invalid_response", `TMDB left season ${n} out of tv ${expectedId}`);
      return [];
    }
    return [parseSeasonDetails(season, expectedId, n)];
  });
  return { show, seasons };
}

/** A response for a different id means a broken proxy or cache upstream; storing it would file data under the wrong title. */
function assertSameId(actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new TmdbError("invalid_response", `asked TMDB for ${what} ${expected}, got ${actual}`);
  }
}
