// `/upcoming`: the next episodes of the shows someone follows, day by day in their zone, with
// Discord timestamps (each reader sees their own clock), the server's parties marked and a
// **Mark watched** button on the aired ones they are up to; and the calendar feed's private link.
import { english, type Translator } from "../i18n/index.ts";
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
import { episodeCode, plain, truncate } from "./text.ts";
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
/** Entries Convex lists at most (convex/upcoming/listing.ts LISTING_MAX): the note says how many. */
const LISTED_MAX = 300;
/** Mark watched buttons on one page: three rows, the fourth for paging. */
const MARK_BUTTONS = 15;

/**
 * "Thursday, January 8" · "Donnerstag, 8. Januar" · "1月8日木曜日" for a day Convex writes
 * "2026-01-08" (a calendar day in the person's zone: read as UTC so no zone shifts it), in the
 * reader's locale through Intl. Convex sends only the day; its wording is the reader's.
 */
export function dayLabel(day: string, t: Translator = english): string {
  const [y, m, d] = day.split("-").map(Number);
  return t.date(Date.UTC(y!, m! - 1, d!), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
}

function episodeText(e: UpcomingEpisode, t: Translator): string {
  const name = e.name ? ` · ${plain(e.name, 60)}` : "";
  const party = e.partyChannelId ? ` · ${t("upcoming.party", { channel: `<#${e.partyChannelId}>` })}` : "";
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

function emptyText(listing: UpcomingListing, days: number, t: Translator): string {
  if (listing.shows === 0) return t("upcoming.empty.noShows");
  const nothing = t("upcoming.empty.nothing", { days, shows: listing.shows });
  return days < 60 ? `${nothing} ${t("upcoming.empty.further")}` : nothing;
}

/** One page of `/upcoming episodes`, in the reader's language. */
export function upcomingView(listing: UpcomingListing, args: { days: number; page: number }, t: Translator = english): MessageView {
  const pages = pagesOf(listing);
  const count = Math.max(1, pages.length);
  const page = Math.min(Math.max(1, args.page), count);
  const lines: string[] = [];
  const marks: UpcomingEpisode[] = [];
  if (page === 1 && listing.outNow.length > 0) {
    lines.push(`**${t("upcoming.outNow")}**`);
    for (const e of listing.outNow) lines.push(`• ${episodeText(e, t)}`);
    marks.push(...listing.outNow);
  }
  let lastDay: string | null = null;
  for (const { day, item } of pages[page - 1] ?? []) {
    if (day !== lastDay) {
      if (lines.length > 0) lines.push("");
      lines.push(`**${dayLabel(day, t)}**`);
      lastDay = day;
    }
    lines.push(`• ${episodeText(item, t)} — ${item.aired ? t("upcoming.aired", { when: stamp(item.at) }) : stamp(item.at)}`);
    if (item.next) marks.push(item);
  }
  if (lines.length === 0) lines.push(emptyText(listing, args.days, t));
  const notes: string[] = [];
  if (listing.uncached > 0) notes.push(t("upcoming.uncached", { count: listing.uncached }));
  if (listing.truncated) notes.push(t("upcoming.truncated", { max: LISTED_MAX }));
  const footer = [
    listing.zoneKnown ? t("upcoming.footer.zone", { zone: listing.zone }) : t("upcoming.footer.utc"),
    t("upcoming.footer.source"),
    ...(count > 1 ? [t("upcoming.footer.page", { page, count })] : []),
  ].join(" · ");
  const seen = new Set<string>();
  const markButtons = marks
    .map((e) => ({ e, id: markEpisodeButton.encode({ tmdbId: e.tmdbId, season: e.season, episode: e.episode }) }))
    .filter(({ id }) => !seen.has(id) && seen.add(id))
    .slice(0, MARK_BUTTONS)
    .map(({ e, id }) =>
      button({
        customId: id,
        label: t("upcoming.button.mark", { episode: episodeCode(e.season, e.episode), title: e.title }),
        style: ButtonStyle.Success,
      }),
    );
  const nav =
    count > 1
      ? rows(
          button({
            customId: upcomingPageButton.encode({ days: args.days, page: Math.max(1, page - 1) }),
            label: t("upcoming.button.previous"),
            disabled: page === 1,
          }),
          button({
            customId: upcomingPageButton.encode({ days: args.days, page: Math.min(count, page + 1) }),
            label: t("upcoming.button.next"),
            disabled: page === count,
          }),
        )
      : [];
  return message({
    embeds: [
      {
        title: t("upcoming.title", { days: args.days }),
        description: truncate([...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n"), LIMITS.embedDescription),
        color: BRAND,
        footer: { text: footer },
      },
    ],
    components: [...rows(...markButtons).slice(0, LIMITS.actionRows - nav.length), ...nav],
  });
}

/** `/upcoming feed`: the private link, how to subscribe, and Reset link; `lead` is already in the reader's language. */
export function feedView(feed: { url: string; created: boolean }, lead?: string, t: Translator = english): MessageView {
  return message({
    content: [
      ...(lead ? [lead, ""] : []),
      t("upcoming.feed.lead"),
      "```",
      feed.url,
      "```",
      t("upcoming.feed.subscribe"),
      t("upcoming.feed.private"),
    ].join("\n"),
    components: rows(button({ customId: upcomingResetButton.encode({}), label: t("upcoming.button.reset"), style: ButtonStyle.Danger })),
  });
}

/** Reset link, asked first. */
export function feedResetQuestion(t: Translator = english): MessageView {
  return message({
    content: t("upcoming.reset.question"),
    components: rows(
      button({ customId: upcomingResetConfirmButton.encode({}), label: t("upcoming.button.reset"), style: ButtonStyle.Danger }),
      button({ customId: upcomingResetCancelButton.encode({}), label: t("upcoming.button.keep") }),
    ),
  });
}
