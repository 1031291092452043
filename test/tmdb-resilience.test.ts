// The real TMDB client against the real offline catalog server on loopback:
// how it copes when TMDB misbehaves (timeouts, retries, rate limits, a server
// that is gone), inside an interaction's deadline, and what it caches.

import { describe, expect, it } from "vitest";
import { TmdbClient, TmdbError } from "../src/lib/tmdb.ts";
import { startTmdbCatalogServer } from "../sandbox/tmdb-server.ts";
import { failureOf, useTmdbCatalog } from "./tmdb-catalog-client.ts";

const tmdb = useTmdbCatalog();
const { clientWith, requestsDuring } = tmdb;

describe("when TMDB misbehaves", () => {
  it("gives up quickly with a timeout when TMDB never answers", async () => {
    tmdb.server.setFaults({ hang: true });
    const { client, sleeps } = clientWith({ timeoutMs: 150 });
    const started = Date.now();
    const error = await failureOf(client.tv(1399));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toMatch(/nothing was changed/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sleeps).toEqual([]); // a timeout is not retried: the user is already waiting
  });

  it("waits as long as Retry-After asks after a 429, then succeeds", async () => {
    tmdb.server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
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
    tmdb.server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3_600 } });
    const { client, sleeps } = clientWith();
    await client.movie(155);
    expect(sleeps).toEqual([10_000]);
  });

  it("reports rate_limited once the retries run out", async () => {
    tmdb.server.setFaults({ rateLimit: { count: 10, retryAfterSeconds: 1 } });
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
    tmdb.server.setFaults({ serverError: 2 });
    const { client, sleeps } = clientWith();
    const movie = await client.movie(680);
    expect(movie.title).toBe("Pulp Fiction");
    expect(sleeps).toEqual([500, 1_000]);
  });

  it("reports unavailable when server errors outlast the retries", async () => {
    tmdb.server.setFaults({ serverError: 10 });
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
    tmdb.server.setFaults({ malformed: 1 });
    const { client } = clientWith();
    const error = await failureOf(client.tv(1399));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toMatch(/did not match the expected shape/);
  });

  it("reports a body that is not JSON as invalid_response", async () => {
    tmdb.server.setFaults({ malformed: 1, malformedBody: "not_json" });
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
    tmdb.server.setFaults({ hang: true });
    const { client } = clientWith({ timeoutMs: 4_000, appendTimeoutMs: 15_000 });
    const started = Date.now();
    const error = await failureOf(client.withDeadline(started + 400).tvWithSeasons(1399, [1, 2]));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toBe("TMDB took too long to answer — nothing was changed. Try again in a moment.");
    expect(Date.now() - started).toBeLessThan(1_500);
    // What comes after in the same interaction is refused at once, without a request.
    let late: TmdbError | undefined;
    const requests = await requestsDuring(async () => {
      late = await failureOf(client.withDeadline(started + 400).tv(1399));
    });
    expect(late?.kind).toBe("timeout");
    expect(requests).toBe(0);
  });

  it("does not wait for a retry that could not be sent in time", async () => {
    tmdb.server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
    const { client, sleeps } = clientWith();
    const error = await failureOf(client.withDeadline(Date.now() + 2_000).movie(155));
    expect(error.kind).toBe("rate_limited");
    expect(sleeps).toEqual([]);
  });

  it("waits for a request someone else started only until its own deadline", async () => {
    tmdb.server.setFaults({ delayMs: 1_500 });
    const { client } = clientWith();
    // Started outside any interaction (no deadline): it keeps going, and its answer is cached.
    const outside = client.movie(603);
    const started = Date.now();
    const error = await failureOf(client.withDeadline(started + 300).movie(603));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(outside).resolves.toMatchObject({ title: "The Matrix" });
  });

  it("leaves work outside an interaction its own bounds", async () => {
    tmdb.server.setFaults({ delayMs: 700 });
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
    tmdb.server.setFaults({ delayMs: 50 });
    const { client } = clientWith();
    let seasons: unknown[] = [];
    const requests = await requestsDuring(async () => {
      seasons = await Promise.all([1, 2, 3, 4, 5].map(() => client.season(1399, 1)));
    });
    expect(requests).toBe(1);
    expect(seasons).toHaveLength(5);
  });

  it("does not remember failures: the next lookup asks TMDB again", async () => {
    tmdb.server.setFaults({ malformed: 1 });
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
