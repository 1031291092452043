// Reading a ZIP someone attached, defensively. The central directory is read first and the whole
// archive refused on what it declares (too many members, too large in total, a member that would
// expand more than any text file does, another archive inside, encryption, ZIP64); then only the
// members wanted are inflated, a chunk at a time, and refused again the moment what they actually
// expand to passes the limit (a header can lie). Member names are never used as paths: names
// that try to climb out of the archive ("../", "/etc", "C:\") are left unread and reported.
import { IMPORT_LIMITS, ImportFileError, megabytes } from "./limits.ts";
import { inflateLimited } from "./text.ts";

export interface ZipMember {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const ARCHIVE = /\.(zip|gz|tgz|tar|7z|rar|bz2|xz|zst)$/i;
const UNSAFE = /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-z]:/i;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const damaged = () => new ImportFileError("imports.refused.zipDamaged");

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** The central directory's members, after the checks that need nothing inflated. */
export function zipDirectory(bytes: Uint8Array): ZipMember[] {
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535 bytes, at the end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = u16(bytes, end + 10);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new ImportFileError("imports.refused.zip64Far", { max: megabytes(IMPORT_LIMITS.maxUncompressedBytes) });
  }
  if (count > IMPORT_LIMITS.maxZipEntries) {
    throw new ImportFileError("imports.refused.zipCount", { count, max: IMPORT_LIMITS.maxZipEntries });
  }
  const members: ZipMember[] = [];
  let declared = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged();
    const nameLength = u16(bytes, at + 28);
    const member: ZipMember = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (member.name.endsWith("/")) continue;
    if (member.size === 0xffffffff || member.compressedSize === 0xffffffff) {
      throw new ImportFileError("imports.refused.zip64");
    }
    if (member.flags & 1) {
      throw new ImportFileError("imports.refused.zipPassword");
    }
    if (ARCHIVE.test(member.name) && !UNSAFE.test(member.name)) {
      throw new ImportFileError("imports.refused.zipNested", { name: clipName(member.name) });
    }
    declared += member.size;
    if (declared > IMPORT_LIMITS.maxUncompressedBytes) {
      throw new ImportFileError("imports.refused.zipExpands", { max: megabytes(IMPORT_LIMITS.maxUncompressedBytes) });
    }
    if (member.size > 1024 * 1024 && member.size > member.compressedSize * IMPORT_LIMITS.maxCompressionRatio) {
      throw new ImportFileError("imports.refused.zipBomb", { name: clipName(member.name) });
    }
    members.push(member);
  }
  return members;
}

export function clipName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.length > 60 ? `${base.slice(0, 60)}…` : base;
}

/** Whether a member's name is a path that tries to leave the archive. */
export function unsafeName(name: string): boolean {
  return UNSAFE.test(name) || name.includes("\0");
}

/**
 * The members `wanted` says to read, inflated, in archive order. `budget` is shared across the
 * calls for one file so the actual total is bounded too.
 */
export async function readMember(bytes: Uint8Array, member: ZipMember, budget: { left: number }): Promise<Uint8Array> {
  const at = member.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw damaged();
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + member.compressedSize);
  if (data.length !== member.compressedSize) throw damaged();
  const tooBig = () => new ImportFileError("imports.refused.zipExpands", { max: megabytes(IMPORT_LIMITS.maxUncompressedBytes) });
  // A member that expands past what it declared is a lie worth refusing on its own, whatever the budget.
  const lie = () => new ImportFileError("imports.refused.zipLie", { name: clipName(member.name) });
  const cap = Math.min(budget.left, member.size);
  let out: Uint8Array;
  if (member.method === 0) out = data;
  else if (member.method === 8) out = await inflateLimited(data, cap, cap === member.size ? lie : tooBig);
  else throw new ImportFileError("imports.refused.zipMethod", { name: clipName(member.name) });
  if (out.length > member.size) throw lie();
  budget.left -= out.length;
  if (budget.left < 0) throw tooBig();
  return out;
}
