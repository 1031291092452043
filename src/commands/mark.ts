import { SlashCommandBuilder } from "discord.js";
import { api } from "../../convex/_generated/api.js";
import { countSentence, episodeButtons, episodeCard } from "../lib/cards.ts";
import { markAndReply, suggestShows } from "./ep.ts";
import type { Command } from "./types.ts";

export const mark = {
  data: new SlashCommandBuilder()
    .setName("mark")
    .setDescription("Mark a whole season or a whole show at once")
    .addSubcommand((s) =>
      s
        .setName("season")
        .setDescription("Mark every episode of one season")
        .addStringOption((o) => o.setName("show").setDescription("The show: its name or a TMDB id").setRequired(true).setAutocomplete(true).setMaxLength(200))
        .addIntegerOption((o) => o.setName("season").setDescription("Season number").setRequired(true).setMinValue(0).setMaxValue(200))
        .addBooleanOption((o) => o.setName("watched").setDescription("False to unmark the season (default: true)")),
    )
    .addSubcommand((s) =>
      s
        .setName("show")
        .setDescription("Mark every episode of a show")
        .addStringOption((o) => o.setName("show").setDescription("The show: its name or a TMDB id").setRequired(true).setAutocomplete(true).setMaxLength(200))
        .addBooleanOption((o) => o.setName("watched").setDescription("False to unmark every episode (default: true)")),
    )
    .toJSON(),
  ephemeral: true,
  async execute(interaction, respond, ctx) {
    const isWatched = interaction.options.getBoolean("watched") ?? true;
    const show = await ctx.titles.resolveShow(interaction.options.getString("show", true));
    if (interaction.options.getSubcommand() === "season") {
      await markAndReply(ctx, respond, interaction.user, show, interaction.options.getInteger("season", true), "all", isWatched);
      return;
    }
    await ctx.titles.ensureShowCached(show);
    const outcome = await ctx.backend.mutation(api.bot.markAllFor, {
      discordUserId: interaction.user.id,
      username: interaction.user.username,
      tmdbId: show.tmdbId,
      isWatched,
    });
    const jobProgress = outcome.jobId
      ? await ctx.backend.query(api.bot.getEpisodeJob, { discordUserId: interaction.user.id, jobId: outcome.jobId })
      : null;
    const headline = `${countSentence(isWatched ? "marked" : "unmarked", outcome.changed, outcome.unchanged, isWatched)} (every episode)`;
    const justFinished = outcome.statusAfter === "finished" && outcome.statusBefore !== "finished";
    await respond.send({
      embeds: [episodeCard({ showTitle: show.title, image: ctx.tmdb.posterUrl(show.posterPath, "w185"), headline, outcome, jobProgress })],
      components: episodeButtons(show.tmdbId, outcome, justFinished),
    });
  },
  async autocomplete(interaction, ctx) {
    return await suggestShows(ctx, interaction.user.id, interaction.options.getFocused());
  },
} satisfies Command;
