// /stats's messages (docs/stats.md): a person's figures, the server's leaderboard, and the year in
// review's reply. Names are plain text, never mentions; the Responder sends every message with
// allowed_mentions empty as well.
import { statsYearShareButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { count, plain, plural } from "./text.ts";
import { BRAND } from "./vocabulary.ts";

/** A person's figures as api.bot.stats.stats answers them (convex/stats/read.ts statsFigures). */
export interface StatsFigures {
  year: number | null;
  episodes: number;
  minutes: number;
  films: number;
  showsFinished: number;
  reactions: Record<string, number>;
  longestStreak: number;
  activeDays: number;
  topShows: { tmdbId: number; title?: string; image?: string; episodes: number; minutes: number }[];
}

interface BoardEntry {
  discordUserId: string;
  name: string;
  value: number;
}

/** The server's leaderboard as api.bot.stats.serverStats answers it (convex/stats/read.ts serverBoard). */
export interface ServerBoard {
  period: "week" | "month" | "year";
  since: number;
  episodes: BoardEntry[];
  minutes: BoardEntry[];
  films: BoardEntry[];
  parties: { active: number; members: number; top: { title: string; name?: string; members: number }[] };
}

/** Hours from minutes, as people read them: "12.5 h", "0 h". */
export function hours(minutes: number): string {
  const h = Math.round(minutes / 6) / 10;
  return `${h.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;
}

const REACTION_LABELS: Record<string, string> = { loved: "❤️ loved", liked: "👍 liked", mixed: "🤷 mixed", "not-for-me": "👎 not for me" };

export function reactionsLine(reactions: Record<string, number>): string {
  const parts = Object.entries(REACTION_LABELS)
    .filter(([kind]) => (reactions[kind] ?? 0) > 0)
    .map(([kind, label]) => `${count(reactions[kind]!)} ${label}`);
  return parts.length === 0 ? "none yet" : parts.join(" · ");
}

export const NOT_SHARED =
  "🔒 They don't share their stats in this server. Everyone decides for themselves: `/stats share on` shares yours here.";

const period = (year: number | null) => (year === null ? "all time" : String(year));

/** `/stats`: a person's figures for a year or all time; `name` is whose (plain text). */
export function statsCard(args: {
  name: string;
  self: boolean;
  figures: StatsFigures | null;
  year: number | null;
  sharedHere: boolean | null;
}): MessageView {
  const whose = args.self ? "Your stats" : `${plain(args.name, 80)}'s stats`;
  const title = `${whose} — ${period(args.year)}`;
  const f = args.figures;
  if (f === null || (f.episodes === 0 && f.films === 0 && f.showsFinished === 0 && Object.keys(f.reactions).length === 0)) {
    return message({
      embeds: [
        {
          title,
          description: args.self
            ? `Nothing counted ${args.year === null ? "yet" : `in ${args.year}`}. Mark episodes with \`/ep\` or finish a film with \`/watch\` and it shows here.`
            : `Nothing counted ${args.year === null ? "yet" : `in ${args.year}`}.`,
          color: BRAND,
        },
      ],
    });
  }
  const top = f.topShows.map((s, i) => `${i + 1}. ${plain(s.title ?? `Show ${s.tmdbId}`, 80)} — ${plural(s.episodes, "episode")}`);
  const footer =
    args.self && args.sharedHere !== null
      ? args.sharedHere
        ? "You share your stats in this server (/stats share off stops it)."
        : "Only you see these. /stats share on shares them in this server and puts you on its leaderboard."
      : "Days and years are UTC days. Hours come from TMDB's episode runtimes.";
  return message({
    embeds: [
      {
        title,
        color: BRAND,
        fields: [
          { name: "Episodes", value: count(f.episodes), inline: true },
          { name: "Hours of TV", value: hours(f.minutes), inline: true },
          { name: "Films", value: count(f.films), inline: true },
          { name: "Shows finished", value: count(f.showsFinished), inline: true },
          { name: "Longest streak", value: plural(f.longestStreak, "day"), inline: true },
          { name: "Days watching", value: count(f.activeDays), inline: true },
          { name: "Most watched", value: top.length === 0 ? "—" : top.join("\n"), inline: false },
          { name: "Reactions given", value: reactionsLine(f.reactions), inline: false },
        ],
        footer: { text: footer },
      },
    ],
  });
}

const PERIOD_NAMES = { week: "this week", month: "this month", year: "this year" } as const;

/** `/stats server`: who watched most in this server (members who share here), and its watch parties. */
export function serverBoardCard(board: ServerBoard): MessageView {
  const column = (entries: ServerBoard["episodes"], show: (n: number) => string) =>
    entries.length === 0 ? "—" : entries.map((e, i) => `${i + 1}. ${plain(e.name, 40)} — ${show(e.value)}`).join("\n");
  const parties = board.parties;
  const partyLines =
    parties.active === 0
      ? "No watch party running (`/party start`)."
      : [
          `${plural(parties.active, "active party", "active parties")}, ${plural(parties.members, "member")} in all`,
          ...parties.top.map((p) => `• ${plain(p.name ?? p.title, 60)} — ${plural(p.members, "member")}`),
        ].join("\n");
  const since = Math.floor(board.since / 1000);
  return message({
    embeds: [
      {
        title: `Leaderboard — ${PERIOD_NAMES[board.period]}`,
        description:
          board.episodes.length + board.minutes.length + board.films.length === 0
            ? `Nobody who shares their stats here has watched anything since <t:${since}:D>. \`/stats share on\` puts you on this board.`
            : `Since <t:${since}:D> (UTC), members who share their stats here (\`/stats share on\`).`,
        color: BRAND,
        fields: [
          { name: "Episodes", value: column(board.episodes, count), inline: true },
          { name: "Hours", value: column(board.minutes, hours), inline: true },
          { name: "Films", value: column(board.films, count), inline: true },
          { name: "Watch parties", value: partyLines, inline: false },
        ],
      },
    ],
  });
}

/** `/stats year`'s private reply: the card attached, and Share to post it in the channel. */
export function yearCardReply(args: { year: number; inGuild: boolean }): MessageView {
  return message({
    content: `🎬 Your ${args.year} in review.${args.inGuild ? " **Share** posts it in this channel." : ""}`,
    components: args.inGuild
      ? rows(button({ customId: statsYearShareButton.encode({ year: args.year }), label: "Share", style: ButtonStyle.Primary }))
      : [],
  });
}
