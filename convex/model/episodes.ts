import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { ProgressStatus } from "../validators";
import { fail, quoteTitle } from "./errors";
import { episodeName, regularSeasons } from "./shows";
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

/** Rebuilds the watched set from episode_progress rows (data written before summaries existed). */
async function scanWatched(ctx: QueryCtx, userId: Id<"users">, tmdbId: number): Promise<WatchedSet> {
  const watched: WatchedSet = new Map();
  const rows = ctx.db
    .query("episode_progress")
    .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId));
  for await (const row of rows) {
    if (!row.isWatched) continue;
    const set = watched.get(row.season) ?? new Set<number>();
    set.add(row.episode);
    watched.set(row.season, set);
  }
  return watched;
}

/** The watched set for reading: the summary when present, else a scan. */
export async function readWatched(ctx: QueryCtx, userId: Id<"users">, tmdbId: number) {
  const summary = await getSummary(ctx, userId, tmdbId);
  return { summary, watched: summary !== null ? summaryToSet(summary) : await scanWatched(ctx, userId, tmdbId) };
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
 * whose state differs, and keeps the show's summary in step.
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
  const { summary, watched } = await readWatched(ctx, userId, tmdbId);
  const changed: EpisodeRef[] = [];
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
  if (summary === null) {
    const id = await ctx.db.insert("episode_summaries", { userId, tmdbId, ...fields });
    doc = (await ctx.db.get(id))!;
  } else if (changed.length === 0) {
    // Nothing flipped: leave the summary (and its subscribers) alone.
    doc = summary;
  } else {
    await ctx.db.patch(summary._id, fields);
    doc = { ...summary, ...fields };
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
        .withIndex("by_user_episode", (q) =>
          q.eq("userId", userId).eq("tmdbId", tmdbId).eq("season", season).eq("episode", episode),
        )
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
  total: number;
  percent: number;
  seasons: { season: number; name: string; watched: number; total: number }[];
  next: (EpisodeRef & { name?: string }) | null;
  lastWatched: EpisodeRef | null;
}

/** Progress over the regular seasons of a cached show, and the episode to watch next. */
export function showProgress(show: Doc<"shows">, watched: WatchedSet): ShowProgress {
  const seasons = regularSeasons(show);
  let watchedCount = 0;
  let lastWatched: EpisodeRef | null = null;
  const perSeason = seasons.map((s) => {
    const set = watched.get(s.season);
    let n = 0;
    if (set) {
      for (const e of set) {
        if (e >= 1 && e <= s.episodeCount) {
          n++;
          if (lastWatched === null || s.season > lastWatched.season || (s.season === lastWatched.season && e > lastWatched.episode)) {
            lastWatched = { season: s.season, episode: e };
          }
        }
      }
    }
    watchedCount += n;
    return { season: s.season, name: s.name, watched: n, total: s.episodeCount };
  });
  const total = show.totalEpisodes;
  const next = nextEpisode(seasons, watched, lastWatched);
  return {
    watched: watchedCount,
    total,
    percent: total === 0 ? 0 : Math.floor((watchedCount / total) * 100),
    seasons: perSeason,
    next: next === null ? null : { ...next, name: episodeName(show, next.season, next.episode) },
    lastWatched,
  };
}

/** The first unwatched episode after the furthest one watched; failing that, the first gap. */
function nextEpisode(
  seasons: { season: number; episodeCount: number }[],
  watched: WatchedSet,
  lastWatched: EpisodeRef | null,
): EpisodeRef | null {
  const unwatchedFrom = (from: EpisodeRef | null): EpisodeRef | null => {
    for (const s of seasons) {
      if (from !== null && s.season < from.season) continue;
      const start = from !== null && s.season === from.season ? from.episode + 1 : 1;
      const set = watched.get(s.season);
      for (let e = start; e <= s.episodeCount; e++) if (!set?.has(e)) return { season: s.season, episode: e };
    }
    return null;
  };
  return unwatchedFrom(lastWatched) ?? (lastWatched !== null ? unwatchedFrom(null) : null);
}

/**
 * How a show's status follows the bot's episode marking (documented in the README):
 * marking watched only moves status forward — nothing or want-to-watch → watching,
 * everything watched → finished — so a status the user chose is never downgraded;
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
}): ProgressStatus | undefined {
  const { current, autoStatus, isWatched, watched, total } = args;
  const complete = total > 0 && watched >= total;
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

/** Expands every episode of the given seasons (or the whole show) from the cached structure. */
export function showBatch(show: Doc<"shows">, seasonNumbers?: number[]): SeasonEpisodes[] {
  const seasons = seasonNumbers === undefined ? regularSeasons(show) : show.seasons.filter((s) => seasonNumbers.includes(s.season));
  if (seasons.length === 0) fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has no episodes listed yet.`);
  return seasons.map((s) => ({ season: s.season, episodes: Array.from({ length: s.episodeCount }, (_, i) => i + 1) }));
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
