// Which catalogue answers which Discord locale. Adding a language: its catalogue folder in
// catalogues/, and one line in CATALOGUES below (docs/localisation.md).
import { de } from "./catalogues/de/index.ts";
import { en, type Catalogue } from "./catalogues/en.ts";
import { es } from "./catalogues/es/index.ts";
import { fr } from "./catalogues/fr/index.ts";
import { ja } from "./catalogues/ja/index.ts";
import { ptBR } from "./catalogues/pt-BR/index.ts";

/** Every catalogue, by the Discord locale (or language) it is written for. */
export const CATALOGUES = {
  en,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  ja,
} as const satisfies Record<string, Catalogue>;

export type CatalogueId = keyof typeof CATALOGUES;

/** Every locale Discord sends and registers names under (https://discord.com/developers/docs/reference#locales). */
export const DISCORD_LOCALES = [
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
] as const;
export type DiscordLocale = (typeof DISCORD_LOCALES)[number];

const IDS = Object.keys(CATALOGUES) as CatalogueId[];

/** The catalogue for a locale: its own ("pt-BR"), else its language's ("es-419" → es, "en-GB" → en), else English. */
export function catalogueFor(locale: string): CatalogueId {
  const exact = IDS.find((id) => id.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = locale.split("-", 1)[0]!.toLowerCase();
  return IDS.find((id) => id.split("-", 1)[0]!.toLowerCase() === language) ?? "en";
}

/** The Discord locales a catalogue other than English answers, for registering command names under. */
export function localizedDiscordLocales(): { locale: DiscordLocale; catalogue: Exclude<CatalogueId, "en"> }[] {
  return DISCORD_LOCALES.flatMap((locale) => {
    const catalogue = catalogueFor(locale);
    return catalogue === "en" ? [] : [{ locale, catalogue }];
  });
}
