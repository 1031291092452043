import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { ShowSeason } from "../validators";
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

export interface SeasonCount {
  season: number;
  episodeCount: number;
}

export interface ShowStructure {
  title: string;
  image?: string;
  seasons: ShowSeason[];
}

/**
 * What the bot sends with a show write: the full structure when it fetched it,
 * else the season counts it knows from TMDB (if any), so freshness is checked
 * inside the write instead of in a separate round trip.
 */
export interface ShowSync {
  show?: ShowStructure;
  seasonCounts?: SeasonCount[];
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

export async function upsertShow(
  ctx: MutationCtx,
  args: { tmdbId: number; title: string; image?: string; seasons: ShowSeason[]; ongoing?: boolean },
): Promise<Doc<"shows">> {
  const tmdbId = parseTmdbId(args.tmdbId);
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
    });
  }
  seasons.sort((a, b) => a.season - b.season);
  const fields = {
    tmdbId,
    title: args.title.slice(0, 500),
    image: args.image,
    seasons,
    totalEpisodes: regularSeasons({ seasons }).reduce((sum, s) => sum + s.episodeCount, 0),
    fetchedAt: Date.now(),
  };
  const existing = await getShow(ctx, tmdbId);
  // A caller that doesn't know the status (a structure without it) keeps the one stored.
  const ongoing = typeof args.ongoing === "boolean" ? args.ongoing : existing?.ongoing;
  const doc: typeof fields & { ongoing?: boolean } = ongoing === undefined ? fields : { ...fields, ongoing };
  if (existing === null) return (await ctx.db.get(await ctx.db.insert("shows", doc)))!;
  if (existing.fetchedAt + SHOW_REWRITE_GRACE_MS > doc.fetchedAt && sameCounts(existing, doc.seasons) && doc.ongoing === existing.ongoing) return existing;
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
 * Why the cached structure can't be used as it is, or null when it can. Fails
 * "missing" and "stale" are the bot's cue to fetch the structure from TMDB and
 * send it with the same write.
 */
export function showStaleness(show: Doc<"shows"> | null, seasonCounts: SeasonCount[] | undefined, now: number): "missing" | "stale" | null {
  if (show === null) return "missing";
  if (seasonCounts !== undefined) {
    return sameCounts(show, seasonCounts) && show.fetchedAt + SHOW_MAX_AGE_MS > now ? null : "stale";
  }
  return show.fetchedAt + SHOW_REFRESH_MS > now ? null : "stale";
}

function failStale(kind: "missing" | "stale"): never {
  fail(
    kind === "missing" ? "SHOW_NOT_CACHED" : "SHOW_STALE",
    kind === "missing" ? "I don't know that show's seasons yet — try again in a moment." : "That show's seasons changed on TMDB — try again in a moment.",
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
  if (sync.show !== undefined || sync.seasonCounts !== undefined) return;
  if (show.fetchedAt + SHOW_RECHECK_MS > Date.now()) return;
  const s = show.seasons.find((x) => x.season === season);
  if (s === undefined || episodes.some((e) => e > s.episodeCount)) failStale("stale");
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

/** Checks every episode against the cached structure, naming what the show does have. */
export function checkEpisodes(show: Doc<"shows">, season: number, episodes: number[]): void {
  const s = seasonOf(show, season);
  const beyond = episodes.find((e) => !Number.isSafeInteger(e) || e < 1 || e > s.episodeCount);
  if (beyond !== undefined) {
    // The latest season of a show still airing has only the episodes aired so far.
    const airing = show.ongoing === true && beyond > s.episodeCount && season === Math.max(...regularSeasons(show).map((r) => r.season));
    fail(
      "EPISODE_OUT_OF_RANGE",
      airing
        ? `Season ${season} of ${quoteTitle(show.title)} has ${s.episodeCount} episode${s.episodeCount === 1 ? "" : "s"} so far; there is no episode ${beyond} yet.`
        : `Season ${season} of ${quoteTitle(show.title)} has ${s.episodeCount} episode${s.episodeCount === 1 ? "" : "s"}; there is no episode ${beyond}.`,
    );
  }
}

export function episodeName(show: Doc<"shows"> | null, season: number, episode: number): string | undefined {
  return show?.seasons.find((s) => s.season === season)?.episodeNames?.[episode - 1];
}
