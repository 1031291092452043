import { ConvexError } from "convex/values";

/** Codes the bot turns into friendly replies; the message is already meant for people. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_ARGUMENT"
  | "NOT_FOUND"
  | "SHOW_NOT_CACHED"
  | "NOT_A_SHOW"
  | "SEASON_OUT_OF_RANGE"
  | "EPISODE_OUT_OF_RANGE"
  | "LIST_PRIVATE"
  | "UNDO_UNAVAILABLE";

export function fail(code: ErrorCode, message: string): never {
  throw new ConvexError({ code, message });
}

/**
 * A title quoted inside an error message, made inert for Discord (error
 * messages are shown as they are): the views' escaping, shared with the bot.
 */
export { quoteTitle } from "../../src/views/text";
