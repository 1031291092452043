// How a staged title finds its TMDB id: by the TMDB id the source gives (taken as it is), else
// TMDB's /find by TVDB or IMDb id, else a search by title and year — each answer cached under its
// key ("tv:tvdb:121361", "movie:title:heat|1995") so no show or film is looked up twice, ever.
// Requests are paced under TMDB's rate limit (about 40 a second).
import type { Doc } from "../_generated/dataModel";
import { findByExternalId, searchTitles } from "../lib/tmdb";

export type Candidate = { tmdbId: number; title: string; year?: number };
export interface Lookup {
  key: string;
  mediaType: "movie" | "tv";
  result: "found" | "ambiguous" | "none";
  tmdbId?: number;
  title?: string;
  image?: string;
  candidates?: Candidate[];
}
type Entry = Pick<Doc<"import_entries">, "mediaType" | "ids" | "title" | "year">;

/** At most this many candidates are kept for an ambiguous title. */
export const MAX_CANDIDATES = 5;

const normalize = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The cache keys an entry is looked up by, in order of trust. */
export function lookupKeys(entry: Entry): string[] {
  const m = entry.mediaType;
  const keys: string[] = [];
  if (entry.ids.tvdb !== undefined && m === "tv") keys.push(`tv:tvdb:${entry.ids.tvdb}`);
  if (entry.ids.imdb !== undefined) keys.push(`${m}:imdb:${entry.ids.imdb}`);
  if (entry.title !== undefined && normalize(entry.title) !== "")
    keys.push(`${m}:title:${normalize(entry.title).slice(0, 150)}|${entry.year ?? ""}`);
  return keys;
}

/** Spaces requests `1000 / perSecond` ms apart, however many run at once. */
export function pacer(perSecond: number, now: () => number = Date.now, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const at = Math.max(now(), next);
    next = at + interval;
    if (at > now()) await sleep(at - now());
  };
}

type Result = {
  id?: unknown;
  title?: unknown;
  name?: unknown;
  poster_path?: unknown;
  release_date?: unknown;
  first_air_date?: unknown;
  original_title?: unknown;
  original_name?: unknown;
};
const yearOf = (r: Result) => {
  const date = typeof r.release_date === "string" ? r.release_date : typeof r.first_air_date === "string" ? r.first_air_date : "";
  return /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
};
const originalOf = (r: Result) =>
  typeof r.original_title === "string" ? r.original_title : typeof r.original_name === "string" ? r.original_name : "";
const nameOf = (r: Result) => (typeof r.title === "string" ? r.title : typeof r.name === "string" ? r.name : "");
const validResult = (r: unknown): r is Result & { id: number } =>
  typeof r === "object" && r !== null && Number.isSafeInteger((r as Result).id) && ((r as Result).id as number) > 0;

function found(key: string, mediaType: "movie" | "tv", r: Result & { id: number }): Lookup {
  return {
    key,
    mediaType,
    result: "found",
    tmdbId: r.id,
    title: nameOf(r).slice(0, 300) || undefined,
    ...(typeof r.poster_path === "string" ? { image: r.poster_path.slice(0, 300) } : {}),
  };
}

/** Asks TMDB about one key; null when TMDB could not answer (nothing is cached then). */
export async function lookUp(key: string, entry: Entry, pace: () => Promise<void>): Promise<Lookup | null> {
  const m = entry.mediaType;
  const [, kind, rest] = /^(?:movie|tv):(tvdb|imdb|title):(.*)$/.exec(key) ?? [];
  await pace();
  if (kind === "tvdb" || kind === "imdb") {
    const answer = await findByExternalId(rest!, kind === "tvdb" ? "tvdb_id" : "imdb_id");
    if (!answer.ok) return answer.status === 404 ? { key, mediaType: m, result: "none" } : null;
    const list = (answer.body as Record<string, unknown> | null)?.[m === "tv" ? "tv_results" : "movie_results"];
    const hit = Array.isArray(list) ? list.find(validResult) : undefined;
    return hit === undefined ? { key, mediaType: m, result: "none" } : found(key, m, hit);
  }
  if (kind !== "title" || entry.title === undefined) return { key, mediaType: m, result: "none" };
  const answer = await searchTitles(m, entry.title, entry.year);
  if (!answer.ok) return null;
  const results = ((answer.body as { results?: unknown } | null)?.results ?? []) as unknown[];
  const valid = (Array.isArray(results) ? results : []).filter(validResult);
  const wanted = normalize(entry.title);
  // A good candidate: the same title (or original title), and the same year when the file gives one.
  const good = valid.filter(
    (r) =>
      (normalize(nameOf(r)) === wanted || normalize(originalOf(r)) === wanted) && (entry.year === undefined || yearOf(r) === entry.year),
  );
  if (good.length === 1) return found(key, m, good[0]!);
  const offered = (good.length > 1 ? good : valid).slice(0, MAX_CANDIDATES);
  if (offered.length === 0) return { key, mediaType: m, result: "none" };
  return {
    key,
    mediaType: m,
    result: "ambiguous",
    candidates: offered.map((r) => ({
      tmdbId: r.id,
      title: nameOf(r).slice(0, 200) || `#${r.id}`,
      ...(yearOf(r) !== undefined ? { year: yearOf(r) } : {}),
    })),
  };
}

/**
 * Resolves an entry from its keys, in order: the first found wins; else the first ambiguous
 * answer; else unmatched. `ask` looks a key up (from the cache or TMDB); null means TMDB failed.
 */
export async function resolveEntry(
  entry: Entry,
  ask: (key: string) => Promise<Lookup | null>,
): Promise<Lookup | { result: "none" } | null> {
  if (entry.ids.tmdb !== undefined) {
    // The source's TMDB id is taken as it is (Trakt's and this project's exports carry them).
    return {
      key: `${entry.mediaType}:tmdb:${entry.ids.tmdb}`,
      mediaType: entry.mediaType,
      result: "found",
      tmdbId: entry.ids.tmdb,
      ...(entry.title !== undefined ? { title: entry.title } : {}),
    };
  }
  let ambiguous: Lookup | null = null;
  let failed = false;
  for (const key of lookupKeys(entry)) {
    const answer = await ask(key);
    if (answer === null) failed = true;
    else if (answer.result === "found") return answer;
    else if (answer.result === "ambiguous" && ambiguous === null) ambiguous = answer;
  }
  if (ambiguous !== null) return ambiguous;
  return failed ? null : { result: "none" };
}
