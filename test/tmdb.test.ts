// The real TMDB client against the real offline catalog server on loopback.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TmdbClient, TmdbError, withTmdbDeadline, type TmdbConfig } from "../src/lib/tmdb.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../sandbox/tmdb-server.ts";

let server: TmdbCatalogServer;

beforeAll(async () => {
  server = await startTmdbCatalogServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.setFaults({});
});

/** A fresh client (empty cache) whose sleeps are recorded instead of waited. */
function clientWith(overrides: Partial<TmdbConfig> = {}): { client: TmdbClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new TmdbClient({
    baseUrl: server.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, sleeps };
}

async function failureOf(work: Promise<unknown>): Promise<TmdbError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(TmdbError);
    return error as TmdbError;
  }
  throw new Error("expected the call to fail");
}

/** Requests the server receives while `work` runs. */
async function requestsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = server.requests;
  await work();
  return server.requests - before;
}

describe("searching", () => {
  it("finds Game of Thrones when someone types 'thrones'", async () => {
    const { client } = clientWith();
    const results = await client.searchMulti("thrones");
    expect(results[0]).toMatchObject({ tmdbId: 1399, mediaType: "tv", title: "Game of Thrones", year: 2011, releaseDate: "2011-04-17" });
  });

  it("matches the start of a title's words, case-insensitively ('GAME of')", async () => {
    const { client } = clientWith();
    const results = await client.searchMulti("GAME of");
    expect(results.map((r) => r.tmdbId)).toContain(1399);
  });

  it("trims the query before searching", async () => {
    const { client } = clientWith();
    const results = await client.searchMulti("   inception  ");
    expect(results[0]).toMatchObject({ tmdbId: 27205, mediaType: "movie", title: "Inception", year: 2010 });
  });

  it("returns movies and shows together, most popular first", async () => {
    const { client } = clientWith();
    const results = await client.searchMulti("dark");
    expect(results.map((r) => [r.mediaType, r.tmdbId])).toEqual([
      ["tv", 70523],
      ["movie", 155],
    ]);
  });

  it("leaves people out of the results", async () => {
    const raw = (await (await fetch(`${server.url}/search/multi?query=nolan`)).json()) as { results: { media_type: string }[] };
    expect(raw.results.map((r) => r.media_type)).toEqual(["person"]);

    const { client } = clientWith();
    expect(await client.searchMulti("nolan")).toEqual([]);
  });

  it("asks for later pages of results", async () => {
    const { client } = clientWith();
    const first = await client.searchMulti("the");
    const second = await client.searchMulti("the", { page: 2 });
    expect(first).toHaveLength(20);
    expect(second.length).toBeGreaterThan(0);
    expect(second.map((r) => r.tmdbId)).not.toContain(first[0]!.tmdbId);
  });
});

describe("show, season and movie details", () => {
  it("lists Game of Thrones' eight seasons with 10, 10, 10, 10, 10, 10, 7 and 6 episodes", async () => {
    const { client } = clientWith();
    const show = await client.tv(1399);
    expect(show).toMatchObject({
      tmdbId: 1399,
      mediaType: "tv",
      title: "Game of Thrones",
      year: 2011,
      status: "Ended",
      numberOfEpisodes: 73,
    });
    expect(show.seasons.map((s) => s.seasonNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(show.seasons.map((s) => s.episodeCount)).toEqual([10, 10, 10, 10, 10, 10, 7, 6]);
  });

  it("names Game of Thrones season 1 episode 3 'Lord Snow' and episode 4 'Cripples, Bastards, and Broken Things'", async () => {
    const { client } = clientWith();
    const season = await client.season(1399, 1);
    expect(season).toMatchObject({ tvId: 1399, seasonNumber: 1, name: "Season 1" });
    expect(season.episodes).toHaveLength(10);
    expect(season.episodes[2]).toMatchObject({ episodeNumber: 3, name: "Lord Snow", airDate: "2011-05-01" });
    expect(season.episodes[3]).toMatchObject({ episodeNumber: 4, name: "Cripples, Bastards, and Broken Things" });
  });

  it("counts more than 1,100 One Piece episodes spread over several seasons", async () => {
    const { client } = clientWith();
    const show = await client.tv(37854);
    const total = show.seasons.reduce((sum, s) => sum + s.episodeCount, 0);
    expect(total).toBeGreaterThanOrEqual(1_100);
    expect(show.seasons.length).toBeGreaterThan(5);

    const longest = show.seasons.reduce((a, b) => (b.episodeCount > a.episodeCount ? b : a));
    const season = await client.season(37854, longest.seasonNumber);
    expect(season.episodes).toHaveLength(longest.episodeCount);
  });

  it("reads Chernobyl as one season of five named episodes", async () => {
    const { client } = clientWith();
    const show = await client.tv(87108);
    expect(show.seasons).toEqual([{ seasonNumber: 1, name: "Season 1", episodeCount: 5, airDate: "2019-05-06" }]);
    const season = await client.season(87108, 1);
    expect(season.episodes.map((e) => e.name)).toEqual([
      "1:23:45",
      "Please Remain Calm",
      "Open Wide, O Earth",
      "The Happiness of All Mankind",
      "Vichnaya Pamyat",
    ]);
  });

  it("keeps a show's season 0 'Specials' first in its season list", async () => {
    const { client } = clientWith();
    const show = await client.tv(19885);
    expect(show.seasons[0]).toMatchObject({ seasonNumber: 0, name: "Specials", episodeCount: 3 });
    expect(show.seasons.filter((s) => s.seasonNumber > 0)).toHaveLength(4);
    const specials = await client.season(19885, 0);
    expect(specials.episodes.map((e) => e.name)).toContain("The Abominable Bride");
  });

  it("returns a movie's runtime, genres, rating and poster", async () => {
    const { client } = clientWith();
    const movie = await client.movie(27205);
    expect(movie).toMatchObject({ tmdbId: 27205, mediaType: "movie", title: "Inception", year: 2010, runtime: 148, rating: 8.4 });
    expect(movie.genres).toContain("Science Fiction");
    expect(client.posterUrl(movie.posterPath)).toMatch(/^https:\/\/image\.tmdb\.org\/t\/p\/w342\/.+\.jpg$/);
  });

  it("leaves out what TMDB does not know yet instead of reporting empty strings or zeros", async () => {
    const { client } = clientWith();
    const movie = await client.movie(990006);
    expect(movie).toEqual({ tmdbId: 990006, mediaType: "movie", title: "Untitled Future Film", genres: [] });
  });

  it("passes titles with mentions and markdown through untouched, for the renderer to escape", async () => {
    const { client } = clientWith();
    const movie = await client.movie(990001);
    expect(movie.title).toBe("**@everyone** _Bold_ Movie ||spoiler||");
  });
});

describe("the catalog's real TMDB shapes", () => {
  it("sends search results with null posters and backdrops, an empty first_air_date and no release_date key at all", async () => {
    const { client } = clientWith();
    const raw = async (query: string) =>
      (await (await fetch(`${server.url}/search/multi?query=${encodeURIComponent(query)}`)).json()) as {
        results: Record<string, unknown>[];
      };
    const rumoured = (await raw("rumoured remake")).results[0]!;
    expect(rumoured).toMatchObject({ id: 990007, poster_path: null, backdrop_path: null });
    expect("release_date" in rumoured).toBe(false);
    expect((await raw("blank slate")).results[0]).toMatchObject({ id: 990004, poster_path: null, first_air_date: "" });
    // The client reads them as "no poster", "no date".
    const [movie] = await client.searchMulti("rumoured remake");
    expect(movie).toEqual({ tmdbId: 990007, mediaType: "movie", title: "Rumoured Remake", popularity: 0.3 });
  });

  it("serves a mid-season show whose listed episodes include announced ones, with last and next episode to air", async () => {
    const { client } = clientWith();
    const show = await client.tv(990103);
    expect(show.seasons.map((s) => s.episodeCount)).toEqual([6, 6]);
    expect(show.lastAired).toMatchObject({ season: 2, episode: 3 });
    expect(show.nextAir).toMatchObject({ season: 2, episode: 4 });
    const season = await client.season(990103, 2);
    const today = new Date().toISOString().slice(0, 10);
    expect(season.episodes.filter((e) => e.airDate! <= today)).toHaveLength(3);
  });

  it("serves an absolutely numbered season with episode crew and guest stars, and a show with nothing aired and null runtimes", async () => {
    const { client } = clientWith();
    const season = await client.season(990104, 3);
    expect(season.episodes.map((e) => e.episodeNumber)).toEqual([25, 26, 27, 28, 29, 30, 31, 32]);
    const raw = (await (await fetch(`${server.url}/tv/990104/season/2`)).json()) as {
      episodes: { crew: { job: string }[]; guest_stars: { character: string }[] }[];
    };
    expect(raw.episodes[0]!.crew.map((c) => c.job)).toContain("Director");
    expect(raw.episodes[0]!.guest_stars.length).toBeGreaterThan(0);
    const unaired = await client.tv(990105);
    expect(unaired.lastAired).toBeUndefined();
    expect(unaired.nextAir).toMatchObject({ season: 1, episode: 1 });
    const episodes = (await client.season(990105, 1)).episodes;
    expect(episodes.every((e) => e.runtime === undefined)).toBe(true);
  });
});

describe("not found", () => {
  it("reports an unknown movie id as not_found with a sentence a user can act on", async () => {
    const { client } = clientWith();
    const error = await failureOf(client.movie(987654321));
    expect(error.kind).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.userMessage).toBe("Couldn't find a movie with id 987654321 on TMDB — check the number and try again.");
  });

  it("reports a season a show does not have as not_found, naming the season", async () => {
    const { client } = clientWith();
    const error = await failureOf(client.season(1399, 9));
    expect(error.kind).toBe("not_found");
    expect(error.userMessage).toContain("season 9");
  });
});

describe("when TMDB misbehaves", () => {
  it("gives up quickly with a timeout when TMDB never answers", async () => {
    server.setFaults({ hang: true });
    const { client, sleeps } = clientWith({ timeoutMs: 150 });
    const started = Date.now();
    const error = await failureOf(client.tv(1399));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toMatch(/nothing was changed/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sleeps).toEqual([]); // a timeout is not retried: the user is already waiting
  });

  it("waits as long as Retry-After asks after a 429, then succeeds", async () => {
    server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
    const { client, sleeps } = clientWith();
    let show;
    const requests = await requestsDuring(async () => {
      show = await client.tv(1399);
    });
    expect(show).toMatchObject({ title: "Game of Thrones" });
    expect(sleeps).toEqual([3_000]);
    expect(requests).toBe(2);
  });

  it("caps a very long Retry-After at ten seconds", async () => {
    server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3_600 } });
    const { client, sleeps } = clientWith();
    await client.movie(155);
    expect(sleeps).toEqual([10_000]);
  });

  it("reports rate_limited once the retries run out", async () => {
    server.setFaults({ rateLimit: { count: 10, retryAfterSeconds: 1 } });
    const { client, sleeps } = clientWith({ maxRetries: 2 });
    let error: TmdbError | undefined;
    const requests = await requestsDuring(async () => {
      error = await failureOf(client.movie(603));
    });
    expect(error?.kind).toBe("rate_limited");
    expect(error?.userMessage).toMatch(/nothing was changed/);
    expect(sleeps).toEqual([1_000, 1_000]);
    expect(requests).toBe(3);
  });

  it("retries server errors with growing pauses and recovers", async () => {
    server.setFaults({ serverError: 2 });
    const { client, sleeps } = clientWith();
    const movie = await client.movie(680);
    expect(movie.title).toBe("Pulp Fiction");
    expect(sleeps).toEqual([500, 1_000]);
  });

  it("reports unavailable when server errors outlast the retries", async () => {
    server.setFaults({ serverError: 10 });
    const { client } = clientWith({ maxRetries: 2 });
    let error: TmdbError | undefined;
    const requests = await requestsDuring(async () => {
      error = await failureOf(client.movie(680));
    });
    expect(error?.kind).toBe("unavailable");
    expect(error?.userMessage).toBe("TMDB is not answering right now — nothing was changed. Try again in a minute.");
    expect(requests).toBe(3);
  });

  it("reports a body of the wrong shape as invalid_response instead of crashing", async () => {
    server.setFaults({ malformed: 1 });
    const { client } = clientWith();
    const error = await failureOf(client.tv(1399));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toMatch(/did not match the expected shape/);
  });

  it("reports a body that is not JSON as invalid_response", async () => {
    server.setFaults({ malformed: 1, malformedBody: "not_json" });
    const { client } = clientWith();
    const error = await failureOf(client.searchMulti("thrones"));
    expect(error.kind).toBe("invalid_response");
  });

  it("reports a refused connection as unavailable", async () => {
    const gone = await startTmdbCatalogServer();
    await gone.close();
    const client = new TmdbClient({ baseUrl: gone.url, sleep: async () => {} });
    const error = await failureOf(client.movie(550));
    expect(error.kind).toBe("unavailable");
  });
});

describe("inside an interaction's deadline", () => {
  it("gives up when the deadline comes, however long the client's own timeouts are (a 20-season append, then its fallback)", async () => {
    server.setFaults({ hang: true });
    const { client } = clientWith({ timeoutMs: 4_000, appendTimeoutMs: 15_000 });
    const started = Date.now();
    const error = await failureOf(withTmdbDeadline(started + 400, () => client.tvWithSeasons(1399, [1, 2])));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toBe("TMDB took too long to answer — nothing was changed. Try again in a moment.");
    expect(Date.now() - started).toBeLessThan(1_500);
    // What comes after in the same interaction is refused at once, without a request.
    let late: TmdbError | undefined;
    const requests = await requestsDuring(async () => {
      late = await failureOf(withTmdbDeadline(started + 400, () => client.tv(1399)));
    });
    expect(late?.kind).toBe("timeout");
    expect(requests).toBe(0);
  });

  it("does not wait for a retry that could not be sent in time", async () => {
    server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
    const { client, sleeps } = clientWith();
    const error = await failureOf(withTmdbDeadline(Date.now() + 2_000, () => client.movie(155)));
    expect(error.kind).toBe("rate_limited");
    expect(sleeps).toEqual([]);
  });

  it("waits for a request someone else started only until its own deadline", async () => {
    server.setFaults({ delayMs: 1_500 });
    const { client } = clientWith();
    // Started outside any interaction (no deadline): it keeps going, and its answer is cached.
    const outside = client.movie(603);
    const started = Date.now();
    const error = await failureOf(withTmdbDeadline(started + 300, () => client.movie(603)));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(outside).resolves.toMatchObject({ title: "The Matrix" });
  });

  it("leaves work outside an interaction its own bounds", async () => {
    server.setFaults({ delayMs: 700 });
    const { client } = clientWith({ timeoutMs: 4_000 });
    await expect(client.movie(680)).resolves.toMatchObject({ title: "Pulp Fiction" });
  });
});

describe("caching", () => {
  it("answers a repeated lookup from the cache without a second request", async () => {
    const { client } = clientWith();
    const requests = await requestsDuring(async () => {
      await client.tv(1399);
      await client.tv(1399);
      await client.searchMulti("thrones");
      await client.searchMulti("thrones");
    });
    expect(requests).toBe(2);
  });

  it("answers searches that differ only in case and spacing from one cached answer, as autocomplete retypes them", async () => {
    const { client } = clientWith();
    let answers: unknown[] = [];
    const requests = await requestsDuring(async () => {
      answers = [await client.searchMulti("Game of"), await client.searchMulti("game  of"), await client.searchMulti(" GAME OF ")];
    });
    expect(requests).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("shares one request between identical lookups made at the same time", async () => {
    server.setFaults({ delayMs: 50 });
    const { client } = clientWith();
    let seasons: unknown[] = [];
    const requests = await requestsDuring(async () => {
      seasons = await Promise.all([1, 2, 3, 4, 5].map(() => client.season(1399, 1)));
    });
    expect(requests).toBe(1);
    expect(seasons).toHaveLength(5);
  });

  it("does not remember failures: the next lookup asks TMDB again", async () => {
    server.setFaults({ malformed: 1 });
    const { client } = clientWith();
    await failureOf(client.movie(238));
    const movie = await client.movie(238);
    expect(movie.title).toBe("The Godfather");
  });

  it("gives each caller its own copy, so changing one result cannot corrupt the cache", async () => {
    const { client } = clientWith();
    const first = await client.tv(1399);
    first.seasons.length = 0;
    first.title = "changed";
    const second = await client.tv(1399);
    expect(second.title).toBe("Game of Thrones");
    expect(second.seasons).toHaveLength(8);
  });

  it("asks TMDB again once an entry is older than its TTL: searches and shows soon, movies much later", async () => {
    let now = 1_000_000;
    const { client } = clientWith({ cacheTtlMs: 60_000, movieTtlMs: 3_600_000, now: () => now });
    const searches = await requestsDuring(async () => {
      await client.searchMulti("dune");
      now += 59_000;
      await client.searchMulti("dune");
      now += 2_000;
      await client.searchMulti("dune");
    });
    expect(searches).toBe(2);
    const details = await requestsDuring(async () => {
      await client.movie(129);
      now += 61_000; // a search would have expired by now
      await client.movie(129);
      now += 3_600_000;
      await client.movie(129);
    });
    expect(details).toBe(2);
    // A show's episode counts decide whether Convex's structure is fresh: they keep the short TTL.
    const shows = await requestsDuring(async () => {
      await client.tv(1399);
      now += 61_000;
      await client.tv(1399);
    });
    expect(shows).toBe(2);
  });

  it("evicts the least recently used entry when the cache is full", async () => {
    const { client } = clientWith({ cacheMaxEntries: 2 });
    await client.movie(11); // cache: 11
    await client.movie(13); // cache: 11, 13
    await client.movie(11); // hit; 13 is now the oldest
    await client.movie(98); // evicts 13
    const requests = await requestsDuring(async () => {
      await client.movie(11); // still cached
      await client.movie(13); // evicted: asks again
    });
    expect(requests).toBe(1);
  });
});

describe("input checks", () => {
  const badCalls: [string, (c: TmdbClient) => Promise<unknown>][] = [
    ["movie id 0", (c) => c.movie(0)],
    ["a negative movie id", (c) => c.movie(-5)],
    ["a fractional tv id", (c) => c.tv(1.5)],
    ["a NaN tv id", (c) => c.tv(Number.NaN)],
    ["an unsafe integer id", (c) => c.movie(2 ** 60)],
    ["season -1", (c) => c.season(1399, -1)],
    ["a fractional season", (c) => c.season(1399, 0.5)],
    ["an empty query", (c) => c.searchMulti("")],
    ["a blank query", (c) => c.searchMulti("   \n\t")],
    ["a 201-character query", (c) => c.searchMulti("x".repeat(201))],
    ["page 0", (c) => c.searchMulti("dune", { page: 0 })],
    ["page 501", (c) => c.searchMulti("dune", { page: 501 })],
  ];

  it.each(badCalls)("rejects %s as bad_request without sending a request", async (_label, call) => {
    const { client } = clientWith();
    let error: TmdbError | undefined;
    const requests = await requestsDuring(async () => {
      error = await failureOf(call(client));
    });
    expect(error?.kind).toBe("bad_request");
    expect(error?.userMessage.length).toBeGreaterThan(10);
    expect(requests).toBe(0);
  });

  it("accepts a query of exactly 200 characters", async () => {
    const { client } = clientWith();
    await expect(client.searchMulti("a".repeat(200))).resolves.toEqual([]);
  });
});

describe("poster URLs", () => {
  it("builds an image URL at the requested size", () => {
    const { client } = clientWith();
    expect(client.posterUrl("/got.jpg", "w500")).toBe("https://image.tmdb.org/t/p/w500/got.jpg");
    expect(client.posterUrl("/got.jpg")).toBe("https://image.tmdb.org/t/p/w342/got.jpg");
  });

  it("uses a configured image host", () => {
    const { client } = clientWith({ imageBaseUrl: "http://127.0.0.1:9/img/" });
    expect(client.posterUrl("/got.jpg", "original")).toBe("http://127.0.0.1:9/img/original/got.jpg");
  });

  it("gives no URL when there is no poster or the path is not a TMDB image path", () => {
    const { client } = clientWith();
    expect(client.posterUrl(null)).toBeUndefined();
    expect(client.posterUrl(undefined)).toBeUndefined();
    expect(client.posterUrl("")).toBeUndefined();
    expect(client.posterUrl("/../../evil?x=1")).toBeUndefined();
    expect(client.posterUrl("https://elsewhere.example/p.jpg")).toBeUndefined();
  });
});
