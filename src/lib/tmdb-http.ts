// One GET against TMDB with a per-attempt timeout and retries for the answers
// that mean "try again later" (429 and 5xx). Every failure leaves as a TmdbError,
// so callers have exactly one error type to turn into a Discord reply.

import { TmdbError } from "./tmdb-errors.ts";

export interface HttpOptions {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  maxRetries: number;
  token?: string;
  now: () => number;
  /** The largest body read; a larger one is given up on as it streams in. */
  maxBytes: number;
  /**
   * When an interaction's TMDB work must be done (epoch ms, on `now`'s clock): an attempt gets at
   * most the time left, none is started (nor a retry waited for) without enough of it. Work outside
   * an interaction (none) keeps the client's own bounds.
   */
  deadline?: number;
}

export interface RequestContext {
  /** Sentence for the user when TMDB answers 404, naming what was missing. */
  notFoundMessage?: string;
  /** Overrides the per-attempt timeout and body bound (a 20-season append of a long anime). */
  timeoutMs?: number;
  maxBytes?: number;
}

/** TMDB may ask for a long pause; past this we would rather fail fast and let the user retry. */
export const MAX_RETRY_AFTER_MS = 10_000;
/** Backoff when a 429/5xx carries no Retry-After: 500 ms, then 1 s, 2 s, … */
export const BASE_BACKOFF_MS = 500;

/** An attempt with less time than this left before the deadline is not started. */
export const MIN_ATTEMPT_MS = 250;

/** The time left before the deadline, or undefined without one. */
function timeLeft(options: { now: () => number; deadline?: number }): number | undefined {
  return options.deadline === undefined ? undefined : options.deadline - options.now();
}

function outOfTime(url: string): TmdbError {
  return new TmdbError("timeout", "TMDB did not answer within the interaction's time", { url });
}

/** `work`, or a timeout once the current deadline passes (`work` itself goes on for whoever else waits for it). */
export function withinDeadline<T>(work: Promise<T>, url: string, options: { now: () => number; deadline?: number }): Promise<T> {
  const left = timeLeft(options);
  if (left === undefined) return work;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, left));
  return abortable(work, controller.signal)
    .catch((error: unknown) => {
      throw controller.signal.aborted ? outOfTime(url) : error;
    })
    .finally(() => clearTimeout(timer));
}

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function getJson(url: string, options: HttpOptions, context: RequestContext = {}): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const left = timeLeft(options);
    if (left !== undefined && left < MIN_ATTEMPT_MS) throw outOfTime(url);
    const timeoutMs = Math.min(context.timeoutMs ?? options.timeoutMs, left ?? Number.POSITIVE_INFINITY);
    const response = await sendOnce(url, { ...options, timeoutMs, maxBytes: context.maxBytes ?? options.maxBytes });
    if (response.status >= 200 && response.status < 300) return parseBody(response, url);

    const failure = classify(response, url, context);
    const retryable = failure.kind === "rate_limited" || failure.kind === "unavailable";
    if (!retryable || response.status < 429 || attempt >= options.maxRetries) throw failure;
    const delay = retryDelayMs(response.headers, attempt, options.now);
    // A retry that could not be sent in time is not waited for: the failure is the answer.
    const after = timeLeft(options);
    if (after !== undefined && after < delay + MIN_ATTEMPT_MS) throw failure;
    await options.sleep(delay);
  }
}

/** Sends the request and reads the whole body within one timeout, so a server that stalls mid-body still times out. */
async function sendOnce(url: string, options: HttpOptions): Promise<RawResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    const response = await abortable(options.fetch(url, { headers, signal: controller.signal }), controller.signal);
    const text = await abortable(boundedText(response, options.maxBytes), controller.signal);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof TmdbError) throw error;
    if (controller.signal.aborted) {
      throw new TmdbError("timeout", `TMDB did not answer within ${options.timeoutMs} ms`, { url, cause: error });
    }
    throw new TmdbError("unavailable", `could not reach TMDB: ${describe(error)}`, { url, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refusing (and cancelling the download) once it passes `maxBytes`: a bounded answer or none. */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers?.get("content-length") ?? Number.NaN);
  const tooLarge = () =>
    new TmdbError("invalid_response", `TMDB's answer is larger than ${maxBytes} bytes`, {
      url: response.url,
      userMessage: "TMDB sent more than I can read at once — nothing was changed. Try again in a minute.",
    });
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body || typeof response.body.getReader !== "function") {
    const text = await response.text();
    if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge();
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Cancelling the stream (not the request's signal, which would read as a timeout) stops the download.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts — even if an
 * injected fetch ignores the signal, the timeout still holds.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined); // a late rejection after we gave up must not go unhandled
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function parseBody(response: RawResponse, url: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw new TmdbError("invalid_response", `TMDB answered ${response.status} with a body that is not JSON: ${preview(response.text)}`, {
      status: response.status,
      url,
      cause: error,
    });
  }
}

/** Maps a non-2xx answer to the error it means for the bot. */
function classify(response: RawResponse, url: string, context: RequestContext): TmdbError {
  const { status } = response;
  const detail = `TMDB answered ${status}${tmdbStatusMessage(response.text)}`;
  if (status === 404) {
    return new TmdbError("not_found", detail, {
      status,
      url,
      ...(context.notFoundMessage ? { userMessage: context.notFoundMessage } : {}),
    });
  }
  if (status === 429) return new TmdbError("rate_limited", detail, { status, url });
  if (status >= 500) return new TmdbError("unavailable", detail, { status, url });
  // A rejected token is our misconfiguration, not something the user can fix.
  if (status === 401 || status === 403) return new TmdbError("unavailable", `${detail} (check the TMDB token)`, { status, url });
  if (status >= 400) return new TmdbError("bad_request", detail, { status, url });
  return new TmdbError("invalid_response", `${detail}, which was not expected`, { status, url });
}

/** TMDB error bodies look like {status_code: 34, status_message: "…", success: false}. */
function tmdbStatusMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { status_code?: unknown; status_message?: unknown };
    if (typeof body.status_message === "string") return ` (status_code ${String(body.status_code)}: ${preview(body.status_message)})`;
  } catch {
    // not JSON: nothing useful to add
  }
  return "";
}

/** Retry-After is seconds or an HTTP date; either way capped, and exponential backoff when absent or unreadable. */
export function retryDelayMs(headers: Headers, attempt: number, now: () => number): number {
  const header = headers.get("retry-after")?.trim();
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now();
    if (Number.isFinite(ms)) return Math.min(Math.max(0, Math.ceil(ms)), MAX_RETRY_AFTER_MS);
  }
  return Math.min(BASE_BACKOFF_MS * 2 ** attempt, MAX_RETRY_AFTER_MS);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
