// The one error type the TMDB client throws. `kind` is for code (retry? tell the
// user? log loudly?), `userMessage` is a sentence safe to show in Discord as is:
// it never echoes user input or TMDB's text, so it cannot carry mentions or markdown.

export type TmdbErrorKind = "not_found" | "unavailable" | "timeout" | "rate_limited" | "invalid_response" | "bad_request";

/** The sentence each kind says unless a thrower wrote its own (the catalogue's `error.tmdb.<kind>` translates these). */
export const DEFAULT_USER_MESSAGES: Record<TmdbErrorKind, string> = {
  not_found: "TMDB doesn't have that title — check the id and try again.",
  unavailable: "TMDB is not answering right now — nothing was changed. Try again in a minute.",
  timeout: "TMDB took too long to answer — nothing was changed. Try again in a moment.",
  rate_limited: "TMDB is getting too many requests right now — nothing was changed. Try again in a minute.",
  invalid_response: "TMDB sent back something we couldn't read — nothing was changed. Try again later.",
  bad_request: "That request doesn't look right — check what you typed and try again.",
};

export interface TmdbErrorOptions {
  /** Overrides the default sentence for this kind, e.g. to name the missing season. */
  userMessage?: string;
  /** HTTP status TMDB answered with, when there was an answer. */
  status?: number;
  /** The request URL (never carries the token: that travels in a header). */
  url?: string;
  cause?: unknown;
}

export class TmdbError extends Error {
  readonly kind: TmdbErrorKind;
  readonly userMessage: string;
  readonly status?: number;
  readonly url?: string;

  /** `message` is for logs; `userMessage` is for people. */
  constructor(kind: TmdbErrorKind, message: string, options: TmdbErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TmdbError";
    this.kind = kind;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[kind];
    if (options.status !== undefined) this.status = options.status;
    if (options.url !== undefined) this.url = options.url;
  }
}

export function isTmdbError(error: unknown): error is TmdbError {
  return error instanceof TmdbError;
}
