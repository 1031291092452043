// `/list`: the server's list for movie nights — suggest titles (movies and shows), page through
// them with who suggested each, how many members have seen it and its runtime, and choose the
// film with a weighted draw or a native poll. Rules and counts live in convex/model/serverList.ts.
import { time, TimestampStyles } from "@discordjs/formatters";
import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import type { AnyInteraction } from "../core/interaction.ts";
import type { Responder } from "../core/respond.ts";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import { choiceName, parseTitleRef, yearOf, type TitleDetails } from "../lib/titles.ts";
import { serverListAddPickButton, type ServerListPosition, type TitleChoice } from "../views/component-ids.ts";
import { guessPrompt } from "../views/guess.ts";
import { notice } from "../views/title-card.ts";
import { entryName, partyStartCommand, pickedView, serverListPage } from "../views/server-list.ts";
import { label, plain } from "../views/text.ts";
import { checkBoardChannel, checkMemberCanPost, startIn, startMovieIn } from "./party-hosting.ts";
import { canManageServer, displayName, guildPlace } from "./party-place.ts";
import { command, type BotContext } from "./types.ts";

const titleOption = {
  type: Option.String,
  name: "title",
  description: "Start typing a movie or show, or a TMDB id",
  required: true,
  autocomplete: true,
  max_length: 200,
} as const;

/** The server a /list command runs in; refused anywhere else. */
function guildOf(interaction: AnyInteraction): string {
  if (!interaction.inGuild()) throw new UserError("The server's list lives in a server — use /list there.");
  return interaction.guildId;
}

/** What Convex stores of a title found on TMDB. */
function suggestionOf(title: TitleDetails) {
  return {
    tmdbId: title.tmdbId,
    mediaType: title.mediaType,
    title: title.title,
    ...(title.year !== undefined ? { year: title.year } : {}),
    ...(title.mediaType === "movie" && title.runtime !== undefined ? { runtime: title.runtime } : {}),
    ...(title.mediaType === "tv" && title.numberOfEpisodes !== undefined ? { episodes: title.numberOfEpisodes } : {}),
  };
}

/** Puts a title on the server's list and says so privately. */
async function suggest(ctx: BotContext, respond: Responder, interaction: AnyInteraction, title: TitleDetails, fresh: boolean) {
  const result = await ctx.backend.mutation(api.bot.serverList.add, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    guildId: guildOf(interaction),
    name: displayName(interaction),
    canManageServer: canManageServer(interaction),
    title: suggestionOf(title),
  });
  const name = entryName(result.entry);
  const content = result.already
    ? `${name} is already on the server's list (suggested by **${plain(result.entry.suggestedByName, 80)}**).`
    : `🍿 Added ${name} to the server's list. See it with /list show; choose the film with /list pick or /list poll.`;
  // From a card: a new private note, the card stays as it was.
  if (fresh) await respond.sendNew({ content, ephemeral: true });
  else await respond.send(notice(content));
}

async function showPage(ctx: BotContext, respond: Responder, interaction: AnyInteraction, position: ServerListPosition) {
  const result = await ctx.backend.query(api.bot.serverList.show, {
    discordUserId: interaction.user.id,
    guildId: guildOf(interaction),
    position,
  });
  if (result.entries.length === 0 && position.page > 1 && result.listed > 0)
    throw new UserError(`The server's list has ${result.pages} page${result.pages === 1 ? "" : "s"} — there is no page ${position.page}.`);
  await respond.send({ content: "", ...serverListPage({ ...result, position }) });
}

async function draw(ctx: BotContext, respond: Responder, interaction: AnyInteraction, unseen: boolean, previous?: string) {
  const result = await ctx.backend.mutation(api.bot.serverList.pick, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    guildId: guildOf(interaction),
    unseen,
    ...(previous !== undefined ? { previous } : {}),
  });
  await respond.send({
    ...pickedView({ ...result, drawnBy: interaction.user.id, drawnByName: displayName(interaction) }),
    ephemeral: false,
  });
}

export const list = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "list",
    description: "The server's list for movie nights: suggest, show, pick or poll",
    // The list belongs to a server: installed there, used there.
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: Option.Subcommand,
        name: "add",
        description: "Suggest a movie or show for the server's movie nights",
        options: [titleOption],
      },
      {
        type: Option.Subcommand,
        name: "remove",
        description: "Take a title off the server's list (your own; anything with Manage Server)",
        options: [{ ...titleOption, description: "A title on the server's list" }],
      },
      {
        type: Option.Subcommand,
        name: "show",
        description: "The server's list: who suggested what, how many have seen it, runtimes",
        options: [
          { type: Option.Integer, name: "page", description: "Which page", required: false, min_value: 1, max_value: 50 },
          {
            type: Option.String,
            name: "sort",
            description: "The order (default: as suggested)",
            required: false,
            choices: [
              { name: "added", value: "added" },
              { name: "votes", value: "votes" },
              { name: "random", value: "random" },
            ],
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "pick",
        description: "Draw a title at random, likelier the fewer members have seen it",
        options: [{ type: Option.Boolean, name: "unseen", description: "Never one every member here has seen", required: false }],
      },
      {
        type: Option.Subcommand,
        name: "poll",
        description: "A poll of titles from the list, the least seen first; the winner is posted when it closes",
        options: [
          {
            type: Option.Integer,
            name: "count",
            description: "How many titles (2–10, default 10)",
            required: false,
            min_value: 2,
            max_value: 10,
          },
          {
            type: Option.Integer,
            name: "hours",
            description: "How long it stays open (default 24, up to 168: 7 days)",
            required: false,
            min_value: 1,
            max_value: 168,
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "add-from",
        description: "Suggest the titles of one of your own lists (made in the web app)",
        options: [
          { type: Option.String, name: "list", description: "One of your lists", required: true, autocomplete: true, max_length: 100 },
        ],
      },
      { type: Option.Subcommand, name: "lock", description: "Lock the list: only Manage Server can add or remove (Manage Server)" },
      { type: Option.Subcommand, name: "unlock", description: "Unlock the list (Manage Server)" },
    ],
  }),
  ephemeral: true,
  reads: ["show", "page", "schedule"],

  async execute(interaction, respond, ctx, args) {
    const guildId = guildOf(interaction);
    const actor = { discordUserId: interaction.user.id, username: interaction.user.username };
    switch (args.subcommand) {
      case "add": {
        const found = await ctx.titles.lookup(args.options.title);
        if (found.kind === "guess") {
          await respond.send(
            guessPrompt({
              ...found,
              confirm: "Yes — suggest it",
              customId: (choice: TitleChoice | undefined) => serverListAddPickButton.encode({ choice }),
            }),
          );
          return;
        }
        await suggest(ctx, respond, interaction, found.title, false);
        return;
      }
      case "remove": {
        const ref = parseTitleRef(args.options.title);
        if (ref.kind !== "id" || ref.mediaType === undefined)
          throw new UserError("Pick the title from the list as you type — it offers the titles on the server's list.");
        const result = await ctx.backend.mutation(api.bot.serverList.remove, {
          ...actor,
          guildId,
          tmdbId: ref.tmdbId,
          mediaType: ref.mediaType,
          canManageServer: canManageServer(interaction),
        });
        const theirs =
          result.entry.suggestedBy === interaction.user.id ? "" : ` (suggested by **${plain(result.entry.suggestedByName, 80)}**)`;
        await respond.send({ content: `🗑️ Took ${entryName(result.entry)}${theirs} off the server's list.` });
        return;
      }
      case "show": {
        const sort = args.options.sort ?? "added";
        const page = args.options.page ?? 1;
        await showPage(ctx, respond, interaction, {
          sort,
          page,
          // A random order starts somewhere new each time; its Next buttons keep the same start.
          ...(sort === "random" ? { start: Math.floor(Math.random() * 2 ** 31) } : {}),
        });
        return;
      }
      case "pick":
        await draw(ctx, respond, interaction, args.options.unseen ?? false);
        return;
      case "poll": {
        if (interaction.channelId === null) throw new UserError("A poll goes up in a server channel.");
        // Convex posts it later: a channel the bot can't post in is refused now, not silently.
        if (!interaction.appPermissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]))
          throw new UserError(
            "I can't post in this channel (I need View Channel and Send Messages here) — start the poll in a channel where I can.",
          );
        const result = await ctx.backend.mutation(api.bot.serverList.startPoll, {
          ...actor,
          guildId,
          channelId: interaction.channelId,
          hours: args.options.hours ?? 24,
          ...(args.options.count !== undefined ? { count: args.options.count } : {}),
        });
        await respond.send({
          // An absolute time: this reply stays, where "in 6 hours" would go stale.
          content: `🗳️ A poll of ${result.count} titles from the server's list is going up here. It's open until ${time(new Date(result.closesAt), TimestampStyles.ShortDateTime)}; then I'll post the winner with a **Schedule it** button for you.`,
        });
        return;
      }
      case "add-from": {
        const result = await ctx.backend.mutation(api.bot.serverList.addFrom, {
          ...actor,
          guildId,
          name: displayName(interaction),
          canManageServer: canManageServer(interaction),
          listId: args.options.list,
        });
        const names = result.added.slice(0, 15).map((e) => entryName(e));
        const more = result.added.length > names.length ? ` and ${result.added.length - names.length} more` : "";
        const lines = [
          result.added.length > 0
            ? `🍿 From your list “${plain(result.listName, 100)}”, I added ${names.join(", ")}${more} to the server's list.`
            : `Nothing new from your list “${plain(result.listName, 100)}”.`,
          result.already > 0 ? `${result.already} ${result.already === 1 ? "was" : "were"} on it already.` : "",
          result.left > 0 ? `${result.left} more didn't fit: each member can have ${result.cap} titles on the server's list at once.` : "",
        ].filter(Boolean);
        await respond.send({ content: lines.join("\n") });
        return;
      }
      case "lock":
      case "unlock": {
        const locked = args.subcommand === "lock";
        const result = await ctx.backend.mutation(api.bot.serverList.setLock, {
          ...actor,
          guildId,
          locked,
          canManageServer: canManageServer(interaction),
        });
        await respond.send({
          content: !result.changed
            ? `The server's list is already ${locked ? "locked" : "unlocked"}.`
            : locked
              ? "🔒 The server's list is locked: only members with Manage Server can add or remove titles. Picks and polls still work."
              : "🔓 The server's list is unlocked: members can suggest and remove their own titles again.",
        });
        return;
      }
    }
  },

  async autocomplete(interaction, ctx, args) {
    const focused = interaction.focused;
    if (args.subcommand === "add" && focused.name === "title") {
      if (focused.value.trim().length > 0) return await ctx.titles.suggest(focused.value);
      // Nothing typed yet: the member's own watchlist, as /watch offers it.
      const page = await ctx.backend.query(api.bot.lists.listTitles, { discordUserId: interaction.user.id, pageSize: 25 });
      return page.items.map((item) => ({
        name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType),
        value: `${item.mediaType}:${item.tmdbId}`,
      }));
    }
    if (!interaction.inGuild()) return [];
    if (args.subcommand === "remove" && focused.name === "title") {
      const titles = await ctx.backend.query(api.bot.serverList.titles, {
        discordUserId: interaction.user.id,
        guildId: interaction.guildId,
        typed: focused.value,
      });
      return titles.map((t) => ({ name: choiceName(t.title, t.year, t.mediaType), value: `${t.mediaType}:${t.tmdbId}` }));
    }
    if (args.subcommand === "add-from" && focused.name === "list") {
      const lists = await ctx.backend.query(api.bot.serverList.myLists, { discordUserId: interaction.user.id });
      const typed = focused.value.trim().toLowerCase();
      return lists
        .filter((l) => typed === "" || l.name.toLowerCase().includes(typed))
        .slice(0, 25)
        .map((l) => ({ name: label(l.name, 100), value: l.listId }));
    }
    return [];
  },

  components: {
    /** Next and First under a page. */
    async "list:page"(interaction, respond, ctx, position) {
      await showPage(ctx, respond, interaction, position);
    },
    /** Draw again under a drawn title: for whoever drew it. */
    async "list:draw"(interaction, respond, ctx, { userId, unseen, previous }) {
      if (userId !== interaction.user.id)
        throw new UserError("Only whoever drew this title can draw again — run /list pick for a draw of your own.");
      await draw(ctx, respond, interaction, unseen, previous);
    },
    /**
     * Schedule it under a drawn title or a poll's winner: starts the movie night (a show's party for a
     * show) in this channel, hosted by whoever drew it or started the poll; the post stays as it is.
     */
    async "list:schedule"(interaction, respond, ctx, { userId, title }) {
      if (userId !== interaction.user.id)
        throw new UserError(
          `This one is for whoever drew it or started the poll. To host the night yourself, run \`${partyStartCommand(title)}\`.`,
        );
      const channelId = guildPlace(interaction).channelId;
      checkMemberCanPost(interaction, channelId);
      checkBoardChannel(interaction, channelId, ctx.directory);
      if (title.mediaType === "movie") {
        await startMovieIn(ctx, respond, interaction, await ctx.tmdb.movie(title.tmdbId), channelId, undefined, true);
        return;
      }
      await startIn(
        ctx,
        respond,
        interaction,
        { tmdbId: title.tmdbId, details: () => ctx.titles.show(title.tmdbId) },
        channelId,
        undefined,
        undefined,
        true,
      );
    },
    /** Suggest for movie night on a title card. */
    async "list:suggest"(interaction, respond, ctx, ref) {
      await suggest(ctx, respond, interaction, await ctx.titles.details(ref.tmdbId, ref.mediaType), true);
    },
    /** "Did you mean …?" confirmed for /list add. */
    async "list:add"(interaction, respond, ctx, { choice }) {
      await suggest(ctx, respond, interaction, await ctx.titles.details(choice.tmdbId, choice.mediaType), false);
    },
  },
});
