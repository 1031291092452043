// The production backend: Convex over HTTP (its /api/query and /api/mutation routes, as
// ConvexHttpClient calls them), with deadlines, a hedged first attempt and a readiness poll. Node
// only (the bot process and the sandbox's HTTP mode); the interaction core sees it only as a
// Backend (backend.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { getFunctionName, type FunctionReturnType } from "convex/server";
import { version } from "convex";
import { ConvexError, type JSONValue } from "convex/values";
import { api } from "../../convex/_generated/api.js";
import {
  BackendUnavailableError,
  DEFAULT_BUDGET_MS,
  FIRST_ATTEMPT_MS,
  type Backend,
  type CallOptions,
  type UnavailableOutcome,
} from "./backend.ts";
import { decodeConvexJson, encodeConvexJson } from "./convex-wire.ts";
import type { Logger } from "./logger.ts";
import { RequestTimeoutError, send as sendHttp, target } from "./node-http.ts";

/** The client header ConvexHttpClient sends. */
const CONVEX_CLIENT = `npm-${version}`;
const HEALTH = getFunctionName(api.bot.health.status);

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

/** Whether an HTTP status carries Convex's answer: 560 is "the function failed" (its error is the answer); a 429 or another 5xx comes from in front of Convex. */
const isAnswer = (status: number) => status !== 429 && (status < 500 || status === 560);

export interface ConvexHttpBackendOptions {
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
  const firstAttemptMs = options.firstAttemptMs ?? FIRST_ATTEMPT_MS;
  const healthTimeoutMs = options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS;
  const downPollMs = options.downPollMs ?? DOWN_POLL_MS;
  const base = url.replace(/\/+$/, "");
  const routes = { query: target(`${base}/api/query`), mutation: target(`${base}/api/mutation`) };
  const headers = { "content-type": "application/json", "convex-client": CONVEX_CLIENT };

  /**
   * One call of a Convex function, as ConvexHttpClient makes it (the same request, and the same
   * errors: a ConvexError with its data, or an Error with the function's message), within `ms`.
   * No answer — nothing sent, the connection lost, a 429 or a 5xx from in front of Convex — is an UnreachedError.
   */
  async function callConvex(kind: "query" | "mutation", name: string, args: Record<string, unknown>, ms: number): Promise<unknown> {
    // One encoding of the arguments, straight to the text (convex-wire.ts).
    const body = `{"path":${JSON.stringify(name)},"format":"convex_encoded_json","args":[${encodeConvexJson({ ...args, secret })}]}`;
    let status: number;
    let text: string;
    try {
      // The body is read within the same limit (a stalled body times out too); not at all when it is no answer.
      const response = await sendHttp("POST", routes[kind], headers, body, ms, isAnswer);
      status = response.status;
      if (!isAnswer(status)) throw new UnreachedError(status === 429 ? "refused" : "lost");
      text = response.text;
    } catch (error) {
      if (error instanceof UnreachedError) throw error;
      throw new UnreachedError(error instanceof RequestTimeoutError ? "timeout" : hasRefusedCode(error) ? "refused" : "lost", {
        cause: error,
      });
    }
    if ((status < 200 || status >= 300) && status !== 560) throw new Error(text);
    const answer = JSON.parse(text) as { status?: unknown; value?: JSONValue; errorMessage?: string; errorData?: JSONValue };
    if (answer.status === "success") return decodeConvexJson(answer.value ?? null, text);
    if (answer.status === "error") {
      if (answer.errorData !== undefined) {
        const error = new ConvexError(answer.errorMessage ?? "");
        (error as { data: unknown }).data = decodeConvexJson(answer.errorData, text);
        throw error;
      }
      throw new Error(answer.errorMessage);
    }
    throw new Error(`Invalid response: ${text}`);
  }

  /** Runs one attempt with at most `ms`; failures other than "no answer" pass through as they are. */
  const attempt = <T>(ms: number, send: (ms: number) => Promise<T>): Promise<T> => send(Math.max(1, Math.round(ms)));

  /**
   * The first attempt, with a second sent beside it if the first is still unanswered after
   * `firstAttemptMs`; both run until the deadline and the first answer wins (both failing: the
   * later attempt's reason). `onHedge` says the second went out (for a write: it has now been sent
   * twice, so no further retry). One timer and one promise: this runs for every call.
   */
  function hedged<T>(deadline: number, send: (ms: number) => Promise<T>, onHedge: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let hedging = false;
      let failures = 0;
      let firstError: unknown;
      let secondError: unknown;
      const succeed = (value: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      const fail = (error: unknown, which: 1 | 2) => {
        if (settled) return;
        if (which === 1) firstError = error;
        else secondError = error;
        // Before a second attempt went out, the first's failure is the answer; after, both must fail.
        if (hedging && ++failures < 2) return;
        settled = true;
        clearTimeout(timer);
        reject(hedging ? secondError : firstError);
      };
      const timer = setTimeout(() => {
        // Too little time left for a second attempt: the first decides.
        if (settled || deadline - Date.now() < MIN_ATTEMPT_MS) return;
        hedging = true;
        onHedge();
        attempt(deadline - Date.now(), send).then(succeed, (error: unknown) => fail(error, 2));
      }, firstAttemptMs);
      attempt(deadline - Date.now(), send).then(succeed, (error: unknown) => fail(error, 1));
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
          await attempt(healthTimeoutMs, (ms) => callConvex("query", HEALTH, {}, ms));
        } catch (error) {
          // A connection closed under the check (a hung one dropped as the deployment came back)
          // says nothing about now: ask once more before calling it an outage.
          if (!(error instanceof UnreachedError && error.kind === "lost")) throw error;
          await attempt(healthTimeoutMs, (ms) => callConvex("query", HEALTH, {}, ms));
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

  async function read<T>(send: (ms: number) => Promise<T>, call: CallOptions): Promise<T> {
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

  async function write<T>(send: (ms: number) => Promise<T>, call: CallOptions): Promise<T> {
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
    query: (fn, args, options = {}) =>
      read((ms) => callConvex("query", getFunctionName(fn), args, ms), options) as Promise<FunctionReturnType<typeof fn>>,
    // Each mutation goes out at once, as ConvexHttpClient's skipQueue sends it: one user's write
    // never waits behind another's.
    mutation: (fn, args, options = {}) =>
      write((ms) => callConvex("mutation", getFunctionName(fn), args, ms), options) as Promise<FunctionReturnType<typeof fn>>,
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
