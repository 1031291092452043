import type { APIEmbed } from "discord-api-types/v10";
import { english, type Translator } from "../i18n/index.ts";
import { markEpisodeButton, shareButton, specialsButton, statusButton, undoButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { episodeLine, nextLine, progressLine, showsUpNext, type EpisodeRef, type ShowProgress } from "./progress.ts";
import { episodeCode, plain, truncate } from "./text.ts";
import { BRAND, STATUS_EMOJI, type ProgressStatus } from "./vocabulary.ts";

/** What an episode change did, as Convex reports it. */
export interface EpisodeOutcome {
  requested: number;
  changed: number;
  unchanged: number;
  statusBefore?: ProgressStatus;
  statusAfter?: ProgressStatus;
  progress: ShowProgress | null;
  undoId: string | null;
  /** Set while a large change is still being applied in chunks. */
  jobId: string | null;
}

/**
 * "Status: ▶️ Watching → **✅ Finished**", or null when it did not change. Unmarking everything
 * of a show the bot had given its status takes the status away too, and says so.
 */
export function statusChange(
  before: ProgressStatus | undefined,
  after: ProgressStatus | undefined,
  t: Translator = english,
): string | null {
  if (before === after) return null;
  const label = (status: ProgressStatus) => `${STATUS_EMOJI[status]} ${t(`status.${status}`)}`;
  return t("episode.statusChange", { before: before ? label(before) : "—", after: after ? label(after) : t("episode.notTracked") });
}

/** "✅ Marked 3 episodes, 1 was already watched." (`verb` is what `isWatched` says: kept for its callers' clarity.) */
export function countSentence(
  _verb: "marked" | "unmarked",
  changed: number,
  unchanged: number,
  isWatched: boolean,
  t: Translator = english,
): string {
  const values = { changed, unchanged, isWatched: String(isWatched) };
  return changed === 0 ? t("episode.nothingChanged", values) : t("episode.counted", values);
}

/** "✅ Watched **S1E3** · Lord Snow", or that it already was and nothing changed. */
export function episodeHeadline(ref: EpisodeRef, isWatched: boolean, changed: number, t: Translator = english): string {
  const values = { episode: episodeLine(ref), isWatched: String(isWatched) };
  return changed === 0 ? t("episode.alreadyOne", values) : t("episode.changedOne", values);
}

/** The show finished with this change (not before it): worth a Share button. */
export function justFinished(outcome: Pick<EpisodeOutcome, "statusBefore" | "statusAfter">): boolean {
  return outcome.statusAfter === "finished" && outcome.statusBefore !== "finished";
}

function episodeEmbed(
  args: {
    showTitle: string;
    posterUrl?: string;
    headline: string;
    outcome: EpisodeOutcome;
    jobProgress?: { applied: number } | null;
  },
  t: Translator,
): APIEmbed {
  const { outcome } = args;
  const lines = [args.headline];
  const change = statusChange(outcome.statusBefore, outcome.statusAfter, t);
  if (change) lines.push(change);
  if (outcome.jobId) {
    const applied = args.jobProgress?.applied ?? outcome.changed + outcome.unchanged;
    lines.push(t("episode.stillApplying", { applied, requested: outcome.requested }));
  }
  const fields = outcome.progress ? [{ name: t("episode.field.progress"), value: progressLine(outcome.progress, t) }] : [];
  if (showsUpNext(outcome.statusAfter, outcome.progress))
    fields.push({ name: t("episode.field.upNext"), value: nextLine(outcome.progress, t) });
  return {
    title: plain(args.showTitle, LIMITS.embedTitle),
    description: truncate(lines.join("\n"), LIMITS.embedDescription),
    color: BRAND,
    ...(args.posterUrl ? { thumbnail: { url: args.posterUrl } } : {}),
    fields,
  };
}

/**
 * The answer to an episode change (`/ep`, `/mark`, "Mark S1E4"): what changed,
 * the status it moved, progress and what's next; then a button for the next
 * episode, Undo, Share when the show was just finished (where there is a
 * channel to share with), and — after `/mark show` — the specials it left out.
 */
export function episodeCard(args: {
  tmdbId: number;
  showTitle: string;
  posterUrl?: string;
  /** What happened, already written for people (see countSentence). */
  headline: string;
  outcome: EpisodeOutcome;
  jobProgress?: { applied: number } | null;
  shareable: boolean;
  /** Season 0, offered apart by `/mark show`. */
  specials?: { count: number; isWatched: boolean };
  /** Whether the change marked (not unmarked) episodes. */
  isWatched?: boolean;
  /**
   * Marked ahead (S1E5 with nothing before it in the season): a button offering the episodes before
   * it ("Mark E1–E4 too"), which marks nothing until clicked.
   */
  before?: { season: number; last: number; customId: string };
  /** The reader's language (the card is always the person's own, ephemeral). */
  t?: Translator;
}): MessageView {
  const { outcome, tmdbId, specials } = args;
  const t = args.t ?? english;
  const next = showsUpNext(outcome.statusAfter, outcome.progress) ? outcome.progress.next : null;
  // An episode no button can carry (beyond what /ep accepts) gets no button rather than a broken one.
  const markNext = next ? markEpisodeButton.tryEncode({ tmdbId, season: next.season, episode: next.episode }) : null;
  return message({
    embeds: [episodeEmbed(args, t)],
    components: rows(
      next && markNext
        ? button({
            customId: markNext,
            label: t("episode.button.markNext", { episode: episodeCode(next.season, next.episode) }),
            style: ButtonStyle.Primary,
          })
        : null,
      args.before
        ? button({
            customId: args.before.customId,
            label: t("episode.button.markBefore", { season: args.before.season, last: args.before.last }),
            emoji: { name: "⏮️" },
          })
        : null,
      outcome.undoId ? button({ customId: undoButton.encode({ undoId: outcome.undoId }), label: t("episode.button.undo") }) : null,
      justFinished(outcome) && args.shareable
        ? button({
            customId: shareButton.encode({ mediaType: "tv", tmdbId, what: "finished" }),
            label: t("episode.button.share"),
            style: ButtonStyle.Success,
            emoji: { name: "📣" },
          })
        : null,
      // Watching again a show set to Dropped: marking never moves a chosen status, so offer it.
      outcome.statusAfter === "dropped" &&
        args.isWatched !== false &&
        outcome.changed > 0 &&
        (outcome.progress?.watched ?? 0) > 0 &&
        outcome.progress?.next != null
        ? button({
            customId: statusButton.encode({ mediaType: "tv", tmdbId, status: "watching" }),
            label: t("episode.button.backToWatching"),
            emoji: { name: "▶️" },
          })
        : null,
      specials
        ? button({
            customId: specialsButton.encode({ tmdbId, isWatched: specials.isWatched }),
            label: t("episode.button.specials", { isWatched: String(specials.isWatched), count: specials.count }),
          })
        : null,
    ),
  });
}

/**
 * The episode card after Undo on one: what the undo left ("↩️ Undone — S1E3 of Breaking Bad is
 * watched again"), the show's progress and next episode, and no Undo of its own.
 */
export function undoneEpisodesCard(
  tmdbId: number,
  show: { title: string; image?: string },
  state: { item: { progressStatus?: ProgressStatus } | null; progress: ShowProgress | null },
  undone: string,
  statusBefore?: ProgressStatus,
  t: Translator = english,
): MessageView {
  const status = state.item?.progressStatus;
  return episodeCard({
    tmdbId,
    showTitle: show.title,
    ...(show.image ? { posterUrl: show.image } : {}),
    headline: t("episode.undone", { what: plain(undone, 300) }),
    outcome: {
      requested: 0,
      changed: 0,
      unchanged: 0,
      ...(statusBefore ? { statusBefore } : {}),
      ...(status ? { statusAfter: status } : {}),
      progress: state.progress,
      undoId: null,
      jobId: null,
    },
    shareable: false,
    t,
  });
}
