// New-episode alerts: shows are checked against TMDB once a day each (airing_shows, one row per
// show however many people follow it), and when one has a newly aired episode, its followers who
// had watched every aired episode before it get "S3E5 of X is out". TMDB's cost grows with the
// number of distinct shows; the fan-out reads a show's followers only when it airs something.
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { translator } from "../../src/i18n";
import { newEpisodeDm } from "../../src/views/reminder";
import { restMessageBody } from "../../src/views/message";
import type { ShowSeason } from "../lib/validators";
import { getSummary, readWatched, showProgress, summaryToSet, type WatchedSet } from "./episodes";
import { findItem } from "./watchItems";
import { isOngoing } from "./showStatus";
import { airedCount, episodeNumbersOf, getShow, positionOf, regularSeasons, upsertShow } from "./shows";
import { WEB_STATUS } from "./vocabulary";
import { accountOfUser, AIRING_CHECK_MS, DAY_MS, reminderDays } from "./reminderRows";
import { queueDm, quietUntil } from "./reminders";

/** Shows claimed per check transaction (each becomes one TMDB request). */
export const AIRING_PAGE = 50;
/** Followers read per fan-out transaction. */
export const FOLLOWERS_PAGE = 100;

export interface EpisodeKey {
  season: number;
  episode: number;
}

/** What the refresh learned from TMDB's /tv/{id}. */
export interface AiringInfo {
  title: string;
  seasons: { season: number; name: string; episodeCount: number }[];
  lastAired: (EpisodeKey & { name?: string }) | null;
  /** next_episode_to_air: the next announced episode, with its air date when TMDB has one. */
  nextAir?: EpisodeKey & { airDate?: string };
  /** From TMDB's status, when it gave one. */
  ongoing?: boolean;
}

const rank = (e: EpisodeKey) => e.season * 100_000 + e.episode;
export const episodeKey = (e: EpisodeKey) => `S${e.season}E${e.episode}`;

/** Takes the shows whose daily check is due and moves each to tomorrow, in one transaction (so a check happens once). */
export async function claimAiringChecks(ctx: MutationCtx, now: number): Promise<{ tmdbIds: number[]; more: boolean }> {
  const due = await ctx.db
    .query("airing_shows")
    .withIndex("by_check", (q) => q.lte("checkAt", now))
    .take(AIRING_PAGE);
  for (const row of due) await ctx.db.patch(row._id, { checkAt: now + AIRING_CHECK_MS });
  return { tmdbIds: due.map((r) => r.tmdbId), more: due.length === AIRING_PAGE };
}

/** After a failed check (TMDB down, slow or refusing): 15 minutes, then 30, 1 h, 2 h … back to the daily check. */
export function airingRetryMs(failures: number): number {
  return Math.min(AIRING_CHECK_MS, 15 * 60_000 * 2 ** Math.min(Math.max(0, failures - 1), 10));
}

/** A show's check failed: it is tried again after the backoff instead of tomorrow; the next success resets it. */
export async function noteAiringFailure(
  ctx: MutationCtx,
  tmdbId: number,
  now: number,
): Promise<{ failures: number; retryAt: number } | null> {
  const row = await ctx.db
    .query("airing_shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .first();
  if (row === null) return null;
  const failures = (row.failures ?? 0) + 1;
  const retryAt = now + airingRetryMs(failures);
  await ctx.db.patch(row._id, { failures, checkAt: Math.min(row.checkAt, retryAt) });
  return { failures, retryAt };
}

/** Reads TMDB's /tv/{id} body loosely; null when it is not a show. */
export function parseAiring(body: unknown): AiringInfo | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as Record<string, unknown>;
  const int = (x: unknown) => (typeof x === "number" && Number.isSafeInteger(x) && x >= 0 ? x : null);
  if (typeof b.name !== "string" || !Array.isArray(b.seasons)) return null;
  const seasons: AiringInfo["seasons"] = [];
  for (const s of b.seasons.slice(0, 200)) {
    const season = int((s as Record<string, unknown>)?.season_number);
    const count = int((s as Record<string, unknown>)?.episode_count);
    if (season === null || count === null || count > 8000) continue;
    const name = (s as Record<string, unknown>).name;
    seasons.push({ season, name: typeof name === "string" ? name.slice(0, 200) : `Season ${season}`, episodeCount: count });
  }
  const last = b.last_episode_to_air as Record<string, unknown> | null | undefined;
  const season = int(last?.season_number);
  const episode = int(last?.episode_number);
  const lastAired =
    season !== null && episode !== null && episode >= 1
      ? { season, episode, ...(typeof last?.name === "string" ? { name: last.name.slice(0, 200) } : {}) }
      : null;
  const next = b.next_episode_to_air as Record<string, unknown> | null | undefined;
  const nextSeason = int(next?.season_number);
  const nextEpisode = int(next?.episode_number);
  const nextDate = typeof next?.air_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(next.air_date) ? next.air_date : undefined;
  const nextAir =
    nextSeason !== null && nextEpisode !== null && nextEpisode >= 1
      ? { season: nextSeason, episode: nextEpisode, ...(nextDate ? { airDate: nextDate } : {}) }
      : undefined;
  return {
    title: b.name.slice(0, 500),
    seasons,
    lastAired,
    ...(nextAir ? { nextAir } : {}),
    ...(typeof b.status === "string" ? { ongoing: isOngoing(b.status) } : {}),
  };
}

/**
 * Records what TMDB says has aired. The first check only notes it; a later episode than last
 * time keeps the cached structure in step (so Mark watched can mark it) and starts the fan-out.
 */
export async function applyAiring(ctx: MutationCtx, tmdbId: number, info: AiringInfo): Promise<boolean> {
  // TMDB's status is kept whether or not anything aired: a show usually ends without a new episode.
  const stored = await getShow(ctx, tmdbId);
  if (stored !== null && info.ongoing !== undefined && stored.ongoing !== info.ongoing) {
    await ctx.db.patch(stored._id, { ongoing: info.ongoing });
    // It has ended: those it left caught up (watching, every episode seen) have finished it.
    if (stored.ongoing === true && !info.ongoing)
      await ctx.scheduler.runAfter(0, internal.reminders.airing.finishCaughtUp, { tmdbId, cursor: null });
  }
  const row = await ctx.db
    .query("airing_shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .first();
  if (row === null) return false;
  if (row.failures !== undefined) await ctx.db.patch(row._id, { failures: undefined });
  // What aired is kept current in the cached structure even when nothing new aired (an announced date may have moved).
  const cached = await getShow(ctx, tmdbId);
  if (cached !== null) {
    const seasons = mergedSeasons(cached, info);
    if (seasons === null)
      await ctx.db.patch(cached._id, { fetchedAt: 0 }); // TMDB numbers episodes the copy lacks: the next use refetches
    else if (
      JSON.stringify(seasons) !== JSON.stringify(cached.seasons) ||
      (info.ongoing !== undefined && info.ongoing !== cached.ongoing)
    ) {
      await upsertShow(ctx, { tmdbId, title: cached.title, image: cached.image, seasons, ongoing: info.ongoing ?? cached.ongoing });
    }
  }
  if (info.lastAired === null) return false;
  const previous = row.lastAired;
  const last = { season: info.lastAired.season, episode: info.lastAired.episode };
  if (previous !== undefined && rank(last) <= rank(previous)) return false;
  await ctx.db.patch(row._id, { lastAired: last });
  if (previous === undefined) return false;
  await ctx.scheduler.runAfter(0, internal.reminders.airing.alertFollowers, {
    tmdbId,
    previous,
    aired: { ...last, ...(info.lastAired.name ? { name: info.lastAired.name } : {}) },
    cursor: null,
  });
  return true;
}

/**
 * The cached seasons brought up to TMDB's details: its counts, and what has aired by
 * last_episode_to_air (a season before it has aired whole; the one it is in, through it), with
 * next_episode_to_air's date. Episode names and numbers already cached are kept; the newly aired
 * episode is named. Null when TMDB names an episode by a number the cached season doesn't list
 * (a season renumbered or grown): the structure must be fetched again.
 */
export function mergedSeasons(cached: Doc<"shows">, info: AiringInfo): ShowSeason[] | null {
  const last = info.lastAired;
  const merged: ShowSeason[] = [];
  for (const s of info.seasons) {
    const old = cached.seasons.find((c) => c.season === s.season);
    // Numbers TMDB gives beyond the cached list (a standard season grows by one: E4 after E1–E3).
    const numbers = old?.episodeNumbers && old.episodeNumbers.length === old.episodeCount ? old.episodeNumbers : undefined;
    if (numbers && numbers.length !== s.episodeCount) return null;
    const names = old?.episodeNames ? [...old.episodeNames] : undefined;
    const season: ShowSeason = {
      season: s.season,
      name: s.name,
      episodeCount: s.episodeCount,
      ...(numbers ? { episodeNumbers: numbers } : {}),
    };
    let aired: number;
    if (last === null || s.season > last.season) aired = 0;
    else if (s.season < last.season) aired = s.episodeCount;
    else {
      const position = positionOf(season, last.episode);
      if (position === null) return null;
      aired = position;
      if (names && last.name && names.length < position) {
        while (names.length < position - 1) names.push(`Episode ${numbers?.[names.length] ?? names.length + 1}`);
        names.push(last.name);
      }
    }
    // Dates TMDB gave before for announced episodes, then next_episode_to_air's.
    const oldAired = old === undefined ? 0 : airedCount(old, 0);
    const dates: string[] = [];
    for (let p = aired + 1; p <= s.episodeCount; p++) dates.push(old?.airDates?.[p - 1 - oldAired] ?? "");
    const nextAir = info.nextAir;
    if (nextAir !== undefined && nextAir.season === s.season && nextAir.airDate) {
      const position = positionOf(season, nextAir.episode);
      if (position !== null && position > aired) dates[position - aired - 1] = nextAir.airDate;
    }
    // An episode whose date has passed but that TMDB doesn't yet call aired stays announced: TMDB's word counts.
    merged.push({
      ...season,
      ...(names ? { episodeNames: names.slice(0, s.episodeCount) } : {}),
      ...(aired < s.episodeCount ? { aired, ...(dates.some((d) => d !== "") ? { airDates: trimDates(dates) } : {}) } : {}),
    });
  }
  return merged;
}

/** Announced dates up to the last one TMDB gave (trailing unknowns are what absent means). */
function trimDates(dates: string[]): string[] {
  let end = dates.length;
  while (end > 0 && dates[end - 1] === "") end--;
  return dates.slice(0, end);
}

/**
 * One page of a show's followers after it ended: whoever the bot had left *watching* with every
 * episode seen (caught up on a show that was still airing) is now *finished*, as marking the last
 * episode of an ended show would have made them. A status the person chose is left alone.
 */
export async function finishCaughtUpPage(
  ctx: MutationCtx,
  tmdbId: number,
  cursor: string | null,
  now: number,
): Promise<{ finished: number; continueCursor: string | null }> {
  const show = await getShow(ctx, tmdbId);
  if (show === null || show.ongoing === true) return { finished: 0, continueCursor: null };
  const page = await ctx.db
    .query("reminders")
    .withIndex("by_show", (q) => q.eq("tmdbId", tmdbId))
    .paginate({ cursor, numItems: FOLLOWERS_PAGE });
  let finished = 0;
  for (const row of page.page) {
    const summary = await getSummary(ctx, row.userId, tmdbId);
    if (summary === null || summary.autoStatus !== "watching") continue;
    const progress = showProgress(show, summaryToSet(summary));
    // Announced episodes still to air: caught up, not finished.
    if (progress.total === 0 || progress.watched < progress.total || progress.upcoming !== undefined) continue;
    const item = await findItem(ctx, row.userId, tmdbId, "tv");
    if (item === null || item.progressStatus !== "watching") continue;
    await ctx.db.patch(item._id, { progressStatus: WEB_STATUS.finished, progress: 100, updatedAt: now });
    await ctx.db.patch(summary._id, { autoStatus: "finished" });
    finished++;
  }
  return { finished, continueCursor: page.isDone ? null : page.continueCursor };
}

/** Whether every regular episode up to `through` (TMDB's numbers, in list order) is in the watched set. */
export function caughtUpThrough(show: Doc<"shows">, watched: WatchedSet, through: EpisodeKey): boolean {
  for (const s of regularSeasons(show)) {
    if (s.season > through.season) break;
    const numbers = episodeNumbersOf(s);
    const last =
      s.season === through.season
        ? Math.min(positionOf(s, through.episode) ?? numbers.filter((n) => n <= through.episode).length, s.episodeCount)
        : s.episodeCount;
    const set = watched.get(s.season);
    for (let p = 0; p < last; p++) if (!set?.has(numbers[p]!)) return false;
  }
  return true;
}

/** One page of a show's followers: those caught up before this episode get one alert each. */
export async function alertFollowersPage(
  ctx: MutationCtx,
  args: { tmdbId: number; previous: EpisodeKey; aired: EpisodeKey & { name?: string }; cursor: string | null },
  now: number,
): Promise<{ alerted: number; continueCursor: string | null }> {
  const show = await getShow(ctx, args.tmdbId);
  if (show === null) return { alerted: 0, continueCursor: null };
  const page = await ctx.db
    .query("reminders")
    .withIndex("by_show", (q) => q.eq("tmdbId", args.tmdbId))
    .paginate({ cursor: args.cursor, numItems: FOLLOWERS_PAGE });
  const code = episodeKey(args.aired);
  let alerted = 0;
  for (const row of page.page) {
    if (row.muted || row.alertedEpisode === code) continue;
    const account = await accountOfUser(ctx, row.userId);
    if (account === null || !account.remindersEnabled || account.dmsClosedAt !== undefined) continue;
    const { watched } = await readWatched(ctx, row.userId, args.tmdbId);
    if (!caughtUpThrough(show, watched, args.previous) || watched.get(args.aired.season)?.has(args.aired.episode)) continue;
    const body = restMessageBody(
      newEpisodeDm(
        {
          tmdbId: args.tmdbId,
          title: show.title,
          ...(show.image ? { posterUrl: show.image } : {}),
          episode: args.aired,
          first: account.lastDmAt === undefined,
        },
        translator(account.locale),
      ),
    );
    const sendAt = quietUntil(now, account.timeZone ?? "UTC", account.quietHours) ?? now;
    await queueDm(ctx, account, body, [args.tmdbId], now, sendAt);
    // An alert doesn't end stalled reminders: the show is reminded about N days on if still unwatched.
    await ctx.db.patch(row._id, {
      alertedEpisode: code,
      alertedAt: now,
      dueAt: Math.max(row.dueAt ?? 0, now + reminderDays(account) * DAY_MS),
    });
    alerted++;
  }
  return { alerted, continueCursor: page.isDone ? null : page.continueCursor };
}
