// The stats counters (docs/stats.md), kept in step by the transactions that change the rows:
// episode marks reach them through the "progress changed" hook (model/progressSubscribers.ts,
// which passes the episodes that flipped), watch-item writes through syncTitleStats. Every figure
// is counted in the UTC year (and day) it happened and taken off that same year when undone: an
// episode's time is its row's updatedAt when it became watched, a title's what stats_titles noted.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { ShowSeason } from "../lib/validators";
import { positionOf } from "../model/shows";
import { normalizeState } from "../model/vocabulary";
import { countedFacts, factsOf, requestFacts, type CountedFacts } from "./factsCache";

/** The `year` of the all-time rows. */
export const ALL_TIME = 0;
/** Servers whose leaderboard one person's change rewrites (a person shares in at most this many). */
export const MAX_SHARED_SERVERS = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

export const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
/** 0 for 1 January (UTC). */
export function dayOfYear(ms: number): number {
  const d = new Date(ms);
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS);
}

/** What one change adds (or, negative, takes off) in one year. */
interface YearDelta {
  episodes: number;
  minutes: number;
  films: number;
  showsFinished: number;
  reactions: Map<string, number>;
  /** Finished titles by TMDB genre id. */
  genres: Map<number, number>;
  days: Map<number, { episodes: number; minutes: number; films: number }>;
  shows: Map<number, { episodes: number; minutes: number; title?: string; image?: string }>;
}

const emptyYear = (): YearDelta => ({
  episodes: 0,
  minutes: 0,
  films: 0,
  showsFinished: 0,
  reactions: new Map(),
  genres: new Map(),
  days: new Map(),
  shows: new Map(),
});

export class StatsDelta {
  readonly years = new Map<number, YearDelta>();

  private year(at: number): YearDelta {
    const year = yearOf(at);
    let d = this.years.get(year);
    if (d === undefined) {
      d = emptyYear();
      this.years.set(year, d);
    }
    return d;
  }

  private day(at: number, episodes: number, minutes: number, films: number) {
    const days = this.year(at).days;
    const index = dayOfYear(at);
    const d = days.get(index) ?? { episodes: 0, minutes: 0, films: 0 };
    days.set(index, { episodes: d.episodes + episodes, minutes: d.minutes + minutes, films: d.films + films });
  }

  /** An episode of a show watched (sign 1) or unwatched (sign -1), counted at `at`. */
  episode(at: number, tmdbId: number, minutes: number, sign: 1 | -1, show?: { title: string; image?: string } | null) {
    const y = this.year(at);
    y.episodes += sign;
    y.minutes += sign * minutes;
    const known = y.shows.get(tmdbId) ?? { episodes: 0, minutes: 0, title: show?.title, image: show?.image };
    y.shows.set(tmdbId, { ...known, episodes: known.episodes + sign, minutes: known.minutes + sign * minutes });
    this.day(at, sign, sign * minutes, 0);
  }

  finished(at: number, mediaType: string, sign: 1 | -1) {
    const y = this.year(at);
    if (mediaType === "movie") {
      y.films += sign;
      this.day(at, 0, 0, sign);
    } else y.showsFinished += sign;
  }

  /** A finished title's facts (a film's minutes, the genres), counted at its finish. */
  facts(at: number, facts: CountedFacts, sign: 1 | -1) {
    const y = this.year(at);
    if (facts.minutes !== 0) {
      y.minutes += sign * facts.minutes;
      this.day(at, 0, sign * facts.minutes, 0);
    }
    for (const g of facts.genres) y.genres.set(g, (y.genres.get(g) ?? 0) + sign);
  }

  reaction(at: number, kind: string, sign: 1 | -1) {
    const r = this.year(at).reactions;
    r.set(kind, (r.get(kind) ?? 0) + sign);
  }

  get empty(): boolean {
    return this.years.size === 0;
  }
}

/** The repair job's state for this person, if one is running (convex/stats/repair.ts). */
export async function runningRepair(ctx: QueryCtx, userId: Id<"users">) {
  return await ctx.db
    .query("stats_repairs")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .first();
}

/** A new all-time or year row, all zero. */
function zeroTotals(userId: Id<"users">, year: number): Omit<Doc<"stats_totals">, "_id" | "_creationTime"> {
  const base = { userId, year, episodes: 0, minutes: 0, films: 0, showsFinished: 0, reactions: {}, updatedAt: 0 };
  if (year === ALL_TIME) return base;
  const zeros = () => Array.from({ length: 366 }, () => 0);
  return { ...base, days: { episodes: zeros(), minutes: zeros(), films: zeros() } };
}

export async function getTotals(ctx: QueryCtx, userId: Id<"users">, year: number) {
  return await ctx.db
    .query("stats_totals")
    .withIndex("by_user_year", (q) => q.eq("userId", userId).eq("year", year))
    .first();
}

/** Adds a change to the year rows it belongs to and to the all-time row, then to the person's leaderboard rows. */
export async function applyDelta(ctx: MutationCtx, userId: Id<"users">, delta: StatsDelta, now = Date.now()): Promise<void> {
  if (delta.empty) return;
  const all = emptyYear();
  for (const [year, d] of delta.years) {
    await addToTotals(ctx, userId, year, d, now);
    await addToShows(ctx, userId, year, d.shows);
    all.episodes += d.episodes;
    all.minutes += d.minutes;
    all.films += d.films;
    all.showsFinished += d.showsFinished;
    for (const [kind, n] of d.reactions) all.reactions.set(kind, (all.reactions.get(kind) ?? 0) + n);
    for (const [g, n] of d.genres) all.genres.set(g, (all.genres.get(g) ?? 0) + n);
    for (const [tmdbId, s] of d.shows) {
      const a = all.shows.get(tmdbId) ?? { episodes: 0, minutes: 0, title: s.title, image: s.image };
      all.shows.set(tmdbId, { ...a, episodes: a.episodes + s.episodes, minutes: a.minutes + s.minutes });
    }
  }
  await addToTotals(ctx, userId, ALL_TIME, all, now);
  await addToShows(ctx, userId, ALL_TIME, all.shows);
  await refreshBoards(ctx, userId, now);
}

async function addToTotals(ctx: MutationCtx, userId: Id<"users">, year: number, d: YearDelta, now: number) {
  const existing = await getTotals(ctx, userId, year);
  const row = existing ?? zeroTotals(userId, year);
  const reactions = { ...row.reactions };
  for (const [kind, n] of d.reactions) {
    const next = (reactions[kind] ?? 0) + n;
    if (next === 0) delete reactions[kind];
    else reactions[kind] = next;
  }
  const genres = { ...row.genres };
  for (const [g, n] of d.genres) {
    const next = (genres[g] ?? 0) + n;
    if (next === 0) delete genres[g];
    else genres[g] = next;
  }
  let days = row.days;
  if (days !== undefined && d.days.size > 0) {
    days = { episodes: [...days.episodes], minutes: [...days.minutes], films: [...days.films] };
    for (const [i, add] of d.days) {
      days.episodes[i] = (days.episodes[i] ?? 0) + add.episodes;
      days.minutes[i] = (days.minutes[i] ?? 0) + add.minutes;
      days.films[i] = (days.films[i] ?? 0) + add.films;
    }
  }
  const fields = {
    episodes: row.episodes + d.episodes,
    minutes: row.minutes + d.minutes,
    films: row.films + d.films,
    showsFinished: row.showsFinished + d.showsFinished,
    reactions,
    ...(d.genres.size > 0 || row.genres !== undefined ? { genres } : {}),
    ...(days === undefined ? {} : { days }),
    updatedAt: now,
  };
  if (existing === null) await ctx.db.insert("stats_totals", { ...row, ...fields });
  else await ctx.db.patch(existing._id, fields);
}

async function addToShows(ctx: MutationCtx, userId: Id<"users">, year: number, shows: YearDelta["shows"]) {
  for (const [tmdbId, d] of shows) {
    if (d.episodes === 0 && d.minutes === 0) continue;
    const existing = await ctx.db
      .query("stats_shows")
      .withIndex("by_user_year_show", (q) => q.eq("userId", userId).eq("year", year).eq("tmdbId", tmdbId))
      .first();
    const episodes = (existing?.episodes ?? 0) + d.episodes;
    const minutes = (existing?.minutes ?? 0) + d.minutes;
    const title = d.title ?? existing?.title;
    const image = d.image ?? existing?.image;
    const shown = { ...(title ? { title } : {}), ...(image ? { image } : {}) };
    if (existing === null) {
      if (episodes !== 0 || minutes !== 0) await ctx.db.insert("stats_shows", { userId, year, tmdbId, episodes, minutes, ...shown });
    } else if (episodes === 0 && minutes === 0) await ctx.db.delete(existing._id);
    else await ctx.db.patch(existing._id, { episodes, minutes, ...shown });
  }
}

/**
 * An episode's minutes from the cached structure: its own runtime when TMDB gave one, else the mean
 * of its season's known runtimes, else 0 (docs/stats.md "Hours").
 */
export function episodeMinutes(show: Pick<Doc<"shows">, "seasons"> | null, season: number, episode: number): number {
  const s: ShowSeason | undefined = show?.seasons.find((x) => x.season === season);
  if (s?.runtimes === undefined) return 0;
  const position = positionOf(s, episode);
  const own = position === null ? 0 : (s.runtimes[position - 1] ?? 0);
  if (own > 0) return own;
  const known = s.runtimes.filter((m) => m > 0);
  return known.length === 0 ? 0 : Math.round(known.reduce((a, b) => a + b, 0) / known.length);
}

/** Episodes that flipped in one write, as the episode write path reports them (model/episodes.ts). */
export interface EpisodeFlips {
  isWatched: boolean;
  /** Each flipped episode and when it was counted: now when marked, when it had been marked when unmarked. */
  episodes: { season: number; episode: number; countedAt: number }[];
}

/** The "stats" subscriber: counts the flipped episodes, unless a repair is recounting this show. */
export async function countEpisodeFlips(ctx: MutationCtx, userId: Id<"users">, tmdbId: number, flips: EpisodeFlips, now = Date.now()) {
  const repair = await runningRepair(ctx, userId);
  if (repair !== null && (repair.phase !== "episodes" || repair.afterShow === undefined || tmdbId > repair.afterShow)) return;
  const show = await ctx.db
    .query("shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .unique();
  const delta = new StatsDelta();
  const sign = flips.isWatched ? 1 : -1;
  for (const e of flips.episodes) delta.episode(e.countedAt, tmdbId, episodeMinutes(show, e.season, e.episode), sign, show);
  await applyDelta(ctx, userId, delta, now);
}

/** What a title counts for right now, from its watch item (null: no row). */
function titleFacts(row: Doc<"watch_items"> | null) {
  if (row === null) return { finished: false, reaction: undefined };
  const state = normalizeState(row);
  return { finished: state.progressStatus === "finished", reaction: state.reaction as string | undefined };
}

/**
 * Whether the counters hold this title's counted facts: always, unless a repair is running and its
 * walk (by the watch item's creation time) hasn't counted the title yet — then only stats_titles
 * follows the write, and the walk counts it from there.
 */
export function counted(repair: Doc<"stats_repairs"> | null, createdAt: number): boolean {
  if (repair === null || repair.phase === "episodes") return true;
  return repair.phase === "titles" && repair.walkedUpTo !== undefined && createdAt <= repair.walkedUpTo;
}

/**
 * Brings the counters in line with one title's watch item (call after any write to it): a title
 * newly finished or reacted to counts at the row's updatedAt; one no longer finished (or whose
 * reaction changed or went) comes off the year stats_titles says it was counted in. Idempotent.
 */
export async function syncTitleStats(ctx: MutationCtx, userId: Id<"users">, tmdbId: number, mediaType: string, now = Date.now()) {
  const repair = await runningRepair(ctx, userId);
  const row = await ctx.db
    .query("watch_items")
    .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("mediaType", mediaType))
    .first();
  await syncTitleRow(ctx, userId, tmdbId, mediaType, row, repair, now);
}

/** syncTitleStats for a watch item just written (by its id): the writers in model/watchItems.ts. */
export async function syncWatchItem<T extends Id<"watch_items">>(ctx: MutationCtx, id: T): Promise<T> {
  const row = await ctx.db.get(id);
  if (row === null) return id;
  await syncTitleRow(ctx, row.userId, row.tmdbId, row.mediaType, row, await runningRepair(ctx, row.userId));
  return id;
}

async function ledgerOf(ctx: QueryCtx, userId: Id<"users">, tmdbId: number, mediaType: string) {
  return await ctx.db
    .query("stats_titles")
    .withIndex("by_user_title", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("mediaType", mediaType))
    .first();
}

type LedgerFields = Pick<Doc<"stats_titles">, "finishedAt" | "reaction" | "reactionAt" | "itemCreatedAt" | "minutes" | "genres">;

/** A ledger's counted facts (what its finish added), or none. */
export const ledgerFacts = (l: Pick<Doc<"stats_titles">, "minutes" | "genres"> | null | undefined): CountedFacts => ({
  minutes: l?.minutes ?? 0,
  genres: l?.genres ?? [],
});
const sameFacts = (a: CountedFacts, b: CountedFacts) => a.minutes === b.minutes && a.genres.join() === b.genres.join();
/** The ledger's facts fields for these counted facts (nothing stored for none). */
export const factsFields = (f: CountedFacts | null) => ({
  minutes: f === null || f.minutes === 0 ? undefined : f.minutes,
  genres: f === null || f.genres.length === 0 ? undefined : f.genres,
});

export async function writeLedger(
  ctx: MutationCtx,
  ledger: Doc<"stats_titles"> | null,
  key: { userId: Id<"users">; tmdbId: number; mediaType: string },
  fields: LedgerFields,
) {
  if (fields.finishedAt === undefined && fields.reaction === undefined) {
    if (ledger !== null) await ctx.db.delete(ledger._id);
  } else if (ledger === null) await ctx.db.insert("stats_titles", { ...key, ...fields });
  else if (
    ledger.finishedAt !== fields.finishedAt ||
    ledger.reaction !== fields.reaction ||
    ledger.reactionAt !== fields.reactionAt ||
    ledger.itemCreatedAt !== fields.itemCreatedAt ||
    !sameFacts(ledgerFacts(ledger), ledgerFacts(fields))
  )
    await ctx.db.patch(ledger._id, fields);
}

async function syncTitleRow(
  ctx: MutationCtx,
  userId: Id<"users">,
  tmdbId: number,
  mediaType: string,
  row: Doc<"watch_items"> | null,
  repair: Doc<"stats_repairs"> | null,
  now = Date.now(),
) {
  const ledger = await ledgerOf(ctx, userId, tmdbId, mediaType);
  const facts = titleFacts(row);
  const at = row?.updatedAt ?? now;
  const delta = new StatsDelta();
  let finishedAt = ledger?.finishedAt;
  let reaction = ledger?.reaction;
  let reactionAt = ledger?.reactionAt;
  let counting: CountedFacts | null = ledger?.finishedAt === undefined ? null : ledgerFacts(ledger);
  if (finishedAt !== undefined && !facts.finished) {
    delta.finished(finishedAt, mediaType, -1);
    delta.facts(finishedAt, ledgerFacts(ledger), -1);
    finishedAt = undefined;
    counting = null;
  } else if (finishedAt === undefined && facts.finished) {
    const cached = await factsOf(ctx, tmdbId, mediaType);
    if (cached?.fetchedAt === undefined) await requestFacts(ctx, tmdbId, mediaType, cached, now);
    counting = countedFacts(mediaType, cached);
    delta.finished(at, mediaType, 1);
    delta.facts(at, counting, 1);
    finishedAt = at;
  }
  if (reaction !== facts.reaction) {
    if (reaction !== undefined) delta.reaction(reactionAt ?? at, reaction, -1);
    if (facts.reaction !== undefined) delta.reaction(at, facts.reaction, 1);
    reaction = facts.reaction;
    reactionAt = facts.reaction === undefined ? undefined : at;
  }
  if (delta.empty) return;
  const itemCreatedAt = row?._creationTime ?? ledger?.itemCreatedAt ?? 0;
  await writeLedger(
    ctx,
    ledger,
    { userId, tmdbId, mediaType },
    { finishedAt, reaction, reactionAt, itemCreatedAt, ...factsFields(counting) },
  );
  if (counted(repair, itemCreatedAt)) await applyDelta(ctx, userId, delta, now);
}

/**
 * The repair walk's count of one watch item into counters that don't hold it yet: its facts now, at
 * the times stats_titles noted (the row's updatedAt for what has no note, or a note that no longer
 * holds), the note written to match.
 */
export async function recountTitle(ctx: MutationCtx, row: Doc<"watch_items">, delta: StatsDelta) {
  const ledger = await ledgerOf(ctx, row.userId, row.tmdbId, row.mediaType);
  const facts = titleFacts(row);
  const finishedAt = facts.finished ? (ledger?.finishedAt ?? row.updatedAt) : undefined;
  const reaction = facts.reaction;
  const reactionAt =
    reaction === undefined ? undefined : ledger?.reaction === reaction ? (ledger.reactionAt ?? row.updatedAt) : row.updatedAt;
  let counting: CountedFacts | null = null;
  if (finishedAt !== undefined) {
    const cached = await factsOf(ctx, row.tmdbId, row.mediaType);
    // A title finished before facts were kept (the first backfill) gets them fetched; they adjust the counters then.
    if (cached?.fetchedAt === undefined) await requestFacts(ctx, row.tmdbId, row.mediaType, cached, Date.now());
    counting = countedFacts(row.mediaType, cached);
    delta.finished(finishedAt, row.mediaType, 1);
    delta.facts(finishedAt, counting, 1);
  }
  if (reaction !== undefined) delta.reaction(reactionAt!, reaction, 1);
  const key = { userId: row.userId, tmdbId: row.tmdbId, mediaType: row.mediaType };
  await writeLedger(ctx, ledger, key, { finishedAt, reaction, reactionAt, itemCreatedAt: row._creationTime, ...factsFields(counting) });
}

/** The leaderboard periods `now` falls in: this UTC week (from Monday), month and year. */
export function periodsOf(now: number): { week: string; month: string; year: string; weekStart: number } {
  const d = new Date(now);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekStart = midnight - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  const month = String(d.getUTCMonth() + 1).padStart(2, "0");
  return {
    week: `w:${new Date(weekStart).toISOString().slice(0, 10)}`,
    month: `m:${d.getUTCFullYear()}-${month}`,
    year: `y:${d.getUTCFullYear()}`,
    weekStart,
  };
}

/** Sums the day counts of the year rows over [from, to] (UTC ms, whole days). */
function sumDays(rows: Map<number, Doc<"stats_totals"> | null>, from: number, to: number) {
  const sum = { episodes: 0, minutes: 0, films: 0 };
  for (let t = from; t <= to; t += DAY_MS) {
    const days = rows.get(yearOf(t))?.days;
    if (days === undefined) continue;
    const i = dayOfYear(t);
    sum.episodes += days.episodes[i] ?? 0;
    sum.minutes += days.minutes[i] ?? 0;
    sum.films += days.films[i] ?? 0;
  }
  return sum;
}

/**
 * Rewrites this person's leaderboard rows in every server they share in, for the current week,
 * month and year, from their year rows (so the rows are exact whatever changed); rows of past
 * periods are removed. Costs one read when they share nowhere.
 */
export async function refreshBoards(ctx: MutationCtx, userId: Id<"users">, now = Date.now()): Promise<void> {
  const shares = await ctx.db
    .query("stats_shares")
    .withIndex("by_user_guild", (q) => q.eq("userId", userId))
    .take(MAX_SHARED_SERVERS);
  if (shares.length === 0) return;
  const p = periodsOf(now);
  const years = new Map<number, Doc<"stats_totals"> | null>();
  for (const y of new Set([yearOf(p.weekStart), yearOf(now)])) years.set(y, await getTotals(ctx, userId, y));
  const d = new Date(now);
  const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thisYear = years.get(yearOf(now));
  const figures = new Map([
    [p.week, sumDays(years, p.weekStart, today)],
    [p.month, sumDays(years, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), today)],
    [p.year, { episodes: thisYear?.episodes ?? 0, minutes: thisYear?.minutes ?? 0, films: thisYear?.films ?? 0 }],
  ]);
  for (const share of shares) await writeBoardRows(ctx, share, figures);
}

async function writeBoardRows(
  ctx: MutationCtx,
  share: Doc<"stats_shares">,
  figures: Map<string, { episodes: number; minutes: number; films: number }>,
) {
  const rows = await ctx.db
    .query("stats_board")
    .withIndex("by_user_guild", (q) => q.eq("userId", share.userId).eq("guildId", share.guildId))
    .take(20);
  for (const row of rows) if (!figures.has(row.period)) await ctx.db.delete(row._id);
  for (const [period, f] of figures) {
    const row = rows.find((r) => r.period === period);
    const fields = { ...f, name: share.name, discordUserId: share.discordUserId };
    if (row === undefined) await ctx.db.insert("stats_board", { guildId: share.guildId, period, userId: share.userId, ...fields });
    else if (row.episodes !== f.episodes || row.minutes !== f.minutes || row.films !== f.films || row.name !== share.name)
      await ctx.db.patch(row._id, fields);
  }
}

/** Removes this person's leaderboard rows in one server (sharing turned off). */
export async function removeBoardRows(ctx: MutationCtx, userId: Id<"users">, guildId: string) {
  const rows = await ctx.db
    .query("stats_board")
    .withIndex("by_user_guild", (q) => q.eq("userId", userId).eq("guildId", guildId))
    .take(20);
  for (const row of rows) await ctx.db.delete(row._id);
}
