import { time, TimestampStyles } from "@discordjs/formatters";
import { english, type Translator } from "../i18n/index.ts";
import type { APIComponentInMessageActionRow, APIEmbed } from "discord-api-types/v10";
import {
  addButton,
  markEpisodeButton,
  reactionSelect,
  removeButton,
  serverListSuggestButton,
  shareButton,
  statusButton,
  undoButton,
} from "./component-ids.ts";
import { button, ButtonStyle, rows, stringSelect, type Row } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { nextLine, progressLine, showsUpNext, type ShowProgress } from "./progress.ts";
import { episodeCode, plain, truncate } from "./text.ts";
import {
  BRAND,
  SETTABLE_STATUSES,
  REACTIONS,
  REACTION_EMOJI,
  STATUS_EMOJI,
  type MediaType,
  type ProgressStatus,
  type Reaction,
} from "./vocabulary.ts";

/** "▶️ Watching", in the reader's language. */
export function translatedStatus(status: ProgressStatus, t: Translator = english): string {
  return `${STATUS_EMOJI[status]} ${t(`status.${status}`)}`;
}

/** "❤️ Loved", in the reader's language. */
export function translatedReaction(reaction: Reaction, t: Translator = english): string {
  return `${REACTION_EMOJI[reaction]} ${t(`reaction.${reaction}`)}`;
}

/** What TMDB (or the stored metadata) says about a title. */
export interface TitleFacts {
  tmdbId: number;
  mediaType: MediaType;
  title: string;
  year?: number;
  rating?: number;
  genres?: string[];
  overview?: string;
  /** A full image URL, already sized. */
  posterUrl?: string;
}

/** Someone's own state for a title. */
export interface TrackedItem {
  inWatchlist: boolean;
  progressStatus?: ProgressStatus;
  reaction?: Reaction;
  progress?: number;
}

/** Everything a title card shows about one person and one title. */
export interface TitleState {
  item: TrackedItem | null;
  progress: ShowProgress | null;
  jobRunning: boolean;
}

/** What changed, said at the top of the title card that answers a change (in the reader's language, `t`). */
export const titleHeadline = {
  added: (title: TitleFacts, already: boolean, t: Translator = english) =>
    t(already ? "watch.alreadyAdded" : "watch.added", { title: titleLine(title) }),
  removed: (title: TitleFacts, removed: boolean, keptSomething: boolean, t: Translator = english) =>
    removed
      ? t("watch.removed", { title: titleLine(title), kept: String(keptSomething) })
      : t("watch.notOnList", { title: titleLine(title) }),
  /** `watchingProgress`: what was stored for a title being watched, not what was typed (finished is always 100 %). */
  status: (title: TitleFacts, status: ProgressStatus, watchingProgress: number | undefined, changed = true, t: Translator = english) =>
    changed
      ? t("watch.statusSet", {
          status: translatedStatus(status, t),
          title: titleLine(title),
          progress: watchingProgress !== undefined ? String(Math.round(watchingProgress)) : "none",
        })
      : t("watch.statusUnchanged", { title: titleLine(title), status: t(`status.${status}`) }),
  reaction: (title: TitleFacts, choice: Reaction | "clear", previous: Reaction | undefined, t: Translator = english) => {
    if (choice !== "clear" && choice === previous)
      return t("watch.reactionUnchanged", { title: titleLine(title), reaction: t(`reaction.${choice}`) });
    if (choice !== "clear") return t("watch.reactionSet", { reaction: translatedReaction(choice, t), title: titleLine(title) });
    return t(previous === undefined ? "watch.notReacted" : "watch.reactionCleared", { title: titleLine(title) });
  },
  /** `undone` is Convex's account of what the undo left ("S1E3 of Breaking Bad is watched again"), in the reader's language. */
  undone: (undone: string, t: Translator = english) => t("episode.undone", { what: plain(undone, 300) }),
};

/** Why a share was not posted, and when it could be (a timestamp each reader sees in their own zone). */
export function shareRefusal(
  refusal: { reason: "not_true" } | { reason: "repeat"; retryAt: number } | { reason: "channel_busy"; retryAt: number; cap: number },
  title: TitleFacts,
  t: Translator = english,
): string {
  if (refusal.reason === "not_true") return t("watch.share.notTrue");
  const when = time(new Date(refusal.retryAt), TimestampStyles.RelativeTime);
  if (refusal.reason === "repeat") return t("watch.share.repeat", { title: titleLine(title), when });
  return t("watch.share.busy", { cap: refusal.cap, when });
}

/** "**Inception** (2010)" */
export function titleLine(title: Pick<TitleFacts, "title" | "year">): string {
  return `**${plain(title.title, 200)}**${title.year ? ` (${title.year})` : ""}`;
}

/**
 * Status and watchlist membership on separate lines, each saying what it is: a show can be
 * "Watching" (from marked episodes) without being on the watchlist, and that must read plainly.
 */
export function stateSummary(item: TrackedItem | null, episodesShown = false, t: Translator = english): string {
  if (item === null) return t("watch.state.untracked");
  // A show's card counts its episodes below; the stored percentage (the web app's player
  // writes it, and its episode toggles don't) would only contradict that count.
  const percent = item.progress !== undefined && item.progressStatus === "watching" && !episodesShown;
  const status = item.progressStatus
    ? `${translatedStatus(item.progressStatus, t)}${percent ? ` (${t.number(item.progress! / 100, { style: "percent" })})` : ""}`
    : t("watch.state.noStatus");
  const lines = [t("watch.state.status", { status }), t(item.inWatchlist ? "watch.state.onWatchlist" : "watch.state.offWatchlist")];
  if (item.reaction) lines.push(t("watch.state.reaction", { reaction: translatedReaction(item.reaction, t) }));
  return lines.join("\n");
}

/** The title's embed: facts, overview, poster, and — when `state` says — where the person is with it. */
export function titleEmbed(title: TitleFacts, state: TitleState | null, t: Translator = english): APIEmbed {
  const fields: { name: string; value: string; inline: boolean }[] = [];
  if (state !== null) {
    fields.push({ name: t("watch.field.you"), value: stateSummary(state.item, state.progress !== null, t), inline: false });
    if (state.progress) {
      fields.push({ name: t("watch.field.episodes"), value: progressLine(state.progress, t), inline: false });
      if (showsUpNext(state.item?.progressStatus, state.progress))
        fields.push({ name: t("episode.field.upNext"), value: nextLine(state.progress, t), inline: false });
    }
    if (state.jobRunning) fields.push({ name: "⏳", value: t("watch.jobRunning"), inline: false });
  }
  const facts = [
    t(title.mediaType === "tv" ? "media.tv" : "media.movie"),
    title.year ? String(title.year) : null,
    title.rating !== undefined ? `★ ${t.number(title.rating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}` : null,
    title.genres && title.genres.length > 0 ? plain(title.genres.slice(0, 3).join(", "), 100) : null,
  ].filter(Boolean);
  return {
    title: plain(title.title, LIMITS.embedTitle),
    description: truncate(`${facts.join(" · ")}\n\n${plain(title.overview ?? t("watch.noOverview"), 1500)}`, LIMITS.embedDescription),
    color: BRAND,
    ...(title.posterUrl ? { thumbnail: { url: title.posterUrl } } : {}),
    fields,
    footer: { text: `TMDB ${title.mediaType}/${title.tmdbId}` },
  };
}

/** Status buttons and watchlist membership, then a reaction menu: the obvious next steps on a title. */
function titleControls(title: TitleFacts, item: TrackedItem | null, t: Translator): Row[] {
  const { mediaType, tmdbId } = title;
  const inList = item?.inWatchlist ?? false;
  // Dropped is a TV status, as on the web app; a movie is simply not finished.
  const offered = SETTABLE_STATUSES.filter((status) => status !== "dropped" || mediaType === "tv" || item?.progressStatus === "dropped");
  const statusButtons = offered.map((status) =>
    button({
      customId: statusButton.encode({ mediaType, tmdbId, status }),
      label: t(`status.${status}`),
      style: item?.progressStatus === status ? ButtonStyle.Success : ButtonStyle.Secondary,
      disabled: item?.progressStatus === status,
    }),
  );
  const membership = button({
    customId: (inList ? removeButton : addButton).encode({ mediaType, tmdbId }),
    label: t(inList ? "watch.button.remove" : "watch.button.add"),
    style: inList ? ButtonStyle.Danger : ButtonStyle.Primary,
  });
  const menu = stringSelect({
    customId: reactionSelect.encode({ mediaType, tmdbId }),
    placeholder: item?.reaction
      ? t("watch.menu.yourReaction", { reaction: translatedReaction(item.reaction, t) })
      : t("watch.menu.placeholder"),
    options: [
      ...REACTIONS.map((r) => ({ label: translatedReaction(r, t), value: reactionSelect.value.encode(r), default: item?.reaction === r })),
      { label: t("watch.menu.clear"), value: reactionSelect.value.encode("clear") },
    ],
  });
  return rows(...statusButtons, membership, menu);
}

function share(title: TitleFacts, what: "finished" | "loved", label: string): APIComponentInMessageActionRow {
  return button({
    customId: shareButton.encode({ mediaType: title.mediaType, tmdbId: title.tmdbId, what }),
    label,
    style: ButtonStyle.Success,
    emoji: { name: "📣" },
  });
}

/** Suggest for movie night: puts the title on the server's list. */
function suggestButton(title: TitleFacts, t: Translator): APIComponentInMessageActionRow {
  return button({
    customId: serverListSuggestButton.encode({ mediaType: title.mediaType, tmdbId: title.tmdbId }),
    label: t("watch.button.suggest"),
    emoji: { name: "🍿" },
  });
}

/** Share buttons for what is worth telling the channel: a finished title, a loved one, or both. */
function shareButtons(title: TitleFacts, item: TrackedItem | null, t: Translator): APIComponentInMessageActionRow[] {
  const finished = item?.progressStatus === "finished";
  const loved = item?.reaction === "loved";
  if (finished && loved)
    return [share(title, "finished", t("watch.button.shareFinished")), share(title, "loved", t("watch.button.shareLoved"))];
  if (finished) return [share(title, "finished", t("episode.button.share"))];
  if (loved) return [share(title, "loved", t("episode.button.share"))];
  return [];
}

/**
 * A person's card for one title (`/watch info`, and the answer to every change
 * to it): an optional headline saying what changed, the title and where they
 * are with it, its controls, and Share (where there is a channel to share
 * with) and Undo when they apply.
 */
export function titleCard(args: {
  title: TitleFacts;
  state: TitleState;
  headline?: string;
  undoId?: string | null;
  shareable: boolean;
  /** In a server: offer Suggest for movie night (the server's list). */
  suggestable?: boolean;
  /** The reader's language (the card is the person's own). */
  t?: Translator;
}): MessageView {
  const { title, state } = args;
  const t = args.t ?? english;
  const undo = args.undoId ? button({ customId: undoButton.encode({ undoId: args.undoId }), label: t("episode.button.undo") }) : null;
  // A show's card names the next episode: the button marks it, as on the episode card.
  const next = title.mediaType === "tv" && showsUpNext(state.item?.progressStatus, state.progress) ? state.progress.next : null;
  const markNextId = next ? markEpisodeButton.tryEncode({ tmdbId: title.tmdbId, season: next.season, episode: next.episode }) : null;
  const markNext =
    next && markNextId
      ? button({
          customId: markNextId,
          label: t("episode.button.markNext", { episode: episodeCode(next.season, next.episode) }),
          style: ButtonStyle.Primary,
        })
      : null;
  return message({
    // Always set: a card that replaces a "Did you mean …?" prompt must not keep its question.
    content: args.headline ?? "",
    embeds: [titleEmbed(title, state, t)],
    components: [
      ...titleControls(title, state.item, t),
      ...rows(
        markNext,
        ...(args.shareable ? shareButtons(title, state.item, t) : []),
        args.suggestable ? suggestButton(title, t) : null,
        undo,
      ),
    ],
  });
}

/** What a Share button posts in the channel, for everyone (in the server's language, `t`): who finished or loved what, and the title. */
export function shareMessage(args: { who: string; what: "finished" | "loved"; title: TitleFacts; t?: Translator }): MessageView {
  const t = args.t ?? english;
  const values = { who: `**${plain(args.who, 80)}**`, title: titleLine(args.title) };
  const content = t(args.what === "finished" ? "watch.share.finished" : "watch.share.loved", values);
  return message({ content, embeds: [titleEmbed(args.title, null, t)] });
}

/** A short private answer with nothing else on it (it replaces the card it answers). */
export function notice(content: string): MessageView {
  return message({ content, embeds: [], components: [] });
}
