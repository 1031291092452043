// The offline TMDB catalog (data/tmdb/): read from its JSON files, and searched roughly as TMDB
// searches (sandbox/tmdb-server.ts serves it over loopback).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_TMDB_DATA_DIR = fileURLToPath(new URL("../data/tmdb/", import.meta.url));

/** TMDB pages search results 20 at a time and refuses pages past 500. */
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

export type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Catalog

export interface SearchEntry {
  mediaType: "movie" | "tv" | "person";
  id: number;
  popularity: number;
  /** Normalized title and original title. */
  names: string[];
  /** Tokens of both names, for prefix matching. */
  tokens: string[];
  /** The TMDB search-result object, without media_type (added for /search/multi only). */
  result: JsonObject;
}

export interface TmdbCatalog {
  movies: Map<number, JsonObject>;
  /** TMDB's watch providers by movie id, the `results` of /movie/{id}/watch/providers (data/tmdb/watch-providers.json). */
  watchProviders: Map<number, JsonObject>;
  shows: Map<number, { details: JsonObject; seasons: Map<number, JsonObject> }>;
  people: Map<number, JsonObject>;
  search: SearchEntry[];
  /** TVDB and IMDb ids → TMDB ids (data/tmdb/external-ids.json), for /find as TMDB answers it. */
  external: { tvdb: Map<number, number[]>; imdb: Map<string, { mediaType: "movie" | "tv"; id: number }[]> };
}

/** Lowercase, accents stripped, so "pokemon" finds "Pokémon" and "SHOGUN" finds "Shōgun". */
function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

async function readJsonFiles(dir: string): Promise<JsonObject[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return []; // a catalog without people (or movies) is still a catalog
  }
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as JsonObject));
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function genreIds(details: JsonObject): number[] {
  const genres = Array.isArray(details.genres) ? (details.genres as JsonObject[]) : [];
  return genres.map((g) => num(g.id));
}

function searchEntry(
  mediaType: SearchEntry["mediaType"],
  details: JsonObject,
  name: string,
  originalName: string,
  result: JsonObject,
): SearchEntry {
  return {
    mediaType,
    id: num(details.id),
    popularity: num(details.popularity),
    names: [normalize(name), normalize(originalName)],
    tokens: [...tokenize(name), ...tokenize(originalName)],
    result,
  };
}

function movieSearchEntry(m: JsonObject): SearchEntry {
  return searchEntry("movie", m, str(m.title), str(m.original_title), {
    adult: m.adult ?? false,
    backdrop_path: m.backdrop_path ?? null,
    genre_ids: genreIds(m),
    id: m.id,
    original_language: m.original_language,
    original_title: m.original_title,
    overview: m.overview,
    popularity: m.popularity,
    poster_path: m.poster_path ?? null,
    release_date: m.release_date,
    title: m.title,
    video: m.video ?? false,
    vote_average: m.vote_average,
    vote_count: m.vote_count,
  });
}

function showSearchEntry(t: JsonObject): SearchEntry {
  return searchEntry("tv", t, str(t.name), str(t.original_name), {
    adult: t.adult ?? false,
    backdrop_path: t.backdrop_path ?? null,
    genre_ids: genreIds(t),
    id: t.id,
    origin_country: t.origin_country ?? [],
    original_language: t.original_language,
    original_name: t.original_name,
    overview: t.overview,
    popularity: t.popularity,
    poster_path: t.poster_path ?? null,
    first_air_date: t.first_air_date,
    name: t.name,
    vote_average: t.vote_average,
    vote_count: t.vote_count,
  });
}

function personSearchEntry(p: JsonObject): SearchEntry {
  return searchEntry("person", p, str(p.name), str(p.name), {
    adult: p.adult ?? false,
    gender: p.gender ?? 0,
    id: p.id,
    known_for_department: p.known_for_department,
    name: p.name,
    original_name: p.name,
    popularity: p.popularity,
    profile_path: p.profile_path ?? null,
    known_for: [],
  });
}

/** Show files hold the show plus "season/N" keys (TMDB's append_to_response shape); split them apart. */
function splitShow(file: JsonObject): { details: JsonObject; seasons: Map<number, JsonObject> } {
  const details: JsonObject = {};
  const seasons = new Map<number, JsonObject>();
  for (const [key, value] of Object.entries(file)) {
    const season = /^season\/(\d+)$/.exec(key);
    if (season) seasons.set(Number(season[1]), value as JsonObject);
    else details[key] = value;
  }
  return { details, seasons };
}

/** A JSON object file that may be absent (an older or trimmed catalog): {} then. */
async function readOptionalJson(path: string): Promise<JsonObject> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as JsonObject;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return {};
    throw error;
  }
}

export async function loadTmdbCatalog(dataDir: string = DEFAULT_TMDB_DATA_DIR): Promise<TmdbCatalog> {
  const [movieFiles, showFiles, personFiles] = await Promise.all(
    ["movie", "tv", "person"].map((kind) => readJsonFiles(join(dataDir, kind))),
  );
  const catalog: TmdbCatalog = {
    movies: new Map(),
    watchProviders: new Map(),
    shows: new Map(),
    people: new Map(),
    search: [],
    external: { tvdb: new Map(), imdb: new Map() },
  };
  const external = await readOptionalJson(join(dataDir, "external-ids.json"));
  for (const mediaType of ["tv", "movie"] as const) {
    for (const [id, ids] of Object.entries((external[mediaType] ?? {}) as Record<string, { tvdb_id?: unknown; imdb_id?: unknown }>)) {
      if (!/^\d+$/.test(id)) continue;
      const tmdbId = Number(id);
      if (mediaType === "tv" && typeof ids.tvdb_id === "number") {
        catalog.external.tvdb.set(ids.tvdb_id, [...(catalog.external.tvdb.get(ids.tvdb_id) ?? []), tmdbId]);
      }
      if (typeof ids.imdb_id === "string") {
        catalog.external.imdb.set(ids.imdb_id, [...(catalog.external.imdb.get(ids.imdb_id) ?? []), { mediaType, id: tmdbId }]);
      }
    }
  }
  for (const [id, results] of Object.entries(await readOptionalJson(join(dataDir, "watch-providers.json")))) {
    if (/^\d+$/.test(id)) catalog.watchProviders.set(Number(id), results as JsonObject);
  }
  for (const m of movieFiles!) {
    catalog.movies.set(num(m.id), m);
    catalog.search.push(movieSearchEntry(m));
  }
  for (const file of showFiles!) {
    const show = splitShow(file);
    catalog.shows.set(num(show.details.id), show);
    catalog.search.push(showSearchEntry(show.details));
  }
  for (const p of personFiles!) {
    catalog.people.set(num(p.id), p);
    catalog.search.push(personSearchEntry(p));
  }
  if (catalog.movies.size + catalog.shows.size === 0) throw new Error(`no TMDB catalog found in ${dataDir}`);
  return catalog;
}

/** Scripts written without spaces between words, where token prefixes don't help. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Every query token must start some token of the title or original title
 * ("thrones", "game of"); for Japanese and Chinese text the query may appear
 * anywhere inside the title instead.
 */
function matches(entry: SearchEntry, query: string, queryTokens: string[]): boolean {
  if (UNSPACED_SCRIPT.test(query) && entry.names.some((name) => name.includes(query))) return true;
  return queryTokens.length > 0 && queryTokens.every((q) => entry.tokens.some((t) => t.startsWith(q)));
}

/** Exact title matches first, then by popularity, as TMDB roughly does. */
export function searchCatalog(catalog: TmdbCatalog, rawQuery: string, kinds: ReadonlySet<SearchEntry["mediaType"]>): SearchEntry[] {
  const query = normalize(rawQuery).trim();
  if (query === "") return [];
  const queryTokens = tokenize(rawQuery);
  return catalog.search
    .filter((e) => kinds.has(e.mediaType) && matches(e, query, queryTokens))
    .sort((a, b) => Number(b.names.includes(query)) - Number(a.names.includes(query)) || b.popularity - a.popularity || a.id - b.id);
}
