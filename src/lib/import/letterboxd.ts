// Letterboxd: its export (a ZIP of watched.csv, diary.csv, ratings.csv, watchlist.csv, reviews.csv,
// profile.csv, lists/, likes/…; or one of those CSVs alone), and the CSV layout Letterboxd's own
// importer reads (Title, Year, tmdbID, imdbID, WatchedDate, Rating, Rating10, Rewatch), which is
// what the /account export writes. The export names films by title and year only; its "Letterboxd
// URI" is a boxd.it link (for diary rows, to the diary entry, not the film), so it is not an id.
// Reviews, lists, likes and tags are not read.
import { column, eachRow, parseCsv, table, type RowBudget, type Table } from "./csv.ts";
import { imdbId, normaliseRating, parseDate, positiveId, year, type EntryBook } from "./entries.ts";
import { ImportFileError } from "./limits.ts";
import { clipName } from "./zip.ts";

export type LetterboxdPart = "watched" | "diary" | "ratings" | "watchlist" | "import";

/** The export's files this reader reads, in the order it reads them (the current rating, ratings.csv, after the diary's). */
export const LETTERBOXD_ORDER: readonly LetterboxdPart[] = ["import", "watched", "diary", "ratings", "watchlist"];

/** Which part a CSV is, from its name and header; null for files this reader leaves alone. */
export function letterboxdPart(name: string, header: string, inZip: boolean): LetterboxdPart | null {
  const segments = name.toLowerCase().split(/[\\/]/);
  const base = segments.at(-1) ?? "";
  const inFolder = segments.slice(0, -1).some((f) => ["lists", "likes", "deleted", "orphaned"].includes(f));
  const h = header.toLowerCase();
  if (/letterboxd list export/.test(h)) return null;
  const importLayout = /(^|,)\s*"?title"?\s*(,|$)/.test(h) && !/letterboxd uri/.test(h);
  if (importLayout && /(^|,)\s*"?(tmdbid|imdbid|year|watcheddate|rating10)"?\s*(,|$)/.test(h))
    return base.includes("watchlist") ? "watchlist" : "import";
  if (!/letterboxd uri/.test(h) || !/(^|,)name(,|$)/.test(h)) return null;
  if (inFolder || /^(reviews|comments|profile|likes)/.test(base)) return null;
  if (/watched date/.test(h)) return base.startsWith("review") ? null : "diary";
  if (/(^|,)rating(,|$)/.test(h)) return "ratings";
  if (base.includes("watchlist")) return "watchlist";
  if (base.includes("watched")) return "watched";
  if (inZip) return null;
  throw new ImportFileError("imports.refused.letterboxdName", { name: clipName(name) });
}

async function readRows(t: Table, part: LetterboxdPart, file: string, book: EntryBook): Promise<void> {
  const title = column(t, "Name", "Title");
  const yearOf = column(t, "Year");
  const date = column(t, "Date");
  const watchedDate = column(t, "Watched Date", "WatchedDate");
  const rating = column(t, "Rating");
  const rating10 = column(t, "Rating10");
  const tmdb = column(t, "tmdbID");
  const imdb = column(t, "imdbID");
  await eachRow(t.rows, (row, i) => {
    book.rows++;
    const line = i + 2;
    // The import layout as this bot writes it makes formula-like titles inert with a leading apostrophe.
    const name = (title?.(row) ?? "").replace(/^'(?=[=+\-@\t\r])/, "");
    const ids = { tmdb: positiveId(tmdb?.(row)), imdb: imdbId(imdb?.(row)) };
    if (ids.tmdb === undefined) delete ids.tmdb;
    if (ids.imdb === undefined) delete ids.imdb;
    if (name === "" && ids.tmdb === undefined && ids.imdb === undefined) {
      book.skip(file, line, "no film title");
      return;
    }
    const base = { mediaType: "movie" as const, ids, title: name || undefined, year: year(yearOf?.(row)) };
    const stars = rating?.(row) ?? "";
    const score = stars !== "" ? normaliseRating(stars, 5) : normaliseRating(rating10?.(row), 10);
    switch (part) {
      case "watchlist":
        book.add({ ...base, watchlist: true });
        return;
      case "watched":
        book.add({ ...base, watched: true, watchedAt: parseDate(date?.(row)) });
        return;
      case "ratings":
        if (score === undefined) book.skip(file, line, `"${stars}" is not a rating from ½ to 5 stars`);
        else book.add({ ...base, rating: score, ratedAt: parseDate(date?.(row)) });
        return;
      case "diary":
      case "import": {
        const when = parseDate(watchedDate?.(row)) ?? (part === "diary" ? parseDate(date?.(row)) : undefined);
        // A diary rating is that viewing's; ratings.csv (read after) holds the current one, dated.
        book.add({ ...base, watched: true, watchedAt: when, ...(score === undefined ? {} : { rating: score }) });
        return;
      }
    }
  });
}

/** Reads the Letterboxd parts of one file into `book`. */
export async function readLetterboxd(
  files: { name: string; text: string }[],
  book: EntryBook,
  budget: RowBudget,
  inZip: boolean,
): Promise<void> {
  const parts: { part: LetterboxdPart; name: string; t: Table }[] = [];
  for (const file of files) {
    const header = file.text.slice(0, file.text.search(/\r|\n|$/));
    const part = letterboxdPart(file.name, header.replace(/^\uFEFF/, ""), inZip);
    if (part === null) continue;
    parts.push({ part, name: file.name, t: table(await parseCsv(file.text, budget)) });
  }
  if (parts.length === 0) throw new ImportFileError("imports.refused.letterboxdEmpty");
  for (const part of LETTERBOXD_ORDER)
    for (const p of parts.filter((x) => x.part === part)) await readRows(p.t, p.part, clipName(p.name), book);
}
