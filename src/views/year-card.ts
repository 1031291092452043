// The year in review card (`/stats year`, docs/stats.md): an SVG built from the figures, which a
// CardRenderer (src/lib/year-card-render.ts in the Node doors) turns into a PNG. Runtime-neutral:
// no fonts or images are loaded here. The most watched shows are coloured tiles with their titles,
// unless its poster could be fetched from TMDB's image server in time (src/lib/year-card-posters.ts);
// the font family is the bundled Inter. Its words are the reader's language (`stats.card.*`) where
// Inter has the script's glyphs, else English (cardTranslator).
import { CATALOGUES, english, type MessageKey, type Translator } from "../i18n/index.ts";
import type { StatsFigures } from "./stats.ts";
import { genresLine, hourFigure, hours, reactionsLine } from "./stats.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 675;
/** Every text on the card is set in this family; the renderer loads its files (no system fonts). */
export const CARD_FONT = "Inter";

/** Turns an SVG into PNG bytes; `key` names the card (person and year) for the renderer's cache. */
export interface CardRenderer {
  png(key: string, svg: string): Promise<Uint8Array>;
}

const TILE_COLOURS = ["#7c3aed", "#db2777", "#ea580c", "#0891b2", "#16a34a", "#ca8a04", "#4f46e5", "#be123c"];

export function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 has no place for control characters (a name could carry one): dropped.
      .replace(/\p{Cc}/gu, (c) => (c === "\t" || c === "\n" || c === "\r" ? c : ""))
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** At most `max` characters (code points), with an ellipsis when cut; emoji (which the font has no glyphs for) left out. */
function clip(text: string, max: number): string {
  const points = [
    ...text
      .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, "")
      .replace(/\s+/g, " ")
      .trim(),
  ];
  return points.length <= max ? points.join("") : `${points.slice(0, max - 1).join("")}…`;
}

/** Words of a title over at most two lines of `perLine` characters. */
function twoLines(text: string, perLine: number): string[] {
  const words = clip(text, perLine * 2).split(" ");
  const lines: string[] = [""];
  for (const word of words) {
    const line = lines[lines.length - 1]!;
    if (line === "" || line.length + 1 + word.length <= perLine) lines[lines.length - 1] = line === "" ? word : `${line} ${word}`;
    else if (lines.length < 2) lines.push(word);
    else lines[1] = clip(`${lines[1]} ${word}`, perLine);
  }
  return lines.map((l) => clip(l, perLine));
}

/** Scripts the card's font (Inter) has glyphs for; emoji and punctuation are Common (emoji are left out anyway). */
const SETTABLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;
const CARD_KEYS = (Object.keys(CATALOGUES.en.messages) as MessageKey[]).filter(
  (key) => key.startsWith("stats.card.") || key.startsWith("stats.reactions.") || key.startsWith("stats.genre"),
);

/**
 * The language the card is drawn in: the reader's, when every word of the card in their catalogue
 * is in a script Inter can set; else English — Japanese, until a font
 * with its glyphs is bundled (docs/localisation.md), rather than a card of empty boxes.
 */
export function cardTranslator(t: Translator): Translator {
  const messages = CATALOGUES[t.catalogue].messages;
  return CARD_KEYS.every((key) => SETTABLE.test(messages[key])) ? t : english;
}

/** The figures the card shows, in order: what the test reads back from the SVG. */
export function cardFigures(f: StatsFigures, t: Translator = english): { label: string; value: string }[] {
  const count = (n: number) => t.number(n);
  return [
    { label: t("stats.card.episodes"), value: count(f.episodes) },
    { label: t("stats.card.hours"), value: hourFigure(f.minutes, t) },
    { label: t("stats.card.films"), value: count(f.films) },
    { label: t("stats.card.showsFinished"), value: count(f.showsFinished) },
    { label: t("stats.card.streak"), value: count(f.longestStreak) },
  ];
}

/** The card's SVG: who, which year, the five figures, the most watched shows as tiles, the top genres, the reactions. */
export function yearCardSvg(args: {
  name: string;
  year: number;
  figures: StatsFigures;
  /** Posters that could be fetched, as data URIs by the show's image URL; the others are plain tiles. */
  posters?: ReadonlyMap<string, string>;
  /** The reader's translator; the card uses cardTranslator(t). */
  t?: Translator;
}): string {
  const f = args.figures;
  const t = cardTranslator(args.t ?? english);
  const text = (x: number, y: number, size: number, weight: number, fill: string, body: string, anchor = "start") =>
    `<text x="${x}" y="${y}" font-family="${CARD_FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(body)}</text>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#111827"/><stop offset="1" stop-color="#312e81"/></linearGradient></defs>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#bg)"/>`,
    text(60, 90, 44, 700, "#ffffff", t("stats.card.title", { name: clip(args.name, 28), year: String(args.year) })),
    text(60, 130, 22, 400, "#c7d2fe", "Film Fanatic"),
  ];
  cardFigures(f, t).forEach((figure, i) => {
    const x = 60 + i * 222;
    parts.push(`<rect x="${x}" y="170" width="200" height="150" rx="18" fill="#ffffff" fill-opacity="0.08"/>`);
    parts.push(text(x + 100, 250, 52, 700, "#ffffff", figure.value, "middle"));
    parts.push(text(x + 100, 292, 20, 400, "#c7d2fe", figure.label, "middle"));
  });
  parts.push(text(60, 380, 24, 700, "#ffffff", t("stats.card.mostWatched")));
  if (f.topShows.length === 0) parts.push(text(60, 430, 22, 400, "#c7d2fe", t("stats.card.noEpisodes")));
  f.topShows.slice(0, 3).forEach((show, i) => {
    const x = 60 + i * 370;
    const colour = TILE_COLOURS[show.tmdbId % TILE_COLOURS.length]!;
    const poster = show.image === undefined ? undefined : args.posters?.get(show.image);
    parts.push(`<rect x="${x}" y="400" width="350" height="150" rx="18" fill="${colour}"/>`);
    // A poster fills the tile's left end (2:3, clipped to the tile's rounded corners); the text moves right.
    if (poster !== undefined) {
      parts.push(`<clipPath id="poster${i}"><rect x="${x}" y="400" width="100" height="150" rx="18"/></clipPath>`);
      parts.push(
        `<image href="${escapeXml(poster)}" x="${x}" y="400" width="100" height="150" preserveAspectRatio="xMidYMid slice" clip-path="url(#poster${i})"/>`,
      );
    }
    const left = poster === undefined ? x + 24 : x + 116;
    twoLines(show.title ?? t("episode.showFallbackName", { tmdbId: show.tmdbId }), poster === undefined ? 24 : 16).forEach((line, l) =>
      parts.push(text(left, 450 + l * 34, 28, 700, "#ffffff", line)),
    );
    const episodes = t(poster === undefined ? "stats.card.showEpisodes" : "stats.card.showEpisodesShort", { count: show.episodes });
    parts.push(text(left, 530, 20, 400, "#ffffff", `${episodes} · ${hours(show.minutes, t)}`));
  });
  parts.push(text(60, 596, 22, 400, "#e0e7ff", clip(t("stats.card.genres", { list: genresLine(f.topGenres, t) }), 90)));
  parts.push(
    text(
      60,
      630,
      22,
      400,
      "#e0e7ff",
      t("stats.card.reactions", {
        list: reactionsLine(f.reactions, t)
          .replace(/[^\p{L}\p{N}\s·,.-]/gu, "")
          .replace(/\s+/g, " ")
          .trim(),
      }),
    ),
  );
  parts.push(text(CARD_WIDTH - 60, 660, 16, 400, "#a5b4fc", t("stats.card.footer"), "end"));
  parts.push("</svg>");
  return parts.join("");
}
