// Reading the stats counters (docs/stats.md "Bounds"): a person's figures from at most
// MAX_YEARS_READ + 5 documents, a server's leaderboard from at most 3 × BOARD_SIZE + PARTIES_READ.
import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { ALL_TIME, getTotals, periodsOf, yearOf } from "./counters";

/** Year rows an all-time view reads for the longest streak (the most recent years). */
export const MAX_YEARS_READ = 10;
/** Most-watched shows listed. */
export const TOP_SHOWS = 3;
/** Genres listed (the most finished titles first). */
export const TOP_GENRES = 5;
/** Members per leaderboard column. */
export const BOARD_SIZE = 10;
/** Active watch parties of the server read for its totals. */
export const PARTIES_READ = 10;

export const statsFigures = v.object({
  /** null: all time. */
  year: v.union(v.number(), v.null()),
  episodes: v.number(),
  minutes: v.number(),
  films: v.number(),
  showsFinished: v.number(),
  reactions: v.record(v.string(), v.number()),
  longestStreak: v.number(),
  /** Days with anything watched (episodes or films) in the period. */
  activeDays: v.number(),
  /** TMDB genre ids with the titles finished in each, most first (at most TOP_GENRES). */
  topGenres: v.array(v.object({ id: v.number(), titles: v.number() })),
  topShows: v.array(
    v.object({
      tmdbId: v.number(),
      title: v.optional(v.string()),
      image: v.optional(v.string()),
      episodes: v.number(),
      minutes: v.number(),
    }),
  ),
});
export type StatsFigures = Infer<typeof statsFigures>;

const active = (days: Doc<"stats_totals">["days"], i: number) => (days?.episodes[i] ?? 0) > 0 || (days?.films[i] ?? 0) > 0;
const daysIn = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);

/** Longest run of consecutive active UTC days across these year rows (any order; years apart break the run). */
export function streakOf(rows: Doc<"stats_totals">[]): { longest: number; activeDays: number } {
  const sorted = rows.filter((r) => r.year !== ALL_TIME).sort((a, b) => a.year - b.year);
  let longest = 0;
  let run = 0;
  let activeDays = 0;
  let lastYear: number | null = null;
  for (const row of sorted) {
    if (lastYear !== null && row.year !== lastYear + 1) run = 0;
    for (let i = 0; i < daysIn(row.year); i++) {
      if (active(row.days, i)) {
        run++;
        activeDays++;
        longest = Math.max(longest, run);
      } else run = 0;
    }
    lastYear = row.year;
  }
  return { longest, activeDays };
}

/** The TOP_GENRES genres with the most titles finished (ties: the smaller id first). */
export function topGenres(genres: Record<string, number> | undefined): { id: number; titles: number }[] {
  return Object.entries(genres ?? {})
    .map(([id, titles]) => ({ id: Number(id), titles }))
    .filter((g) => g.titles > 0 && Number.isSafeInteger(g.id))
    .sort((a, b) => b.titles - a.titles || a.id - b.id)
    .slice(0, TOP_GENRES);
}

/** A person's figures for a year, or all time (year null); null when nothing was ever counted for them. */
export async function readFigures(ctx: QueryCtx, userId: Id<"users">, year: number | null): Promise<StatsFigures | null> {
  const totals = await getTotals(ctx, userId, year ?? ALL_TIME);
  if (totals === null) return null;
  const yearRows =
    year !== null
      ? [totals]
      : await ctx.db
          .query("stats_totals")
          .withIndex("by_user_year", (q) => q.eq("userId", userId).gt("year", ALL_TIME))
          .order("desc")
          .take(MAX_YEARS_READ);
  const streak = streakOf(yearRows);
  const shows = await ctx.db
    .query("stats_shows")
    .withIndex("by_user_year_episodes", (q) =>
      q
        .eq("userId", userId)
        .eq("year", year ?? ALL_TIME)
        .gt("episodes", 0),
    )
    .order("desc")
    .take(TOP_SHOWS);
  return {
    year,
    episodes: Math.max(0, totals.episodes),
    minutes: Math.max(0, totals.minutes),
    films: Math.max(0, totals.films),
    showsFinished: Math.max(0, totals.showsFinished),
    reactions: Object.fromEntries(Object.entries(totals.reactions).filter(([, n]) => n > 0)),
    longestStreak: streak.longest,
    topGenres: topGenres(totals.genres),
    activeDays: streak.activeDays,
    topShows: shows.map((s) => ({
      tmdbId: s.tmdbId,
      ...(s.title ? { title: s.title } : {}),
      ...(s.image ? { image: s.image } : {}),
      episodes: s.episodes,
      minutes: s.minutes,
    })),
  };
}

export async function shareOf(ctx: QueryCtx, userId: Id<"users">, guildId: string) {
  return await ctx.db
    .query("stats_shares")
    .withIndex("by_user_guild", (q) => q.eq("userId", userId).eq("guildId", guildId))
    .first();
}

export const boardPeriod = v.union(v.literal("week"), v.literal("month"), v.literal("year"));
export type BoardPeriod = Infer<typeof boardPeriod>;

const boardEntry = v.object({ discordUserId: v.string(), name: v.string(), value: v.number() });
export const serverBoard = v.object({
  period: boardPeriod,
  /** When the period began (UTC ms). */
  since: v.number(),
  episodes: v.array(boardEntry),
  minutes: v.array(boardEntry),
  films: v.array(boardEntry),
  parties: v.object({
    active: v.number(),
    members: v.number(),
    top: v.array(v.object({ title: v.string(), name: v.optional(v.string()), members: v.number() })),
  }),
});
export type ServerBoard = Infer<typeof serverBoard>;

/** The server's leaderboard for the current week, month or year: members who share here, top BOARD_SIZE by each figure. */
export async function readBoard(ctx: QueryCtx, guildId: string, period: BoardPeriod, now = Date.now()): Promise<ServerBoard> {
  const p = periodsOf(now);
  const key = period === "week" ? p.week : period === "month" ? p.month : p.year;
  const d = new Date(now);
  const since =
    period === "week" ? p.weekStart : period === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) : Date.UTC(yearOf(now), 0, 1);
  const column = async (
    index: "by_guild_period_episodes" | "by_guild_period_minutes" | "by_guild_period_films",
    field: "episodes" | "minutes" | "films",
  ) => {
    const rows = await ctx.db
      .query("stats_board")
      .withIndex(index, (q) => q.eq("guildId", guildId).eq("period", key).gt(field, 0))
      .order("desc")
      .take(BOARD_SIZE);
    return rows.map((r) => ({ discordUserId: r.discordUserId, name: r.name, value: r[field] }));
  };
  const parties = await ctx.db
    .query("parties")
    .withIndex("by_guild_state", (q) => q.eq("guildId", guildId).eq("state", "active"))
    .take(PARTIES_READ);
  const byMembers = [...parties].sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0));
  return {
    period,
    since,
    episodes: await column("by_guild_period_episodes", "episodes"),
    minutes: await column("by_guild_period_minutes", "minutes"),
    films: await column("by_guild_period_films", "films"),
    parties: {
      active: parties.length,
      members: parties.reduce((n, party) => n + (party.memberCount ?? 0), 0),
      top: byMembers
        .slice(0, 3)
        .map((party) => ({ title: party.title, ...(party.name ? { name: party.name } : {}), members: party.memberCount ?? 0 })),
    },
  };
}
