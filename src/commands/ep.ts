import { SlashCommandBuilder } from "discord.js";
import { api } from "../../convex/_generated/api.js";
import { countSentence, episodeButtons, episodeCard } from "../lib/cards.ts";
import { describeEpisodes, parseEpisodeSpec } from "../lib/episode-spec.ts";
import { plain } from "../lib/text.ts";
import { choiceName, yearOf } from "../lib/titles.ts";
import type { ShowDetails } from "../lib/tmdb.ts";
import { intArg, type BotContext, type Command, type ComponentInteraction } from "./types.ts";
import type { Responder } from "../lib/respond.ts";
import type { User } from "discord.js";

/** Marks one or more episodes of a season and answers with progress and the next episode. */
export async function markAndReply(
  ctx: BotContext,
  respond: Responder,
  user: User,
  show: ShowDetails,
  season: number,
  episodes: number[] | "all",
  isWatched: boolean,
): Promise<void> {
  await ctx.titles.ensureShowCached(show);
  const actor = { discordUserId: user.id, username: user.username };
  const outcome =
    episodes === "all"
      ? await ctx.backend.mutation(api.bot.markAllFor, { ...actor, tmdbId: show.tmdbId, season, isWatched })
      : await ctx.backend.mutation(api.bot.markEpisodesFor, { ...actor, tmdbId: show.tmdbId, season, episodes, isWatched });
  const single = episodes !== "all" && episodes.length === 1 ? episodes[0]! : null;
  let headline: string;
  if (single !== null) {
    const name = "episodeName" in outcome && typeof outcome.episodeName === "string" ? outcome.episodeName : null;
    const what = `**S${season}E${single}**${name ? ` · ${plain(name, 150)}` : ""}`;
    headline =
      outcome.changed === 0
        ? `${what} was already ${isWatched ? "watched" : "unwatched"} — nothing changed.`
        : `${isWatched ? "✅ Watched" : "↩️ Unwatched"} ${what}`;
  } else {
    const scope = episodes === "all" ? `season ${season}` : describeEpisodes(season, episodes);
    headline = `${countSentence(isWatched ? "marked" : "unmarked", outcome.changed, outcome.unchanged, isWatched)} (${scope})`;
  }
  const justFinished = outcome.statusAfter === "finished" && outcome.statusBefore !== "finished";
  await respond.send({
    embeds: [episodeCard({ showTitle: show.title, image: ctx.tmdb.posterUrl(show.posterPath, "w185"), headline, outcome })],
    components: episodeButtons(show.tmdbId, outcome, justFinished),
  });
}

export async function suggestShows(ctx: BotContext, discordUserId: string, partial: string) {
  if (partial.trim().length > 0) return await ctx.titles.suggest(partial, "tv");
  // Nothing typed yet: the shows this user is watching, newest first.
  const page = await ctx.backend.query(api.bot.listTitles, { discordUserId, progressStatus: "watching", mediaType: "tv", pageSize: 25 });
  return page.items.map((item) => ({ name: choiceName(item.title ?? `Show ${item.tmdbId}`, yearOf(item.release_date), "tv"), value: `tv:${item.tmdbId}` }));
}

export const ep = {
  data: new SlashCommandBuilder()
    .setName("ep")
    .setDescription("Mark an episode (or a range) watched")
    .addStringOption((o) => o.setName("show").setDescription("The show: start typing its name, or a TMDB id like 1399").setRequired(true).setAutocomplete(true).setMaxLength(200))
    .addIntegerOption((o) => o.setName("season").setDescription("Season number").setRequired(true).setMinValue(0).setMaxValue(200))
    .addStringOption((o) => o.setName("episode").setDescription("Episode: 3, a range 1-5, a list 1,3,5, or all").setRequired(true).setMaxLength(100))
    .addBooleanOption((o) => o.setName("watched").setDescription("False to unmark (default: true)"))
    .toJSON(),
  ephemeral: true,
  async execute(interaction, respond, ctx) {
    const spec = parseEpisodeSpec(interaction.options.getString("episode", true));
    const season = interaction.options.getInteger("season", true);
    const isWatched = interaction.options.getBoolean("watched") ?? true;
    const show = await ctx.titles.resolveShow(interaction.options.getString("show", true));
    await markAndReply(ctx, respond, interaction.user, show, season, spec.kind === "all" ? "all" : spec.episodes, isWatched);
  },
  async autocomplete(interaction, ctx) {
    return await suggestShows(ctx, interaction.user.id, interaction.options.getFocused());
  },
  components: {
    /** ep:mark:<tmdbId>:<season>:<episode> — the "Mark S1E4" button. */
    async mark(interaction: ComponentInteraction, respond, ctx, [id, season, episode]) {
      const show = await ctx.titles.resolveShow(`tv:${intArg(id)}`);
      await markAndReply(ctx, respond, interaction.user, show, intArg(season), [intArg(episode)], true);
    },
  },
} satisfies Command;
