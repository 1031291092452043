// One ImportEntry per title, however many rows and files speak of it: rows that share any id (or,
// with none, the same title and year) merge into one entry, whose key is the first row's and so
// the same on every reading of the same file. Later dates win; a watched episode is listed once.
import type { ImportEntry, ImportEpisode, ImportSource, SourceIds } from "../../../convex/lib/importEntry.ts";
import { IMPORT_LIMITS } from "./limits.ts";

export type MediaType = ImportEntry["mediaType"];

export interface Skipped {
  /** The file's name (without its folders in the ZIP). */
  file: string;
  /** The CSV line (the header is line 1), or the item's position (from 1) in a JSON array. */
  line?: number;
  /** Why, in words for the person. */
  reason: string;
}

export interface ImportRead {
  source: ImportSource;
  entries: ImportEntry[];
  /** Rows that could not be read, the first IMPORT_LIMITS.maxSkippedListed of them. */
  skipped: Skipped[];
  /** How many rows could not be read in all (skipped may list fewer). */
  skippedTotal: number;
  /** Data rows (CSV rows, JSON items) read across the file. */
  rows: number;
}

/** What one row says; merged into its title's entry. */
export interface RowFacts {
  mediaType: MediaType;
  ids: SourceIds;
  title?: string;
  year?: number;
  watchlist?: boolean;
  watched?: boolean;
  watchedAt?: number;
  dropped?: boolean;
  rating?: number;
  ratedAt?: number;
  episodes?: ImportEpisode[];
}

const EARLIEST = Date.UTC(1900, 0, 1);

/** A date or date-time as a source writes it, in ms; undefined for blanks and nonsense. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value === "number")
    return Number.isFinite(value) && value >= EARLIEST && value < Date.now() + 86_400_000 * 2 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  let ms: number;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  // A date alone is noon UTC: the same calendar day in nearly every time zone.
  if (day) ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12);
  else {
    // "2020-09-21 02:17:20" (TV Time) is UTC without saying so.
    const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(text);
    ms = Date.parse(spaced ? `${spaced[1]}T${spaced[2]}Z` : text);
  }
  return Number.isFinite(ms) && ms >= EARLIEST && ms < Date.now() + 86_400_000 * 2 ? ms : undefined;
}

/** A rating on `scale` (its top) as 0.5–10, or undefined when it isn't one. */
export function normaliseRating(value: unknown, scale: 5 | 10): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > scale) return undefined;
  const ten = scale === 5 ? n * 2 : n;
  return Math.max(0.5, Math.round(ten * 2) / 2);
}

export const positiveId = (value: unknown): number | undefined => {
  const n = typeof value === "string" && /^\d{1,12}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export const imdbId = (value: unknown): string | undefined => {
  if (typeof value !== "string") return undefined;
  const m = /(?:^|\/)(tt\d{5,10})(?:\/|$)/.exec(value.trim());
  return m?.[1];
};

export const year = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1870 && n <= 2100 ? n : undefined;
};

/** Titles compared as people would: case, spacing and Unicode form aside. */
const titleKey = (title: string) => title.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

export class EntryBook {
  private readonly entries: ImportEntry[] = [];
  private readonly byKey = new Map<string, ImportEntry>();
  private readonly skippedRows: Skipped[] = [];
  private readonly episodeIndex = new Map<ImportEntry, Map<string, ImportEpisode>>();
  skippedTotal = 0;
  rows = 0;

  skip(file: string, line: number | undefined, reason: string): void {
    this.skippedTotal++;
    if (this.skippedRows.length < IMPORT_LIMITS.maxSkippedListed)
      this.skippedRows.push(line === undefined ? { file, reason } : { file, line, reason });
  }

  /** The keys a row can be found by, most specific first. */
  private keysOf(facts: RowFacts): string[] {
    const m = facts.mediaType;
    const keys: string[] = [];
    if (facts.ids.tmdb !== undefined) keys.push(`${m}:tmdb:${facts.ids.tmdb}`);
    if (facts.ids.tvdb !== undefined) keys.push(`${m}:tvdb:${facts.ids.tvdb}`);
    if (facts.ids.imdb !== undefined) keys.push(`${m}:imdb:${facts.ids.imdb}`);
    if (keys.length === 0 && facts.title !== undefined) keys.push(`${m}:title:${titleKey(facts.title)}|${facts.year ?? ""}`);
    return keys;
  }

  /** Merges a row into its title's entry; false when the row names no title at all. */
  add(facts: RowFacts): boolean {
    const keys = this.keysOf(facts);
    if (keys.length === 0) return false;
    let entry = keys.map((k) => this.byKey.get(k)).find((e) => e !== undefined);
    if (entry === undefined) {
      entry = { key: keys[0]!, mediaType: facts.mediaType, ids: {} };
      this.entries.push(entry);
    }
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, entry);
    merge(entry, facts, this.episodeIndex);
    return true;
  }

  read(source: ImportSource): ImportRead {
    const entries = this.entries.map((e) =>
      e.episodes === undefined ? e : { ...e, episodes: [...e.episodes].sort((a, b) => a.season - b.season || a.episode - b.episode) },
    );
    return { source, entries, skipped: this.skippedRows, skippedTotal: this.skippedTotal, rows: this.rows };
  }
}

const later = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

function merge(entry: ImportEntry, facts: RowFacts, episodeIndex: Map<ImportEntry, Map<string, ImportEpisode>>): void {
  const ids = facts.ids;
  if (ids.tmdb !== undefined) entry.ids.tmdb ??= ids.tmdb;
  if (ids.tvdb !== undefined) entry.ids.tvdb ??= ids.tvdb;
  if (ids.imdb !== undefined) entry.ids.imdb ??= ids.imdb;
  if (facts.title !== undefined && facts.title !== "") entry.title ??= facts.title;
  if (facts.year !== undefined) entry.year ??= facts.year;
  if (facts.watchlist) entry.watchlist = true;
  if (facts.watched) entry.watched = true;
  if (facts.dropped) entry.dropped = true;
  const watchedAt = later(entry.watchedAt, facts.watchedAt);
  if (watchedAt !== undefined) entry.watchedAt = watchedAt;
  if (
    facts.rating !== undefined &&
    (entry.rating === undefined || entry.ratedAt === undefined || (facts.ratedAt ?? -Infinity) >= entry.ratedAt)
  ) {
    entry.rating = facts.rating;
    if (facts.ratedAt !== undefined) entry.ratedAt = facts.ratedAt;
    else delete entry.ratedAt;
  }
  if (facts.episodes !== undefined && facts.episodes.length > 0) {
    const episodes = (entry.episodes ??= []);
    let index = episodeIndex.get(entry);
    if (index === undefined) episodeIndex.set(entry, (index = new Map()));
    for (const ep of facts.episodes) {
      const id = `${ep.season}:${ep.episode}`;
      const same = index.get(id);
      if (same === undefined) {
        const added = ep.watchedAt === undefined ? { season: ep.season, episode: ep.episode } : { ...ep };
        episodes.push(added);
        index.set(id, added);
      } else {
        const at = later(same.watchedAt, ep.watchedAt);
        if (at !== undefined) same.watchedAt = at;
      }
    }
  }
}

/** A season and episode number as a source writes them; undefined when they aren't. */
export function episodeNumbers(season: unknown, episode: unknown): { season: number; episode: number } | undefined {
  const s = typeof season === "number" ? season : typeof season === "string" && /^\d{1,5}$/.test(season.trim()) ? Number(season) : NaN;
  const e = typeof episode === "number" ? episode : typeof episode === "string" && /^\d{1,6}$/.test(episode.trim()) ? Number(episode) : NaN;
  return Number.isSafeInteger(s) && s >= 0 && s <= 10_000 && Number.isSafeInteger(e) && e >= 1 && e <= 100_000
    ? { season: s, episode: e }
    : undefined;
}
