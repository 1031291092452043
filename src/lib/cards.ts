import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from "discord.js";
import type { FunctionReturnType } from "convex/server";
import type { api } from "../../convex/_generated/api.js";
import { markEpisodeButton, shareButton, undoButton } from "../views/component-ids.ts";
import { episodeCode, LIMITS, plain, plural, progressBar, truncate } from "./text.ts";

export type MarkOutcome = FunctionReturnType<typeof api.bot.episodes.markAllFor>;
/** What a title card shows; every /watch write answers with it (see convex/lib/botReturns.ts). */
export type TitleState = FunctionReturnType<typeof api.bot.titles.cacheShowForCard>;
export type ShowProgress = NonNullable<TitleState["progress"]>;
export type ItemView = NonNullable<TitleState["item"]>;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export const BRAND = 0xe50914;
export const STATUS_LABEL: Record<string, string> = {
  "want-to-watch": "🔖 Want to watch",
  watching: "▶️ Watching",
  finished: "✅ Finished",
  // Set on the web app; the bot shows it but offers no button for it.
  dropped: "⏹️ Dropped",
};
export const REACTION_LABEL: Record<string, string> = {
  loved: "❤️ Loved",
  liked: "👍 Liked",
  mixed: "😐 Mixed",
  "not-for-me": "👎 Not for me",
};

export function progressLine(progress: ShowProgress): string {
  const fraction = progress.total === 0 ? 0 : progress.watched / progress.total;
  return `${progressBar(fraction, 12)} ${progress.watched.toLocaleString("en-US")}/${progress.total.toLocaleString("en-US")} episodes · ${progress.percent}%`;
}

export function nextLine(progress: ShowProgress): string {
  if (progress.next === null) return progress.watched > 0 ? "Nothing left — all caught up! 🎉" : "—";
  const name = progress.next.name ? ` · ${plain(progress.next.name, 150)}` : "";
  return `**${episodeCode(progress.next.season, progress.next.episode)}**${name}`;
}

export function statusChange(before: string | undefined, after: string | undefined): string | null {
  if (after === undefined || before === after) return null;
  return `Status: ${before ? STATUS_LABEL[before] ?? before : "—"} → **${STATUS_LABEL[after] ?? after}**`;
}

/** Sharing posts to a server channel, so it is offered only there (never in DMs or group DMs). */
export function canShare(interaction: { guildId: string | null }): boolean {
  return interaction.guildId !== null;
}

/** "Up next" means nothing for a title marked finished (perhaps by its owner, with no episodes marked). */
export function showsUpNext(status: string | undefined, progress: ShowProgress | null): progress is ShowProgress {
  return progress !== null && status !== "finished";
}

/** Buttons after an episode change: the next episode, undo, and sharing a finished show (where sharing is possible). */
export function episodeButtons(
  tmdbId: number,
  outcome: { progress: ShowProgress | null; undoId: string | null; statusAfter?: string },
  justFinished: boolean,
  shareable: boolean,
): Row[] {
  const buttons: APIComponentInMessageActionRow[] = [];
  const next = showsUpNext(outcome.statusAfter, outcome.progress) ? outcome.progress.next : null;
  if (next) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: `Mark ${episodeCode(next.season, next.episode)}`,
      custom_id: markEpisodeButton.encode({ tmdbId, season: next.season, episode: next.episode }),
    });
  }
  if (outcome.undoId) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Undo", custom_id: undoButton.encode({ undoId: outcome.undoId }) });
  }
  if (justFinished && shareable) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Success, label: "Share", emoji: { name: "📣" }, custom_id: shareButton.encode({ mediaType: "tv", tmdbId, what: "finished" }) });
  }
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

/** The reply to an episode change: what changed, progress, what's next. */
export function episodeCard(args: {
  showTitle: string;
  image?: string;
  headline: string;
  outcome: MarkOutcome;
  jobProgress?: { applied: number; total: number } | null;
}): APIEmbed {
  const { outcome } = args;
  const lines = [args.headline];
  const change = statusChange(outcome.statusBefore, outcome.statusAfter);
  if (change) lines.push(change);
  if (outcome.jobId) {
    const applied = args.jobProgress?.applied ?? outcome.changed + outcome.unchanged;
    lines.push(`⏳ Still applying: ${applied.toLocaleString("en-US")} of ${outcome.requested.toLocaleString("en-US")} episodes done. \`/watch info\` shows when it's finished.`);
  }
  const fields = outcome.progress ? [{ name: "Progress", value: progressLine(outcome.progress) }] : [];
  if (showsUpNext(outcome.statusAfter, outcome.progress)) fields.push({ name: "Up next", value: nextLine(outcome.progress) });
  return {
    title: plain(args.showTitle, LIMITS.embedTitle),
    description: truncate(lines.join("\n"), LIMITS.embedDescription),
    color: BRAND,
    thumbnail: args.image ? { url: args.image } : undefined,
    fields,
  };
}

export function countSentence(verb: "marked" | "unmarked", changed: number, unchanged: number, isWatched: boolean): string {
  const state = isWatched ? "watched" : "unwatched";
  if (changed === 0) {
    return `Nothing changed — ${unchanged === 1 ? "it was" : `all ${unchanged.toLocaleString("en-US")} were`} already ${state}.`;
  }
  const already = unchanged === 0 ? "" : `, ${plural(unchanged, "was", "were")} already ${isWatched ? "watched" : "unwatched"}`;
  return `${verb === "marked" ? "✅ Marked" : "↩️ Unmarked"} ${plural(changed, "episode")}${already}.`;
}

