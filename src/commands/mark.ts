import { ButtonStyle, ComponentType, SlashCommandBuilder, type APIButtonComponent, type User } from "discord.js";
import { api } from "../../convex/_generated/api.js";
import { canShare, countSentence, episodeButtons, episodeCard } from "../lib/cards.ts";
import { staleComponent } from "../lib/errors.ts";
import { markPickButton, MAX_SEASON, specialsButton } from "../views/component-ids.ts";
import { guessPrompt } from "../views/guess.ts";
import type { Responder } from "../lib/respond.ts";
import { plural } from "../lib/text.ts";
import type { ShowRef } from "../lib/tmdb-shows.ts";
import { markAndReply, showById, suggestShows } from "./ep.ts";
import { argsOf, type BotContext, type Command } from "./types.ts";

export const mark = {
  data: new SlashCommandBuilder()
    .setName("mark")
    .setDescription("Mark a whole season or a whole show at once")
    .addSubcommand((s) =>
      s
        .setName("season")
        .setDescription("Mark every episode of one season")
        .addStringOption((o) => o.setName("show").setDescription("The show: its name or a TMDB id").setRequired(true).setAutocomplete(true).setMaxLength(200))
        .addIntegerOption((o) => o.setName("season").setDescription("Season number").setRequired(true).setMinValue(0).setMaxValue(MAX_SEASON))
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
    const season = interaction.options.getSubcommand() === "season" ? interaction.options.getInteger("season", true) : null;
    const value = interaction.options.getString("show", true);
    const byId = showById(ctx, value);
    if (byId !== null) {
      await markSeasonOrShow(ctx, respond, interaction.user, byId, season, isWatched);
      return;
    }
    const found = await ctx.titles.lookupShow(value);
    if (found.kind === "guess") {
      const verb = isWatched ? "mark" : "unmark";
      await respond.send(
        guessPrompt({
          ...found,
          confirm: season === null ? `Yes — ${verb} every episode` : `Yes — ${verb} season ${season}`,
          customId: (choice) => markPickButton.encode({ season: season ?? "all", isWatched, choice }),
        }),
      );
      return;
    }
    await markSeasonOrShow(ctx, respond, interaction.user, found.title, season, isWatched);
  },
  async autocomplete(interaction, ctx) {
    return await suggestShows(ctx, interaction.user.id, interaction.options.getFocused());
  },
  components: {
    /** "Did you mean …?" confirmed: /mark season or /mark show on the show picked. */
    async pick(interaction, respond, ctx, fields) {
      const { season, isWatched, choice } = argsOf(markPickButton, interaction, fields);
      if (choice.mediaType !== "tv") throw staleComponent();
      const show = await ctx.titles.show(choice.tmdbId);
      await markSeasonOrShow(ctx, respond, interaction.user, show, season === "all" ? null : season, isWatched);
    },
    /** Season 0, which `/mark show` leaves out. */
    async specials(interaction, respond, ctx, fields) {
      const { tmdbId, isWatched } = argsOf(specialsButton, interaction, fields);
      await markAndReply(ctx, respond, interaction.user, { tmdbId, details: () => ctx.titles.show(tmdbId) }, 0, "all", isWatched);
    },
  },
} satisfies Command;

/** `/mark season` (a season number) or `/mark show` (null: every regular season, specials offered apart). */
async function markSeasonOrShow(ctx: BotContext, respond: Responder, user: User, show: ShowRef, season: number | null, isWatched: boolean) {
  if (season !== null) {
    await markAndReply(ctx, respond, user, show, season, "all", isWatched);
    return;
  }
  const outcome = await ctx.titles.shows.write(show, (sync) =>
    ctx.backend.mutation(api.bot.episodes.markAllFor, { discordUserId: user.id, username: user.username, ...sync, tmdbId: show.tmdbId, isWatched }),
  );
  // The write answers with the job's progress: no second call.
  const jobProgress = outcome.job;
  // Specials (season 0) never count towards finishing a show, so /mark show leaves them out and says so.
  const specials = outcome.specials > 0 ? { episodeCount: outcome.specials } : undefined;
  const scope = specials ? "every episode; specials (season 0) not included" : "every episode; this show has no specials";
  const headline = `${countSentence(isWatched ? "marked" : "unmarked", outcome.changed, outcome.unchanged, isWatched)} (${scope})`;
  const justFinished = outcome.statusAfter === "finished" && outcome.statusBefore !== "finished";
  const rows = episodeButtons(show.tmdbId, outcome, justFinished, canShare(respond.interaction));
  if (specials) {
    const button: APIButtonComponent = {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: `${isWatched ? "Mark" : "Unmark"} the ${plural(specials.episodeCount, "special")} too`,
      custom_id: specialsButton.encode({ tmdbId: show.tmdbId, isWatched }),
    };
    if (rows[0] && rows[0].components.length < 5) rows[0].components.push(button);
    else rows.push({ type: ComponentType.ActionRow, components: [button] });
  }
  await respond.send({
    // Named and pictured from what Convex stores: a show given by id needs no TMDB call.
    embeds: [episodeCard({ showTitle: outcome.show.title, image: outcome.show.image, headline, outcome, jobProgress })],
    components: rows,
  });
}
