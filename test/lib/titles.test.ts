import { describe, expect, it } from "vitest";
import { TitleService } from "../../src/lib/titles.ts";
import { TmdbError, type TmdbClient } from "../../src/lib/tmdb.ts";
import type { MovieDetails, ShowDetails } from "../../src/lib/tmdb-types.ts";

const show: ShowDetails = {
  tmdbId: 500,
  mediaType: "tv",
  title: "Twin Peaks",
  year: 1990,
  genres: [],
  seasons: [{ seasonNumber: 1, name: "Season 1", episodeCount: 8 }],
};
const movie: MovieDetails = { tmdbId: 500, mediaType: "movie", title: "Reservoir Dogs", year: 1992, genres: [] };

/** TMDB with only the given titles: anything else is a 404, as TMDB answers. */
function service(titles: { tv?: ShowDetails; movie?: MovieDetails }, fail?: Error) {
  const missing = () => Promise.reject(fail ?? new TmdbError("not_found", "404"));
  const tmdb = {
    tv: (id: number) => (titles.tv?.tmdbId === id ? Promise.resolve(titles.tv) : missing()),
    movie: (id: number) => (titles.movie?.tmdbId === id ? Promise.resolve(titles.movie) : missing()),
  } as unknown as TmdbClient;
  return new TitleService(tmdb);
}

describe("a bare TMDB id with no type", () => {
  it("is the title TMDB has, when only a show or only a movie has that id", async () => {
    expect(await service({ tv: show }).lookup("500")).toEqual({ kind: "found", title: show });
    expect(await service({ movie }).lookup("500")).toEqual({ kind: "found", title: movie });
  });

  it("asks which one was meant when both a show and a movie have it, changing nothing until the person picks", async () => {
    const found = await service({ tv: show, movie }).lookup("500");
    expect(found).toMatchObject({
      kind: "guess",
      best: { mediaType: "tv", title: "Twin Peaks", year: 1990 },
      others: [{ mediaType: "movie", title: "Reservoir Dogs", year: 1992 }],
    });
  });

  it("says neither exists, and a TMDB outage is not mistaken for 'no such title'", async () => {
    await expect(service({}).lookup("500")).rejects.toThrow("TMDB has no movie or show with id 500.");
    await expect(service({}, new TmdbError("unavailable", "TMDB is down")).lookup("500")).rejects.toBeInstanceOf(TmdbError);
  });

  it("with a type, or typed as tv:500, asks TMDB for that type only", async () => {
    expect(await service({ tv: show, movie }).lookup("500", "movie")).toEqual({ kind: "found", title: movie });
    expect(await service({ tv: show, movie }).lookup("tv:500")).toEqual({ kind: "found", title: show });
  });
});
