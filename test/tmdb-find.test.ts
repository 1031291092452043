// The sandbox's TMDB answers /find/{id}?external_source=… from data/tmdb/external-ids.json as TMDB
// does (every kind's array, search-result shapes), and narrows /search/movie|tv by year: what the
// import matcher (convex/imports/resolve.ts) relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../sandbox/tmdb-server.ts";

let server: TmdbCatalogServer;
beforeAll(async () => {
  server = await startTmdbCatalogServer();
});
afterAll(async () => {
  await server?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe("the sandbox's TMDB /find", () => {
  it("finds a show by its TVDB id and a film by its IMDb id", async () => {
    const show = await get("/find/121361?external_source=tvdb_id");
    expect(show.status).toBe(200);
    expect(show.body.tv_results).toMatchObject([{ id: 1399, name: "Game of Thrones", media_type: "tv" }]);
    expect(show.body).toMatchObject({ movie_results: [], person_results: [], tv_episode_results: [], tv_season_results: [] });
    const film = await get("/find/tt1375666?external_source=imdb_id");
    expect(film.body.movie_results).toMatchObject([{ id: 27205, title: "Inception", media_type: "movie" }]);
    expect(film.body.tv_results).toEqual([]);
  });

  it("answers an unknown id with empty arrays and an unknown source with TMDB's 400", async () => {
    expect((await get("/find/999999999?external_source=tvdb_id")).body).toMatchObject({ movie_results: [], tv_results: [] });
    expect((await get("/find/121361?external_source=freebase_id")).status).toBe(400);
  });

  it("narrows a search by year", async () => {
    const all = await get("/search/movie?query=inception");
    expect(all.body.results.map((r: { id: number }) => r.id)).toContain(27205);
    expect((await get("/search/movie?query=inception&primary_release_year=2010")).body.results.map((r: { id: number }) => r.id)).toContain(
      27205,
    );
    expect((await get("/search/movie?query=inception&primary_release_year=1990")).body.results).toEqual([]);
  });
});
