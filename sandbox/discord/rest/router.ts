/**
 * The REST server's plumbing: route table, request parsing (JSON and multipart), Discord's
 * error bodies, rate-limit headers and 429s. The routes themselves live one file per resource.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activity } from "../activity.ts";
import { DiscordErrors, DiscordHttpError } from "../errors.ts";
import type { DiscordEvent, EventPlace } from "../events.ts";
import type { Interactions } from "../interactions.ts";
import { bucketHash, RateLimitResponse, type BucketState, type RateLimits } from "../rate-limits.ts";
import type { Log, SandboxConfig } from "../types.ts";
import type { World } from "../world.ts";

/** Everything a route may use. */
export interface RestCore {
  config: SandboxConfig;
  world: World;
  interactions: Interactions;
  limits: RateLimits;
  activity: Activity;
  gatewayUrl(): string;
  emit(e: DiscordEvent): void;
  log: Log;
  /** The application's settings the Developer Portal holds. */
  application: {
    publicKeyHex(): string;
    endpointUrl(): string | null;
    /** Saves the Interactions Endpoint URL after probing it; the problems found, or none. */
    setEndpointUrl(url: string | null): Promise<string[]>;
  };
}

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RequestCtx {
  method: string;
  path: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  files: UploadedFile[];
  /** Attribution for events (set by handlers that know the interaction/channel). */
  place: EventPlace & { interaction_id?: string };
  /** Rate-limit state to report in headers. */
  rate?: BucketState;
}

export interface Result {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RequestCtx) => Result | Promise<Result>;

/** One request the REST server answered, as a recorder sees it (tests check both sides against Discord's spec). */
export interface RestExchange {
  method: string;
  /** The path without /api/v10, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  /** The JSON body (multipart: its payload_json), or undefined when there was none. */
  request: unknown;
  status: number;
  /** The JSON answer, or undefined (204). */
  response: unknown;
}

/** How a resource file adds its routes. */
export type Route = (method: string, template: string, auth: boolean, handler: Handler) => void;

interface RouteEntry {
  method: string;
  template: string;
  re: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

function secs(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** Minimal multipart/form-data parser (discord.js sends payload_json + files[n]). */
function parseMultipart(buf: Buffer, boundary: string): { fields: Map<string, string>; files: UploadedFile[] } {
  const fields = new Map<string, string>();
  const files: UploadedFile[] = [];
  const delim = Buffer.from(`--${boundary}`);
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    let start = pos + delim.length;
    if (buf.subarray(start, start + 2).toString() === "--") break;
    if (buf.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = buf.indexOf(delim, start);
    if (next === -1) break;
    let end = next;
    if (buf.subarray(end - 2, end).toString() === "\r\n") end -= 2;
    const part = buf.subarray(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const data = part.subarray(headerEnd + 4);
      const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
      const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? "";
      const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
      const ctype = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
      if (filename !== undefined) files.push({ field: name, filename, contentType: ctype, data });
      else fields.set(name, data.toString("utf8"));
    }
    pos = next;
  }
  return { fields, files };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export class RestRouter {
  private readonly routes: RouteEntry[] = [];
  private readonly recorders = new Set<(exchange: RestExchange) => void>();
  private hasBody = new WeakSet<RequestCtx>();

  /** Calls `recorder` with every request answered from now on; returns how to stop. */
  record(recorder: (exchange: RestExchange) => void): () => void {
    this.recorders.add(recorder);
    return () => this.recorders.delete(recorder);
  }

  private recordExchange(ctx: RequestCtx, status: number, response: unknown): void {
    if (this.recorders.size === 0) return;
    const exchange: RestExchange = {
      method: ctx.method,
      path: ctx.path,
      query: Object.fromEntries(ctx.query),
      request: this.hasBody.has(ctx) ? structuredClone(ctx.body) : undefined,
      status,
      response: response === undefined ? undefined : JSON.parse(JSON.stringify(response)),
    };
    for (const recorder of this.recorders) recorder(exchange);
  }

  constructor(
    private readonly core: RestCore,
    resources: Array<(route: Route, core: RestCore) => void>,
  ) {
    const route: Route = (method, template, auth, handler) => {
      const keys: string[] = [];
      const re = new RegExp(
        `^${template.replace(/\//g, "\\/").replace(/:([a-zA-Z_]+)/g, (_m, k: string) => {
          keys.push(k);
          return "([^/]+)";
        })}\\/?$`,
      );
      this.routes.push({ method, template, re, keys, auth, handler });
    };
    for (const add of resources) add(route, core);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { activity, config, limits } = this.core;
    activity.requestStarted();
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        activity.requestEnded();
      }
    };
    res.on("close", end);
    res.on("finish", end);
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/api(?=\/|$)/, "").replace(/^\/v\d+(?=\/|$)/, "") || "/";
    const ctx: RequestCtx = { method, path, template: path, params: {}, query: url.searchParams, body: {}, files: [], place: {} };
    try {
      const raw = await readBody(req);
      const candidates = this.routes.filter((r) => r.re.test(path));
      const route = candidates.find((r) => r.method === method);
      if (!route) throw candidates.length ? DiscordErrors.methodNotAllowed() : DiscordErrors.notFound();
      const m = route.re.exec(path)!;
      route.keys.forEach((k, i) => (ctx.params[k] = decodeURIComponent(m[i + 1]!)));
      ctx.template = route.template;
      this.attribute(ctx);
      if (route.auth && (req.headers.authorization ?? "") !== `Bot ${config.token}`) throw DiscordErrors.unauthorized();
      limits.takeInjected(`${method} ${route.template}`);
      this.parseRequestBody(req, raw, ctx);
      const result = await route.handler(ctx);
      this.recordExchange(ctx, result.status, result.body);
      this.send(res, result.status, result.body, this.rateHeaders(ctx));
    } catch (e) {
      if (e instanceof RateLimitResponse) {
        this.sendRateLimited(res, ctx, e);
      } else if (e instanceof DiscordHttpError) {
        this.core.emit({
          t: "discord_error",
          ...ctx.place,
          status: e.status,
          code: e.code,
          message: e.message,
          method,
          route: path,
          ...(e.errors ? { errors: e.errors } : {}),
        });
        this.recordExchange(ctx, e.status, e.body());
        this.send(res, e.status, e.body(), { ...this.rateHeaders(ctx), ...e.headers });
      } else {
        this.core.log("error", "sandbox REST handler crashed", { err: String((e as Error)?.stack ?? e), method, path });
        this.send(res, 500, { message: "500: Internal Server Error", code: 0 }, {});
      }
    }
  }

  /** Best-effort attribution (acting user / channel) for events about this request. */
  private attribute(ctx: RequestCtx): void {
    const it = ctx.params.token ? this.core.interactions.withToken(ctx.params.token) : undefined;
    if (it) {
      ctx.place = { ...it.ctx.place, interaction_id: it.id };
      return;
    }
    const ch = ctx.params.channel ? this.core.world.channelById(ctx.params.channel) : undefined;
    if (ch) ctx.place = { ...this.core.world.channelPlace(ch) };
  }

  private parseRequestBody(req: IncomingMessage, raw: Buffer, ctx: RequestCtx): void {
    if (raw.length === 0) return;
    this.hasBody.add(ctx);
    const ctype = String(req.headers["content-type"] ?? "");
    if (ctype.startsWith("multipart/form-data")) {
      const boundary = /boundary=("?)([^";]+)\1/i.exec(ctype)?.[2];
      if (!boundary) throw DiscordErrors.invalidJson();
      const { fields, files } = parseMultipart(raw, boundary);
      if (files.reduce((sum, f) => sum + f.data.length, 0) > this.core.config.attachmentSizeLimit)
        throw DiscordErrors.requestEntityTooLarge();
      ctx.files = files;
      const pj = fields.get("payload_json");
      if (pj !== undefined) {
        try {
          ctx.body = JSON.parse(pj);
        } catch {
          throw DiscordErrors.invalidJson();
        }
      } else {
        ctx.body = Object.fromEntries(fields);
      }
      return;
    }
    try {
      ctx.body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw DiscordErrors.invalidJson();
    }
  }

  private rateHeaders(ctx: RequestCtx): Record<string, string> {
    const now = Date.now();
    const r = ctx.rate ?? { bucket: bucketHash(`${ctx.method} ${ctx.template}`), limit: 50, remaining: 49, resetAt: now + 1000 };
    return {
      "X-RateLimit-Limit": String(r.limit),
      "X-RateLimit-Remaining": String(r.remaining),
      "X-RateLimit-Reset": (r.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": secs(r.resetAt - now),
      "X-RateLimit-Bucket": r.bucket,
    };
  }

  private sendRateLimited(res: ServerResponse, ctx: RequestCtx, rl: RateLimitResponse): void {
    const retry = rl.retryAfterMs / 1000;
    this.core.activity.busy(Date.now() + rl.retryAfterMs + 150);
    this.core.emit({
      t: "rate_limited",
      ...ctx.place,
      method: ctx.method,
      route: ctx.path,
      bucket: rl.bucket,
      retry_after: Number(retry.toFixed(3)),
      global: false,
      scope: "user",
      ...(rl.injected ? { injected: true as const } : {}),
      ...(rl.code ? { code: rl.code } : {}),
    });
    const message = rl.code
      ? "Maximum number of edits to messages older than 1 hour reached. Try again later."
      : "You are being rate limited.";
    const body = { message, retry_after: Number(retry.toFixed(3)), global: false, ...(rl.code ? { code: rl.code } : {}) };
    this.recordExchange(ctx, 429, body);
    this.send(res, 429, body, {
      "Retry-After": retry.toFixed(3),
      "X-RateLimit-Limit": String(rl.limit),
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": (rl.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": secs(rl.resetAt - Date.now()),
      "X-RateLimit-Bucket": rl.bucket,
      "X-RateLimit-Scope": "user",
    });
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader("Via", "1.1 sandbox");
    if (status === 204 || body === undefined) {
      res.statusCode = status;
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader("Content-Type", "application/json");
    res.setHeader("Content-Length", Buffer.byteLength(text));
    res.end(text);
  }
}
