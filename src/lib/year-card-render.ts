// Turns the year in review's SVG (src/views/year-card.ts) into a PNG in the Node doors, with resvg
// (a Rust SVG renderer, prebuilt for Node) and the Inter font files shipped on npm
// (@expo-google-fonts/inter, SIL Open Font License): no browser, no system fonts. The interaction
// core gets this as ctx.cards, so it stays free of Node's modules (it also runs in Convex, which has
// no renderer: the card's reply says so and shows the numbers instead).
//
// Cached per card (person and year): the same SVG — the same figures — is not drawn twice; any
// change of the counters changes the SVG, so a cached PNG never outlives the numbers it shows.
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { renderAsync } from "@resvg/resvg-js";
import { CARD_FONT, type CardRenderer } from "../views/year-card.ts";

/** Cards kept; the oldest goes first. */
const CACHE_SIZE = 200;

const require = createRequire(import.meta.url);

/** The bundled font files the card is set in. */
export function cardFontFiles(): string[] {
  return [
    require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
    require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
  ];
}

export function nodeCardRenderer(options: { cacheSize?: number } = {}): CardRenderer & { rendered: () => number } {
  const fontFiles = cardFontFiles();
  // Keyed by person and year; the SVG is kept as its digest (with posters inlined, an SVG can be ~1 MB).
  const cache = new Map<string, { digest: string; png: Uint8Array }>();
  const size = options.cacheSize ?? CACHE_SIZE;
  let rendered = 0;
  return {
    rendered: () => rendered,
    async png(key, svg) {
      const digest = createHash("sha256").update(svg).digest("base64");
      const hit = cache.get(key);
      if (hit !== undefined && hit.digest === digest) {
        // Most recently used last.
        cache.delete(key);
        cache.set(key, hit);
        return hit.png;
      }
      // renderAsync rasterises on libuv's thread pool: ~30 ms a card that would otherwise hold every
      // other interaction on this process.
      const png = (await renderAsync(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CARD_FONT } })).asPng();
      rendered++;
      cache.delete(key);
      cache.set(key, { digest, png });
      while (cache.size > size) cache.delete(cache.keys().next().value!);
      return png;
    },
  };
}
