// TMDB's watch providers for a movie (/movie/{id}/watch/providers, data by JustWatch): where it
// streams, rents and sells in each region. Validated like every TMDB answer (tmdb-schemas.ts):
// what breaks the shape becomes a TmdbError("invalid_response").
import { z } from "zod";
import { TmdbError } from "./tmdb-errors.ts";

/** Where a film can be watched in one region: provider names in TMDB's display order. */
export interface RegionProviders {
  link?: string;
  stream: string[];
  rent: string[];
  buy: string[];
}

/** By ISO 3166-1 region code ("US"). */
export type WatchProviders = Record<string, RegionProviders>;

const provider = z.object({
  provider_name: z.string().min(1).max(200),
  display_priority: z.number().nullish(),
});
const list = z
  .array(provider)
  .max(500)
  .nullish()
  .transform((items) =>
    [...(items ?? [])].sort((a, b) => (a.display_priority ?? 1e9) - (b.display_priority ?? 1e9)).map((p) => p.provider_name),
  );
const region = z.object({
  link: z.string().max(1000).nullish(),
  flatrate: list,
  free: list,
  ads: list,
  rent: list,
  buy: list,
});
const schema = z.object({ id: z.number().int().positive(), results: z.record(z.string(), region) });

export function parseWatchProviders(json: unknown, movieId: number): WatchProviders {
  const parsed = schema.safeParse(json);
  if (!parsed.success || parsed.data.id !== movieId) {
    throw new TmdbError("invalid_response", `watch providers for movie ${movieId}: unexpected shape`);
  }
  const out: WatchProviders = {};
  for (const [code, r] of Object.entries(parsed.data.results)) {
    if (!/^[A-Z]{2}$/.test(code)) continue;
    out[code] = {
      ...(r.link && /^https:\/\/[^\s<>()]+$/.test(r.link) ? { link: r.link } : {}),
      // Free and ad-supported streaming count as streaming.
      stream: [...new Set([...r.flatrate, ...r.free, ...r.ads])],
      rent: r.rent,
      buy: r.buy,
    };
  }
  return out;
}

/**
 * A server's region from its locale ("en-US" → US, "de" → DE); US when it names none. Discord
 * sends the server's preferred locale with every interaction in it.
 */
export function regionOfLocale(locale: string | null | undefined): string {
  if (typeof locale !== "string") return "US";
  const [language, country] = locale.split("-");
  if (country !== undefined && /^[A-Za-z]{2}$/.test(country)) return country.toUpperCase();
  const byLanguage: Record<string, string> = {
    da: "DK",
    de: "DE",
    el: "GR",
    cs: "CZ",
    fi: "FI",
    fr: "FR",
    hu: "HU",
    it: "IT",
    ja: "JP",
    ko: "KR",
    lt: "LT",
    nl: "NL",
    no: "NO",
    pl: "PL",
    ro: "RO",
    ru: "RU",
    tr: "TR",
    uk: "UA",
    vi: "VN",
    bg: "BG",
    hr: "HR",
    hi: "IN",
    th: "TH",
    id: "ID",
    he: "IL",
  };
  return byLanguage[language ?? ""] ?? "US";
}
