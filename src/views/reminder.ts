import type { APIEmbed } from "discord-api-types/v10";
import { english, type Translator } from "../i18n/index.ts";
import { reminderMarkButton, reminderSettingsButton, reminderSnoozeButton, reminderStopButton } from "./component-ids.ts";
import { button, ButtonStyle, rows, type Row } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { episodeLine, progressLine, type EpisodeRef } from "./progress.ts";
import { episodeCode, plain, truncate } from "./text.ts";
import { BRAND } from "./vocabulary.ts";

/** Shows with their own buttons in one DM: a row each, and a row for Settings (Discord allows five). */
export const REMINDER_SHOWS_WITH_BUTTONS = 4;

/** A show someone has stalled on, and the episode they are up to. */
export interface StalledShow {
  tmdbId: number;
  title: string;
  posterUrl?: string;
  next: EpisodeRef;
  watched: number;
  total: number;
  percent: number;
  /** Days since they last marked anything of it. */
  idleDays: number;
}

function stalledEmbed(show: StalledShow, t: Translator): APIEmbed {
  const left = Math.max(0, show.total - show.watched);
  return {
    title: truncate(`📺 ${plain(show.title, 200)}`, LIMITS.embedTitle),
    description: [
      t("reminders.dm.upNext", { episode: episodeLine(show.next) }),
      t("reminders.dm.left", {
        left,
        idle: show.idleDays < 1 ? "today" : show.idleDays === 1 ? "yesterday" : "days",
        days: show.idleDays,
      }),
      progressLine({ ...show, next: show.next }, t),
    ].join("\n"),
    color: BRAND,
    ...(show.posterUrl ? { thumbnail: { url: show.posterUrl } } : {}),
  };
}

function showRow(show: StalledShow, t: Translator): Row[] {
  return rows(
    button({
      customId: reminderMarkButton.encode({ tmdbId: show.tmdbId, season: show.next.season, episode: show.next.episode }),
      label: t("reminders.button.markShow", { code: episodeCode(show.next.season, show.next.episode), title: show.title }),
      style: ButtonStyle.Success,
    }),
    button({ customId: reminderSnoozeButton.encode({ tmdbId: show.tmdbId }), label: t("reminders.button.snooze") }),
    button({ customId: reminderStopButton.encode({ tmdbId: show.tmdbId }), label: t("reminders.button.stopShow") }),
  );
}

/**
 * One DM for the shows someone has stalled on: each with its next episode,
 * what is left and a progress bar, and Mark watched / Snooze a week / Stop
 * buttons; Settings beneath. The first reminder says how to stop them all.
 */
export function reminderDm(args: { shows: StalledShow[]; first: boolean }, t: Translator = english): MessageView {
  const withButtons = args.shows.slice(0, REMINDER_SHOWS_WITH_BUTTONS);
  const rest = args.shows.slice(REMINDER_SHOWS_WITH_BUTTONS);
  const intro = args.shows.length === 1 ? t("reminders.dm.one") : t("reminders.dm.many", { count: args.shows.length });
  const lines = [intro];
  if (rest.length > 0)
    lines.push(
      t("reminders.dm.also", {
        shows: rest.map((s) => `${plain(s.title, 60)} (${episodeCode(s.next.season, s.next.episode)})`).join(", "),
      }),
    );
  if (args.first) lines.push(t("reminders.dm.first"));
  return message({
    content: lines.join("\n"),
    embeds: withButtons.map((show) => stalledEmbed(show, t)),
    components: [
      ...withButtons.flatMap((show) => showRow(show, t)),
      ...rows(button({ customId: reminderSettingsButton.encode({}), label: t("reminders.button.settings"), emoji: { name: "⚙️" } })),
    ],
  });
}

/** "S3E5 of X is out", for someone caught up on the show. The first DM someone gets says how to stop them. */
export function newEpisodeDm(
  args: {
    tmdbId: number;
    title: string;
    posterUrl?: string;
    episode: EpisodeRef;
    first?: boolean;
  },
  t: Translator = english,
): MessageView {
  const code = episodeCode(args.episode.season, args.episode.episode);
  const lines = [t("reminders.dm.newEpisode", { code, title: plain(args.title, 150) })];
  if (args.first === true) lines.push(t("reminders.dm.newFirst"));
  return message({
    content: lines.join("\n"),
    embeds: [
      {
        title: truncate(plain(args.title, 200), LIMITS.embedTitle),
        description: episodeLine(args.episode),
        color: BRAND,
        ...(args.posterUrl ? { thumbnail: { url: args.posterUrl } } : {}),
      },
    ],
    components: rows(
      button({
        customId: reminderMarkButton.encode({ tmdbId: args.tmdbId, ...args.episode }),
        label: t("reminders.button.mark", { code }),
        style: ButtonStyle.Success,
      }),
      button({ customId: reminderStopButton.encode({ tmdbId: args.tmdbId }), label: t("reminders.button.stop") }),
    ),
  });
}
