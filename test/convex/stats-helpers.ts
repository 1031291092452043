// Shared by the stats*.test.ts files: a show with runtimes, and a full recount of a person's stats
// from the rows (episode_progress, watch_items) to hold the incrementally kept counters against.
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { episodeMinutes, yearOf } from "../../convex/stats/counters";
import { normalizeState } from "../../convex/model/vocabulary";
import { vi } from "vitest";
import { SECRET, type Deployment } from "./setup";

/** A show whose episodes have runtimes: season 1 all 50 min, season 2 unknown for E2 (the season's mean, 60, stands in). */
export const SHOW = {
  tmdbId: 4242,
  title: "The Long Watch",
  seasons: [
    {
      season: 1,
      name: "Season 1",
      episodeCount: 6,
      episodeNames: [1, 2, 3, 4, 5, 6].map((e) => `Episode ${e}`),
      runtimes: [50, 50, 50, 50, 50, 50],
    },
    { season: 2, name: "Season 2", episodeCount: 4, episodeNames: [1, 2, 3, 4].map((e) => `Episode ${e}`), runtimes: [55, 0, 65, 60] },
  ],
};

export async function cacheShow(t: Deployment) {
  await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW });
}

export interface YearFigures {
  episodes: number;
  minutes: number;
  films: number;
  showsFinished: number;
  reactions: Record<string, number>;
  shows: Record<number, number>;
  /** Finished titles by genre id. */
  genres: Record<number, number>;
}

const empty = (): YearFigures => ({ episodes: 0, minutes: 0, films: 0, showsFinished: 0, reactions: {}, shows: {}, genres: {} });
const isEmpty = (f: YearFigures) =>
  f.episodes === 0 &&
  f.minutes === 0 &&
  f.films === 0 &&
  f.showsFinished === 0 &&
  Object.keys(f.reactions).length === 0 &&
  Object.keys(f.shows).length === 0 &&
  Object.keys(f.genres).length === 0;

/**
 * What the counters should hold, by year (0: all time), recounted from the rows: each watched episode
 * once, in the year of its earliest watched copy; each finished title and reaction in the year
 * stats_titles noted (that note must agree with the row).
 */
export async function recount(t: Deployment, userId: Id<"users">): Promise<Record<number, YearFigures>> {
  return await t.run(async (ctx) => {
    const out = new Map<number, YearFigures>();
    const at = (year: number) => out.get(year) ?? (out.set(year, empty()), out.get(year)!);
    const add = (year: number, f: (y: YearFigures) => void) => {
      f(at(year));
      f(at(0));
    };
    const rows = await ctx.db
      .query("episode_progress")
      .withIndex("by_user", (q) => q.eq("userId", userId))
      .collect();
    const episodes = new Map<string, { tmdbId: number; season: number; episode: number; at: number }>();
    for (const row of rows) {
      if (!row.isWatched) continue;
      const key = `${row.tmdbId}:${row.season}:${row.episode}`;
      const seen = episodes.get(key);
      if (seen === undefined || row.updatedAt < seen.at) episodes.set(key, { ...row, at: row.updatedAt });
    }
    for (const e of episodes.values()) {
      const show = await ctx.db
        .query("shows")
        .withIndex("by_tmdb", (q) => q.eq("tmdbId", e.tmdbId))
        .unique();
      const minutes = episodeMinutes(show, e.season, e.episode);
      add(yearOf(e.at), (y) => {
        y.episodes++;
        y.minutes += minutes;
        y.shows[e.tmdbId] = (y.shows[e.tmdbId] ?? 0) + 1;
      });
    }
    const items = await ctx.db
      .query("watch_items")
      .withIndex("by_user", (q) => q.eq("userId", userId))
      .collect();
    const ledger = await ctx.db
      .query("stats_titles")
      .withIndex("by_user_title", (q) => q.eq("userId", userId))
      .collect();
    for (const item of items) {
      const state = normalizeState(item);
      const noted = ledger.find((l) => l.tmdbId === item.tmdbId && l.mediaType === item.mediaType);
      if (state.progressStatus === "finished") {
        if (noted?.finishedAt === undefined) throw new Error(`finished ${item.mediaType} ${item.tmdbId} was never counted`);
        const facts = await ctx.db
          .query("title_facts")
          .withIndex("by_title", (q) => q.eq("tmdbId", item.tmdbId).eq("mediaType", item.mediaType))
          .first();
        add(yearOf(noted.finishedAt), (y) => {
          if (item.mediaType === "movie") {
            y.films++;
            y.minutes += facts?.runtime ?? 0;
          } else y.showsFinished++;
          for (const g of facts?.genres ?? []) y.genres[g] = (y.genres[g] ?? 0) + 1;
        });
      } else if (noted?.finishedAt !== undefined) throw new Error(`${item.mediaType} ${item.tmdbId} is counted as finished but isn't`);
      if (state.reaction !== undefined) {
        if (noted?.reaction !== state.reaction || noted.reactionAt === undefined) throw new Error(`reaction of ${item.tmdbId} not counted`);
        add(yearOf(noted.reactionAt), (y) => (y.reactions[state.reaction!] = (y.reactions[state.reaction!] ?? 0) + 1));
      } else if (noted?.reaction !== undefined) throw new Error(`reaction of ${item.tmdbId} counted but gone`);
    }
    for (const l of ledger)
      if (!items.some((i) => i.tmdbId === l.tmdbId && i.mediaType === l.mediaType))
        throw new Error(`a note for ${l.tmdbId} without its title`);
    return Object.fromEntries([...out].filter(([, f]) => !isEmpty(f)));
  });
}

/** What the counters hold, in recount's shape (all-zero years left out); also checks each year's days add up. */
export async function counters(t: Deployment, userId: Id<"users">): Promise<Record<number, YearFigures>> {
  return await t.run(async (ctx) => {
    const totals = await ctx.db
      .query("stats_totals")
      .withIndex("by_user_year", (q) => q.eq("userId", userId))
      .collect();
    const shows = await ctx.db
      .query("stats_shows")
      .withIndex("by_user_year_show", (q) => q.eq("userId", userId))
      .collect();
    const out: Record<number, YearFigures> = {};
    for (const row of totals) {
      const f: YearFigures = {
        ...empty(),
        episodes: row.episodes,
        minutes: row.minutes,
        films: row.films,
        showsFinished: row.showsFinished,
      };
      f.reactions = Object.fromEntries(Object.entries(row.reactions).filter(([, n]) => n !== 0));
      f.genres = Object.fromEntries(Object.entries(row.genres ?? {}).filter(([, n]) => n !== 0));
      for (const s of shows) if (s.year === row.year && s.episodes !== 0) f.shows[s.tmdbId] = s.episodes;
      if (row.days !== undefined) {
        const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
        if (sum(row.days.episodes) !== row.episodes || sum(row.days.minutes) !== row.minutes || sum(row.days.films) !== row.films)
          throw new Error(`the days of ${row.year} don't add up to its totals`);
      }
      if (!isEmpty(f)) out[row.year] = f;
    }
    return out;
  });
}

/** A fake TMDB for the facts fetcher: 603 and the show are known, 604 doesn't exist, 605 fails; anything else (Discord) answers {}. */
export async function fakeTmdb(url: string | URL | Request): Promise<Response> {
  const u = String(url);
  if (u.includes("/movie/603"))
    return Response.json({
      id: 603,
      runtime: 136,
      genres: [
        { id: 28, name: "Action" },
        { id: 878, name: "SF" },
      ],
    });
  if (u.includes("/movie/604")) return new Response("{}", { status: 404 });
  if (u.includes("/movie/605")) return new Response("oops", { status: 500 });
  if (u.includes(`/tv/${SHOW.tmdbId}`)) return Response.json({ id: SHOW.tmdbId, genres: [{ id: 18, name: "Drama" }] });
  return new Response("{}", { status: 200 });
}

export function useFakeTmdb() {
  process.env.TMDB_API_URL = "https://tmdb.test/3";
  process.env.TMDB_API_TOKEN = "tmdb-token";
  vi.stubGlobal("fetch", vi.fn(fakeTmdb));
}
export function dropFakeTmdb() {
  vi.unstubAllGlobals();
  delete process.env.TMDB_API_URL;
  delete process.env.TMDB_API_TOKEN;
}
