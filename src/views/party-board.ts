import { time, TimestampStyles } from "@discordjs/formatters";
import type { APIEmbed } from "discord-api-types/v10";
import { partyJoinButton, partyThereButton, partyWatchedButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { rsvpSummary, type RsvpAnswer } from "./session.ts";
import type { EpisodeRef } from "./progress.ts";
import { count, episodeCode, oneLine, plain, plural, progressBar, truncate } from "./text.ts";
import { BRAND } from "./vocabulary.ts";

/** Members shown one line each; past this the board summarises (Discord's limits, and a readable channel). */
export const BOARD_MEMBER_LINES = 25;

/** One member as the board shows them: their own progress through the party's episodes. */
export interface BoardMember {
  /** Discord user id: only to highlight someone's own line, never shown or pinged. */
  discordUserId: string;
  displayName: string;
  /** Episodes of the party's show (or season) they have watched, and how many there are. */
  watched: number;
  total: number;
  /** The furthest episode they have watched, if any. */
  position: EpisodeRef | null;
}

export interface PartyBoardData {
  partyId: string;
  /** The party's own name, when the host gave one. */
  name?: string;
  show: { title: string; posterUrl?: string };
  /** The season the party watches, when it is one season. */
  season?: number;
  /** "" when nobody is in the party, so nobody hosts it. */
  hostName: string;
  members: BoardMember[];
  /** The next session, in milliseconds since the epoch. */
  nextSessionAt?: number | null;
  /** Answers to the next session's Going / Maybe / Can't (sessions), oldest first. */
  nextSessionRsvps?: Array<{ name: string; answer: RsvpAnswer }>;
  /**
   * Names of episodes the slowest member has reached, by "SxEy": only these are ever
   * named, so the board spoils nothing for anyone.
   */
  episodeNames?: Record<string, string>;
}

type Group = "finished" | "watching" | "not started";

function groupOf(m: BoardMember): Group {
  if (m.total > 0 && m.watched >= m.total) return "finished";
  return m.watched > 0 ? "watching" : "not started";
}

const GROUP_HEADING: Record<Group, string> = { finished: "✅ Finished", watching: "▶️ Watching", "not started": "⏳ Not started" };

/** Episodes in order, for comparing positions. */
const rank = (e: EpisodeRef | null) => (e === null ? -1 : e.season * 100_000 + e.episode);

function memberLine(m: BoardMember, highlight: string | undefined): string {
  const fraction = m.total === 0 ? 0 : m.watched / m.total;
  const at = m.position ? ` · ${episodeCode(m.position.season, m.position.episode)}` : "";
  const mine = m.discordUserId === highlight;
  const name = plain(m.displayName, 40);
  return `${mine ? "➤ " : ""}${progressBar(fraction, 10)} ${mine ? `__**${name}**__` : `**${name}**`}${at} · ${count(m.watched)}/${count(m.total)}`;
}

/**
 * Where the group is, without spoilers: the episode everyone has reached (named), and
 * the furthest anyone has reached as a count ("3 of 5 have reached S1E6"), never by name
 * unless everyone has reached it. "Reached", not "seen": a position is a member's furthest
 * mark, and someone who skipped ahead has not seen what they skipped.
 */
export function frontierLines(members: BoardMember[], episodeNames: Record<string, string> = {}): string[] {
  if (members.length === 0) return [];
  const byRank = [...members].sort((a, b) => rank(a.position) - rank(b.position));
  const slowest = byRank[0]!.position;
  const furthest = byRank[byRank.length - 1]!.position;
  const lines: string[] = [];
  const named = (e: EpisodeRef) => {
    const name = episodeNames[episodeCode(e.season, e.episode)];
    return `**${episodeCode(e.season, e.episode)}**${name ? ` · ${plain(name, 100)}` : ""}`;
  };
  if (slowest !== null) lines.push(`Everyone has reached ${named(slowest)}`);
  if (furthest !== null && rank(furthest) > rank(slowest)) {
    const seen = members.filter((m) => rank(m.position) >= rank(furthest)).length;
    lines.push(
      `Furthest: ${seen} of ${members.length} ${seen === 1 ? "has" : "have"} reached **${episodeCode(furthest.season, furthest.episode)}**`,
    );
  }
  return lines;
}

function boardEmbed(data: PartyBoardData, highlight: string | undefined): APIEmbed {
  const groups: Record<Group, BoardMember[]> = { finished: [], watching: [], "not started": [] };
  for (const m of data.members) groups[groupOf(m)].push(m);
  for (const list of Object.values(groups)) list.sort((a, b) => b.watched - a.watched || a.displayName.localeCompare(b.displayName));

  // The highlighted member always keeps their line, even in a crowd.
  let room = BOARD_MEMBER_LINES;
  const shown = new Set<BoardMember>();
  const me = data.members.find((m) => m.discordUserId === highlight);
  if (me) {
    shown.add(me);
    room--;
  }
  for (const group of ["finished", "watching", "not started"] as const) {
    for (const m of groups[group]) {
      if (room === 0) break;
      if (!shown.has(m)) {
        shown.add(m);
        room--;
      }
    }
  }

  const sections: string[] = [];
  const frontier = frontierLines(data.members, data.episodeNames);
  if (frontier.length > 0) sections.push(frontier.join("\n"));
  for (const group of ["finished", "watching", "not started"] as const) {
    const lines = groups[group].filter((m) => shown.has(m)).map((m) => memberLine(m, highlight));
    const hidden = groups[group].length - lines.length;
    if (lines.length === 0 && hidden === 0) continue;
    sections.push(
      [
        `**${GROUP_HEADING[group]}** (${groups[group].length})`,
        ...lines,
        ...(hidden > 0 ? [`…and ${plural(hidden, "more member")}`] : []),
      ].join("\n"),
    );
  }
  if (data.members.length === 0) {
    sections.push(
      data.hostName.trim() === ""
        ? "Everyone has left — press **Join** to pick it up: you'll host it. With nobody in it, it ends by itself after a week."
        : "Nobody has joined yet — press **Join**.",
    );
  }
  if (data.nextSessionAt) {
    const at = new Date(data.nextSessionAt);
    sections.push(
      `🗓️ Next session: ${time(at, TimestampStyles.LongDateShortTime)} (${time(at, TimestampStyles.RelativeTime)})${data.nextSessionRsvps ? `\n${rsvpSummary(data.nextSessionRsvps)}` : ""}`,
    );
  }

  const title = `${data.name ? `${plain(data.name, 80)} · ` : ""}${plain(data.show.title, 150)}${data.season !== undefined ? ` · Season ${data.season}` : ""}`;
  return {
    title: truncate(`📺 ${title}`, LIMITS.embedTitle),
    description: truncate(sections.join("\n\n"), LIMITS.embedDescription),
    color: BRAND,
    ...(data.show.posterUrl ? { thumbnail: { url: data.show.posterUrl } } : {}),
    footer: {
      text: truncate(
        data.hostName.trim() === ""
          ? "Nobody hosts it now: whoever joins next does"
          : `Hosted by ${oneLine(data.hostName)} · ${plural(data.members.length, "member")}`,
        LIMITS.footer,
      ),
    },
  };
}

/**
 * A party's live board, as Convex posts and edits it in the channel: the show,
 * one line per member with a progress bar and position (grouped finished /
 * watching / not started; past 25 members, summarised), the next session, and
 * Join and "We watched together" beneath. Spoiler-safe, and it pings nobody.
 */
export function partyBoard(data: PartyBoardData): MessageView {
  return message({
    embeds: [boardEmbed(data, undefined)],
    components: rows(
      button({ customId: partyJoinButton.encode({ partyId: data.partyId }), label: "Join", style: ButtonStyle.Primary }),
      button({ customId: partyWatchedButton.encode({ partyId: data.partyId }), label: "We watched together", emoji: { name: "🍿" } }),
    ),
  });
}

/** `/party status`: a private copy of the board with the asker's own line highlighted (and always shown). */
export function partyStatus(data: PartyBoardData, discordUserId: string): MessageView {
  return message({ embeds: [boardEmbed(data, discordUserId)], components: [] });
}

/** "We watched S1E5–E6 — were you there?": each member who clicks gets those episodes marked. */
export function watchedTogetherPrompt(args: { promptId: string; showTitle: string; what: string; expiresAt: number }): MessageView {
  const until = new Date(args.expiresAt);
  return message({
    content: `🍿 We watched ${args.what} of **${plain(args.showTitle, 150)}** — were you there? Click to mark ${/[–,]/.test(args.what) ? "them" : "it"} for yourself (until ${time(until, TimestampStyles.ShortDateTime)}).`,
    embeds: [],
    components: rows(
      button({ customId: partyThereButton.encode({ promptId: args.promptId }), label: "I was there", style: ButtonStyle.Success }),
    ),
  });
}

/** After Going or "I was there" from someone not yet in the party: that it took them in, or had no room. */
export function joinedNote(result: { joined: boolean; partyFull: boolean }): string {
  if (result.joined) return "\nYou've also joined the watch party, so its board shows how far you've got (`/party leave` to leave).";
  return result.partyFull ? "\nThe watch party itself is full, so you're not on its board." : "";
}
