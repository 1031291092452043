import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { ConvexHttpClient } from "convex/browser";
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
/** An attempt shorter than this is not worth starting. */
const MIN_ATTEMPT_MS = 300;
/** Reads that failed fast wait this long before the next try, doubling. */
const READ_BACKOFF_MS = 200;
/** The readiness check: long enough for a slow deployment to count as reachable. */
const HEALTH_TIMEOUT_MS = 7_000;
/** While Convex is away: how often to look again. */
const DOWN_POLL_MS = 1_000;
/** While it is reachable: look only when no call has succeeded for this long. */
const IDLE_POLL_MS = 30_000;

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
  interaction: { id: string; applicationId: string; token: string },
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
      const scoped = { ...args, interaction: { applicationId: interaction.applicationId, token: interaction.token, key } } as typeof args;
      return backend.mutation(fn, scoped, call()).then((result) => {
        if (!CACHE_WRITES.has(getFunctionName(fn))) saved = true;
        return result;
      }, afterSave);
    },
  };
}

/** Why an attempt got no answer. */
type Unreached =
  /** Nothing was sent (connection refused, no such host, 429): safe to retry anything. */
  | "refused"
  /** Sent, and the answer was lost (connection reset, a 5xx from in front of Convex). */
  | "lost"
  /** Sent, and no answer within the attempt's time. */
  | "timeout";

class UnreachedError extends Error {
  constructor(
    readonly kind: Unreached,
    options?: { cause?: unknown },
  ) {
    super(`Convex attempt failed: ${kind}`, options);
    this.name = "UnreachedError";
  }
}

const REFUSED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function hasRefusedCode(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && REFUSED_CODES.has(code)) return true;
  // Node tries IPv4 and IPv6 in turn: every address refusing comes as an AggregateError.
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => hasRefusedCode(e, depth + 1))) return true;
  return hasRefusedCode(error.cause, depth + 1);
}

/** The root cause's message ("connect ECONNREFUSED 127.0.0.1:3210"), for one short log line. */
function innermostMessage(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 6 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : undefined;
}

export interface ConvexHttpBackendOptions {
  /** The fetch to send with (default: the global one). */
  fetch?: typeof fetch;
  /** Overrides for tests: how long the first attempt and the health check may take. */
  firstAttemptMs?: number;
  healthTimeoutMs?: number;
  downPollMs?: number;
}

/**
 * The production backend: Convex over HTTP, with a deadline on every call. Reads are retried with
 * backoff while the deadline allows; a write whose answer was lost (timeout, connection reset) is
 * retried once with the same idempotency key, so Convex applies it once. A call that gets no answer
 * in time fails with BackendUnavailableError, saying whether anything may have changed. Once
 * watched (`watch`), it knows whether Convex is reachable — from its calls and a health check —
 * and while it is not, answers at once instead of sending work that would only time out.
 */
export function convexHttpBackend(url: string, secret: string, options: ConvexHttpBackendOptions = {}): Backend {
  const baseFetch = options.fetch ?? fetch;
  const firstAttemptMs = options.firstAttemptMs ?? FIRST_ATTEMPT_MS;
  const healthTimeoutMs = options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS;
  const downPollMs = options.downPollMs ?? DOWN_POLL_MS;
  /** The signal of the attempt being sent (ConvexHttpClient takes no per-call signal). */
  const attemptSignal = new AsyncLocalStorage<AbortSignal>();
  const timedFetch: typeof fetch = async (input, init) => {
    const signal = attemptSignal.getStore();
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal });
    } catch (error) {
      throw new UnreachedError(signal?.aborted ? "timeout" : hasRefusedCode(error) ? "refused" : "lost", { cause: error });
    }
    // 560 is "the function failed" (its error is the answer); other 5xx come from in front of Convex.
    if (response.status === 429) throw new UnreachedError("refused");
    if (response.status >= 500 && response.status !== 560) throw new UnreachedError("lost");
    // The body is read by the client under the same signal: a stalled body times out too.
    return response;
  };
  const client = new ConvexHttpClient(url, { fetch: timedFetch });

  /** Runs one attempt with at most `ms`; failures other than "no answer" pass through as they are. */
  async function attempt<T>(ms: number, send: () => Promise<T>): Promise<T> {
    const signal = AbortSignal.timeout(Math.max(1, Math.round(ms)));
    try {
      return await attemptSignal.run(signal, send);
    } catch (error) {
      if (error instanceof UnreachedError) throw error;
      // The body stalled or was cut after the headers: no answer either.
      if (signal.aborted) throw new UnreachedError("timeout", { cause: error });
      if (
        error instanceof TypeError &&
        /terminated|other side closed|socket/i.test(String(error.message) + String((error.cause as Error | undefined)?.message ?? ""))
      ) {
        throw new UnreachedError("lost", { cause: error });
      }
      throw error;
    }
  }

  /**
   * The first attempt, with a second sent beside it if the first is still unanswered after
   * `firstAttemptMs`; both run until the deadline and the first answer wins. `onHedge` says the
   * second went out (for a write: it has now been sent twice, so no further retry).
   */
  async function hedged<T>(deadline: number, send: () => Promise<T>, onHedge: () => void): Promise<T> {
    const first = attempt(deadline - Date.now(), send);
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      first.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      new Promise<null>((resolve) => (timer = setTimeout(resolve, firstAttemptMs, null))),
    ]);
    clearTimeout(timer);
    if (early !== null) {
      if ("error" in early) throw early.error;
      return early.value;
    }
    if (deadline - Date.now() < MIN_ATTEMPT_MS) return first;
    onHedge();
    const second = attempt(deadline - Date.now(), send);
    // Both failing: the later attempt's reason is the one to report.
    return Promise.any([first, second]).catch((failed: AggregateError) => {
      throw failed.errors[1] ?? failed.errors[0];
    });
  }

  // ---- readiness
  let logger: Logger | undefined;
  let down = false;
  let downSince = 0;
  let lastAnswer = Date.now();
  let checking: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reached = () => {
    lastAnswer = Date.now();
    if (!down) return;
    down = false;
    // At the outage line's level, so whoever saw that one sees this one.
    logger?.warn(
      { downForMs: Date.now() - downSince },
      `Convex is reachable again after ${Math.round((Date.now() - downSince) / 100) / 10} s`,
    );
    schedule();
  };
  const unreached = (kind: Unreached, error?: unknown) => {
    if (down) return;
    down = true;
    downSince = Date.now();
    logger?.warn({ kind, reason: innermostMessage(error) }, "Convex can't be reached: answering interactions at once until it is back");
    schedule();
  };
  /** One health check at a time; a wrong secret still proves Convex is there. */
  const check = (): Promise<void> =>
    (checking ??= (async () => {
      try {
        try {
          await attempt(healthTimeoutMs, () => client.query(api.bot.health.status, { secret }));
        } catch (error) {
          // A connection closed under the check (a hung one dropped as the deployment came back)
          // says nothing about now: ask once more before calling it an outage.
          if (!(error instanceof UnreachedError && error.kind === "lost")) throw error;
          await attempt(healthTimeoutMs, () => client.query(api.bot.health.status, { secret }));
        }
        reached();
      } catch (error) {
        if (error instanceof UnreachedError) unreached(error.kind, error);
        else reached();
      } finally {
        checking = undefined;
      }
    })());
  function schedule() {
    if (logger === undefined) return;
    clearTimeout(timer);
    const wait = down ? downPollMs : Math.max(0, IDLE_POLL_MS - (Date.now() - lastAnswer));
    timer = setTimeout(() => {
      // While reachable, calls that succeed are proof enough: look only after a quiet spell.
      const due = down || Date.now() - lastAnswer >= IDLE_POLL_MS;
      void (due ? check() : Promise.resolve()).finally(schedule);
    }, wait);
    timer.unref();
  }
  /** After an attempt got no answer: a refused connection is an outage; a timeout or reset is checked. */
  const noted = (error: UnreachedError) => {
    if (error.kind === "refused") unreached("refused", error);
    else if (logger !== undefined) void check();
  };
  const away = () => logger !== undefined && down;

  async function read<T>(send: () => Promise<T>, call: CallOptions): Promise<T> {
    const deadline = call.deadline ?? Date.now() + DEFAULT_BUDGET_MS;
    if (away() || deadline - Date.now() < MIN_ATTEMPT_MS) throw new BackendUnavailableError("nothing_changed");
    let backoff = READ_BACKOFF_MS;
    for (let n = 0; ; n++) {
      try {
        const result = await (n === 0 ? hedged(deadline, send, () => undefined) : attempt(deadline - Date.now(), send));
        reached();
        return result;
      } catch (error) {
        if (!(error instanceof UnreachedError)) {
          reached();
          throw error;
        }
        noted(error);
        if (away() || deadline - Date.now() < backoff + MIN_ATTEMPT_MS)
          throw new BackendUnavailableError("nothing_changed", { cause: error });
        if (error.kind !== "timeout") {
          await sleep(backoff);
          backoff *= 2;
        }
      }
    }
  }

  async function write<T>(send: () => Promise<T>, call: CallOptions): Promise<T> {
    const deadline = call.deadline ?? Date.now() + DEFAULT_BUDGET_MS;
    if (away() || deadline - Date.now() < MIN_ATTEMPT_MS) throw new BackendUnavailableError("nothing_changed");
    /** Whether an attempt may have reached Convex (its answer lost): then only one more try. */
    let sent = false;
    /** The first attempt went unanswered long enough that a second was sent beside it. */
    let hedge = false;
    let backoff = READ_BACKOFF_MS;
    for (let n = 0; ; n++) {
      try {
        const result = await (n === 0 ? hedged(deadline, send, () => (hedge = true)) : attempt(deadline - Date.now(), send));
        reached();
        return result;
      } catch (error) {
        if (!(error instanceof UnreachedError)) {
          reached();
          throw error;
        }
        noted(error);
        const retried = sent || hedge;
        if (error.kind !== "refused") sent = true;
        const outcome: UnavailableOutcome = sent ? "may_not_be_saved" : "nothing_changed";
        // The same idempotency key goes again: Convex applies the write at most once.
        if (retried || away() || deadline - Date.now() < MIN_ATTEMPT_MS + (error.kind === "timeout" ? 0 : backoff))
          throw new BackendUnavailableError(outcome, { cause: error });
        if (error.kind !== "timeout") {
          await sleep(backoff);
          backoff *= 2;
        }
      }
    }
  }

  return {
    query: (fn, args, call = {}) => read(() => client.query(fn, { ...args, secret } as FunctionArgs<typeof fn>), call),
    // skipQueue: ConvexHttpClient otherwise runs every mutation of the process one at a time,
    // so one user's write would wait behind every other user's.
    mutation: (fn, args, call = {}) =>
      write(() => client.mutation(fn, { ...args, secret } as FunctionArgs<typeof fn>, { skipQueue: true }), call),
    watch(log) {
      logger = log;
      schedule();
    },
    unwatch() {
      clearTimeout(timer);
      logger = undefined;
    },
    reachable: () => !down,
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
