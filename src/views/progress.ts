import { english, type Translator } from "../i18n/index.ts";
import { episodeCode, plain, progressBar } from "./text.ts";
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
  /** Nothing aired is left to watch: the next announced episode, and its air date (YYYY-MM-DD) when TMDB has one. */
  upcoming?: { season: number; episode: number; airDate?: string };
  /** Episodes tracked on the web app are still being counted: what is shown is a lower bound. */
  counting?: boolean;
}

/** "▰▰▰▰▱▱▱▱▱▱▱▱ 12/30 episodes · 40%" */
export function progressLine(progress: ShowProgress, t: Translator = english): string {
  if (progress.total === 0 && progress.upcoming !== undefined) return t("progress.notAired");
  const fraction = progress.total === 0 ? 0 : progress.watched / progress.total;
  const values = { bar: progressBar(fraction, 12), watched: progress.watched, total: progress.total };
  if (progress.counting) return t("progress.counting", values);
  return t("progress.line", { ...values, percent: progress.percent });
}

/** "**S1E4** · The Name", or that there is nothing left. */
export function nextLine(progress: ShowProgress, t: Translator = english): string {
  if (progress.counting) return t("progress.countingNext");
  if (progress.next === null) {
    if (progress.upcoming !== undefined) {
      const when = `**${episodeCode(progress.upcoming.season, progress.upcoming.episode)}** ${airsLine(progress.upcoming.airDate, t)}`;
      if (progress.total === 0) return t("progress.nothingAired", { when });
      return progress.watched >= progress.total ? t("progress.caughtUpUntil", { when }) : when;
    }
    return progress.watched > 0 ? t("progress.allCaughtUp") : "—";
  }
  return episodeLine(progress.next);
}

/** "airs <t:…:R>" for a TMDB air date (counted from 00:00 UTC that day), or that there is no date yet. */
export function airsLine(airDate: string | undefined, t: Translator = english): string {
  const ms = airDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(airDate) ? Date.parse(`${airDate}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms)) return t("progress.noAirDate");
  return t("progress.airs", { relative: `<t:${Math.floor(ms / 1000)}:R>` });
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
