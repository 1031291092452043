import {
  ButtonStyle,
  ComponentType,
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type ChatInputCommandInteraction,
  type User,
  time,
  TimestampStyles,
} from "discord.js";
import type { FunctionReturnType } from "convex/server";
import { api } from "../../convex/_generated/api.js";
import { BRAND, canShare, nextLine, progressLine, REACTION_LABEL, showsUpNext, STATUS_LABEL, type ItemView, type TitleState } from "../lib/cards.ts";
import { describeError, staleComponent, UserError } from "../lib/errors.ts";
import {
  addButton,
  listPageButton,
  MAX_LIST_PAGE,
  reactionSelect,
  removeButton,
  shareButton as shareButtonId,
  statusButton,
  titlePickButton,
  undoButton,
  type ListPosition,
  type ListScope,
  type TitleAction,
} from "../views/component-ids.ts";
import { guessPrompt } from "../views/guess.ts";
import type { ProgressStatus, ReactionChoice } from "../views/vocabulary.ts";
import type { Responder } from "../lib/respond.ts";
import { LIMITS, plain, truncate } from "../lib/text.ts";
import { choiceName, yearOf, type TitleDetails } from "../lib/titles.ts";
import type { MediaType } from "../lib/tmdb.ts";
import type { ShowSync } from "../lib/tmdb-shows.ts";
import { argsOf, type BotContext, type Command, type ComponentInteraction } from "./types.ts";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
type ShareRefusal = Extract<FunctionReturnType<typeof api.shares.claimShare>, { allowed: false }>;
const PAGE_SIZE = 10;
const STATUSES = ["want-to-watch", "watching", "finished"] as const;
const REACTIONS = ["loved", "liked", "mixed", "not-for-me"] as const;

const actorOf = (user: User) => ({ discordUserId: user.id, username: user.username });

function mediaTypeArg(value: string | undefined): MediaType {
  if (value === "movie" || value === "tv") return value;
  throw staleComponent();
}

function reactionHeadline(choice: string, title: TitleDetails, previous: string | undefined): string {
  if (choice !== "clear") return `${REACTION_LABEL[choice] ?? choice} — ${titleLine(title)}`;
  return previous === undefined ? `You hadn't reacted to ${titleLine(title)} — nothing changed.` : `Cleared your reaction to ${titleLine(title)}.`;
}

function titleLine(title: TitleDetails): string {
  return `**${plain(title.title, 200)}**${title.year ? ` (${title.year})` : ""}`;
}

function undoRow(undoId: string | null, extra: APIComponentInMessageActionRow[] = []): Row[] {
  const buttons = [...extra];
  if (undoId) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Undo", custom_id: undoButton.encode({ undoId }) });
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function shareButton(mediaType: MediaType, tmdbId: number, what: "finished" | "loved", label = "Share"): APIComponentInMessageActionRow {
  return { type: ComponentType.Button, style: ButtonStyle.Success, label, emoji: { name: "📣" }, custom_id: shareButtonId.encode({ mediaType, tmdbId, what }) };
}

/** Share buttons for what is worth telling the channel: a finished title, a loved one, or both. */
function shareButtons(mediaType: MediaType, tmdbId: number, item: ItemView | null): APIComponentInMessageActionRow[] {
  const finished = item?.progressStatus === "finished";
  const loved = item?.reaction === "loved";
  if (finished && loved) return [shareButton(mediaType, tmdbId, "finished", "Share finished"), shareButton(mediaType, tmdbId, "loved", "Share loved")];
  if (finished) return [shareButton(mediaType, tmdbId, "finished")];
  if (loved) return [shareButton(mediaType, tmdbId, "loved")];
  return [];
}

/** Status buttons and a reaction menu: the obvious next steps on a title. */
function titleControls(mediaType: MediaType, tmdbId: number, item: ItemView | null): Row[] {
  const statusRow: Row = {
    type: ComponentType.ActionRow,
    components: STATUSES.map((status) => ({
      type: ComponentType.Button,
      style: item?.progressStatus === status ? ButtonStyle.Success : ButtonStyle.Secondary,
      label: STATUS_LABEL[status]!.replace(/^\S+ /, ""),
      custom_id: statusButton.encode({ mediaType, tmdbId, status }),
      disabled: item?.progressStatus === status,
    })),
  };
  const inList = item?.inWatchlist ?? false;
  statusRow.components.push({
    type: ComponentType.Button,
    style: inList ? ButtonStyle.Danger : ButtonStyle.Primary,
    label: inList ? "Remove from watchlist" : "Add to watchlist",
    custom_id: (inList ? removeButton : addButton).encode({ mediaType, tmdbId }),
  });
  const reactRow: Row = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: reactionSelect.encode({ mediaType, tmdbId }),
        placeholder: item?.reaction ? `Your reaction: ${REACTION_LABEL[item.reaction]}` : "React…",
        options: [
          ...REACTIONS.map((r) => ({ label: REACTION_LABEL[r]!, value: r, default: item?.reaction === r })),
          { label: "Clear reaction", value: "clear" },
        ],
      },
    ],
  };
  return [statusRow, reactRow];
}

/**
 * Status and watchlist membership on separate lines, each saying what it is: a show can be
 * "Watching" (from marked episodes) without being on the watchlist, and that must read plainly.
 */
export function stateSummary(item: ItemView | null): string {
  if (item === null) return "Status: not tracked yet\nWatchlist: not on it — `/watch add` puts it there";
  const status = item.progressStatus
    ? `${STATUS_LABEL[item.progressStatus]}${item.progress !== undefined && item.progressStatus === "watching" ? ` (${Math.round(item.progress)}%)` : ""}`
    : "none";
  const lines = [
    `Status: ${status}`,
    item.inWatchlist ? "Watchlist: 📌 on your watchlist" : "Watchlist: not on it — `/watch add` puts it there",
  ];
  if (item.reaction) lines.push(`Reaction: ${REACTION_LABEL[item.reaction]}`);
  return lines.join("\n");
}

export function infoCard(ctx: BotContext, title: TitleDetails, state: Pick<TitleState, "item" | "progress" | "jobRunning">): APIEmbed {
  const fields = [{ name: "You", value: stateSummary(state.item), inline: false }];
  if (state.progress) {
    fields.push({ name: "Episodes", value: progressLine(state.progress), inline: false });
    if (showsUpNext(state.item?.progressStatus, state.progress)) fields.push({ name: "Up next", value: nextLine(state.progress), inline: false });
  }
  if (state.jobRunning) fields.push({ name: "⏳", value: "A large episode change is still being applied.", inline: false });
  const facts = [
    title.mediaType === "tv" ? "TV" : "Movie",
    title.year ? String(title.year) : null,
    title.rating !== undefined ? `★ ${title.rating.toFixed(1)}` : null,
    title.genres.length > 0 ? title.genres.slice(0, 3).join(", ") : null,
  ].filter(Boolean);
  return {
    title: plain(title.title, LIMITS.embedTitle),
    description: truncate(`${facts.join(" · ")}\n\n${plain(title.overview ?? "No overview on TMDB.", 1500)}`, LIMITS.embedDescription),
    color: BRAND,
    thumbnail: title.posterPath ? { url: ctx.tmdb.posterUrl(title.posterPath, "w342")! } : undefined,
    fields,
    footer: { text: `TMDB ${title.mediaType}/${title.tmdbId}` },
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
  const controls = titleControls(title.mediaType, title.tmdbId, state.item);
  await respond.send({
    content: headline,
    embeds: [infoCard(ctx, title, state)],
    components: [...controls, ...undoRow(undoId ?? null, canShare(respond.interaction) ? shareButtons(title.mediaType, title.tmdbId, state.item) : [])],
  });
}

/** One answer for a list that is private, empty, or whose owner never used the bot: none of them is told apart. */
export const LIST_UNAVAILABLE = "That list isn't available. Someone's list can be seen only once they have tracked something and made it visible with `/watch privacy`.";
/** Where another member's list may be seen: a server they are in, never a DM or another server. */
const LIST_ONLY_IN_THEIR_SERVER = "You can see someone else's list only in a server channel of a server they're in.";

function listTitle(owner: string | null, own: boolean, scope: ListScope): string {
  if (own) return scope === "watchlist" ? "Your watchlist" : "Everything you track";
  const who = owner ?? "Their";
  return scope === "watchlist" ? `${owner ? `${who}'s` : who} watchlist` : `Everything ${owner ?? "they"} ${owner ? "tracks" : "track"}`;
}

function listEmbed(ownerName: string | null, own: boolean, items: ItemView[], state: ListPosition): APIEmbed {
  const lines = items.map((item, i) => {
    const n = (state.page - 1) * PAGE_SIZE + i + 1;
    const name = plain(item.title ?? `TMDB ${item.mediaType}/${item.tmdbId}`, 80);
    const bits = [
      item.mediaType === "tv" ? "TV" : "Movie",
      item.progressStatus ? STATUS_LABEL[item.progressStatus] : null,
      item.progressStatus === "watching" && item.progress !== undefined ? `${Math.round(item.progress)}%` : null,
      item.reaction ? REACTION_LABEL[item.reaction] : null,
      state.scope === "all" && item.inWatchlist ? "📌 on watchlist" : null,
    ].filter(Boolean);
    return `\`${String(n).padStart(2)}.\` **${name}** — ${bits.join(" · ")}`;
  });
  const filters = [state.status ? STATUS_LABEL[state.status] : null, state.mediaType === "tv" ? "TV" : state.mediaType === "movie" ? "Movies" : null].filter(Boolean).join(", ");
  const empty =
    state.page > 1
      ? "No more titles."
      : state.scope === "watchlist"
        ? "Your watchlist is empty — add something with `/watch add`. Titles you track without adding them are under `/watch list scope:all`."
        : "Nothing here yet — add something with `/watch add`, or mark an episode with `/ep`.";
  return {
    title: truncate(`${listTitle(ownerName, own, state.scope)}${filters ? ` · ${filters}` : ""}`, LIMITS.embedTitle),
    description: lines.length > 0 ? lines.join("\n") : empty,
    color: BRAND,
    footer: { text: `Page ${state.page} · newest first` },
  };
}

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

async function replyList(ctx: BotContext, respond: Responder, viewer: User, state: ListPosition, ownerName: string | null) {
  const own = state.owner === viewer.id;
  let result;
  try {
    result = await ctx.backend.query(api.bot.lists.listTitles, {
      discordUserId: viewer.id,
      ownerDiscordUserId: own ? undefined : state.owner,
      progressStatus: state.status,
      mediaType: state.mediaType,
      scope: state.scope,
      cursor: state.cursor,
      pageSize: PAGE_SIZE,
    });
  } catch (error) {
    if (!own && describeError(error).code === "LIST_UNAVAILABLE") throw new UserError(LIST_UNAVAILABLE, "LIST_UNAVAILABLE");
    throw error;
  }
  if (!own && state.page === 1 && result.items.length === 0) throw new UserError(LIST_UNAVAILABLE, "LIST_UNAVAILABLE");
  const buttons: APIComponentInMessageActionRow[] = [];
  if (state.page > 1) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "« First", custom_id: listPageButton.encode({ ...state, page: 1, cursor: undefined }) });
  }
  if (result.next && state.page < MAX_LIST_PAGE) {
    const next = listPageButton.encode({ ...state, page: state.page + 1, cursor: result.next });
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: "Next ›", custom_id: next });
  }
  await respond.send({
    embeds: [listEmbed(plainName(result.ownerName ?? ownerName), own, result.items, state)],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  });
}

/** One change to a title and the card that answers it: the slash command and its buttons both use these. */
const change = {
  async add(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await titleWrite(ctx, title, (sync) => ctx.backend.mutation(api.bot.titles.addToWatchlist, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync }));
    const headline = result.already ? `${titleLine(title)} is already on your watchlist.` : `🔖 Added ${titleLine(title)} to your watchlist.`;
    await replyInfo(ctx, respond, user, title, headline, result.undoId, result.state);
  },
  async remove(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await titleWrite(ctx, title, (sync) => ctx.backend.mutation(api.bot.titles.removeFromWatchlist, { ...refOf(user, title), ...sync }));
    const kept = result.item && (result.item.progressStatus !== "want-to-watch" || result.item.reaction) ? " Your progress and reaction are kept." : "";
    const headline = result.removed ? `Removed ${titleLine(title)} from your watchlist.${kept}` : `${titleLine(title)} wasn't on your watchlist — nothing changed.`;
    await replyInfo(ctx, respond, user, title, headline, result.undoId, result.state);
  },
  async status(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, status: string, progress?: number) {
    const result = await titleWrite(ctx, title, (sync) =>
      ctx.backend.mutation(api.bot.titles.setStatus, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync, progressStatus: status, progress }),
    );
    // What was stored, not what was typed: finished is always 100 %, want-to-watch 0 %.
    const stored = result.item.progressStatus === "watching" && result.item.progress !== undefined ? ` (${Math.round(result.item.progress)}%)` : "";
    await replyInfo(ctx, respond, user, title, `${STATUS_LABEL[status] ?? status} — ${titleLine(title)}${stored}`, result.undoId, result.state);
  },
  async react(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, choice: string) {
    const result = await titleWrite(ctx, title, (sync) =>
      ctx.backend.mutation(api.bot.titles.setReactionFor, { ...refOf(user, title), ...ctx.titles.metadata(title), ...sync, reaction: choice === "clear" ? null : choice }),
    );
    await replyInfo(ctx, respond, user, title, reactionHeadline(choice, title, result.previous?.reaction), result.undoId, result.state);
  },
};

/** Why a share was not posted, and when it could be. */
function shareRefusal(claim: ShareRefusal, title: TitleDetails): string {
  if (claim.reason === "not_true") return "That's no longer true, so there's nothing to share.";
  const when = time(new Date(claim.retryAt), TimestampStyles.RelativeTime);
  if (claim.reason === "repeat") return `You already shared ${titleLine(title)} in this channel today — you can share it here again ${when}.`;
  return `This channel has had ${claim.cap} shares in the last hour, the most I post — try again ${when}.`;
}

const CONFIRM_LABEL: Record<TitleAction["sub"], string> = {
  add: "Yes — add it to my watchlist",
  remove: "Yes — take it off my watchlist",
  info: "Yes — show it",
  status: "Yes — set my status",
  react: "Yes — save my reaction",
};

function titleActionOf(sub: string, options: ChatInputCommandInteraction["options"]): TitleAction {
  // The option's choices are the vocabulary's; a value outside them never reaches a write.
  if (sub === "status") return { sub, status: options.getString("status", true) as ProgressStatus, progress: options.getInteger("progress") ?? undefined };
  if (sub === "react") return { sub, reaction: options.getString("reaction", true) as ReactionChoice };
  if (sub === "add" || sub === "remove" || sub === "info") return { sub };
  throw new UserError("I don't know that subcommand.");
}

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
async function titleOf(ctx: BotContext, args: { mediaType: MediaType; tmdbId: number }): Promise<TitleDetails> {
  return await ctx.titles.details(args.tmdbId, args.mediaType);
}

function plainName(name: string | null): string | null {
  return name === null ? null : plain(name, 80);
}

const STATUS_CHOICES = [
  { name: "Want to watch", value: "want-to-watch" },
  { name: "Watching", value: "watching" },
  { name: "Finished", value: "finished" },
];

const titleOption = (o: import("discord.js").SlashCommandStringOption) =>
  o.setName("title").setDescription("Start typing a movie or show, or a TMDB id").setRequired(true).setAutocomplete(true).setMaxLength(200);
const typeOption = (o: import("discord.js").SlashCommandStringOption) =>
  o.setName("type").setDescription("Movie or TV (only needed with a bare TMDB id)").addChoices({ name: "Movie", value: "movie" }, { name: "TV", value: "tv" });

export const watch = {
  data: new SlashCommandBuilder()
    .setName("watch")
    .setDescription("Your watchlist: add, track, react, look up")
    .addSubcommand((s) => s.setName("add").setDescription("Add a movie or show to your watchlist").addStringOption(titleOption).addStringOption(typeOption))
    .addSubcommand((s) => s.setName("remove").setDescription("Take a title off your watchlist (progress is kept)").addStringOption(titleOption).addStringOption(typeOption))
    .addSubcommand((s) =>
      s
        .setName("status")
        .setDescription("Set want-to-watch, watching or finished")
        .addStringOption(titleOption)
        .addStringOption((o) =>
          o.setName("status").setDescription("Where you are with it").setRequired(true).addChoices(...STATUS_CHOICES),
        )
        .addIntegerOption((o) => o.setName("progress").setDescription("How far in, 0–100 %").setMinValue(0).setMaxValue(100))
        .addStringOption(typeOption),
    )
    .addSubcommand((s) =>
      s
        .setName("react")
        .setDescription("Say how you liked it")
        .addStringOption(titleOption)
        .addStringOption((o) =>
          o.setName("reaction").setDescription("Your reaction").setRequired(true).addChoices(
            { name: "❤️ Loved", value: "loved" },
            { name: "👍 Liked", value: "liked" },
            { name: "😐 Mixed", value: "mixed" },
            { name: "👎 Not for me", value: "not-for-me" },
            { name: "Clear my reaction", value: "clear" },
          ),
        )
        .addStringOption(typeOption),
    )
    .addSubcommand((s) => s.setName("info").setDescription("Poster, overview, and where you are with it").addStringOption(titleOption).addStringOption(typeOption))
    .addSubcommand((s) =>
      s
        .setName("list")
        .setDescription("Your titles (or a friend's), newest first")
        .addStringOption((o) =>
          o.setName("status").setDescription("Only this status").addChoices(...STATUS_CHOICES),
        )
        .addStringOption((o) => o.setName("type").setDescription("Only movies or only TV").addChoices({ name: "Movies", value: "movie" }, { name: "TV", value: "tv" }))
        .addUserOption((o) => o.setName("user").setDescription("Someone else's list (if they share it; in a server they're in)"))
        .addStringOption((o) =>
          o
            .setName("scope")
            .setDescription("The watchlist (default), or everything tracked (default with a status filter)")
            .addChoices({ name: "Watchlist", value: "watchlist" }, { name: "Everything tracked", value: "all" }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("privacy")
        .setDescription("Choose whether others can see your list")
        .addBooleanOption((o) => o.setName("visible").setDescription("True: anyone in a server with you can see it").setRequired(true)),
    )
    .toJSON(),
  ephemeral: true,
  reads: ["info", "list", "page"],

  async execute(interaction, respond, ctx) {
    const sub = interaction.options.getSubcommand();
    const user = interaction.user;
    if (sub === "list") {
      const target = interaction.options.getUser("user") ?? user;
      if (target.bot) throw new UserError("Bots don't keep watchlists.");
      if (target.id !== user.id) await checkListVisibleHere(interaction, target.id, interaction.options.getMember("user") !== null);
      const status = (interaction.options.getString("status") ?? undefined) as ProgressStatus | undefined;
      // A status filter looks at everything tracked (shows followed from episodes included) unless told otherwise.
      const scope = (interaction.options.getString("scope") ?? (status ? "all" : "watchlist")) as ListScope;
      const state: ListPosition = { owner: target.id, status, mediaType: (interaction.options.getString("type") ?? undefined) as MediaType | undefined, scope, page: 1 };
      await replyList(ctx, respond, user, state, target.username);
      return;
    }
    if (sub === "privacy") {
      const visible = interaction.options.getBoolean("visible", true);
      await ctx.backend.mutation(api.bot.profile.setListVisibility, { ...actorOf(user), listPublic: visible });
      await respond.send({
        content: visible
          ? "👀 Your list is now visible: others can see it with `/watch list user:@you`."
          : "🔒 Your list is now private.",
      });
      return;
    }

    const type = (interaction.options.getString("type") ?? undefined) as MediaType | undefined;
    const action = titleActionOf(sub, interaction.options);
    const found = await ctx.titles.lookup(interaction.options.getString("title", true), type);
    if (found.kind === "guess") {
      await respond.send(guessPrompt({ ...found, confirm: CONFIRM_LABEL[action.sub], customId: (choice) => titlePickButton.encode({ action, choice }) }));
      return;
    }
    await performTitleAction(ctx, respond, user, found.title, action);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused();
    const type = (interaction.options.getString("type") ?? undefined) as MediaType | undefined;
    if (focused.trim().length > 0) return await ctx.titles.suggest(focused, type);
    const page = await ctx.backend.query(api.bot.lists.listTitles, { discordUserId: interaction.user.id, mediaType: type, pageSize: 25 });
    return page.items.map((item) => ({ name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType), value: `${item.mediaType}:${item.tmdbId}` }));
  },

  components: {
    async undo(interaction, respond, ctx, fields) {
      const { undoId } = argsOf(undoButton, interaction, fields);
      const result = await ctx.backend.mutation(api.bot.undo.undo, { discordUserId: interaction.user.id, undoId });
      // Back to the title's card, showing the state the undo restored.
      const title = await ctx.titles.details(result.tmdbId, mediaTypeArg(result.mediaType));
      await replyInfo(ctx, respond, interaction.user, title, `↩️ Undone: ${plain(result.description, 300)}.`, null, result.state);
    },
    async status(interaction, respond, ctx, fields) {
      const args = argsOf(statusButton, interaction, fields);
      await change.status(ctx, respond, interaction.user, await titleOf(ctx, args), args.status);
    },
    async react(interaction, respond, ctx, fields) {
      const args = argsOf(reactionSelect, interaction, fields);
      await change.react(ctx, respond, interaction.user, await titleOf(ctx, args), args.value);
    },
    async add(interaction, respond, ctx, fields) {
      await change.add(ctx, respond, interaction.user, await titleOf(ctx, argsOf(addButton, interaction, fields)));
    },
    async remove(interaction, respond, ctx, fields) {
      await change.remove(ctx, respond, interaction.user, await titleOf(ctx, argsOf(removeButton, interaction, fields)));
    },
    /** "Did you mean …?" confirmed: the typed /watch subcommand, on the title picked. */
    async pick(interaction, respond, ctx, fields) {
      const { action, choice } = argsOf(titlePickButton, interaction, fields);
      await performTitleAction(ctx, respond, interaction.user, await titleOf(ctx, choice), action);
    },
    /** Posts a finished or loved title to the channel, after checking it is (still) true. */
    async share(interaction, respond, ctx, fields) {
      const { what, ...ref } = argsOf(shareButtonId, interaction, fields);
      // Only a server channel has an audience; a DM share would post into the DM.
      if (!canShare(interaction) || interaction.channelId === null) throw new UserError("Sharing works in a server channel, not in DMs.");
      const title = await titleOf(ctx, ref);
      // One round trip checks it is still true and claims the channel's share budget (held in Convex, across shards).
      const claim = await ctx.backend.mutation(api.shares.claimShare, {
        ...refOf(interaction.user, title),
        channelId: interaction.channelId,
        what,
      });
      if (!claim.allowed) throw new UserError(shareRefusal(claim, title));
      const name = `**${plain(interaction.user.displayName, 80)}**`;
      const text = what === "finished" ? `🎉 ${name} finished ${titleLine(title)}!` : `❤️ ${name} loved ${titleLine(title)}.`;
      const embed = infoCard(ctx, title, { item: null, progress: null, jobRunning: false });
      // Confirm on the private card (which also retires its Share button), then post publicly.
      await respond.send({ content: "📣 Shared with the channel.", embeds: [], components: [] });
      await respond.sendNew({ content: text, embeds: [{ ...embed, fields: [] }], ephemeral: false });
    },
    /** A list page: a keyset cursor, so it survives restarts. */
    async page(interaction, respond, ctx, fields) {
      const state = argsOf(listPageButton, interaction, fields);
      if (state.owner !== interaction.user.id) await checkListVisibleHere(interaction, state.owner, null);
      await replyList(ctx, respond, interaction.user, state, null);
    },
  },
} satisfies Command;
