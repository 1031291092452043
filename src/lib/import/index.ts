// TEMPORARY (issue 22): a minimal reader for this project's own /account export only, with the API
// the full readers (TV Time, Trakt, Letterboxd, IMDb, the web app's export) provide — it is replaced
// by them when both halves of the import are merged. Web APIs only: it runs where the bot runs.
import { z } from "zod";
import type { ImportEntry, ImportSource } from "../../../convex/lib/importEntry.ts";

export type { ImportSource };

export interface ImportRead {
  source: ImportSource;
  entries: ImportEntry[];
  skipped: { file: string; line?: number; reason: string }[];
  rows: number;
}

/** A file that can't be imported; the message is a sentence for the person who sent it. */
export class ImportFileError extends Error {}

export const IMPORT_LIMITS = {
  /** The largest attachment read (checked before downloading it). */
  maxBytes: 25 * 1024 * 1024,
  /** The most a compressed file may grow to when unpacked. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Rows one file may hold. */
  maxRows: 1_000_000,
} as const;

/** A 0.5–10 rating each reaction maps back to (docs/imports.md: ≥ 8 loved, ≥ 6 liked, ≥ 4 mixed). */
const RATING = { loved: 10, liked: 7, mixed: 5, "not-for-me": 2 } as const;
const STATUS_WORDS: Record<string, "want-to-watch" | "watching" | "finished" | "dropped"> = {
  "want-to-watch": "want-to-watch",
  "watch-later": "want-to-watch",
  watching: "watching",
  finished: "finished",
  done: "finished",
  dropped: "dropped",
};

const id = z.number().int().positive().max(2_147_483_647);
const exportSchema = z.object({
  exportedAt: z.string().optional(),
  watch_items: z.array(z.unknown()).max(IMPORT_LIMITS.maxRows),
  episodes: z.array(z.unknown()).max(IMPORT_LIMITS.maxRows).optional(),
});
const itemSchema = z.object({
  tmdbId: id,
  mediaType: z.enum(["movie", "tv"]),
  title: z.string().min(1).max(300).optional(),
  inWatchlist: z.boolean().optional(),
  progressStatus: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  reaction: z.enum(["loved", "liked", "mixed", "not-for-me"]).optional(),
  updatedAt: z.number().finite().nonnegative().optional(),
});
const episodeSchema = z.object({
  tmdbId: id,
  season: z.number().int().min(0).max(200),
  episode: z.number().int().min(1).max(9_999),
  updatedAt: z.number().optional(),
});

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > IMPORT_LIMITS.maxUnpackedBytes) {
      await reader.cancel();
      throw new ImportFileError("That file unpacks to more than 100 MB — too large to import.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Reads an export file into entries (one per title); refuses what it can't read with ImportFileError. */
export async function readImportFile(bytes: Uint8Array, fileName: string, source?: ImportSource): Promise<ImportRead> {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw new ImportFileError("That file is over 25 MB — too large to import.");
  if (source !== undefined && source !== "filmfanatic") {
    throw new ImportFileError("This version of the bot reads only Film Fanatic's own export (the JSON from `/account`).");
  }
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : bytes;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data));
  } catch {
    throw new ImportFileError(`\`${fileName.slice(0, 80)}\` is not a Film Fanatic export (JSON from \`/account\`).`);
  }
  const file = exportSchema.safeParse(json);
  if (!file.success) throw new ImportFileError(`\`${fileName.slice(0, 80)}\` is not a Film Fanatic export (JSON from \`/account\`).`);
  const skipped: ImportRead["skipped"] = [];
  const entries = new Map<string, ImportEntry>();
  const entry = (mediaType: "movie" | "tv", tmdbId: number) => {
    const key = `${mediaType}:tmdb:${tmdbId}`;
    let found = entries.get(key);
    if (found === undefined) entries.set(key, (found = { key, mediaType, ids: { tmdb: tmdbId } }));
    return found;
  };
  file.data.watch_items.forEach((raw, i) => {
    const item = itemSchema.safeParse(raw);
    if (!item.success) return void skipped.push({ file: "watch_items", line: i + 1, reason: "not a title" });
    const { tmdbId, mediaType, title, inWatchlist, reaction, updatedAt } = item.data;
    const e = entry(mediaType, tmdbId);
    if (title !== undefined) e.title = title;
    const status = STATUS_WORDS[item.data.progressStatus ?? item.data.status ?? ""];
    if (inWatchlist === true || status === "want-to-watch") e.watchlist = true;
    if (status === "finished" && mediaType === "movie") {
      e.watched = true;
      if (updatedAt !== undefined) e.watchedAt = updatedAt;
    }
    if (status === "dropped") {
      e.dropped = true;
      if (updatedAt !== undefined) e.watchedAt = updatedAt;
    }
    if (reaction !== undefined) {
      e.rating = RATING[reaction];
      if (updatedAt !== undefined) e.ratedAt = updatedAt;
    }
  });
  (file.data.episodes ?? []).forEach((raw, i) => {
    const episode = episodeSchema.safeParse(raw);
    if (!episode.success) return void skipped.push({ file: "episodes", line: i + 1, reason: "not an episode" });
    const e = entry("tv", episode.data.tmdbId);
    (e.episodes ??= []).push({
      season: episode.data.season,
      episode: episode.data.episode,
      ...(episode.data.updatedAt !== undefined ? { watchedAt: episode.data.updatedAt } : {}),
    });
  });
  const rows = file.data.watch_items.length + (file.data.episodes?.length ?? 0);
  if (entries.size === 0) throw new ImportFileError("That export holds no titles to import.");
  return { source: "filmfanatic", entries: [...entries.values()], skipped, rows };
}
