// HTTP for the Node doors' hot path (Convex calls, interaction answers): undici's request() on a
// keep-alive connection pool. It does what fetch does there for a fraction of the CPU — no Request,
// Headers or web streams per call, and a plain timer per attempt rather than AbortSignal.timeout
// (measured in bench/README.md, "CPU per interaction"). The runtime-neutral core keeps fetch as its
// default; only Node code injects this.
import { EventEmitter } from "node:events";
import { Agent } from "undici";
import { fetchSender, type RestReply, type RestSender } from "../core/transport.ts";

/** One pool per origin, connections kept open between interactions. */
const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });

export interface NodeHttpResponse {
  status: number;
  statusText: string;
  header(name: string): string | null;
  /** Reads the body (once). */
  text(): Promise<string>;
  /** Drops the body unread; the connection goes back to the pool. */
  discard(): Promise<void>;
}

/** Where a request goes: the origin (the pool's key) and the path, split once rather than parsed per request. */
export interface Target {
  origin: string;
  path: string;
}

/** Splits an absolute http(s) URL into origin and path (with its query), as undici's request() would per call. */
export function target(url: string): Target {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  return slash === -1 ? { origin: url, path: "/" } : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/**
 * One request. `signal` aborts it, body included; the error thrown for a failed connection is
 * undici's (a `code` such as ECONNREFUSED or UND_ERR_SOCKET, or the abort's reason).
 */
export async function send(
  method: "GET" | "POST" | "PATCH",
  to: Target,
  headers: Record<string, string>,
  body: string | undefined,
  signal: Deadline | undefined,
): Promise<NodeHttpResponse> {
  // The dispatcher's own request(): undici's top-level one parses the URL again on every call.
  const response = await dispatcher.request({ origin: to.origin, path: to.path, method, headers, body, signal });
  return {
    status: response.statusCode,
    statusText: "",
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? (value[0] ?? null) : value;
    },
    text: () => response.body.text(),
    discard: () => response.body.dump().then(() => undefined),
  };
}

/**
 * An attempt's end: emits "abort" after `ms`, which undici takes as a request's signal. An emitter
 * rather than an AbortController — whose EventTarget listeners cost more than the rest of a
 * request's own work (≈ 0.05 ms of CPU each, measured) — and a timer that `done()` releases at once
 * (AbortSignal.timeout's outlives the call).
 */
export class Deadline extends EventEmitter {
  aborted = false;
  readonly #timer: NodeJS.Timeout;
  constructor(ms: number) {
    super();
    this.#timer = setTimeout(() => {
      this.aborted = true;
      this.emit("abort");
    }, ms);
  }
  done(): void {
    clearTimeout(this.#timer);
  }
}

const viaFetch = fetchSender();

/** The interaction REST routes' sender for the Node doors (src/core/transport.ts's default is fetch). */
export const nodeRestSender: RestSender = async (req): Promise<RestReply> => {
  // Multipart uploads (a follow-up with a file) are rare: fetch encodes the form.
  if (typeof req.body !== "string") return await viaFetch(req);
  const deadline = new Deadline(req.timeoutMs);
  try {
    const response = await send(req.method, target(req.url), req.headers, req.body, deadline);
    if (response.status >= 200 && response.status < 300) {
      await response.discard().catch(() => undefined);
      return { status: response.status, statusText: "", retryAfter: null, text: "" };
    }
    const text = await response.text().catch(() => "");
    return { status: response.status, statusText: "", retryAfter: response.header("retry-after"), text };
  } finally {
    deadline.done();
  }
};
