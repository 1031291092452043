import type { APIComponentInMessageActionRow, APIEmbed } from "discord-api-types/v10";
import { addButton, reactionSelect, removeButton, shareButton, statusButton, undoButton } from "./component-ids.ts";
import { button, ButtonStyle, rows, stringSelect, type Row } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { nextLine, progressLine, showsUpNext, type ShowProgress } from "./progress.ts";
import { plain, truncate } from "./text.ts";
import {
  BRAND,
  PROGRESS_STATUSES,
  REACTIONS,
  reactionLabel,
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

/** "**Inception** (2010)" */
export function titleLine(title: Pick<TitleFacts, "title" | "year">): string {
  return `**${plain(title.title, 200)}**${title.year ? ` (${title.year})` : ""}`;
}

/**
 * Status and watchlist membership on separate lines, each saying what it is: a show can be
 * "Watching" (from marked episodes) without being on the watchlist, and that must read plainly.
 */
export function stateSummary(item: TrackedItem | null): string {
  if (item === null) return "Status: not tracked yet\nWatchlist: not on it — `/watch add` puts it there";
  const status = item.progressStatus
    ? `${statusLabel(item.progressStatus)}${item.progress !== undefined && item.progressStatus === "watching" ? ` (${Math.round(item.progress)}%)` : ""}`
    : "none";
  const lines = [`Status: ${status}`, item.inWatchlist ? "Watchlist: 🔖 on your watchlist" : "Watchlist: not on it — `/watch add` puts it there"];
  if (item.reaction) lines.push(`Reaction: ${reactionLabel(item.reaction)}`);
  return lines.join("\n");
}

/** The title's embed: facts, overview, poster, and — when `state` says — where the person is with it. */
export function titleEmbed(title: TitleFacts, state: TitleState | null): APIEmbed {
  const fields: { name: string; value: string; inline: boolean }[] = [];
  if (state !== null) {
    fields.push({ name: "You", value: stateSummary(state.item), inline: false });
    if (state.progress) {
      fields.push({ name: "Episodes", value: progressLine(state.progress), inline: false });
      if (showsUpNext(state.item?.progressStatus, state.progress)) fields.push({ name: "Up next", value: nextLine(state.progress), inline: false });
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
  const statusButtons = PROGRESS_STATUSES.map((status) =>
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
export function titleCard(args: { title: TitleFacts; state: TitleState; headline?: string; undoId?: string | null; shareable: boolean }): MessageView {
  const { title, state } = args;
  const undo = args.undoId ? button({ customId: undoButton.encode({ undoId: args.undoId }), label: "Undo" }) : null;
  return message({
    ...(args.headline !== undefined ? { content: args.headline } : {}),
    embeds: [titleEmbed(title, state)],
    components: [...titleControls(title, state.item), ...rows(...(args.shareable ? shareButtons(title, state.item) : []), undo)],
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
