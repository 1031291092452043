import { time, TimestampStyles } from "@discordjs/formatters";
import type { APIEmbed } from "discord-api-types/v10";
import { partyJoinButton, partyReactButton, partyThereButton, partyWatchedButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { rsvpSummary, type RsvpAnswer } from "./session.ts";
import type { EpisodeRef } from "./progress.ts";
import { count, episodeCode, oneLine, plain, plural, progressBar, truncate } from "./text.ts";
import { BRAND, REACTION_EMOJI, REACTION_NAME, REACTIONS, type Reaction } from "./vocabulary.ts";

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
  /** A movie party's film (then `members` say 1/1 for those who have seen it, 0/1 for the rest). */
  movie?: MovieBoardData;
}

/** Where a film can be watched in one region, as TMDB lists it (from JustWatch). */
export interface WatchProviders {
  region: string;
  link?: string;
  stream: string[];
  rent: string[];
  buy: string[];
}

export interface MovieBoardData {
  year?: number;
  /** Minutes. */
  runtime?: number;
  providers?: WatchProviders;
  /** Members who have the film finished in their own tracking. */
  seen: number;
  /** How the latest night went, in counts only: never who chose what. */
  night?: { at: number; there: number; reactions: Record<Reaction, number> };
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
  if (data.movie !== undefined) return movieEmbed(data, data.movie, highlight);
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

/** "2h 19m", "45m". */
export function runtimeText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** "Stream: Netflix, Hulu · Rent: Apple TV", or null when TMDB lists nowhere. */
export function providersLine(providers: WatchProviders | undefined): string | null {
  if (providers === undefined) return null;
  const parts = (
    [
      ["Stream", providers.stream],
      ["Rent", providers.rent],
      ["Buy", providers.buy],
    ] as const
  )
    .filter(([, names]) => names.length > 0)
    .map(([kind, names]) => `${kind}: ${names.map((n) => plain(n, 40)).join(", ")}`);
  return parts.length === 0 ? null : parts.join(" · ");
}

/** "🍿 How the night went: 2 were there · ❤️ 1 Loved · 👍 1 Liked": counts only. */
export function nightLine(night: NonNullable<MovieBoardData["night"]>): string {
  const reactions = REACTIONS.filter((r) => night.reactions[r] > 0).map(
    (r) => `${REACTION_EMOJI[r]} ${night.reactions[r]} ${REACTION_NAME[r]}`,
  );
  return `🍿 **How the night went** (${time(new Date(night.at), TimestampStyles.LongDate)}): ${night.there === 1 ? "1 was there" : `${count(night.there)} were there`}${reactions.length > 0 ? ` · ${reactions.join(" · ")}` : ""}`;
}

/** A movie party's board: the film, where to watch it, how many have seen it, the next session, and the night. */
function movieEmbed(data: PartyBoardData, movie: MovieBoardData, highlight: string | undefined): APIEmbed {
  const sections: string[] = [];
  const facts = [
    ...(movie.year !== undefined ? [String(movie.year)] : []),
    ...(movie.runtime !== undefined ? [`⏱️ ${runtimeText(movie.runtime)}`] : []),
  ];
  if (facts.length > 0) sections.push(facts.join(" · "));
  const where = providersLine(movie.providers);
  sections.push(
    where === null
      ? "📺 TMDB lists nowhere to stream, rent or buy it in this server's region."
      : `📺 **Where to watch** (${movie.providers!.region}): ${where}${movie.providers!.link ? ` — [more](${movie.providers!.link})` : ""} · data by JustWatch`,
  );
  const total = data.members.length;
  if (total > 0) {
    sections.push(
      `👀 ${count(movie.seen)} of ${plural(total, "member")} ${movie.seen === 1 || total === 1 ? "has" : "have"} already seen it`,
    );
    const names = [...data.members].sort((a, b) => a.displayName.localeCompare(b.displayName));
    const me = names.find((m) => m.discordUserId === highlight);
    const shown = names.filter((m) => m !== me).slice(0, me ? BOARD_MEMBER_LINES - 1 : BOARD_MEMBER_LINES);
    const list = [
      ...(me ? [`__**${plain(me.displayName, 40)}**__ (you${me.watched > 0 ? ", seen it" : ", not seen yet"})`] : []),
      ...shown.map((m) => `**${plain(m.displayName, 40)}**`),
    ];
    const hidden = total - list.length;
    sections.push(`**Members** (${total}): ${list.join(", ")}${hidden > 0 ? ` …and ${plural(hidden, "more member")}` : ""}`);
  } else {
    sections.push(
      data.hostName.trim() === ""
        ? "Everyone has left — press **Join** to pick it up: you'll host it. With nobody in it, it ends by itself after a week."
        : "Nobody has joined yet — press **Join**.",
    );
  }
  if (data.nextSessionAt) {
    const at = new Date(data.nextSessionAt);
    sections.push(
      `🗓️ Movie night: ${time(at, TimestampStyles.LongDateShortTime)} (${time(at, TimestampStyles.RelativeTime)})${data.nextSessionRsvps ? `\n${rsvpSummary(data.nextSessionRsvps)}` : ""}`,
    );
  }
  if (movie.night !== undefined) sections.push(nightLine(movie.night));
  const title = `${data.name ? `${plain(data.name, 80)} · ` : ""}${plain(data.show.title, 150)}`;
  return {
    title: truncate(`🎬 ${title}`, LIMITS.embedTitle),
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
      button({
        customId: partyWatchedButton.encode({ partyId: data.partyId }),
        label: data.movie !== undefined ? "We watched it" : "We watched together",
        emoji: { name: "🍿" },
      }),
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

/** After a movie party's night: "We watched *Title* — were you there?", from the host's We watched it. */
export function movieWatchedPrompt(args: { promptId: string; title: string; expiresAt: number }): MessageView {
  return message({
    content: `🍿 We watched **${plain(args.title, 150)}** — were you there? Click to mark it finished for yourself (until ${time(new Date(args.expiresAt), TimestampStyles.ShortDateTime)}).`,
    embeds: [],
    components: rows(
      button({ customId: partyThereButton.encode({ promptId: args.promptId }), label: "I was there", style: ButtonStyle.Success }),
    ),
  });
}

/** After "I was there" on a movie night: how it was, for the person's own title and the board's counts. */
export function movieReactionButtons(promptId: string) {
  return rows(
    ...REACTIONS.map((reaction) =>
      button({
        customId: partyReactButton.encode({ promptId, reaction }),
        label: REACTION_NAME[reaction],
        emoji: { name: REACTION_EMOJI[reaction] },
        style: ButtonStyle.Secondary,
      }),
    ),
  );
}

/** After Going or "I was there" from someone not yet in the party: that it took them in, or had no room. */
export function joinedNote(result: { joined: boolean; partyFull: boolean }): string {
  if (result.joined) return "\nYou've also joined the watch party, so its board shows how far you've got (`/party leave` to leave).";
  return result.partyFull ? "\nThe watch party itself is full, so you're not on its board." : "";
}
