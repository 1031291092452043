// Wall clocks in IANA zones, shared by the bot's time parser (src/lib/when.ts) and the session
// timers here: a weekly session stays at 21:00 in its zone across DST changes.
//
// Read straight from Intl.DateTimeFormat rather than through @date-fns/tz's TZDate: TZDate
// subclasses the global Date as it is when first imported, and under a fake clock (vitest's, as
// the embedded engine runs Convex modules) that subclass reads every zone as UTC.

export interface Wall {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const zoneCache = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    ok = true;
  } catch {
    ok = false;
  }
  if (zoneCache.size < 1_000) zoneCache.set(zone, ok);
  return ok;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `zone` reads at `at`, to the minute. */
export function wallOf(at: number, zone: string): Wall {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    if (formats.size < 500) formats.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

export const sameWall = (a: Wall, b: Wall) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/** The offset (minutes east of UTC) `zone` has at `at`. */
export function offsetAt(zone: string, at: number): number {
  const w = wallOf(at, zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * Every instant whose wall clock in `zone` reads `wall`: one normally, none in the hour skipped
 * when clocks go forward, two in the hour repeated when they go back.
 */
export function instantsOf(wall: Wall, zone: string): number[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = new Set<number>();
  // Probes a day and a half either side see the offsets on both sides of any change that night.
  for (const probe of [asUtc - 36 * 3_600_000, asUtc - 12 * 3_600_000, asUtc, asUtc + 12 * 3_600_000, asUtc + 36 * 3_600_000]) {
    offsets.add(offsetAt(zone, probe));
  }
  const found = new Set<number>();
  for (const minutes of offsets) {
    const candidate = asUtc - minutes * 60_000;
    if (sameWall(wallOf(candidate, zone), wall)) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/** `days` calendar days after `wall`, same clock time. */
export function addDays(wall: Wall, days: number): Wall {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days, wall.hour, wall.minute));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: wall.hour, minute: wall.minute };
}

/**
 * The same wall time a week later in `zone` (21:00 stays 21:00 across a DST change). When
 * that wall time is skipped or repeated that night: the earliest instant that reads it, or
 * exactly 7 × 24 h later when none does.
 */
export function nextWeekly(at: number, zone: string): number {
  const instants = instantsOf(addDays(wallOf(at, zone), 7), zone);
  return instants[0] ?? at + 7 * 86_400_000;
}
