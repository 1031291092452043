// /account's exports in other trackers' formats, so nobody is locked in: a CSV Letterboxd's
// importer reads (films watched and rated; the watchlist as a second file), and Trakt's own export
// layout (watched-movies.json, watched-shows.json with seasons and episodes, watchlist-*.json,
// ratings-*.json, zipped), which tools that read Trakt backups and this bot's /import read. Built
// from the same pages as the full export (account-export.ts), a turn of the event loop between
// pages; web APIs and fflate only, as the interaction core also runs in Convex's runtime.
import { zipSync } from "fflate";
import { normalizeState } from "../../convex/model/vocabulary.ts";
import type { ExportFile, ExportPage, ExportPart } from "./account-export.ts";
import { nextTurn } from "./next-turn.ts";
import { inertForSpreadsheets } from "../views/text.ts";

export const EXPORT_FORMATS = ["letterboxd", "trakt"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const encoder = new TextEncoder();

/** A reaction as a rating out of 10 (the import reads it back to the same reaction). */
export const REACTION_TEN: Readonly<Record<string, number>> = { loved: 10, liked: 7, mixed: 5, "not-for-me": 2 };

interface Title {
  tmdbId: number;
  mediaType: "movie" | "tv";
  title?: string;
  year?: number;
  status?: string;
  reaction?: string;
  inWatchlist: boolean;
  updatedAt: number;
}

interface Episode {
  tmdbId: number;
  season: number;
  episode: number;
  updatedAt: number;
}

export interface BuiltFormat {
  files: ExportFile[];
  /** Films (Letterboxd) or titles (Trakt) written. */
  titles: number;
  /** False when the export stopped at maxPages. */
  complete: boolean;
}

const record = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});

function titleOf(row: unknown): Title | null {
  const r = record(row);
  const tmdbId = r.tmdbId;
  if (typeof tmdbId !== "number" || !Number.isSafeInteger(tmdbId) || tmdbId <= 0 || (r.mediaType !== "movie" && r.mediaType !== "tv"))
    return null;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const state = normalizeState({ progressStatus: str(r.progressStatus), reaction: str(r.reaction), status: str(r.status) });
  const year = Number(str(r.release_date)?.slice(0, 4));
  return {
    tmdbId,
    mediaType: r.mediaType,
    title: str(r.title)?.trim() || undefined,
    year: Number.isInteger(year) && year > 1800 ? year : undefined,
    status: state.progressStatus ?? (r.inWatchlist !== false ? "want-to-watch" : undefined),
    reaction: state.reaction,
    inWatchlist: r.inWatchlist !== false,
    updatedAt: typeof r.updatedAt === "number" ? r.updatedAt : 0,
  };
}

/** Every row of `parts`, a page at a time; stops (complete: false) at maxPages. */
async function collect(
  page: (part: ExportPart, cursor: string | null) => Promise<ExportPage>,
  parts: readonly ExportPart[],
  maxPages: number,
): Promise<{ rows: Map<ExportPart, unknown[]>; complete: boolean }> {
  const rows = new Map<ExportPart, unknown[]>();
  let pages = 0;
  for (const part of parts) {
    const out: unknown[] = [];
    rows.set(part, out);
    let cursor: string | null = null;
    for (;;) {
      if (++pages > maxPages) return { rows, complete: false };
      const result: ExportPage = await page(part, cursor);
      for (const row of result.rows) out.push(row);
      await nextTurn();
      if (result.isDone) break;
      cursor = result.cursor;
    }
  }
  return { rows, complete: true };
}

/**
 * A CSV cell: quoted when it must be, and made inert for spreadsheets when it starts like a formula
 * (=, +, -, @, tab, carriage return): prefixed with an apostrophe, as OWASP advises.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? inertForSpreadsheets(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const day = (ms: number) => (ms > 0 ? new Date(ms).toISOString().slice(0, 10) : undefined);
const iso = (ms: number) => new Date(ms > 0 ? ms : 0).toISOString();

/** Letterboxd's import layout: films watched (with the date and rating) and, apart, the watchlist. */
export async function buildLetterboxdExport(
  page: (part: ExportPart, cursor: string | null) => Promise<ExportPage>,
  options: { maxPages: number },
): Promise<BuiltFormat> {
  const { rows, complete } = await collect(page, ["watch_items"], options.maxPages);
  const films = (rows.get("watch_items") ?? []).map(titleOf).filter((t): t is Title => t !== null && t.mediaType === "movie");
  const header = "tmdbID,Title,Year,WatchedDate,Rating,Rating10,Rewatch";
  const line = (t: Title, watched: boolean) => {
    const ten = t.reaction === undefined ? undefined : REACTION_TEN[t.reaction];
    return [
      t.tmdbId,
      t.title ?? "",
      t.year,
      watched ? day(t.updatedAt) : undefined,
      ten === undefined ? undefined : ten / 2,
      ten,
      undefined,
    ]
      .map(csvCell)
      .join(",");
  };
  const watched = films.filter((t) => t.status === "finished" || (t.reaction !== undefined && t.status !== "want-to-watch"));
  const watchlist = films.filter((t) => t.status === "want-to-watch" && t.inWatchlist);
  const files: ExportFile[] = [
    {
      name: "letterboxd-films.csv",
      data: encoder.encode(`${[header, ...watched.map((t) => line(t, t.status === "finished"))].join("\r\n")}\r\n`),
    },
  ];
  if (watchlist.length > 0) {
    files.push({
      name: "letterboxd-watchlist.csv",
      data: encoder.encode(
        `${["tmdbID,Title,Year", ...watchlist.map((t) => [t.tmdbId, t.title ?? "", t.year].map(csvCell).join(","))].join("\r\n")}\r\n`,
      ),
    });
  }
  return { files, titles: watched.length + watchlist.length, complete };
}

/** Trakt's export layout, zipped. */
export async function buildTraktExport(
  page: (part: ExportPart, cursor: string | null) => Promise<ExportPage>,
  options: { maxPages: number },
): Promise<BuiltFormat> {
  const { rows, complete } = await collect(page, ["watch_items", "episodes"], options.maxPages);
  const titles = (rows.get("watch_items") ?? []).map(titleOf).filter((t): t is Title => t !== null);
  const media = (t: Title) => ({ title: t.title ?? null, year: t.year ?? null, ids: { tmdb: t.tmdbId } });
  const shows = new Map(titles.filter((t) => t.mediaType === "tv").map((t) => [t.tmdbId, t]));
  const byShow = new Map<number, Episode[]>();
  for (const row of rows.get("episodes") ?? []) {
    const r = record(row);
    const ok = [r.tmdbId, r.season, r.episode].every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0);
    if (!ok) continue;
    const ep = {
      tmdbId: r.tmdbId as number,
      season: r.season as number,
      episode: r.episode as number,
      updatedAt: typeof r.updatedAt === "number" ? r.updatedAt : 0,
    };
    const list = byShow.get(ep.tmdbId) ?? [];
    list.push(ep);
    byShow.set(ep.tmdbId, list);
  }
  await nextTurn();
  const watchedShows = [...byShow].map(([tmdbId, episodes]) => {
    const seasons = new Map<number, Episode[]>();
    for (const ep of episodes) seasons.set(ep.season, [...(seasons.get(ep.season) ?? []), ep]);
    const last = Math.max(...episodes.map((e) => e.updatedAt));
    const show = shows.get(tmdbId);
    return {
      plays: episodes.length,
      last_watched_at: iso(last),
      last_updated_at: iso(last),
      reset_at: null,
      show: show === undefined ? { title: null, year: null, ids: { tmdb: tmdbId } } : media(show),
      seasons: [...seasons]
        .sort(([a], [b]) => a - b)
        .map(([number, eps]) => ({
          number,
          episodes: eps
            .sort((a, b) => a.episode - b.episode)
            .map((e) => ({ number: e.episode, plays: 1, last_watched_at: iso(e.updatedAt) })),
        })),
    };
  });
  const movies = titles.filter((t) => t.mediaType === "movie");
  const watchedMovies = movies
    .filter((t) => t.status === "finished")
    .map((t) => ({ plays: 1, last_watched_at: iso(t.updatedAt), last_updated_at: iso(t.updatedAt), movie: media(t) }));
  const kind = (t: Title) => (t.mediaType === "movie" ? "movie" : "show");
  const watchlist = (type: "movie" | "tv") =>
    titles
      .filter((t) => t.mediaType === type && t.status === "want-to-watch" && t.inWatchlist)
      .map((t, i) => ({ rank: i + 1, listed_at: iso(t.updatedAt), notes: null, type: kind(t), [kind(t)]: media(t) }));
  const ratings = (type: "movie" | "tv") =>
    titles
      .filter((t) => t.mediaType === type && t.reaction !== undefined && REACTION_TEN[t.reaction] !== undefined)
      .map((t) => ({ rated_at: iso(t.updatedAt), rating: REACTION_TEN[t.reaction!], type: kind(t), [kind(t)]: media(t) }));
  const json = (v: unknown) => encoder.encode(JSON.stringify(v, null, 2));
  const parts: Record<string, unknown[]> = {
    "watched-movies.json": watchedMovies,
    "watched-shows.json": watchedShows,
    "watchlist-movies.json": watchlist("movie"),
    "watchlist-shows.json": watchlist("tv"),
    "ratings-movies.json": ratings("movie"),
    "ratings-shows.json": ratings("tv"),
  };
  const zip = zipSync(Object.fromEntries(Object.entries(parts).map(([name, items]) => [name, json(items)])), { level: 6 });
  const counted = new Set([...watchedMovies.map((m) => `m${m.movie.ids.tmdb}`), ...byShow.keys()].map(String));
  for (const t of titles)
    if ((t.status === "want-to-watch" && t.inWatchlist) || t.reaction !== undefined)
      counted.add(t.mediaType === "movie" ? `m${t.tmdbId}` : String(t.tmdbId));
  return { files: [{ name: "trakt-export.zip", data: zip }], titles: counted.size, complete };
}
