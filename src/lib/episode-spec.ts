import { UserError } from "./errors.ts";

export type EpisodeSpec = { kind: "all" } | { kind: "list"; episodes: number[] };

const MAX_EPISODES = 1_000;

/** "3", "1-5", "1,3,5-7" or "all" (what `/ep … episode:` accepts). */
export function parseEpisodeSpec(input: string): EpisodeSpec {
  const text = input.trim().toLowerCase().replace(/\s+/g, "");
  if (text === "all" || text === "*") return { kind: "all" };
  const bad = () => new UserError(`“${input.slice(0, 40)}” isn't an episode. Use a number like \`3\`, a range like \`1-5\`, a list like \`1,3,5\`, or \`all\`.`);
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) throw bad();
  const episodes = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to = from] = part.split("-").map(Number) as [number, number?];
    if (from < 1 || to! < 1) throw new UserError("Episodes are numbered from 1.");
    if (to! < from) throw new UserError(`The range ${part} runs backwards — try ${to}-${from}.`);
    if (to! - from + 1 > MAX_EPISODES || episodes.size > MAX_EPISODES) {
      throw new UserError(`That's more than ${MAX_EPISODES} episodes at once — use \`/mark season\` or \`/mark show\`.`);
    }
    for (let e = from; e <= to!; e++) episodes.add(e);
  }
  if (episodes.size > MAX_EPISODES) throw new UserError(`That's more than ${MAX_EPISODES} episodes at once.`);
  return { kind: "list", episodes: [...episodes].sort((a, b) => a - b) };
}

/** "S1E3", "S1E1–E5" or "5 episodes of season 1". */
export function describeEpisodes(season: number, episodes: number[]): string {
  if (episodes.length === 1) return `S${season}E${episodes[0]}`;
  const contiguous = episodes.every((e, i) => i === 0 || e === episodes[i - 1]! + 1);
  return contiguous ? `S${season}E${episodes[0]}–E${episodes[episodes.length - 1]}` : `${episodes.length} episodes of season ${season}`;
}
