// The /account export, built without holding the shard's event loop: the JSON is written a page
// (1,000 rows) at a time as pages arrive, with a turn of the loop between pages, and compressed
// (when it must be) by zlib's asynchronous gzip, which runs on libuv's thread pool. A 200,000-row
// library used to take about 1.5 s of blocked loop (one JSON.stringify, then gzip level 9).
import { setImmediate as nextTurn } from "node:timers/promises";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

export const EXPORT_PARTS = ["watch_items", "episodes", "lists", "list_items", "reminders"] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export interface ExportPage {
  rows: unknown[];
  cursor: string;
  isDone: boolean;
}

export type ExportFile = { attachment: Buffer; name: string };

export interface BuiltExport {
  /** The file to attach, or null when even gzipped it is over the limit. */
  file: ExportFile | null;
  /** Size of the JSON before compression. */
  bytes: number;
  /** False when the export stopped at maxPages. */
  complete: boolean;
}

/** gzip level: close to 9's size at a fraction of its time (and off the loop either way). */
const GZIP_LEVEL = 6;

/** One array element at the depth the export writes it, as JSON.stringify(…, null, 2) would. */
function element(row: unknown): string {
  return `    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}`;
}

/**
 * Pages every part out of `page` and writes one pretty-printed JSON document: `exportedAt`,
 * `discordUserId`, each part's rows, then `complete`. Within `limit` bytes it is sent as JSON,
 * past it gzipped, and null when even that doesn't fit.
 */
export async function buildExport(
  page: (part: ExportPart, cursor: string | null) => Promise<ExportPage>,
  options: { discordUserId: string; exportedAt: Date; limit: number; maxPages: number },
): Promise<BuiltExport> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const write = (text: string) => {
    const chunk = Buffer.from(text, "utf8");
    chunks.push(chunk);
    bytes += chunk.length;
  };
  write(
    `{\n  "exportedAt": ${JSON.stringify(options.exportedAt.toISOString())},\n  "discordUserId": ${JSON.stringify(options.discordUserId)},\n`,
  );
  let pages = 0;
  let complete = true;
  for (const part of EXPORT_PARTS) {
    write(`  ${JSON.stringify(part)}: [`);
    let first = true;
    let cursor: string | null = null;
    for (;;) {
      if (++pages > options.maxPages) {
        complete = false;
        break;
      }
      const result: ExportPage = await page(part, cursor);
      if (result.rows.length > 0) {
        write((first ? "\n" : ",\n") + result.rows.map(element).join(",\n"));
        first = false;
      }
      // A page's worth of work at most between turns, even when pages come back at once.
      await nextTurn();
      if (result.isDone) break;
      cursor = result.cursor;
    }
    write(first ? "],\n" : "\n  ],\n");
  }
  write(`  "complete": ${complete}\n}`);
  const json = Buffer.concat(chunks, bytes);
  if (bytes <= options.limit) return { file: { attachment: json, name: "film-fanatic-export.json" }, bytes, complete };
  const gz = await gzipAsync(json, { level: GZIP_LEVEL });
  return { file: gz.length <= options.limit ? { attachment: gz, name: "film-fanatic-export.json.gz" } : null, bytes, complete };
}
