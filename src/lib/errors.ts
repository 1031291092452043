import { ConvexError, type Value } from "convex/values";
import { StaleComponentError } from "../views/custom-id.ts";
import { isTmdbError } from "./tmdb.ts";
import { DEFAULT_USER_MESSAGES } from "./tmdb-errors.ts";
import { DiscordRequestError } from "../core/transport.ts";
import { BackendUnavailableError, convexErrorData, type UnavailableOutcome } from "./backend.ts";
import type { ErrorCode } from "../../convex/model/errors.ts";
import { english, type MessageKey, type Translator } from "../i18n/index.ts";

/**
 * What a failure is, as the bot logs and compares it: a Convex ErrorCode (the contract in
 * convex/model/errors.ts), or one of the bot's own.
 */
export type FailureCode =
  | ErrorCode
  | "USER_ERROR"
  | "STALE_COMMAND"
  | "STALE_COMPONENT"
  /** A ConvexError with a plain message or a code outside the contract. */
  | "CONVEX_ERROR"
  | `CONVEX_UNAVAILABLE_${Uppercase<UnavailableOutcome>}`
  | `TMDB_${string}`
  | `DISCORD_${number}`
  | "UNEXPECTED";

/** An expected failure whose message is written for the person who caused it. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: FailureCode = "USER_ERROR",
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Plain-language messages for the Discord API errors people can run into. */
const DISCORD_MESSAGES: Record<number, MessageKey> = {
  50007: "error.discord.dmsClosed",
  50013: "error.discord.missingPermission",
  50001: "error.discord.cantSeeChannel",
  10008: "error.discord.messageGone",
  10062: "error.discord.tooSlow",
  40060: "error.discord.alreadyAnswered",
};

/**
 * Where a person sees whether a change of theirs went through, by the feature it was made in
 * (a command's name, or a component id's prefix — `party:join`, `session:rsvp`).
 */
const CHECK_WITH: Record<string, string> = {
  party: "/party status",
  session: "/party status",
  remind: "/remind settings",
  account: "/account",
  link: "/account",
  unlink: "/account",
};
const DEFAULT_CHECK = "/watch info";

/** What is true to say when Convex did not answer, by what may have happened and where to look. */
export function unavailableMessage(outcome: UnavailableOutcome, feature?: string, t: Translator = english): string {
  const check = CHECK_WITH[feature ?? ""] ?? DEFAULT_CHECK;
  switch (outcome) {
    case "nothing_changed":
      return t("error.unavailable.nothingChanged");
    case "may_not_be_saved":
      return t("error.unavailable.mayNotBeSaved", { check });
    case "saved_not_shown":
      return t("error.unavailable.savedNotShown", { check });
  }
}

export interface DescribedError {
  /** What to tell the user. */
  message: string;
  /** Set for unexpected errors: quoted in the reply and the log so they can be matched. */
  reference?: string;
  code: FailureCode;
}

/**
 * Sorts an error into expected (told as is) and unexpected (logged, short reply with a reference).
 * `feature` (the command, or the component id's prefix) points an outage message at the right place to check.
 * `t` is the person's language: a UserError is already written in it (handlers build its message
 * with their translator); Convex's and TMDB's own messages are still English (docs/localisation.md).
 */
export function describeError(error: unknown, feature?: string, t: Translator = english): DescribedError {
  if (error instanceof StaleComponentError) return { message: t("error.staleComponent"), code: error.code };
  if (error instanceof UserError) return { message: error.message, code: error.code };
  // A ConvexError may come from another copy of the convex package (HTTP client vs engine): go by shape.
  if (error instanceof ConvexError || (error instanceof Error && error.name === "ConvexError" && "data" in error)) {
    const coded = convexErrorData(error);
    // Convex's write budget says when to try again: said in the person's language, as the dispatcher's own limit is.
    if (coded?.code === "RATE_LIMITED" && coded.retryAfterMs !== undefined)
      return { message: t("error.slowDown", { seconds: Math.max(1, Math.ceil(coded.retryAfterMs / 1000)) }), code: coded.code };
    if (coded !== null) return { message: coded.message, code: coded.code };
    const data = (error as ConvexError<Value>).data as { message?: unknown } | string;
    if (typeof data === "object" && data !== null && typeof data.message === "string")
      return { message: data.message, code: "CONVEX_ERROR" };
    if (typeof data === "string") return { message: data, code: "CONVEX_ERROR" };
  }
  if (error instanceof BackendUnavailableError)
    return {
      message: unavailableMessage(error.outcome, feature, t),
      code: `CONVEX_UNAVAILABLE_${error.outcome.toUpperCase() as Uppercase<UnavailableOutcome>}`,
    };
  if (isTmdbError(error)) {
    // The kind's own sentence is translated; one a thrower wrote itself (naming a season) is still English.
    const message = error.userMessage === DEFAULT_USER_MESSAGES[error.kind] ? t(`error.tmdb.${error.kind}`) : error.userMessage;
    return { message, code: `TMDB_${error.kind.toUpperCase()}` };
  }
  if (error instanceof DiscordRequestError && error.code !== null && DISCORD_MESSAGES[error.code]) {
    return { message: t(DISCORD_MESSAGES[error.code]!), code: `DISCORD_${error.code}` };
  }
  const reference = [...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return {
    message: t("error.unexpected", { reference }),
    reference,
    code: "UNEXPECTED",
  };
}
