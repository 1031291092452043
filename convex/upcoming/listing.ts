// `/upcoming episodes`: the next episodes of the shows someone follows, by day in their zone,
// tagged when a watch party of the server they asked in is on that show, and whether each is the
// episode they are up to (the reply's Mark watched button). One query, bounded reads:
//   1 discord account + ≤ 60 watch items + ≤ 60 shows + ≤ 60 summaries + ≤ 25 parties.
import type { QueryCtx } from "../_generated/server";
import { getSummary, showProgress, summaryToSet } from "../model/episodes";
import { fail } from "../model/errors";
import { activePartiesInGuild, canSeeParty, checkPlace, type PartyPlace } from "../model/parties";
import { discordAccount } from "../model/users";
import { byDay, episodesBetween, followedShows, hasAired, MAX_DAYS, startOfLocalDay, zoneOrUtc } from "./schedule";

/** Entries one answer carries at most (the bot pages through them). */
export const LISTING_MAX = 300;
/** Aired episodes left at most for the next one to count as "out now" (one behind a weekly show, or a few). */
const OUT_NOW_BEHIND = 3;

export interface ListedEpisode {
  tmdbId: number;
  title: string;
  season: number;
  episode: number;
  name?: string;
  at: number;
  /** Aired by now (its date has come). */
  aired: boolean;
  /** The episode the person is up to: aired, and the next one of theirs (Mark watched). */
  next: boolean;
  /** A watch party of this server on the show: its channel. */
  partyChannelId?: string;
}

export interface Listing {
  zone: string;
  zoneKnown: boolean;
  from: number;
  to: number;
  days: { day: string; items: ListedEpisode[] }[];
  /** Aired episodes the person is up to, on shows they are nearly caught up on (no date kept once TMDB says it aired). */
  outNow: Omit<ListedEpisode, "at" | "aired" | "next">[];
  /** Followed shows read, and those Convex has no seasons of. */
  shows: number;
  uncached: number;
  /** More episodes in the window than one answer carries. */
  truncated: boolean;
}

export function checkDays(days: number): number {
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_DAYS)
    fail("INVALID_ARGUMENT", `days must be a whole number from 1 to ${MAX_DAYS}.`);
  return days;
}

/** The listing for one Discord user; `place` is where they asked (in a server: its parties are tagged). */
export async function upcomingFor(
  ctx: QueryCtx,
  discordUserId: string,
  args: { days: number; place?: PartyPlace; now: number },
): Promise<Listing> {
  const days = checkDays(args.days);
  const account = await discordAccount(ctx, discordUserId);
  const { zone, known } = zoneOrUtc(account?.timeZone);
  const from = startOfLocalDay(args.now, zone);
  const to = args.now + days * 24 * 60 * 60 * 1000;
  const empty: Listing = { zone, zoneKnown: known, from, to, days: [], outNow: [], shows: 0, uncached: 0, truncated: false };
  if (account === null) return empty;
  const followed = await followedShows(ctx, account.userId);
  const partyChannels = new Map<number, string>();
  if (args.place !== undefined) {
    const place = checkPlace(args.place);
    for (const party of await activePartiesInGuild(ctx, place.guildId)) {
      if (party.mediaType === "tv" && canSeeParty(place, party) && !partyChannels.has(party.tmdbId))
        partyChannels.set(party.tmdbId, party.channelId);
    }
  }
  const listed: ListedEpisode[] = [];
  const outNow: Listing["outNow"] = [];
  let uncached = 0;
  for (const { tmdbId, show } of followed) {
    if (show === null) {
      uncached++;
      continue;
    }
    const partyChannelId = partyChannels.get(tmdbId);
    const tag = partyChannelId !== undefined ? { partyChannelId } : {};
    const inWindow = episodesBetween(show, from, to);
    const summary = await getSummary(ctx, account.userId, tmdbId);
    // A summary still being built from old rows doesn't know yet what they are up to.
    const progress = summary !== null && summary.building === undefined ? showProgress(show, summaryToSet(summary), args.now) : null;
    const next = progress?.next ?? null;
    for (const { airDate: _date, ...e } of inWindow) {
      const aired = hasAired(show, e.season, e.episode, args.now);
      const isNext = aired && next !== null && next.season === e.season && next.episode === e.episode;
      listed.push({ ...e, aired, next: isNext, ...tag });
    }
    const behind = progress === null ? 0 : progress.total - progress.watched;
    if (
      next !== null &&
      progress!.watched > 0 &&
      behind <= OUT_NOW_BEHIND &&
      !inWindow.some((e) => e.season === next.season && e.episode === next.episode)
    ) {
      outNow.push({
        tmdbId,
        title: show.title,
        season: next.season,
        episode: next.episode,
        ...(next.name ? { name: next.name } : {}),
        ...tag,
      });
    }
  }
  listed.sort((a, b) => a.at - b.at || a.title.localeCompare(b.title) || a.season - b.season || a.episode - b.episode);
  return {
    ...empty,
    days: byDay(listed.slice(0, LISTING_MAX), zone),
    outNow: outNow.slice(0, 25),
    shows: followed.length,
    uncached,
    truncated: listed.length > LISTING_MAX,
  };
}
