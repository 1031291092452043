// Every message the bot or Convex sends, as Discord API payloads. This folder imports
// only discord-api-types and @discordjs/formatters, so both runtimes can use it.
export * from "./component-ids.ts";
export * from "./account.ts";
export * from "./components.ts";
export * from "./custom-id.ts";
export * from "./embeds.ts";
export * from "./episode-card.ts";
export * from "./guess.ts";
export * from "./help.ts";
export * from "./limits.ts";
export * from "./list-page.ts";
export * from "./message.ts";
export * from "./party-board.ts";
export * from "./progress.ts";
export * from "./reminder.ts";
export * from "./text.ts";
export * from "./title-card.ts";
export * from "./vocabulary.ts";
