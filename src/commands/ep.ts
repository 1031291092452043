import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import type { UserView } from "../core/interaction.ts";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { formatEpisodeSpec, parseEpisodeSpec } from "../lib/episode-spec.ts";
import { UserError } from "../lib/errors.ts";
import type { Responder } from "../core/respond.ts";
import { choiceName, parseTitleRef, yearOf } from "../lib/titles.ts";
import type { ShowRef } from "../lib/tmdb-shows.ts";
import type { Translator } from "../i18n/index.ts";
import { episodePickButton, MAX_SEASON, MAX_TMDB_ID } from "../views/component-ids.ts";
import { countSentence, episodeCard, episodeHeadline } from "../views/episode-card.ts";
import { guessPrompt } from "../views/guess.ts";
import { episodeRange } from "../views/text.ts";
import { canShare, command, forPerson, type BotContext } from "./types.ts";

/** "S1E3", "S1E1–E5", "season 2", or "3 episodes of season 1", in the reader's language. */
export function describeEpisodes(t: Translator, season: number, episodes: number[] | "all"): string {
  if (episodes === "all") return t("episode.scope.season", { season });
  return episodeRange(season, episodes) ?? t("episode.scope.scattered", { count: episodes.length, season });
}

/** Marks one or more episodes of a season and answers with progress and the next episode. */
export async function markAndReply(
  ctx: BotContext,
  respond: Responder,
  user: UserView,
  show: ShowRef,
  season: number,
  episodes: number[] | "all",
  isWatched: boolean,
): Promise<void> {
  const t = forPerson(ctx);
  const actor = { discordUserId: user.id, username: user.username };
  // One Convex call; a second, carrying the show's structure, only when Convex lacks it or it went stale.
  let cached = false;
  const outcome = await ctx.titles.shows.write(
    show,
    (sync) =>
      episodes === "all"
        ? ctx.backend.mutation(api.bot.episodes.markAllFor, { ...actor, ...sync, tmdbId: show.tmdbId, season, isWatched })
        : ctx.backend.mutation(api.bot.episodes.markEpisodesFor, { ...actor, ...sync, tmdbId: show.tmdbId, season, episodes, isWatched }),
    { onCached: () => (cached = true) },
  );
  // A season TMDB numbers its own way (S20E885): Convex says how it read the numbers given.
  const numbering = (outcome as { numbering?: { read: "tmdb" | "position"; episodes: number[] } }).numbering;
  const marked = episodes !== "all" && numbering ? numbering.episodes : episodes;
  const single = marked !== "all" && marked.length === 1 ? marked[0]! : null;
  const read = numbering ? numberingNote(t, season, episodes, numbering) : "";
  const headline =
    (single !== null
      ? episodeHeadline(
          { season, episode: single, ...(outcome.episodeName ? { name: outcome.episodeName } : {}) },
          isWatched,
          outcome.changed,
          t,
        )
      : `${countSentence(isWatched ? "marked" : "unmarked", outcome.changed, outcome.unchanged, isWatched, t)} (${describeEpisodes(t, season, marked)})`) +
    read +
    (cached ? `\n-# ${t("episode.cached")}` : "");
  // Offered only where TMDB numbers the season 1, 2, 3 …: elsewhere "E1 up to the one before" means nothing.
  const before =
    isWatched && episodes !== "all" && numbering === undefined ? markedAhead(show.tmdbId, season, episodes, outcome.progress) : null;
  // Named and pictured from what Convex stores: a show given by id needs no TMDB call.
  // Empty content: a card that replaces a "Did you mean …?" prompt must not keep its question.
  await respond.send({
    content: "",
    ...episodeCard({
      tmdbId: show.tmdbId,
      showTitle: outcome.show.title,
      posterUrl: outcome.show.image,
      headline,
      outcome,
      isWatched,
      shareable: canShare(respond.interaction),
      ...(before ? { before } : {}),
      t,
    }),
  });
}

/** "\n-# Read 3 as the 3rd episode of season 20, which TMDB numbers E887." */
function numberingNote(
  t: Translator,
  season: number,
  given: number[] | "all",
  numbering: { read: "tmdb" | "position"; episodes: number[] },
): string {
  if (given === "all") return "";
  if (numbering.read === "tmdb")
    return `\n-# ${given.length === 1 ? t("episode.numbering.tmdbOne", { season, given: given[0]! }) : t("episode.numbering.tmdbMany", { season })}`;
  const first = given[0]!;
  return given.length === 1
    ? `\n-# ${t("episode.numbering.positionOne", { season, given: first, tmdb: numbering.episodes[0]! })}`
    : `\n-# ${t("episode.numbering.positionMany", { season, first: numbering.episodes[0]!, last: numbering.episodes[numbering.episodes.length - 1]! })}`;
}

/**
 * Marked ahead: the episodes just marked are the only ones watched in their season, and it starts
 * past E1 (`/ep … 5` on a season not begun). Then the card offers E1 up to the one before, as the
 * same /ep would mark them — only on a click.
 */
export function markedAhead(
  tmdbId: number,
  season: number,
  episodes: number[],
  progress: { seasons: { season: number; watched: number }[] } | null,
): { season: number; last: number; customId: string } | null {
  if (episodes.length === 0 || progress === null) return null;
  const first = Math.min(...episodes);
  const watchedInSeason = progress.seasons.find((s) => s.season === season)?.watched;
  if (first <= 1 || watchedInSeason !== new Set(episodes).size) return null;
  const customId = episodePickButton.tryEncode({
    season,
    isWatched: true,
    episodes: first === 2 ? "1" : `1-${first - 1}`,
    choice: { mediaType: "tv", tmdbId },
  });
  return customId === null ? null : { season, last: first - 1, customId };
}

/**
 * A show option that is an id (what autocomplete gives): Convex answers from what
 * it stores, and TMDB is asked only if Convex lacks the show. Null for typed words.
 */
export function showById(ctx: BotContext, value: string): ShowRef | null {
  const ref = parseTitleRef(value, forPerson(ctx));
  if (ref.kind !== "id" || ref.mediaType === "movie") return null;
  return {
    tmdbId: ref.tmdbId,
    // An id is never a guess; lookupShow turns a movie's id into advice.
    details: async () => {
      const found = await ctx.titles.lookupShow(value);
      return found.kind === "found" ? found.title : await ctx.titles.show(ref.tmdbId);
    },
  };
}

export async function suggestShows(ctx: BotContext, discordUserId: string, partial: string) {
  const t = forPerson(ctx);
  if (partial.trim().length > 0) {
    // TMDB down or slow: the shows this person tracks, as Convex stores them.
    const tracked = async () =>
      (await ctx.backend.query(api.bot.lists.listTitles, { discordUserId, mediaType: "tv", scope: "all", pageSize: 25 })).items.map(
        (item) => ({
          title: item.title ?? t("episode.showFallbackName", { tmdbId: item.tmdbId }),
          year: yearOf(item.release_date),
          mediaType: "tv",
          tmdbId: item.tmdbId,
        }),
      );
    return await ctx.titles.suggest(partial, "tv", tracked, t);
  }
  // Nothing typed yet: the shows this user is watching, newest first.
  // scope "all": a show followed only through its episodes is being watched too.
  const page = await ctx.backend.query(api.bot.lists.listTitles, {
    discordUserId,
    progressStatus: "watching",
    mediaType: "tv",
    scope: "all",
    pageSize: 25,
  });
  return page.items.map((item) => ({
    name: choiceName(item.title ?? t("episode.showFallbackName", { tmdbId: item.tmdbId }), yearOf(item.release_date), "tv", t),
    value: `tv:${item.tmdbId}`,
  }));
}

export const ep = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "ep",
    description: "Mark an episode (or a range) watched",
    options: [
      {
        type: Option.String,
        name: "show",
        description: "The show: start typing its name, or a TMDB id like 1399",
        required: true,
        autocomplete: true,
        max_length: 200,
      },
      { type: Option.Integer, name: "season", description: "Season number", required: true, min_value: 0, max_value: MAX_SEASON },
      {
        type: Option.String,
        name: "episode",
        description: "Episode: 3, a range 1-5, a list 1,3,5, or all",
        required: true,
        max_length: 100,
      },
      { type: Option.Boolean, name: "watched", description: "False to unmark (default: true)", required: false },
    ],
  }),
  ephemeral: true,
  async execute(interaction, respond, ctx, { show: value, season, episode, watched }) {
    const spec = parseEpisodeSpec(episode, season, forPerson(ctx));
    const isWatched = watched ?? true;
    const byId = showById(ctx, value);
    if (byId !== null) {
      await markAndReply(ctx, respond, interaction.user, byId, season, spec.kind === "all" ? "all" : spec.episodes, isWatched);
      return;
    }
    const found = await ctx.titles.lookupShow(value);
    if (found.kind === "guess") {
      const t = forPerson(ctx);
      const what = describeEpisodes(t, season, spec.kind === "all" ? "all" : spec.episodes);
      const pick = { season, isWatched, episodes: formatEpisodeSpec(spec) };
      if (episodePickButton.tryEncode({ ...pick, choice: { mediaType: "tv", tmdbId: MAX_TMDB_ID } }) === null) {
        throw new UserError(t("episode.guessTooLong"));
      }
      const confirm = t("episode.confirm", { isWatched: String(isWatched), what });
      await respond.send(
        guessPrompt({
          ...found,
          confirm,
          customId: (choice) => episodePickButton.encode({ ...pick, choice: choice && { mediaType: "tv", tmdbId: choice.tmdbId } }),
          t,
        }),
      );
      return;
    }
    await markAndReply(ctx, respond, interaction.user, found.title, season, spec.kind === "all" ? "all" : spec.episodes, isWatched);
  },
  async autocomplete(interaction, ctx) {
    return await suggestShows(ctx, interaction.user.id, interaction.focused.value);
  },
  components: {
    /** The "Mark S1E4" button. */
    async "ep:mark"(interaction, respond, ctx, { tmdbId, season, episode }) {
      const show = { tmdbId, details: () => ctx.titles.show(tmdbId) };
      await markAndReply(ctx, respond, interaction.user, show, season, [episode], true);
    },
    /**
     * "Did you mean …?" confirmed (the /ep that was typed, on the show picked), or "Mark E1–E4 too":
     * like "Mark S1E4", TMDB is asked only when Convex lacks the show, so with TMDB down the click
     * works from the saved episode list as the card it sits on did.
     */
    async "ep:pick"(interaction, respond, ctx, { season, isWatched, episodes, choice }) {
      const spec = parseEpisodeSpec(episodes);
      const show = { tmdbId: choice.tmdbId, details: () => ctx.titles.show(choice.tmdbId) };
      await markAndReply(ctx, respond, interaction.user, show, season, spec.kind === "all" ? "all" : spec.episodes, isWatched);
    },
  },
});
