import {
  ButtonStyle,
  ComponentType,
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type User,
} from "discord.js";
import { api } from "../../convex/_generated/api.js";
import { BRAND, nextLine, progressLine, REACTION_LABEL, STATUS_LABEL, type ItemView, type TitleState } from "../lib/cards.ts";
import { UserError } from "../lib/errors.ts";
import type { Responder } from "../lib/respond.ts";
import { LIMITS, plain, truncate } from "../lib/text.ts";
import { choiceName, yearOf, type TitleDetails } from "../lib/titles.ts";
import type { MediaType } from "../lib/tmdb.ts";
import { customId, intArg, numArg, staleComponent, type BotContext, type Command } from "./types.ts";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
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
  if (undoId) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Undo", custom_id: customId("watch", "undo", undoId) });
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function shareButton(mediaType: MediaType, tmdbId: number, what: "finished" | "loved", label = "Share"): APIComponentInMessageActionRow {
  return { type: ComponentType.Button, style: ButtonStyle.Success, label, emoji: { name: "📣" }, custom_id: customId("watch", "share", mediaType, tmdbId, what) };
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
      custom_id: customId("watch", "status", mediaType, tmdbId, status),
      disabled: item?.progressStatus === status,
    })),
  };
  const inList = item?.inWatchlist ?? false;
  statusRow.components.push({
    type: ComponentType.Button,
    style: inList ? ButtonStyle.Danger : ButtonStyle.Primary,
    label: inList ? "Remove from watchlist" : "Add to watchlist",
    custom_id: customId("watch", inList ? "remove" : "add", mediaType, tmdbId),
  });
  const reactRow: Row = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId("watch", "react", mediaType, tmdbId),
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

function stateSummary(item: ItemView | null): string {
  if (item === null) return "Not on your list yet.";
  const parts = [
    item.progressStatus ? STATUS_LABEL[item.progressStatus] : null,
    item.progress !== undefined && item.progressStatus === "watching" ? `${Math.round(item.progress)}%` : null,
    item.reaction ? REACTION_LABEL[item.reaction] : null,
    item.inWatchlist ? "🔖 On your watchlist" : "Not on your watchlist",
  ].filter(Boolean);
  return parts.join(" · ");
}

export function infoCard(ctx: BotContext, title: TitleDetails, state: TitleState): APIEmbed {
  const fields = [{ name: "You", value: stateSummary(state.item), inline: false }];
  if (state.progress) {
    fields.push({ name: "Episodes", value: progressLine(state.progress), inline: false });
    fields.push({ name: "Up next", value: nextLine(state.progress), inline: false });
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

async function replyInfo(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, headline?: string, undoId?: string | null) {
  if (title.mediaType === "tv") await ctx.titles.ensureShowCached(title);
  const state = await ctx.backend.query(api.bot.getTitleState, { discordUserId: user.id, tmdbId: title.tmdbId, mediaType: title.mediaType });
  const controls = titleControls(title.mediaType, title.tmdbId, state.item);
  await respond.send({
    content: headline,
    embeds: [infoCard(ctx, title, state)],
    components: [...controls, ...undoRow(undoId ?? null, shareButtons(title.mediaType, title.tmdbId, state.item))],
  });
}

function listEmbed(ownerName: string | null, own: boolean, items: ItemView[], page: number, filters: string): APIEmbed {
  const lines = items.map((item, i) => {
    const n = (page - 1) * PAGE_SIZE + i + 1;
    const name = plain(item.title ?? `TMDB ${item.mediaType}/${item.tmdbId}`, 80);
    const bits = [
      item.mediaType === "tv" ? "TV" : "Movie",
      item.progressStatus ? STATUS_LABEL[item.progressStatus] : null,
      item.progressStatus === "watching" && item.progress !== undefined ? `${Math.round(item.progress)}%` : null,
      item.reaction ? REACTION_LABEL[item.reaction] : null,
    ].filter(Boolean);
    return `\`${String(n).padStart(2)}.\` **${name}** — ${bits.join(" · ")}`;
  });
  return {
    title: truncate(`${own ? "Your titles" : ownerName ? `${ownerName}'s titles` : "Their titles"}${filters ? ` · ${filters}` : ""}`, LIMITS.embedTitle),
    description:
      lines.length > 0
        ? lines.join("\n")
        : page > 1
          ? "No more titles."
          : own
            ? "Nothing here yet — add something with `/watch add`."
            : "They haven't tracked anything yet.",
    color: BRAND,
    footer: { text: `Page ${page} · newest first` },
  };
}

async function replyList(
  ctx: BotContext,
  respond: Responder,
  viewer: User,
  owner: { id: string; name: string | null },
  filter: { status?: string; type?: string },
  cursor: { before: number; creation: number } | undefined,
  page: number,
) {
  const result = await ctx.backend.query(api.bot.listTitles, {
    discordUserId: viewer.id,
    ownerDiscordUserId: owner.id === viewer.id ? undefined : owner.id,
    progressStatus: filter.status,
    mediaType: filter.type,
    cursor,
    pageSize: PAGE_SIZE,
  });
  const filters = [filter.status ? STATUS_LABEL[filter.status] : null, filter.type === "tv" ? "TV" : filter.type === "movie" ? "Movies" : null]
    .filter(Boolean)
    .join(", ");
  const buttons: APIComponentInMessageActionRow[] = [];
  const f = [owner.id, filter.status ?? "-", filter.type ?? "-"];
  if (page > 1) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "« First", custom_id: customId("watch", "page", ...f, 0, 0, 1) });
  if (result.next) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: "Next ›", custom_id: customId("watch", "page", ...f, result.next.before, result.next.creation, page + 1) });
  }
  await respond.send({
    embeds: [listEmbed(plainName(result.ownerName ?? owner.name), owner.id === viewer.id, result.items, page, filters)],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  });
}

/** One change to a title and the card that answers it: the slash command and its buttons both use these. */
const change = {
  async add(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await ctx.backend.mutation(api.bot.addToWatchlist, { ...refOf(user, title), ...ctx.titles.metadata(title) });
    const headline = result.already ? `${titleLine(title)} is already on your watchlist.` : `🔖 Added ${titleLine(title)} to your watchlist.`;
    await replyInfo(ctx, respond, user, title, headline, result.undoId);
  },
  async remove(ctx: BotContext, respond: Responder, user: User, title: TitleDetails) {
    const result = await ctx.backend.mutation(api.bot.removeFromWatchlist, refOf(user, title));
    const kept = result.item && (result.item.progressStatus !== "want-to-watch" || result.item.reaction) ? " Your progress and reaction are kept." : "";
    const headline = result.removed ? `Removed ${titleLine(title)} from your watchlist.${kept}` : `${titleLine(title)} wasn't on your watchlist — nothing changed.`;
    await replyInfo(ctx, respond, user, title, headline, result.undoId);
  },
  async status(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, status: string, progress?: number) {
    const result = await ctx.backend.mutation(api.bot.setStatus, { ...refOf(user, title), ...ctx.titles.metadata(title), progressStatus: status, progress });
    // What was stored, not what was typed: finished is always 100 %, want-to-watch 0 %.
    const stored = result.item.progressStatus === "watching" && result.item.progress !== undefined ? ` (${Math.round(result.item.progress)}%)` : "";
    await replyInfo(ctx, respond, user, title, `${STATUS_LABEL[status] ?? status} — ${titleLine(title)}${stored}`, result.undoId);
  },
  async react(ctx: BotContext, respond: Responder, user: User, title: TitleDetails, choice: string) {
    const result = await ctx.backend.mutation(api.bot.setReactionFor, { ...refOf(user, title), ...ctx.titles.metadata(title), reaction: choice === "clear" ? null : choice });
    await replyInfo(ctx, respond, user, title, reactionHeadline(choice, title, result.previous?.reaction), result.undoId);
  },
};

function refOf(user: User, title: TitleDetails) {
  return { ...actorOf(user), tmdbId: title.tmdbId, mediaType: title.mediaType };
}

/** The title a button is about, from its custom id arguments. */
async function titleFromArgs(ctx: BotContext, type: string | undefined, id: string | undefined): Promise<TitleDetails> {
  return await ctx.titles.details(intArg(id), mediaTypeArg(type));
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
        .addUserOption((o) => o.setName("user").setDescription("Someone else's list (if they share it)")),
    )
    .addSubcommand((s) =>
      s
        .setName("privacy")
        .setDescription("Choose whether others can see your list")
        .addBooleanOption((o) => o.setName("visible").setDescription("True: anyone in a server with you can see it").setRequired(true)),
    )
    .toJSON(),
  ephemeral: true,

  async execute(interaction, respond, ctx) {
    const sub = interaction.options.getSubcommand();
    const user = interaction.user;
    if (sub === "list") {
      const target = interaction.options.getUser("user") ?? user;
      if (target.bot) throw new UserError("Bots don't keep watchlists.");
      await replyList(
        ctx,
        respond,
        user,
        { id: target.id, name: target.username },
        { status: interaction.options.getString("status") ?? undefined, type: interaction.options.getString("type") ?? undefined },
        undefined,
        1,
      );
      return;
    }
    if (sub === "privacy") {
      const visible = interaction.options.getBoolean("visible", true);
      await ctx.backend.mutation(api.bot.setListVisibility, { ...actorOf(user), listPublic: visible });
      await respond.send({
        content: visible
          ? "👀 Your list is now visible: others can see it with `/watch list user:@you`."
          : "🔒 Your list is now private.",
      });
      return;
    }

    const type = (interaction.options.getString("type") ?? undefined) as MediaType | undefined;
    const title = await ctx.titles.resolve(interaction.options.getString("title", true), type);
    if (sub === "add") await change.add(ctx, respond, user, title);
    else if (sub === "remove") await change.remove(ctx, respond, user, title);
    else if (sub === "status") {
      const progress = interaction.options.getInteger("progress") ?? undefined;
      await change.status(ctx, respond, user, title, interaction.options.getString("status", true), progress);
    } else if (sub === "react") await change.react(ctx, respond, user, title, interaction.options.getString("reaction", true));
    else await replyInfo(ctx, respond, user, title);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused();
    const type = (interaction.options.getString("type") ?? undefined) as MediaType | undefined;
    if (focused.trim().length > 0) return await ctx.titles.suggest(focused, type);
    const page = await ctx.backend.query(api.bot.listTitles, { discordUserId: interaction.user.id, mediaType: type, pageSize: 25 });
    return page.items.map((item) => ({ name: choiceName(item.title ?? `TMDB ${item.tmdbId}`, yearOf(item.release_date), item.mediaType), value: `${item.mediaType}:${item.tmdbId}` }));
  },

  components: {
    async undo(interaction, respond, ctx, [undoId]) {
      const result = await ctx.backend.mutation(api.bot.undo, { discordUserId: interaction.user.id, undoId: undoId ?? "" });
      // Back to the title's card, showing the state the undo restored.
      const title = await ctx.titles.details(result.tmdbId, mediaTypeArg(result.mediaType));
      await replyInfo(ctx, respond, interaction.user, title, `↩️ Undone: ${plain(result.description, 300)}.`);
    },
    async status(interaction, respond, ctx, [type, id, status]) {
      await change.status(ctx, respond, interaction.user, await titleFromArgs(ctx, type, id), status ?? "");
    },
    async react(interaction, respond, ctx, [type, id]) {
      const choice = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      if (choice === undefined) throw staleComponent();
      await change.react(ctx, respond, interaction.user, await titleFromArgs(ctx, type, id), choice);
    },
    async add(interaction, respond, ctx, [type, id]) {
      await change.add(ctx, respond, interaction.user, await titleFromArgs(ctx, type, id));
    },
    async remove(interaction, respond, ctx, [type, id]) {
      await change.remove(ctx, respond, interaction.user, await titleFromArgs(ctx, type, id));
    },
    /** watch:share:<type>:<id>:<finished|loved> — posts to the channel, after checking it is true. */
    async share(interaction, respond, ctx, [type, id, what]) {
      const title = await titleFromArgs(ctx, type, id);
      const state = await ctx.backend.query(api.bot.getTitleState, { discordUserId: interaction.user.id, tmdbId: title.tmdbId, mediaType: title.mediaType });
      const name = `**${plain(interaction.user.displayName, 80)}**`;
      let text: string;
      if (what === "finished" && state.item?.progressStatus === "finished") {
        text = `🎉 ${name} finished ${titleLine(title)}!`;
      } else if (what === "loved" && state.item?.reaction === "loved") {
        text = `❤️ ${name} loved ${titleLine(title)}.`;
      } else {
        throw new UserError("That's no longer true, so there's nothing to share.");
      }
      const embed = infoCard(ctx, title, { ...state, item: null, progress: null, jobRunning: false });
      // Confirm on the private card (which also retires its Share button), then post publicly.
      await respond.send({ content: "📣 Shared with the channel.", embeds: [], components: [] });
      await respond.sendNew({ content: text, embeds: [{ ...embed, fields: [] }], ephemeral: false });
    },
    /** watch:page:<owner>:<status|->:<type|->:<before>:<creation>:<page> — a keyset cursor, so it survives restarts. */
    async page(interaction, respond, ctx, [owner, status, type, before, creation, page]) {
      const pageNo = intArg(page);
      const cursor = pageNo > 1 ? { before: numArg(before), creation: numArg(creation) } : undefined;
      await replyList(
        ctx,
        respond,
        interaction.user,
        { id: owner ?? interaction.user.id, name: null },
        { status: status === "-" ? undefined : status, type: type === "-" ? undefined : type },
        cursor,
        pageNo,
      );
    },
  },
} satisfies Command;
