// Trakt: its data export (a ZIP of JSON files: watched-movies.json, watched-shows.json,
// watchlist-*.json, ratings-*.json, history-*.json, …; underscores as older backup tools wrote them
// are read too) or one of those files alone. Each item is recognised by its shape as Trakt's API
// returns it, not by the file's name. Trakt's own ids for a title carry TMDB's where Trakt knows
// it, else IMDb's and TVDB's. Ratings are 1–10. Collections, lists, comments and the profile are
// not read; ratings and watchlist items of single seasons or episodes are skipped with a reason.
import {
  episodeNumbers,
  imdbId,
  normaliseRating,
  parseDate,
  positiveId,
  year,
  type EntryBook,
  type MediaType,
  type RowFacts,
} from "./entries.ts";
import { tooManyRows, type RowBudget } from "./csv.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import { clipName } from "./zip.ts";
import { nextTurn } from "../next-turn.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A Trakt item's title: its kind, ids, title and year; null when it names nothing usable. */
function titleOf(item: Json, kind: "movie" | "show"): (Omit<RowFacts, "mediaType"> & { mediaType: MediaType }) | null {
  const media = item[kind];
  if (!isObject(media)) return null;
  const raw = isObject(media.ids) ? media.ids : {};
  const ids = { tmdb: positiveId(raw.tmdb), tvdb: kind === "show" ? positiveId(raw.tvdb) : undefined, imdb: imdbId(raw.imdb) };
  for (const k of ["tmdb", "tvdb", "imdb"] as const) if (ids[k] === undefined) delete ids[k];
  const title = typeof media.title === "string" && media.title.trim() !== "" ? media.title.trim() : undefined;
  if (Object.keys(ids).length === 0 && title === undefined) return null;
  return { mediaType: kind === "show" ? "tv" : "movie", ids, title, year: year(media.year) };
}

/** Whether an array looks like Trakt's: items with a movie, show, episode or season object holding ids. */
export function isTraktArray(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value
      .slice(0, 5)
      .every(
        (item) =>
          isObject(item) && ["movie", "show", "episode", "season"].some((k) => isObject(item[k]) && isObject((item[k] as Json).ids)),
      )
  );
}

function readItem(item: Json, fileName: string, file: string, line: number, book: EntryBook): void {
  const type = typeof item.type === "string" ? item.type : isObject(item.movie) ? "movie" : isObject(item.show) ? "show" : "";
  const kind = type === "movie" ? "movie" : "show";
  const title = titleOf(item, kind);
  if (title === null) {
    book.skip(file, line, "names no film or show Trakt knows");
    return;
  }
  const single = type === "season" || type === "episode";
  if (item.hidden_at !== undefined) {
    if (/dropped/i.test(fileName) && !single) book.add({ ...title, dropped: true });
    return;
  }
  if (item.listed_at !== undefined) {
    if (single) book.skip(file, line, `a single ${type} on the watchlist (add the show instead)`);
    else book.add({ ...title, watchlist: true });
    return;
  }
  if (item.rated_at !== undefined || (item.rating !== undefined && !Array.isArray(item.seasons))) {
    const rating = normaliseRating(item.rating, 10);
    if (single) book.skip(file, line, `a rating of a single ${type} (only films and shows are rated here)`);
    else if (rating === undefined) book.skip(file, line, "a rating that is not 1–10");
    else book.add({ ...title, rating, ratedAt: parseDate(item.rated_at) });
    return;
  }
  if (item.watched_at !== undefined) {
    // History: one viewing of a film or an episode.
    const at = parseDate(item.watched_at);
    if (type === "movie") book.add({ ...title, watched: true, watchedAt: at });
    else if (type === "episode" && isObject(item.episode)) {
      const n = episodeNumbers(item.episode.season, item.episode.number);
      if (n === undefined) book.skip(file, line, "an episode without a season and episode number");
      else book.add({ ...title, episodes: [{ ...n, ...(at === undefined ? {} : { watchedAt: at }) }] });
    } else book.skip(file, line, `a viewing of a ${type || "thing"} that is not a film or an episode`);
    return;
  }
  if (Array.isArray(item.seasons) && kind === "show") {
    const episodes = [];
    for (const season of item.seasons) {
      if (!isObject(season) || !Array.isArray(season.episodes)) continue;
      for (const ep of season.episodes) {
        if (!isObject(ep)) continue;
        const n = episodeNumbers(season.number, ep.number);
        if (n === undefined) continue;
        const at = parseDate(ep.last_watched_at);
        episodes.push(at === undefined ? n : { ...n, watchedAt: at });
      }
    }
    book.add({ ...title, episodes });
    return;
  }
  if (kind === "movie" && (item.plays !== undefined || item.last_watched_at !== undefined)) {
    book.add({ ...title, watched: true, watchedAt: parseDate(item.last_watched_at) });
    return;
  }
  // Collections and list items say nothing about watching: left alone without a note.
}

/** Reads Trakt JSON documents (already parsed) into `book`. */
export async function readTrakt(files: { name: string; json: unknown }[], book: EntryBook, budget: RowBudget): Promise<void> {
  for (const { name, json } of files) {
    // Lists, collections and the profile: not watch history.
    if (!Array.isArray(json) || /(^|[\\/])(lists?|collection|comments|user|likes|recommendations)[-_]/i.test(name)) continue;
    const file = clipName(name);
    let i = 0;
    for (const item of json) {
      i++;
      book.rows++;
      if (++budget.rows > IMPORT_LIMITS.maxRows) throw tooManyRows();
      if (!isObject(item)) book.skip(file, i, "not a Trakt item");
      else readItem(item, name, file, i, book);
      if (i % 2_000 === 0) await nextTurn();
    }
  }
}
