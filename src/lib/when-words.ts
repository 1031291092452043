// How times are written back to people: wall times, short poll answers, spans, ordinals and
// the order a locale writes numeric dates in.
import { wallOf, type Wall } from "../../convex/model/sessionTimes.ts";

export const pad = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-04 20:30": the form every suggestion uses, since it is never ambiguous. */
export function isoWall(w: Wall): string {
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Fri 4 Dec 2026, 21:00 (Europe/Berlin)". */
export function describeWall(at: number, zone: string): string {
  const w = wallOf(at, zone);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
  return `${weekday} ${w.day} ${MONTHS[w.month - 1]} ${w.year}, ${pad(w.hour)}:${pad(w.minute)} (${zone})`;
}

/** "Fri 4 Dec, 21:00 (Berlin)": short enough for a poll answer (≤ 55 characters). */
export function shortWall(at: number, zone: string): string {
  const w = wallOf(at, zone);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
  const city = zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
  return `${weekday} ${w.day} ${MONTHS[w.month - 1]}, ${pad(w.hour)}:${pad(w.minute)} (${city})`.slice(0, 55);
}

/** How a locale writes a short numeric date: day first (31/12), month first (12/31), or unknown. */
export type DateOrder = "DM" | "MD" | null;

/**
 * The order a person's numeric dates are read in. Discord's `locale` settles it, except en-US:
 * it is Discord's default English, used far beyond the US, so it settles month-first only for
 * someone whose zone is in the Americas. Anything else (no locale, en-US in Berlin) settles nothing.
 */
export function dateOrder(locale: string | undefined, zone: string): DateOrder {
  if (locale === undefined || locale === "") return null;
  const lang = locale.toLowerCase();
  if (lang === "en-us") return zone.startsWith("America/") || zone === "Pacific/Honolulu" ? "MD" : null;
  // Chinese, Japanese and Korean short dates are month first (12/31).
  if (/^(zh|ja|ko)\b/.test(lang)) return "MD";
  // Hungarian and Lithuanian write year-month-day, so a short date could go either way.
  if (YMD_LOCALE.test(lang)) return null;
  return /^[a-z]{2,3}(-|$)/.test(lang) ? "DM" : null;
}

export const YMD_LOCALE = /^(hu|lt)\b/;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "3 hours", "2 days", "45 minutes": a span, roughly, in its largest whole unit. */
export function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [n, unit] =
    minutes >= 2 * 24 * 60
      ? [Math.round(minutes / (24 * 60)), "day"]
      : minutes >= 120
        ? [Math.round(minutes / 60), "hour"]
        : [minutes, "minute"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
