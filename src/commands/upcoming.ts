// `/upcoming`: what's on next. `episodes` reads the next episodes of the shows you follow from
// Convex's cached schedule (one call, no TMDB); `feed` gives your private calendar link. Logic in
// convex/upcoming/; the feed itself is served by the deployment (GET /calendar/<token>.ics).
import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import type { AnyInteraction } from "../core/interaction.ts";
import type { Responder } from "../core/respond.ts";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import { feedResetQuestion, feedView, upcomingView } from "../views/upcoming.ts";
import { visibleChannelIds } from "./party-place.ts";
import { command, forPerson, type BotContext } from "./types.ts";
import { base64url } from "../../convex/lib/base64url.ts";

export const DEFAULT_DAYS = 14;
const MAX_DAYS = 60;

/** 32 random bytes, base64url: Convex derives the feed's token from them (it makes no randomness of its own). */
function newSalt(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function checkedDays(ctx: BotContext, days: number | undefined): number {
  const value = days ?? DEFAULT_DAYS;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_DAYS)
    throw new UserError(forPerson(ctx)("upcoming.badDays", { max: MAX_DAYS }));
  return value;
}

async function showEpisodes(ctx: BotContext, respond: Responder, interaction: AnyInteraction, days: number, page: number) {
  // In a server, its parties on the shows are marked (only those in channels the person can see).
  const place =
    interaction.inGuild() && interaction.channelId !== null
      ? { guildId: interaction.guildId, channelId: interaction.channelId, visibleChannelIds: visibleChannelIds(interaction, ctx.directory) }
      : undefined;
  const listing = await ctx.backend.query(api.bot.upcoming.episodes, {
    discordUserId: interaction.user.id,
    days,
    ...(place ? { place } : {}),
  });
  await respond.send({ content: "", ...upcomingView(listing, { days, page }, forPerson(ctx)) });
}

async function feed(ctx: BotContext, interaction: AnyInteraction, reset: boolean) {
  return await ctx.backend.mutation(api.bot.upcoming.feed, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    salt: newSalt(),
    ...(reset ? { reset } : {}),
  });
}

export const upcoming = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "upcoming",
    description: "What's on next: the next episodes of the shows you follow, and a calendar feed",
    options: [
      {
        type: Option.Subcommand,
        name: "episodes",
        description: "The next episodes of the shows you follow, day by day in your time zone",
        options: [
          {
            type: Option.Integer,
            name: "days",
            description: `How many days ahead (1-${MAX_DAYS}, default ${DEFAULT_DAYS})`,
            required: false,
            min_value: 1,
            max_value: MAX_DAYS,
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "feed",
        description: "Your private calendar link (iCalendar) for Google, Apple or Outlook calendars",
      },
    ],
  }),
  ephemeral: true,
  reads: ["episodes", "page", "reset", "reset-no"],
  usesDirectory: true,

  async execute(interaction, respond, ctx, args) {
    switch (args.subcommand) {
      case "episodes":
        await showEpisodes(ctx, respond, interaction, checkedDays(ctx, args.options.days), 1);
        return;
      case "feed":
        await respond.send(feedView(await feed(ctx, interaction, false), undefined, forPerson(ctx)));
        return;
    }
  },

  components: {
    "upcoming:page": async (interaction, respond, ctx, { days, page }) => {
      await showEpisodes(ctx, respond, interaction, checkedDays(ctx, days), page);
    },
    "upcoming:reset": async (_interaction, respond, ctx) => {
      await respond.send(feedResetQuestion(forPerson(ctx)));
    },
    "upcoming:reset-yes": async (interaction, respond, ctx) => {
      const t = forPerson(ctx);
      const result = await feed(ctx, interaction, true);
      await respond.send(feedView(result, t("upcoming.reset.done"), t));
    },
    "upcoming:reset-no": async (_interaction, respond, ctx) => {
      await respond.send({ content: forPerson(ctx)("upcoming.reset.kept"), embeds: [], components: [] });
    },
  },
});
