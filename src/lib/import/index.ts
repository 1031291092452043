// Reading an export someone attached to /import: TV Time, Trakt, Letterboxd, IMDb or Film Fanatic's
// own, as a ZIP, a .gz or a single CSV / JSON file, into one ImportEntry per title (the shape the
// import pipeline in Convex matches and applies: convex/lib/importEntry.ts). Runtime-neutral (web
// APIs and fflate only): it runs in the bot and in Convex's runtime. A file that can't be read as a
// whole is refused with an ImportFileError whose message is for the person; nothing of it is kept.
import type { ImportSource } from "../../../convex/lib/importEntry.ts";
import type { RowBudget } from "./csv.ts";
import { EntryBook, type ImportRead } from "./entries.ts";
import { readAccountExport, readWebExport, isAccountExport, isWebExport } from "./filmfanatic.ts";
import { isImdbHeader, readImdb } from "./imdb.ts";
import { letterboxdPart, readLetterboxd } from "./letterboxd.ts";
import { IMPORT_LIMITS, ImportFileError, megabytes } from "./limits.ts";
import { gunzipLimited, decodeText } from "./text.ts";
import { isTraktArray, readTrakt } from "./trakt.ts";
import { readTvTime, TVTIME_FILES } from "./tvtime.ts";
import { clipName, isZip, readMember, unsafeName, zipDirectory } from "./zip.ts";

export { IMPORT_LIMITS, ImportFileError, megabytes } from "./limits.ts";
export type { ImportRead, Skipped } from "./entries.ts";
export type { ImportRefusal } from "./limits.ts";

/** readImportFile's shape: the Node doors inject one that reads in a worker thread (src/lib/import-worker.ts). */
export type ImportFileReader = (bytes: Uint8Array, fileName: string, source?: ImportSource) => Promise<ImportRead>;

interface TextFile {
  name: string;
  text: string;
  /** The first line, for telling formats apart. */
  header: string;
  json?: unknown;
}

const readable = /\.(csv|json|txt)$/i;

function jsonTooLarge(name: string, size: number): ImportFileError {
  return new ImportFileError("imports.refused.jsonTooLarge", {
    name: clipName(name),
    size: megabytes(size),
    max: megabytes(IMPORT_LIMITS.maxJsonBytes),
  });
}

function textFile(name: string, bytes: Uint8Array): TextFile {
  // Refused before it is decoded: JSON is parsed in one piece.
  if (/\.json$/i.test(name) && bytes.length > IMPORT_LIMITS.maxJsonBytes) throw jsonTooLarge(name, bytes.length);
  const text = decodeText(bytes, clipName(name));
  const cut = text.search(/\r|\n/);
  return { name, text, header: (cut < 0 ? text : text.slice(0, cut)).replace(/^\uFEFF/, "") };
}

/**
 * The files inside the attachment worth reading, decoded one at a time (only the text is kept, not
 * the inflated bytes too); `book` hears of members left unread.
 */
async function unpack(bytes: Uint8Array, fileName: string, book: EntryBook): Promise<{ files: TextFile[]; inZip: boolean }> {
  if (isZip(bytes)) {
    const files: TextFile[] = [];
    const budget = { left: IMPORT_LIMITS.maxUncompressedBytes };
    for (const member of zipDirectory(bytes)) {
      if (unsafeName(member.name)) {
        book.skip(clipName(member.name), undefined, "a file whose name points outside the ZIP; not read");
        continue;
      }
      if (/(^|[\\/])(__MACOSX[\\/]|\.)/.test(member.name)) continue;
      if (!readable.test(member.name)) continue;
      // By its declared size, before inflating it (readMember refuses a member that outgrows it).
      if (/\.json$/i.test(member.name) && member.size > IMPORT_LIMITS.maxJsonBytes) throw jsonTooLarge(member.name, member.size);
      files.push(textFile(member.name, await readMember(bytes, member, budget)));
    }
    if (files.length === 0) throw new ImportFileError("imports.refused.zipEmpty");
    return { files, inZip: true };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inner = await gunzipLimited(bytes, clipName(fileName));
    if (isZip(inner) || (inner[0] === 0x1f && inner[1] === 0x8b)) throw new ImportFileError("imports.refused.nested");
    return { files: [textFile(fileName.replace(/\.gz$/i, ""), inner)], inZip: false };
  }
  return { files: [textFile(fileName, bytes)], inZip: false };
}

function parseJson(file: TextFile): unknown {
  if (file.json !== undefined) return file.json;
  // UTF-16 code units: at least one per byte of UTF-8, so this holds whatever the file was named.
  if (file.text.length > IMPORT_LIMITS.maxJsonBytes) throw jsonTooLarge(file.name, file.text.length);
  try {
    file.json = JSON.parse(file.text.replace(/^\uFEFF/, ""));
  } catch {
    throw new ImportFileError("imports.refused.badJson", { name: clipName(file.name) });
  }
  return file.json;
}

const looksJson = (f: TextFile) => /\.json$/i.test(f.name) || /^\s*[[{]/.test(f.header);

/** Which export the files are; null when none fits. */
function detect(files: TextFile[], inZip: boolean): ImportSource | null {
  if (files.some((f) => TVTIME_FILES.test(f.name))) return "tvtime";
  const csv = files.filter((f) => !looksJson(f));
  if (csv.some((f) => isImdbHeader(f.header))) return "imdb";
  for (const f of csv) {
    try {
      if (letterboxdPart(f.name, f.header, inZip) !== null) return "letterboxd";
    } catch {
      // A Letterboxd list that needs its name: it is Letterboxd, and its reader says why it can't be read.
      return "letterboxd";
    }
  }
  for (const f of files.filter(looksJson)) {
    const json = parseJson(f);
    if (isAccountExport(json) || isWebExport(json)) return "filmfanatic";
    if (isTraktArray(json)) return "trakt";
  }
  return null;
}

async function readAs(source: ImportSource, files: TextFile[], inZip: boolean, book: EntryBook): Promise<void> {
  const budget: RowBudget = { rows: 0 };
  const csv = files.filter((f) => !looksJson(f));
  switch (source) {
    case "tvtime":
      return readTvTime(csv, book, budget);
    case "imdb": {
      const own = csv.filter((f) => isImdbHeader(f.header));
      if (own.length === 0) throw new ImportFileError("imports.refused.notImdb");
      return readImdb(own, book, budget);
    }
    case "letterboxd":
      return readLetterboxd(csv, book, budget, inZip);
    case "trakt": {
      const json = files.filter(looksJson).map((f) => ({ name: f.name, json: parseJson(f) }));
      if (!json.some((f) => isTraktArray(f.json))) throw new ImportFileError("imports.refused.notTrakt");
      return readTrakt(json, book, budget);
    }
    case "filmfanatic": {
      let found = false;
      for (const f of files.filter(looksJson)) {
        const json = parseJson(f);
        if (isAccountExport(json)) await readAccountExport(json as Record<string, unknown>, clipName(f.name), book, budget);
        else if (isWebExport(json)) await readWebExport(json as unknown[], clipName(f.name), book, budget);
        else continue;
        found = true;
      }
      if (!found) throw new ImportFileError("imports.refused.notFilmFanatic");
      return;
    }
    default:
      // A source from outside (an option value) that names no format.
      throw new ImportFileError("imports.refused.source", { source: String(source).slice(0, 20) });
  }
}

/**
 * Reads an attached export. `source` names the format when the person chose one; otherwise it is
 * told from the file's name and content. Throws ImportFileError (and keeps nothing) for a file that
 * can't be read as a whole: too large, a zip bomb, damaged, not text, not an export it knows.
 */
export async function readImportFile(bytes: Uint8Array, fileName: string, source?: ImportSource): Promise<ImportRead> {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileError("imports.refused.tooLarge", { size: megabytes(bytes.length), max: megabytes(IMPORT_LIMITS.maxFileBytes) });
  }
  if (bytes.length === 0) throw new ImportFileError("imports.refused.empty");
  const book = new EntryBook();
  const { files, inZip } = await unpack(bytes, fileName, book);
  const found = source ?? detect(files, inZip);
  if (found === null) throw new ImportFileError("imports.refused.unknown");
  await readAs(found, files, inZip, book);
  return book.read(found);
}
