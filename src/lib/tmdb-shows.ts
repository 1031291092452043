// A show's structure (seasons, episode counts, episode names) travels from TMDB
// to Convex only when Convex asks for it: every show write first goes out with
// the season counts the bot knows, Convex checks its cached copy inside that same
// write, and only a show it lacks (or whose counts changed) costs a second call,
// carrying the structure fetched 20 seasons per TMDB request.

import { isOngoing } from "../../convex/model/showStatus.ts";
import { convexErrorCode } from "./backend.ts";
import { isTmdbError, MAX_APPENDED, type SeasonDetails, type ShowDetails, type TmdbClient } from "./tmdb.ts";

export interface SeasonCount {
  season: number;
  episodeCount: number;
}

export interface ShowStructure {
  title: string;
  image?: string;
  seasons: { season: number; name: string; episodeCount: number; episodeNames?: string[] }[];
  /** TMDB says more is coming (see isOngoing). */
  ongoing?: boolean;
}

/**
 * A show a command names: TMDB's details when it has them, else its id and a way
 * to get them should Convex ask for the structure (a button or an autocomplete
 * value carries only the id, and Convex can answer from what it stores).
 */
export type ShowRef = ShowDetails | { tmdbId: number; details: () => Promise<ShowDetails> };

/** What a show write sends along (convex/model/shows.ts ShowSync). */
export interface ShowSync {
  show?: ShowStructure;
  seasonCounts?: SeasonCount[];
}

/** Seasons that have episodes: the ones Convex caches and compares. */
export function seasonCounts(show: ShowDetails): SeasonCount[] {
  return show.seasons.filter((s) => s.episodeCount > 0).map((s) => ({ season: s.seasonNumber, episodeCount: s.episodeCount }));
}

/** Convex refused a write because it lacks the show's structure or its copy is stale. */
export function needsShowStructure(error: unknown): boolean {
  const code = convexErrorCode(error);
  return code === "SHOW_NOT_CACHED" || code === "SHOW_STALE";
}

export class ShowStructures {
  /** Structures being fetched: a burst of first uses of one show shares the TMDB requests. */
  private readonly fetching = new Map<number, Promise<ShowStructure>>();

  constructor(private readonly tmdb: TmdbClient) {}

  /**
   * Runs one show write. It goes out with the season counts of `show` when the
   * command already has TMDB's details, or with nothing when it has only a way to
   * get them (a button carrying an id); if Convex answers that it needs the
   * structure, the structure is fetched and the write sent once more with it.
   */
  async write<T>(show: ShowRef, call: (sync: ShowSync) => Promise<T>): Promise<T> {
    const known = "details" in show ? undefined : show;
    try {
      return await call(known === undefined ? {} : { seasonCounts: seasonCounts(known) });
    } catch (error) {
      if (!needsShowStructure(error)) throw error;
    }
    return await call({ show: known !== undefined ? await this.fetch(known) : await this.fetchById(show as { tmdbId: number; details: () => Promise<ShowDetails> }) });
  }

  /**
   * A read for a card: `read` gets the counts and says whether Convex's copy needs
   * refreshing; if so, `store` sends the structure and answers the same question.
   */
  async read<S>(show: ShowDetails, read: (counts: SeasonCount[]) => Promise<S & { refreshShow: boolean }>, store: (structure: ShowStructure) => Promise<S>): Promise<S> {
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
      first = await this.tmdb.tvWithSeasons(ref.tmdbId, Array.from({ length: MAX_APPENDED }, (_, i) => i));
    } catch (error) {
      // Not a show: the command's own lookup says what it is instead (a movie's id gets advice).
      if (isTmdbError(error) && error.kind === "not_found") await ref.details();
      throw error;
    }
    return await this.load(first.show, first.seasons);
  }

  private async load(show: ShowDetails, fetched: SeasonDetails[] = []): Promise<ShowStructure> {
    const seasons = show.seasons.filter((s) => s.episodeCount > 0);
    const have = new Set(fetched.map((s) => s.seasonNumber));
    const missing = seasons.filter((s) => !have.has(s.seasonNumber));
    const chunks: number[][] = [];
    for (let i = 0; i < missing.length; i += MAX_APPENDED) chunks.push(missing.slice(i, i + MAX_APPENDED).map((s) => s.seasonNumber));
    const details = [...fetched, ...(await Promise.all(chunks.map((numbers) => this.tmdb.tvWithSeasons(show.tmdbId, numbers)))).flatMap((r) => r.seasons)];
    const names = new Map(details.map((season) => [season.seasonNumber, episodeNames(season)]));
    const image = this.tmdb.posterUrl(show.posterPath, "w342");
    return {
      title: show.title,
      ...(image === undefined ? {} : { image }),
      ...(show.status === undefined ? {} : { ongoing: isOngoing(show.status) }),
      seasons: seasons.map((s) => ({
        season: s.seasonNumber,
        name: s.name,
        episodeCount: s.episodeCount,
        episodeNames: names.get(s.seasonNumber)?.slice(0, s.episodeCount),
      })),
    };
  }
}

/** Names by episode number; a gap TMDB leaves gets "Episode N". */
function episodeNames(season: SeasonDetails): string[] {
  const byNumber: string[] = [];
  for (const e of season.episodes) if (e.episodeNumber >= 1) byNumber[e.episodeNumber - 1] = e.name;
  return Array.from(byNumber, (name, i) => name ?? `Episode ${i + 1}`);
}
