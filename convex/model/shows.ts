import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { ShowSeason } from "../validators";
import { fail, quoteTitle } from "./errors";
import { parseTmdbId } from "./vocabulary";

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
  args: { tmdbId: number; title: string; image?: string; seasons: ShowSeason[] },
): Promise<void> {
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
  const doc = {
    tmdbId,
    title: args.title.slice(0, 500),
    image: args.image,
    seasons,
    totalEpisodes: regularSeasons({ seasons }).reduce((sum, s) => sum + s.episodeCount, 0),
    fetchedAt: Date.now(),
  };
  const existing = await getShow(ctx, tmdbId);
  if (existing === null) await ctx.db.insert("shows", doc);
  else await ctx.db.replace(existing._id, doc);
}

export function seasonOf(show: Doc<"shows">, season: number): ShowSeason {
  const found = show.seasons.find((s) => s.season === season);
  if (found === undefined) {
    const regular = regularSeasons(show);
    const span = regular.length === 0 ? "no seasons yet" : `${regular.length} season${regular.length === 1 ? "" : "s"} (${regular[0]!.season}–${regular[regular.length - 1]!.season})`;
    fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has ${span}; there is no season ${season}.`);
  }
  return found;
}

/** Checks every episode against the cached structure, naming what the show does have. */
export function checkEpisodes(show: Doc<"shows">, season: number, episodes: number[]): void {
  const s = seasonOf(show, season);
  const beyond = episodes.find((e) => !Number.isSafeInteger(e) || e < 1 || e > s.episodeCount);
  if (beyond !== undefined) {
    fail(
      "EPISODE_OUT_OF_RANGE",
      `Season ${season} of ${quoteTitle(show.title)} has ${s.episodeCount} episode${s.episodeCount === 1 ? "" : "s"}; there is no episode ${beyond}.`,
    );
  }
}

export function episodeName(show: Doc<"shows"> | null, season: number, episode: number): string | undefined {
  return show?.seasons.find((s) => s.season === season)?.episodeNames?.[episode - 1];
}
