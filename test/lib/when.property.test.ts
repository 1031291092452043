// Session times typed in people's own zones, checked against an oracle that shares no code with
// the parser: Intl's own formatting of candidate instants (every zone's offset is a multiple of
// 15 minutes, so scanning ±14 h in 15-minute steps finds every instant with a given wall time).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextWeekly, parseWhen, WHEN_MAX_AHEAD_MS, WHEN_MIN_AHEAD_MS } from "../../src/lib/when.ts";
import { isCityZone, resolveTimeZone } from "../../src/lib/time-zones.ts";

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"] as const;
type Zone = (typeof ZONES)[number];

/** Days the clocks change (Kolkata has none: these are ordinary days there). */
const DST_DAYS: Record<Zone, string[]> = {
  "Europe/Berlin": ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"],
  "America/New_York": ["2026-03-08", "2026-11-01", "2027-03-14", "2027-11-07"],
  "Asia/Kolkata": ["2026-03-29", "2026-10-25", "2027-03-14", "2027-11-07"],
  "Australia/Lord_Howe": ["2026-04-05", "2026-10-04", "2027-04-04", "2027-10-03"],
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function oracleWall(at: number, zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday! };
}

/** Every instant whose wall clock in `zone` reads `date time`. */
function oracleInstants(date: string, time: string, zone: string): number[] {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, h!, min!);
  const found: number[] = [];
  for (let k = -14 * 4; k <= 14 * 4; k++) {
    const candidate = asUtc + k * 15 * 60_000;
    const w = oracleWall(candidate, zone);
    if (w.date === date && w.time === time) found.push(candidate);
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

const zone = fc.constantFrom(...ZONES);
/** Any moment from 2026 to mid-2027, at any second. */
const moment = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 5, 1) });
const clock = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });

/** What a wall time typed as "YYYY-MM-DD HH:mm" must give: the one instant, or a refusal saying why. */
function expectWallTime(text: string, date: string, time: string, z: string, now: number) {
  const result = parseWhen(text, { zone: z, now });
  const instants = oracleInstants(date, time, z);
  if (instants.length === 1) {
    expect(result).toMatchObject({ ok: true, at: instants[0], zone: z, relative: false });
  } else if (instants.length === 0) {
    expect(result).toMatchObject({ ok: false, reason: "nonexistent" });
    // The suggestion is a time that exists.
    if (!result.ok) expect(parseWhen(result.suggestions![0]!, { zone: z, now }).ok).toBe(true);
  } else {
    expect(instants).toHaveLength(2);
    expect(result).toMatchObject({ ok: false, reason: "ambiguous" });
    if (!result.ok) for (const s of result.suggestions!) expect(parseWhen(s, { zone: z, now }).ok).toBe(true);
  }
}

describe("a date and time typed in the scheduler's zone", () => {
  it("is the instant whose wall clock there reads it, on any day", () => {
    fc.assert(
      fc.property(zone, moment, fc.integer({ min: 2, max: 300 }), clock, (z, now, days, { hour, minute }) => {
        const date = isoDate(now + days * DAY);
        const time = `${pad(hour)}:${pad(minute)}`;
        expectWallTime(`${date} ${time}`, date, time, z, now);
      }),
      { numRuns: 300 },
    );
  });

  it("is right on the days the clocks change: a skipped time is refused with one that exists, a repeated time is refused as ambiguous", () => {
    let skipped = 0;
    let repeated = 0;
    fc.assert(
      fc.property(
        zone.chain((z) => fc.tuple(fc.constant(z), fc.constantFrom(...DST_DAYS[z]))),
        fc.integer({ min: 2 * 3600, max: 20 * 86_400 }),
        fc.record({ hour: fc.constantFrom(0, 1, 2, 3, 4, 12, 21, 23), minute: fc.constantFrom(0, 15, 29, 30, 45, 59) }),
        ([z, date], secondsBefore, { hour, minute }) => {
          const time = `${pad(hour)}:${pad(minute)}`;
          const now = Date.parse(`${date}T00:00:00Z`) - 14 * 3_600_000 - secondsBefore * 1000;
          const n = oracleInstants(date, time, z).length;
          if (n === 0) skipped++;
          if (n === 2) repeated++;
          expectWallTime(`${date} ${time}`, date, time, z, now);
        },
      ),
      { numRuns: 400 },
    );
    // The generator did reach both kinds of DST hour.
    expect(skipped).toBeGreaterThan(0);
    expect(repeated).toBeGreaterThan(0);
  });
});

describe("a weekday and a time", () => {
  const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  const SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  it("is the next such wall time in the zone, within a week, across DST changes", () => {
    fc.assert(
      fc.property(
        zone,
        fc.oneof(
          moment,
          zone
            .chain(() => fc.constantFrom(...Object.values(DST_DAYS).flat()))
            .chain((d) => fc.integer({ min: -8 * DAY, max: DAY }).map((off) => Date.parse(`${d}T12:00:00Z`) + off)),
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.record({ hour: fc.integer({ min: 12, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
        (z, now, weekday, { hour, minute }) => {
          const time = `${pad(hour)}:${pad(minute)}`;
          const result = parseWhen(`${WEEKDAYS[weekday]} ${time}`, { zone: z, now });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const wall = oracleWall(result.at, z);
          expect(wall.weekday).toBe(SHORT[weekday]);
          expect(wall.time).toBe(time);
          expect(result.at).toBeGreaterThan(now);
          // The next one: a week earlier would already have passed.
          expect(result.at - now).toBeLessThanOrEqual(7 * DAY + 3_600_000);
          const weekEarlier = oracleInstants(isoDate(Date.parse(`${wall.date}T00:00:00Z`) - 7 * DAY), time, z);
          for (const earlier of weekEarlier) expect(earlier).toBeLessThan(now + WHEN_MIN_AHEAD_MS);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("without a time, or with an hour that could be morning or evening, is refused with suggestions that work", () => {
    fc.assert(
      fc.property(
        zone,
        moment,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 59 }),
        (z, now, weekday, hour, minute) => {
          const noTime = parseWhen(WEEKDAYS[weekday]!, { zone: z, now });
          expect(noTime).toMatchObject({ ok: false, reason: "ambiguous" });
          const halfDay = parseWhen(`${WEEKDAYS[weekday]} ${hour}:${pad(minute)}`, { zone: z, now });
          expect(halfDay).toMatchObject({ ok: false, reason: "ambiguous" });
          if (halfDay.ok) return;
          // Every suggestion works and is one of the two readings, the evening first. A reading is left
          // out when it has passed (the same weekday, later than it) or doesn't exist (clocks skip it).
          const offered = halfDay.suggestions ?? [];
          expect(offered.length).toBeLessThanOrEqual(2);
          const times = offered.map((suggestion) => {
            const read = parseWhen(suggestion, { zone: z, now });
            expect(read.ok).toBe(true);
            return read.ok ? oracleWall(read.at, z).time : "";
          });
          const readings = [`${pad(hour + 12)}:${pad(minute)}`, `${pad(hour)}:${pad(minute)}`];
          expect(readings.filter((t) => times.includes(t))).toEqual(times);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("tomorrow at a time", () => {
  it("is that time on the zone's next calendar day, or refused when the clocks skip or repeat it", () => {
    fc.assert(
      fc.property(
        zone,
        fc.oneof(
          moment,
          fc
            .constantFrom(...Object.values(DST_DAYS).flat())
            .chain((d) => fc.integer({ min: -2 * DAY, max: 0 }).map((off) => Date.parse(`${d}T12:00:00Z`) + off)),
        ),
        clock,
        (z, now, { hour, minute }) => {
          const time = `${pad(hour)}:${pad(minute)}`;
          const today = oracleWall(now, z).date;
          const tomorrow = isoDate(Date.parse(`${today}T12:00:00Z`) + DAY);
          expectWallTime(`tomorrow ${time}`, tomorrow, time, z, now);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a duration", () => {
  it("is added to now, whatever the clocks do meanwhile", () => {
    const unit = fc.constantFrom({ words: ["h", " hours", " hour"], ms: 3_600_000 }, { words: ["m", " minutes", " min"], ms: 60_000 });
    fc.assert(
      fc.property(
        zone,
        fc.oneof(
          moment,
          fc.constantFrom(...Object.values(DST_DAYS).flat()).map((d) => Date.parse(`${d}T00:30:00Z`)),
        ),
        fc.integer({ min: 1, max: 72 }),
        unit,
        fc.nat(2),
        (z, now, n, u, w) => {
          const result = parseWhen(`in ${n}${u.words[w]}`, { zone: z, now });
          expect(result).toMatchObject({ ok: true, at: now + n * u.ms, relative: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a time that has passed", () => {
  it("is refused, suggesting the same clock time tomorrow", () => {
    fc.assert(
      fc.property(
        zone,
        moment,
        fc.integer({ min: 2, max: 300 }),
        fc.record({ hour: fc.integer({ min: 12, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
        (z, now, days, { hour, minute }) => {
          const date = isoDate(now - days * DAY);
          const time = `${pad(hour)}:${pad(minute)}`;
          const result = parseWhen(`${date} ${time}`, { zone: z, now });
          expect(result).toMatchObject({ ok: false, reason: "past" });
          if (result.ok) return;
          const suggested = parseWhen(result.suggestions![0]!, { zone: z, now });
          expect(suggested.ok).toBe(true);
          if (suggested.ok) expect(oracleWall(suggested.at, z).time).toBe(time);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("weekly repeats", () => {
  it("keep the wall clock time in the zone a week later, across DST changes", () => {
    fc.assert(
      fc.property(
        zone,
        moment,
        fc.record({ hour: fc.integer({ min: 12, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
        (z, base, { hour, minute }) => {
          const date = isoDate(base);
          const time = `${pad(hour)}:${pad(minute)}`;
          const [at] = oracleInstants(date, time, z);
          const next = nextWeekly(at!, z);
          expect(oracleWall(next, z)).toEqual({ ...oracleWall(next, z), date: isoDate(Date.parse(`${date}T12:00:00Z`) + 7 * DAY), time });
          expect(Math.abs(next - at! - 7 * DAY)).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("any text at all", () => {
  it("gives a time within bounds or a refusal with a message, and never throws", () => {
    const alphabet = "0123456789 :-/.apmAPMinhoursdaytomorwfriuesnxt+";
    fc.assert(
      fc.property(
        zone,
        moment,
        fc.oneof(fc.string({ maxLength: 200, unit: "grapheme" }), fc.string({ maxLength: 120, unit: fc.constantFrom(...alphabet) })),
        (z, now, text) => {
          const result = parseWhen(text, { zone: z, now });
          if (result.ok) {
            expect(result.at).toBeGreaterThanOrEqual(now + WHEN_MIN_AHEAD_MS);
            expect(result.at).toBeLessThanOrEqual(now + WHEN_MAX_AHEAD_MS);
          } else {
            expect(result.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("refuses a word it doesn't know instead of dropping it, so a misspelt or foreign day never lands the session on another day", () => {
    const now = Date.UTC(2026, 10, 26, 11); // a Thursday
    for (const text of ["fridya 21:00", "Freitag 21:00", "vendredi 21:00", "friday 21:00 ish-ly"]) {
      expect(parseWhen(text, { zone: "Europe/Berlin", now })).toMatchObject({
        ok: false,
        reason: "unreadable",
        message: expect.stringContaining("but not"),
      });
    }
    // Words that only connect the parts are fine.
    for (const text of ["at 9pm on friday", "this friday at 21:00", "friday, 21:00 please", "around 21:00 on friday"]) {
      expect(parseWhen(text, { zone: "Europe/Berlin", now })).toMatchObject({ ok: true, wall: "Fri 27 Nov 2026, 21:00 (Europe/Berlin)" });
    }
  });

  it("takes the small words people add, points a repeat to repeat:weekly, and refuses a zone written into the time", () => {
    const now = Date.UTC(2026, 10, 26, 11);
    for (const text of [
      "this coming friday 21:00",
      "friday 21:00 my time",
      "friday 21:00 or so",
      "friday 9pm sharp",
      "friday 21:00 local time",
    ]) {
      expect(parseWhen(text, { zone: "Europe/Berlin", now })).toMatchObject({ ok: true, wall: "Fri 27 Nov 2026, 21:00 (Europe/Berlin)" });
    }
    expect(parseWhen("in 2 hours from now", { zone: "Europe/Berlin", now })).toMatchObject({ ok: true, at: now + 2 * 3_600_000 });
    for (const text of ["every friday 21:00", "friday 21:00 weekly"]) {
      expect(parseWhen(text, { zone: "Europe/Berlin", now })).toMatchObject({
        ok: false,
        message: expect.stringContaining("add `repeat:weekly`"),
      });
    }
    // Read as Berlin time these would be hours off.
    // "now" names no zone: it is refused as a time that has come, not as one with a zone in it.
    expect(parseWhen("now", { zone: "Europe/Berlin", now })).toMatchObject({
      ok: false,
      message: expect.not.stringContaining("leave the zone out"),
    });
    for (const text of ["friday 9pm EST", "friday 21:00 UTC", "friday 21:00 GMT+1", "2026-12-04T20:30:00Z"]) {
      expect(parseWhen(text, { zone: "Europe/Berlin", now })).toMatchObject({
        ok: false,
        message: expect.stringContaining("leave the zone out"),
      });
    }
  });

  it("refuses a date that doesn't exist rather than reading it as another", () => {
    const now = Date.UTC(2026, 10, 26, 11);
    expect(parseWhen("2026-13-01 20:00", { zone: "Europe/Berlin", now })).toMatchObject({
      ok: false,
      message: expect.stringContaining("2026-13-01 isn't a date"),
    });
    expect(parseWhen("2027-02-29 20:00", { zone: "Europe/Berlin", now })).toMatchObject({
      ok: false,
      message: expect.stringContaining("that month has 28 days"),
    });
    expect(parseWhen("2027-02-28 20:00", { zone: "Europe/Berlin", now })).toMatchObject({
      ok: true,
      wall: "Sun 28 Feb 2027, 20:00 (Europe/Berlin)",
    });
  });

  it("finds the zone a city names, and leaves anything unclear as typed for the caller to refuse", () => {
    expect(["berlin", "Berlin", " new york ", "Europe/Berlin", "UTC"].map(resolveTimeZone)).toEqual([
      "Europe/Berlin",
      "Europe/Berlin",
      "America/New_York",
      "Europe/Berlin",
      "UTC",
    ]);
    expect(resolveTimeZone("america")).toBe("america");
    expect(resolveTimeZone("Mars/Olympus_Mons")).toBe("Mars/Olympus_Mons");
    // Never a zone that merely contains the letters, and no fixed-offset abbreviation.
    expect(resolveTimeZone("uk")).toBe("uk");
    expect(resolveTimeZone("py")).toBe("py");
    expect(isCityZone(resolveTimeZone("EST"))).toBe(false);
  });

  it("refuses a zone that isn't one", () => {
    expect(parseWhen("friday 21:00", { zone: "Mars/Olympus_Mons", now: Date.UTC(2026, 10, 26) })).toMatchObject({
      ok: false,
      reason: "zone",
    });
  });
});
