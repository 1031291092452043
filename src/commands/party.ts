import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { parseEpisodeSpec } from "../lib/episode-spec.ts";
import { UserError } from "../lib/errors.ts";
import { plain } from "../views/text.ts";
import { MAX_SEASON, partyHostButton, partyKeepButton, partyPickButton, partyRemoveButton } from "../views/component-ids.ts";
import { ButtonStyle, button, rows } from "../views/components.ts";
import { guessPrompt } from "../views/guess.ts";
import { joinedNote, movieReactionButtons, partyStatus } from "../views/party-board.ts";
import { reactionLabel } from "../views/vocabulary.ts";
import { showById, suggestShows } from "./ep.ts";
import { canManageServer, displayName, guildPlace, place as partyPlace } from "./party-place.ts";
import { partyOption, poll, pollSubcommand, schedule, scheduleSubcommand, sessionComponents, suggestZones } from "./party-schedule.ts";
import { checkBoardChannel, checkMemberCanPost, manage, startIn, startMovieIn } from "./party-hosting.ts";
import { join, listParties, partyArg, postPrompt, suggestParties, withNotices } from "./party-membership.ts";
import { command, type ComponentInteraction } from "./types.ts";

export const party = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "party",
    description: "Watch a show together, with a live progress board in the channel",
    // The board needs the bot in the server: installed there, used there.
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: Option.Subcommand,
        name: "start",
        description: "Start a watch party for a show, or a movie night; you host it",
        options: [
          {
            type: Option.String,
            name: "show",
            description: "The show: start typing its name, or a TMDB id like 1399",
            required: false,
            autocomplete: true,
            max_length: 200,
          },
          {
            type: Option.String,
            name: "title",
            description: "Or a movie, for a movie night: start typing its name, or movie:<TMDB id>",
            required: false,
            autocomplete: true,
            max_length: 200,
          },
          {
            type: Option.Integer,
            name: "season",
            description: "Only this season (default: the whole show)",
            required: false,
            min_value: 1,
            max_value: MAX_SEASON,
          },
          {
            type: Option.Channel,
            name: "channel",
            description: "Where the board goes (default: here)",
            required: false,
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
          },
          { type: Option.String, name: "name", description: "A name for the party", required: false, max_length: 80 },
        ],
      },
      {
        type: Option.Subcommand,
        name: "join",
        description: "Join a watch party; your progress shows on its board",
        options: [partyOption],
      },
      { type: Option.Subcommand, name: "leave", description: "Leave a watch party", options: [partyOption] },
      {
        type: Option.Subcommand,
        name: "status",
        description: "A private copy of the board, with your line highlighted",
        options: [partyOption],
      },
      {
        type: Option.Subcommand,
        name: "watched",
        description: "Say which episodes you watched together: marked for you; others confirm with a click",
        options: [
          {
            type: Option.String,
            name: "episode",
            description: "Episode: 3, a range 1-5, or a list 1,3,5",
            required: true,
            max_length: 100,
          },
          {
            type: Option.Integer,
            name: "season",
            description: "Season number (default: the party's season, or 1)",
            required: false,
            min_value: 1,
            max_value: MAX_SEASON,
          },
          partyOption,
        ],
      },
      {
        type: Option.Subcommand,
        name: "end",
        description: "End a watch party (the host, or someone with Manage Server)",
        options: [partyOption],
      },
      {
        type: Option.Subcommand,
        name: "host",
        description: "Hand a watch party to one of its members (the host, or someone with Manage Server)",
        options: [{ type: Option.User, name: "member", description: "The member who hosts it from now on", required: true }, partyOption],
      },
      {
        type: Option.Subcommand,
        name: "remove",
        description: "Take a member out of a watch party (the host, or someone with Manage Server)",
        options: [
          { type: Option.User, name: "member", description: "Who to take out (their own progress is kept)", required: true },
          partyOption,
        ],
      },
      {
        type: Option.Subcommand,
        name: "rename",
        description: "Rename a watch party (the host, or someone with Manage Server)",
        options: [{ type: Option.String, name: "name", description: "The party's new name", required: true, max_length: 80 }, partyOption],
      },
      {
        type: Option.Subcommand,
        name: "threads",
        description: "A thread per session for the talk, opened as it starts (the host, or someone with Manage Server)",
        options: [
          {
            type: Option.String,
            name: "set",
            description: "On: each session's start post gets a thread; off: no threads",
            required: true,
            choices: [
              { name: "on", value: "on" },
              { name: "off", value: "off" },
            ],
          },
          partyOption,
        ],
      },
      { type: Option.Subcommand, name: "list", description: "This server's active watch parties" },
      scheduleSubcommand,
      pollSubcommand,
    ],
  }),
  ephemeral: true,
  usesDirectory: true,
  reads: ["list"],
  async execute(interaction, respond, ctx, args) {
    const place = partyPlace(interaction, ctx.directory);
    const actor = { discordUserId: interaction.user.id, username: interaction.user.username };
    switch (args.subcommand) {
      case "start": {
        const { show: showValue, title: movieValue, season, channel, name } = args.options;
        if ((showValue === undefined) === (movieValue === undefined))
          throw new UserError("Give a show (`show:`) or a movie (`title:`) — one of the two. Nothing was created.");
        if (movieValue !== undefined && season !== undefined)
          throw new UserError("A movie has no seasons: leave `season:` out. Nothing was created.");
        const channelId = channel?.id ?? place.channelId;
        checkMemberCanPost(interaction, channelId, channel);
        checkBoardChannel(interaction, channelId, ctx.directory);
        if (movieValue !== undefined) {
          const found = await ctx.titles.lookup(movieValue, "movie");
          if (found.kind === "found") {
            if (found.title.mediaType !== "movie")
              throw new UserError(`**${plain(found.title.title, 100)}** is a show — start its party with \`show:\`.`);
            await startMovieIn(ctx, respond, interaction, found.title, channelId, name);
            return;
          }
          if (name !== undefined) {
            throw new UserError(
              `Did you mean **${plain(found.best.title, 100)}**? Pick the movie from the list as you type (or use movie:${found.best.tmdbId}).`,
            );
          }
          await respond.send(
            guessPrompt({
              ...found,
              confirm: "Yes — start the movie night",
              customId: (choice) =>
                partyPickButton.encode({ season: undefined, channelId, choice: choice && { mediaType: "movie", tmdbId: choice.tmdbId } }),
            }),
          );
          return;
        }
        const value = showValue!;
        const show = showById(ctx, value);
        if (show !== null) {
          await startIn(ctx, respond, interaction, show, channelId, season, name);
          return;
        }
        const found = await ctx.titles.lookupShow(value);
        if (found.kind === "found") {
          await startIn(ctx, respond, interaction, found.title, channelId, season, name);
          return;
        }
        // A party's own name can't ride in a button: then the show has to be picked from the list.
        if (name !== undefined) {
          throw new UserError(
            `Did you mean **${plain(found.best.title, 100)}**? Pick the show from the list as you type (or use its TMDB id, ${found.best.tmdbId}).`,
          );
        }
        await respond.send(
          guessPrompt({
            ...found,
            confirm: "Yes — start the party",
            customId: (choice) =>
              partyPickButton.encode({ season, channelId, choice: choice && { mediaType: "tv", tmdbId: choice.tmdbId } }),
          }),
        );
        return;
      }
      case "join":
        await join(ctx, respond, interaction, args.options.party);
        return;
      case "leave": {
        const result = await ctx.backend.mutation(api.bot.parties.leave, { ...actor, ...place, ...partyArg(args.options.party) });
        const handedOver =
          result.host === undefined
            ? ""
            : result.host === null
              ? " Nobody is in it now: whoever joins next hosts it, and it ends by itself after a week with nobody in it."
              : ` **${plain(result.host.name, 100)}** hosts it now.`;
        const text = result.left
          ? `👋 You left **${plain(result.party.label, 150)}**. Your own progress is kept.${handedOver}`
          : `You weren't in **${plain(result.party.label, 150)}**.`;
        await respond.send({ content: withNotices(result.notices, text) });
        return;
      }
      case "status": {
        const canPostHere = interaction.inGuild()
          ? interaction.appPermissions.has([
              PermissionFlagsBits.ViewChannel,
              PermissionFlagsBits.SendMessages,
              PermissionFlagsBits.EmbedLinks,
            ])
          : undefined;
        const result = await ctx.backend.mutation(api.bot.parties.status, {
          ...actor,
          ...place,
          ...partyArg(args.options.party),
          ...(canPostHere === undefined ? {} : { canPostHere }),
        });
        const view = partyStatus(result.board, interaction.user.id);
        const lines = [...result.notices, ...(result.resumed ? ["▶️ I'll post the board again now."] : [])];
        await respond.send({ ...view, ...(lines.length > 0 ? { content: lines.join("\n\n") } : {}) });
        return;
      }
      case "watched": {
        const { episode, season, party: which } = args.options;
        const spec = parseEpisodeSpec(episode, season);
        if (spec.kind === "all") throw new UserError("Name the episodes you watched together: 3, a range 1-5, or a list 1,3,5.");
        const prompt = await ctx.backend.mutation(api.bot.parties.watched, {
          ...actor,
          ...place,
          ...partyArg(which),
          // "S2E5" names its season when the option doesn't.
          ...(season !== undefined ? { season } : spec.season !== undefined ? { season: spec.season } : {}),
          episodes: spec.episodes,
        });
        await postPrompt(respond, prompt, false);
        return;
      }
      case "host":
      case "remove": {
        const { member, party: which } = args.options;
        const action = args.subcommand;
        const check = await ctx.backend.mutation(api.bot.parties.manage, {
          ...actor,
          ...place,
          ...partyArg(which),
          action,
          member: member.user.id,
          canManageServer: canManageServer(interaction),
          apply: false,
        });
        const label = plain(check.party.label, 150);
        const name = plain(check.name, 100);
        const question =
          action === "host"
            ? `Hand **${label}** to **${name}**? They'll host it — schedule, rename and end it${check.party.hostDiscordUserId === interaction.user.id ? "; you stay in it as a member" : ""}.`
            : `Take **${name}** out of **${label}**? Their line leaves the board and their RSVP goes; their own progress is kept, and they can join again.`;
        await respond.send({
          content: question,
          components: rows(
            button({
              customId: (action === "host" ? partyHostButton : partyRemoveButton).encode({
                partyId: check.party.partyId,
                userId: member.user.id,
              }),
              label: action === "host" ? `Make ${check.name} host` : `Remove ${check.name}`,
              style: action === "host" ? ButtonStyle.Primary : ButtonStyle.Danger,
            }),
            button({ customId: partyKeepButton.encode({}), label: "Cancel", style: ButtonStyle.Secondary }),
          ),
        });
        return;
      }
      case "rename": {
        const { name, party: which } = args.options;
        const result = await ctx.backend.mutation(api.bot.parties.rename, {
          ...actor,
          ...place,
          ...partyArg(which),
          name,
          canManageServer: canManageServer(interaction),
        });
        await respond.send({
          content: withNotices(
            result.notices,
            `✏️ **${plain(result.before, 150)}** is now **${plain(result.party.label, 150)}** — its board shows the new name in a moment.`,
          ),
        });
        return;
      }
      case "threads": {
        const on = args.options.set === "on";
        const result = await ctx.backend.mutation(api.bot.parties.threads, {
          ...actor,
          ...place,
          ...partyArg(args.options.party),
          on,
          canManageServer: canManageServer(interaction),
        });
        const label = `**${plain(result.party.label, 150)}**`;
        const lacking = on && interaction.appPermissions?.has(PermissionFlagsBits.CreatePublicThreads) === false;
        const text = !on
          ? `🧵 Threads are off for ${label}: sessions start in the channel only.`
          : `🧵 Threads are on for ${label}: when a session starts, its start post gets a thread named with the episode (or the film).` +
            (lacking ? "\n⚠️ I don't have **Create Public Threads** here yet: until I do, sessions start without one." : "");
        await respond.send({ content: withNotices(result.notices, text) });
        return;
      }
      case "end": {
        const result = await ctx.backend.mutation(api.bot.parties.end, {
          ...actor,
          ...place,
          ...partyArg(args.options.party),
          canManageServer: canManageServer(interaction),
        });
        await respond.send({
          content: withNotices(
            result.notices,
            `🏁 **${plain(result.party.label, 150)}** has ended. Its board stays, without buttons${result.sessionCancelled ? ", and its scheduled watch-along is cancelled" : ""}.`,
          ),
        });
        return;
      }
      case "schedule":
        await schedule(interaction, respond, ctx, args.options);
        return;
      case "poll":
        await poll(interaction, respond, ctx, args.options);
        return;
      case "list": {
        const parties = await listParties(ctx, interaction);
        const lines = parties.map(
          (p) =>
            `• **${plain(p.label, 120)}** in <#${p.channelId}> · ${p.memberCount} member${p.memberCount === 1 ? "" : "s"}${p.mine ? (p.hostDiscordUserId === interaction.user.id ? " · you host it" : " · you're in it") : ""}${p.channelGone ? " · 🗑️ its channel was deleted (`/party end` ends it)" : p.paused ? " · ⏸️ board paused" : ""}`,
        );
        await respond.send({
          content:
            lines.length === 0
              ? "No watch parties are running in this server — start one with /party start."
              : `**Watch parties in this server** you can see (${lines.length})\n${lines.join("\n")}`,
        });
        return;
      }
    }
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.focused;
    if (focused.name === "show") return await suggestShows(ctx, interaction.user.id, String(focused.value));
    if (focused.name === "title")
      return String(focused.value).trim() === "" ? [] : await ctx.titles.suggest(String(focused.value), "movie");
    if (focused.name === "party") return await suggestParties(ctx, interaction, String(focused.value));
    if (focused.name === "zone") return suggestZones(String(focused.value));
    return [];
  },
  components: {
    // Watch-along sessions: Confirm under /party schedule's echo, and Going / Maybe / Can't.
    ...sessionComponents,
    /** "Join" on a board. */
    async "party:join"(interaction: ComponentInteraction, respond, ctx, { partyId }) {
      await join(ctx, respond, interaction, partyId);
    },
    /** The host's "We watched together": the episode after the host's own furthest one. */
    async "party:watched"(interaction: ComponentInteraction, respond, ctx, { partyId }) {
      const prompt = await ctx.backend.mutation(api.bot.parties.watchedNext, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
        ...guildPlace(interaction),
        partyId,
      });
      await postPrompt(respond, prompt, true);
    },
    /** The confirmation under /party host. */
    async "party:host"(interaction: ComponentInteraction, respond, ctx, { partyId, userId }) {
      await manage(ctx, respond, interaction, "host", partyId, userId);
    },
    /** The confirmation under /party remove. */
    async "party:remove"(interaction: ComponentInteraction, respond, ctx, { partyId, userId }) {
      await manage(ctx, respond, interaction, "remove", partyId, userId);
    },
    /** "Cancel" on that confirmation. */
    async "party:keep"(_interaction: ComponentInteraction, respond) {
      await respond.send({ content: "Nothing changed.", components: [] });
    },
    /** "Did you mean …?" confirmed for /party start: the party starts on the show picked. */
    async "party:pick"(interaction: ComponentInteraction, respond, ctx, { season, channelId, choice }) {
      // Another channel's was checked when /party start named it (this button is on its private reply).
      if (channelId === interaction.channelId) checkMemberCanPost(interaction, channelId);
      checkBoardChannel(interaction, channelId, ctx.directory);
      if (choice.mediaType === "movie") {
        const movie = await ctx.titles.details(choice.tmdbId, "movie");
        if (movie.mediaType === "movie") await startMovieIn(ctx, respond, interaction, movie, channelId, undefined);
        return;
      }
      await startIn(ctx, respond, interaction, await ctx.titles.show(choice.tmdbId), channelId, season, undefined);
    },
    /** "I was there": marks those episodes for whoever clicks, and only them. */
    async "party:there"(interaction: ComponentInteraction, respond, ctx, { promptId }) {
      const result = await ctx.backend.mutation(api.bot.parties.there, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
        promptId,
        displayName: displayName(interaction),
      });
      if (result.movie) {
        const text =
          (result.changed === 0
            ? `You already had **${plain(result.title, 150)}** as finished — you're counted as there.`
            : `✅ Marked **${plain(result.title, 150)}** finished for you.`) +
          joinedNote(result) +
          "\nHow was it? Your reaction goes on your own title; the board shows only how many chose each.";
        await respond.sendNew({
          content: withNotices(result.notices, text),
          components: movieReactionButtons(promptId),
          ephemeral: true,
        });
        return;
      }
      const text =
        (result.changed === 0
          ? `You had already marked ${result.what} of **${plain(result.title, 150)}** — nothing changed.`
          : `✅ Marked ${result.what} of **${plain(result.title, 150)}** for you.`) + joinedNote(result);
      await respond.sendNew({ content: withNotices(result.notices, text), ephemeral: true });
    },
    /** A reaction after "I was there" on a movie night: set on the clicker's own title, counted on the board. */
    async "party:react"(interaction: ComponentInteraction, respond, ctx, { promptId, reaction }) {
      const result = await ctx.backend.mutation(api.bot.parties.react, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
        promptId,
        reaction,
      });
      await respond.send({
        content: `${reactionLabel(result.reaction)} — saved on **${plain(result.title, 150)}** in your own tracking; the board counts it (without your name). Change it with another button or \`/watch react\`.`,
        components: movieReactionButtons(promptId),
      });
    },
  },
});
