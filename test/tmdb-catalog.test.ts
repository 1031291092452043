// The offline TMDB catalog (data/tmdb/) and the loopback server that serves it.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogFiles } from "../scripts/build-tmdb-catalog.ts";
import { DEFAULT_TMDB_DATA_DIR } from "../sandbox/tmdb-catalog.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../sandbox/tmdb-server.ts";
import { TmdbClient } from "../src/lib/tmdb.ts";
import { ShowStructures } from "../src/lib/tmdb-shows.ts";

/** Raw TMDB bodies, read loosely: these tests check the data, not the client. */
type Json = Record<string, any>;

async function readKind(kind: string): Promise<Json[]> {
  const dir = join(DEFAULT_TMDB_DATA_DIR, kind);
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as Json));
}

const seasonKeys = (show: Json) => Object.keys(show).filter((k) => k.startsWith("season/"));

describe("the offline catalog", () => {
  let movies: Json[];
  let shows: Json[];

  beforeAll(async () => {
    movies = await readKind("movie");
    shows = await readKind("tv");
  });

  it("is exactly what scripts/build-tmdb-catalog.ts generates", async () => {
    const expected = buildCatalogFiles();
    const onDisk: string[] = [];
    for (const kind of ["movie", "tv", "person"]) {
      for (const name of await readdir(join(DEFAULT_TMDB_DATA_DIR, kind))) onDisk.push(`${kind}/${name}`);
    }
    expect(onDisk.sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) {
      expect(await readFile(join(DEFAULT_TMDB_DATA_DIR, path), "utf8"), path).toBe(text);
    }
  });

  it("holds at least 40 real titles, both movies and shows", () => {
    const real = [...movies, ...shows].filter((t) => !t._fictional);
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(movies.filter((m) => !m._fictional).length).toBeGreaterThanOrEqual(15);
    expect(shows.filter((s) => !s._fictional).length).toBeGreaterThanOrEqual(15);
  });

  it("marks every title numbered 990001 and up as fictional, and only those", () => {
    for (const title of [...movies, ...shows]) {
      expect(Boolean(title._fictional), `id ${title.id}`).toBe(title.id >= 990_001);
    }
  });

  it("includes the titles the bot's tests and demos rely on", () => {
    const movieIds = new Set(movies.map((m) => m.id));
    const showIds = new Set(shows.map((s) => s.id));
    for (const id of [27205, 155, 157336, 603, 680, 550, 238, 496243, 129, 438631, 990001, 990002])
      expect(movieIds.has(id), `movie ${id}`).toBe(true);
    for (const id of [1399, 1396, 87108, 37854, 66732, 2316, 1668, 100088, 76331, 82856, 1429, 70523, 95396, 136315])
      expect(showIds.has(id), `tv ${id}`).toBe(true);
  });

  it("agrees with itself: season summaries match season details, totals match seasons", () => {
    for (const show of shows) {
      const regular = show.seasons.filter((s: Json) => s.season_number > 0);
      expect(show.number_of_seasons, show.name).toBe(regular.length);
      expect(show.number_of_episodes, show.name).toBe(regular.reduce((n: number, s: Json) => n + s.episode_count, 0));
      expect(seasonKeys(show)).toHaveLength(show.seasons.length);
      for (const summary of show.seasons) {
        const details = show[`season/${summary.season_number}`];
        expect(details.episodes, `${show.name} season ${summary.season_number}`).toHaveLength(summary.episode_count);
        // 1, 2, 3 … in each season, except where TMDB numbers a long anime across seasons (Grand Voyage: season 2 is E13–E24).
        const numbers = details.episodes.map((e: Json) => e.episode_number);
        const first = show.id === 990104 && summary.season_number > 0 ? numbers[0] : 1;
        expect(numbers, `${show.name} season ${summary.season_number}`).toEqual(details.episodes.map((_: unknown, i: number) => first + i));
      }
    }
  });

  it("has Breaking Bad's five seasons of 7, 13, 13, 13 and 16 real episode names", () => {
    const bb = shows.find((s) => s.id === 1396)!;
    expect(bb.seasons.map((s: Json) => s.episode_count)).toEqual([7, 13, 13, 13, 16]);
    expect(bb["season/5"].episodes[13].name).toBe("Ozymandias");
    expect(bb["season/5"].episodes[8].air_date).toBe("2013-08-11"); // second half of the split season
  });

  it("has a movie whose overview runs past 5,000 characters", () => {
    expect(movies.find((m) => m.id === 990002)!.overview.length).toBeGreaterThan(5_000);
  });

  it("stays small enough to keep in the repository", async () => {
    let bytes = 0;
    for (const kind of ["movie", "tv", "person"]) {
      for (const name of await readdir(join(DEFAULT_TMDB_DATA_DIR, kind)))
        bytes += (await stat(join(DEFAULT_TMDB_DATA_DIR, kind, name))).size;
    }
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });
});

describe("the catalog server", () => {
  let server: TmdbCatalogServer;
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${server.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
  };

  beforeAll(async () => {
    server = await startTmdbCatalogServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it("listens on loopback and gives a /3 base URL", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/3`);
  });

  it("pages search results 20 at a time with TMDB's paging fields", async () => {
    const first = await get("/search/multi?query=the&page=1");
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(20);
    expect(first.body.total_results).toBeGreaterThan(20);
    expect(first.body.total_pages).toBe(Math.ceil(first.body.total_results / 20));
    const last = await get(`/search/multi?query=the&page=${first.body.total_pages}`);
    expect(last.body.page).toBe(first.body.total_pages);
    expect(last.body.results).toHaveLength(first.body.total_results - 20 * (first.body.total_pages - 1));
  });

  it("puts an exact title match first, then ranks by popularity, tagging each with its media_type", async () => {
    const dune = await get("/search/multi?query=dune");
    expect(dune.body.results.map((r: Json) => [r.media_type, r.id])).toEqual([
      ["movie", 438631],
      ["movie", 693134],
    ]);

    const the = await get("/search/multi?query=the");
    const popularity = the.body.results.map((r: Json) => r.popularity);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
  });

  it("answers an empty query with an empty first page", async () => {
    const { status, body } = await get("/search/multi?query=");
    expect(status).toBe(200);
    expect(body).toEqual({ page: 1, results: [], total_pages: 1, total_results: 0 });
  });

  it("keeps /search/movie and /search/tv to their own kind, without media_type", async () => {
    const movies = await get("/search/movie?query=the");
    const shows = await get("/search/tv?query=the");
    expect(movies.body.results.every((r: Json) => "title" in r && !("media_type" in r))).toBe(true);
    expect(shows.body.results.every((r: Json) => "name" in r && "first_air_date" in r && !("media_type" in r))).toBe(true);
  });

  it("finds a Japanese title by part of its original name", async () => {
    const { body } = await get(`/search/multi?query=${encodeURIComponent("千尋")}`);
    expect(body.results.map((r: Json) => r.id)).toEqual([129]);
  });

  it("matches without accents: 'shogun' finds Shōgun", async () => {
    const { body } = await get("/search/tv?query=shogun");
    expect(body.results.map((r: Json) => r.id)).toEqual([126308]);
  });

  it("refuses page 0 and pages past 500 as TMDB does", async () => {
    expect((await get("/search/multi?query=dune&page=0")).status).toBe(400);
    expect((await get("/search/multi?query=dune&page=501")).body.status_code).toBe(22);
  });

  it("answers unknown ids and routes with TMDB's 404 body", async () => {
    for (const path of ["/movie/1", "/tv/1", "/tv/1399/season/42", "/nothing/here"]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(404);
      expect(body).toEqual({ success: false, status_code: 34, status_message: "The resource you requested could not be found." });
    }
  });

  it("accepts and ignores api_key, language and an Authorization header", async () => {
    const { status, body } = await get("/movie/550?api_key=abc&language=fr-FR", { headers: { authorization: "Bearer whatever" } });
    expect(status).toBe(200);
    expect(body.title).toBe("Fight Club");
  });

  it("serves a show without season details unless append_to_response asks for them", async () => {
    const plain = await get("/tv/1399");
    expect(seasonKeys(plain.body)).toEqual([]);
    expect(plain.body.seasons).toHaveLength(8);
    const appended = await get("/tv/1399?append_to_response=season/1,season/8");
    expect(seasonKeys(appended.body)).toEqual(["season/1", "season/8"]);
  });

  it("serves a season with its episodes", async () => {
    const { body } = await get("/tv/1399/season/8");
    expect(body.episodes.map((e: Json) => e.name)).toEqual([
      "Winterfell",
      "A Knight of the Seven Kingdoms",
      "The Long Night",
      "The Last of the Starks",
      "The Bells",
      "The Iron Throne",
    ]);
  });

  it("uses each planned fault once, in order, then answers normally", async () => {
    server.setFaults({ serverError: 1, rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await get("/movie/550");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body.status_code).toBe(25);
    expect((await get("/movie/550")).status).toBe(500);
    expect((await get("/movie/550")).status).toBe(200);
  });

  it("closes promptly even while a request hangs", async () => {
    const other = await startTmdbCatalogServer();
    other.setFaults({ hang: true });
    const hanging = fetch(`${other.url}/movie/550`).catch(() => "dropped");
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hanging).toBe("dropped");
  });
});

describe("a show's seasons through append_to_response", () => {
  it("fetches a show and up to 20 of its seasons in one request, and refuses more without asking TMDB", async () => {
    const server = await startTmdbCatalogServer();
    try {
      const tmdb = new TmdbClient({ baseUrl: server.url });
      const details = await tmdb.tv(37854);
      const numbers = details.seasons.filter((s) => s.episodeCount > 0).map((s) => s.seasonNumber);
      expect(numbers.length).toBeGreaterThan(20);
      const before = server.requests;
      const { show, seasons } = await tmdb.tvWithSeasons(37854, numbers.slice(0, 20));
      expect(server.requests - before).toBe(1);
      expect(show.title).toBe("One Piece");
      expect(seasons.map((s) => s.seasonNumber)).toEqual(numbers.slice(0, 20));
      for (const season of seasons) {
        expect(season.episodes).toHaveLength(details.seasons.find((s) => s.seasonNumber === season.seasonNumber)!.episodeCount);
      }
      await expect(tmdb.tvWithSeasons(37854, numbers)).rejects.toMatchObject({ kind: "bad_request" });
      expect(server.requests - before).toBe(1);
      // The show's details came with it.
      expect((await tmdb.tv(37854)).title).toBe("One Piece");
      expect(server.requests - before).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("builds a long show's whole structure, names included, in one request per 20 seasons", async () => {
    const server = await startTmdbCatalogServer();
    try {
      const tmdb = new TmdbClient({ baseUrl: server.url });
      const details = await tmdb.tv(37854);
      const withEpisodes = details.seasons.filter((s) => s.episodeCount > 0);
      const before = server.requests;
      const structure = await new ShowStructures(tmdb).fetch(details);
      expect(server.requests - before).toBe(Math.ceil(withEpisodes.length / 20));
      expect(structure.seasons.map((s) => [s.season, s.episodeCount])).toEqual(withEpisodes.map((s) => [s.seasonNumber, s.episodeCount]));
      expect(structure.seasons.every((s) => s.episodeNames?.length === s.episodeCount)).toBe(true);
      expect(structure.image).toMatch(/^https:\/\/image\.tmdb\.org\/t\/p\/w342\//);
    } finally {
      await server.close();
    }
  });
});

describe("a show Convex asks for, known to the bot only by id", () => {
  const needsStructure = () =>
    Object.assign(new Error("ConvexError"), { name: "ConvexError", data: { code: "SHOW_NOT_CACHED", message: "…" } });

  it("comes with its first 20 seasons in one request and the rest in the next, sent with the retried write", async () => {
    const server = await startTmdbCatalogServer();
    try {
      const tmdb = new TmdbClient({ baseUrl: server.url });
      const sent: unknown[] = [];
      let details = 0;
      const before = server.requests;
      const result = await new ShowStructures(tmdb).write(
        { tmdbId: 37854, details: async () => (details++, await tmdb.tv(37854)) },
        async (sync) => {
          sent.push(sync);
          if (sync.show === undefined) throw needsStructure();
          return sync.show;
        },
      );
      expect(server.requests - before).toBe(2);
      expect(details).toBe(0);
      expect(sent[0]).toEqual({});
      expect(result.title).toBe("One Piece");
      const listed = (await tmdb.tv(37854)).seasons.filter((s) => s.episodeCount > 0);
      expect(result.seasons.map((s) => s.season)).toEqual(listed.map((s) => s.seasonNumber));
      expect(result.seasons.every((s) => s.episodeNames?.length === s.episodeCount)).toBe(true);

      const short = server.requests;
      await new ShowStructures(tmdb).write({ tmdbId: 87108, details: () => tmdb.tv(87108) }, async (sync) => {
        if (sync.show === undefined) throw needsStructure();
        return sync.show;
      });
      expect(server.requests - short).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("lets the command's own lookup explain an id that is not a show", async () => {
    const server = await startTmdbCatalogServer();
    try {
      const tmdb = new TmdbClient({ baseUrl: server.url });
      const refused = new ShowStructures(tmdb).write(
        { tmdbId: 27205, details: async () => Promise.reject(new Error("TMDB id 27205 is the movie Inception")) },
        async () => {
          throw needsStructure();
        },
      );
      await expect(refused).rejects.toThrow("is the movie Inception");
    } finally {
      await server.close();
    }
  });
});
