// Localisation: messages in the person's (or server's) language. See docs/localisation.md.
export { translator, english, type Translator, type MessageValues } from "./translator.ts";
export type { MessageKey, Messages, Catalogue, CommandStrings } from "./catalogues/en.ts";
export { CATALOGUES, DISCORD_LOCALES, catalogueFor, localizedDiscordLocales, type CatalogueId, type DiscordLocale } from "./locales.ts";
