// `/upcoming`: the next episodes of the shows someone follows, day by day in their zone, with
// Discord timestamps (each reader sees their own clock), the server's parties marked and a
// **Mark watched** button on the aired ones they are up to; and the calendar feed's private link.
import {
  markEpisodeButton,
  upcomingPageButton,
  upcomingResetButton,
  upcomingResetCancelButton,
  upcomingResetConfirmButton,
} from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { episodeCode, plain, plural, truncate } from "./text.ts";
import { BRAND } from "./vocabulary.ts";

export interface UpcomingEpisode {
  tmdbId: number;
  title: string;
  season: number;
  episode: number;
  name?: string;
  partyChannelId?: string;
}

/** What Convex answers (api.bot.upcoming.episodes). */
export interface UpcomingListing {
  zone: string;
  zoneKnown: boolean;
  days: { day: string; items: (UpcomingEpisode & { at: number; aired: boolean; next: boolean })[] }[];
  outNow: UpcomingEpisode[];
  shows: number;
  uncached: number;
  truncated: boolean;
}

/** Episodes on one page: each line is about 150 characters, well inside an embed's 4,096. */
export const UPCOMING_PAGE_ITEMS = 15;
/** Mark watched buttons on one page: three rows, the fourth for paging. */
const MARK_BUTTONS = 15;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "Thursday 8 January" for a day written "2026-01-08" (a calendar day: no zone applies). Written
 * out rather than by Intl, whose locale data Convex's runtime (the HTTP door) may not have.
 */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function episodeText(e: UpcomingEpisode): string {
  const name = e.name ? ` · ${plain(e.name, 60)}` : "";
  const party = e.partyChannelId ? ` · 🍿 party in <#${e.partyChannelId}>` : "";
  return `**${plain(e.title, 80)}** ${episodeCode(e.season, e.episode)}${name}${party}`;
}

function stamp(at: number): string {
  const unix = Math.floor(at / 1000);
  return `<t:${unix}:F> (<t:${unix}:R>)`;
}

/** The pages the listing makes: day headings repeat on the page a day continues on. */
function pagesOf(listing: UpcomingListing) {
  const flat = listing.days.flatMap((d) => d.items.map((item) => ({ day: d.day, item })));
  const pages: (typeof flat)[] = [];
  for (let i = 0; i < flat.length; i += UPCOMING_PAGE_ITEMS) pages.push(flat.slice(i, i + UPCOMING_PAGE_ITEMS));
  return pages;
}

function emptyText(listing: UpcomingListing, days: number): string {
  if (listing.shows === 0)
    return "You don't follow any shows yet. Mark an episode with `/ep` (or set a show to watching with `/watch status`), and its next episodes show up here.";
  const longer = days < 60 ? " Look further ahead with `/upcoming episodes days:60`." : "";
  return `Nothing airs in the next ${plural(days, "day")} for the ${plural(listing.shows, "show")} you follow.${longer}`;
}

/** One page of `/upcoming episodes`. */
export function upcomingView(listing: UpcomingListing, args: { days: number; page: number }): MessageView {
  const pages = pagesOf(listing);
  const count = Math.max(1, pages.length);
  const page = Math.min(Math.max(1, args.page), count);
  const lines: string[] = [];
  const marks: UpcomingEpisode[] = [];
  if (page === 1 && listing.outNow.length > 0) {
    lines.push("**Out now — up next for you**");
    for (const e of listing.outNow) lines.push(`• ${episodeText(e)}`);
    marks.push(...listing.outNow);
  }
  let lastDay: string | null = null;
  for (const { day, item } of pages[page - 1] ?? []) {
    if (day !== lastDay) {
      if (lines.length > 0) lines.push("");
      lines.push(`**${dayLabel(day)}**`);
      lastDay = day;
    }
    lines.push(`• ${episodeText(item)} — ${item.aired ? "out " : ""}${stamp(item.at)}`);
    if (item.next) marks.push(item);
  }
  if (lines.length === 0) lines.push(emptyText(listing, args.days));
  const notes: string[] = [];
  if (listing.uncached > 0)
    notes.push(
      `${plural(listing.uncached, "show")} you follow ${listing.uncached === 1 ? "has" : "have"} no saved schedule yet — \`/watch info\` on it loads one.`,
    );
  if (listing.truncated) notes.push("Only the first 300 episodes are listed — ask for fewer days.");
  const footer = [
    listing.zoneKnown ? `Days in ${listing.zone}` : "Days in UTC — set your zone with /remind settings timezone:",
    "air dates from TMDB",
    ...(count > 1 ? [`page ${page} of ${count}`] : []),
  ].join(" · ");
  const seen = new Set<string>();
  const markButtons = marks
    .map((e) => ({ e, id: markEpisodeButton.encode({ tmdbId: e.tmdbId, season: e.season, episode: e.episode }) }))
    .filter(({ id }) => !seen.has(id) && seen.add(id))
    .slice(0, MARK_BUTTONS)
    .map(({ e, id }) =>
      button({ customId: id, label: `Mark ${episodeCode(e.season, e.episode)} watched · ${e.title}`, style: ButtonStyle.Success }),
    );
  const nav =
    count > 1
      ? rows(
          button({
            customId: upcomingPageButton.encode({ days: args.days, page: Math.max(1, page - 1) }),
            label: "◀ Previous",
            disabled: page === 1,
          }),
          button({
            customId: upcomingPageButton.encode({ days: args.days, page: Math.min(count, page + 1) }),
            label: "Next ▶",
            disabled: page === count,
          }),
        )
      : [];
  return message({
    embeds: [
      {
        title: `📅 Next ${plural(args.days, "day")}`,
        description: truncate([...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n"), LIMITS.embedDescription),
        color: BRAND,
        footer: { text: footer },
      },
    ],
    components: [...rows(...markButtons).slice(0, LIMITS.actionRows - nav.length), ...nav],
  });
}

/** `/upcoming feed`: the private link, how to subscribe, and Reset link. */
export function feedView(feed: { url: string; created: boolean }, lead?: string): MessageView {
  return message({
    content: [
      ...(lead ? [lead, ""] : []),
      "📅 **Your calendar feed** — new episodes of the shows you follow (next 60 days) and your watch parties' sessions:",
      "```",
      feed.url,
      "```",
      "Subscribe to it by URL: Google Calendar → *Other calendars* → *From URL*; Apple Calendar → *File* → *New Calendar Subscription*; Outlook → *Add calendar* → *Subscribe from web*. Calendar apps refresh it every few hours.",
      "🔒 Keep it private: anyone with the link can see what you watch and when your watch parties meet. **Reset link** makes a new one; the old one stops working at once.",
    ].join("\n"),
    components: rows(button({ customId: upcomingResetButton.encode({}), label: "Reset link", style: ButtonStyle.Danger })),
  });
}

/** Reset link, asked first. */
export function feedResetQuestion(): MessageView {
  return message({
    content:
      "Reset your calendar link? The current one stops working at once — calendars subscribed to it stop updating — and you get a new one to subscribe to.",
    components: rows(
      button({ customId: upcomingResetConfirmButton.encode({}), label: "Reset link", style: ButtonStyle.Danger }),
      button({ customId: upcomingResetCancelButton.encode({}), label: "Keep it" }),
    ),
  });
}
