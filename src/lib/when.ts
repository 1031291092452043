// Times people type for a watch-along ("friday 21:00", "tomorrow 8pm", "in 2h",
// "2026-12-04 20:30"), read in the scheduler's own IANA zone.
//
// chrono-node takes a reference zone only as an abbreviation or a fixed offset, which is an
// hour wrong across a DST change. So chrono reads the zone's *wall clock* as if it were UTC
// (timezone 0, forwardDate), and the wall time it finds is turned back into an instant in the
// zone (convex/model/sessionTimes.ts, from Intl's own zone data) — checking that the wall time exists once that day (not skipped when
// clocks go forward, not repeated when they go back). Pure durations ("in 2h") are added to now.
import * as chrono from "chrono-node";
import { plain } from "../views/text.ts";
import {
  dateOrder,
  describeSpan,
  describeWall,
  isoWall,
  MONTH_NAMES,
  MONTHS,
  ordinal,
  pad,
  YMD_LOCALE,
  type DateOrder,
} from "./when-words.ts";
import { addDays, instantsOf, isTimeZone, offsetAt, wallOf, type Wall } from "../../convex/model/sessionTimes.ts";

export { isTimeZone, nextWeekly } from "../../convex/model/sessionTimes.ts";

/** The longest text read: the command option's own limit, so the work per input is bounded. */
export const WHEN_MAX_LENGTH = 100;
/** How far ahead a session may be scheduled. */
export const WHEN_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;
/** A time closer than this is "now", which is not a time to schedule for. */
export const WHEN_MIN_AHEAD_MS = 60 * 1000;

export type WhenRefusal = "empty" | "too-long" | "unreadable" | "ambiguous" | "nonexistent" | "past" | "too-far" | "zone";

export type When =
  | {
      ok: true;
      /** The instant, in milliseconds since the epoch. */
      at: number;
      zone: string;
      /** The wall time in the zone, e.g. "Fri 4 Dec 2026, 21:00 (Europe/Berlin)". */
      wall: string;
      /** "in 2h": added to now rather than read as a wall time. */
      relative: boolean;
    }
  /** `suggestions`: what the person could type instead, first the likeliest. */
  | { ok: false; reason: WhenRefusal; message: string; suggestions?: string[] };

const EXAMPLES = `"friday 21:00", "tomorrow 8pm", "in 2h" or "2026-12-04 20:30"`;

/** Characters that show as nothing: controls, format characters (bidi controls, zero-width), separators other than a space. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu;

/**
 * A piece of what was typed, quoted back safely: markdown-inert, without bidirectional controls
 * (which would reorder the bot's own words around it), cut short. Text that is nothing but
 * invisible or control characters is named by its code points, since quoting it would show "".
 */
function quoted(text: string, max = 40): string {
  const visible = text.replace(INVISIBLE, "").trim();
  if (visible === "") {
    const points = [...new Set([...text].filter((c) => c.replace(INVISIBLE, "") === ""))].slice(0, 3);
    const names = points.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(", ");
    return `the invisible characters${names === "" ? "" : ` (${names})`}`;
  }
  return `"${plain(text.replace(INVISIBLE, ""), max)}"`;
}

function refuse(reason: WhenRefusal, message: string, ...suggestions: string[]): When {
  if (suggestions.length === 0) return { ok: false, reason, message };
  return { ok: false, reason, message: `${message} Try ${suggestions.map((s) => `**${plain(s, 60)}**`).join(" or ")}.`, suggestions };
}

/** Hours written as 24-hour clock ("08:30", "20:30") or with am/pm need no guessing. */
function hourIsClear(result: chrono.ParsedResult): boolean {
  const start = result.start;
  if (start.isCertain("meridiem")) return true;
  const hour = start.get("hour") ?? 0;
  if (hour === 0 || hour >= 12) return true;
  // "noon", "midnight" and "morning" say which half of the day.
  if ([...result.tags()].some((tag) => tag.startsWith("casualReference/"))) return true;
  // A leading zero ("08:30") or an ISO date ("2026-12-04 10:30") is the 24-hour clock.
  return /(^|[^\d:.])0\d([:.h]|\b)/.test(result.text) || /\d{4}-\d{1,2}-\d{1,2}/.test(result.text);
}

/** Words around a time that say nothing about it ("at 9pm on friday", "around 20:00 please"). */
const FILLER = new Set([
  "at",
  "on",
  "in",
  "around",
  "about",
  "approx",
  "approximately",
  "the",
  "this",
  "coming",
  "by",
  "for",
  "from",
  "starting",
  "start",
  "ish",
  "please",
  "pls",
  "plz",
  "and",
  "or",
  "so",
  "then",
  "sharp",
  "o'clock",
  "oclock",
  "my",
  "our",
  "local",
  "time",
]);
/** Words that ask for a repeat, which is an option of its own. */
const REPEAT_WORDS = /\b(every|weekly|each week)\b/i;

/**
 * Leftover text that isn't filler means part of the time was not understood: digits ("4.12. 20:30"),
 * or a word chrono doesn't know — a misspelt or non-English day ("fridya 21:00", "Freitag 21:00")
 * would otherwise be dropped and the session land on the wrong day.
 */
function unreadLeftover(input: string, result: chrono.ParsedResult): string | null {
  const left = `${input.slice(0, result.index)} ${input.slice(result.index + result.text.length)}`.trim();
  if (/\d/.test(left)) return left;
  const words = left
    .toLowerCase()
    .split(/[\s,;.!?()\-–—]+/u)
    .filter((w) => w !== "");
  return words.some((w) => !FILLER.has(w)) ? left : null;
}

/**
 * "21h", "21h30", "9h": the French and German way to write a time of day (24-hour), which chrono
 * would read as a duration. Only without a word that makes it one ("in 21h", "21h from now").
 */
function clockHours(input: string): string {
  if (/\b(in|from now|later|hence)\b/i.test(input)) return input;
  return input.replace(
    /(?<![\d:.])([01]?\d|2[0-3])\s?h(?:([0-5]\d)\b|(?![a-z\d]))/giu,
    (_m, h: string, m?: string) => `${pad(Number(h))}:${m ?? "00"}`,
  );
}

/**
 * A numeric date ("11/12", "11/12/2026", "11.12.", "11.12.2026") rewritten with its month named,
 * read in the person's order — or a refusal when the order matters and nothing settles it.
 * Dots are day first (11.12. is 11 December wherever it is written so), except where dates are
 * written year-month-day (Hungarian "12.11." is 11 December): there an ambiguous one is refused too.
 */
function numericDate(input: string, order: DateOrder, today: Wall, ymdLocale: boolean): { text: string } | { refusal: When } {
  const match = /(?<![\d/.:-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.)?(?![\d/:]|\.\d)/u.exec(input);
  if (!match) return { text: input };
  const [whole, a, sep, b, yearText, trailingDot] = match;
  // "20.30" is a time; a dotted date needs its trailing dot or a year ("11.12.", "11.12.2026").
  if (sep === "." && yearText === undefined && trailingDot === undefined) return { text: input };
  const first = Number(a);
  const second = Number(b);
  const year = yearText === undefined ? undefined : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const valid = (day: number, month: number) =>
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  const readings: { day: number; month: number }[] = [];
  if (valid(first, second)) readings.push({ day: first, month: second });
  if (first !== second && valid(second, first)) readings.push({ day: second, month: first });
  if (readings.length === 0)
    return {
      refusal: refuse("unreadable", `${whole.replace(/\.$/, "")} isn't a date — write it as year-month-day, e.g. 2026-12-04 20:30.`),
    };
  let reading = readings[0]!;
  if (readings.length === 2 && (sep === "/" || ymdLocale)) {
    if (order === null) {
      // The next such day, as chrono would read it.
      const nextYear = (r: { day: number; month: number }) =>
        r.month * 100 + r.day < today.month * 100 + today.day ? today.year + 1 : today.year;
      const iso = (r: { day: number; month: number }) => `${year ?? nextYear(r)}-${pad(r.month)}-${pad(r.day)}`;
      return {
        refusal: refuse(
          "ambiguous",
          `Is ${whole} the ${ordinal(readings[0]!.day)} of ${MONTH_NAMES[readings[0]!.month - 1]} or the ${ordinal(readings[1]!.day)} of ${MONTH_NAMES[readings[1]!.month - 1]}? Write the date as year-month-day (${iso(readings[0]!)} or ${iso(readings[1]!)}), or with the month's name (${readings[0]!.day} ${MONTHS[readings[0]!.month - 1]}).`,
        ),
      };
    }
    reading = order === "DM" ? readings[0]! : readings[1]!;
  }
  const named = `${reading.day} ${MONTH_NAMES[reading.month - 1]}${year === undefined ? "" : ` ${year}`}`;
  return { text: `${input.slice(0, match.index)}${named}${input.slice(match.index + whole.length)}` };
}

/**
 * What to suggest for a day named without a time ("tonight", "friday", "next week"): that day at
 * 20:00, or — when that has passed — the next half hour at least half an hour ahead, that day. Only a
 * suggestion that reads as a time still ahead is offered.
 */
function timeOfDaySuggestion(dayText: string, zone: string, now: number, locale: string | undefined): string[] {
  const nowWall = wallOf(now, zone);
  const candidates = [`${dayText} 20:00`];
  for (let minutes = nowWall.hour * 60 + nowWall.minute + 30; minutes < 24 * 60; minutes++) {
    if (minutes % 30 === 0) {
      candidates.push(`${dayText} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
      break;
    }
  }
  candidates.push("tomorrow 20:00");
  const ahead = candidates.find((c) => parseWhen(c, { zone, now, locale }).ok);
  return ahead === undefined ? [] : [ahead];
}

/**
 * Reads `text` as a time in `zone`, relative to `now` (ms). Never throws; refusals carry a
 * message for the person and, where one helps, a suggestion they can type instead — always one
 * that reads as a time still ahead. `locale` (the interaction's, e.g. "de") says how numeric dates
 * like 11/12 are read; without it, one that could be either day or month first is refused.
 */
export function parseWhen(text: string, options: { zone: string; now: number; locale?: string }): When {
  const { zone, now, locale } = options;
  if (!isTimeZone(zone)) return refuse("zone", `I don't know the time zone ${quoted(String(zone), 64)}.`);
  if (typeof text !== "string") return refuse("empty", `Say when, e.g. ${EXAMPLES}.`);
  if (text.length > WHEN_MAX_LENGTH)
    return refuse("too-long", `That's too long for a time (at most ${WHEN_MAX_LENGTH} characters) — e.g. ${EXAMPLES}.`);
  const input = text
    // eslint-disable-next-line no-control-regex -- control characters typed into a time read as spaces
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (input === "") return refuse("empty", `Say when, e.g. ${EXAMPLES}.`);

  // chrono reads an impossible ISO date ("2026-13-01") as some other day; say it isn't one.
  const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(input);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
    if (day < 1 || day > days)
      return refuse(
        "unreadable",
        `${iso[0]} isn't a date (year-month-day: months run 1–12, and ${month >= 1 && month <= 12 ? `that month has ${days} days` : "days 1–31"}).`,
      );
  }

  const dated = numericDate(clockHours(input), dateOrder(locale, zone), wallOf(now, zone), YMD_LOCALE.test((locale ?? "").toLowerCase()));
  if ("refusal" in dated) return dated.refusal;
  const read = dated.text;

  // The zone's wall clock, handed to chrono as if it were UTC.
  const nowWall = wallOf(now, zone);
  const wallInstant = new Date(
    Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day, nowWall.hour, nowWall.minute, new Date(now).getUTCSeconds()),
  );
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(read, { instant: wallInstant, timezone: 0 }, { forwardDate: true });
  } catch {
    results = [];
  }
  if (results.length === 0) return refuse("unreadable", `I couldn't read a time in that — say it like ${EXAMPLES}.`);
  if (results.length > 1) {
    return refuse(
      "ambiguous",
      `That names more than one time (${results
        .slice(0, 3)
        .map((r) => quoted(r.text))
        .join(", ")}) — give one.`,
    );
  }
  const result = results[0]!;
  if (REPEAT_WORDS.test(input)) return refuse("unreadable", `Give one time here, like ${EXAMPLES}; for every week, add \`repeat:weekly\`.`);
  // A zone written into the time would be read as the scheduler's own, hours off: the zone is an option.
  // chrono marks the offset certain itself only for a duration ("in 2h") and "now"; any other was
  // typed ("tomorrow 8pm EST", "20:00 +05:00").
  if (
    result.start.isCertain("timezoneOffset") &&
    ![...result.tags()].some((tag) => tag === "result/relativeDate" || tag === "casualReference/now")
  )
    return refuse(
      "unreadable",
      `I read times in your time zone (${zone}) — leave the zone out of ${quoted(result.text)}, or pick another with \`zone:\`.`,
    );
  const leftover = unreadLeftover(read, result);
  if (leftover !== null)
    return refuse("unreadable", `I read ${quoted(result.text)} but not ${quoted(leftover)} — say the whole time like ${EXAMPLES}.`);
  if (result.end !== undefined && result.end !== null)
    return refuse("ambiguous", `That's a range (${quoted(result.text)}) — give the time it starts.`);

  const tags = [...result.tags()];
  const tomorrowAt = (w: Wall) => isoWall({ ...addDays(nowWall, 1), hour: w.hour, minute: w.minute });
  // "next week", "in 3 days": a day without a time of day, refused like "friday" is; with one
  // ("next week 20:00") it is a wall time, read below.
  if (tags.includes("result/relativeDate") && !tags.includes("result/relativeDateAndTime") && !result.start.isCertain("hour")) {
    // A day too far or already gone is refused as such: no time of day would make it schedulable.
    const days = Math.round(
      (Date.UTC(result.start.get("year")!, result.start.get("month")! - 1, result.start.get("day")!) -
        Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day)) /
        86_400_000,
    );
    if (days * 86_400_000 > WHEN_MAX_AHEAD_MS) return refuse("too-far", TOO_FAR);
    if (days < 0)
      return refuse(
        "past",
        `${quoted(result.text)} is in the past — a time counts forward from now.`,
        ...negativeDuration(result.text, zone, now),
      );
    return refuse(
      "ambiguous",
      `At what time ${quoted(result.text)}? Add the time, 24-hour or with am/pm.`,
      ...timeOfDaySuggestion(result.text, zone, now, locale),
    );
  }
  if (tags.includes("result/relativeDateAndTime")) {
    // "in 2h": the same span added to the real now (chrono added it to the wall clock).
    const at = now + (result.start.date().getTime() - wallInstant.getTime());
    // "in -3h", "3 hours ago": a span back from now, said so, with the span forward as the suggestion.
    if (at < now)
      return refuse(
        "past",
        `That's ${describeSpan(now - at)} ago — a time counts forward from now.`,
        ...negativeDuration(result.text, zone, now),
      );
    return finish(at, zone, now, true, null, tomorrowAt);
  }

  const start = result.start;
  if (!start.isCertain("hour")) {
    return refuse(
      "ambiguous",
      `At what time on ${quoted(result.text)}? Add the time, 24-hour or with am/pm.`,
      ...timeOfDaySuggestion(result.text, zone, now, locale),
    );
  }
  let wall: Wall = {
    year: start.get("year")!,
    month: start.get("month")!,
    day: start.get("day")!,
    hour: start.get("hour")!,
    minute: start.get("minute") ?? 0,
  };
  const night = tags.includes("casualReference/tonight") ? tonight(read, nowWall, zone, now) : null;
  if (night !== null && "refusal" in night) return night.refusal;
  if (night !== null) wall = night.wall;
  else if (!hourIsClear(result)) {
    const morning = isoWall(wall);
    const evening = isoWall({ ...wall, hour: wall.hour + 12 });
    const ahead = [evening, morning].filter((s) => parseWhen(s, { zone, now }).ok);
    return refuse(
      "ambiguous",
      `Is that ${pad(wall.hour)}:${pad(wall.minute)} in the morning or ${pad(wall.hour + 12)}:${pad(wall.minute)} in the evening?`,
      ...ahead,
    );
  }
  let instants = instantsOf(wall, zone);
  // chrono moves an unnamed date forward only past times; one within the minute is "now"
  // too, so "friday 21:00" said on Friday at 21:00 is next Friday, and "21:00" is tomorrow.
  if (!start.isCertain("day") && instants.length > 0 && instants[0]! < now + WHEN_MIN_AHEAD_MS) {
    wall = addDays(wall, start.isCertain("weekday") ? 7 : 1);
    instants = instantsOf(wall, zone);
  }
  if (instants.length === 0) {
    // The hour clocks skip: suggest the same minute an hour later, which exists.
    // Read with the offset from before the change, the skipped wall time lands just after it.
    const later = wallOf(
      Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) -
        offsetAt(zone, Date.UTC(wall.year, wall.month - 1, wall.day) - 86_400_000) * 60_000,
      zone,
    );
    return refuse("nonexistent", `${isoWall(wall)} doesn't exist in ${zone}: the clocks go forward that night.`, isoWall(later));
  }
  if (instants.length > 1) {
    const before = wallOf(instants[0]! - 3_600_000, zone);
    const after = wallOf(instants[instants.length - 1]! + 3_600_000, zone);
    return refuse(
      "ambiguous",
      `${isoWall(wall)} happens twice in ${zone}: the clocks go back that night.`,
      isoWall(before),
      isoWall(after),
    );
  }
  return finish(instants[0]!, zone, now, false, wall, tomorrowAt);
}

const TOO_FAR = "That's more than a year ahead — schedule something within a year.";

/** "in -3h" or "3h ago" → "in 3h": the same span forward, when that reads as a time ahead. */
function negativeDuration(text: string, zone: string, now: number): string[] {
  const span = text
    .replace(/^\s*in\s+/i, "")
    .replace(/[-−]\s*(?=\d)/g, "")
    .replace(/\s+ago\s*$/i, "")
    .trim();
  if (span === text.trim()) return [];
  const forward = `in ${span}`;
  return parseWhen(forward, { zone, now }).ok ? [forward] : [];
}

/** Hours people mean as "after midnight" when they say tonight: 00:00 to 05:59. */
const SMALL_HOURS_END = 6;

/**
 * "tonight" with a time: chrono reads its hour as the evening's ("tonight 00:30" as 12:30, "tonight
 * 1am" as this morning's). A small-hours time (00:30, 01:00, 1am, 12am, 12:30) is the coming night's,
 * after midnight: tomorrow's date until 06:00, today's when said in the small hours themselves (a
 * time already gone then is refused as passed, with the next night's as the suggestion). "tonight
 * 1:30", which could as well be 13:30, is asked about; evening hours ("tonight 9pm", "tonight 11:30")
 * are chrono's reading, returned as null.
 */
function tonight(read: string, nowWall: Wall, zone: string, now: number): { wall: Wall } | { refusal: When } | null {
  if (!/\btonight\b/i.test(read)) return null;
  // The time as said, without the evening chrono assumes for tonight.
  const [said] = chrono.parse(read.replace(/\btonight\b/i, "today"), {
    instant: new Date(Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day, 12)),
    timezone: 0,
  });
  if (said === undefined || !said.start.isCertain("hour")) return null;
  let hour = said.start.get("hour")!;
  const minute = said.start.get("minute") ?? 0;
  const meridiem = said.start.isCertain("meridiem");
  // "tonight 12:30" is half past midnight: noon is not tonight.
  if (hour === 12 && !meridiem) hour = 0;
  if (hour >= SMALL_HOURS_END) return null;
  const day = nowWall.hour < SMALL_HOURS_END ? nowWall : addDays(nowWall, 1);
  const wall = { year: day.year, month: day.month, day: day.day, hour, minute };
  if (meridiem || hour === 0 || /(^|[^\d:.])0\d([:.h]|\b)/.test(said.text)) return { wall };
  const ahead = [isoWall(wall), isoWall({ ...nowWall, hour: hour + 12, minute })].filter((s) => parseWhen(s, { zone, now }).ok);
  return {
    refusal: refuse(
      "ambiguous",
      `Is that ${pad(hour)}:${pad(minute)} after midnight or ${pad(hour + 12)}:${pad(minute)} in the afternoon?`,
      ...ahead,
    ),
  };
}

function finish(at: number, zone: string, now: number, relative: boolean, wall: Wall | null, tomorrowAt: (w: Wall) => string): When {
  if (at < now + WHEN_MIN_AHEAD_MS) {
    const message = `${describeWall(at, zone)} has already passed.`;
    // The same clock time tomorrow is the likeliest meaning of a time that has passed.
    return wall === null ? refuse("past", message) : refuse("past", message, tomorrowAt(wall));
  }
  if (at > now + WHEN_MAX_AHEAD_MS) return refuse("too-far", TOO_FAR);
  return { ok: true, at, zone, wall: describeWall(at, zone), relative };
}
