// A loopback Convex deployment: the HTTP API that ConvexHttpClient speaks (POST /api/query and
// /api/mutation, Convex's JSON wire format), served by the embedded engine, with an injected
// network round trip. The benchmark points the bot's production backend (src/lib/backend.ts)
// at it, so every Convex call costs what it would cost against a real deployment's network.
//
// Wire format (convex/browser http_client): the request body is
// `{ path: "bot/lists:listTitles", format: "convex_encoded_json", args: [convexToJson(args)] }`;
// the answer is 200 `{ status: "success", value, logLines }` or 560 ("function failed")
// `{ status: "error", errorMessage, errorData?, logLines }`, errorData carrying a ConvexError's data.
//
// With `httpActions`, every other path is the deployment's HTTP router (convex/http.ts, the
// `.convex.site` side of a deployment), run by the engine as `t.fetch` runs it — POST
// /discord/interactions included, so Discord's HTTP interactions reach the deployment itself. The
// injected latency is not applied there: the caller (Discord's side) adds its own network hop.
//
// Faults (`setFault`, the sandbox's `convex …` script verbs): slow (every call takes this long),
// down (connections refused, as when the deployment can't be reached), hang (requests accepted
// and never answered, nothing run), drop (the next mutations are applied and their answers lost on
// the way back), and none.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { makeFunctionReference } from "convex/server";
import { ConvexError, convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { EmbeddedConvex } from "./engine.ts";

/** Convex's status for "the function ran and failed" (STATUS_CODE_UDF_FAILED in the client). */
const UDF_FAILED = 560;
/** A bot call's arguments are small; anything larger is refused before parsing. */
const MAX_BODY_BYTES = 1 << 20;
/** Function paths as Convex writes them: "module/sub:export". */
const FUNCTION_PATH = /^[A-Za-z0-9_./-]{1,200}:[A-Za-z_][A-Za-z0-9_]{0,100}$/;

export type ConvexCallKind = "query" | "mutation";

/** One call as the endpoint saw it (the injected latency is not part of `engineMs`). */
export interface ConvexCall {
  kind: ConvexCallKind;
  path: string;
  /** The decoded arguments (the bot's include its secret). */
  args: Record<string, Value>;
  ok: boolean;
  /** A ConvexError's `data.code` when the function refused the call. */
  errorCode?: string;
  engineMs: number;
}

export interface ConvexHttpOptions {
  engine: Pick<EmbeddedConvex, "run">;
  /** Injected time per call, in milliseconds. */
  latencyMs?: number;
  /**
   * How the injected time combines with the engine's own time. "call" (the default): latencyMs is the
   * whole call as a deployment answers it, network and function together, so the engine's own time
   * counts towards it and only an engine slower than that makes the call longer. "added": latencyMs is
   * network alone, half before the function runs and half after, on top of the engine's time — a
   * pessimistic view, since convex-test runs functions far slower than a deployment does.
   */
  latencyMode?: ConvexLatencyMode;
  port?: number;
  host?: string;
  /** Serve every path other than /api/query and /api/mutation from the deployment's HTTP router (convex/http.ts). */
  httpActions?: boolean;
}

/** One request served by the deployment's HTTP router. */
export interface HttpActionCall {
  method: string;
  path: string;
  status: number;
  /** Wall time of the HTTP action in the engine, its runQuery/runMutation calls included. */
  engineMs: number;
}

export type ConvexLatencyMode = "call" | "added";

/** What is wrong with the deployment (`none`: nothing). */
export type ConvexFault =
  | { kind: "none" }
  /** Every call waits this long before its function runs. */
  | { kind: "slow"; ms: number }
  /** Nothing listens: connections are refused (in-flight calls are cut off). */
  | { kind: "down" }
  /** Requests are read and never answered; no function runs. */
  | { kind: "hang" }
  /** The next `count` mutations are applied, and then their connection is reset before the answer. */
  | { kind: "drop"; count: number };

export interface ConvexHttpEndpoint {
  /** What CONVEX_URL would be: "http://127.0.0.1:PORT". */
  url: string;
  port: number;
  latencyMs: number;
  latencyMode: ConvexLatencyMode;
  /** Calls answered so far, failed ones included. */
  readonly calls: number;
  /** Every call, once answered; returns the unsubscribe. */
  onCall(listener: (call: ConvexCall) => void): () => void;
  /** Every request the HTTP router served (with `httpActions`), once answered; returns the unsubscribe. */
  onHttpAction(listener: (call: HttpActionCall) => void): () => void;
  /** The fault in effect now. */
  readonly fault: ConvexFault;
  /** Switches a fault on (or off with `{ kind: "none" }`); resolves when it is in effect. */
  setFault(fault: ConvexFault): Promise<void>;
  close(): Promise<void>;
}

class BadRequest extends Error {}

export async function startConvexHttpEndpoint(options: ConvexHttpOptions): Promise<ConvexHttpEndpoint> {
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 60_000)
    throw new RangeError(`latencyMs must be 0–60000, got ${latencyMs}`);
  const latencyMode = options.latencyMode ?? "call";
  if (latencyMode !== "call" && latencyMode !== "added")
    throw new RangeError(`latencyMode must be "call" or "added", got ${String(latencyMode)}`);
  const listeners = new Set<(call: ConvexCall) => void>();
  const httpListeners = new Set<(call: HttpActionCall) => void>();
  let calls = 0;
  let fault: ConvexFault = { kind: "none" };
  /** Answers held open by `hang`. */
  const hung = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://convex.invalid");
    const kind = /^\/api\/(query|mutation)\/?$/.exec(url.pathname)?.[1] as ConvexCallKind | undefined;
    if (kind === undefined && options.httpActions && !url.pathname.startsWith("/api/")) return await httpAction(req, res, url);
    if (req.method !== "POST" || kind === undefined) {
      return sendText(res, 404, "This loopback deployment serves POST /api/query and /api/mutation only.");
    }
    let request: { path: string; args: Record<string, Value> };
    try {
      request = parseRequest(await readBody(req));
    } catch (error) {
      if (error instanceof BadRequest) return sendJson(res, 400, { code: "BadJsonBody", message: error.message });
      throw error;
    }
    if (fault.kind === "hang") {
      hung.add(res);
      res.on("close", () => hung.delete(res));
      return;
    }
    if (fault.kind === "slow") await sleep(fault.ms);
    const dropAnswer = kind === "mutation" && fault.kind === "drop" && fault.count > 0;
    if (dropAnswer) fault = fault.kind === "drop" && fault.count > 1 ? { kind: "drop", count: fault.count - 1 } : { kind: "none" };
    // The request's trip to the deployment, the function, then the answer's trip back.
    const callStarted = performance.now();
    if (latencyMode === "added") await sleep(latencyMs / 2);
    const started = performance.now();
    const outcome = await runFunction(options.engine, kind, request.path, request.args);
    const call: ConvexCall = {
      kind,
      path: request.path,
      args: request.args,
      ok: outcome.status === "success",
      engineMs: performance.now() - started,
    };
    if (outcome.status === "error" && outcome.errorData !== undefined) call.errorCode = codeOf(outcome.errorData);
    if (latencyMode === "added") await sleep(latencyMs / 2);
    else await sleep(Math.max(0, latencyMs - (performance.now() - callStarted)));
    calls++;
    for (const listener of listeners) listener(call);
    // Applied, and the answer is lost on the way back.
    if (dropAnswer) return void res.socket?.destroy();
    sendJson(res, outcome.status === "success" ? 200 : UDF_FAILED, outcome);
  }

  /** A request for the deployment's HTTP router, run as the engine runs an HTTP action. */
  async function httpAction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    let body: string | undefined;
    try {
      body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
    } catch (error) {
      if (error instanceof BadRequest) return sendText(res, 413, error.message);
      throw error;
    }
    if (fault.kind === "hang") {
      hung.add(res);
      res.on("close", () => hung.delete(res));
      return;
    }
    if (fault.kind === "slow") await sleep(fault.ms);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
    const started = performance.now();
    const response = await options.engine.run((t) => t.fetch(`${url.pathname}${url.search}`, { method, headers, body }));
    const payload = Buffer.from(await response.arrayBuffer());
    const call: HttpActionCall = { method, path: url.pathname, status: response.status, engineMs: performance.now() - started };
    for (const listener of httpListeners) listener(call);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    out["content-length"] = String(payload.length);
    delete out["content-encoding"];
    delete out["transfer-encoding"];
    res.writeHead(response.status, out);
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `loopback Convex endpoint failed: ${String(error)}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  const host = options.host ?? "127.0.0.1";
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    latencyMs,
    latencyMode,
    get calls() {
      return calls;
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onHttpAction(listener) {
      httpListeners.add(listener);
      return () => httpListeners.delete(listener);
    },
    get fault() {
      return fault;
    },
    async setFault(next) {
      if (next.kind === "slow" && (!Number.isFinite(next.ms) || next.ms < 0 || next.ms > 600_000))
        throw new RangeError(`a slow fault takes 0–600000 ms, got ${next.ms}`);
      if (next.kind === "drop" && (!Number.isInteger(next.count) || next.count < 1 || next.count > 1_000))
        throw new RangeError(`a drop fault takes a count from 1 to 1000, got ${next.count}`);
      const wasDown = fault.kind === "down";
      fault = next.kind === "none" ? { kind: "none" } : { ...next };
      // Requests held by `hang` end as a connection cut when it is lifted (their callers gave up long ago).
      if (next.kind !== "hang") for (const res of hung) res.socket?.destroy();
      hung.clear();
      if (next.kind === "down" && !wasDown) await stopListening();
      if (next.kind !== "down" && wasDown) await listen(port);
    },
    close: async () => {
      for (const res of hung) res.socket?.destroy();
      if (fault.kind !== "down") await stopListening();
    },
  };
}

type Outcome =
  | { status: "success"; value: JSONValue; logLines: string[] }
  | { status: "error"; errorMessage: string; errorData?: JSONValue; logLines: string[] };

async function runFunction(
  engine: ConvexHttpOptions["engine"],
  kind: ConvexCallKind,
  path: string,
  args: Record<string, Value>,
): Promise<Outcome> {
  const letter = kind === "query" ? "Q" : "M";
  try {
    const value = await engine.run((t) =>
      kind === "query" ? t.query(makeFunctionReference<"query">(path), args) : t.mutation(makeFunctionReference<"mutation">(path), args),
    );
    return { status: "success", value: convexToJson((value ?? null) as Value), logLines: [] };
  } catch (error) {
    const requestId = randomBytes(8).toString("hex");
    if (error instanceof ConvexError) {
      return {
        status: "error",
        errorMessage: `[CONVEX ${letter}(${path})] [Request ID: ${requestId}] Server Error\nUncaught ConvexError: ${error.message}`,
        errorData: convexToJson(error.data as Value),
        logLines: [],
      };
    }
    // A dev deployment's wording: the message, no data (a production deployment hides even the message).
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: "error",
      errorMessage: `[CONVEX ${letter}(${path})] [Request ID: ${requestId}] Server Error\nUncaught Error: ${message}`,
      logLines: [],
    };
  }
}

function parseRequest(raw: string): { path: string; args: Record<string, Value> } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new BadRequest("The request body is not JSON.");
  }
  if (typeof body !== "object" || body === null) throw new BadRequest("The request body must be an object.");
  const { path, format, args } = body as Record<string, unknown>;
  if (typeof path !== "string" || !FUNCTION_PATH.test(path)) throw new BadRequest(`"path" must name a function as "module:export".`);
  if (format !== undefined && format !== "convex_encoded_json") throw new BadRequest(`Unsupported format ${JSON.stringify(format)}.`);
  const first: unknown = Array.isArray(args) ? (args.length === 1 ? args[0] : undefined) : args;
  if (typeof first !== "object" || first === null || Array.isArray(first))
    throw new BadRequest(`"args" must be one object (or a list holding one).`);
  let decoded: Value;
  try {
    decoded = jsonToConvex(first as JSONValue);
  } catch (error) {
    throw new BadRequest(`"args" is not Convex-encoded JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { path, args: decoded as Record<string, Value> };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest(`The request body is over ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function codeOf(data: JSONValue): string | undefined {
  return typeof data === "object" && data !== null && !Array.isArray(data) && typeof data.code === "string" ? data.code : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
