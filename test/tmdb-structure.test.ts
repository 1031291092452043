// The show structure the bot sends Convex, from real TMDB shapes: aired vs announced episodes,
// TMDB's own episode numbers, and a long anime's 20-season append with every episode's credits,
// bounded in size and time and retried season by season.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TmdbClient } from "../src/lib/tmdb.ts";
import { parseShowDetails } from "../src/lib/tmdb-schemas.ts";
import { seasonCounts, ShowStructures, structureSeason } from "../src/lib/tmdb-shows.ts";

// ---------------------------------------------------------------------------
// A loopback TMDB serving one generated long anime (One Piece-sized) with credits.

const SHOW_ID = 424242;
const SEASONS = 20;
const PER_SEASON = 55; // 1,100 episodes

/** Crew and guest stars as real season responses carry them (about 20 people an episode). */
function credits(key: string) {
  const person = (n: number) => ({
    adult: false,
    gender: n % 3,
    id: 9_000_000 + n,
    known_for_department: "Acting",
    name: `Voice Actor ${key}-${n}`,
    original_name: `声優 ${key}-${n}`,
    popularity: 1.234,
    profile_path: n % 2 ? null : `/p${key}${n}.jpg`,
    credit_id: `5f0c${key}${n}`.padEnd(24, "0"),
  });
  return {
    crew: Array.from({ length: 8 }, (_, n) => ({ ...person(n), department: "Directing", job: n === 0 ? "Director" : "Storyboard Artist" })),
    guest_stars: Array.from({ length: 12 }, (_, n) => ({ ...person(100 + n), character: `Pirate #${n} (voice)`, order: 500 + n })),
  };
}

function season(n: number) {
  return {
    _id: `s${n}`,
    air_date: "2001-01-01",
    name: `Arc ${n}`,
    overview: "",
    id: 100 + n,
    poster_path: null,
    season_number: n,
    vote_average: 8,
    episodes: Array.from({ length: PER_SEASON }, (_, i) => {
      const absolute = (n - 1) * PER_SEASON + i + 1;
      return {
        air_date: "2001-01-01",
        episode_number: absolute,
        episode_type: "standard",
        id: 50_000 + absolute,
        name: `The Crew Sets Sail, Part ${absolute}`,
        overview: "A long overview of the episode that runs for a sentence or two, as TMDB's do for popular anime.".repeat(3),
        production_code: "",
        runtime: absolute % 7 === 0 ? null : 24,
        season_number: n,
        show_id: SHOW_ID,
        still_path: null,
        vote_average: 7.5,
        vote_count: 3,
        ...credits(`${n}x${i}`),
      };
    }),
  };
}

const details = {
  id: SHOW_ID,
  name: "Long Voyage",
  first_air_date: "1999-10-20",
  status: "Returning Series",
  poster_path: null,
  genres: [],
  number_of_episodes: SEASONS * PER_SEASON,
  vote_average: 8.7,
  vote_count: 5000,
  last_episode_to_air: { season_number: SEASONS, episode_number: SEASONS * PER_SEASON, air_date: "2001-01-01" },
  next_episode_to_air: null,
  seasons: Array.from({ length: SEASONS }, (_, i) => ({
    season_number: i + 1,
    episode_count: PER_SEASON,
    name: `Arc ${i + 1}`,
    air_date: "2001-01-01",
  })),
};

interface Stub {
  url: string;
  requests: string[];
  /** Appended requests (append_to_response) get this instead of an answer. */
  appendFault?: "hang" | "500";
  /** Seasons whose own request fails. */
  failSeasons: Set<number>;
  server: Server;
}

let stub: Stub | undefined;
afterEach(async () => {
  await new Promise((resolve) => stub?.server.close(resolve) ?? resolve(undefined));
  stub?.server.closeAllConnections();
  stub = undefined;
});

async function startStub(): Promise<Stub> {
  const state = { requests: [] as string[], failSeasons: new Set<number>() } as unknown as Stub;
  state.server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    state.requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const seasonPath = /^\/3\/tv\/\d+\/season\/(\d+)$/.exec(url.pathname);
    if (seasonPath) {
      const n = Number(seasonPath[1]);
      return state.failSeasons.has(n) ? send(500, { status_code: 11, status_message: "Internal error." }) : send(200, season(n));
    }
    const append = url.searchParams.get("append_to_response");
    if (append && state.appendFault === "hang") return; // never answers
    if (append && state.appendFault === "500") return send(503, { status_code: 11, status_message: "Internal error." });
    const body: Record<string, unknown> = { ...details };
    for (const key of append?.split(",") ?? []) {
      const n = Number(key.split("/")[1]);
      if (n >= 1 && n <= SEASONS) body[key] = season(n);
    }
    send(200, body);
  });
  await new Promise<void>((resolve) => state.server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/3`;
  return state;
}

const client = (url: string, extra: Partial<ConstructorParameters<typeof TmdbClient>[0]> = {}) =>
  new TmdbClient({ baseUrl: url, maxRetries: 0, sleep: async () => undefined, ...extra });

describe("a 20-season append of a 1,100-episode anime with credits", () => {
  it("completes in one request within the client's bounds, and what Convex stores stays far below its 1 MiB document limit", async () => {
    stub = await startStub();
    const tmdb = client(stub.url);
    const started = Date.now();
    const structure = await new ShowStructures(tmdb).fetch(await tmdb.tv(SHOW_ID));
    expect(Date.now() - started).toBeLessThan(15_000);
    // One details request, one append of all 20 seasons.
    expect(stub.requests.filter((r) => r.includes("append_to_response"))).toHaveLength(1);
    const appended = JSON.stringify({
      ...details,
      ...Object.fromEntries(Array.from({ length: SEASONS }, (_, i) => [`season/${i + 1}`, season(i + 1)])),
    });
    // The answer is several MiB (bigger than the 2 MiB default bound, inside the append bound).
    expect(appended.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(structure.seasons.reduce((n, s) => n + s.episodeCount, 0)).toBe(1_100);
    expect(structure.seasons[19]!.episodeNumbers?.[0]).toBe(1_046);
    expect(structure.seasons[19]!.episodeNames?.[54]).toBe("The Crew Sets Sail, Part 1100");
    expect(JSON.stringify(structure).length).toBeLessThan(200 * 1024);
  });

  it("falls back to one request per season when the appended answer doesn't come, and still gets every episode", async () => {
    stub = await startStub();
    stub.appendFault = "hang";
    const tmdb = client(stub.url, { appendTimeoutMs: 300 });
    const structure = await new ShowStructures(tmdb).fetch(await tmdb.tv(SHOW_ID));
    expect(structure.seasons.reduce((n, s) => n + s.episodeCount, 0)).toBe(1_100);
    expect(stub.requests.filter((r) => /\/season\/\d+$/.test(r))).toHaveLength(SEASONS);
  });

  it("falls back when the appended answer is larger than the bound", async () => {
    stub = await startStub();
    const tmdb = client(stub.url, { appendMaxBytes: 1024 * 1024 });
    const structure = await new ShowStructures(tmdb).fetch(await tmdb.tv(SHOW_ID));
    expect(structure.seasons).toHaveLength(SEASONS);
    expect(stub.requests.filter((r) => /\/season\/\d+$/.test(r))).toHaveLength(SEASONS);
  });

  it("fails with a clear message naming the seasons that didn't arrive, storing nothing partial", async () => {
    stub = await startStub();
    stub.appendFault = "500";
    stub.failSeasons = new Set([7, 12]);
    const tmdb = client(stub.url);
    const error = await new ShowStructures(tmdb).fetch(await tmdb.tv(SHOW_ID)).then(
      () => null,
      (e: unknown) => e as { userMessage: string },
    );
    expect(error?.userMessage).toBe(
      "TMDB is too slow sending this show's episodes right now (seasons 7, 12 didn't arrive, even one season at a time) — nothing was changed. Try again in a minute.",
    );
  });
});

describe("aired and announced, as TMDB describes them", () => {
  // A mid-season capture like Loki season 2: six listed, aired through E3, E4 dated next week.
  const loki = parseShowDetails(
    {
      id: 84958,
      name: "Loki",
      status: "Returning Series",
      genres: [],
      first_air_date: "2021-06-09",
      seasons: [
        { season_number: 1, episode_count: 6 },
        { season_number: 2, episode_count: 6 },
      ],
      last_episode_to_air: { season_number: 2, episode_number: 3, air_date: "2023-10-19", runtime: 56 },
      next_episode_to_air: { season_number: 2, episode_number: 4, air_date: "2023-10-26", runtime: null },
    },
    84958,
  );
  const episodes = (dates: (string | undefined)[], first = 1) => ({
    tvId: 1,
    seasonNumber: 2,
    name: "Season 2",
    episodes: dates.map((airDate, i) => ({ episodeNumber: first + i, name: `E${first + i}`, ...(airDate ? { airDate } : {}) })),
  });

  it("counts a season's aired episodes by air date and last_episode_to_air, keeping the announced ones' dates", () => {
    const s = structureSeason(
      2,
      "Season 2",
      6,
      episodes(["2023-10-05", "2023-10-12", "2023-10-19", "2023-10-26", "2023-11-02", "2023-11-09"]),
      loki.lastAired,
      "2023-10-20",
    );
    expect(s).toMatchObject({ episodeCount: 6, aired: 3, airDates: ["2023-10-26", "2023-11-02", "2023-11-09"] });
    expect(s.episodeNumbers).toBeUndefined();
    // Convex is told which episode TMDB last aired, so a copy that missed it is refreshed.
    expect(seasonCounts(loki)).toEqual([
      { season: 1, episodeCount: 6 },
      { season: 2, episodeCount: 6, lastAired: 3 },
    ]);
  });

  it("an episode last_episode_to_air names is aired even when its date is missing; undated announced ones are kept as unknown", () => {
    const s = structureSeason(
      2,
      "Season 2",
      6,
      episodes(["2023-10-05", "2023-10-12", undefined, undefined, "2023-11-02", undefined]),
      loki.lastAired,
      "2023-10-20",
    );
    expect(s).toMatchObject({ aired: 3, airDates: ["", "2023-11-02"] });
  });

  it("keeps TMDB's own numbers for an absolutely numbered season (S20E885…) by place in the list", () => {
    const s = structureSeason(
      20,
      "Wano",
      9,
      episodes(["2019-07-07", "2019-07-14", undefined, undefined, undefined, undefined, undefined, undefined, undefined], 885),
      { season: 20, episode: 886 },
      "2019-07-20",
    );
    expect(s).toMatchObject({ episodeCount: 9, episodeNumbers: [885, 886, 887, 888, 889, 890, 891, 892, 893], aired: 2 });
    expect(s.episodeNames?.[0]).toBe("E885");
  });

  it("has nothing aired for a show in production with last_episode_to_air null and no air dates", () => {
    const show = parseShowDetails(
      {
        id: 5,
        name: "Soon",
        status: "In Production",
        genres: [],
        first_air_date: "",
        seasons: [{ season_number: 1, episode_count: 3 }],
        last_episode_to_air: null,
        next_episode_to_air: null,
      },
      5,
    );
    expect(show.lastAired).toBeUndefined();
    const s = structureSeason(1, "Season 1", 3, episodes([undefined, undefined, undefined]), show.lastAired, "2026-12-07");
    expect(s).toMatchObject({ aired: 0 });
    expect(s.airDates).toBeUndefined();
  });
});
