// A TV Time export of any size, in the layout the fixture uses (followed_tv_show.csv +
// seen_episode.csv, zipped): for the 20,000-episode import test and the bench.
import { zipSync } from "fflate";

export interface GeneratedTvTime {
  zip: Uint8Array;
  /** The shows' TVDB ids, in order. */
  tvdbIds: number[];
  episodes: number;
}

/**
 * `episodes` watched episodes spread evenly over `shows` shows (seasons of `perSeason`), one a
 * day from 2015. `tvdbIds` names the shows (default: made-up ids from 800,000,001, which no
 * catalog resolves); the catalog's real shows can be passed to have some match.
 */
export function generateTvTimeExport(options: {
  shows: number;
  episodes: number;
  perSeason?: number;
  tvdbIds?: readonly number[];
}): GeneratedTvTime {
  const perSeason = options.perSeason ?? 20;
  const tvdbIds = Array.from({ length: options.shows }, (_, i) => options.tvdbIds?.[i] ?? 800_000_001 + i);
  const followed = ["user_id,tv_show_id,tv_show_name,created_at,updated_at,archived,for_later"];
  tvdbIds.forEach((id, i) => followed.push(`1000001,${id},Generated Show ${i + 1},2015-01-01 12:00:00,2015-01-01 12:00:00,0,0`));
  const seen = ["user_id,tv_show_id,tv_show_name,episode_id,episode_season_number,episode_number,created_at,updated_at"];
  const base = Date.UTC(2015, 0, 1, 20);
  for (let n = 0; n < options.episodes; n++) {
    const show = n % options.shows;
    const index = Math.floor(n / options.shows);
    const when = new Date(base + n * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
    seen.push(
      `1000001,${tvdbIds[show]},Generated Show ${show + 1},${10_000_000 + n},${1 + Math.floor(index / perSeason)},${1 + (index % perSeason)},${when},${when}`,
    );
  }
  const encode = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
  const zip = zipSync(
    { "followed_tv_show.csv": encode(followed), "seen_episode.csv": encode(seen) },
    { mtime: new Date("2026-07-15T12:00:00Z") },
  );
  return { zip, tvdbIds, episodes: options.episodes };
}
