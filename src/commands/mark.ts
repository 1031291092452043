import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import type { UserView } from "../core/interaction.ts";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import type { Responder } from "../core/respond.ts";
import type { ShowRef } from "../lib/tmdb-shows.ts";
import { markPickButton, MAX_SEASON } from "../views/component-ids.ts";
import { countSentence, episodeCard } from "../views/episode-card.ts";
import { guessPrompt } from "../views/guess.ts";
import { markAndReply, showById, suggestShows } from "./ep.ts";
import { canShare, command, forPerson, type BotContext } from "./types.ts";

const showOption = {
  type: Option.String,
  name: "show",
  description: "The show: its name or a TMDB id",
  required: true,
  autocomplete: true,
  max_length: 200,
} as const;

export const mark = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "mark",
    description: "Mark a whole season or a whole show at once",
    options: [
      {
        type: Option.Subcommand,
        name: "season",
        description: "Mark every episode of one season",
        options: [
          showOption,
          { type: Option.Integer, name: "season", description: "Season number", required: true, min_value: 0, max_value: MAX_SEASON },
          { type: Option.Boolean, name: "watched", description: "False to unmark the season (default: true)", required: false },
        ],
      },
      {
        type: Option.Subcommand,
        name: "show",
        description: "Mark every episode of a show",
        options: [
          showOption,
          { type: Option.Boolean, name: "watched", description: "False to unmark every episode (default: true)", required: false },
        ],
      },
    ],
  }),
  ephemeral: true,
  async execute(interaction, respond, ctx, args) {
    const isWatched = args.options.watched ?? true;
    const season = args.subcommand === "season" ? args.options.season : null;
    const value = args.options.show;
    const byId = showById(ctx, value);
    if (byId !== null) {
      await markSeasonOrShow(ctx, respond, interaction.user, byId, season, isWatched);
      return;
    }
    const found = await ctx.titles.lookupShow(value);
    if (found.kind === "guess") {
      const t = forPerson(ctx);
      await respond.send(
        guessPrompt({
          ...found,
          confirm:
            season === null
              ? t("episode.confirmShow", { isWatched: String(isWatched) })
              : t("episode.confirmSeason", { isWatched: String(isWatched), season }),
          customId: (choice) =>
            markPickButton.encode({ season: season ?? "all", isWatched, choice: choice && { mediaType: "tv", tmdbId: choice.tmdbId } }),
          t,
        }),
      );
      return;
    }
    await markSeasonOrShow(ctx, respond, interaction.user, found.title, season, isWatched);
  },
  async autocomplete(interaction, ctx) {
    return await suggestShows(ctx, interaction.user.id, interaction.focused.value);
  },
  components: {
    /** "Did you mean …?" confirmed: /mark season or /mark show on the show picked. */
    async "mark:pick"(interaction, respond, ctx, { season, isWatched, choice }) {
      const show = await ctx.titles.show(choice.tmdbId);
      await markSeasonOrShow(ctx, respond, interaction.user, show, season === "all" ? null : season, isWatched);
    },
    /** Season 0, which `/mark show` leaves out. */
    async "mark:specials"(interaction, respond, ctx, { tmdbId, isWatched }) {
      await markAndReply(ctx, respond, interaction.user, { tmdbId, details: () => ctx.titles.show(tmdbId) }, 0, "all", isWatched);
    },
  },
});

/** `/mark season` (a season number) or `/mark show` (null: every regular season, specials offered apart). */
async function markSeasonOrShow(
  ctx: BotContext,
  respond: Responder,
  user: UserView,
  show: ShowRef,
  season: number | null,
  isWatched: boolean,
) {
  if (season !== null) {
    await markAndReply(ctx, respond, user, show, season, "all", isWatched);
    return;
  }
  const outcome = await ctx.titles.shows.write(show, (sync) =>
    ctx.backend.mutation(api.bot.episodes.markAllFor, {
      discordUserId: user.id,
      username: user.username,
      ...sync,
      tmdbId: show.tmdbId,
      isWatched,
    }),
  );
  // Specials (season 0) never count towards finishing a show, so /mark show leaves them out and says so.
  const t = forPerson(ctx);
  const scope = t(outcome.specials > 0 ? "episode.scope.show" : "episode.scope.showNoSpecials");
  // Empty content: a card that replaces a "Did you mean …?" prompt must not keep its question.
  await respond.send({
    content: "",
    ...episodeCard({
      tmdbId: show.tmdbId,
      // Named and pictured from what Convex stores: a show given by id needs no TMDB call.
      showTitle: outcome.show.title,
      posterUrl: outcome.show.image,
      headline: `${countSentence(isWatched ? "marked" : "unmarked", outcome.changed, outcome.unchanged, isWatched, t)} (${scope})`,
      outcome,
      isWatched,
      // The write answers with the job's progress: no second call.
      jobProgress: outcome.job,
      shareable: canShare(respond.interaction),
      ...(outcome.specials > 0 ? { specials: { count: outcome.specials, isWatched } } : {}),
      t,
    }),
  });
}
