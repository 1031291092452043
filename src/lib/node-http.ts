// HTTP for the Node doors' hot path (Convex calls, interaction answers): undici's dispatcher on a
// keep-alive connection pool, driven through its handler interface. It does what fetch does there
// for a fraction of the CPU: no Request, Headers or web streams per call — and, unlike undici's own
// request(), no response stream, async resource, header object or abort signal either: the status,
// the raw headers and the body's chunks go straight into one object, and the attempt's limit is one
// timer (measured in bench/README.md, "CPU per interaction"). The runtime-neutral core keeps fetch
// as its default; only Node code injects this.
import { Agent, type Dispatcher } from "undici";
import { fetchSender, type RestReply, type RestSender } from "../core/transport.ts";

/** One pool per origin, connections kept open between interactions. */
const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });

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

/** No answer within the attempt's limit (the request, if it was sent, is aborted). */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}

/** An answer, read whole within the attempt's limit. */
export interface NodeHttpReply {
  status: number;
  /** The body as text, or "" when `readBody` said it was not wanted (it was read and dropped: the connection goes back to the pool). */
  text: string;
  /** One header of the answer (its first value), by name in lower case. */
  header(name: string): string | null;
}

/**
 * One request, answered or failed within `timeoutMs` (the body included). A failed connection
 * throws undici's error (a `code` such as ECONNREFUSED or UND_ERR_SOCKET); no answer in time throws
 * RequestTimeoutError. `readBody(status)` says whether the body is wanted (by default, always).
 */
export function send(
  method: "GET" | "POST" | "PATCH",
  to: Target,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  readBody?: (status: number) => boolean,
): Promise<NodeHttpReply> {
  return new Promise<NodeHttpReply>((resolve, reject) => {
    const exchange = new Exchange(resolve, reject, readBody, timeoutMs);
    dispatcher.dispatch({ origin: to.origin, path: to.path, method, headers, body }, exchange);
  });
}

/** One request's answer as undici hands it over (its handler interface), and its time limit. */
class Exchange implements Dispatcher.DispatchHandlers, NodeHttpReply {
  status = 0;
  text = "";
  #raw: Buffer[] | string[] | null = null;
  #chunks: Buffer[] | null = null;
  #keepBody = true;
  #abort: ((error: Error) => void) | null = null;
  #settled = false;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly resolve: (reply: NodeHttpReply) => void,
    private readonly reject: (error: unknown) => void,
    private readonly readBody: ((status: number) => boolean) | undefined,
    private readonly timeoutMs: number,
  ) {
    this.#timer = setTimeout(timedOut, timeoutMs, this);
  }

  /** The limit passed: fail now, and abort the request (once it has a connection, if it has none yet). */
  expire(): void {
    if (this.#settled) return;
    this.#settled = true;
    const error = new RequestTimeoutError(this.timeoutMs);
    this.#abort?.(error);
    this.reject(error);
  }

  onConnect(abort: (error: Error) => void): void {
    if (this.#settled) abort(new RequestTimeoutError(this.timeoutMs));
    else this.#abort = abort;
  }

  onHeaders(status: number, raw: Buffer[] | string[] | null): boolean {
    this.status = status;
    this.#raw = raw;
    this.#keepBody = this.readBody?.(status) ?? true;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#keepBody) (this.#chunks ??= []).push(chunk);
    return true;
  }

  onComplete(): void {
    clearTimeout(this.#timer);
    if (this.#settled) return;
    this.#settled = true;
    const chunks = this.#chunks;
    if (chunks !== null) this.text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8");
    this.#chunks = null;
    this.resolve(this);
  }

  onError(error: Error): void {
    clearTimeout(this.#timer);
    if (this.#settled) return;
    this.#settled = true;
    this.reject(error);
  }

  header(name: string): string | null {
    const raw = this.#raw;
    if (raw === null) return null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i]!.toString().toLowerCase() === name) return raw[i + 1]!.toString();
    }
    return null;
  }
}

function timedOut(exchange: Exchange): void {
  exchange.expire();
}

const viaFetch = fetchSender();
const refusal = (status: number) => status < 200 || status >= 300;

/** The interaction REST routes' sender for the Node doors (src/core/transport.ts's default is fetch). */
export const nodeRestSender: RestSender = async (req): Promise<RestReply> => {
  // Multipart uploads (a follow-up with a file) are rare: fetch encodes the form.
  if (typeof req.body !== "string") return await viaFetch(req);
  // A success's body (a created message, or none) is not read: only a refusal's says why.
  const reply = await send(req.method, target(req.url), req.headers, req.body, req.timeoutMs, refusal);
  if (!refusal(reply.status)) return { status: reply.status, statusText: "", retryAfter: null, text: "" };
  return { status: reply.status, statusText: "", retryAfter: reply.header("retry-after"), text: reply.text };
};
