import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Infer } from "convex/values";
import type { seasonCounts, showStructure } from "../lib/botArgs";
import type { ShowSeason } from "../lib/validators";
import { fail, quoteTitle } from "./errors";
import { parseTmdbId } from "./vocabulary";

/** Without counts from the bot, a cached structure is trusted this long (new episodes air). */
export const SHOW_REFRESH_MS = 12 * 60 * 60 * 1000;
/** A cached structure whose episode counts still match TMDB's is trusted this long (names rarely change). */
export const SHOW_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** A season or episode past the cached structure asks for a refetch once the copy is this old. */
export const SHOW_RECHECK_MS = 60 * 60 * 1000;
/** Another caller stored the same structure this recently: don't rewrite it (concurrent first uses). */
const SHOW_REWRITE_GRACE_MS = 60 * 1000;

/** A season's episode count as TMDB gave it; lastAired, on the season of last_episode_to_air, is that episode's number. */
export type SeasonCount = Infer<typeof seasonCounts>[number];
/** A show's whole structure, as the bot sends it (lib/botArgs.ts showStructure). */
export type ShowStructure = Infer<typeof showStructure>;

/**
 * What the bot sends with a show write: the full structure when it fetched it,
 * else the season counts it knows from TMDB (if any), so freshness is checked
 * inside the write instead of in a separate round trip.
 */
export interface ShowSync {
  show?: ShowStructure;
  seasonCounts?: SeasonCount[];
  /** TMDB isn't answering: any cached structure will do, however old (the bot tells the person). */
  cachedOk?: boolean;
}

export async function getShow(ctx: QueryCtx, tmdbId: number): Promise<Doc<"shows"> | null> {
  return await ctx.db
    .query("shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .unique();
}

export async function requireShow(ctx: QueryCtx, tmdbId: number): Promise<Doc<"shows">> {
  const show = await getShow(ctx, tmdbId);
  if (show === null) fail("SHOW_NOT_CACHED", "I don't know that show's seasons yet — try again in a moment.");
  return show;
}

/** Specials (season 0) are listed but do not count towards a show's progress. */
export function regularSeasons(show: Pick<Doc<"shows">, "seasons">): ShowSeason[] {
  return show.seasons.filter((s) => s.season > 0 && s.episodeCount > 0).sort((a, b) => a.season - b.season);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of `now`, as TMDB writes air dates ("2026-12-07"). */
export function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The start (00:00 UTC) of a TMDB air date, in ms: what "airs <t:…:R>" counts down to. */
export function airDateMs(date: string): number | undefined {
  if (!ISO_DAY.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** TMDB's episode numbers of a season, in list order: 1, 2, 3 … unless it numbers them otherwise (S20E885). */
export function episodeNumbersOf(s: ShowSeason): number[] {
  if (s.episodeNumbers !== undefined && s.episodeNumbers.length === s.episodeCount) return s.episodeNumbers;
  return Array.from({ length: s.episodeCount }, (_, i) => i + 1);
}

/** Where TMDB's episode `number` sits in the season's list (1-based), or null when it lists no such episode. */
export function positionOf(s: ShowSeason, number: number): number | null {
  if (s.episodeNumbers === undefined || s.episodeNumbers.length !== s.episodeCount)
    return Number.isSafeInteger(number) && number >= 1 && number <= s.episodeCount ? number : null;
  const i = s.episodeNumbers.indexOf(number);
  return i === -1 ? null : i + 1;
}

/**
 * Episodes of the season aired by `now` (from the start of the list): those TMDB said had aired
 * when it was last read, then each announced one whose air date has come since.
 */
export function airedCount(s: ShowSeason, now: number): number {
  let aired = Math.min(s.aired ?? s.episodeCount, s.episodeCount);
  const today = dayOf(now);
  for (const date of s.airDates ?? []) {
    if (aired >= s.episodeCount || date === "" || date > today) break;
    aired++;
  }
  return aired;
}

/** TMDB's numbers of the season's aired episodes, in list order. */
export function airedNumbersOf(s: ShowSeason, now: number): number[] {
  return episodeNumbersOf(s).slice(0, airedCount(s, now));
}

/** An announced episode: TMDB's number and its air date when TMDB has one. */
export interface Announced {
  season: number;
  episode: number;
  airDate?: string;
}

/** The episode at list position `position` (1-based) of a season, as announced: its number and air date. */
function announcedAt(s: ShowSeason, position: number): Announced {
  const date = s.airDates?.[position - 1 - Math.min(s.aired ?? s.episodeCount, s.episodeCount)];
  return { season: s.season, episode: episodeNumbersOf(s)[position - 1]!, ...(date ? { airDate: date } : {}) };
}

/** The first listed episode of the show's regular seasons that has not aired by `now`, or null. */
export function firstAnnounced(show: Pick<Doc<"shows">, "seasons">, now: number): Announced | null {
  for (const s of regularSeasons(show)) {
    const aired = airedCount(s, now);
    if (aired < s.episodeCount) return announcedAt(s, aired + 1);
  }
  return null;
}

/** Episodes aired by `now` in the regular seasons: what progress counts towards. */
export function airedTotal(show: Pick<Doc<"shows">, "seasons">, now: number): number {
  return regularSeasons(show).reduce((sum, s) => sum + airedCount(s, now), 0);
}

/** "airs <t:…:D> (<t:…:R>)", or that TMDB has no date yet. */
export function airsPhrase(airDate: string | undefined): string {
  const ms = airDate === undefined ? undefined : airDateMs(airDate);
  if (ms === undefined) return "has no air date yet";
  const unix = Math.floor(ms / 1000);
  return `airs <t:${unix}:D> (<t:${unix}:R>)`;
}

/** The episode runtimes the bot sent (minutes, list order), when they fit the season; else none kept. */
function checkedRuntimes(s: ShowSeason): Pick<ShowSeason, "runtimes"> {
  const r = s.runtimes;
  if (r === undefined || r.length !== s.episodeCount || !r.every((m) => Number.isSafeInteger(m) && m >= 0 && m <= 1_000)) return {};
  return r.some((m) => m > 0) ? { runtimes: r } : {};
}

/** Checks the optional airing fields of a season the bot sent: lengths that fit, numbers and dates that are real. */
function checkedAiring(s: ShowSeason): Pick<ShowSeason, "episodeNumbers" | "aired" | "airDates"> {
  const out: Pick<ShowSeason, "episodeNumbers" | "aired" | "airDates"> = {};
  if (s.episodeNumbers !== undefined) {
    const numbers = s.episodeNumbers;
    const ok =
      numbers.length === s.episodeCount &&
      numbers.every((n, i) => Number.isSafeInteger(n) && n >= 1 && n <= 100_000 && (i === 0 || n > numbers[i - 1]!));
    if (!ok) fail("INVALID_ARGUMENT", `Season ${s.season} has impossible episode numbers.`);
    // 1, 2, 3 … is what absent means: not stored.
    if (!numbers.every((n, i) => n === i + 1)) out.episodeNumbers = numbers;
  }
  if (s.aired !== undefined) {
    if (!Number.isSafeInteger(s.aired) || s.aired < 0 || s.aired > s.episodeCount)
      fail("INVALID_ARGUMENT", `Season ${s.season} has an impossible aired count.`);
    if (s.aired < s.episodeCount) out.aired = s.aired;
  }
  if (s.airDates !== undefined && out.aired !== undefined) {
    if (s.airDates.length > s.episodeCount - out.aired || s.airDates.some((d) => d !== "" && airDateMs(d) === undefined)) {
      fail("INVALID_ARGUMENT", `Season ${s.season} has impossible air dates.`);
    }
    if (s.airDates.length > 0) out.airDates = s.airDates;
  }
  return out;
}

export async function upsertShow(
  ctx: MutationCtx,
  args: { tmdbId: number; title: string; image?: string; seasons: ShowSeason[]; ongoing?: boolean; genres?: number[] },
): Promise<Doc<"shows">> {
  const tmdbId = parseTmdbId(args.tmdbId);
  // The show's genre ids go to the stats' facts cache (docs/stats.md), which adjusts the counters.
  if (args.genres !== undefined)
    await ctx.scheduler.runAfter(0, internal.stats.facts.storeFacts, { tmdbId, mediaType: "tv", genres: args.genres.slice(0, 20) });
  const seen = new Set<number>();
  const seasons: ShowSeason[] = [];
  for (const s of args.seasons) {
    if (!Number.isSafeInteger(s.season) || s.season < 0 || seen.has(s.season)) {
      fail("INVALID_ARGUMENT", `Season ${s.season} is not a valid season number.`);
    }
    if (!Number.isSafeInteger(s.episodeCount) || s.episodeCount < 0 || s.episodeCount > 8000) {
      fail("INVALID_ARGUMENT", `Season ${s.season} has an impossible episode count.`);
    }
    seen.add(s.season);
    seasons.push({
      season: s.season,
      name: s.name.slice(0, 200),
      episodeCount: s.episodeCount,
      episodeNames: s.episodeNames?.slice(0, s.episodeCount).map((n) => n.slice(0, 200)),
      ...checkedAiring(s),
      ...checkedRuntimes(s),
    });
  }
  seasons.sort((a, b) => a.season - b.season);
  const fields = {
    tmdbId,
    title: args.title.slice(0, 500),
    image: args.image,
    seasons,
    totalEpisodes: regularSeasons({ seasons }).reduce((sum, s) => sum + s.episodeCount, 0),
    airingKnown: true,
    fetchedAt: Date.now(),
  };
  const existing = await getShow(ctx, tmdbId);
  // A caller that doesn't know the status (a structure without it) keeps the one stored.
  const ongoing = typeof args.ongoing === "boolean" ? args.ongoing : existing?.ongoing;
  const doc: typeof fields & { ongoing?: boolean } = ongoing === undefined ? fields : { ...fields, ongoing };
  if (existing === null) return (await ctx.db.get(await ctx.db.insert("shows", doc)))!;
  // The same structure stored a moment ago (what aired included): nothing to rewrite.
  if (
    existing.airingKnown === true &&
    existing.fetchedAt + SHOW_REWRITE_GRACE_MS > doc.fetchedAt &&
    JSON.stringify(existing.seasons) === JSON.stringify(doc.seasons) &&
    doc.ongoing === existing.ongoing
  )
    return existing;
  await ctx.db.replace(existing._id, doc);
  return { ...existing, ...doc };
}

/** Whether the cached seasons have exactly these episode counts. */
export function sameCounts(show: Pick<Doc<"shows">, "seasons">, counts: SeasonCount[]): boolean {
  const cached = show.seasons.filter((s) => s.episodeCount > 0);
  const given = counts.filter((s) => s.episodeCount > 0);
  if (cached.length !== given.length) return false;
  const byNumber = new Map(cached.map((s) => [s.season, s.episodeCount]));
  return given.every((s) => byNumber.get(s.season) === s.episodeCount);
}

/**
 * Whether TMDB says an episode has aired that the cached copy doesn't know of, or still calls
 * announced (a date TMDB gave since). Only that way round: a copy whose dates say an episode
 * aired a little before TMDB's last_episode_to_air catches up is not refetched over and over.
 */
function behindTmdb(show: Pick<Doc<"shows">, "seasons">, counts: SeasonCount[], now: number): boolean {
  return counts.some((c) => {
    if (c.lastAired === undefined) return false;
    const s = show.seasons.find((x) => x.season === c.season);
    const position = s === undefined ? null : positionOf(s, c.lastAired);
    return position === null || airedCount(s!, now) < position;
  });
}

/**
 * Why the cached structure can't be used as it is, or null when it can. Fails
 * "missing" and "stale" are the bot's cue to fetch the structure from TMDB and
 * send it with the same write.
 */
export function showStaleness(show: Doc<"shows"> | null, seasonCounts: SeasonCount[] | undefined, now: number): "missing" | "stale" | null {
  if (show === null) return "missing";
  // Stored before aired and announced episodes were told apart: fetched once more.
  if (show.airingKnown !== true) return "stale";
  if (seasonCounts !== undefined) {
    return sameCounts(show, seasonCounts) && !behindTmdb(show, seasonCounts, now) && show.fetchedAt + SHOW_MAX_AGE_MS > now
      ? null
      : "stale";
  }
  return show.fetchedAt + SHOW_REFRESH_MS > now ? null : "stale";
}

function failStale(kind: "missing" | "stale"): never {
  fail(
    kind === "missing" ? "SHOW_NOT_CACHED" : "SHOW_STALE",
    kind === "missing"
      ? "I don't know that show's seasons yet — try again in a moment."
      : "That show's seasons changed on TMDB — try again in a moment.",
  );
}

/**
 * The show structure a write works with: the one sent along (stored first), or
 * the cached one if it is fresh by the counts given. Otherwise fails with
 * SHOW_NOT_CACHED or SHOW_STALE, which rolls the whole write back.
 */
export async function showForWrite(ctx: MutationCtx, tmdbId: number, sync: ShowSync): Promise<Doc<"shows">> {
  if (sync.show !== undefined) return await upsertShow(ctx, { tmdbId, ...sync.show });
  const show = await getShow(ctx, tmdbId);
  if (sync.cachedOk === true && show !== null) return show;
  const staleness = showStaleness(show, sync.seasonCounts, Date.now());
  if (staleness !== null) failStale(staleness);
  return show!;
}

/**
 * Before refusing a season or episode the cached structure lacks, an old copy
 * that the bot did not just check against TMDB is refetched: the season may
 * have aired since.
 */
export function refreshBeforeRefusing(show: Doc<"shows">, sync: ShowSync, season: number, episodes: number[]): void {
  if (sync.show !== undefined || sync.seasonCounts !== undefined || sync.cachedOk === true) return;
  if (show.fetchedAt + SHOW_RECHECK_MS > Date.now()) return;
  const s = show.seasons.find((x) => x.season === season);
  // Neither TMDB's number nor a position in the list: the season may have grown since.
  if (s === undefined || episodes.some((e) => positionOf(s, e) === null && e > s.episodeCount)) failStale("stale");
}

export function seasonOf(show: Doc<"shows">, season: number): ShowSeason {
  const found = show.seasons.find((s) => s.season === season);
  if (found === undefined) {
    const regular = regularSeasons(show);
    // "1 season", not "1 season (1–1)": the range only helps when there is one.
    const span =
      regular.length === 0
        ? "no seasons yet"
        : regular.length === 1
          ? `1 season${regular[0]!.season === 1 ? "" : ` (season ${regular[0]!.season})`}`
          : `${regular.length} seasons (${regular[0]!.season}–${regular[regular.length - 1]!.season})`;
    fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has ${span}; there is no season ${season}.`);
  }
  return found;
}

/** How `/ep` read the episodes it was given: as TMDB numbers them, or as places in the season's list. */
export type Numbering = "tmdb" | "position";

/**
 * TMDB's numbers for the episodes someone named: as TMDB numbers them when the season lists them
 * so (S20E885), else as places in the season's list ("the 3rd episode"). A season numbered 1, 2, 3 …
 * reads the same either way (`numbering` is null). Fails naming what the season has.
 */
export function resolveEpisodes(
  show: Doc<"shows">,
  season: number,
  episodes: number[],
): { episodes: number[]; numbering: Numbering | null } {
  const s = seasonOf(show, season);
  if (s.episodeNumbers === undefined || s.episodeNumbers.length !== s.episodeCount) {
    checkListed(show, s, episodes);
    return { episodes, numbering: null };
  }
  if (episodes.every((e) => positionOf(s, e) !== null)) return { episodes, numbering: "tmdb" };
  if (episodes.every((e) => Number.isSafeInteger(e) && e >= 1 && e <= s.episodeCount))
    return { episodes: episodes.map((e) => s.episodeNumbers![e - 1]!), numbering: "position" };
  failUnnumbered(
    show,
    s,
    episodes.find((e) => positionOf(s, e) === null && !(e >= 1 && e <= s.episodeCount))!,
  );
}

/** A number TMDB doesn't give any episode of an absolutely numbered season. */
function failUnnumbered(show: Doc<"shows">, s: ShowSeason, episode: number): never {
  const numbers = episodeNumbersOf(s);
  fail(
    "EPISODE_OUT_OF_RANGE",
    `TMDB numbers season ${s.season} of ${quoteTitle(show.title)} E${numbers[0]}–E${numbers[numbers.length - 1]} (${s.episodeCount} episode${s.episodeCount === 1 ? "" : "s"}); there is no episode ${episode} — give TMDB's number or its place in the season (1–${s.episodeCount}).`,
  );
}

/** Every episode is one TMDB lists in a season numbered 1, 2, 3 … */
function checkListed(show: Doc<"shows">, s: ShowSeason, episodes: number[]): void {
  const beyond = episodes.find((e) => !Number.isSafeInteger(e) || e < 1 || e > s.episodeCount);
  if (beyond === undefined) return;
  fail(
    "EPISODE_OUT_OF_RANGE",
    `Season ${s.season} of ${quoteTitle(show.title)} has ${s.episodeCount} episode${s.episodeCount === 1 ? "" : "s"}; there is no episode ${beyond}${show.ongoing === true ? " yet" : ""}.`,
  );
}

/**
 * Refuses marking an episode that has not aired by `now` (TMDB lists announced episodes too),
 * naming the first such and when it airs. `episodes` are TMDB's numbers, all listed.
 */
export function checkAired(show: Doc<"shows">, season: number, episodes: number[], now: number): void {
  const s = seasonOf(show, season);
  const aired = airedCount(s, now);
  const unaired = episodes
    .map((e) => positionOf(s, e))
    .filter((p): p is number => p !== null && p > aired)
    .sort((a, b) => a - b);
  if (unaired.length === 0) return;
  const first = announcedAt(s, unaired[0]!);
  const others = unaired.length > 1 ? ` (and ${unaired.length - 1} more of those you named)` : "";
  const so =
    aired === 0
      ? "Nothing of that season has aired yet"
      : `Season ${season} has aired through ${episodeCodeOf(season, episodeNumbersOf(s)[aired - 1]!)}`;
  fail(
    "EPISODE_NOT_AIRED",
    `${episodeCodeOf(season, first.episode)} of ${quoteTitle(show.title)} hasn't aired yet — it ${airsPhrase(first.airDate)}${others}. ${so}: nothing was marked.`,
  );
}

function episodeCodeOf(season: number, episode: number): string {
  return `S${season}E${episode}`;
}

/** Checks every episode (TMDB's numbers) against the cached structure: listed, and aired by now. */
export function checkEpisodes(show: Doc<"shows">, season: number, episodes: number[], now = Date.now()): void {
  const s = seasonOf(show, season);
  const unlisted = episodes.find((e) => positionOf(s, e) === null);
  if (unlisted !== undefined) {
    if (s.episodeNumbers !== undefined && s.episodeNumbers.length === s.episodeCount) failUnnumbered(show, s, unlisted);
    checkListed(show, s, [unlisted]);
  }
  checkAired(show, season, episodes, now);
}

export function episodeName(show: Doc<"shows"> | null, season: number, episode: number): string | undefined {
  const s = show?.seasons.find((x) => x.season === season);
  if (s === undefined) return undefined;
  const position = positionOf(s, episode);
  return position === null ? undefined : s.episodeNames?.[position - 1];
}
