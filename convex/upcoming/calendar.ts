// The feed as iCalendar text (RFC 5545), written by ical-generator (no Node built-ins: it runs in
// Convex's default runtime, inside the HTTP action). UIDs come from what an event is — the show,
// season and episode; the session's id — so a calendar app updates an event when its time moves
// instead of adding another; SEQUENCE and DTSTAMP follow the last change. Its words are in the
// language the person last used the bot in (discord_accounts.locale), English before that.
import ical, { ICalCalendarMethod } from "ical-generator";
import { translator, type Translator } from "../../src/i18n";
import type { FeedData } from "./feed";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The domain part of every UID: the app's, so they never collide with another calendar's. */
const UID_DOMAIN = "film-fanatic.discord";

export function episodeUid(e: { tmdbId: number; season: number; episode: number }): string {
  return `tv-${e.tmdbId}-s${e.season}e${e.episode}@${UID_DOMAIN}`;
}

export function sessionUid(id: string): string {
  return `session-${id}@${UID_DOMAIN}`;
}

/** TMDB's "2026-01-08" in the reader's words ("January 8, 2026", "8. Januar 2026"); as given if it isn't a date. */
function airDate(day: string, t: Translator): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return day;
  return t.date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), { dateStyle: "long", timeZone: "UTC" });
}

/** SEQUENCE: minutes since 1970 of the last change, so it only ever grows (and fits in 32 bits until the year 6053). */
const sequenceOf = (changedAt: number) => Math.max(0, Math.floor(changedAt / 60_000));

/** The whole feed as text. Episodes are all-day events on their air date (TMDB gives no air time). */
export function calendarText(data: FeedData): string {
  const t = translator(data.locale);
  const calendar = ical({
    name: t("upcoming.ics.name"),
    description: t("upcoming.ics.description"),
    prodId: { company: "Film Fanatic", product: "Discord bot", language: t.catalogue.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps that honour it refresh hourly.
    ttl: 60 * 60,
  });
  for (const e of data.episodes) {
    const day = new Date(e.at);
    const code = `S${e.season}E${e.episode}`;
    calendar.createEvent({
      id: episodeUid(e),
      allDay: true,
      start: day,
      end: new Date(e.at + DAY_MS),
      summary: `${e.title} · ${code}${e.name ? ` · ${e.name}` : ""}`,
      description: t("upcoming.ics.episode", {
        code,
        title: e.title,
        date: airDate(e.airDate, t),
        tmdbId: String(e.tmdbId),
        season: String(e.season),
        episode: String(e.episode),
      }),
      url: `https://www.themoviedb.org/tv/${e.tmdbId}/season/${e.season}/episode/${e.episode}`,
      stamp: new Date(e.changedAt),
      lastModified: new Date(e.changedAt),
      sequence: sequenceOf(e.changedAt),
    });
  }
  for (const s of data.sessions) {
    calendar.createEvent({
      id: sessionUid(s.id),
      start: new Date(s.at),
      end: new Date(s.at + s.length * 60_000),
      summary: t("upcoming.ics.session", { movie: String(s.movie), label: s.label }),
      description: [
        t("upcoming.ics.sessionDescription", { weekly: String(s.weekly), answer: s.answer ?? "none" }),
        `https://discord.com/channels/${s.guildId}/${s.channelId}`,
      ].join("\n"),
      url: `https://discord.com/channels/${s.guildId}/${s.channelId}`,
      location: "Discord",
      stamp: new Date(s.changedAt),
      lastModified: new Date(s.changedAt),
      sequence: sequenceOf(s.changedAt),
    });
  }
  return calendar.toString();
}
