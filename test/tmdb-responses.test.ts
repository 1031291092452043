// How the TMDB client reads odd or hostile answers, with fetch stubbed so each
// test can hand it exactly the body, status and headers it needs.

import { describe, expect, it } from "vitest";
import { TmdbClient, TmdbError, type TmdbConfig } from "../src/lib/tmdb.ts";

interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Stub {
  client: TmdbClient;
  calls: { url: string; headers: Record<string, string> }[];
  sleeps: number[];
}

/** A client whose fetch plays back `answers` in order (the last one repeats). */
function clientAnswering(answers: Answer | Answer[], overrides: Partial<TmdbConfig> = {}): Stub {
  const queue = Array.isArray(answers) ? answers : [answers];
  const calls: Stub["calls"] = [];
  const sleeps: number[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    const answer = queue[Math.min(calls.length - 1, queue.length - 1)]!;
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status ?? 200, headers: answer.headers });
  };
  const client = new TmdbClient({
    baseUrl: "http://tmdb.test/3",
    fetch: fakeFetch as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, calls, sleeps };
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

const movie = (extra: Record<string, unknown> = {}) => ({
  id: 27205,
  title: "Inception",
  release_date: "2010-07-15",
  vote_average: 8.4,
  vote_count: 37000,
  runtime: 148,
  genres: [{ id: 28, name: "Action" }],
  poster_path: "/inception.jpg",
  overview: "Dreams.",
  ...extra,
});

const show = (extra: Record<string, unknown> = {}) => ({
  id: 1399,
  name: "Game of Thrones",
  first_air_date: "2011-04-17",
  vote_average: 8.5,
  vote_count: 24000,
  status: "Ended",
  number_of_episodes: 73,
  genres: [],
  poster_path: "/got.jpg",
  overview: "Thrones.",
  seasons: [{ season_number: 1, name: "Season 1", episode_count: 10, air_date: "2011-04-17" }],
  ...extra,
});

describe("validating TMDB's answers", () => {
  it("ignores fields it does not know about", async () => {
    const { client } = clientAnswering({ body: movie({ brand_new_field: { nested: true }, tagline: "x" }) });
    expect(await client.movie(27205)).toMatchObject({ title: "Inception", runtime: 148, genres: ["Action"], genreIds: [28] });
  });

  it("rejects a rating above 10", async () => {
    const { client } = clientAnswering({ body: movie({ vote_average: 11 }) });
    expect((await failureOf(client.movie(27205))).kind).toBe("invalid_response");
  });

  it("rejects a negative episode count", async () => {
    const { client } = clientAnswering({
      body: show({ seasons: [{ season_number: 1, name: "Season 1", episode_count: -3 }] }),
    });
    expect((await failureOf(client.tv(1399))).kind).toBe("invalid_response");
  });

  it("rejects a date that is not on the calendar", async () => {
    const { client } = clientAnswering({ body: movie({ release_date: "2010-02-30" }) });
    expect((await failureOf(client.movie(27205))).kind).toBe("invalid_response");
  });

  it("rejects a movie without a title", async () => {
    const { client } = clientAnswering({ body: movie({ title: "  " }) });
    expect((await failureOf(client.movie(27205))).kind).toBe("invalid_response");
  });

  it("rejects a show without its seasons list", async () => {
    const { client } = clientAnswering({ body: show({ seasons: undefined }) });
    expect((await failureOf(client.tv(1399))).kind).toBe("invalid_response");
  });

  it("rejects an answer about a different title than the one asked for", async () => {
    const { client } = clientAnswering({ body: movie({ id: 155 }) });
    const error = await failureOf(client.movie(27205));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("got 155");
  });

  it("rejects a season answer for a different season number", async () => {
    const { client } = clientAnswering({ body: { season_number: 2, name: "Season 2", episodes: [] } });
    expect((await failureOf(client.season(1399, 1))).kind).toBe("invalid_response");
  });

  it("turns empty or null dates, overviews and posters into absent fields", async () => {
    const { client } = clientAnswering({
      body: show({
        first_air_date: "",
        overview: "",
        poster_path: null,
        seasons: [
          { season_number: 1, name: "", episode_count: 0, air_date: "" },
          { season_number: 0, name: null, episode_count: 2, air_date: null },
        ],
      }),
    });
    const result = await client.tv(1399);
    expect(result.releaseDate).toBeUndefined();
    expect(result.year).toBeUndefined();
    expect("overview" in result).toBe(false);
    expect("posterPath" in result).toBe(false);
    expect(result.seasons).toEqual([
      { seasonNumber: 0, name: "Specials", episodeCount: 2 },
      { seasonNumber: 1, name: "Season 1", episodeCount: 0 },
    ]);
  });

  it("treats a zero rating from zero votes as no rating", async () => {
    const { client } = clientAnswering({ body: movie({ vote_average: 0, vote_count: 0, runtime: 0 }) });
    const result = await client.movie(27205);
    expect(result.rating).toBeUndefined();
    expect(result.runtime).toBeUndefined();
  });

  it("names unnamed episodes by number and orders them", async () => {
    const { client } = clientAnswering({
      body: {
        season_number: 1,
        name: "Season 1",
        episodes: [
          { episode_number: 2, name: "Second", air_date: "" },
          { episode_number: 1, name: "", runtime: null },
        ],
      },
    });
    const season = await client.season(1399, 1);
    expect(season.episodes).toEqual([
      { episodeNumber: 1, name: "Episode 1" },
      { episodeNumber: 2, name: "Second" },
    ]);
  });

  it("skips people and unknown kinds in multi search but rejects a movie result without a title", async () => {
    const page = (results: unknown[]) => ({ page: 1, results, total_pages: 1, total_results: results.length });
    const ok = clientAnswering({
      body: page([
        { media_type: "person", id: 525, name: "Christopher Nolan" },
        { media_type: "collection", id: 1 },
        { media_type: "movie", id: 27205, title: "Inception", release_date: "2010-07-15", vote_average: 8.4, vote_count: 10 },
      ]),
    });
    expect((await ok.client.searchMulti("x")).map((r) => r.tmdbId)).toEqual([27205]);

    const broken = clientAnswering({ body: page([{ media_type: "movie", id: 27205 }]) });
    expect((await failureOf(broken.client.searchMulti("x"))).kind).toBe("invalid_response");
  });
});

describe("talking to TMDB", () => {
  it("sends the read token as a Bearer header and the query URL-encoded, folded to the lower case TMDB's search ignores", async () => {
    const { client, calls } = clientAnswering(
      { body: { page: 1, results: [], total_pages: 1, total_results: 0 } },
      { token: "secret-token" },
    );
    await client.searchMulti("Amélie  & Co");
    expect(calls[0]!.headers.authorization).toBe("Bearer secret-token");
    expect(calls[0]!.url).toBe("http://tmdb.test/3/search/multi?query=am%C3%A9lie+%26+co&page=1&include_adult=false");
  });

  it("times out even when fetch ignores the abort signal", async () => {
    const client = new TmdbClient({
      baseUrl: "http://tmdb.test/3",
      timeoutMs: 30,
      fetch: (() => new Promise<Response>(() => {})) as typeof fetch,
    });
    expect((await failureOf(client.movie(1))).kind).toBe("timeout");
  });

  it("reports a network failure as unavailable", async () => {
    const client = new TmdbClient({
      baseUrl: "http://tmdb.test/3",
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    });
    const error = await failureOf(client.movie(1));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("fetch failed");
  });

  it("treats a rejected token as unavailable and does not retry it", async () => {
    const { client, calls } = clientAnswering({ status: 401, body: { status_code: 7, status_message: "Invalid API key", success: false } });
    const error = await failureOf(client.movie(1));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("Invalid API key");
    expect(calls).toHaveLength(1);
  });

  it("reports a 400 from TMDB as bad_request", async () => {
    const { client } = clientAnswering({ status: 400, body: { status_code: 22, status_message: "Invalid page", success: false } });
    expect((await failureOf(client.searchMulti("dune"))).kind).toBe("bad_request");
  });

  it("reads Retry-After given as an HTTP date", async () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    const { client, sleeps } = clientAnswering(
      [{ status: 429, body: {}, headers: { "retry-after": "Wed, 01 Jan 2025 00:00:04 GMT" } }, { body: movie({ id: 1 }) }],
      { now: () => now },
    );
    await client.movie(1);
    expect(sleeps).toEqual([4_000]);
  });

  it("backs off 500 ms, then 1 s, when a 429 carries no Retry-After", async () => {
    const { client, sleeps } = clientAnswering([{ status: 429, body: {} }, { status: 503, body: {} }, { body: movie({ id: 1 }) }]);
    await client.movie(1);
    expect(sleeps).toEqual([500, 1_000]);
  });

  it("does not retry at all when maxRetries is 0", async () => {
    const { client, calls } = clientAnswering({ status: 502, body: "Bad Gateway" }, { maxRetries: 0 });
    expect((await failureOf(client.movie(1))).kind).toBe("unavailable");
    expect(calls).toHaveLength(1);
  });

  it("keeps nothing when the cache TTL is 0", async () => {
    const { client, calls } = clientAnswering({ body: movie() }, { cacheTtlMs: 0 });
    await client.movie(27205);
    await client.movie(27205);
    expect(calls).toHaveLength(2);
  });
});
