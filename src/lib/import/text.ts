// Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark (what
// Excel's "Unicode text" writes). Anything else that is not valid UTF-8 is refused: Windows-1252
// and Latin-1 can't be told apart from each other reliably, and a wrong guess would import
// garbled titles silently.
import { Inflate } from "fflate";
import { IMPORT_LIMITS, ImportFileError, megabytes } from "./limits.ts";
import { nextTurn } from "../next-turn.ts";

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(8192, bytes.length >> 1));
  for (let at = 2; at + 1 < bytes.length;) {
    let n = 0;
    for (; n < units.length && at + 1 < bytes.length; n++, at += 2) {
      units[n] = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
    }
    parts.push(String.fromCharCode(...units.subarray(0, n)));
  }
  return parts.join("");
}

/** The text of one file; `file` names it in the refusal. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, false);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new ImportFileError("imports.refused.notUtf8", { name: file });
  }
}

/** Inflates raw DEFLATE data a chunk at a time, refusing as soon as it passes `budget` bytes. */
export async function inflateLimited(data: Uint8Array, budget: number, refusal: () => ImportFileError): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  let total = 0;
  let failed: ImportFileError | null = null;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget) failed ??= refusal();
    else out.push(chunk);
  });
  // 16 KB in: at most ~16 MB out per step, even from a bomb; a turn of the loop between steps.
  const step = 16 * 1024;
  for (let at = 0; at < data.length && failed === null; at += step) {
    try {
      inflate.push(data.subarray(at, at + step), at + step >= data.length);
    } catch {
      throw new ImportFileError("imports.refused.damagedArchive");
    }
    if (at % (step * 64) === 0) await nextTurn();
  }
  if (failed !== null) throw failed;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of out) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** A .gz file's content, refused past the uncompressed limit. */
export async function gunzipLimited(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  // A gzip member: 10-byte header (+ optional fields), DEFLATE data, 8-byte trailer.
  const flags = bytes[3] ?? 0;
  let at = 10;
  if (flags & 4) at += 2 + ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8));
  if (flags & 8) while (at < bytes.length && bytes[at++] !== 0);
  if (flags & 16) while (at < bytes.length && bytes[at++] !== 0);
  if (flags & 2) at += 2;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8 || at >= bytes.length) {
    throw new ImportFileError("imports.refused.notGzip", { name });
  }
  const limit = IMPORT_LIMITS.maxUncompressedBytes;
  return inflateLimited(
    bytes.subarray(at, Math.max(at, bytes.length - 8)),
    limit,
    () => new ImportFileError("imports.refused.gzipExpands", { name, max: megabytes(limit) }),
  );
}
