// Film Fanatic's own files: the bot's /account export (an object with watch_items, episodes, lists,
// list_items, reminders; possibly gzipped) and the web app's watchlist export (an array of
// { title, type, external_id, progressStatus, reaction, inWatchlist, watchedEpisodes, … }). Both
// name titles by TMDB id. Statuses are read in every word the app has stored (watch-later,
// done, …); a reaction becomes a rating (loved 10, liked 7, mixed 5, not for me 2), the one
// thing ImportEntry has to say how much someone liked a title. Lists and reminders are not read.
import type { ImportEpisode } from "../../../convex/lib/importEntry.ts";
import { normalizeState } from "../../../convex/model/vocabulary.ts";
import { tooManyRows, type RowBudget } from "./csv.ts";
import { episodeNumbers, parseDate, positiveId, year, type EntryBook, type MediaType, type RowFacts } from "./entries.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import { nextTurn } from "../next-turn.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** A reaction as a rating out of 10: what a 0.5–10 rating maps back to the same reaction. */
export const REACTION_RATING: Readonly<Record<string, number>> = { loved: 10, liked: 7, mixed: 5, "not-for-me": 2 };

export const isAccountExport = (json: unknown) =>
  isObject(json) && Array.isArray(json.watch_items) && ("exportedAt" in json || "episodes" in json);
export const isWebExport = (json: unknown) =>
  Array.isArray(json) &&
  json.length > 0 &&
  json
    .slice(0, 5)
    .every(
      (i) =>
        isObject(i) && (typeof i.external_id === "string" || typeof i.external_id === "number") && (i.type === "movie" || i.type === "tv"),
    );

function titleFacts(row: Json, tmdb: number, mediaType: MediaType, updatedAt: number | undefined, inWatchlist: boolean): RowFacts | string {
  const state = normalizeState({ progressStatus: str(row.progressStatus), reaction: str(row.reaction), status: str(row.status) });
  const facts: RowFacts = {
    mediaType,
    ids: { tmdb },
    title: str(row.title)?.trim() || undefined,
    year: year(str(row.release_date)?.slice(0, 4)),
  };
  // The web app shows a row without a status as "watch later".
  const status = state.progressStatus ?? (inWatchlist ? "want-to-watch" : undefined);
  if (status === "want-to-watch" && inWatchlist) facts.watchlist = true;
  if (status === "finished" && mediaType === "movie") Object.assign(facts, { watched: true, watchedAt: updatedAt });
  if (status === "dropped") facts.dropped = true;
  if (state.reaction !== undefined) Object.assign(facts, { rating: REACTION_RATING[state.reaction], ratedAt: updatedAt });
  const says = facts.watchlist || facts.watched || facts.dropped || facts.rating !== undefined;
  return says || mediaType === "tv" ? facts : "a film neither watched, rated, dropped nor on the watchlist";
}

async function eachRow(rows: unknown[], budget: RowBudget, book: EntryBook, read: (row: unknown, i: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    book.rows++;
    if (++budget.rows > IMPORT_LIMITS.maxRows) throw tooManyRows();
    read(rows[i], i + 1);
    if ((i + 1) % 2_000 === 0) await nextTurn();
  }
}

export async function readAccountExport(json: Json, file: string, book: EntryBook, budget: RowBudget): Promise<void> {
  await eachRow(json.watch_items as unknown[], budget, book, (row, i) => {
    const tmdb = isObject(row) ? positiveId(row.tmdbId) : undefined;
    const mediaType = isObject(row) ? row.mediaType : undefined;
    if (!isObject(row) || tmdb === undefined || (mediaType !== "movie" && mediaType !== "tv"))
      return book.skip(file, i, "a title without a TMDB id and media type");
    const facts = titleFacts(row, tmdb, mediaType, parseDate(row.updatedAt), row.inWatchlist !== false);
    if (typeof facts === "string") book.skip(file, i, facts);
    else book.add(facts);
  });
  const episodes = Array.isArray(json.episodes) ? json.episodes : [];
  await eachRow(episodes, budget, book, (row, i) => {
    const tmdb = isObject(row) ? positiveId(row.tmdbId) : undefined;
    const n = isObject(row) ? episodeNumbers(row.season, row.episode) : undefined;
    if (!isObject(row) || tmdb === undefined || n === undefined) return book.skip(file, i, "an episode without a show, season and number");
    const at = parseDate(row.updatedAt);
    book.add({ mediaType: "tv", ids: { tmdb }, episodes: [at === undefined ? n : { ...n, watchedAt: at }] });
  });
}

export async function readWebExport(json: unknown[], file: string, book: EntryBook, budget: RowBudget): Promise<void> {
  await eachRow(json, budget, book, (row, i) => {
    const tmdb = isObject(row) ? positiveId(typeof row.external_id === "number" ? row.external_id : str(row.external_id)) : undefined;
    if (!isObject(row) || tmdb === undefined || (row.type !== "movie" && row.type !== "tv"))
      return book.skip(file, i, "a title without a TMDB id and media type");
    const updatedAt = parseDate(row.updated_at);
    const facts = titleFacts(row, tmdb, row.type, updatedAt, row.inWatchlist !== false);
    if (typeof facts === "string") return book.skip(file, i, facts);
    if (row.type === "tv" && isObject(row.watchedEpisodes)) {
      const episodes: ImportEpisode[] = [];
      for (const [key, watched] of Object.entries(row.watchedEpisodes)) {
        const [season, episode] = key.split(":");
        const n = episodeNumbers(season, episode);
        if (watched === true && n !== undefined) episodes.push(n);
      }
      facts.episodes = episodes;
    }
    book.add(facts);
  });
}
