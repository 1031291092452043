import type { APIEmbed } from "discord-api-types/v10";
import { reminderMarkButton, reminderSettingsButton, reminderSnoozeButton, reminderStopButton } from "./component-ids.ts";
import { button, ButtonStyle, rows, type Row } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { episodeLine, progressLine, type EpisodeRef } from "./progress.ts";
import { episodeCode, plain, plural, truncate } from "./text.ts";
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

function stalledEmbed(show: StalledShow): APIEmbed {
  const left = Math.max(0, show.total - show.watched);
  return {
    title: truncate(`📺 ${plain(show.title, 200)}`, LIMITS.embedTitle),
    description: [
      `Up next: ${episodeLine(show.next)}`,
      `${plural(left, "episode")} left · last one ${show.idleDays < 1 ? "today" : show.idleDays === 1 ? "yesterday" : `${plural(show.idleDays, "day")} ago`}`,
      progressLine({ ...show, next: show.next }),
    ].join("\n"),
    color: BRAND,
    ...(show.posterUrl ? { thumbnail: { url: show.posterUrl } } : {}),
  };
}

function showRow(show: StalledShow): Row[] {
  return rows(
    button({
      customId: reminderMarkButton.encode({ tmdbId: show.tmdbId, season: show.next.season, episode: show.next.episode }),
      label: `Mark ${episodeCode(show.next.season, show.next.episode)} watched — ${show.title}`,
      style: ButtonStyle.Success,
    }),
    button({ customId: reminderSnoozeButton.encode({ tmdbId: show.tmdbId }), label: "Snooze a week" }),
    button({ customId: reminderStopButton.encode({ tmdbId: show.tmdbId }), label: "Stop for this show" }),
  );
}

/**
 * One DM for the shows someone has stalled on: each with its next episode,
 * what is left and a progress bar, and Mark watched / Snooze a week / Stop
 * buttons; Settings beneath. The first reminder says how to stop them all.
 */
export function reminderDm(args: { shows: StalledShow[]; first: boolean }): MessageView {
  const withButtons = args.shows.slice(0, REMINDER_SHOWS_WITH_BUTTONS);
  const rest = args.shows.slice(REMINDER_SHOWS_WITH_BUTTONS);
  const intro = args.shows.length === 1 ? "Picking up where you left off?" : `${args.shows.length} shows are waiting where you left them.`;
  const lines = [intro];
  if (rest.length > 0)
    lines.push(`Also waiting: ${rest.map((s) => `${plain(s.title, 60)} (${episodeCode(s.next.season, s.next.episode)})`).join(", ")}.`);
  if (args.first) lines.push(FIRST_DM_NOTE);
  return message({
    content: lines.join("\n"),
    embeds: withButtons.map(stalledEmbed),
    components: [
      ...withButtons.flatMap(showRow),
      ...rows(button({ customId: reminderSettingsButton.encode({}), label: "Settings", emoji: { name: "⚙️" } })),
    ],
  });
}

/** What the first DM of any kind says: what these are and how to stop them. */
export const FIRST_DM_NOTE = "I send at most one of these a day. `/remind off` stops them all; **Settings** changes how often and when.";

/** "S3E5 of X is out", for someone caught up on the show. The first DM someone gets says how to stop them. */
export function newEpisodeDm(args: {
  tmdbId: number;
  title: string;
  posterUrl?: string;
  episode: EpisodeRef;
  first?: boolean;
}): MessageView {
  const code = episodeCode(args.episode.season, args.episode.episode);
  const lines = [`🆕 ${code} of **${plain(args.title, 150)}** is out.`];
  if (args.first === true)
    lines.push(
      "I tell you when a show you're caught up on has a new episode, and remind you of shows you've paused. `/remind off` stops them all; `/remind show` stops one show.",
    );
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
        label: `Mark ${code} watched`,
        style: ButtonStyle.Success,
      }),
      button({ customId: reminderStopButton.encode({ tmdbId: args.tmdbId }), label: "Stop" }),
    ),
  });
}
