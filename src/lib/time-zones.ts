// IANA time zones as people type them: the list for autocomplete, suggestions for a partial
// name, and a bare city ("Berlin") resolved to its zone.
import { isTimeZone } from "../../convex/model/sessionTimes.ts";

let zoneList: string[] | null = null;

/** Every IANA zone the runtime knows, UTC included (for autocomplete). */
export function timeZones(): string[] {
  if (zoneList === null) {
    const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    zoneList = [...new Set(["UTC", ...listed])];
  }
  return zoneList;
}

/** Up to `limit` zones matching what was typed ("berl", "new york", "kolkata"). */
export function suggestTimeZones(typed: string, limit = 25): string[] {
  const words = typed.toLowerCase().replace(/[_/]/g, " ").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const all = timeZones();
  if (words.length === 0) return all.slice(0, limit);
  const hits = all.filter((z) => {
    const name = z.toLowerCase().replace(/[_/]/g, " ");
    return words.every((w) => name.includes(w));
  });
  // Zones whose city starts with the text first.
  const city = (z: string) =>
    z
      .slice(z.lastIndexOf("/") + 1)
      .toLowerCase()
      .replace(/_/g, " ");
  hits.sort((a, b) => Number(!city(a).startsWith(words[0]!)) - Number(!city(b).startsWith(words[0]!)));
  return hits.slice(0, limit);
}

/**
 * A zone people can be in: a region/city name ("Europe/Berlin") or UTC. Abbreviations the runtime
 * also accepts ("EST", "CET") are fixed offsets that ignore daylight saving, so they are not.
 */
export function isCityZone(name: string): boolean {
  return name === "UTC" || (name.includes("/") && isTimeZone(name));
}

/**
 * A zone as typed: a region/city name as it is, else the one zone whose city it names ("berlin" is
 * Europe/Berlin, "new york" America/New_York). Anything else comes back as typed, for the caller to
 * refuse with its own words — never a zone that merely contains the letters ("uk" is not Pacific/Truk).
 */
export function resolveTimeZone(typed: string): string {
  const name = typed.trim();
  if (isCityZone(name)) return name;
  const key = name.toLowerCase().replace(/\s+/g, "_");
  const exact = timeZones().filter((z) => z.includes("/") && z.slice(z.lastIndexOf("/") + 1).toLowerCase() === key);
  return exact.length === 1 ? exact[0]! : name;
}
