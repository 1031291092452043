import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import { choiceName, parseTitleRef, yearOf } from "../lib/titles.ts";
import { StaleComponentError, titlePickButton, type TitleAction } from "../views/component-ids.ts";
import { undoneEpisodesCard } from "../views/episode-card.ts";
import { guessPrompt } from "../views/guess.ts";
import { notice, shareMessage, shareRefusal, titleHeadline } from "../views/title-card.ts";
import { isMediaType } from "../views/vocabulary.ts";
import { canShare, command, forPerson, forServer } from "./types.ts";
import { TmdbError } from "../lib/tmdb.ts";
import { checkListVisibleHere, replyList } from "./watch/list.ts";
import {
  actorOf,
  cardWithout,
  change,
  confirmLabel,
  detailsOrStored,
  factsOf,
  hasDetails,
  isTmdbOutage,
  performTitleAction,
  refOf,
  replyCard,
  storedFacts,
  titleOf,
  withCachedDetails,
} from "./watch/title-card.ts";

const STATUS_CHOICES = [
  { name: "Want to watch", value: "want-to-watch" },
  { name: "Watching", value: "watching" },
  { name: "Finished", value: "finished" },
  { name: "Dropped", value: "dropped" },
] as const;

const titleOption = {
  type: Option.String,
  name: "title",
  description: "Start typing a movie or show, or a TMDB id",
  required: true,
  autocomplete: true,
  max_length: 200,
} as const;
const typeOption = {
  type: Option.String,
  name: "type",
  description: "Movie or TV (only needed with a bare TMDB id)",
  required: false,
  choices: [
    { name: "Movie", value: "movie" },
    { name: "TV", value: "tv" },
  ],
} as const;

export const watch = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "watch",
    description: "Your watchlist: add, track, react, look up",
    options: [
      { type: Option.Subcommand, name: "add", description: "Add a movie or show to your watchlist", options: [titleOption, typeOption] },
      {
        type: Option.Subcommand,
        name: "remove",
        description: "Take a title off your watchlist (progress is kept)",
        options: [titleOption, typeOption],
      },
      {
        type: Option.Subcommand,
        name: "status",
        description: "Set want-to-watch, watching, finished or dropped",
        options: [
          titleOption,
          { type: Option.String, name: "status", description: "Where you are with it", required: true, choices: STATUS_CHOICES },
          { type: Option.Integer, name: "progress", description: "How far in, 0–100 %", required: false, min_value: 0, max_value: 100 },
          typeOption,
        ],
      },
      {
        type: Option.Subcommand,
        name: "react",
        description: "Say how you liked it",
        options: [
          titleOption,
          {
            type: Option.String,
            name: "reaction",
            description: "Your reaction",
            required: true,
            choices: [
              { name: "❤️ Loved", value: "loved" },
              { name: "👍 Liked", value: "liked" },
              { name: "😐 Mixed", value: "mixed" },
              { name: "👎 Not for me", value: "not-for-me" },
              { name: "Clear my reaction", value: "clear" },
            ],
          },
          typeOption,
        ],
      },
      {
        type: Option.Subcommand,
        name: "info",
        description: "Poster, overview, and where you are with it",
        options: [titleOption, typeOption],
      },
      {
        type: Option.Subcommand,
        name: "list",
        description: "Your titles (or a friend's), newest first",
        options: [
          { type: Option.String, name: "status", description: "Only this status", required: false, choices: STATUS_CHOICES },
          {
            type: Option.String,
            name: "type",
            description: "Only movies or only TV",
            required: false,
            choices: [
              { name: "Movies", value: "movie" },
              { name: "TV", value: "tv" },
            ],
          },
          {
            type: Option.User,
            name: "user",
            description: "Someone else's list (if they share it; in a server they're in)",
            required: false,
          },
          {
            type: Option.String,
            name: "scope",
            description: "The watchlist (default), or everything tracked (default with a status filter)",
            required: false,
            choices: [
              { name: "Watchlist", value: "watchlist" },
              { name: "Everything tracked", value: "all" },
            ],
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "privacy",
        description: "Choose whether others can see your list",
        options: [{ type: Option.Boolean, name: "visible", description: "True: anyone in a server with you can see it", required: true }],
      },
    ],
  }),
  ephemeral: true,
  reads: ["info", "list", "page"],

  async execute(interaction, respond, ctx, args) {
    const user = interaction.user;
    if (args.subcommand === "list") {
      const { options } = args;
      const target = options.user?.user ?? user;
      if (target.bot) throw new UserError(forPerson(ctx)("watch.botsNoList"));
      if (target.id !== user.id) await checkListVisibleHere(ctx, interaction, target.id, options.user?.member !== undefined);
      // A status filter looks at everything tracked (shows followed from episodes included) unless told otherwise.
      const scope = options.scope ?? (options.status ? "all" : "watchlist");
      await replyList(
        ctx,
        respond,
        user,
        { owner: target.id, status: options.status, mediaType: options.type, scope, page: 1 },
        target.username,
      );
      return;
    }
    if (args.subcommand === "privacy") {
      const visible = args.options.visible;
      await ctx.backend.mutation(api.bot.profile.setListVisibility, { ...actorOf(user), listPublic: visible });
      await respond.send({
        content: forPerson(ctx)(visible ? "watch.visible" : "watch.private"),
      });
      return;
    }

    const action: TitleAction =
      args.subcommand === "status"
        ? { sub: "status", status: args.options.status, progress: args.options.progress }
        : args.subcommand === "react"
          ? { sub: "react", reaction: args.options.reaction }
          : { sub: args.subcommand };
    // An id with its type (what autocomplete gives) needs no lookup: Convex answers from what it stores.
    // Not for add: a title being added is usually one Convex doesn't hold for this person yet.
    const ref = parseTitleRef(args.options.title, forPerson(ctx));
    const mediaType = ref.kind === "id" ? (ref.mediaType ?? args.options.type) : undefined;
    if (ref.kind === "id" && mediaType !== undefined && action.sub !== "add") {
      await performTitleAction(ctx, respond, user, { tmdbId: ref.tmdbId, mediaType }, action);
      return;
    }
    let found: Awaited<ReturnType<typeof ctx.titles.lookup>>;
    try {
      found = await ctx.titles.lookup(args.options.title, args.options.type);
    } catch (error) {
      // TMDB down or slow: an id with its type is added from what Convex stores (refused clearly if nothing).
      if (ref.kind !== "id" || mediaType === undefined || !isTmdbOutage(error)) throw error;
      await performTitleAction(ctx, respond, user, { tmdbId: ref.tmdbId, mediaType }, action);
      return;
    }
    if (found.kind === "guess") {
      await respond.send(
        guessPrompt({
          ...found,
          confirm: confirmLabel(action.sub, forPerson(ctx)),
          customId: (choice) => titlePickButton.encode({ action, choice }),
          t: forPerson(ctx),
        }),
      );
      return;
    }
    await performTitleAction(ctx, respond, user, found.title, action);
  },

  async autocomplete(interaction, ctx, args) {
    const focused = interaction.focused.value;
    const type = "type" in args.options ? args.options.type : undefined;
    const t = forPerson(ctx);
    if (focused.trim().length > 0) return await ctx.titles.suggest(focused, type, undefined, t);
    const page = await ctx.backend.query(api.bot.lists.listTitles, { discordUserId: interaction.user.id, mediaType: type, pageSize: 25 });
    return page.items.map((item) => ({
      name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType, t),
      value: `${item.mediaType}:${item.tmdbId}`,
    }));
  },

  components: {
    async "watch:undo"(interaction, respond, ctx, { undoId }) {
      const result = await ctx.backend.mutation(api.bot.undo.undo, { discordUserId: interaction.user.id, undoId });
      if (!isMediaType(result.mediaType)) throw new StaleComponentError();
      // An undo of episode marks stays on the episode card it was pressed on, with where that leaves the show.
      if (result.episodes && result.state.show !== null) {
        await respond.send({
          content: "",
          ...undoneEpisodesCard(result.tmdbId, result.state.show, result.state, result.undone, result.statusBefore, forPerson(ctx)),
        });
        return;
      }
      // Back to the title's card, showing the state the undo restored: from TMDB's details when this
      // process holds them (as the card it replaces was), else from the store, else from TMDB.
      const ref = withCachedDetails(ctx, { tmdbId: result.tmdbId, mediaType: result.mediaType });
      // The undo is done: TMDB failing now draws the card from what Convex stores, or says only what
      // was undone — never TMDB's "nothing was changed".
      const facts = hasDetails(ref)
        ? factsOf(ctx, ref)
        : (storedFacts(ctx, ref, result.state) ??
          (await detailsOrStored(ctx, ref, result.state).catch((error: unknown) =>
            error instanceof TmdbError ? null : Promise.reject(error),
          )));
      const t = forPerson(ctx);
      if (facts === null) {
        await respond.send(notice(titleHeadline.undone(result.undone, t)));
        return;
      }
      await replyCard(respond, facts, result.state, titleHeadline.undone(result.undone, t), null, t);
    },
    // A card's buttons carry the title's id: the write draws the card from what Convex stores.
    async "watch:status"(interaction, respond, ctx, args) {
      await change.status(ctx, respond, interaction.user, { tmdbId: args.tmdbId, mediaType: args.mediaType }, args.status);
    },
    async "watch:react"(interaction, respond, ctx, args) {
      await change.react(ctx, respond, interaction.user, { tmdbId: args.tmdbId, mediaType: args.mediaType }, args.value);
    },
    async "watch:add"(interaction, respond, ctx, args) {
      await change.add(ctx, respond, interaction.user, { tmdbId: args.tmdbId, mediaType: args.mediaType });
    },
    async "watch:remove"(interaction, respond, ctx, args) {
      await change.remove(ctx, respond, interaction.user, { tmdbId: args.tmdbId, mediaType: args.mediaType });
    },
    /** "Did you mean …?" confirmed: the typed /watch subcommand, on the title picked. */
    async "watch:pick"(interaction, respond, ctx, { action, choice }) {
      await performTitleAction(ctx, respond, interaction.user, await titleOf(ctx, choice), action);
    },
    /** Posts a finished or loved title to the channel, after checking it is (still) true. */
    async "watch:share"(interaction, respond, ctx, { what, ...ref }) {
      // Only a server channel has an audience; a DM share would post into the DM.
      if (!canShare(interaction) || interaction.channelId === null) throw new UserError(forPerson(ctx)("watch.shareOnlyInServer"));
      const title = await titleOf(ctx, ref);
      // One round trip checks it is still true and claims the channel's share budget (held in Convex, across shards).
      const claim = await ctx.backend.mutation(api.bot.shares.claimShare, {
        ...refOf(interaction.user, title),
        channelId: interaction.channelId,
        what,
      });
      if (!claim.allowed) throw new UserError(shareRefusal(claim, factsOf(ctx, title), forPerson(ctx)));
      // Confirm on the private card, which stays as it was with its buttons — all but Share, now done.
      await respond.send(cardWithout(interaction, interaction.customId, forPerson(ctx)("watch.shared")));
      // The post is the channel's: in the server's language.
      await respond.sendNew({
        ...shareMessage({ who: interaction.user.displayName, what, title: factsOf(ctx, title), t: forServer(ctx) }),
        ephemeral: false,
      });
    },
    /** A list page: a keyset cursor, so it survives restarts. */
    async "watch:page"(interaction, respond, ctx, position) {
      if (position.owner !== interaction.user.id) await checkListVisibleHere(ctx, interaction, position.owner, null);
      await replyList(ctx, respond, interaction.user, position, null);
    },
  },
});
