// What a session watched, for its "Did you watch …?" prompt: the host's position before and after.
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { readWatched } from "./episodes";
import { checkPromptEpisodes, memberOf, PROMPT_TTL_MS } from "./parties";
import { episodeNumbersOf, getShow, positionOf } from "./shows";

const rank = (e: { season: number; episode: number } | null) => (e === null ? -1 : e.season * 100_000 + e.episode);

/** The host's furthest episode in what the party watches, from their own tracking. */
export async function hostPosition(ctx: QueryCtx, party: Doc<"parties">): Promise<{ season: number; episode: number } | null> {
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
