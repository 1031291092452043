// A party's live board: what it shows (read from each member's own tracking) and how it is
// delivered. Delivery is a small state machine on the party row:
//
// - every write that moves a member bumps `boardVersion` in that same transaction
//   (markBoardDirty); a clean party also gets one publish scheduled (`boardPending`);
// - the publisher (convex/boards/publish.ts) claims a slot in the channel's budget (one post or edit
//   per CHANNEL_INTERVAL_MS, shared by every party in the channel, well inside Discord's
//   5 per 5 s), renders the current state and posts or edits it through convex/lib/discord.ts;
// - finishing compares the version it published with the party's: anything newer is published
//   in the next slot, so bursts coalesce and the final state always lands;
// - 429 waits retry_after, other failures back off; a watchdog re-runs a publish that died.
//
// Why not @convex-dev/workpool and @convex-dev/rate-limiter: each party needs at most one
// publish in flight and "publish the latest state" rather than a queue of tasks, which is this
// version counter; the per-channel budget is one document per channel. Both fit in a row and a
// scheduled function, run unchanged in convex-test and the sandbox's embedded engine, and need
// no hand-typed component API (offline codegen cannot see components; docs/party-board.md says more).
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { partyBoard, type BoardMember, type PartyBoardData } from "../../src/views/party-board";
import { restMessageBody } from "../../src/views/message";
import type { RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { readWatched, showProgress, type WatchedSet } from "./episodes";
import { airedNumbersOf, episodeName, getShow } from "./shows";
import { hostless, MEMBERS_PER_PARTY } from "./parties";
import { nextSessionRsvps } from "./sessions";
import { hasFinished, movieNight } from "./sessionWatched";

/**
 * At most one board post or edit per channel this often (Discord: ~5 per 5 s, shared with posts).
 * The slot counts from the claim and from the answer (boards/publish.ts), so requests reach Discord at
 * least this far apart.
 */
export const CHANNEL_INTERVAL_MS = 2_000;
/** A publish that has not finished by then is run again. */
export const WATCHDOG_MS = 60_000;
/** Backoff after a failure: 2 s, 4 s, 8 s … up to 5 minutes, forever (an update is never dropped). */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 1_000 * 2 ** Math.min(attempts, 12));
}

/** A member's place in the party's show (or season), from their own tracking. */
function memberProgress(show: Doc<"shows">, season: number | undefined, watched: WatchedSet) {
  if (season === undefined) {
    const p = showProgress(show, watched);
    return { watched: p.watched, total: p.total, position: p.lastWatched };
  }
  // Aired episodes only (TMDB lists announced ones too), as TMDB numbers them.
  const listed = show.seasons.find((s) => s.season === season);
  const aired = listed === undefined ? [] : airedNumbersOf(listed, Date.now());
  const set = watched.get(season);
  let n = 0;
  let last: number | null = null;
  for (const e of aired) {
    if (set?.has(e)) {
      n++;
      last = e;
    }
  }
  return { watched: n, total: aired.length, position: last === null ? null : { season, episode: last } };
}

const rank = (e: { season: number; episode: number } | null) => (e === null ? -1 : e.season * 100_000 + e.episode);

/**
 * A movie party's board: the film, where to watch it, the members (each one's own tracking says
 * whether they have seen it; the board shows how many), the next session, and how the night went.
 */
async function movieBoardData(ctx: QueryCtx, party: Doc<"parties">): Promise<PartyBoardData> {
  const members = await ctx.db
    .query("party_members")
    .withIndex("by_party", (q) => q.eq("partyId", party._id))
    .take(MEMBERS_PER_PARTY);
  const lines: BoardMember[] = [];
  let seen = 0;
  for (const m of members) {
    const finished = await hasFinished(ctx, m.userId, party.tmdbId);
    if (finished) seen++;
    lines.push({
      discordUserId: m.discordUserId,
      displayName: m.displayName ?? "Someone",
      watched: finished ? 1 : 0,
      total: 1,
      position: null,
    });
  }
  const night = await movieNight(ctx, party);
  const film = party.movie ?? {};
  return {
    partyId: party._id,
    ...(party.name ? { name: party.name } : {}),
    show: { title: party.title, ...(film.posterUrl ? { posterUrl: film.posterUrl } : {}) },
    hostName: hostless(party) ? "" : (party.hostName ?? "the host"),
    members: lines,
    nextSessionAt: party.nextSessionAt ?? null,
    ...(await nextSessionRsvps(ctx, party)),
    movie: {
      ...(film.year !== undefined ? { year: film.year } : {}),
      ...(film.runtime !== undefined ? { runtime: film.runtime } : {}),
      ...(film.providers !== undefined ? { providers: film.providers } : {}),
      seen,
      ...(night !== null ? { night } : {}),
    },
  };
}

/** What the board shows now. Reads the party's members, each one's summary of the show, and the show. */
export async function boardData(ctx: QueryCtx, party: Doc<"parties">): Promise<PartyBoardData> {
  if (party.mediaType === "movie") return await movieBoardData(ctx, party);
  const show = await getShow(ctx, party.tmdbId);
  const members = await ctx.db
    .query("party_members")
    .withIndex("by_party", (q) => q.eq("partyId", party._id))
    .take(MEMBERS_PER_PARTY);
  const lines: BoardMember[] = [];
  for (const m of members) {
    const { watched } = await readWatched(ctx, m.userId, party.tmdbId);
    const progress = show === null ? { watched: 0, total: 0, position: null } : memberProgress(show, party.season, watched);
    lines.push({ discordUserId: m.discordUserId, displayName: m.displayName ?? "Someone", ...progress });
  }
  // Spoiler-safe: only the episode everyone has reached is ever named.
  const episodeNames: Record<string, string> = {};
  if (lines.length > 0 && show !== null) {
    const slowest = [...lines].sort((a, b) => rank(a.position) - rank(b.position))[0]!.position;
    const name = slowest === null ? undefined : episodeName(show, slowest.season, slowest.episode);
    if (slowest !== null && name) episodeNames[`S${slowest.season}E${slowest.episode}`] = name;
  }
  return {
    partyId: party._id,
    ...(party.name ? { name: party.name } : {}),
    show: { title: show?.title ?? party.title, ...(show?.image ? { posterUrl: show.image } : {}) },
    ...(party.season !== undefined ? { season: party.season } : {}),
    // "" when nobody is in the party: the board says the next to join hosts it.
    hostName: hostless(party) ? "" : (party.hostName ?? "the host"),
    members: lines,
    nextSessionAt: party.nextSessionAt ?? null,
    // Sessions (model/sessions.ts): who answered the next one's Going / Maybe / Can't.
    ...(await nextSessionRsvps(ctx, party)),
    episodeNames,
  };
}

/** The board as Convex posts it: pings nobody; an ended party's board keeps its lines and loses its buttons. */
export async function boardMessage(ctx: QueryCtx, party: Doc<"parties">): Promise<RESTPostAPIChannelMessageJSONBody> {
  const view = partyBoard(await boardData(ctx, party));
  if (party.state === "ended") {
    const [embed, ...rest] = view.embeds;
    return restMessageBody({
      ...view,
      embeds: embed ? [{ ...embed, title: `🏁 Ended · ${embed.title ?? ""}`.slice(0, 256) }, ...rest] : [],
      components: [],
    });
  }
  return restMessageBody(view);
}

/** A nonce for a board post: the same until that post is known to have landed (≤ 25 characters). */
export function boardNonce(partyId: Id<"parties">, posts: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < partyId.length; i++) h = Math.imul(h ^ partyId.charCodeAt(i), 0x01000193) >>> 0;
  return `pb${h.toString(36)}${posts.toString(36)}`.slice(0, 25);
}
