// What airs next for one person, from Convex's cached schedule only (the `shows` documents the
// bot and the daily airing check keep): the shows they follow, each show's announced episodes in
// a window, grouped by day in their time zone. No TMDB call; every read is bounded (see the caps).
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { airDateMs, airedCount, episodeName, episodeNumbersOf, getShow, regularSeasons } from "../model/shows";
import { instantsOf, isTimeZone, wallOf } from "../model/sessionTimes";
import { LEGACY_STATUS_VALUES, STATUS_SYNONYMS } from "../model/vocabulary";

/** Shows followed as watching (or caught up) that are read: the most recently updated first. */
export const WATCHING_SHOWS_MAX = 50;
/** Shows marked finished that are read too, in case TMDB says more is coming (a finished show that ended is left out). */
export const FINISHED_SHOWS_MAX = 10;
/** The longest window `/upcoming` takes, and the feed's. */
export const MAX_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A followed show and its cached document (null when Convex has never stored its seasons). */
export interface FollowedShow {
  tmdbId: number;
  item: Doc<"watch_items">;
  show: Doc<"shows"> | null;
}

/** Watch items of TV shows in one stored status value, newest first, at most `limit`. */
async function itemsWithStatus(ctx: QueryCtx, userId: Id<"users">, value: string, limit: number) {
  if (limit <= 0) return [];
  return await ctx.db
    .query("watch_items")
    .withIndex("by_user_type_status_updated", (q) => q.eq("userId", userId).eq("mediaType", "tv").eq("progressStatus", value))
    .order("desc")
    .take(limit);
}

/**
 * The shows someone follows: watching or caught up (every stored word for it, the legacy combined
 * status included), and finished ones TMDB says are still going. Dropped and want-to-watch are
 * not followed. Reads at most WATCHING_SHOWS_MAX + FINISHED_SHOWS_MAX watch items and as many
 * show documents, each through an index.
 */
export async function followedShows(ctx: QueryCtx, userId: Id<"users">): Promise<FollowedShow[]> {
  const watching: Doc<"watch_items">[] = [];
  for (const value of STATUS_SYNONYMS.watching) {
    watching.push(...(await itemsWithStatus(ctx, userId, value, WATCHING_SHOWS_MAX - watching.length)));
  }
  for (const value of LEGACY_STATUS_VALUES.watching) {
    const limit = WATCHING_SHOWS_MAX - watching.length;
    if (limit <= 0) break;
    watching.push(
      ...(await ctx.db
        .query("watch_items")
        .withIndex("by_user_type_legacy_updated", (q) =>
          q.eq("userId", userId).eq("mediaType", "tv").eq("progressStatus", undefined).eq("status", value),
        )
        .order("desc")
        .take(limit)),
    );
  }
  const finished: Doc<"watch_items">[] = [];
  for (const value of STATUS_SYNONYMS.finished) {
    finished.push(...(await itemsWithStatus(ctx, userId, value, FINISHED_SHOWS_MAX - finished.length)));
  }
  const seen = new Set<number>();
  const out: FollowedShow[] = [];
  for (const item of [...watching, ...finished]) {
    if (seen.has(item.tmdbId)) continue;
    seen.add(item.tmdbId);
    const show = await getShow(ctx, item.tmdbId);
    const isFinished = finished.includes(item);
    // Finished and ended (or not known to be going): nothing more to expect.
    if (isFinished && show?.ongoing !== true) continue;
    out.push({ tmdbId: item.tmdbId, item, show });
  }
  return out;
}

/** An episode with an air date, and the instant it counts as aired (00:00 UTC of that date, as everywhere else). */
export interface DatedEpisode {
  tmdbId: number;
  title: string;
  season: number;
  episode: number;
  name?: string;
  airDate: string;
  at: number;
}

/**
 * The show's announced episodes whose air instant falls in [from, to): only the cached copy's
 * dates (TMDB gives dates, not times; an episode TMDB already calls aired has no date stored).
 */
export function episodesBetween(show: Doc<"shows">, from: number, to: number): DatedEpisode[] {
  const out: DatedEpisode[] = [];
  for (const s of regularSeasons(show)) {
    const told = Math.min(s.aired ?? s.episodeCount, s.episodeCount);
    const numbers = episodeNumbersOf(s);
    (s.airDates ?? []).forEach((date, i) => {
      const at = airDateMs(date);
      const position = told + i + 1;
      if (at === undefined || at < from || at >= to || position > s.episodeCount) return;
      const episode = numbers[position - 1]!;
      const name = episodeName(show, s.season, episode);
      out.push({ tmdbId: show.tmdbId, title: show.title, season: s.season, episode, ...(name ? { name } : {}), airDate: date, at });
    });
  }
  return out;
}

/** Whether the episode is listed and has aired by `now` in the cached copy. */
export function hasAired(show: Doc<"shows">, season: number, episode: number, now: number): boolean {
  const s = show.seasons.find((x) => x.season === season);
  if (s === undefined) return false;
  const position = episodeNumbersOf(s).indexOf(episode) + 1;
  return position > 0 && position <= airedCount(s, now);
}

/** The zone days are read in: the person's, when it is one this runtime knows, else UTC. */
export function zoneOrUtc(zone: string | undefined): { zone: string; known: boolean } {
  return zone !== undefined && isTimeZone(zone) ? { zone, known: true } : { zone: "UTC", known: false };
}

/** "2026-12-09": the calendar day `at` falls on in `zone`. */
export function localDay(at: number, zone: string): string {
  const w = wallOf(at, zone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** When the day that `now` falls on began in `zone` (its first minute, when a clock change skips midnight). */
export function startOfLocalDay(now: number, zone: string): number {
  const w = wallOf(now, zone);
  for (let hour = 0; hour <= w.hour; hour++) {
    const instants = instantsOf({ ...w, hour, minute: 0 }, zone);
    if (instants.length > 0) return Math.min(...instants);
  }
  return now - DAY_MS;
}

/** Items grouped by the day they fall on in `zone`, days in order, items in time order within each. */
export function byDay<T extends { at: number }>(items: readonly T[], zone: string): { day: string; items: T[] }[] {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const day = localDay(item.at, zone);
    const list = days.get(day) ?? [];
    list.push(item);
    days.set(day, list);
  }
  return [...days.entries()].map(([day, list]) => ({ day, items: list }));
}
