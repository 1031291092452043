// A show's structure (seasons, episode counts, episode names) travels from TMDB
// to Convex only when Convex asks for it: every show write first goes out with
// the season counts the bot knows, Convex checks its cached copy inside that same
// write, and only a show it lacks (or whose counts changed) costs a second call,
// carrying the structure fetched 20 seasons per TMDB request.

import { isOngoing } from "../../convex/model/showStatus.ts";
import { convexErrorCode } from "./backend.ts";
import { isTmdbError, MAX_APPENDED, TmdbError, type SeasonDetails, type ShowDetails, type TmdbClient } from "./tmdb.ts";
import type {
  SeasonCount as ConvexSeasonCount,
  ShowStructure as ConvexShowStructure,
  ShowSync as ConvexShowSync,
} from "../../convex/model/shows.ts";
import type { ShowSeason } from "../../convex/lib/validators.ts";

/** A season's episode count as TMDB gave it (Convex's own type: convex/lib/botArgs.ts seasonCounts). */
export type SeasonCount = ConvexSeasonCount;

/** One season as Convex stores it (convex/lib/validators.ts showSeasonValidator). */
export type StructureSeason = ShowSeason;

/** A show's whole structure as a write sends it (convex/lib/botArgs.ts showStructure); `ongoing`: TMDB says more is coming (see isOngoing). */
export type ShowStructure = ConvexShowStructure;

/**
 * A show a command names: TMDB's details when it has them, else its id and a way
 * to get them should Convex ask for the structure (a button or an autocomplete
 * value carries only the id, and Convex can answer from what it stores).
 */
export type ShowRef = ShowDetails | { tmdbId: number; details: () => Promise<ShowDetails> };

/** What a show write sends along (convex/model/shows.ts ShowSync; cachedOk: TMDB isn't answering, any cached copy will do). */
export type ShowSync = ConvexShowSync;

/** TMDB failures that mean "not now" (not "no such show"): a cached structure can stand in. */
const OUTAGE = new Set(["unavailable", "timeout", "rate_limited", "invalid_response"]);

/** The note a reply carries when it was answered from Convex's copy because TMDB didn't answer. */
export const CACHED_NOTE = "TMDB isn't answering right now, so this uses the episode list I saved earlier — new episodes may be missing.";

/** Seasons that have episodes: the ones Convex caches and compares. */
export function seasonCounts(show: ShowDetails): SeasonCount[] {
  return show.seasons
    .filter((s) => s.episodeCount > 0)
    .map((s) => ({
      season: s.seasonNumber,
      episodeCount: s.episodeCount,
      ...(show.lastAired?.season === s.seasonNumber ? { lastAired: show.lastAired.episode } : {}),
    }));
}

/** Convex refused a write because it lacks the show's structure or its copy is stale. */
export function needsShowStructure(error: unknown): boolean {
  const code = convexErrorCode(error);
  return code === "SHOW_NOT_CACHED" || code === "SHOW_STALE";
}

export class ShowStructures {
  constructor(
    private readonly tmdb: TmdbClient,
    /** Structures being fetched: a burst of first uses of one show shares the TMDB requests. */
    private readonly fetching = new Map<number, Promise<ShowStructure>>(),
  ) {}

  /** The same, fetching through another client (one interaction's, bounded by its deadline). */
  withTmdb(tmdb: TmdbClient): ShowStructures {
    return new ShowStructures(tmdb, this.fetching);
  }

  /**
   * Runs one show write. It goes out with the season counts of `show` when the
   * command already has TMDB's details, or with nothing when it has only a way to
   * get them (a button carrying an id); if Convex answers that it needs the
   * structure, the structure is fetched and the write sent once more with it.
   */
  async write<T>(show: ShowRef, call: (sync: ShowSync) => Promise<T>, options: { onCached?: () => void } = {}): Promise<T> {
    const known = "details" in show ? undefined : show;
    let stale: boolean;
    try {
      return await call(known === undefined ? {} : { seasonCounts: seasonCounts(known) });
    } catch (error) {
      if (!needsShowStructure(error)) throw error;
      stale = convexErrorCode(error) === "SHOW_STALE";
    }
    let structure: ShowStructure;
    try {
      structure =
        known !== undefined
          ? await this.fetch(known)
          : await this.fetchById(show as { tmdbId: number; details: () => Promise<ShowDetails> });
    } catch (error) {
      // TMDB down or slow, and Convex has an older copy: better that than nothing, and the reply says so.
      if (!stale || !isTmdbError(error) || !OUTAGE.has(error.kind)) throw error;
      const result = await call({ cachedOk: true });
      options.onCached?.();
      return result;
    }
    return await call({ show: structure });
  }

  /**
   * A read for a card: `read` gets the counts and says whether Convex's copy needs
   * refreshing; if so, `store` sends the structure and answers the same question.
   */
  async read<S>(
    show: ShowDetails,
    read: (counts: SeasonCount[]) => Promise<S & { refreshShow: boolean }>,
    store: (structure: ShowStructure) => Promise<S>,
  ): Promise<S> {
    const state = await read(seasonCounts(show));
    return state.refreshShow ? await store(await this.fetch(show)) : state;
  }

  /** The structure from TMDB: seasons with episodes, fetched with append_to_response, MAX_APPENDED per request. */
  async fetch(show: ShowDetails): Promise<ShowStructure> {
    let pending = this.fetching.get(show.tmdbId);
    if (pending === undefined) {
      pending = this.load(show).finally(() => this.fetching.delete(show.tmdbId));
      this.fetching.set(show.tmdbId, pending);
    }
    return await pending;
  }

  /**
   * The structure of a show known only by id: its details and the seasons numbered 0–19
   * come in one request (most shows need no other); seasons past those follow.
   */
  async fetchById(ref: { tmdbId: number; details: () => Promise<ShowDetails> }): Promise<ShowStructure> {
    let pending = this.fetching.get(ref.tmdbId);
    if (pending === undefined) {
      pending = this.loadById(ref).finally(() => this.fetching.delete(ref.tmdbId));
      this.fetching.set(ref.tmdbId, pending);
    }
    return await pending;
  }

  private async loadById(ref: { tmdbId: number; details: () => Promise<ShowDetails> }): Promise<ShowStructure> {
    let first: { show: ShowDetails; seasons: SeasonDetails[] };
    try {
      first = await this.tmdb.tvWithSeasons(
        ref.tmdbId,
        Array.from({ length: MAX_APPENDED }, (_, i) => i),
      );
    } catch (error) {
      // Not a show: the command's own lookup says what it is instead (a movie's id gets advice).
      if (isTmdbError(error) && error.kind === "not_found") await ref.details();
      // Too large or too slow as one answer: the details alone, then the seasons one by one.
      if (isTmdbError(error) && SPLITTABLE.has(error.kind)) return await this.load(await ref.details());
      throw error;
    }
    return await this.load(first.show, first.seasons);
  }

  private async seasonsOf(show: ShowDetails, numbers: number[]): Promise<SeasonDetails[]> {
    return await seasonsWithFallback(this.tmdb, show, numbers);
  }

  private async load(show: ShowDetails, fetched: SeasonDetails[] = []): Promise<ShowStructure> {
    const seasons = show.seasons.filter((s) => s.episodeCount > 0);
    const have = new Set(fetched.map((s) => s.seasonNumber));
    const missing = seasons.filter((s) => !have.has(s.seasonNumber));
    const chunks: number[][] = [];
    for (let i = 0; i < missing.length; i += MAX_APPENDED) chunks.push(missing.slice(i, i + MAX_APPENDED).map((s) => s.seasonNumber));
    const details = [...fetched, ...(await Promise.all(chunks.map((numbers) => this.seasonsOf(show, numbers))))].flat();
    const bySeason = new Map(details.map((season) => [season.seasonNumber, season]));
    const image = this.tmdb.posterUrl(show.posterPath, "w342");
    const today = new Date(Date.now()).toISOString().slice(0, 10);
    return {
      title: show.title,
      ...(image === undefined ? {} : { image }),
      ...(show.status === undefined ? {} : { ongoing: isOngoing(show.status) }),
      ...(show.genreIds === undefined ? {} : { genres: show.genreIds }),
      seasons: seasons.map((s) =>
        structureSeason(s.seasonNumber, s.name, s.episodeCount, bySeason.get(s.seasonNumber), show.lastAired, today),
      ),
    };
  }
}

/** Failures of one large answer that smaller ones may avoid: too slow, too large, cut short, or TMDB struggling. */
const SPLITTABLE = new Set(["timeout", "invalid_response", "unavailable"]);
/** Seasons asked for at once when falling back to one request per season. */
const SEASONS_AT_ONCE = 4;

/**
 * Several seasons of a show: one append_to_response request, or — when that answer is too large
 * or too slow (20 seasons of a long anime with every episode's credits) — one request per season,
 * a few at a time. Seasons that still fail are named in the error: nothing partial is stored.
 */
export async function seasonsWithFallback(tmdb: TmdbClient, show: ShowDetails, numbers: number[]): Promise<SeasonDetails[]> {
  try {
    return (await tmdb.tvWithSeasons(show.tmdbId, numbers)).seasons;
  } catch (error) {
    if (!isTmdbError(error) || !SPLITTABLE.has(error.kind) || numbers.length === 1) throw error;
  }
  const results: SeasonDetails[] = [];
  const failed: number[] = [];
  let lastError: unknown;
  for (let i = 0; i < numbers.length; i += SEASONS_AT_ONCE) {
    const batch = numbers.slice(i, i + SEASONS_AT_ONCE);
    const settled = await Promise.allSettled(batch.map((n) => tmdb.season(show.tmdbId, n)));
    settled.forEach((r, j) => {
      if (r.status === "fulfilled") results.push(r.value);
      else {
        failed.push(batch[j]!);
        lastError = r.reason;
      }
    });
  }
  if (failed.length > 0) {
    const which =
      failed.length === 1
        ? `season ${failed[0]}`
        : `seasons ${failed.slice(0, 5).join(", ")}${failed.length > 5 ? ` and ${failed.length - 5} more` : ""}`;
    throw new TmdbError(
      isTmdbError(lastError) ? lastError.kind : "unavailable",
      `tv ${show.tmdbId}: ${which} failed one by one after the appended request did`,
      {
        // No title: a user message never carries TMDB's text (see tmdb-errors.ts).
        userMessage: `TMDB is too slow sending this show's episodes right now (${which} didn't arrive, even one season at a time) — nothing was changed. Try again in a minute.`,
        cause: lastError,
      },
    );
  }
  return results.sort((a, b) => a.seasonNumber - b.seasonNumber);
}

/**
 * A season as Convex stores it, from TMDB's episode list: episodes by place in the list with
 * TMDB's own numbers (S20E885), and how many have aired — every episode up to the last one
 * dated today or earlier, or up to last_episode_to_air — with the dates of the rest.
 * Without the list (a season TMDB left out), only the summary's count, all taken as aired.
 */
export function structureSeason(
  season: number,
  name: string,
  summaryCount: number,
  details: SeasonDetails | undefined,
  lastAired: { season: number; episode: number } | undefined,
  today: string,
): StructureSeason {
  if (details === undefined) return { season, name, episodeCount: summaryCount };
  // Numbered from 1, each number once (the first wins), and no more than the summary counts: the
  // count Convex compares freshness by must be TMDB's own episode_count.
  const seen = new Set<number>();
  const episodes = details.episodes
    .filter((e) => e.episodeNumber >= 1 && !seen.has(e.episodeNumber) && seen.add(e.episodeNumber))
    .slice(0, summaryCount);
  const numbers = episodes.map((e) => e.episodeNumber);
  let aired = 0;
  episodes.forEach((e, i) => {
    const dated = e.airDate !== undefined && e.airDate <= today;
    const reported =
      lastAired !== undefined && (season < lastAired.season || (season === lastAired.season && e.episodeNumber <= lastAired.episode));
    if (dated || reported) aired = i + 1;
  });
  const dates = episodes.slice(aired).map((e) => e.airDate ?? "");
  while (dates.length > 0 && dates[dates.length - 1] === "") dates.pop();
  return {
    season,
    name,
    episodeCount: episodes.length,
    episodeNames: episodes.map((e) => e.name),
    ...(numbers.every((n, i) => n === i + 1) ? {} : { episodeNumbers: numbers }),
    ...(aired < episodes.length ? { aired, ...(dates.length > 0 ? { airDates: dates } : {}) } : {}),
    // Minutes per episode, for stats' hours (convex/stats/counters.ts).
    ...(episodes.some((e) => (e.runtime ?? 0) > 0) ? { runtimes: episodes.map((e) => Math.min(e.runtime ?? 0, 1_000)) } : {}),
  };
}
