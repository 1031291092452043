import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import { fetchPosters } from "../lib/year-card-posters.ts";
import type { Responder } from "../core/respond.ts";
import type { Translator } from "../i18n/index.ts";
import { serverBoardCard, statsCard, yearCardReply } from "../views/stats.ts";
import { plain } from "../views/text.ts";
import { yearCardSvg } from "../views/year-card.ts";
import { displayName } from "./party-place.ts";
import { command, forPerson, forServer, type BotContext, type CommandInteraction, type ComponentInteraction } from "./types.ts";

/** The first year /stats answers for (Convex refuses earlier ones too). */
const FIRST_YEAR = 2000;

const yearOption = (description: string) =>
  ({ type: Option.Integer, name: "year", description, required: false, min_value: FIRST_YEAR, max_value: 2100 }) as const;

const thisYear = () => new Date().getUTCFullYear();

function checkYear(year: number | undefined, t: Translator): number | undefined {
  if (year !== undefined && (year < FIRST_YEAR || year > thisYear()))
    throw new UserError(t("stats.badYear", { first: String(FIRST_YEAR), last: String(thisYear()) }));
  return year;
}

/** The person's name as this server shows it (plain text on the leaderboard, never a mention). */
function memberName(interaction: CommandInteraction | ComponentInteraction): string {
  return displayName(interaction);
}

/** Renders the year in review for whoever clicked or asked, in `t`'s language; null when this door has no renderer or nothing was counted. */
async function yearCard(ctx: BotContext, interaction: CommandInteraction | ComponentInteraction, year: number, t: Translator) {
  const answer = await ctx.backend.query(api.bot.stats.stats, {
    discordUserId: interaction.user.id,
    year,
    ...(interaction.guildId !== null ? { guildId: interaction.guildId } : {}),
  });
  const figures = answer.status === "ok" ? answer.figures : null;
  if (figures === null || ctx.cards === undefined) return { figures, file: null };
  const images = figures.topShows.flatMap((show) => (show.image === undefined ? [] : [show.image]));
  const posters = await fetchPosters(images, { imageBase: ctx.tmdb.imageBaseUrl });
  const svg = yearCardSvg({ name: memberName(interaction), year, figures, posters, t });
  const png = await ctx.cards.png(`${interaction.user.id}:${year}`, svg);
  return { figures, file: { name: `film-fanatic-${year}.png`, data: png } };
}

async function tooLarge(
  respond: Responder,
  interaction: CommandInteraction | ComponentInteraction,
  bytes: number,
  t: Translator,
): Promise<boolean> {
  if (bytes <= interaction.attachmentSizeLimit) return false;
  await respond.send({ content: t("stats.year.tooLarge") });
  return true;
}

/** /stats: your figures (or another member's, where they share them), sharing, the server's leaderboard, the year in review. */
export const stats = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "stats",
    description: "What you've watched: episodes, hours, films, streaks — and this server's leaderboard",
    options: [
      {
        type: Option.Subcommand,
        name: "show",
        description: "Your stats, or another member's if they share them in this server",
        options: [
          { type: Option.User, name: "user", description: "Whose stats (they must share them here)", required: false },
          yearOption("One year (UTC) instead of all time"),
        ],
      },
      {
        type: Option.Subcommand,
        name: "share",
        description: "Share your stats in this server (others may see them; you're on its leaderboard)",
        options: [
          {
            type: Option.String,
            name: "state",
            description: "on: share here; off: stop",
            required: true,
            choices: [
              { name: "on", value: "on" },
              { name: "off", value: "off" },
            ],
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "server",
        description: "This server's leaderboard: members who share their stats here",
        options: [
          {
            type: Option.String,
            name: "period",
            description: "This week (default), month or year (UTC)",
            required: false,
            choices: [
              { name: "week", value: "week" },
              { name: "month", value: "month" },
              { name: "year", value: "year" },
            ],
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "year",
        description: "Your year in review, as an image you can share",
        options: [yearOption("Which year (default: this one)")],
      },
    ],
  }),
  ephemeral: true,
  // Everything but sharing only reads: this process's limiter guards them.
  reads: ["show", "server", "year", "post"],
  async execute(interaction, respond, ctx, args) {
    const t = forPerson(ctx);
    switch (args.subcommand) {
      case "show": {
        const year = checkYear(args.options.year, t);
        const subject = args.options.user;
        const answer = await ctx.backend.query(api.bot.stats.stats, {
          discordUserId: interaction.user.id,
          ...(subject !== undefined ? { subjectDiscordUserId: subject.user.id } : {}),
          ...(interaction.guildId !== null ? { guildId: interaction.guildId } : {}),
          ...(year !== undefined ? { year } : {}),
        });
        if (answer.status === "not_shared") {
          await respond.send({
            content: t(interaction.guildId === null ? "stats.notSharedDm" : "stats.notShared"),
          });
          return;
        }
        const nick = subject?.member?.nick;
        const name =
          subject === undefined ? memberName(interaction) : typeof nick === "string" && nick !== "" ? nick : subject.user.displayName;
        await respond.send(
          statsCard({ name, self: answer.self, figures: answer.figures, year: year ?? null, sharedHere: answer.sharedHere, t }),
        );
        return;
      }
      case "share": {
        if (interaction.guildId === null) throw new UserError(t("stats.inServerOnly"));
        const on = args.options.state === "on";
        const result = await ctx.backend.mutation(api.bot.stats.setStatsShare, {
          discordUserId: interaction.user.id,
          username: interaction.user.username,
          guildId: interaction.guildId,
          on,
          name: memberName(interaction),
        });
        const content = on
          ? t("stats.share.on", { changed: String(result.changed) })
          : t(result.changed ? "stats.share.off" : "stats.share.wasOff");
        await respond.send({ content });
        return;
      }
      case "server": {
        if (interaction.guildId === null) throw new UserError(t("stats.inServerOnly"));
        const board = await ctx.backend.query(api.bot.stats.serverStats, {
          discordUserId: interaction.user.id,
          guildId: interaction.guildId,
          period: args.options.period ?? "week",
        });
        // The reply is private to the person who asked, so it is in their language.
        await respond.send(serverBoardCard(board, t));
        return;
      }
      case "year": {
        const year = checkYear(args.options.year, t) ?? thisYear();
        // A file goes out as a follow-up, which needs the interaction acknowledged first.
        await respond.defer();
        const { figures, file } = await yearCard(ctx, interaction, year, t);
        if (file === null) {
          const view = statsCard({ name: memberName(interaction), self: true, figures, year, sharedHere: null, t });
          const note = figures !== null && ctx.cards === undefined ? t("stats.year.noImage") : undefined;
          await respond.send(note === undefined ? view : { ...view, content: note });
          return;
        }
        if (await tooLarge(respond, interaction, file.data.byteLength, t)) return;
        await respond.send({ ...yearCardReply({ year, inGuild: interaction.guildId !== null, t }), files: [file] });
        return;
      }
    }
  },
  components: {
    "stats:post": async (interaction, respond, ctx, { year }) => {
      const t = forPerson(ctx);
      if (interaction.guildId === null) throw new UserError(t("stats.inServerOnly"));
      // The card stays as it is; the post is a follow-up of its own (files need the click acknowledged first).
      await respond.defer();
      // The channel sees the post: the card and its caption are in the server's language.
      const server = forServer(ctx);
      const { file } = await yearCard(ctx, interaction, year, server);
      if (file === null) {
        await respond.sendNew({ content: t("stats.post.nothing"), ephemeral: true });
        return;
      }
      if (file.data.byteLength > interaction.attachmentSizeLimit) {
        await respond.sendNew({ content: t("stats.post.tooLarge"), ephemeral: true });
        return;
      }
      // Public, with the name as plain text: nothing pings (the Responder sends allowed_mentions empty).
      await respond.sendNew({
        content: server("stats.post.caption", { name: plain(memberName(interaction), 80), year: String(year) }),
        files: [file],
        ephemeral: false,
      });
    },
  },
});
