import { escapeMarkdown } from "@discordjs/formatters";
import { LIMITS } from "./limits.ts";

const SURROGATE = /[\ud800-\udfff]/;

/** Length as Discord counts it: Unicode code points. */
export function codePointLength(text: string): number {
  // Without surrogates (most text), each UTF-16 unit is one code point.
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// Intl.Segmenter where the runtime has it (Node, browsers, Convex's V8); otherwise
// a close approximation that never separates a mark, joiner or variation selector
// from the character it belongs to.
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
// eslint-disable-next-line no-misleading-character-class -- one code point at a time: marks, joiners, variation selectors and modifiers that cling to the one before
const CLINGS = /^[\p{M}\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;

/** The user-perceived characters of `text`, lazily, so a cut never splits an emoji, a flag or an accented letter. */
export function graphemes(text: string): Iterable<string> {
  return segmenter === null
    ? approximateGraphemes(text)
    : (function* () {
        for (const s of segmenter.segment(text)) yield s.segment;
      })();
}

/** Graphemes for runtimes without Intl.Segmenter: marks, joiners, selectors and skin tones stay with their character. */
export function* approximateGraphemes(text: string): Generator<string> {
  let pending = "";
  let joinNext = false;
  let regionalIndicators = 0;
  for (const ch of text) {
    const regional = /^[\u{1f1e6}-\u{1f1ff}]$/u.test(ch);
    // A flag is a pair of regional indicators.
    const pairsFlag = regional && regionalIndicators % 2 === 1;
    if (pending !== "" && (joinNext || CLINGS.test(ch) || pairsFlag)) pending += ch;
    else {
      if (pending !== "") yield pending;
      pending = ch;
    }
    regionalIndicators = regional ? regionalIndicators + 1 : 0;
    joinNext = ch === "\u200d";
  }
  if (pending !== "") yield pending;
}

/**
 * The longest run of whole grapheme clusters from the start of `text` that fits in `max`
 * code points: never half a surrogate pair, a split ZWJ emoji or a letter without its marks.
 */
export function cutGraphemes(text: string, max: number): string {
  // Segmenting costs time in the length of the whole input, so only a window that holds
  // more than `max` code points (each is at most two UTF-16 units) is segmented; its last
  // grapheme may be cut short by the window, so it is not used.
  const windowed = text.length > 2 * max + 64;
  const parts = [...graphemes(windowed ? text.slice(0, 2 * max + 64) : text)];
  if (windowed) parts.pop();
  let kept = "";
  let used = 0;
  for (const g of parts) {
    const size = codePointLength(g);
    if (used + size > max) break;
    kept += g;
    used += size;
  }
  return kept;
}

/**
 * Cuts `text` to at most `max` code points, ending in "…" when anything was
 * cut (or when `cut` says it already was). Only whole graphemes are kept.
 */
export function truncate(text: string, max: number, cut = false): string {
  text = withoutBidi(text);
  if (!cut && codePointLength(text) <= max) return text;
  if (max < 1) return "";
  return `${cutGraphemes(text, max - 1).trimEnd()}…`;
}

/**
 * Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and
 * the invisible direction marks (U+200E, U+200F, U+061C). In someone's name they reverse or
 * reorder the rest of the line around it (the bot's own words included); right-to-left scripts
 * lay themselves out without them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Text without bidirectional controls, so it can't reorder what is shown around it. */
export function withoutBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** Whitespace of any kind (newlines included) becomes single spaces, and bidirectional controls go: outside text cannot reshape a message. */
export function oneLine(text: string): string {
  return withoutBidi(text).replace(/\s+/g, " ").trim();
}

/**
 * Text from TMDB or from people, made safe to show inside markdown: on one
 * line, markdown escaped (links, headings, lists, quotes included), mention
 * syntax broken with a zero-width space so it can never ping or even look like
 * one, and cut to fit without leaving half an escape behind.
 */
export function plain(text: string, max: number = LIMITS.content): string {
  // Escaping never shortens text, so only what could fit is escaped (escapeMarkdown slows down badly on long input).
  const line = oneLine(text);
  const tooLong = codePointLength(line) > max;
  const escaped = escapeMarkdown(tooLong ? cutGraphemes(line, max) : line, {
    maskedLink: true,
    heading: true,
    bulletedList: true,
    numberedList: true,
  })
    .replace(/^(>|-#)/, "\\$1")
    .replace(/@(everyone|here)/gi, "@\u200b$1")
    .replace(/<(@[!&]?|#)(\d+)>/g, "<\u200b$1$2>");
  const cut = truncate(escaped, max, tooLong);
  if (cut === escaped) return cut;
  // A backslash left at the end would escape the ellipsis (or nothing): drop it.
  const body = cut.slice(0, -1);
  let slashes = 0;
  while (slashes < body.length && body[body.length - 1 - slashes] === "\\") slashes++;
  return slashes % 2 === 1 ? `${body.slice(0, -1)}…` : cut;
}

/** A label for places that render no markdown (buttons, choices, placeholders): one line, cut to fit, never empty. */
export function label(text: string, max: number): string {
  return truncate(oneLine(text), max) || "…";
}

/** A progress bar drawn with blocks, e.g. ▰▰▰▰▱▱▱▱▱▱ for 0.4; full only at the very end. */
export function progressBar(fraction: number, width = 10): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const filled = clamped >= 1 ? width : Math.min(width - 1, Math.round(clamped * width));
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}

export function episodeCode(season: number, episode: number): string {
  return `S${season}E${episode}`;
}

/**
 * "S1E3" for one episode, "S1E1–E5" for a run of them (order and repeats don't matter), null for
 * anything else: the one episode-range label, each caller saying what a scattered set reads as.
 */
export function episodeRange(season: number, episodes: readonly number[]): string | null {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (sorted.length === 1) return episodeCode(season, sorted[0]!);
  const contiguous = sorted.every((e, i) => i === 0 || e === sorted[i - 1]! + 1);
  return contiguous ? `${episodeCode(season, sorted[0]!)}–E${sorted[sorted.length - 1]}` : null;
}

/** "1 episode", "1,234 episodes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A count written for people: 1,234. */
export function count(n: number): string {
  return COUNT.format(n);
}
/** One formatter for every count: toLocaleString builds a new one on each call. */
const COUNT = new Intl.NumberFormat("en-US");

/** A title quoted inside a sentence (error messages included), inert in Discord. */
export function quoteTitle(title: string): string {
  return plain(title, 150);
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) made inert with an apostrophe, as OWASP advises. */
export function inertForSpreadsheets(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
