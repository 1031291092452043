import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from "discord-api-types/v10";
import type { ChatInputCommandInteraction, User } from "discord.js";
import type { FunctionReturnType } from "convex/server";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { describeError, UserError } from "../lib/errors.ts";
import type { Reply, Responder } from "../lib/respond.ts";
import { convexErrorData } from "../lib/backend.ts";
import { choiceName, parseTitleRef, yearOf, type TitleDetails, type TitleService } from "../lib/titles.ts";
import type { ShowSync } from "../lib/tmdb-shows.ts";
import { StaleComponentError, titlePickButton, type ListPosition, type TitleAction } from "../views/component-ids.ts";
import { undoneEpisodesCard } from "../views/episode-card.ts";
import { guessPrompt } from "../views/guess.ts";
import { LIST_PAGE_SIZE, listPage } from "../views/list-page.ts";
import { notice, shareMessage, shareRefusal, titleCard, titleHeadline, type TitleFacts } from "../views/title-card.ts";
import { isMediaType, type MediaType, type ProgressStatus, type ReactionChoice } from "../views/vocabulary.ts";
import { canShare, command, type BotContext, type ComponentInteraction } from "./types.ts";
import { TmdbError } from "../lib/tmdb.ts";

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

/** A title known only by id (a card's button, an id picked from autocomplete): no TMDB details in hand. */
type TitleRef = { tmdbId: number; mediaType: MediaType };
/** What a /watch change or card is about: TMDB's details, or just the id. */
type Subject = TitleDetails | TitleRef;
const hasDetails = (subject: Subject): subject is TitleDetails => "title" in subject;

/** TMDB's details when this process already holds them (no request), else the id as it was. */
function withCachedDetails(ctx: BotContext, subject: Subject): Subject {
  return hasDetails(subject) ? subject : (ctx.tmdb.cachedDetails(subject.mediaType, subject.tmdbId) ?? subject);
}

/**
 * A stored image at the size every card shows (w342): a full URL as the bot and the web app
 * store it (at w500, for the web app's pages), or a TMDB path as a client might.
 */
function storedPoster(ctx: BotContext, image: string | undefined): string | undefined {
  if (image === undefined) return undefined;
  if (!/^https:\/\//.test(image)) return ctx.tmdb.posterUrl(image, "w342");
  return image.replace(/\/t\/p\/(?:w\d+|original)\/(?=[^/]+$)/, "/t/p/w342/");
}

/**
 * The card drawn from what Convex stores: the person's own item, when it holds the title and
 * its overview (items made by /watch writes do; a show followed from episode marks may not).
 * Genres are not stored, so a card drawn this way leaves them out.
 */
function storedFacts(ctx: BotContext, ref: TitleRef, state: TitleState): TitleFacts | null {
  const item = state.item;
  if (item === null || item.title === undefined || item.overview === undefined) return null;
  return {
    tmdbId: ref.tmdbId,
    mediaType: ref.mediaType,
    title: item.title,
    year: yearOf(item.release_date),
    rating: item.rating,
    overview: item.overview,
    posterUrl: storedPoster(ctx, item.image),
  };
}

/** What a write sends besides the person and the title. */
interface WriteExtra {
  sync: ShowSync;
  metadata?: ReturnType<TitleService["metadata"]>;
  titleFromStore?: true;
}

/**
 * One title write and the facts its card shows, in one Convex call. With TMDB's details in
 * hand they go along (a show's episode counts are checked inside the same write); with only
 * an id the write draws the title from what Convex stores, and TMDB is asked only when
 * Convex has nothing to draw (a title this person never tracked, a show it never saw).
 */
async function titleWrite<T extends { state: TitleState }>(
  ctx: BotContext,
  subject: Subject,
  call: (extra: WriteExtra) => Promise<T>,
): Promise<{ result: T; facts: TitleFacts }> {
  subject = withCachedDetails(ctx, subject);
  if (hasDetails(subject)) {
    const metadata = ctx.titles.metadata(subject);
    const result =
      subject.mediaType === "tv"
        ? await ctx.titles.shows.write(subject, (sync) => call({ sync, metadata }))
        : await call({ sync: {}, metadata });
    return { result, facts: factsOf(ctx, subject) };
  }
  let showNeeded: boolean;
  try {
    const result =
      subject.mediaType === "tv"
        ? await ctx.titles.shows.write({ tmdbId: subject.tmdbId, details: () => ctx.titles.show(subject.tmdbId) }, (sync) =>
            call({ sync, titleFromStore: true }),
          )
        : await call({ sync: {}, titleFromStore: true });
    return { result, facts: storedFacts(ctx, subject, result.state) ?? (await detailsOrStored(ctx, subject, result.state)) };
  } catch (error) {
    const refusal = convexErrorData(error);
    if (refusal?.code !== "TITLE_NOT_STORED") throw error;
    showNeeded = refusal.showNeeded === true;
  }
  // Convex said in the same answer that it lacks the show too: send both at once. The structure's
  // first request brings the show's details along, so the details lookup after it is free.
  if (showNeeded && subject.mediaType === "tv") {
    const tmdbId = subject.tmdbId;
    const show = await ctx.titles.shows.fetchById({ tmdbId, details: () => ctx.titles.show(tmdbId) });
    const details = await ctx.titles.details(tmdbId, "tv");
    const result = await call({ sync: { show }, metadata: ctx.titles.metadata(details) });
    return { result, facts: factsOf(ctx, details) };
  }
  return await titleWrite(ctx, await ctx.titles.details(subject.tmdbId, subject.mediaType), call);
}

/**
 * The card's facts from TMDB; with TMDB down or slow (the write already done), from whatever
 * Convex stores — the item's title or the cached show's name — rather than an error that would
 * say nothing was changed.
 */
async function detailsOrStored(ctx: BotContext, ref: TitleRef, state: TitleState): Promise<TitleFacts> {
  try {
    return factsOf(ctx, await ctx.titles.details(ref.tmdbId, ref.mediaType));
  } catch (error) {
    const title = state.item?.title ?? state.show?.title;
    if (!isTmdbOutage(error) || title === undefined) throw error;
    return {
      tmdbId: ref.tmdbId,
      mediaType: ref.mediaType,
      title,
      year: yearOf(state.item?.release_date),
      posterUrl: storedPoster(ctx, state.item?.image ?? state.show?.image),
    };
  }
}

/** TMDB failed for now (down, slow, refusing), not because the title doesn't exist. */
function isTmdbOutage(error: unknown): boolean {
  return error instanceof TmdbError && error.kind !== "not_found" && error.kind !== "bad_request";
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

/** The title card, from a state a write already answered with (no second round trip). */
async function replyCard(respond: Responder, facts: TitleFacts, state: TitleState, headline?: string, undoId?: string | null) {
  await respond.send(titleCard({ title: facts, state, headline, undoId, shareable: canShare(respond.interaction) }));
}

/**
 * /watch info. Given only an id, the card comes from what Convex stores (one query); TMDB
 * is asked for what it lacks — the title's facts, or a show's structure Convex never saw.
 */
async function replyInfo(ctx: BotContext, respond: Responder, user: User, subject: Subject) {
  subject = withCachedDetails(ctx, subject);
  if (hasDetails(subject)) return await replyCard(respond, factsOf(ctx, subject), await readState(ctx, user, subject));
  const ref = { discordUserId: user.id, tmdbId: subject.tmdbId, mediaType: subject.mediaType };
  const state = await ctx.backend.query(api.bot.titles.getTitleState, ref);
  const facts = storedFacts(ctx, subject, state);
  if (facts !== null && !state.refreshShow) return await replyCard(respond, facts, state);
  const details = await ctx.titles.details(subject.tmdbId, subject.mediaType);
  // refreshShow without counts means Convex has never seen the show: send its structure.
  const full =
    state.refreshShow && details.mediaType === "tv"
      ? await ctx.backend.mutation(api.bot.titles.cacheShowForCard, {
          discordUserId: user.id,
          tmdbId: details.tmdbId,
          show: await ctx.titles.shows.fetch(details),
        })
      : state;
  await replyCard(respond, factsOf(ctx, details), full);
}

/** One answer for a list that is private, empty, or whose owner never used the bot: none of them is told apart. */
export const LIST_UNAVAILABLE =
  "That list isn't available. Someone's list can be seen only once they have tracked something and made it visible with `/watch privacy`.";
/** Where another member's list may be seen: a server they are in, never a DM or another server. */
const LIST_ONLY_IN_THEIR_SERVER = "You can see someone else's list only in a server channel of a server they're in.";

/**
 * Someone else's list is shown only inside a server its owner is a member of: Discord resolves
 * the user option to a member only then. From a DM, a group DM or another server, never.
 */
async function checkListVisibleHere(
  interaction: ChatInputCommandInteraction | ComponentInteraction,
  owner: string,
  resolvedMember: boolean | null,
) {
  if (interaction.guildId === null) throw new UserError(LIST_ONLY_IN_THEIR_SERVER);
  // A page button carries no resolved member: ask Discord whether the owner is (still) here.
  const isMember =
    resolvedMember ??
    (await interaction.guild?.members.fetch({ user: owner, cache: false }).then(
      () => true,
      () => false,
    )) ??
    false;
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
  async add(ctx: BotContext, respond: Responder, user: User, subject: Subject) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.addToWatchlist, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
      }),
    );
    await replyCard(respond, facts, result.state, titleHeadline.added(facts, result.already), result.undoId);
  },
  async remove(ctx: BotContext, respond: Responder, user: User, subject: Subject) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.removeFromWatchlist, { ...refOf(user, subject), ...x.sync }),
    );
    const kept = result.item !== null && (result.item.progressStatus !== "want-to-watch" || result.item.reaction !== undefined);
    await replyCard(respond, facts, result.state, titleHeadline.removed(facts, result.removed, kept), result.undoId);
  },
  async status(ctx: BotContext, respond: Responder, user: User, subject: Subject, status: ProgressStatus, progress?: number) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.setStatus, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
        progressStatus: status,
        progress,
      }),
    );
    // What was stored, not what was typed: finished is always 100 %, want-to-watch 0 %.
    const watching = result.item.progressStatus === "watching" ? result.item.progress : undefined;
    await replyCard(respond, facts, result.state, titleHeadline.status(facts, status, watching, result.changed), result.undoId);
  },
  async react(ctx: BotContext, respond: Responder, user: User, subject: Subject, choice: ReactionChoice) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.setReactionFor, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
        reaction: choice === "clear" ? null : choice,
      }),
    );
    await replyCard(respond, facts, result.state, titleHeadline.reaction(facts, choice, result.previous?.reaction), result.undoId);
  },
};

const CONFIRM_LABEL: Record<TitleAction["sub"], string> = {
  add: "Yes — add it to my watchlist",
  remove: "Yes — take it off my watchlist",
  info: "Yes — show it",
  status: "Yes — set my status",
  react: "Yes — save my reaction",
};

async function performTitleAction(ctx: BotContext, respond: Responder, user: User, title: Subject, action: TitleAction) {
  if (action.sub === "add") await change.add(ctx, respond, user, title);
  else if (action.sub === "remove") await change.remove(ctx, respond, user, title);
  else if (action.sub === "status") await change.status(ctx, respond, user, title, action.status, action.progress);
  else if (action.sub === "react") await change.react(ctx, respond, user, title, action.reaction);
  else await replyInfo(ctx, respond, user, title);
}

function refOf(user: User, title: Subject) {
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
      if (target.bot) throw new UserError("Bots don't keep watchlists.");
      if (target.id !== user.id) await checkListVisibleHere(interaction, target.id, options.user?.member !== undefined);
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
        content: visible ? "👀 Your list is now visible: others can see it with `/watch list user:@you`." : "🔒 Your list is now private.",
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
    const ref = parseTitleRef(args.options.title);
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
        guessPrompt({ ...found, confirm: CONFIRM_LABEL[action.sub], customId: (choice) => titlePickButton.encode({ action, choice }) }),
      );
      return;
    }
    await performTitleAction(ctx, respond, user, found.title, action);
  },

  async autocomplete(interaction, ctx, args) {
    const focused = interaction.options.getFocused();
    const type = "type" in args.options ? args.options.type : undefined;
    if (focused.trim().length > 0) return await ctx.titles.suggest(focused, type);
    const page = await ctx.backend.query(api.bot.lists.listTitles, { discordUserId: interaction.user.id, mediaType: type, pageSize: 25 });
    return page.items.map((item) => ({
      name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType),
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
          ...undoneEpisodesCard(result.tmdbId, result.state.show, result.state, result.undone, result.statusBefore),
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
      if (facts === null) {
        await respond.send(notice(titleHeadline.undone(result.undone)));
        return;
      }
      await replyCard(respond, facts, result.state, titleHeadline.undone(result.undone), null);
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
      if (!canShare(interaction) || interaction.channelId === null) throw new UserError("Sharing works in a server channel, not in DMs.");
      const title = await titleOf(ctx, ref);
      // One round trip checks it is still true and claims the channel's share budget (held in Convex, across shards).
      const claim = await ctx.backend.mutation(api.bot.shares.claimShare, {
        ...refOf(interaction.user, title),
        channelId: interaction.channelId,
        what,
      });
      if (!claim.allowed) throw new UserError(shareRefusal(claim, factsOf(ctx, title)));
      // Confirm on the private card, which stays as it was with its buttons — all but Share, now done.
      await respond.send(cardWithout(interaction, interaction.customId, "📣 Shared with the channel."));
      await respond.sendNew({ ...shareMessage({ who: interaction.user.displayName, what, title: factsOf(ctx, title) }), ephemeral: false });
    },
    /** A list page: a keyset cursor, so it survives restarts. */
    async "watch:page"(interaction, respond, ctx, position) {
      if (position.owner !== interaction.user.id) await checkListVisibleHere(interaction, position.owner, null);
      await replyList(ctx, respond, interaction.user, position, null);
    },
  },
});

/** The clicked card as it is, with `content` on top and one button (by custom id) gone. */
function cardWithout(interaction: ComponentInteraction, customId: string, content: string): Reply {
  type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
  const rows = interaction.message.components
    .map((row) => row.toJSON() as unknown as Row)
    .filter((row) => row.type === ComponentType.ActionRow);
  const components = rows
    .map((row) => ({ ...row, components: row.components.filter((c) => !("custom_id" in c) || c.custom_id !== customId) }))
    .filter((row) => row.components.length > 0);
  return { content, embeds: interaction.message.embeds.map((embed) => embed.toJSON()), components };
}
