// IMDb's CSV exports: ratings (Const, Your Rating, Date Rated, Title, [Original Title,] URL, Title
// Type, IMDb Rating, Runtime (mins), Year, Genres, Num Votes, Release Date, Directors) and a list
// or the watchlist (Position, Const, Created, Modified, Description, Title, …, Your Rating, Date
// Rated). "Title Type" tells a film from a series; both spellings IMDb has used ("tvSeries",
// "TV Series") are read. A list export is read as a watchlist; a rated film counts as watched.
import { column, eachRow, parseCsv, table, type RowBudget } from "./csv.ts";
import { imdbId, normaliseRating, parseDate, year, type EntryBook } from "./entries.ts";
import { ImportFileError } from "./limits.ts";
import { clipName } from "./zip.ts";

const TYPES: Record<string, string> = {
  movie: "movie",
  feature: "movie",
  tvmovie: "movie",
  video: "movie",
  short: "movie",
  tvshort: "movie",
  tvspecial: "movie",
  tvseries: "tv",
  tvminiseries: "tv",
  tvepisode: "an episode: IMDb names the episode, not the show's season and number",
  videogame: "a video game",
  podcastseries: "a podcast",
  podcastepisode: "a podcast",
  musicvideo: "a music video",
};

export const isImdbHeader = (header: string) => /(^|,)\s*"?const"?\s*(,|$)/i.test(header) && /title type/i.test(header);

export async function readImdb(files: { name: string; text: string }[], book: EntryBook, budget: RowBudget): Promise<void> {
  for (const file of files) {
    const name = clipName(file.name);
    const t = table(await parseCsv(file.text, budget));
    const id = column(t, "Const");
    const type = column(t, "Title Type");
    if (id === null || type === null) throw new ImportFileError("imports.refused.notImdbFile", { name });
    const title = column(t, "Title");
    const yearOf = column(t, "Year");
    const rating = column(t, "Your Rating");
    const rated = column(t, "Date Rated");
    // The ratings export has no Position; a list (the watchlist included) has one.
    const isList = column(t, "Position") !== null;
    await eachRow(t.rows, (row, i) => {
      book.rows++;
      const line = i + 2;
      const tt = imdbId(id(row));
      if (tt === undefined) {
        book.skip(name, line, `"${id(row).slice(0, 20)}" is not an IMDb id`);
        return;
      }
      const kind =
        TYPES[
          type(row)
            .toLowerCase()
            .replace(/[\s_-]/g, "")
        ];
      if (kind !== "movie" && kind !== "tv") {
        book.skip(name, line, kind === undefined ? `"${type(row).slice(0, 30)}" is not a film or a show` : `${kind}`);
        return;
      }
      const score = normaliseRating(rating?.(row), 10);
      const ratedAt = parseDate(rated?.(row));
      book.add({
        mediaType: kind,
        ids: { imdb: tt },
        title: title?.(row) || undefined,
        year: year(yearOf?.(row)),
        ...(isList ? { watchlist: true } : {}),
        ...(score === undefined ? {} : { rating: score, ratedAt }),
        ...(score !== undefined && kind === "movie" ? { watched: true } : {}),
      });
    });
  }
}
