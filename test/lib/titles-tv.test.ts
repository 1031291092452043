// /ep with a typed title searches shows only, as its autocomplete does: a movie with exactly the
// typed name doesn't stop the shows that match from being offered.
import { describe, expect, it } from "vitest";
import { TitleService } from "../../src/lib/titles.ts";
import type { TmdbClient } from "../../src/lib/tmdb.ts";
import type { SearchResult } from "../../src/lib/tmdb-types.ts";

const result = (tmdbId: number, mediaType: "movie" | "tv", title: string, year: number): SearchResult =>
  ({ tmdbId, mediaType, title, year }) as SearchResult;

function service(results: SearchResult[]) {
  const tmdb = { searchMulti: () => Promise.resolve(results) } as unknown as TmdbClient;
  return new TitleService(tmdb);
}

describe("a show typed by name", () => {
  it("is looked for among shows, even when a movie has exactly that name", async () => {
    const titles = service([
      result(438631, "movie", "Dune", 2021),
      result(90228, "tv", "Dune: Prophecy", 2024),
      result(693134, "movie", "Dune: Part Two", 2024),
    ]);
    const found = await titles.lookupShow("Dune");
    expect(found).toMatchObject({ kind: "guess", best: { mediaType: "tv", title: "Dune: Prophecy" }, others: [] });
    // The same shows autocomplete offers.
    expect(await titles.suggest("Dune", "tv")).toEqual([{ name: expect.stringContaining("Dune: Prophecy"), value: "tv:90228" }]);
  });

  it("still says a movie is a movie when no show matches at all", async () => {
    await expect(service([result(27205, "movie", "Inception", 2010)]).lookupShow("Inception")).rejects.toThrow("is a movie");
  });
});
