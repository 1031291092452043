// /stats's messages (docs/stats.md): a person's figures, the server's leaderboard, and the year in
// review's reply. Names are plain text, never mentions; the Responder sends every message with
// allowed_mentions empty as well.
import { CATALOGUES, english, type MessageKey, type Translator } from "../i18n/index.ts";
import { statsYearShareButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { plain } from "./text.ts";
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
  /** TMDB genre ids, most titles finished first (absent from an older bot API). */
  topGenres?: { id: number; titles: number }[];
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

/** Hours to one decimal, in the reader's digits: "946.5" · "946,5". */
export function hourFigure(minutes: number, t: Translator = english): string {
  return t.number(Math.round(minutes / 6) / 10, { maximumFractionDigits: 1 });
}

/** Hours from minutes, as people read them: "12.5 h", "12,5 Std.", "0 h". */
export function hours(minutes: number, t: Translator = english): string {
  return t("stats.hours", { hours: hourFigure(minutes, t) });
}

const REACTIONS = ["loved", "liked", "mixed", "not-for-me"] as const;

export function reactionsLine(reactions: Record<string, number>, t: Translator = english): string {
  const parts = REACTIONS.filter((kind) => (reactions[kind] ?? 0) > 0).map((kind) =>
    t(`stats.reactions.${kind}` as MessageKey, { count: reactions[kind]! }),
  );
  return parts.length === 0 ? t("stats.reactions.none") : parts.join(" · ");
}

/** A TMDB genre id's name in the reader's language ("Genre 12345" for one the catalogue doesn't know). */
export function genreName(id: number, t: Translator = english): string {
  const key = `stats.genre.${id}` as MessageKey;
  return Object.hasOwn(CATALOGUES.en.messages, key) ? t(key) : t("stats.genre.unknown", { id: String(id) });
}

/** "Drama (3) · Action (2)", or "—" when no finished title had genres. */
export function genresLine(genres: StatsFigures["topGenres"], t: Translator = english): string {
  const list = genres ?? [];
  return list.length === 0 ? "—" : list.map((g) => t("stats.genreCount", { genre: genreName(g.id, t), count: g.titles })).join(" · ");
}

/** A year as written in a sentence (never grouped: "2026", not "2,026"), or "all" for all time. */
const yearValue = (year: number | null) => (year === null ? "all" : String(year));

/** `/stats`: a person's figures for a year or all time; `name` is whose (plain text). */
export function statsCard(args: {
  name: string;
  self: boolean;
  figures: StatsFigures | null;
  year: number | null;
  sharedHere: boolean | null;
  t?: Translator;
}): MessageView {
  const t = args.t ?? english;
  const count = (n: number) => t.number(n);
  const year = yearValue(args.year);
  const title = t("stats.title", { self: String(args.self), name: plain(args.name, 80), year });
  const f = args.figures;
  if (f === null || (f.episodes === 0 && f.films === 0 && f.showsFinished === 0 && Object.keys(f.reactions).length === 0)) {
    return message({
      embeds: [
        {
          title,
          description: t(args.self ? "stats.empty.self" : "stats.empty.other", { year }),
          color: BRAND,
        },
      ],
    });
  }
  const top = f.topShows.map((s, i) =>
    t("stats.topShow", {
      rank: i + 1,
      title: plain(s.title ?? t("episode.showFallbackName", { tmdbId: s.tmdbId }), 80),
      episodes: s.episodes,
    }),
  );
  const footer = t(
    args.self && args.sharedHere !== null ? (args.sharedHere ? "stats.footer.shared" : "stats.footer.private") : "stats.footer.utc",
  );
  return message({
    embeds: [
      {
        title,
        color: BRAND,
        fields: [
          { name: t("stats.field.episodes"), value: count(f.episodes), inline: true },
          { name: t("stats.field.hoursOfTv"), value: hours(f.minutes, t), inline: true },
          { name: t("stats.field.films"), value: count(f.films), inline: true },
          { name: t("stats.field.showsFinished"), value: count(f.showsFinished), inline: true },
          { name: t("stats.field.longestStreak"), value: t("stats.days", { days: f.longestStreak }), inline: true },
          { name: t("stats.field.daysWatching"), value: count(f.activeDays), inline: true },
          { name: t("stats.field.mostWatched"), value: top.length === 0 ? "—" : top.join("\n"), inline: false },
          { name: t("stats.field.genres"), value: genresLine(f.topGenres, t), inline: false },
          { name: t("stats.field.reactions"), value: reactionsLine(f.reactions, t), inline: false },
        ],
        footer: { text: footer },
      },
    ],
  });
}

/** `/stats server`: who watched most in this server (members who share here), and its watch parties — a public post, so in the server's language. */
export function serverBoardCard(board: ServerBoard, t: Translator = english): MessageView {
  const count = (n: number) => t.number(n);
  const column = (entries: ServerBoard["episodes"], show: (n: number) => string) =>
    entries.length === 0 ? "—" : entries.map((e, i) => `${i + 1}. ${plain(e.name, 40)} — ${show(e.value)}`).join("\n");
  const parties = board.parties;
  const partyLines =
    parties.active === 0
      ? t("stats.board.noParties")
      : [
          t("stats.board.parties", { active: parties.active, members: parties.members }),
          ...parties.top.map((p) => `• ${plain(p.name ?? p.title, 60)} — ${t("stats.board.members", { members: p.members })}`),
        ].join("\n");
  const since = Math.floor(board.since / 1000);
  return message({
    embeds: [
      {
        title: t("stats.board.title", { period: board.period }),
        description: t(
          board.episodes.length + board.minutes.length + board.films.length === 0 ? "stats.board.empty" : "stats.board.since",
          {
            since: `<t:${since}:D>`,
          },
        ),
        color: BRAND,
        fields: [
          { name: t("stats.field.episodes"), value: column(board.episodes, count), inline: true },
          { name: t("stats.field.hours"), value: column(board.minutes, (m) => hours(m, t)), inline: true },
          { name: t("stats.field.films"), value: column(board.films, count), inline: true },
          { name: t("stats.field.parties"), value: partyLines, inline: false },
        ],
      },
    ],
  });
}

/** `/stats year`'s private reply: the card attached, and Share to post it in the channel. */
export function yearCardReply(args: { year: number; inGuild: boolean; t?: Translator }): MessageView {
  const t = args.t ?? english;
  return message({
    content: t("stats.year.reply", { year: String(args.year), inGuild: String(args.inGuild) }),
    components: args.inGuild
      ? rows(
          button({
            customId: statsYearShareButton.encode({ year: args.year }),
            label: t("stats.button.share"),
            style: ButtonStyle.Primary,
          }),
        )
      : [],
  });
}
