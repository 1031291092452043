// Builds the offline TMDB catalog in data/tmdb/ from data/tmdb/catalog-facts.ts (the facts, kept with the data).
//
//   npx tsx scripts/build-tmdb-catalog.ts
//
// Every file is one TMDB v3 response body, so the loopback server can serve
// them as they are:
//   data/tmdb/movie/{id}.json   GET /3/movie/{id}
//   data/tmdb/tv/{id}.json      GET /3/tv/{id}?append_to_response=season/0,season/1,…
//                               (TMDB's own way of embedding season details:
//                               extra "season/N" keys beside the show's fields)
//   data/tmdb/person/{id}.json  GET /3/person/{id}
//
// Output is deterministic: no clock, no randomness (varying figures come from a
// hash of stable keys), fixed key order, and stale files are removed first.
// test/tmdb-catalog.test.ts checks that data/tmdb/ matches this script's output.

import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  MOVIES,
  PEOPLE,
  SHOWS,
  addDays,
  type MovieFact,
  type PersonFact,
  type SeasonFact,
  type ShowFact,
} from "../data/tmdb/catalog-facts.ts";

const OUT_DIR = fileURLToPath(new URL("../data/tmdb/", import.meta.url));

const MOVIE_GENRES: Record<string, number> = {
  Action: 28,
  Adventure: 12,
  Animation: 16,
  Comedy: 35,
  Crime: 80,
  Documentary: 99,
  Drama: 18,
  Family: 10751,
  Fantasy: 14,
  History: 36,
  Horror: 27,
  Music: 10402,
  Mystery: 9648,
  Romance: 10749,
  "Science Fiction": 878,
  "TV Movie": 10770,
  Thriller: 53,
  War: 10752,
  Western: 37,
};

const TV_GENRES: Record<string, number> = {
  "Action & Adventure": 10759,
  Animation: 16,
  Comedy: 35,
  Crime: 80,
  Documentary: 99,
  Drama: 18,
  Family: 10751,
  Kids: 10762,
  Mystery: 9648,
  News: 10763,
  Reality: 10764,
  "Sci-Fi & Fantasy": 10765,
  Soap: 10766,
  Talk: 10767,
  "War & Politics": 10768,
  Western: 37,
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------------------
// Deterministic variation

/** FNV-1a: stable across runs and platforms, enough to vary ratings and runtimes. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "title"
  );
}

/** Fake but well-formed poster path, like TMDB's "/abc123.jpg". */
function posterPath(kind: string, id: number, name: string): string {
  return `/${slug(name).slice(0, 24)}-${kind}${id}.jpg`;
}

function genres(names: readonly string[], table: Record<string, number>): Json[] {
  return names.map((name) => {
    const id = table[name];
    if (id === undefined) throw new Error(`unknown genre "${name}"`);
    return { id, name };
  });
}

function fictionalMark(note: string | undefined): { _fictional?: string } {
  return note ? { _fictional: note } : {};
}

// ---------------------------------------------------------------------------
// Movies

function movieDetails(m: MovieFact): Json {
  const hasPoster = m.releaseDate !== "" || m.overview !== "";
  return {
    ...fictionalMark(m.fictional),
    adult: false,
    backdrop_path: hasPoster ? posterPath("b", m.id, m.title) : null,
    genres: genres(m.genres, MOVIE_GENRES),
    homepage: "",
    id: m.id,
    original_language: m.language ?? "en",
    original_title: m.originalTitle ?? m.title,
    overview: m.overview,
    popularity: m.popularity,
    poster_path: hasPoster ? posterPath("m", m.id, m.title) : null,
    ...(m.noReleaseDateKey ? {} : { release_date: m.releaseDate }),
    runtime: m.runtime,
    status: m.status ?? "Released",
    tagline: "",
    title: m.title,
    video: false,
    vote_average: m.vote,
    vote_count: m.votes,
  };
}

// ---------------------------------------------------------------------------
// TV

interface BuiltEpisode {
  air_date: string | null;
  crew?: Json[];
  guest_stars?: Json[];
  episode_number: number;
  episode_type: "standard" | "finale";
  id: number;
  name: string;
  overview: string;
  production_code: string;
  runtime: number | null;
  season_number: number;
  show_id: number;
  still_path: null;
  vote_average: number;
  vote_count: number;
}

function airDates(season: SeasonFact): (string | null)[] {
  if (!season.airs) return Array.from({ length: season.count }, () => null);
  return season.airs.flatMap(([start, count, cadence]) => Array.from({ length: count }, (_, i) => addDays(start, i * cadence)));
}

function episodeName(show: ShowFact, season: SeasonFact, index: number, absoluteNumber: number): string {
  const real = season.names?.[index];
  if (real !== undefined) return real;
  return `Episode ${show.absoluteEpisodeNames ? absoluteNumber : index + 1}`;
}

function episodeRuntime(show: ShowFact, key: string): number | null {
  if (show.runtime === 0) return null;
  return show.runtime + (hash(`${key}:runtime`) % 7) - 3;
}

function buildEpisodes(show: ShowFact, season: SeasonFact, seasonNumber: number, firstAbsolute: number, idBase: number): BuiltEpisode[] {
  const dates = airDates(season);
  return dates.map((airDate, index) => {
    const key = `${show.id}:${seasonNumber}:${index + 1}`;
    return {
      air_date: airDate,
      ...(show.episodeCredits ? episodeCredits(key) : {}),
      episode_number: show.absoluteNumbering && seasonNumber > 0 ? firstAbsolute + index : index + 1,
      episode_type: index === dates.length - 1 && seasonNumber > 0 ? "finale" : "standard",
      id: idBase + index,
      name: episodeName(show, season, index, firstAbsolute + index),
      overview: season.episodeOverviews?.[index] ?? "",
      production_code: "",
      runtime: episodeRuntime(show, key),
      season_number: seasonNumber,
      show_id: show.id,
      still_path: null,
      vote_average: airDate ? round1(7 + (hash(key) % 20) / 10) : 0,
      // A few percent of the show's voters rate any one episode.
      vote_count: airDate ? Math.max(1, Math.round(show.votes * (0.01 + (hash(`${key}:votes`) % 50) / 1000))) : 0,
    };
  });
}

/** Crew and guest stars in TMDB's shapes (the fields of a real season response); names are generated. */
function episodeCredits(key: string): { crew: Json[]; guest_stars: Json[] } {
  const person = (n: number, department: string) => {
    const id = 7_000_000 + (hash(`${key}:${n}`) % 900_000);
    return {
      adult: false,
      credit_id: (hash(`${key}:credit:${n}`).toString(16) + "0000000000000000000000").slice(0, 24),
      gender: hash(`${key}:g:${n}`) % 3,
      id,
      known_for_department: department,
      name: `Person ${id}`,
      original_name: `Person ${id}`,
      popularity: round1((hash(`${key}:p:${n}`) % 50) / 10),
      profile_path: null,
    };
  };
  return {
    crew: [
      { ...person(1, "Directing"), department: "Directing", job: "Director" },
      { ...person(2, "Writing"), department: "Writing", job: "Screenplay" },
      { ...person(3, "Art"), department: "Art", job: "Animation Director" },
    ],
    guest_stars: [
      { ...person(4, "Acting"), character: "Guest (voice)", order: 500 },
      { ...person(5, "Acting"), character: "Narrator (voice)", order: 501 },
    ],
  };
}

interface BuiltSeason {
  number: number;
  name: string;
  airDate: string | null;
  episodes: BuiltEpisode[];
  id: number;
  vote: number;
}

/** Episode ids are synthetic: one counter over the whole catalog, in facts order, so they stay small and unique. */
interface EpisodeIds {
  next: number;
}

function buildSeasons(show: ShowFact, episodeIds: EpisodeIds): BuiltSeason[] {
  const numbered: [number, SeasonFact][] = [
    ...(show.specials ? [[0, show.specials] as [number, SeasonFact]] : []),
    ...show.seasons.map((s, i) => [i + 1, s] as [number, SeasonFact]),
  ];
  let absolute = 1;
  return numbered.map(([number, fact]) => {
    // Ids are synthetic; they only need to be stable and unique within the catalog.
    const id = 3_000_000 + (show.id % 1_000_000) * 100 + number;
    const episodes = buildEpisodes(show, fact, number, absolute, episodeIds.next);
    episodeIds.next += episodes.length;
    if (number > 0) absolute += episodes.length;
    const airDate = episodes[0]?.air_date ?? null;
    const rated = episodes.filter((e) => e.vote_count > 0);
    const vote = rated.length ? round1(rated.reduce((s, e) => s + e.vote_average, 0) / rated.length) : 0;
    return { number, name: fact.name ?? (number === 0 ? "Specials" : `Season ${number}`), airDate, episodes, id, vote };
  });
}

function seasonSummary(show: ShowFact, s: BuiltSeason): Json {
  return {
    air_date: s.airDate,
    episode_count: s.episodes.length,
    id: s.id,
    name: s.name,
    overview: "",
    poster_path: s.episodes.length ? posterPath(`s${s.number}-`, show.id, show.name) : null,
    season_number: s.number,
    vote_average: s.vote,
  };
}

function seasonDetails(show: ShowFact, s: BuiltSeason): Json {
  return {
    _id: (s.id.toString(16) + hash(`${show.id}:${s.number}`).toString(16)).padStart(24, "0").slice(-24),
    air_date: s.airDate,
    episodes: s.episodes as unknown as Json[],
    name: s.name,
    overview: "",
    id: s.id,
    poster_path: s.episodes.length ? posterPath(`s${s.number}-`, show.id, show.name) : null,
    season_number: s.number,
    vote_average: s.vote,
  };
}

function showDetails(show: ShowFact, episodeIds: EpisodeIds): Json {
  const seasons = buildSeasons(show, episodeIds);
  const regular = seasons.filter((s) => s.number > 0);
  const aired = regular.flatMap((s) => s.episodes).filter((e) => e.air_date !== null);
  const last = aired.reduce<BuiltEpisode | null>((a, e) => (!a || e.air_date! >= a.air_date! ? e : a), null);
  const hasPoster = show.firstAirDate !== "" || show.overview !== "";
  const details: { [key: string]: Json } = {
    ...fictionalMark(show.fictional),
    ...(show.sandboxAiring
      ? {
          _sandbox_airing: {
            season: show.sandboxAiring.season,
            aired_at_start: show.sandboxAiring.airedAtStart,
            every_days: show.sandboxAiring.everyDays,
          },
        }
      : {}),
    adult: false,
    backdrop_path: hasPoster ? posterPath("b", show.id, show.name) : null,
    created_by: [],
    episode_run_time: show.runtime ? [show.runtime] : [],
    first_air_date: show.firstAirDate,
    genres: genres(show.genres, TV_GENRES),
    homepage: "",
    id: show.id,
    in_production: show.status === "Returning Series" || show.status === "In Production" || show.status === "Planned",
    languages: [show.language ?? "en"],
    last_air_date: last?.air_date ?? null,
    last_episode_to_air: last as unknown as Json,
    name: show.name,
    networks: [],
    next_episode_to_air: null,
    number_of_episodes: regular.reduce((n, s) => n + s.episodes.length, 0),
    number_of_seasons: regular.length,
    origin_country: [show.country],
    original_language: show.language ?? "en",
    original_name: show.originalName ?? show.name,
    overview: show.overview,
    popularity: show.popularity,
    poster_path: hasPoster ? posterPath("t", show.id, show.name) : null,
    seasons: seasons.map((s) => seasonSummary(show, s)),
    status: show.status,
    tagline: "",
    type: show.type,
    vote_average: show.vote,
    vote_count: show.votes,
  };
  for (const s of seasons) details[`season/${s.number}`] = seasonDetails(show, s);
  return details;
}

// ---------------------------------------------------------------------------
// People

function personDetails(p: PersonFact): Json {
  return {
    adult: false,
    also_known_as: [],
    biography: p.biography,
    birthday: p.birthday,
    deathday: null,
    gender: 0,
    homepage: null,
    id: p.id,
    imdb_id: null,
    known_for_department: p.department,
    name: p.name,
    place_of_birth: p.placeOfBirth,
    popularity: p.popularity,
    profile_path: posterPath("p", p.id, p.name),
  };
}

// ---------------------------------------------------------------------------
// Output

/**
 * JSON with two-space indentation, except that "flat" objects (no nested
 * objects or arrays of objects) sit on one line: an episode is one line, which
 * keeps One Piece's thousand-plus episodes readable and the catalog small.
 */
function format(value: Json, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  const isFlat = (v: Json) =>
    v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object"));
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isFlat)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + format(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  if (indent !== "" && entries.every(([, v]) => isFlat(v))) return JSON.stringify(value);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(",\n")}\n${indent}}`;
}

const KINDS = ["movie", "tv", "person"] as const;

/** Every catalog file as path (relative to data/tmdb/) → contents. Pure, so a test can compare it with what is committed. */
export function buildCatalogFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (kind: (typeof KINDS)[number], id: number, body: Json) => {
    const path = `${kind}/${id}.json`;
    if (files.has(path)) throw new Error(`duplicate ${kind} id ${id}`);
    files.set(path, format(body) + "\n");
  };
  const episodeIds: EpisodeIds = { next: 5_000_000 };
  for (const m of MOVIES) add("movie", m.id, movieDetails(m));
  for (const t of SHOWS) add("tv", t.id, showDetails(t, episodeIds));
  for (const p of PEOPLE) add("person", p.id, personDetails(p));
  return files;
}

/** Replaces the generated folders wholesale, so removed titles don't linger. */
async function writeCatalog(outDir: string): Promise<void> {
  const files = buildCatalogFiles();
  for (const kind of KINDS) {
    await rm(join(outDir, kind), { recursive: true, force: true });
    await mkdir(join(outDir, kind), { recursive: true });
  }
  for (const [path, text] of files) await writeFile(join(outDir, path), text);
  const counts = KINDS.map((kind) => `${[...files.keys()].filter((p) => p.startsWith(`${kind}/`)).length} ${kind}`);
  console.log(`wrote ${counts.join(", ")} files to ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeCatalog(OUT_DIR);
}
