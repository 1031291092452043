// What a session watched, for its "Did you watch …?" prompt: the host's position before and after.
import { markWatchedOnList } from "./serverList";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { readWatched } from "./episodes";
import { checkPromptEpisodes, isMovieParty, markBoardDirty, memberOf, PROMPT_TTL_MS } from "./parties";
import { fail } from "./errors";
import { findItem, setProgressStatus, setReaction, viewItem } from "./watchItems";
import type { Reaction } from "../lib/validators";
import { episodeNumbersOf, getShow, positionOf } from "./shows";

const rank = (e: { season: number; episode: number } | null) => (e === null ? -1 : e.season * 100_000 + e.episode);

/** The host's furthest episode in what the party watches, from their own tracking. */
export async function hostPosition(ctx: QueryCtx, party: Doc<"parties">): Promise<{ season: number; episode: number } | null> {
  if (isMovieParty(party)) return null;
  const host = await memberOf(ctx, party._id, party.hostDiscordUserId);
  if (host === null) return null;
  const { watched } = await readWatched(ctx, host.userId, party.tmdbId);
  let best: { season: number; episode: number } | null = null;
  for (const [season, episodes] of watched) {
    if (season === 0 || (party.season !== undefined && season !== party.season)) continue;
    for (const episode of episodes) if (rank({ season, episode }) > rank(best)) best = { season, episode };
  }
  return best;
}

/**
 * What the session watched, for "Did you watch …?": the episodes the host marked during it, or,
 * when they marked none, the episode after where they were.
 */
export async function watchedInSession(ctx: QueryCtx, party: Doc<"parties">, start: { season: number; episode: number } | null) {
  const show = await getShow(ctx, party.tmdbId);
  if (show === null) return null;
  const now = await hostPosition(ctx, party);
  const seasons = show.seasons
    .filter((s) => s.season > 0 && s.episodeCount > 0 && (party.season === undefined || s.season === party.season))
    .sort((a, b) => a.season - b.season);
  let season: number;
  let episodes: number[];
  if (now !== null && rank(now) > rank(start)) {
    season = now.season;
    const from = start !== null && start.season === now.season ? start.episode + 1 : 1;
    episodes = Array.from({ length: now.episode - from + 1 }, (_, i) => from + i).slice(-30);
  } else {
    const at = start ?? { season: seasons[0]?.season ?? 1, episode: 0 };
    // The episode after, by place in TMDB's list (a season may be numbered E885…).
    const current = seasons.find((s) => s.season === at.season);
    const place = current === undefined || at.episode === 0 ? 0 : (positionOf(current, at.episode) ?? current.episodeCount);
    if (current !== undefined && place < current.episodeCount) {
      season = at.season;
      episodes = [episodeNumbersOf(current)[place]!];
    } else {
      const next = seasons.find((s) => s.season > at.season);
      if (next === undefined) return null;
      season = next.season;
      episodes = [episodeNumbersOf(next)[0]!];
    }
  }
  try {
    return { show, season, episodes: checkPromptEpisodes(show, party, season, episodes) };
  } catch {
    return null;
  }
}

/** The prompt row "I was there" reads (the watched-together path of parties). */
export async function createSessionPrompt(ctx: MutationCtx, party: Doc<"parties">, session: Doc<"party_sessions">) {
  if (isMovieParty(party)) return await createMoviePrompt(ctx, party, session.scheduledBy, session.at);
  const what = await watchedInSession(ctx, party, session.startPosition ?? null);
  if (what === null) return null;
  return await ctx.db.insert("party_prompts", {
    partyId: party._id,
    tmdbId: party.tmdbId,
    season: what.season,
    episodes: what.episodes,
    createdBy: session.scheduledBy,
    expiresAt: Date.now() + PROMPT_TTL_MS,
  });
}

// ---------------------------------------------------------------- movie nights

/**
 * "Did you watch *Title*?" for a movie party: each "I was there" marks the film finished for
 * whoever clicks (and only them), and the prompt keeps who was there and their reactions, which
 * the board shows as counts. `nightAt`: the session's start, or now for the host's We watched it.
 */
export async function createMoviePrompt(ctx: MutationCtx, party: Doc<"parties">, createdBy: string, nightAt: number, fromButton = false) {
  return await ctx.db.insert("party_prompts", {
    partyId: party._id,
    tmdbId: party.tmdbId,
    season: 0,
    episodes: [],
    movie: true,
    nightAt,
    attendees: [],
    createdBy,
    ...(fromButton ? { fromButton } : {}),
    expiresAt: Date.now() + PROMPT_TTL_MS,
  });
}

/**
 * Where the film leaves the server's list: called once per movie night, when its first member
 * says "I was there" — the list keeps it as watched on the night's date and offers it no more.
 */
export async function filmWatchedByServer(
  ctx: MutationCtx,
  night: { guildId: string; tmdbId: number; mediaType: "movie"; watchedAt: number },
): Promise<void> {
  await markWatchedOnList(ctx, night);
}

/** Whether someone has the film finished in their own tracking (web app and bot alike). */
export async function hasFinished(ctx: QueryCtx, userId: Id<"users">, tmdbId: number): Promise<boolean> {
  const row = await findItem(ctx, userId, tmdbId, "movie");
  return row !== null && viewItem(row).progressStatus === "finished";
}

/**
 * "I was there" on a movie night: the film is marked finished for the clicker through the same
 * write as `/watch status finished` (nothing is written when it already is), and they are counted
 * as there. `changed`: their status changed.
 */
export async function movieThere(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  party: Doc<"parties">,
  prompt: Doc<"party_prompts">,
): Promise<{ changed: boolean }> {
  let changed = false;
  if (!(await hasFinished(ctx, actor.userId, party.tmdbId))) {
    await setProgressStatus(ctx, actor.userId, {
      tmdbId: party.tmdbId,
      mediaType: "movie",
      progressStatus: "finished",
      title: party.title,
      ...(party.movie?.posterUrl !== undefined ? { image: party.movie.posterUrl } : {}),
    });
    changed = true;
  }
  const attendees = prompt.attendees ?? [];
  if (!attendees.some((a) => a.discordUserId === actor.discordUserId)) {
    if (attendees.length === 0)
      await filmWatchedByServer(ctx, {
        guildId: party.guildId,
        tmdbId: party.tmdbId,
        mediaType: "movie",
        watchedAt: prompt.nightAt ?? prompt._creationTime,
      });
    await ctx.db.patch(prompt._id, { attendees: [...attendees, { discordUserId: actor.discordUserId }] });
  }
  await countNight(ctx, party, prompt._id);
  return { changed };
}

/** A reaction after "I was there": set on the person's own title (as `/watch react`), counted on the board. */
export async function movieReaction(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  party: Doc<"parties">,
  prompt: Doc<"party_prompts">,
  reaction: Reaction,
): Promise<void> {
  const attendees = prompt.attendees ?? [];
  if (!attendees.some((a) => a.discordUserId === actor.discordUserId))
    fail("INVALID_ARGUMENT", "Press **I was there** first — reactions are for those who watched it.");
  await setReaction(ctx, actor.userId, {
    tmdbId: party.tmdbId,
    mediaType: "movie",
    reaction,
    title: party.title,
    ...(party.movie?.posterUrl !== undefined ? { image: party.movie.posterUrl } : {}),
  });
  await ctx.db.patch(prompt._id, {
    attendees: attendees.map((a) => (a.discordUserId === actor.discordUserId ? { ...a, reaction } : a)),
  });
  await countNight(ctx, party, prompt._id);
}

/**
 * Someone deleted their Discord data: their name goes from the party's movie nights (who was there,
 * who reacted how). The board's counts stay: they name nobody.
 */
export async function forgetMovieNights(ctx: MutationCtx, partyId: Id<"parties">, discordUserId: string): Promise<void> {
  const prompts = await ctx.db
    .query("party_prompts")
    .withIndex("by_party", (q) => q.eq("partyId", partyId))
    .take(200);
  for (const prompt of prompts) {
    const attendees = prompt.attendees ?? [];
    if (attendees.some((a) => a.discordUserId === discordUserId))
      await ctx.db.patch(prompt._id, { attendees: attendees.filter((a) => a.discordUserId !== discordUserId) });
  }
}

/** How the party's latest movie night went, in counts only: how many were there, and each reaction. */
export async function movieNight(
  _ctx: QueryCtx,
  party: Doc<"parties">,
): Promise<{ at: number; there: number; reactions: Record<Reaction, number> } | null> {
  return party.movieNight ?? null;
}

/** The night's counts from its prompt, kept on the party (the prompt is swept a week after it expires). */
async function countNight(ctx: MutationCtx, party: Doc<"parties">, promptId: Id<"party_prompts">) {
  const prompt = (await ctx.db.get(promptId))!;
  const attendees = prompt.attendees ?? [];
  const reactions: Record<Reaction, number> = { loved: 0, liked: 0, mixed: 0, "not-for-me": 0 };
  for (const a of attendees) if (a.reaction !== undefined) reactions[a.reaction]++;
  await ctx.db.patch(party._id, { movieNight: { at: prompt.nightAt ?? prompt._creationTime, there: attendees.length, reactions } });
  await markBoardDirty(ctx, party._id);
}
