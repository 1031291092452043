// The bot's API for episodes: marking one, a range, a season or a whole show, checked against the
// cached show structure (stored first when the bot sends it), answering with progress and what's next.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { showSync } from "../lib/botArgs";
import { botMutation, botQuery } from "../lib/botFunctions";
import { markOutcome } from "../lib/botReturns";
import { showBatch } from "../model/episodes";
import { fail } from "../model/errors";
import { checkAired, episodeName, refreshBeforeRefusing, resolveEpisodes, seasonOf, showForWrite } from "../model/shows";
import { showHeaderOf } from "../model/titleState";
import { markEpisodes, type MarkOutcome } from "../model/tracking";
import { parseTmdbId } from "../model/vocabulary";

/** The mark outcome as the reply needs it: job progress and the show's name and poster included. */
function markReply(outcome: MarkOutcome, show: Doc<"shows">, name: string | null) {
  return {
    ...outcome,
    job: outcome.jobId === null ? null : { applied: outcome.changed + outcome.unchanged, total: outcome.requested },
    show: showHeaderOf(show),
    specials: show.seasons.find((s) => s.season === 0)?.episodeCount ?? 0,
    episodeName: name,
  };
}

function episodeLabel(season: number, episodes: number[]): string {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  if (sorted.length === 1) return `S${season}E${sorted[0]!}`;
  const contiguous = sorted.every((e, i) => i === 0 || e === sorted[i - 1]! + 1);
  return contiguous ? `S${season}E${sorted[0]}–E${sorted[sorted.length - 1]}` : `${sorted.length} episodes of season ${season}`;
}

/** Marks episodes of one season, checked against the cached show structure (stored first when sent along). */
export const markEpisodesFor = botMutation({
  args: { tmdbId: v.number(), season: v.number(), episodes: v.array(v.number()), isWatched: v.boolean(), ...showSync },
  returns: markOutcome,
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    if (args.episodes.length === 0) fail("INVALID_ARGUMENT", "Name at least one episode.");
    const show = await showForWrite(ctx, tmdbId, args);
    refreshBeforeRefusing(show, args, args.season, args.episodes);
    // TMDB's numbers (S20E885) or places in the season's list: the reply says which was read.
    const { episodes, numbering } = resolveEpisodes(show, args.season, args.episodes);
    // Announced episodes can't be watched yet; unmarking one (marked on the web) is harmless.
    if (args.isWatched) checkAired(show, args.season, episodes, Date.now());
    const label = episodeLabel(args.season, episodes);
    const outcome = await markEpisodes(ctx, ctx.actor.userId, {
      tmdbId,
      batch: [{ season: args.season, episodes }],
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${show.title} ${label}`,
      followStatus: true,
    });
    // The reply names a single episode; the show is already read.
    const only = episodes.length === 1 ? episodes[0]! : null;
    const reply = markReply(outcome, show, only === null ? null : (episodeName(show, args.season, only) ?? null));
    return numbering === null ? reply : { ...reply, numbering: { read: numbering, episodes } };
  },
});

/** Marks every episode of one season, or of the whole show when no season is given. */
export const markAllFor = botMutation({
  args: { tmdbId: v.number(), season: v.optional(v.number()), isWatched: v.boolean(), ...showSync },
  returns: markOutcome,
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    const show = await showForWrite(ctx, tmdbId, args);
    if (args.season !== undefined) {
      refreshBeforeRefusing(show, args, args.season, []);
      seasonOf(show, args.season);
    }
    const what = args.season === undefined ? "every episode" : `season ${args.season}`;
    const outcome = await markEpisodes(ctx, ctx.actor.userId, {
      tmdbId,
      batch: showBatch(show, args.season === undefined ? undefined : [args.season]),
      isWatched: args.isWatched,
      description: `${args.isWatched ? "marked" : "unmarked"} ${what} of ${show.title}`,
      followStatus: true,
    });
    return markReply(outcome, show, null);
  },
});

export const getEpisodeJob = botQuery({
  args: { jobId: v.id("episode_jobs") },
  returns: v.union(
    v.null(),
    v.object({ state: v.union(v.literal("running"), v.literal("done")), applied: v.number(), total: v.number(), changed: v.number() }),
  ),
  handler: async (ctx, args) => {
    const job = await ctx.db.get(args.jobId);
    if (job === null || job.userId !== (await ctx.actor.userId())) return null;
    return { state: job.state, applied: job.applied, total: job.total, changed: job.changed };
  },
});
