// The real TMDB client against the real offline catalog server on loopback:
// searching, details and appended seasons, not-found answers, input checks and
// poster URLs. How it copes with a misbehaving TMDB, deadlines and its cache is
// in tmdb-resilience.test.ts.

import { describe, expect, it } from "vitest";
import { TmdbError, type TmdbClient } from "../src/lib/tmdb.ts";
import { failureOf, useTmdbCatalog } from "./tmdb-catalog-client.ts";

const tmdb = useTmdbCatalog();
const { clientWith, requestsDuring } = tmdb;

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
    const raw = (await (await fetch(`${tmdb.server.url}/search/multi?query=nolan`)).json()) as { results: { media_type: string }[] };
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
    expect(movie).toEqual({ tmdbId: 990006, mediaType: "movie", title: "Untitled Future Film", genres: [], genreIds: [] });
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
      (await (await fetch(`${tmdb.server.url}/search/multi?query=${encodeURIComponent(query)}`)).json()) as {
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
    const raw = (await (await fetch(`${tmdb.server.url}/tv/990104/season/2`)).json()) as {
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
