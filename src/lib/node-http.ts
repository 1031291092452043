// HTTP for the Node doors' hot path (Convex calls, interaction answers): undici's request() on a
// keep-alive connection pool. It does what fetch does there for a fraction of the CPU — no Request,
// Headers or web streams per call, and a plain timer per attempt rather than AbortSignal.timeout
// (measured in bench/README.md, "CPU per interaction"). The runtime-neutral core keeps fetch as its
// default; only Node code injects this.
import { Agent, request } from "undici";
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

/**
 * One request. `signal` aborts it, body included; the error thrown for a failed connection is
 * undici's (a `code` such as ECONNREFUSED or UND_ERR_SOCKET, or the abort's reason).
 */
export async function send(
  method: "GET" | "POST" | "PATCH",
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<NodeHttpResponse> {
  const response = await request(url, { method, headers, body, signal, dispatcher });
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

/** A signal that aborts after `ms`, and its timer's release: cheaper than AbortSignal.timeout, whose timer outlives the call. */
export function deadlineSignal(ms: number): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), ms);
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

const viaFetch = fetchSender();

/** The interaction REST routes' sender for the Node doors (src/core/transport.ts's default is fetch). */
export const nodeRestSender: RestSender = async (req): Promise<RestReply> => {
  // Multipart uploads (a follow-up with a file) are rare: fetch encodes the form.
  if (typeof req.body !== "string") return await viaFetch(req);
  const deadline = deadlineSignal(req.timeoutMs);
  try {
    const response = await send(req.method, req.url, req.headers, req.body, deadline.signal);
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
