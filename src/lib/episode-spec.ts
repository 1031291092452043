import { UserError } from "./errors.ts";
import { english, type Translator } from "../i18n/index.ts";
import { MAX_EPISODE_NUMBER } from "../views/component-ids.ts";
import { episodeRange, truncate } from "../views/text.ts";

/** `season`: the one written into the episodes ("S2E5"), when the command gave none of its own. */
export type EpisodeSpec = { kind: "all" } | { kind: "list"; episodes: number[]; season?: number };

/** The most episodes one `/ep` may name (larger batches are what `/mark` is for). */
export const MAX_EPISODES = 1_000;
/** No show numbers episodes past MAX_EPISODE_NUMBER; anything above is a typo, refused before any work. */
export { MAX_EPISODE_NUMBER };
/** Longer than Discord's option limit (100) with room; beyond it nothing is even looked at. */
const MAX_INPUT = 200;

/**
 * "3", "1-5", "1, 3, 5-7" or "all" (what `/ep … episode:` accepts), and the ways people write an
 * episode anyway: "E3", "ep 3", "S1E3" and "S01E01-E05" (a season in it must be `season`, when
 * given), in any width of digits ("３"). The work is bounded by the input: at most MAX_INPUT
 * characters are read, every number has at most 4 digits, and the episodes expanded never exceed
 * MAX_EPISODES. Refusals are in the reader's language (`t`).
 */
export function parseEpisodeSpec(input: string, season?: number, t: Translator = english): EpisodeSpec {
  const quoted = `“${truncate(input.trim(), 40)}”`;
  const how = t("episodeSpec.how");
  if (input.length > MAX_INPUT) throw new UserError(`${t("episodeSpec.tooLong")} ${how}`);
  const marks: { season?: number } = {};
  const text = withoutSeasonMarks(input.normalize("NFKC").trim().toLowerCase(), season, quoted, marks, t);
  if (text === "all" || text === "*") return { kind: "all" };
  if (text === "") throw new UserError(`${t("episodeSpec.which")} ${how}`);

  const episodes = new Set<number>();
  for (const rawPart of text.split(",")) {
    const part = rawPart.trim();
    // Spaces are fine around "-" and ",", never inside a number: "1 0" is not 10.
    if (/\d\s+\d/.test(part)) throw new UserError(`${t("episodeSpec.space", { quoted })} ${how}`);
    const match = /^(\d+)\s*(?:[-–—]\s*(\d+))?$/.exec(part);
    if (match === null) throw new UserError(`${t("episodeSpec.notEpisode", { quoted })} ${how}`);
    const from = episodeNumber(match[1]!, t);
    const to = match[2] === undefined ? from : episodeNumber(match[2], t);
    if (to < from) throw new UserError(t("episodeSpec.backwards", { from, to }));
    if (to - from + 1 + episodes.size > MAX_EPISODES) throw new UserError(t("episodeSpec.tooMany", { max: MAX_EPISODES }));
    for (let e = from; e <= to; e++) episodes.add(e);
  }
  const sorted = [...episodes].sort((a, b) => a - b);
  return season === undefined && marks.season !== undefined
    ? { kind: "list", episodes: sorted, season: marks.season }
    : { kind: "list", episodes: sorted };
}

/**
 * "s1e3" → "3", "e1-e5" → "1-5", "ep 3" → "3": the marks dropped, a season checked against the
 * one the command names. Anchored, linear patterns over at most MAX_INPUT characters.
 */
function withoutSeasonMarks(text: string, season: number | undefined, quoted: string, marks: { season?: number }, t: Translator): string {
  return text.replace(/(?<![a-z\d])(?:s(\d{1,4})\s*)?(?:episode|ep|e)\s*(?=\d)/g, (_mark, s: string | undefined) => {
    if (s === undefined) return "";
    const written = Number(s);
    if (season !== undefined && written !== season) {
      throw new UserError(t("episodeSpec.otherSeason", { quoted, written, season }));
    }
    // With no season option, the one written is the season; two different ones can't both be.
    if (marks.season !== undefined && marks.season !== written)
      throw new UserError(t("episodeSpec.twoSeasons", { quoted, first: marks.season, second: written }));
    marks.season = written;
    return "";
  });
}

/** Digits to an episode number within 1..MAX_EPISODE_NUMBER, checked on the digits (no float rounding). */
function episodeNumber(digits: string, t: Translator): number {
  const significant = digits.replace(/^0+(?=\d)/, "");
  if (significant.length > String(MAX_EPISODE_NUMBER).length || Number(significant) > MAX_EPISODE_NUMBER)
    throw new UserError(t("episodeSpec.outOfRange", { episode: truncate(significant, 12), max: MAX_EPISODE_NUMBER }));
  const n = Number(significant);
  if (n < 1) throw new UserError(t("episodeSpec.fromOne"));
  return n;
}

/** The canonical short form of a list of episodes, "1-5,7": what a button carries to repeat an `/ep`. */
export function formatEpisodeSpec(spec: EpisodeSpec): string {
  if (spec.kind === "all") return "all";
  const parts: string[] = [];
  const list = spec.episodes;
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
    parts.push(i === j ? String(list[i]) : `${list[i]}-${list[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** "S1E3", "S1E1–E5" or "5 episodes of season 1". */
export function describeEpisodes(season: number, episodes: number[]): string {
  return episodeRange(season, episodes) ?? `${episodes.length} episodes of season ${season}`;
}
