// The error contract between Convex and the bot. A coded error is thrown only through fail(): a
// ConvexError whose data is `{ code, message, …extra }`, the message already meant for people.
// The bot reads the code as an ErrorCode (src/lib/backend.ts's convexErrorCode) and switches on it;
// test/convex/error-codes.test.ts checks every code here is thrown somewhere and none is thrown
// any other way. Web-app errors it shows are ConvexErrors with a plain message (no code).
import { ConvexError } from "convex/values";

/** Every code a bot function may fail with. */
export const ERROR_CODES = [
  /** The bot secret is wrong, or the caller may not do this (a party they don't host). */
  "FORBIDDEN",
  "INVALID_ARGUMENT",
  "NOT_FOUND",
  /** The bot fetches the show's structure from TMDB and sends it with the same write. */
  "SHOW_NOT_CACHED",
  /** As SHOW_NOT_CACHED: the cached structure no longer matches TMDB or is too old. */
  "SHOW_STALE",
  "SEASON_OUT_OF_RANGE",
  "EPISODE_OUT_OF_RANGE",
  "EPISODE_NOT_AIRED",
  /** Another member's list can't be shown: one answer for every reason, so none leaks. */
  "LIST_UNAVAILABLE",
  "UNDO_UNAVAILABLE",
  /** Carries retryAfterMs. */
  "RATE_LIMITED",
  /** A write asked to draw the title from what is stored, and nothing is: the bot sends TMDB's details. */
  "TITLE_NOT_STORED",
] as const;

/** Codes the bot turns into friendly replies. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a coded error carries besides its code and message. */
export type ErrorExtra = { retryAfterMs?: number; showNeeded?: boolean };

/** A coded error's data, as the bot receives it. */
export type ErrorData = { code: ErrorCode; message: string } & ErrorExtra;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** The only way to throw a coded error. */
export function fail(code: ErrorCode, message: string, extra: ErrorExtra = {}): never {
  const data: ErrorData = { code, message, ...extra };
  throw new ConvexError(data);
}

/**
 * A title quoted inside an error message, made inert for Discord (error
 * messages are shown as they are): the views' escaping, shared with the bot.
 */
export { quoteTitle } from "../../src/views/text";
