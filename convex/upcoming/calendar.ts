// The feed as iCalendar text (RFC 5545), written by ical-generator (no Node built-ins: it runs in
// Convex's default runtime, inside the HTTP action). UIDs come from what an event is — the show,
// season and episode; the session's id — so a calendar app updates an event when its time moves
// instead of adding another; SEQUENCE and DTSTAMP follow the last change.
import ical, { ICalCalendarMethod } from "ical-generator";
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

/** SEQUENCE: minutes since 1970 of the last change, so it only ever grows (and fits in 32 bits until the year 6053). */
const sequenceOf = (changedAt: number) => Math.max(0, Math.floor(changedAt / 60_000));

const ANSWER: Record<"going" | "maybe" | "cant", string> = { going: "Going", maybe: "Maybe", cant: "Can't" };

/** The whole feed as text. Episodes are all-day events on their air date (TMDB gives no air time). */
export function calendarText(data: FeedData): string {
  const calendar = ical({
    name: "Film Fanatic — upcoming",
    description: "New episodes of the shows you follow, and your watch parties' sessions.",
    prodId: { company: "Film Fanatic", product: "Discord bot", language: "EN" },
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
      description: `${code} of ${e.title} airs on ${e.airDate} (TMDB's date). Mark it in Discord with /ep ${e.tmdbId} ${e.season} ${e.episode}.`,
      url: `https://www.themoviedb.org/tv/${e.tmdbId}/season/${e.season}/episode/${e.episode}`,
      stamp: new Date(e.changedAt),
      lastModified: new Date(e.changedAt),
      sequence: sequenceOf(e.changedAt),
    });
  }
  for (const s of data.sessions) {
    const answer = s.answer === undefined ? "You haven't answered yet" : `You said: ${ANSWER[s.answer]}`;
    calendar.createEvent({
      id: sessionUid(s.id),
      start: new Date(s.at),
      end: new Date(s.at + s.length * 60_000),
      summary: `🍿 ${s.movie ? "Movie night" : "Watch-along"}: ${s.label}`,
      description: [
        `A watch party session${s.weekly ? " (weekly)" : ""} on Discord. ${answer} — answer on its post in the party's channel.`,
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
