import { ConvexError } from "convex/values";

/** Codes the bot turns into friendly replies; the message is already meant for people. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_ARGUMENT"
  | "NOT_FOUND"
  /** The bot fetches the show's structure from TMDB and sends it with the same write. */
  | "SHOW_NOT_CACHED"
  /** As SHOW_NOT_CACHED: the cached structure no longer matches TMDB or is too old. */
  | "SHOW_STALE"
  | "NOT_A_SHOW"
  | "SEASON_OUT_OF_RANGE"
  | "EPISODE_OUT_OF_RANGE"
  | "EPISODE_NOT_AIRED"
  | "LIST_PRIVATE"
  | "UNDO_UNAVAILABLE"
  /** Carries retryAfterMs. */
  | "RATE_LIMITED"
  /** A write asked to draw the title from what is stored, and nothing is: the bot sends TMDB's details. */
  | "TITLE_NOT_STORED";

export function fail(code: ErrorCode, message: string, extra: { retryAfterMs?: number; showNeeded?: boolean } = {}): never {
  throw new ConvexError({ code, message, ...extra });
}

/**
 * A title quoted inside an error message, made inert for Discord (error
 * messages are shown as they are): the views' escaping, shared with the bot.
 */
export { quoteTitle } from "../../src/views/text";
