// TV Time's GDPR export: a ZIP of CSV files (TV Time closed on 15 July 2026 and never documented
// them; their columns changed over the years, so each is recognised by the names it has used):
// - followed_tv_show.csv / user_tv_show_data.csv: the shows followed, by TVDB id (tv_show_id),
//   with their name, and whether the show was stopped ("archived") or kept "for later";
// - seen_episode.csv and the episode rows of tracking-prod-records(-v2).csv: watched episodes by
//   show (TVDB id or name), season and episode number, with the date;
// - the movie rows of tracking-prod-records(-v2).csv: watched ("watch") and for-later ("towatch")
//   films by name (TV Time kept no film ids in its export; an imdb_id column is read if present).
// Episode rows that name their show only by name take the show's TVDB id from the followed shows.
// Comments, reactions, votes, badges and the rest of the archive are not read.
import { column, eachRow, parseCsv, table, type RowBudget, type Table } from "./csv.ts";
import { episodeNumbers, imdbId, parseDate, positiveId, type EntryBook } from "./entries.ts";
import { ImportFileError } from "./limits.ts";
import { clipName } from "./zip.ts";

/** File names TV Time's export uses for the parts read here. */
export const TVTIME_FILES = /(^|[\\/])(followed_tv_show|user_tv_show_data|seen_episode|tracking-prod-records(-v2)?)\.csv$/i;

const SHOW_ID = ["tv_show_id", "series_id", "s_id", "show_id", "tvdb_id"];
const SHOW_NAME = ["tv_show_name", "series_name", "show_name"];
const SEASON = ["episode_season_number", "season_number", "s_no"];
const EPISODE = ["episode_number", "ep_no"];
const WHEN = ["watched_at", "created_at", "updated_at"];

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|t)$/i.test(value);
const showKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

/** What a row says it records: its action word ("watch", "towatch", …) from `type` or the `key` prefix. */
function actionOf(t: Table): (row: string[]) => string {
  const type = column(t, "type");
  const key = column(t, "key", "type-uuid-n");
  return (row) => {
    const fromType = type?.(row).toLowerCase() ?? "";
    if (fromType !== "" && fromType !== "movie" && fromType !== "episode" && fromType !== "series") return fromType;
    return (key?.(row).toLowerCase() ?? "").split(/[-_]/)[0] ?? "";
  };
}

async function readFollowed(t: Table, file: string, book: EntryBook, names: Map<string, number>): Promise<void> {
  const id = column(t, ...SHOW_ID);
  const name = column(t, ...SHOW_NAME);
  const followed = column(t, "is_followed", "followed", "active");
  const stopped = column(t, "archived", "is_archived", "stopped", "is_stopped");
  const later = column(t, "for_later", "is_for_later", "watch_later");
  const status = column(t, "status");
  await eachRow(t.rows, (row, i) => {
    book.rows++;
    const tvdb = positiveId(id?.(row));
    const title = name?.(row) || undefined;
    if (tvdb === undefined && title === undefined) {
      book.skip(file, i + 2, "a show with neither a TVDB id nor a name");
      return;
    }
    if (followed !== null && !truthy(followed(row)) && !truthy(stopped?.(row))) return;
    if (tvdb !== undefined && title !== undefined) names.set(showKey(title), tvdb);
    const state = status?.(row).toLowerCase() ?? "";
    book.add({
      mediaType: "tv",
      ids: tvdb === undefined ? {} : { tvdb },
      title,
      ...(truthy(stopped?.(row)) || /stopped|dropped|archived/.test(state) ? { dropped: true } : {}),
      ...(truthy(later?.(row)) || /later|towatch/.test(state) ? { watchlist: true } : {}),
    });
  });
}

async function readTracking(t: Table, file: string, book: EntryBook, names: Map<string, number>): Promise<void> {
  const entity = column(t, "entity_type");
  const action = actionOf(t);
  const movieName = column(t, "movie_name");
  const movieImdb = column(t, "imdb_id");
  const showId = column(t, ...SHOW_ID);
  const showName = column(t, ...SHOW_NAME);
  const season = column(t, ...SEASON);
  const episode = column(t, ...EPISODE);
  const when = column(t, ...WHEN);
  await eachRow(t.rows, (row, i) => {
    book.rows++;
    const line = i + 2;
    const kind = entity?.(row).toLowerCase() ?? "";
    const act = action(row);
    const at = parseDate(when?.(row));
    const film = movieName?.(row) ?? "";
    if (kind === "movie" || (kind === "" && film !== "")) {
      const tt = imdbId(movieImdb?.(row));
      if (film === "" && tt === undefined) return book.skip(file, line, "a film with no name");
      const base = { mediaType: "movie" as const, ids: tt === undefined ? {} : { imdb: tt }, title: film || undefined };
      if (act === "watch" || act === "rewatch") book.add({ ...base, watched: true, watchedAt: at });
      else if (act === "towatch" || act === "forlater") book.add({ ...base, watchlist: true });
      // Counters and other bookkeeping rows ("count", "time") say nothing about a film.
      return;
    }
    if (kind !== "" && kind !== "episode") return;
    if (act !== "" && act !== "watch" && act !== "rewatch") return;
    const n = episodeNumbers(season?.(row), episode?.(row));
    const name = showName?.(row) ?? "";
    const tvdb = positiveId(showId?.(row)) ?? (name === "" ? undefined : names.get(showKey(name)));
    if (n === undefined) {
      // seen_episode.csv rows of old exports name only TV Time's episode id: nothing to place it by.
      if (season !== null || episode !== null || kind === "episode")
        book.skip(file, line, "an episode without a season and episode number");
      else book.skip(file, line, "an episode named only by TV Time's own id, without its show, season and number");
      return;
    }
    if (tvdb === undefined && name === "") return book.skip(file, line, "an episode without its show");
    book.add({
      mediaType: "tv",
      ids: tvdb === undefined ? {} : { tvdb },
      title: name || undefined,
      episodes: [at === undefined ? n : { ...n, watchedAt: at }],
    });
  });
}

export async function readTvTime(files: { name: string; text: string }[], book: EntryBook, budget: RowBudget): Promise<void> {
  const wanted = files.filter((f) => TVTIME_FILES.test(f.name) && !/(^|[\\/])__MACOSX[\\/]/.test(f.name));
  if (wanted.length === 0) {
    throw new ImportFileError("imports.refused.tvtimeEmpty");
  }
  // Followed shows first: their TVDB ids name the shows that episode rows give only by name.
  const names = new Map<string, number>();
  const isFollowed = (n: string) => /(followed_tv_show|user_tv_show_data)\.csv$/i.test(n);
  for (const f of wanted.filter((x) => isFollowed(x.name)))
    await readFollowed(table(await parseCsv(f.text, budget)), clipName(f.name), book, names);
  for (const f of wanted.filter((x) => !isFollowed(x.name)))
    await readTracking(table(await parseCsv(f.text, budget)), clipName(f.name), book, names);
}
