// Watch providers: TMDB's /movie/{id}/watch/providers read, validated and cached, and the region a
// server's locale names.
import { describe, expect, it } from "vitest";
import { startTmdbCatalogServer } from "../../sandbox/tmdb-server.ts";
import { TmdbClient } from "../../src/lib/tmdb.ts";
import { parseWatchProviders, regionOfLocale } from "../../src/lib/tmdb-providers.ts";

describe("watch providers", () => {
  it("reads a movie's providers by region from the offline catalog, once: the answer is cached like movie details", async () => {
    const server = await startTmdbCatalogServer();
    try {
      const tmdb = new TmdbClient({ baseUrl: server.url });
      const before = server.requests;
      const providers = await tmdb.movieProviders(27205);
      expect(providers.US).toEqual({
        link: "https://www.themoviedb.org/movie/27205/watch?locale=US",
        stream: ["Netflix", "Max"],
        rent: ["Apple TV", "Google Play Movies"],
        buy: ["Apple TV"],
      });
      expect(providers.DE?.stream).toEqual(["Netflix"]);
      await tmdb.movieProviders(27205);
      expect(server.requests - before).toBe(1);
      // A movie TMDB lists nowhere: no regions at all; an unknown movie: not found.
      expect(await tmdb.movieProviders(990001)).toEqual({});
      await expect(tmdb.movieProviders(4_242_424)).rejects.toMatchObject({ kind: "not_found" });
    } finally {
      await server.close();
    }
  });

  it("orders by TMDB's display priority, counts free and ad-supported as streaming, and refuses a broken answer", () => {
    const parsed = parseWatchProviders(
      {
        id: 7,
        results: {
          GB: {
            link: "javascript:alert(1)",
            flatrate: [
              { provider_name: "B", display_priority: 2 },
              { provider_name: "A", display_priority: 1 },
            ],
            ads: [{ provider_name: "Free TV", display_priority: 9 }],
          },
          europe: { flatrate: [{ provider_name: "X" }] },
        },
      },
      7,
    );
    expect(parsed).toEqual({ GB: { stream: ["A", "B", "Free TV"], rent: [], buy: [] } });
    expect(() => parseWatchProviders({ id: 8, results: {} }, 7)).toThrow(/unexpected shape/);
    expect(() => parseWatchProviders({ id: 7, results: { US: { flatrate: "Netflix" } } }, 7)).toThrow(/unexpected shape/);
  });

  it("takes the server's region from its locale, the US when it names none", () => {
    expect(regionOfLocale("en-GB")).toBe("GB");
    expect(regionOfLocale("pt-BR")).toBe("BR");
    expect(regionOfLocale("de")).toBe("DE");
    expect(regionOfLocale("ja")).toBe("JP");
    expect(regionOfLocale("en-US")).toBe("US");
    expect(regionOfLocale(undefined)).toBe("US");
    expect(regionOfLocale("zz")).toBe("US");
  });
});
