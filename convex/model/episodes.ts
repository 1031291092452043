import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { ProgressStatus } from "../lib/validators";
import { publishProgressChanged } from "./progress";
import { fail, quoteTitle } from "./errors";
import { airedNumbersOf, airsPhrase, episodeName, firstAnnounced, regularSeasons, type Announced } from "./shows";
import { parseEpisodeNumber, parseSeasonNumber, parseTmdbId } from "./vocabulary";

export interface SeasonEpisodes {
  season: number;
  episodes: number[];
}

export interface EpisodeRef {
  season: number;
  episode: number;
}

/** Watched episodes of one show, by season. */
export type WatchedSet = Map<number, Set<number>>;

/** Below this many episodes in a season, point lookups read less than a season scan. */
const POINT_LOOKUP_LIMIT = 16;

/** Validates and de-duplicates a batch, dropping empty seasons. */
export function cleanBatch(seasons: SeasonEpisodes[]): SeasonEpisodes[] {
  const bySeason = new Map<number, Set<number>>();
  for (const s of seasons) {
    const season = parseSeasonNumber(s.season);
    const set = bySeason.get(season) ?? new Set<number>();
    for (const e of s.episodes) set.add(parseEpisodeNumber(e));
    bySeason.set(season, set);
  }
  return [...bySeason.entries()]
    .filter(([, eps]) => eps.size > 0)
    .sort(([a], [b]) => a - b)
    .map(([season, eps]) => ({ season, episodes: [...eps].sort((a, b) => a - b) }));
}

export function batchSize(seasons: SeasonEpisodes[]): number {
  return seasons.reduce((n, s) => n + s.episodes.length, 0);
}

export async function getSummary(ctx: QueryCtx, userId: Id<"users">, tmdbId: number) {
  return await ctx.db
    .query("episode_summaries")
    .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
    .unique();
}

export function summaryToSet(summary: Pick<Doc<"episode_summaries">, "seasons">): WatchedSet {
  return new Map(summary.seasons.map((s) => [s.season, new Set(s.episodes)]));
}

function setToSummarySeasons(watched: WatchedSet) {
  return [...watched.entries()]
    .filter(([, eps]) => eps.size > 0)
    .sort(([a], [b]) => a - b)
    .map(([season, eps]) => ({ season, episodes: [...eps].sort((a, b) => a - b) }));
}

function countWatched(watched: WatchedSet): number {
  let n = 0;
  for (const eps of watched.values()) n += eps.size;
  return n;
}

/**
 * Rows a read may look at for a show that has no summary yet. The deployment-wide
 * migration (convex/migrations.ts) gives every show one; until it has, a command
 * answers from this many rows and says whether that was all of them.
 */
export const UNSUMMARISED_READ_LIMIT = 30;

/** Rows one scheduled page of a summary build reads. */
export const SUMMARY_BUILD_PAGE = 1_000;

/**
 * The watched set for reading. `complete` is false while the show's summary is still
 * being built from older rows, or when it has none and the show has more rows than one
 * bounded read looks at; `watched` then holds what is known so far.
 */
export async function readWatched(ctx: QueryCtx, userId: Id<"users">, tmdbId: number) {
  const summary = await getSummary(ctx, userId, tmdbId);
  if (summary !== null) return { summary, watched: summaryToSet(summary), complete: summary.building === undefined };
  const rows = await ctx.db
    .query("episode_progress")
    .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
    .take(UNSUMMARISED_READ_LIMIT + 1);
  const watched: WatchedSet = new Map();
  for (const row of rows.slice(0, UNSUMMARISED_READ_LIMIT)) addWatched(watched, row);
  return { summary, watched, complete: rows.length <= UNSUMMARISED_READ_LIMIT };
}

function addWatched(watched: WatchedSet, row: Doc<"episode_progress">): void {
  if (!row.isWatched) return;
  const set = watched.get(row.season) ?? new Set<number>();
  set.add(row.episode);
  watched.set(row.season, set);
}

/**
 * The show's summary for a write. A show with episode rows but no summary (the web app
 * tracked it before summaries existed) gets one that starts empty and is filled by
 * scheduled pages (buildSummaryPage), so the write reads a bounded number of rows;
 * meanwhile every write keeps its own episodes in step, so the result is exact.
 */
export async function summaryForWrite(ctx: MutationCtx, userId: Id<"users">, tmdbId: number): Promise<Doc<"episode_summaries">> {
  const summary = await getSummary(ctx, userId, tmdbId);
  if (summary !== null) return summary;
  const anyRow = await ctx.db
    .query("episode_progress")
    .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
    .first();
  return (await ctx.db.get(await startSummary(ctx, userId, tmdbId, anyRow !== null)))!;
}

/** A new summary, empty; when `build`, filled from the show's rows by scheduled pages. */
export async function startSummary(ctx: MutationCtx, userId: Id<"users">, tmdbId: number, build: boolean) {
  const now = Date.now();
  const id = await ctx.db.insert("episode_summaries", {
    userId,
    tmdbId,
    seasons: [],
    watchedCount: 0,
    ...(build ? { building: { cursor: null, startedAt: now } } : {}),
    updatedAt: now,
  });
  if (build) await ctx.scheduler.runAfter(0, internal.migrations.buildSummaryPage, { summaryId: id });
  return id;
}

/** Empties a summary and rebuilds it from the show's rows (the repair path). */
export async function restartSummary(ctx: MutationCtx, summary: Doc<"episode_summaries">): Promise<void> {
  const now = Date.now();
  await ctx.db.patch(summary._id, { seasons: [], watchedCount: 0, building: { cursor: null, startedAt: now }, updatedAt: now });
  await ctx.scheduler.runAfter(0, internal.migrations.buildSummaryPage, { summaryId: summary._id });
}

/**
 * One page of a summary build: adds the watched rows of the next page to the summary
 * and schedules the next page, or marks the summary complete. Rows a write changed in
 * the meantime agree with the summary already (the write updated both), so adding what
 * the rows say now is always right.
 */
export async function buildSummaryPage(ctx: MutationCtx, summaryId: Id<"episode_summaries">): Promise<void> {
  const summary = await ctx.db.get(summaryId);
  if (summary === null || summary.building === undefined) return;
  const page = await ctx.db
    .query("episode_progress")
    .withIndex("by_user_media", (q) => q.eq("userId", summary.userId).eq("tmdbId", summary.tmdbId))
    .paginate({ cursor: summary.building.cursor, numItems: SUMMARY_BUILD_PAGE });
  const watched = summaryToSet(summary);
  for (const row of page.page) addWatched(watched, row);
  await ctx.db.patch(summaryId, {
    seasons: setToSummarySeasons(watched),
    watchedCount: countWatched(watched),
    building: page.isDone ? undefined : { cursor: page.continueCursor, startedAt: summary.building.startedAt },
  });
  if (!page.isDone) await ctx.scheduler.runAfter(0, internal.migrations.buildSummaryPage, { summaryId });
  // The whole progress is known now (a party board showed what was known so far).
  else await publishProgressChanged(ctx, { kind: "summaryBuilt", userId: summary.userId, tmdbId: summary.tmdbId });
}

/** Every watched episode of a show, by season (for "unwatch the whole show"). */
export async function watchedBatch(ctx: MutationCtx, userId: Id<"users">, tmdbId: number): Promise<SeasonEpisodes[]> {
  const summary = await getSummary(ctx, userId, tmdbId);
  let watched: WatchedSet;
  if (summary !== null && summary.building === undefined) {
    watched = summaryToSet(summary);
  } else {
    // Not summarised yet: the web app's own call reads the show's rows, as the original does.
    watched = new Map();
    const rows = ctx.db.query("episode_progress").withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId));
    for await (const row of rows) addWatched(watched, row);
  }
  return setToSummarySeasons(watched);
}

export interface ApplyResult {
  /** Episodes whose watched state flipped. */
  changed: EpisodeRef[];
  /** Episodes asked for that were already in the requested state. */
  unchanged: number;
  summary: Doc<"episode_summaries">;
}

/**
 * Sets the watched state of a batch of episodes of one show, writing only rows
 * whose state differs, and keeps the show's summary in step. This is the one path
 * that writes episode_progress: the web app's functions, the bot's, undo and the
 * scheduled chunks of large jobs all come through here.
 */
export async function applyEpisodes(
  ctx: MutationCtx,
  userId: Id<"users">,
  tmdbId: number,
  batch: SeasonEpisodes[],
  isWatched: boolean,
): Promise<ApplyResult> {
  parseTmdbId(tmdbId);
  const now = Date.now();
  const summary = await summaryForWrite(ctx, userId, tmdbId);
  const watched = summaryToSet(summary);
  const changed: EpisodeRef[] = [];
  // When each flipped episode was counted in stats (now, or when an unmarked one had been marked).
  const countedAt: number[] = [];
  let unchanged = 0;

  for (const { season, episodes } of batch) {
    const rows = await rowsFor(ctx, userId, tmdbId, season, episodes);
    const seasonSet = watched.get(season) ?? new Set<number>();
    for (const episode of episodes) {
      const copies = rows.get(episode) ?? [];
      // An episode counts as watched when any of its rows says so (older data can hold duplicates).
      const current = copies.some((row) => row.isWatched);
      if (current === isWatched) {
        unchanged++;
      } else {
        changed.push({ season, episode });
        countedAt.push(isWatched ? now : Math.min(...copies.filter((row) => row.isWatched).map((row) => row.updatedAt)));
        if (copies.length === 0) {
          await ctx.db.insert("episode_progress", { userId, tmdbId, season, episode, isWatched, updatedAt: now });
        }
      }
      // Every copy ends in the requested state, so the rows and the summary always agree.
      for (const row of copies) if (row.isWatched !== isWatched) await ctx.db.patch(row._id, { isWatched, updatedAt: now });
      if (isWatched) seasonSet.add(episode);
      else seasonSet.delete(episode);
    }
    watched.set(season, seasonSet);
  }

  const fields = { seasons: setToSummarySeasons(watched), watchedCount: countWatched(watched), updatedAt: now };
  let doc: Doc<"episode_summaries">;
  if (changed.length === 0) {
    // Nothing flipped: leave the summary (and its subscribers) alone.
    doc = summary;
  } else {
    await ctx.db.patch(summary._id, fields);
    doc = { ...summary, ...fields };
    // Whoever follows this user's progress (party boards, reminders) hears of it in this same
    // transaction (model/progress.ts).
    const flips = { isWatched, episodes: changed.map((e, i) => ({ ...e, countedAt: countedAt[i]! })) };
    await publishProgressChanged(ctx, { kind: "episodes", userId, tmdbId, at: now, flips });
  }
  return { changed, unchanged, summary: doc };
}

async function rowsFor(
  ctx: QueryCtx,
  userId: Id<"users">,
  tmdbId: number,
  season: number,
  episodes: number[],
): Promise<Map<number, Doc<"episode_progress">[]>> {
  const rows = new Map<number, Doc<"episode_progress">[]>();
  const add = (row: Doc<"episode_progress">) => rows.set(row.episode, [...(rows.get(row.episode) ?? []), row]);
  if (episodes.length <= POINT_LOOKUP_LIMIT) {
    for (const episode of episodes) {
      const copies = await ctx.db
        .query("episode_progress")
        .withIndex("by_user_episode", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("season", season).eq("episode", episode))
        .take(10);
      copies.forEach(add);
    }
    return rows;
  }
  const wanted = new Set(episodes);
  const all = ctx.db
    .query("episode_progress")
    .withIndex("by_user_season", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("season", season));
  for await (const row of all) if (wanted.has(row.episode)) add(row);
  return rows;
}

export interface ShowProgress {
  watched: number;
  /** Episodes aired so far in the regular seasons (TMDB also lists announced ones; they don't count). */
  total: number;
  percent: number;
  seasons: { season: number; name: string; watched: number; total: number }[];
  next: (EpisodeRef & { name?: string }) | null;
  lastWatched: EpisodeRef | null;
  /** When nothing aired is left to watch: the next announced episode, with its air date when TMDB has one. */
  upcoming?: Announced;
}

/**
 * Progress over the aired episodes of a cached show's regular seasons, and the episode to watch next
 * (aired; else `upcoming`, the next announced one). Episodes are TMDB's numbers, in list order.
 */
export function showProgress(show: Doc<"shows">, watched: WatchedSet, now = Date.now()): ShowProgress {
  const seasons = regularSeasons(show).map((s) => ({ season: s.season, name: s.name, numbers: airedNumbersOf(s, now) }));
  let watchedCount = 0;
  let lastWatched: (EpisodeRef & { position: number }) | null = null;
  const perSeason = seasons.map((s) => {
    const set = watched.get(s.season);
    let n = 0;
    if (set) {
      s.numbers.forEach((e, i) => {
        if (!set.has(e)) return;
        n++;
        if (lastWatched === null || s.season > lastWatched.season || (s.season === lastWatched.season && i + 1 > lastWatched.position)) {
          lastWatched = { season: s.season, episode: e, position: i + 1 };
        }
      });
    }
    watchedCount += n;
    return { season: s.season, name: s.name, watched: n, total: s.numbers.length };
  });
  const total = seasons.reduce((sum, s) => sum + s.numbers.length, 0);
  const last = lastWatched as (EpisodeRef & { position: number }) | null;
  const next = nextEpisode(seasons, watched, last);
  const upcoming = next === null ? firstAnnounced(show, now) : null;
  return {
    watched: watchedCount,
    total,
    percent: total === 0 ? 0 : Math.floor((watchedCount / total) * 100),
    seasons: perSeason,
    next: next === null ? null : { ...next, name: episodeName(show, next.season, next.episode) },
    lastWatched: last === null ? null : { season: last.season, episode: last.episode },
    ...(upcoming === null ? {} : { upcoming }),
  };
}

/** The first unwatched aired episode after the furthest one watched; failing that, the first gap. */
function nextEpisode(
  seasons: { season: number; numbers: number[] }[],
  watched: WatchedSet,
  lastWatched: { season: number; position: number } | null,
): EpisodeRef | null {
  const unwatchedFrom = (from: { season: number; position: number } | null): EpisodeRef | null => {
    for (const s of seasons) {
      if (from !== null && s.season < from.season) continue;
      const start = from !== null && s.season === from.season ? from.position : 0;
      const set = watched.get(s.season);
      for (let i = start; i < s.numbers.length; i++) if (!set?.has(s.numbers[i]!)) return { season: s.season, episode: s.numbers[i]! };
    }
    return null;
  };
  return unwatchedFrom(lastWatched) ?? (lastWatched !== null ? unwatchedFrom(null) : null);
}

/**
 * How a show's status follows the bot's episode marking (documented in the README):
 * marking watched only moves status forward — nothing or want-to-watch → watching,
 * everything watched → finished (unless the show is still airing: then it stays watching,
 * caught up) — so a status the user chose is never downgraded;
 * unmarking recomputes the status only while it is still the one the bot set
 * itself (the user has not chosen one since). Progress follows the episodes
 * whenever the status ends up as the episodes say.
 */
export function followedStatus(args: {
  current: ProgressStatus | undefined;
  autoStatus: string | undefined;
  isWatched: boolean;
  watched: number;
  total: number;
  /** More episodes are coming: every aired one watched is caught up (watching), not finished. */
  ongoing?: boolean;
}): ProgressStatus | undefined {
  const { current, autoStatus, isWatched, watched, total } = args;
  const complete = total > 0 && watched >= total && args.ongoing !== true;
  const byEpisodes: ProgressStatus = watched === 0 ? "want-to-watch" : complete ? "finished" : "watching";
  if (isWatched) {
    if (watched === 0) return undefined;
    if (current === undefined || current === "want-to-watch") return byEpisodes;
    if (current === "watching" && complete) return "finished";
    return undefined;
  }
  if (current !== undefined && current === autoStatus && current !== byEpisodes) return byEpisodes;
  return undefined;
}

export function progressPercent(status: ProgressStatus, watched: number, total: number): number | undefined {
  if (status === "finished") return 100;
  if (status === "want-to-watch") return 0;
  if (total === 0) return undefined;
  return Math.min(99, Math.floor((watched / total) * 100));
}

/**
 * Expands every aired episode of the given seasons (or the whole show) from the cached structure,
 * as TMDB numbers them. Announced episodes are left out; a batch with none aired is refused, saying when the first airs.
 */
export function showBatch(show: Doc<"shows">, seasonNumbers?: number[], now = Date.now()): SeasonEpisodes[] {
  const seasons = seasonNumbers === undefined ? regularSeasons(show) : show.seasons.filter((s) => seasonNumbers.includes(s.season));
  if (seasons.length === 0) fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has no episodes listed yet.`);
  const batch = seasons.map((s) => ({ season: s.season, episodes: airedNumbersOf(s, now) })).filter((s) => s.episodes.length > 0);
  if (batch.length === 0) {
    const first = firstAnnounced({ seasons }, now);
    const when = first === null ? "" : ` — S${first.season}E${first.episode} ${airsPhrase(first.airDate)}`;
    fail(
      "EPISODE_NOT_AIRED",
      `Nothing of ${quoteTitle(show.title)}${seasonNumbers?.length === 1 ? ` season ${seasonNumbers[0]}` : ""} has aired yet${when}. Nothing was marked.`,
    );
  }
  return batch;
}

/** Splits a batch so that each part holds at most `limit` episodes. */
export function splitBatch(batch: SeasonEpisodes[], limit: number): [SeasonEpisodes[], SeasonEpisodes[]] {
  const head: SeasonEpisodes[] = [];
  const tail: SeasonEpisodes[] = [];
  let room = limit;
  for (const s of batch) {
    if (room >= s.episodes.length) {
      head.push(s);
      room -= s.episodes.length;
    } else if (room > 0) {
      head.push({ season: s.season, episodes: s.episodes.slice(0, room) });
      tail.push({ season: s.season, episodes: s.episodes.slice(room) });
      room = 0;
    } else {
      tail.push(s);
    }
  }
  return [head, tail];
}
