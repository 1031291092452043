// What one import may hold and how the bot sends it to Convex: caps (checked by Convex whatever
// the bot sends), the staged part (an ImportEntry, or more episodes of the one before it), and the
// split of entries into parts and calls that stay inside Convex's argument and array limits.
// Runtime-neutral: the bot imports it too.
import { v, type Infer } from "convex/values";
import { importEntryValidator, type ImportEntry } from "../lib/importEntry";

export const IMPORT_CAPS = {
  /** Titles one import may hold (a 20,000-episode, 2,000-film history is far inside). */
  titles: 25_000,
  /** Watched episodes one import may hold. */
  episodes: 250_000,
  /** Episodes one staged part holds: one part is applied in one transaction. */
  episodesPerPart: 2_000,
  /** Parts one staging call carries, and episodes among them (inside Convex's argument limits). */
  partsPerCall: 400,
  episodesPerCall: 8_000,
  keyLength: 200,
  titleLength: 300,
} as const;

/** A staged part: an entry, with `part` 0; later parts of a title (part ≥ 1) add episodes only. */
export const importPartValidator = v.object({ ...importEntryValidator.fields, part: v.number() });
export type ImportPart = Infer<typeof importPartValidator>;

/** Splits entries into parts of at most IMPORT_CAPS.episodesPerPart episodes, then into calls. */
export function stagingCalls(entries: readonly ImportEntry[]): ImportPart[][] {
  const parts: ImportPart[] = [];
  for (const entry of entries) {
    const episodes = entry.episodes ?? [];
    if (episodes.length <= IMPORT_CAPS.episodesPerPart) {
      parts.push({ ...entry, part: 0 });
      continue;
    }
    for (let at = 0, part = 0; at < episodes.length; at += IMPORT_CAPS.episodesPerPart, part++) {
      const slice = episodes.slice(at, at + IMPORT_CAPS.episodesPerPart);
      parts.push(
        part === 0 ? { ...entry, episodes: slice, part } : { key: entry.key, mediaType: entry.mediaType, ids: {}, episodes: slice, part },
      );
    }
  }
  const calls: ImportPart[][] = [];
  let call: ImportPart[] = [];
  let episodes = 0;
  for (const part of parts) {
    const count = part.episodes?.length ?? 0;
    if (call.length > 0 && (call.length >= IMPORT_CAPS.partsPerCall || episodes + count > IMPORT_CAPS.episodesPerCall)) {
      calls.push(call);
      call = [];
      episodes = 0;
    }
    call.push(part);
    episodes += count;
  }
  if (call.length > 0) calls.push(call);
  return calls;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a staged part is refused, or null when it is fine. */
export function partProblem(part: ImportPart, now: number): string | null {
  const intIn = (n: number | undefined, min: number, max: number) => n === undefined || (Number.isSafeInteger(n) && n >= min && n <= max);
  const dateOk = (ms: number | undefined) => ms === undefined || (Number.isFinite(ms) && ms >= 0 && ms <= now + DAY_MS);
  if (part.key.length === 0 || part.key.length > IMPORT_CAPS.keyLength) return "a title's key is empty or too long";
  if (!intIn(part.part, 0, 1_000)) return "a part number is out of range";
  if (part.title !== undefined && (part.title.length === 0 || part.title.length > IMPORT_CAPS.titleLength))
    return "a title is empty or too long";
  if (!intIn(part.year, 1870, 2200)) return "a year is out of range";
  if (!intIn(part.ids.tmdb, 1, 2_147_483_647)) return "a TMDB id is out of range";
  if (!intIn(part.ids.tvdb, 1, 2_147_483_647)) return "a TVDB id is out of range";
  if (part.ids.imdb !== undefined && !/^tt\d{1,10}$/.test(part.ids.imdb)) return "an IMDb id is not tt followed by digits";
  if (part.rating !== undefined && !(Number.isFinite(part.rating) && part.rating >= 0.5 && part.rating <= 10))
    return "a rating is outside 0.5–10";
  if (!dateOk(part.watchedAt) || !dateOk(part.ratedAt)) return "a date is out of range";
  const episodes = part.episodes ?? [];
  if (episodes.length > IMPORT_CAPS.episodesPerPart) return `a part holds more than ${IMPORT_CAPS.episodesPerPart} episodes`;
  if (episodes.length > 0 && part.mediaType !== "tv") return "a film has episodes";
  for (const e of episodes) {
    if (!intIn(e.season, 0, 200) || !intIn(e.episode, 1, 9_999) || !dateOk(e.watchedAt)) return "an episode number or date is out of range";
  }
  if (part.part > 0) {
    const extra = [part.title, part.watchlist, part.watched, part.dropped, part.rating, part.ids.tmdb, part.ids.tvdb, part.ids.imdb];
    if (extra.some((x) => x !== undefined)) return "a later part of a title carries more than episodes";
  } else if (part.ids.tmdb === undefined && part.ids.tvdb === undefined && part.ids.imdb === undefined && part.title === undefined) {
    return "a title has neither an id nor a name";
  }
  return null;
}
