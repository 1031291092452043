import { time, TimestampStyles } from "@discordjs/formatters";
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
  reactionLabel,
  REACTION_NAME,
  STATUS_NAME,
  statusLabel,
  type MediaType,
  type ProgressStatus,
  type Reaction,
} from "./vocabulary.ts";

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

/** What changed, said at the top of the title card that answers a change. */
export const titleHeadline = {
  added: (title: TitleFacts, already: boolean) =>
    already ? `${titleLine(title)} is already on your watchlist.` : `🔖 Added ${titleLine(title)} to your watchlist.`,
  removed: (title: TitleFacts, removed: boolean, keptSomething: boolean) =>
    removed
      ? `Removed ${titleLine(title)} from your watchlist.${keptSomething ? " Your progress and reaction are kept." : ""}`
      : `${titleLine(title)} wasn't on your watchlist — nothing changed.`,
  /** `watchingProgress`: what was stored for a title being watched, not what was typed (finished is always 100 %). */
  status: (title: TitleFacts, status: ProgressStatus, watchingProgress: number | undefined, changed = true) =>
    changed
      ? `${statusLabel(status)} — ${titleLine(title)}${watchingProgress !== undefined ? ` (${Math.round(watchingProgress)}%)` : ""}`
      : `Nothing changed — ${titleLine(title)} was already set to ${STATUS_NAME[status]}.`,
  reaction: (title: TitleFacts, choice: Reaction | "clear", previous: Reaction | undefined) => {
    if (choice !== "clear" && choice === previous)
      return `Nothing changed — your reaction to ${titleLine(title)} was already ${REACTION_NAME[choice]}.`;
    if (choice !== "clear") return `${reactionLabel(choice)} — ${titleLine(title)}`;
    return previous === undefined
      ? `You hadn't reacted to ${titleLine(title)} — nothing changed.`
      : `Cleared your reaction to ${titleLine(title)}.`;
  },
  /** `undone` is Convex's account of what the undo left ("S1E3 of Breaking Bad is watched again"). */
  undone: (undone: string) => `↩️ Undone — ${plain(undone, 300)}.`,
};

/** Why a share was not posted, and when it could be (a timestamp each reader sees in their own zone). */
export function shareRefusal(
  refusal: { reason: "not_true" } | { reason: "repeat"; retryAt: number } | { reason: "channel_busy"; retryAt: number; cap: number },
  title: TitleFacts,
): string {
  if (refusal.reason === "not_true") return "That's no longer true, so there's nothing to share.";
  const when = time(new Date(refusal.retryAt), TimestampStyles.RelativeTime);
  if (refusal.reason === "repeat")
    return `You already shared ${titleLine(title)} in this channel today — you can share it here again ${when}.`;
  return `This channel has had ${refusal.cap} shares in the last hour, the most I post — try again ${when}.`;
}

/** "**Inception** (2010)" */
export function titleLine(title: Pick<TitleFacts, "title" | "year">): string {
  return `**${plain(title.title, 200)}**${title.year ? ` (${title.year})` : ""}`;
}

/**
 * Status and watchlist membership on separate lines, each saying what it is: a show can be
 * "Watching" (from marked episodes) without being on the watchlist, and that must read plainly.
 */
export function stateSummary(item: TrackedItem | null, episodesShown = false): string {
  if (item === null) return "Status: not tracked yet\nWatchlist: not on it — `/watch add` puts it there";
  // A show's card counts its episodes below; the stored percentage (the web app's player
  // writes it, and its episode toggles don't) would only contradict that count.
  const percent = item.progress !== undefined && item.progressStatus === "watching" && !episodesShown;
  const status = item.progressStatus ? `${statusLabel(item.progressStatus)}${percent ? ` (${Math.round(item.progress!)}%)` : ""}` : "none";
  const lines = [
    `Status: ${status}`,
    item.inWatchlist ? "Watchlist: 📌 on your watchlist" : "Watchlist: not on it — `/watch add` puts it there",
  ];
  if (item.reaction) lines.push(`Reaction: ${reactionLabel(item.reaction)}`);
  return lines.join("\n");
}

/** The title's embed: facts, overview, poster, and — when `state` says — where the person is with it. */
export function titleEmbed(title: TitleFacts, state: TitleState | null): APIEmbed {
  const fields: { name: string; value: string; inline: boolean }[] = [];
  if (state !== null) {
    fields.push({ name: "You", value: stateSummary(state.item, state.progress !== null), inline: false });
    if (state.progress) {
      fields.push({ name: "Episodes", value: progressLine(state.progress), inline: false });
      if (showsUpNext(state.item?.progressStatus, state.progress))
        fields.push({ name: "Up next", value: nextLine(state.progress), inline: false });
    }
    if (state.jobRunning) fields.push({ name: "⏳", value: "A large episode change is still being applied.", inline: false });
  }
  const facts = [
    title.mediaType === "tv" ? "TV" : "Movie",
    title.year ? String(title.year) : null,
    title.rating !== undefined ? `★ ${title.rating.toFixed(1)}` : null,
    title.genres && title.genres.length > 0 ? plain(title.genres.slice(0, 3).join(", "), 100) : null,
  ].filter(Boolean);
  return {
    title: plain(title.title, LIMITS.embedTitle),
    description: truncate(`${facts.join(" · ")}\n\n${plain(title.overview ?? "No overview on TMDB.", 1500)}`, LIMITS.embedDescription),
    color: BRAND,
    ...(title.posterUrl ? { thumbnail: { url: title.posterUrl } } : {}),
    fields,
    footer: { text: `TMDB ${title.mediaType}/${title.tmdbId}` },
  };
}

/** Status buttons and watchlist membership, then a reaction menu: the obvious next steps on a title. */
function titleControls(title: TitleFacts, item: TrackedItem | null): Row[] {
  const { mediaType, tmdbId } = title;
  const inList = item?.inWatchlist ?? false;
  // Dropped is a TV status, as on the web app; a movie is simply not finished.
  const offered = SETTABLE_STATUSES.filter((status) => status !== "dropped" || mediaType === "tv" || item?.progressStatus === "dropped");
  const statusButtons = offered.map((status) =>
    button({
      customId: statusButton.encode({ mediaType, tmdbId, status }),
      label: STATUS_NAME[status],
      style: item?.progressStatus === status ? ButtonStyle.Success : ButtonStyle.Secondary,
      disabled: item?.progressStatus === status,
    }),
  );
  const membership = button({
    customId: (inList ? removeButton : addButton).encode({ mediaType, tmdbId }),
    label: inList ? "Remove from watchlist" : "Add to watchlist",
    style: inList ? ButtonStyle.Danger : ButtonStyle.Primary,
  });
  const menu = stringSelect({
    customId: reactionSelect.encode({ mediaType, tmdbId }),
    placeholder: item?.reaction ? `Your reaction: ${reactionLabel(item.reaction)}` : "React…",
    options: [
      ...REACTIONS.map((r) => ({ label: reactionLabel(r), value: reactionSelect.value.encode(r), default: item?.reaction === r })),
      { label: "Clear reaction", value: reactionSelect.value.encode("clear") },
    ],
  });
  return rows(...statusButtons, membership, menu);
}

function share(title: TitleFacts, what: "finished" | "loved", label = "Share"): APIComponentInMessageActionRow {
  return button({
    customId: shareButton.encode({ mediaType: title.mediaType, tmdbId: title.tmdbId, what }),
    label,
    style: ButtonStyle.Success,
    emoji: { name: "📣" },
  });
}

/** Suggest for movie night: puts the title on the server's list. */
function suggestButton(title: TitleFacts): APIComponentInMessageActionRow {
  return button({
    customId: serverListSuggestButton.encode({ mediaType: title.mediaType, tmdbId: title.tmdbId }),
    label: "Suggest for movie night",
    emoji: { name: "🍿" },
  });
}

/** Share buttons for what is worth telling the channel: a finished title, a loved one, or both. */
function shareButtons(title: TitleFacts, item: TrackedItem | null): APIComponentInMessageActionRow[] {
  const finished = item?.progressStatus === "finished";
  const loved = item?.reaction === "loved";
  if (finished && loved) return [share(title, "finished", "Share finished"), share(title, "loved", "Share loved")];
  if (finished) return [share(title, "finished")];
  if (loved) return [share(title, "loved")];
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
}): MessageView {
  const { title, state } = args;
  const undo = args.undoId ? button({ customId: undoButton.encode({ undoId: args.undoId }), label: "Undo" }) : null;
  // A show's card names the next episode: the button marks it, as on the episode card.
  const next = title.mediaType === "tv" && showsUpNext(state.item?.progressStatus, state.progress) ? state.progress.next : null;
  const markNextId = next ? markEpisodeButton.tryEncode({ tmdbId: title.tmdbId, season: next.season, episode: next.episode }) : null;
  const markNext =
    next && markNextId
      ? button({ customId: markNextId, label: `Mark ${episodeCode(next.season, next.episode)}`, style: ButtonStyle.Primary })
      : null;
  return message({
    // Always set: a card that replaces a "Did you mean …?" prompt must not keep its question.
    content: args.headline ?? "",
    embeds: [titleEmbed(title, state)],
    components: [
      ...titleControls(title, state.item),
      ...rows(markNext, ...(args.shareable ? shareButtons(title, state.item) : []), args.suggestable ? suggestButton(title) : null, undo),
    ],
  });
}

/** What a Share button posts in the channel, for everyone: who finished or loved what, and the title. */
export function shareMessage(args: { who: string; what: "finished" | "loved"; title: TitleFacts }): MessageView {
  const name = `**${plain(args.who, 80)}**`;
  const content = args.what === "finished" ? `🎉 ${name} finished ${titleLine(args.title)}!` : `❤️ ${name} loved ${titleLine(args.title)}.`;
  return message({ content, embeds: [titleEmbed(args.title, null)] });
}

/** A short private answer with nothing else on it (it replaces the card it answers). */
export function notice(content: string): MessageView {
  return message({ content, embeds: [], components: [] });
}
