// New-episode alerts: shows are checked against TMDB once a day each (airing_shows, one row per
// show however many people follow it), and when one has a newly aired episode, its followers who
// had watched every aired episode before it get "S3E5 of X is out". TMDB's cost grows with the
// number of distinct shows; the fan-out reads a show's followers only when it airs something.
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { newEpisodeDm } from "../../src/views/reminder";
import { restMessageBody } from "../../src/views/message";
import type { ShowSeason } from "../validators";
import { getSummary, readWatched, showProgress, summaryToSet, type WatchedSet } from "./episodes";
import { findItem } from "./watchItems";
import { isOngoing } from "./showStatus";
import { getShow, regularSeasons, upsertShow } from "./shows";
import { accountOfUser, AIRING_CHECK_MS, DAY_MS, reminderDays } from "./remindersActivity";
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
  const lastAired = season !== null && episode !== null && episode >= 1 ? { season, episode, ...(typeof last?.name === "string" ? { name: last.name.slice(0, 200) } : {}) } : null;
  return { title: b.name.slice(0, 500), seasons, lastAired, ...(typeof b.status === "string" ? { ongoing: isOngoing(b.status) } : {}) };
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
    if (stored.ongoing === true && !info.ongoing) await ctx.scheduler.runAfter(0, internal.reminders.finishCaughtUp, { tmdbId, cursor: null });
  }
  const row = await ctx.db
    .query("airing_shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .first();
  if (row === null || info.lastAired === null) return false;
  const previous = row.lastAired;
  const last = { season: info.lastAired.season, episode: info.lastAired.episode };
  if (previous !== undefined && rank(last) <= rank(previous)) return false;
  await ctx.db.patch(row._id, { lastAired: last });
  const cached = await getShow(ctx, tmdbId);
  if (cached !== null) await upsertShow(ctx, { tmdbId, title: cached.title, image: cached.image, seasons: mergedSeasons(cached, info), ongoing: info.ongoing ?? cached.ongoing });
  if (previous === undefined) return false;
  await ctx.scheduler.runAfter(0, internal.reminders.alertFollowers, { tmdbId, previous, aired: { ...last, ...(info.lastAired.name ? { name: info.lastAired.name } : {}) }, cursor: null });
  return true;
}

/** TMDB's counts, keeping the episode names the cache already had (and naming the new one). */
function mergedSeasons(cached: Doc<"shows">, info: AiringInfo): ShowSeason[] {
  return info.seasons.map((s) => {
    const old = cached.seasons.find((c) => c.season === s.season);
    const names = old?.episodeNames ? [...old.episodeNames] : undefined;
    if (names && info.lastAired?.season === s.season && info.lastAired.name && names.length < s.episodeCount) {
      while (names.length < info.lastAired.episode - 1) names.push(`Episode ${names.length + 1}`);
      if (names.length === info.lastAired.episode - 1) names.push(info.lastAired.name);
    }
    return { season: s.season, name: s.name, episodeCount: s.episodeCount, ...(names ? { episodeNames: names.slice(0, s.episodeCount) } : {}) };
  });
}

/**
 * One page of a show's followers after it ended: whoever the bot had left *watching* with every
 * episode seen (caught up on a show that was still airing) is now *finished*, as marking the last
 * episode of an ended show would have made them. A status the person chose is left alone.
 */
export async function finishCaughtUpPage(ctx: MutationCtx, tmdbId: number, cursor: string | null, now: number): Promise<{ finished: number; continueCursor: string | null }> {
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
    if (progress.total === 0 || progress.watched < progress.total) continue;
    const item = await findItem(ctx, row.userId, tmdbId, "tv");
    if (item === null || item.progressStatus !== "watching") continue;
    await ctx.db.patch(item._id, { progressStatus: "finished", progress: 100, updatedAt: now });
    await ctx.db.patch(summary._id, { autoStatus: "finished" });
    finished++;
  }
  return { finished, continueCursor: page.isDone ? null : page.continueCursor };
}

/** Whether every regular episode up to `through` is in the watched set. */
export function caughtUpThrough(show: Doc<"shows">, watched: WatchedSet, through: EpisodeKey): boolean {
  for (const s of regularSeasons(show)) {
    if (s.season > through.season) break;
    const last = s.season === through.season ? Math.min(through.episode, s.episodeCount) : s.episodeCount;
    const set = watched.get(s.season);
    for (let e = 1; e <= last; e++) if (!set?.has(e)) return false;
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
    const body = restMessageBody(newEpisodeDm({ tmdbId: args.tmdbId, title: show.title, ...(show.image ? { posterUrl: show.image } : {}), episode: args.aired, first: account.lastDmAt === undefined }));
    const sendAt = quietUntil(now, account.timeZone ?? "UTC", account.quietHours) ?? now;
    await queueDm(ctx, account, body, [args.tmdbId], now, sendAt);
    // An alert doesn't end stalled reminders: the show is reminded about N days on if still unwatched.
    await ctx.db.patch(row._id, { alertedEpisode: code, alertedAt: now, dueAt: Math.max(row.dueAt ?? 0, now + reminderDays(account) * DAY_MS) });
    alerted++;
  }
  return { alerted, continueCursor: page.isDone ? null : page.continueCursor };
}
