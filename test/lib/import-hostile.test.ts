// Files made to hurt: each is refused as a whole with a sentence the person can act on, and
// nothing of it is returned. The archives are built here, some with headers that lie.
import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, ImportFileError, readImportFile } from "../../src/lib/import/index.ts";

const text = (s: string) => new TextEncoder().encode(s);
const WATCHED = "Date,Name,Year,Letterboxd URI\n2021-05-02,Pulp Fiction,1994,https://boxd.it/2a1m\n";

/** Offsets of each central-directory record in a ZIP fflate wrote. */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Rewrites a member's declared (uncompressed) size or flags in the central directory. */
function patch(zip: Uint8Array, member: number, change: { size?: number; flags?: number }): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const at = centralRecords(copy)[member]!;
  if (change.size !== undefined) view.setUint32(at + 24, change.size, true);
  if (change.flags !== undefined) view.setUint16(at + 8, change.flags, true);
  return copy;
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const error = await readImportFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

describe("hostile imports", () => {
  it("refuses a file over the size limit before reading it", async () => {
    expect(await refusal(new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1), "huge.zip")).toBe(
      "That file is 25 MB, more than the 25 MB an import can read. Zip it, or attach only the parts you want.",
    );
  });

  it("refuses a zip bomb by its declared size, by its compression ratio, and by what it really expands to", async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = zipSync({ "watched.csv": zeros }, { level: 9 });
    expect(await refusal(bomb, "bomb.zip")).toBe(
      'watched.csv in that ZIP is compressed far more than any export is (a "zip bomb"), so it was not read.',
    );

    const small = zipSync({ "watched.csv": text(WATCHED), "diary.csv": text(WATCHED) });
    expect(await refusal(patch(small, 1, { size: 101 * 1024 * 1024 }), "declared.zip")).toBe(
      "That ZIP expands to more than 100 MB, so it was not read.",
    );

    // A header that claims 1 KB for what inflates to 900 KB: stopped while inflating.
    const liar = patch(zipSync({ "watched.csv": new Uint8Array(900 * 1024).fill(65) }, { level: 9 }), 0, { size: 1024 });
    expect(await refusal(liar, "liar.zip")).toBe('watched.csv in that ZIP is larger than the ZIP says (a "zip bomb"), so it was not read.');
  });

  it("refuses a gzip that expands past the limit", async () => {
    const gz = gzipSync(new Uint8Array(IMPORT_LIMITS.maxUncompressedBytes + 1024), { level: 1 });
    expect(await refusal(gz, "film-fanatic-export.json.gz")).toBe(
      "film-fanatic-export.json.gz expands to more than 100 MB, so it was not read.",
    );
  });

  it("refuses a ZIP inside a ZIP, too many members, encryption and a damaged archive", async () => {
    const inner = zipSync({ "watched.csv": text(WATCHED) });
    expect(await refusal(zipSync({ "export/inner.zip": inner, "watched.csv": text(WATCHED) }), "nested.zip")).toBe(
      "That ZIP has another archive inside it (inner.zip), so it was not read. Attach the export itself.",
    );
    const many = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.maxZipEntries + 1 }, (_, i) => [`f${i}.csv`, text("a\n")]));
    expect(await refusal(zipSync(many, { level: 0 }), "many.zip")).toBe(
      "That ZIP holds 2,001 files (more than 2,000), so it was not read. Attach the export as it was downloaded.",
    );
    expect(await refusal(patch(inner, 0, { flags: 1 }), "tvtime.zip")).toMatch(
      /^That ZIP is password-protected, so it can't be read\. Unzip it with its password/,
    );
    expect(await refusal(inner.subarray(0, inner.length - 30), "cut.zip")).toBe(
      "That ZIP is damaged or incomplete, so it was not read. Download the export again and attach it.",
    );
  });

  it("leaves members whose names climb out of the archive unread, and says so", async () => {
    const zip = zipSync({ "../../etc/watchlist.csv": text(WATCHED.replace("Pulp Fiction", "Sneaky")), "watched.csv": text(WATCHED) });
    const read = await readImportFile(zip, "letterboxd.zip");
    expect(read.entries.map((e) => e.title)).toEqual(["Pulp Fiction"]);
    expect(read.skipped).toEqual([{ file: "watchlist.csv", reason: "a file whose name points outside the ZIP; not read" }]);
  });

  it("refuses more rows than the cap", async () => {
    const rows = IMPORT_LIMITS.maxRows + 1;
    const csv = `Date,Name,Year,Letterboxd URI\n${"2021-01-01,A,2000,u\n".repeat(rows)}`;
    expect(await refusal(text(csv), "watched.csv")).toBe(
      "That file has more than 500,000 rows, so it was not read. Split it, or attach only the parts you want (for TV Time: followed_tv_show.csv and seen_episode.csv).",
    );
  }, 30_000);

  it("refuses a row of too many cells, and a cell too long, without stalling the event loop", async () => {
    // The reviewer's file: one row of 24 MB of commas (it used to stall the loop for 1.6 s).
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 5);
    try {
      const commas = `Date,Name,Year,Letterboxd URI\n${",".repeat(24 * 1024 * 1024 - 40)}\n`;
      expect(await refusal(text(commas), "watched.csv")).toBe(
        "Row 2 of that file has more than 1,000 columns — no export has that many — so it was not read.",
      );
      const long = `Date,Name,Year,Letterboxd URI\n2021-01-01,"${"x".repeat(IMPORT_LIMITS.maxCellChars + 1)}",2000,u\n`;
      expect(await refusal(text(long), "watched.csv")).toBe(
        "Row 2 of that file has a cell longer than 100,000 characters, so it was not read.",
      );
    } finally {
      clearInterval(timer);
    }
    expect(worst).toBeLessThan(400);
  }, 30_000);

  it("refuses a JSON file larger than any export's before parsing it", async () => {
    const json = gzipSync(text(`[${" ".repeat(IMPORT_LIMITS.maxJsonBytes)}]`));
    expect(await refusal(json, "watched-shows.json.gz")).toBe(
      "watched-shows.json is 50 MB, more JSON than one file of an export holds (at most 50 MB), so it was not read.",
    );
    // In a ZIP, by the member's declared size, before inflating it (the reviewer's 93 MB Trakt JSON in 5 MB).
    const items = Array.from({ length: 800_000 }, (_, i) => `{"movie":{"ids":{"tmdb":${i}}},"watched_at":"2021-01-01T00:00:00Z"}`);
    const zip = zipSync({ "history.json": text(`[${items.join(",")}]`) });
    expect(await refusal(zip, "trakt.zip")).toMatch(
      /^history\.json is (5\d|6\d) MB, more JSON than one file of an export holds \(at most 50 MB\)/,
    );
  }, 30_000);

  it("reads UTF-16 with a byte-order mark, and refuses text that isn't UTF-8 instead of guessing", async () => {
    const csv = "Date,Name,Year,Letterboxd URI\n2021-05-02,Amélie,2001,https://boxd.it/2a1m\n";
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) utf16[2 + i * 2] = csv.charCodeAt(i);
    expect((await readImportFile(utf16, "watched.csv")).entries[0]).toMatchObject({ title: "Amélie", year: 2001 });
    expect((await readImportFile(text(`\uFEFF${csv}`), "watched.csv")).entries[0]).toMatchObject({ title: "Amélie" });
    const latin1 = Uint8Array.from(csv, (c) => c.charCodeAt(0));
    expect(await refusal(latin1, "watched.csv")).toBe(
      'watched.csv isn\'t UTF-8 text, so it was not read (it may have been saved by a spreadsheet in another encoding). Export it again, or save it as "CSV UTF-8", and attach that.',
    );
  });

  it("reads formula-like cells as the plain text they are", async () => {
    const csv =
      'Date,Name,Year,Letterboxd URI\n2021-05-02,"=HYPERLINK(""http://x.invalid"",""Get Out"")",2017,u\n2021-05-03,+cmd|\' /C calc\'!A0,2017,u\n';
    const read = await readImportFile(text(csv), "watched.csv");
    expect(read.entries.map((e) => e.title)).toEqual(['=HYPERLINK("http://x.invalid","Get Out")', "+cmd|' /C calc'!A0"]);
  });

  it("names what it accepts when it can't tell what a file is, and refuses broken JSON", async () => {
    expect(await refusal(text("just some notes\n"), "notes.txt")).toBe(
      "I can't tell what export that is, so nothing was read. Accepted: a TV Time export (ZIP), a Trakt export (ZIP or JSON), a Letterboxd export (ZIP or CSV), an IMDb ratings or list CSV, or a Film Fanatic export (JSON, or .json.gz).",
    );
    expect(await refusal(text('[{"movie": '), "watched-movies.json")).toBe(
      "watched-movies.json isn't valid JSON (it may be cut short), so it was not read. Export it again and attach the new file.",
    );
    expect(await refusal(text("Date,Name,Year,Letterboxd URI\n2021-05-02,Heat,1995,u\n"), "films.csv")).toMatch(
      /^films\.csv is a Letterboxd list of films, but its name doesn't say/,
    );
  });
});
