import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import type { ChatInputCommandInteraction, User } from "discord.js";
import type { FunctionReturnType } from "convex/server";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { describeError, UserError } from "../lib/errors.ts";
import type { Responder } from "../lib/respond.ts";
import { choiceName, yearOf, type TitleDetails } from "../lib/titles.ts";
import type { ShowSync } from "../lib/tmdb-shows.ts";
import { StaleComponentError, titlePickButton, type ListPosition, type TitleAction } from "../views/component-ids.ts";
import { guessPrompt } from "../views/guess.ts";
import { LIST_PAGE_SIZE, listPage } from "../views/list-page.ts";
import { notice, shareMessage, shareRefusal, titleCard, titleHeadline, type TitleFacts } from "../views/title-card.ts";
import { isMediaType, type ProgressStatus, type ReactionChoice } from "../views/vocabulary.ts";
import { canShare, command, type BotContext, type ComponentInteraction } from "./types.ts";

/** What a title card shows; every /watch write answers with it (see convex/lib/botReturns.ts). */
type TitleState = FunctionReturnType<typeof api.bot.titles.cacheShowForCard>;

const actorOf = (user: User) => ({ discordUserId: user.id, username: user.username });

/** What the views need of a title: TMDB's details, with the poster as a full URL. */
function factsOf(ctx: BotContext, title: TitleDetails): TitleFacts {
  return {
    tmdbId: title.tmdbId,
    mediaType: title.mediaType,
    title: title.title,
    year: title.year,
    rating: title.rating,
    genres: title.genres,
    overview: title.overview,
    posterUrl: ctx.tmdb.posterUrl(title.posterPath, "w342"),
  };
}

/** A title write in one Convex call: for a show, Convex checks (or is sent) its structure inside that same write. */
function titleWrite<T>(ctx: BotContext, title: TitleDetails, call: (sync: ShowSync) => Promise<T>): Promise<T> {
  return title.mediaType === "tv" ? ctx.titles.shows.write(title, call) : call({});
}

/** The card's state for /watch info: one query, plus one write when Convex lacks the show's structure. */
async function readState(ctx: BotContext, user: User, title: TitleDetails): Promise<TitleState> {
  const ref = { discordUserId: user.id, tmdbId: title.tmdbId, mediaType: title.mediaType };
  if (title.mediaType !== "tv") return await ctx.backend.query(api.bot.titles.getTitleState, ref);
  return await ctx.titles.shows.read(
    title,
    (seasonCounts) => ctx.backend.query(api.bot.titles.getTitleState, { ...ref, seasonCounts }),
    (show) => ctx.backend.mutation(api.bot.titles.cacheShowForCard, { discordUserId: user.id, tmdbId: title.tmdbId, show }),
  );
}

/** The title card; `known` is the state a write already answered with (no second round trip). */
async function replyInfo(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, headline?: string, undoId?: string | null, known?: TitleState) {
  const state = known ?? (await readState(ctx, user, title));
  await respond.send(titleCard({ title: factsOf(ctx, title), state, headline, undoId, shareable: canShare(respond.interaction) }));
}

/** One answer for a list that is private, empty, or whose owner never used the bot: none of them is told apart. */
export const LIST_UNAVAILABLE = "That list isn't available. Someone's list can be seen only once they have tracked something and made it visible with `/watch privacy`.";
/** Where another member's list may be seen: a server they are in, never a DM or another server. */
const LIST_ONLY_IN_THEIR_SERVER = "You can see someone else's list only in a server channel of a server they're in.";

/**
 * Someone else's list is shown only inside a server its owner is a member of: Discord resolves
 * the user option to a member only then. From a DM, a group DM or another server, never.
 */
async function checkListVisibleHere(interaction: ChatInputCommandInteraction | ComponentInteraction, owner: string, resolvedMember: boolean | null) {
  if (interaction.guildId === null) throw new UserError(LIST_ONLY_IN_THEIR_SERVER);
  // A page button carries no resolved member: ask Discord whether the owner is (still) here.
  const isMember = resolvedMember ?? (await interaction.guild?.members.fetch({ user: owner, cache: false }).then(() => true, () => false)) ?? false;
  if (!isMember) throw new UserError(LIST_ONLY_IN_THEIR_SERVER);
}

async function replyList(ctx: BotContext, respond: Responder, viewer: User, position: ListPosition, ownerName: string | null) {
  const own = position.owner === viewer.id;
  let result;
  try {
    result = await ctx.backend.query(api.bot.lists.listTitles, {
      discordUserId: viewer.id,
      ownerDiscordUserId: own ? undefined : position.owner,
      progressStatus: position.status,
      mediaType: position.mediaType,
      scope: position.scope,
      cursor: position.cursor,
      pageSize: LIST_PAGE_SIZE,
    });
  } catch (error) {
    if (!own && describeError(error).code === "LIST_UNAVAILABLE") throw new UserError(LIST_UNAVAILABLE, "LIST_UNAVAILABLE");
    throw error;
  }
  if (!own && position.page === 1 && result.items.length === 0) throw new UserError(LIST_UNAVAILABLE, "LIST_UNAVAILABLE");
  await respond.send(listPage({ position, ownerName: result.ownerName ?? ownerName, own, items: result.items, next: result.next }));
}

/** One change to a title and the card that answers it: the slash command and its buttons both use these. */
const change = {
  async add(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await titleWrite(ctx, title, (sync) => ctx.backend.mutation(api.bot.titles.addToWatchlist, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync }));
    await replyInfo(ctx, respond, user, title, titleHeadline.added(factsOf(ctx, title), result.already), result.undoId, result.state);
  },
  async remove(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await titleWrite(ctx, title, (sync) => ctx.backend.mutation(api.bot.titles.removeFromWatchlist, { ...refOf(user, title), ...sync }));
    const kept = result.item !== null && (result.item.progressStatus !== "want-to-watch" || result.item.reaction !== undefined);
    await replyInfo(ctx, respond, user, title, titleHeadline.removed(factsOf(ctx, title), result.removed, kept), result.undoId, result.state);
  },
  async status(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, status: ProgressStatus, progress?: number) {
    const result = await titleWrite(ctx, title, (sync) =>
      ctx.backend.mutation(api.bot.titles.setStatus, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync, progressStatus: status, progress }),
    );
    // What was stored, not what was typed: finished is always 100 %, want-to-watch 0 %.
    const watching = result.item.progressStatus === "watching" ? result.item.progress : undefined;
    await replyInfo(ctx, respond, user, title, titleHeadline.status(factsOf(ctx, title), status, watching), result.undoId, result.state);
  },
  async react(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, choice: ReactionChoice) {
    const result = await titleWrite(ctx, title, (sync) =>
      ctx.backend.mutation(api.bot.titles.setReactionFor, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync, reaction: choice === "clear" ? null : choice }),
    );
    await replyInfo(ctx, respond, user, title, titleHeadline.reaction(factsOf(ctx, title), choice, result.previous?.reaction), result.undoId, result.state);
  },
};

const CONFIRM_LABEL: Record<TitleAction["sub"], string> = {
  add: "Yes — add it to my watchlist",
  remove: "Yes — take it off my watchlist",
  info: "Yes — show it",
  status: "Yes — set my status",
  react: "Yes — save my reaction",
};

async function performTitleAction(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, action: TitleAction) {
  if (action.sub === "add") await change.add(ctx, respond, user, title);
  else if (action.sub === "remove") await change.remove(ctx, respond, user, title);
  else if (action.sub === "status") await change.status(ctx, respond, user, title, action.status, action.progress);
  else if (action.sub === "react") await change.react(ctx, respond, user, title, action.reaction);
  else await replyInfo(ctx, respond, user, title);
}

function refOf(user: User, title: TitleDetails) {
  return { ...actorOf(user), tmdbId: title.tmdbId, mediaType: title.mediaType };
}

/** The title a card's button is about, from its decoded arguments. */
async function titleOf(ctx: BotContext, args: { mediaType: TitleDetails["mediaType"]; tmdbId: number }): Promise<TitleDetails> {
  return await ctx.titles.details(args.tmdbId, args.mediaType);
}

const STATUS_CHOICES = [
  { name: "Want to watch", value: "want-to-watch" },
  { name: "Watching", value: "watching" },
  { name: "Finished", value: "finished" },
] as const;

const titleOption = { type: Option.String, name: "title", description: "Start typing a movie or show, or a TMDB id", required: true, autocomplete: true, max_length: 200 } as const;
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
      { type: Option.Subcommand, name: "remove", description: "Take a title off your watchlist (progress is kept)", options: [titleOption, typeOption] },
      {
        type: Option.Subcommand,
        name: "status",
        description: "Set want-to-watch, watching or finished",
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
      { type: Option.Subcommand, name: "info", description: "Poster, overview, and where you are with it", options: [titleOption, typeOption] },
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
          { type: Option.User, name: "user", description: "Someone else's list (if they share it; in a server they're in)", required: false },
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
      if (target.bot) throw new UserError("Bots don't keep watchlists.");
      if (target.id !== user.id) await checkListVisibleHere(interaction, target.id, options.user?.member !== undefined);
      // A status filter looks at everything tracked (shows followed from episodes included) unless told otherwise.
      const scope = options.scope ?? (options.status ? "all" : "watchlist");
      await replyList(ctx, respond, user, { owner: target.id, status: options.status, mediaType: options.type, scope, page: 1 }, target.username);
      return;
    }
    if (args.subcommand === "privacy") {
      const visible = args.options.visible;
      await ctx.backend.mutation(api.bot.profile.setListVisibility, { ...actorOf(user), listPublic: visible });
      await respond.send({
        content: visible
          ? "👀 Your list is now visible: others can see it with `/watch list user:@you`."
          : "🔒 Your list is now private.",
      });
      return;
    }

    const action: TitleAction =
      args.subcommand === "status"
        ? { sub: "status", status: args.options.status, progress: args.options.progress }
        : args.subcommand === "react"
          ? { sub: "react", reaction: args.options.reaction }
          : { sub: args.subcommand };
    const found = await ctx.titles.lookup(args.options.title, args.options.type);
    if (found.kind === "guess") {
      await respond.send(guessPrompt({ ...found, confirm: CONFIRM_LABEL[action.sub], customId: (choice) => titlePickButton.encode({ action, choice }) }));
      return;
    }
    await performTitleAction(ctx, respond, user, found.title, action);
  },

  async autocomplete(interaction, ctx, args) {
    const focused = interaction.options.getFocused();
    const type = "type" in args.options ? args.options.type : undefined;
    if (focused.trim().length > 0) return await ctx.titles.suggest(focused, type);
    const page = await ctx.backend.query(api.bot.lists.listTitles, { discordUserId: interaction.user.id, mediaType: type, pageSize: 25 });
    return page.items.map((item) => ({ name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType), value: `${item.mediaType}:${item.tmdbId}` }));
  },

  components: {
    async "watch:undo"(interaction, respond, ctx, { undoId }) {
      const result = await ctx.backend.mutation(api.bot.undo.undo, { discordUserId: interaction.user.id, undoId });
      if (!isMediaType(result.mediaType)) throw new StaleComponentError();
      // Back to the title's card, showing the state the undo restored.
      const title = await ctx.titles.details(result.tmdbId, result.mediaType);
      await replyInfo(ctx, respond, interaction.user, title, titleHeadline.undone(result.description), null, result.state);
    },
    async "watch:status"(interaction, respond, ctx, args) {
      await change.status(ctx, respond, interaction.user, await titleOf(ctx, args), args.status);
    },
    async "watch:react"(interaction, respond, ctx, args) {
      await change.react(ctx, respond, interaction.user, await titleOf(ctx, args), args.value);
    },
    async "watch:add"(interaction, respond, ctx, args) {
      await change.add(ctx, respond, interaction.user, await titleOf(ctx, args));
    },
    async "watch:remove"(interaction, respond, ctx, args) {
      await change.remove(ctx, respond, interaction.user, await titleOf(ctx, args));
    },
    /** "Did you mean …?" confirmed: the typed /watch subcommand, on the title picked. */
    async "watch:pick"(interaction, respond, ctx, { action, choice }) {
      await performTitleAction(ctx, respond, interaction.user, await titleOf(ctx, choice), action);
    },
    /** Posts a finished or loved title to the channel, after checking it is (still) true. */
    async "watch:share"(interaction, respond, ctx, { what, ...ref }) {
      // Only a server channel has an audience; a DM share would post into the DM.
      if (!canShare(interaction) || interaction.channelId === null) throw new UserError("Sharing works in a server channel, not in DMs.");
      const title = await titleOf(ctx, ref);
      // One round trip checks it is still true and claims the channel's share budget (held in Convex, across shards).
      const claim = await ctx.backend.mutation(api.shares.claimShare, { ...refOf(interaction.user, title), channelId: interaction.channelId, what });
      if (!claim.allowed) throw new UserError(shareRefusal(claim, factsOf(ctx, title)));
      // Confirm on the private card (which also retires its Share button), then post publicly.
      await respond.send(notice("📣 Shared with the channel."));
      await respond.sendNew({ ...shareMessage({ who: interaction.user.displayName, what, title: factsOf(ctx, title) }), ephemeral: false });
    },
    /** A list page: a keyset cursor, so it survives restarts. */
    async "watch:page"(interaction, respond, ctx, position) {
      if (position.owner !== interaction.user.id) await checkListVisibleHere(interaction, position.owner, null);
      await replyList(ctx, respond, interaction.user, position, null);
    },
  },
});
