// Posters on the year in review card (src/lib/year-card-posters.ts): fetched only from TMDB's image
// base, within one deadline, only small JPEGs and PNGs; the card draws them, and resvg renders it.
import { describe, expect, it } from "vitest";
import { fetchPosters } from "../../src/lib/year-card-posters.ts";
import { nodeCardRenderer } from "../../src/lib/year-card-render.ts";
import { yearCardSvg } from "../../src/views/year-card.ts";

const BASE = "https://image.tmdb.org/t/p";
/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), (c) =>
  c.charCodeAt(0),
);

function server(routes: Record<string, () => Promise<Response>>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    const route = routes[url];
    if (route === undefined) return new Response("not found", { status: 404 });
    return await Promise.race([
      route(),
      new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    ]);
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe("year card posters", () => {
  it("fetches only TMDB's image URLs, keeps PNGs and JPEGs, and drops what is late, wrong or missing", async () => {
    const ok = `${BASE}/w342/ok.png`;
    const late = `${BASE}/w342/late.jpg`;
    const html = `${BASE}/w342/page.jpg`;
    const { fetch, asked } = server({
      [ok]: async () => new Response(PNG, { headers: { "content-type": "image/png" } }),
      [late]: () => new Promise(() => undefined),
      [html]: async () => new Response("<html>", { headers: { "content-type": "text/html" } }),
    });
    const started = Date.now();
    const posters = await fetchPosters([ok, late, html, `${BASE}/w342/missing.jpg`, "https://evil.example/x.png", `${BASE}/../x.png`], {
      imageBase: BASE,
      fetch,
      deadlineMs: 200,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([...posters.keys()]).toEqual([ok]);
    expect(posters.get(ok)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(asked.some((url) => !url.startsWith(`${BASE}/`) || url.includes(".."))).toBe(false);
  });

  it("draws a fetched poster on its tile, and resvg renders the card", async () => {
    const image = `${BASE}/w342/got.png`;
    const posters = new Map([[image, `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`]]);
    const figures = {
      year: 2026,
      episodes: 10,
      minutes: 550,
      films: 0,
      showsFinished: 0,
      reactions: {},
      longestStreak: 2,
      activeDays: 2,
      topShows: [
        { tmdbId: 1399, title: "Game of Thrones", image, episodes: 10, minutes: 550 },
        { tmdbId: 1396, title: "Breaking Bad", image: `${BASE}/w342/bb.png`, episodes: 1, minutes: 50 },
      ],
    };
    const svg = yearCardSvg({ name: "Alice", year: 2026, figures, posters });
    expect(svg.match(/<image /g)).toHaveLength(1);
    expect(svg).toContain(`href="data:image/png;base64,`);
    const png = await nodeCardRenderer().png("alice:2026", svg);
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  });
});
