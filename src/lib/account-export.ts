// The /account export, built without holding the event loop: the JSON is written a page (1,000
// rows) at a time as pages arrive, with a turn of the loop between pages, and compressed (when it
// must be) by the web's CompressionStream, which streams in chunks (in Node it runs zlib). A
// 200,000-row library used to take about 1.5 s of blocked loop (one JSON.stringify, then gzip).
// Web APIs only: the interaction core also runs in Convex's runtime.
import { nextTurn } from "./next-turn.ts";

const encoder = new TextEncoder();

/** gzip through CompressionStream, or null where the runtime has none. */
async function gzip(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === "undefined") return null;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const EXPORT_PARTS = ["watch_items", "episodes", "lists", "list_items", "reminders"] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export interface ExportPage {
  rows: unknown[];
  cursor: string;
  isDone: boolean;
}

export type ExportFile = { data: Uint8Array; name: string };

export interface BuiltExport {
  /** The file to attach, or null when even gzipped it is over the limit. */
  file: ExportFile | null;
  /** Size of the JSON before compression. */
  bytes: number;
  /** False when the export stopped at maxPages. */
  complete: boolean;
}

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
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const write = (text: string) => {
    const chunk = encoder.encode(text);
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
  const json = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    json.set(chunk, at);
    at += chunk.length;
  }
  if (bytes <= options.limit) return { file: { data: json, name: "film-fanatic-export.json" }, bytes, complete };
  const gz = await gzip(json);
  return { file: gz !== null && gz.length <= options.limit ? { data: gz, name: "film-fanatic-export.json.gz" } : null, bytes, complete };
}
