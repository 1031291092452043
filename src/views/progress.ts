import { count, episodeCode, plain, progressBar } from "./text.ts";
import type { ProgressStatus } from "./vocabulary.ts";

/** An episode of a show, with its name when known. */
export interface EpisodeRef {
  season: number;
  episode: number;
  name?: string;
}

/** Where someone is in a show, as Convex computes it from their watched episodes. */
export interface ShowProgress {
  watched: number;
  total: number;
  percent: number;
  next: EpisodeRef | null;
  /** Episodes tracked on the web app are still being counted: what is shown is a lower bound. */
  counting?: boolean;
}

/** "▰▰▰▰▱▱▱▱▱▱▱▱ 12/30 episodes · 40%" */
export function progressLine(progress: ShowProgress): string {
  const fraction = progress.total === 0 ? 0 : progress.watched / progress.total;
  if (progress.counting) return `${progressBar(fraction, 12)} at least ${count(progress.watched)}/${count(progress.total)} episodes · still counting what you tracked on the web`;
  return `${progressBar(fraction, 12)} ${count(progress.watched)}/${count(progress.total)} episodes · ${progress.percent}%`;
}

/** "**S1E4** · The Name", or that there is nothing left. */
export function nextLine(progress: ShowProgress): string {
  if (progress.counting) return "Counting the episodes you tracked on the web — ask again in a moment.";
  if (progress.next === null) return progress.watched > 0 ? "Nothing left — all caught up! 🎉" : "—";
  return episodeLine(progress.next);
}

/** "**S1E4** · The Name" (the name inert and cut to fit). */
export function episodeLine(ref: EpisodeRef): string {
  const name = ref.name ? ` · ${plain(ref.name, 150)}` : "";
  return `**${episodeCode(ref.season, ref.episode)}**${name}`;
}

/** "Up next" means nothing for a title marked finished (perhaps by its owner, with no episodes marked). */
export function showsUpNext(status: ProgressStatus | undefined, progress: ShowProgress | null): progress is ShowProgress {
  return progress !== null && status !== "finished";
}
