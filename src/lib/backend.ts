import { ConvexError, type Value } from "convex/values";
import { getFunctionName, type FunctionArgs, type FunctionReference, type FunctionReturnType } from "convex/server";
import { api } from "../../convex/_generated/api.js";
import { isErrorCode, type ErrorCode, type ErrorData } from "../../convex/model/errors.ts";
import type { Logger } from "./logger.ts";

/** Bot API arguments without the shared secret: the backend adds it. */
export type BotArgs<F extends FunctionReference<"query" | "mutation">> = Omit<FunctionArgs<F>, "secret">;

/** How long one call may take. */
export interface CallOptions {
  /**
   * When the answer must be back (epoch ms): an interaction's calls give up in time for the bot
   * to answer within Discord's 10 seconds. Without it a call gets DEFAULT_BUDGET_MS.
   */
  deadline?: number;
}

/**
 * How the bot reaches Convex. Production talks to a deployment over HTTP; the
 * sandbox runs the same convex/ functions in an embedded engine (or, for faults and the
 * benchmark, over HTTP too). The bot's logic is the same either way.
 */
export interface Backend {
  query<F extends FunctionReference<"query">>(fn: F, args: BotArgs<F>, options?: CallOptions): Promise<FunctionReturnType<F>>;
  mutation<F extends FunctionReference<"mutation">>(fn: F, args: BotArgs<F>, options?: CallOptions): Promise<FunctionReturnType<F>>;
  /** Starts the readiness poll (the production backend): one log line when Convex goes away, one when it is back. */
  watch?(logger: Logger): void;
  /** Stops the readiness poll. */
  unwatch?(): void;
  /** Whether Convex is reachable as far as the readiness check knows (the production backend). */
  reachable?(): boolean;
}

/** What the person can be told when Convex did not answer in time. */
export type UnavailableOutcome =
  /** Nothing reached Convex, or only reads did. */
  | "nothing_changed"
  /** A write was sent (twice) and no answer came back: it may or may not have been applied. */
  | "may_not_be_saved"
  /** The interaction's write was applied; what failed was reading the result back to show it. */
  | "saved_not_shown";

/** Convex could not be reached (or did not answer) within the call's deadline. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly outcome: UnavailableOutcome,
    options?: { cause?: unknown },
  ) {
    super(`Convex could not be reached (${outcome})`, options);
    this.name = "BackendUnavailableError";
  }
}

/** The whole of an interaction's Convex time: leaves the bot ~1.5 s of Discord's 10 s to answer. */
export const INTERACTION_BUDGET_MS = 8_500;
/** A call outside an interaction (or given no deadline). */
export const DEFAULT_BUDGET_MS = 8_500;
/**
 * How long the first attempt goes unanswered before one more is sent beside it (same idempotency
 * key). The first is not abandoned: a deployment that is merely slow still answers it, and
 * whichever answer comes first wins — a black-holed request has a second chance in the time left.
 */
export const FIRST_ATTEMPT_MS = 2_500;

/**
 * Writes that change nothing of the person's: caching shared data (a show's structure) and the
 * /account export's lease. A failure after one of them is not "your change was saved".
 */
const CACHE_WRITES = new Set([
  getFunctionName(api.bot.shows.cacheShow),
  getFunctionName(api.bot.titles.cacheShowForCard),
  getFunctionName(api.bot.linking.startExport),
  getFunctionName(api.bot.linking.finishExport),
]);

/**
 * The backend for one interaction: its writes carry the interaction (application id and token,
 * so Convex can follow up on it, e.g. telling someone their DMs refused a reminder) and an
 * idempotency key (the interaction id and the write's number in it, so a retried write is applied
 * once); every call shares the interaction's deadline.
 */
export function withInteraction(
  backend: Backend,
  interaction: { id: string; applicationId: string; token: string; locale?: string },
  options: CallOptions = {},
): Backend {
  let writes = 0;
  let saved = false;
  // A call made once the interaction's time is spent (a long export's later pages, after the
  // deferral) still gets one first attempt's worth.
  const call = () => (options.deadline === undefined ? {} : { deadline: Math.max(options.deadline, Date.now() + FIRST_ATTEMPT_MS) });
  /** A failure after this interaction's write was applied says so (it was saved). */
  const afterSave = (error: unknown): never => {
    if (saved && error instanceof BackendUnavailableError && error.outcome === "nothing_changed")
      throw new BackendUnavailableError("saved_not_shown", { cause: error });
    throw error;
  };
  return {
    query: (fn, args) => backend.query(fn, args, call()).catch(afterSave),
    mutation: (fn, args) => {
      const key = `${interaction.id}:${writes++}`;
      // The person's Discord language rides along, so Convex remembers it for their DMs (when it changed).
      const scoped = {
        ...args,
        interaction: {
          applicationId: interaction.applicationId,
          token: interaction.token,
          key,
          ...(interaction.locale ? { locale: interaction.locale } : {}),
        },
      } as typeof args;
      return backend.mutation(fn, scoped, call()).then((result) => {
        if (!CACHE_WRITES.has(getFunctionName(fn))) saved = true;
        return result;
      }, afterSave);
    },
  };
}

/**
 * The code of an expected failure a bot function answered with (ConvexError data
 * `{ code, message }`), or null for anything else. By shape: the error may come from
 * another copy of the convex package (the HTTP client's or the embedded engine's).
 */
export function convexErrorCode(error: unknown): ErrorCode | null {
  return convexErrorData(error)?.code ?? null;
}

/**
 * The data of a coded ConvexError (`{ code, message, … }`, thrown by convex/model/errors.ts's
 * fail()), or null for anything else, including a ConvexError whose code the contract lacks.
 */
export function convexErrorData(error: unknown): ErrorData | null {
  if (!(error instanceof ConvexError || (error instanceof Error && error.name === "ConvexError" && "data" in error))) return null;
  const data = (error as ConvexError<Value>).data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const { code, message, retryAfterMs, showNeeded } = data as Record<string, unknown>;
  if (!isErrorCode(code) || typeof message !== "string") return null;
  return {
    code,
    message,
    ...(typeof retryAfterMs === "number" ? { retryAfterMs } : {}),
    ...(typeof showNeeded === "boolean" ? { showNeeded } : {}),
  };
}
