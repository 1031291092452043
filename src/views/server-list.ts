// The server's list for movie nights: its pages, a drawn title, the poll of titles and its
// winner. Every title and name is made inert (plain/label); nothing the list posts pings anyone.
import { time, TimestampStyles } from "@discordjs/formatters";
import type { RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { serverListDrawButton, serverListPageButton, serverListScheduleButton, type ServerListPosition } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, NO_MENTIONS, restMessageBody, type MessageView } from "./message.ts";
import { label, plain, truncate } from "./text.ts";
import { BRAND } from "./vocabulary.ts";

/** A title on the server's list, as Convex returns it. */
export interface ServerListEntry {
  entryId: string;
  tmdbId: number;
  mediaType: "movie" | "tv";
  title: string;
  year?: number;
  runtime?: number;
  episodes?: number;
  suggestedBy: string;
  suggestedByName: string;
  seen: number;
  votes: number;
}

export type ServerListSort = ServerListPosition["sort"];

const SORT_NAME: Record<ServerListSort, string> = {
  added: "in the order suggested",
  votes: "most poll votes first",
  random: "in random order",
};

/** "2h 16m", "45m". */
export function runtimeText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** "**Heat** (1995)" — inert, for a sentence. */
export function entryName(entry: Pick<ServerListEntry, "title" | "year">): string {
  return `**${plain(entry.title, 100)}**${entry.year !== undefined ? ` (${entry.year})` : ""}`;
}

/** "2h 50m · 👀 1 of 3 members have seen it" and the like. */
function facts(entry: ServerListEntry, members: number): string {
  const length =
    entry.mediaType === "movie"
      ? entry.runtime !== undefined
        ? `⏱️ ${runtimeText(entry.runtime)}`
        : "⏱️ runtime unknown"
      : `📺 show${entry.episodes !== undefined ? ` · ${entry.episodes} episodes` : ""}`;
  const seen = members === 0 ? "👀 nobody counted yet" : `👀 ${Math.min(entry.seen, members)}/${members} seen`;
  return [length, seen, ...(entry.votes > 0 ? [`🗳️ ${entry.votes}`] : [])].join(" · ");
}

/** A page of `/list show`: who suggested each title, how many members have seen it, its runtime. */
export function serverListPage(args: {
  position: ServerListPosition;
  entries: ServerListEntry[];
  listed: number;
  members: number;
  locked: boolean;
  pages: number;
  next: ServerListPosition | null;
}): MessageView {
  const { position } = args;
  const first = (position.page - 1) * 10;
  const lines = args.entries.map(
    (e, i) => `\`${String(first + i + 1).padStart(3)}.\` ${entryName(e)} — ${facts(e, args.members)} · by ${plain(e.suggestedByName, 40)}`,
  );
  const empty = position.page > 1 ? "No more titles." : "Nothing on the server's list yet — suggest a movie or a show with `/list add`.";
  const { page: _, key: _k, seq: _s, ...restart } = position;
  return message({
    embeds: [
      {
        title: truncate(`🎬 The server's list${args.locked ? " · 🔒 locked" : ""}`, LIMITS.embedTitle),
        description: truncate(lines.length > 0 ? lines.join("\n") : empty, LIMITS.embedDescription),
        color: BRAND,
        footer: {
          text: `Page ${position.page} of ${args.pages} · ${args.listed} title${args.listed === 1 ? "" : "s"}, ${SORT_NAME[position.sort]} · seen counts ${args.members === 1 ? "1 member who uses" : `${args.members} members who use`} the list here`,
        },
      },
    ],
    components: rows(
      position.page > 1 ? button({ customId: serverListPageButton.encode({ ...restart, page: 1 }), label: "« First" }) : null,
      args.next ? button({ customId: serverListPageButton.encode(args.next), label: "Next ›", style: ButtonStyle.Primary }) : null,
    ),
  });
}

/** What /party start takes for a title (its autocomplete's value), so it runs on exactly this one. */
export function partyStartCommand(entry: Pick<ServerListEntry, "mediaType" | "tmdbId">): string {
  return `/party start title:${entry.mediaType}:${entry.tmdbId}`;
}

function scheduleButton(userId: string, entry: Pick<ServerListEntry, "mediaType" | "tmdbId">) {
  return button({
    customId: serverListScheduleButton.encode({ userId, title: { mediaType: entry.mediaType, tmdbId: entry.tmdbId } }),
    label: "Schedule it",
    style: ButtonStyle.Success,
    emoji: { name: "📅" },
  });
}

/** `/list pick`'s answer, in the channel: the title drawn, with Draw again and Schedule it for whoever drew it. */
export function pickedView(args: {
  entry: ServerListEntry;
  members: number;
  unseen: boolean;
  drawnBy: string;
  drawnByName: string;
}): MessageView {
  const { entry } = args;
  return message({
    content: `🎲 **${plain(args.drawnByName, 80)}** drew ${entryName(entry)}${args.unseen ? " from the titles not everyone here has seen" : ""}.`,
    embeds: [
      {
        // Embed titles render markdown: escaped like the title cards' (120 code points stay within 256 escaped).
        title: `${plain(entry.title, 120)}${entry.year !== undefined ? ` (${entry.year})` : ""}`,
        description: `${facts(entry, args.members)}\nSuggested by ${plain(entry.suggestedByName, 80)}`,
        color: BRAND,
      },
    ],
    components: rows(
      button({
        customId: serverListDrawButton.encode({ userId: args.drawnBy, unseen: args.unseen, previous: entry.entryId }),
        label: "Draw again",
        emoji: { name: "🎲" },
      }),
      scheduleButton(args.drawnBy, entry),
    ),
  });
}

/** The poll of titles, posted by Convex: the least-seen first; the content says what each is. */
export function serverListPoll(args: {
  entries: ServerListEntry[];
  answers: string[];
  members: number;
  hours: number;
}): RESTPostAPIChannelMessageJSONBody {
  const lines = args.entries.map((e, i) => `${i + 1}. ${entryName(e)} — ${facts(e, args.members)}`);
  return {
    content: truncate(
      `🗳️ Movie night: which one do we watch? Vote for every one you'd like — the least-seen titles first:\n${lines.join("\n")}`,
      LIMITS.content,
    ),
    poll: {
      question: { text: "Which one do we watch next?" },
      answers: args.answers.map((text) => ({ poll_media: { text: label(text, 55) } })),
      duration: args.hours,
      allow_multiselect: true,
    },
    allowed_mentions: NO_MENTIONS,
  };
}

/**
 * When the poll has closed: the winning title, with Schedule it for whoever started the poll (named,
 * never pinged), or why there is none. The post stays in the channel.
 */
export function serverListPollResult(args: {
  winner: { entry: Pick<ServerListEntry, "title" | "year" | "mediaType" | "tmdbId">; votes: number } | null;
  startedBy: string;
  closedAt: number;
}): RESTPostAPIChannelMessageJSONBody {
  if (args.winner === null)
    return restMessageBody(
      message({
        content: `🗳️ Nobody voted in the poll on the server's list that closed ${time(new Date(args.closedAt), TimestampStyles.LongDateTime)} — try /list pick for a random draw.`,
      }),
    );
  const { entry, votes } = args.winner;
  const starter = /^\d{15,22}$/.test(args.startedBy) ? `<@${args.startedBy}>` : "Whoever started the poll";
  return restMessageBody(
    message({
      content: `🗳️ The poll picked ${entryName(entry)} with ${votes} vote${votes === 1 ? "" : "s"}! ${starter}, press **Schedule it** to set up the night.`,
      components: rows(scheduleButton(args.startedBy, entry)),
    }),
  );
}
