/**
 * The sandbox's REST API: the subset of Discord's HTTP API (v10; v9 and unversioned paths are
 * accepted too) that a slash-command bot uses, with Discord's validation, error bodies and
 * rate-limit headers.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { normalizeCommand, validateCommandDefinition, type RegisteredCommand } from "./commands.ts";
import { DiscordErrors, DiscordHttpError, FormErrors } from "./errors.ts";
import type { EventPlace } from "./events.ts";
import type { DiscordSandbox, InteractionRec, SandboxChannel, SandboxMessage } from "./sandbox.ts";
import { stableSnowflake } from "./snowflake.ts";
import {
  isEmptyMessage,
  MessageFlags,
  validateAutocompleteResult,
  validateMessageBody,
  validateModal,
} from "./validate.ts";

const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

interface RequestCtx {
  method: string;
  path: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  files: UploadedFile[];
  /** Attribution for events (set by handlers that know the interaction/channel). */
  place: EventPlace & { interaction_id?: string };
  /** Rate-limit info to report in headers. */
  rate?: { bucket: string; limit: number; remaining: number; resetAt: number };
}

interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

interface Result {
  status: number;
  body?: unknown;
}

type Handler = (ctx: RequestCtx) => Result | Promise<Result>;

interface Route {
  method: string;
  template: string;
  re: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

/** A 429 answer (Discord's body and headers). */
class RateLimitResponse {
  constructor(
    readonly retryAfterMs: number,
    readonly bucket: string,
    readonly limit: number,
    readonly resetAt: number,
    readonly injected: boolean,
  ) {}
}

function bucketHash(key: string): string {
  return createHash("sha1").update(key).digest("hex").slice(0, 32);
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
    if (buf.slice(start, start + 2).toString() === "--") break;
    if (buf.slice(start, start + 2).toString() === "\r\n") start += 2;
    const next = buf.indexOf(delim, start);
    if (next === -1) break;
    let end = next;
    if (buf.slice(end - 2, end).toString() === "\r\n") end -= 2;
    const part = buf.slice(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.slice(0, headerEnd).toString("utf8");
      const data = part.slice(headerEnd + 4);
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

export class RestServer {
  private readonly routes: Route[] = [];

  constructor(private readonly sb: DiscordSandbox) {
    this.defineRoutes();
  }

  private route(method: string, template: string, auth: boolean, handler: Handler): void {
    const keys: string[] = [];
    const re = new RegExp(
      `^${template.replace(/\//g, "\\/").replace(/:([a-zA-Z_]+)/g, (_m, k: string) => {
        keys.push(k);
        return "([^/]+)";
      })}\\/?$`,
    );
    this.routes.push({ method, template, re, keys, auth, handler });
  }

  // ------------------------------------------------------------ HTTP plumbing

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sb = this.sb;
    sb.requestStarted();
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        sb.requestEnded();
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
      if (route.auth) {
        const auth = req.headers.authorization ?? "";
        if (auth !== `Bot ${sb.token}`) throw DiscordErrors.unauthorized();
      }
      if (sb.takeInjectedRateLimit()) {
        throw new RateLimitResponse(sb.injectedRetryAfterMs, bucketHash(`${method} ${route.template}`), 1, Date.now() + sb.injectedRetryAfterMs, true);
      }
      this.parseRequestBody(req, raw, ctx);
      const result = await route.handler(ctx);
      this.send(res, result.status, result.body, this.rateHeaders(ctx));
    } catch (e) {
      if (e instanceof RateLimitResponse) {
        this.sendRateLimited(res, ctx, e);
      } else if (e instanceof DiscordHttpError) {
        sb.emitDiscordError({
          ...ctx.place,
          status: e.status,
          code: e.code,
          message: e.message,
          method,
          route: path,
          ...(e.errors ? { errors: e.errors } : {}),
        });
        this.send(res, e.status, e.body(), { ...this.rateHeaders(ctx), ...e.headers });
      } else {
        sb.log("error", "sandbox REST handler crashed", { err: String((e as Error)?.stack ?? e), method, path });
        this.send(res, 500, { message: "500: Internal Server Error", code: 0 }, {});
      }
    }
  }

  private parseRequestBody(req: IncomingMessage, raw: Buffer, ctx: RequestCtx): void {
    if (raw.length === 0) return;
    const ctype = String(req.headers["content-type"] ?? "");
    if (ctype.startsWith("multipart/form-data")) {
      const boundary = /boundary=("?)([^";]+)\1/i.exec(ctype)?.[2];
      if (!boundary) throw DiscordErrors.invalidJson();
      const { fields, files } = parseMultipart(raw, boundary);
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
    this.sb.busy(Date.now() + rl.retryAfterMs + 150);
    this.sb.emitRateLimited({
      ...ctx.place,
      method: ctx.method,
      route: ctx.path,
      bucket: rl.bucket,
      retry_after: Number(retry.toFixed(3)),
      global: false,
      scope: "user",
      ...(rl.injected ? { injected: true as const } : {}),
    });
    this.send(
      res,
      429,
      { message: "You are being rate limited.", retry_after: Number(retry.toFixed(3)), global: false },
      {
        "Retry-After": retry.toFixed(3),
        "X-RateLimit-Limit": String(rl.limit),
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": (rl.resetAt / 1000).toFixed(3),
        "X-RateLimit-Reset-After": secs(rl.resetAt - Date.now()),
        "X-RateLimit-Bucket": rl.bucket,
        "X-RateLimit-Scope": "user",
      },
    );
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

  // ------------------------------------------------------------ helpers

  /** Best-effort attribution (acting user / channel) for events about this request. */
  private attribute(ctx: RequestCtx): void {
    const it = ctx.params.token ? this.sb.interactionsByToken.get(ctx.params.token) : undefined;
    if (it) {
      ctx.place = { ...it.ctx.place, interaction_id: it.id };
      return;
    }
    const ch = ctx.params.channel ? this.sb.channelsById.get(ctx.params.channel) : undefined;
    if (ch) ctx.place = { ...this.sb.channelPlace(ch) };
  }

  private interactionByToken(app: string, token: string, ctx: RequestCtx): InteractionRec {
    if (app !== this.sb.applicationId) throw DiscordErrors.unknownWebhook();
    const it = this.sb.interactionsByToken.get(token);
    if (!it) throw DiscordErrors.invalidWebhookToken();
    ctx.place = { ...it.ctx.place, interaction_id: it.id };
    if (this.sb.now() > it.createdAtClock + TOKEN_LIFETIME_MS) throw DiscordErrors.invalidWebhookToken();
    return it;
  }

  private channelById(id: string, ctx: RequestCtx): SandboxChannel {
    const ch = this.sb.channelsById.get(id);
    if (!ch) throw DiscordErrors.unknownChannel();
    ctx.place = { ...this.sb.channelPlace(ch) };
    return ch;
  }

  private attachmentsFrom(ctx: RequestCtx, channelId: string): any[] | undefined {
    if (!ctx.files.length) return undefined;
    const meta: any[] = Array.isArray(ctx.body.attachments) ? ctx.body.attachments : [];
    return ctx.files.map((f, i) => {
      const idx = /\[(\d+)\]/.exec(f.field)?.[1] ?? String(i);
      const m = meta.find((a) => String(a.id) === idx) ?? {};
      const id = this.sb.ids.next(this.sb.now());
      const filename = m.filename ?? f.filename;
      return {
        id,
        filename,
        size: f.data.length,
        url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
        content_type: f.contentType,
        ...(m.description ? { description: m.description } : {}),
      };
    });
  }

  private checkMessage(body: any, prefix: string[] = []): void {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      const errs = new FormErrors();
      errs.add(prefix, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      throw DiscordErrors.invalidForm(errs);
    }
    const errs = validateMessageBody(body, { prefix });
    if (!errs.empty) throw DiscordErrors.invalidForm(errs);
  }

  /** Validates an edit and checks the merged message would not be empty. */
  private checkEdit(m: SandboxMessage, body: any, prefix: string[] = [], newAttachments?: any[]): void {
    this.checkMessage(body, prefix);
    const merged = {
      content: "content" in body ? body.content : m.loading ? "" : m.content,
      embeds: "embeds" in body ? body.embeds : m.embeds,
      components: "components" in body ? body.components : m.components,
      attachments: newAttachments ?? ("attachments" in body ? body.attachments : m.attachments),
    };
    if (isEmptyMessage(merged)) throw DiscordErrors.emptyMessage();
  }

  private interactionPlace(it: InteractionRec) {
    return { ...it.ctx.place, interaction_id: it.id, source: it.source };
  }

  // ------------------------------------------------------------ routes

  private defineRoutes(): void {
    const sb = this.sb;

    // --- gateway, users, application
    this.route("GET", "/gateway", false, () => ({ status: 200, body: { url: sb.gatewayUrl } }));
    this.route("GET", "/gateway/bot", true, () => ({
      status: 200,
      body: {
        url: sb.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }));
    this.route("GET", "/users/@me", true, () => ({
      status: 200,
      body: { ...sb.userObject(sb.botUser), bot: true, verified: true, mfa_enabled: false, email: null, locale: "en-US" },
    }));
    this.route("GET", "/users/:user", true, (ctx) => {
      const u = sb.usersById.get(ctx.params.user!);
      if (!u) throw DiscordErrors.unknownUser();
      return { status: 200, body: sb.userObject(u) };
    });
    this.route("POST", "/users/@me/channels", true, (ctx) => {
      const rid = ctx.body?.recipient_id;
      if (typeof rid !== "string" && typeof rid !== "number") {
        const errs = new FormErrors();
        errs.add(["recipient_id"], "BASE_TYPE_REQUIRED", "This field is required");
        throw DiscordErrors.invalidForm(errs);
      }
      const u = sb.usersById.get(String(rid));
      if (!u || u.bot) throw DiscordErrors.unknownUser();
      return { status: 200, body: sb.channelObject(sb.dm(u.name)) };
    });
    this.route("GET", "/applications/@me", true, () => ({ status: 200, body: sb.applicationObject() }));
    this.route("PATCH", "/applications/@me", true, () => ({ status: 200, body: sb.applicationObject() }));
    this.route("GET", "/oauth2/applications/@me", true, () => ({ status: 200, body: sb.applicationObject() }));
    this.route("GET", "/applications/:app/role-connections/metadata", true, () => ({ status: 200, body: [] }));
    this.route("GET", "/applications/:app/entitlements", true, () => ({ status: 200, body: [] }));
    this.route("GET", "/applications/:app/skus", true, () => ({ status: 200, body: [] }));
    this.route("GET", "/applications/:app/emojis", true, () => ({ status: 200, body: { items: [] } }));

    // --- application commands
    const scope = (ctx: RequestCtx): { guildId?: string; map: Map<string, RegisteredCommand> } => {
      if (ctx.params.app !== sb.applicationId) throw DiscordErrors.unknownApplication();
      const gid = ctx.params.guild;
      if (gid === undefined) return { map: sb.globalCommands };
      if (!sb.guildsById.has(gid)) throw DiscordErrors.missingAccess();
      let map = sb.guildCommands.get(gid);
      if (!map) {
        map = new Map();
        sb.guildCommands.set(gid, map);
      }
      return { guildId: gid, map };
    };
    const register = (def: any, s: { guildId?: string; map: Map<string, RegisteredCommand> }): RegisteredCommand => {
      const type = def.type ?? 1;
      const existing = [...s.map.values()].find((c) => c.name === def.name && c.type === type);
      const id = existing?.id ?? stableSnowflake("command", `${s.guildId ?? "global"}\u0000${type}\u0000${def.name}`);
      const cmd = normalizeCommand(def, { id, applicationId: sb.applicationId, version: sb.ids.next(sb.now()), guildId: s.guildId });
      return cmd;
    };
    for (const base of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
      this.route("GET", base, true, (ctx) => ({ status: 200, body: [...scope(ctx).map.values()] }));
      this.route("PUT", base, true, (ctx) => {
        const s = scope(ctx);
        const defs = ctx.body;
        const errs = new FormErrors();
        if (!Array.isArray(defs)) {
          errs.add([], "BASE_TYPE_ARRAY", "Must be an array.");
          throw DiscordErrors.invalidForm(errs);
        }
        if (defs.length > 100) errs.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        const seen = new Set<string>();
        defs.forEach((d: any, i: number) => {
          validateCommandDefinition(errs, [i], d);
          const key = `${d?.type ?? 1}:${d?.name}`;
          if (seen.has(key)) errs.add([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
          seen.add(key);
        });
        if (!errs.empty) throw DiscordErrors.invalidForm(errs);
        const cmds = defs.map((d: any) => register(d, s));
        s.map.clear();
        for (const c of cmds) s.map.set(c.id, c);
        sb.log("info", "commands registered", { scope: s.guildId ?? "global", names: cmds.map((c) => c.name) });
        return { status: 200, body: cmds };
      });
      this.route("POST", base, true, (ctx) => {
        const s = scope(ctx);
        const errs = new FormErrors();
        validateCommandDefinition(errs, [], ctx.body);
        if (!errs.empty) throw DiscordErrors.invalidForm(errs);
        const type = ctx.body.type ?? 1;
        const existed = [...s.map.values()].some((c) => c.name === ctx.body.name && c.type === type);
        const cmd = register(ctx.body, s);
        s.map.set(cmd.id, cmd);
        return { status: existed ? 200 : 201, body: cmd };
      });
      this.route("GET", `${base}/:command`, true, (ctx) => {
        const cmd = scope(ctx).map.get(ctx.params.command!);
        if (!cmd) throw DiscordErrors.unknownCommand();
        return { status: 200, body: cmd };
      });
      this.route("PATCH", `${base}/:command`, true, (ctx) => {
        const s = scope(ctx);
        const cur = s.map.get(ctx.params.command!);
        if (!cur) throw DiscordErrors.unknownCommand();
        const merged = { ...cur, ...ctx.body };
        const errs = new FormErrors();
        validateCommandDefinition(errs, [], merged);
        if (!errs.empty) throw DiscordErrors.invalidForm(errs);
        const cmd = normalizeCommand(merged, { id: cur.id, applicationId: sb.applicationId, version: sb.ids.next(sb.now()), guildId: s.guildId });
        s.map.set(cmd.id, cmd);
        return { status: 200, body: cmd };
      });
      this.route("DELETE", `${base}/:command`, true, (ctx) => {
        const s = scope(ctx);
        if (!s.map.delete(ctx.params.command!)) throw DiscordErrors.unknownCommand();
        return { status: 204 };
      });
    }

    // --- interaction callback
    this.route("POST", "/interactions/:id/:token/callback", false, (ctx) => this.callback(ctx));

    // --- interaction webhooks
    this.route("POST", "/webhooks/:app/:token", false, (ctx) => this.followup(ctx));
    this.route("GET", "/webhooks/:app/:token/messages/:message", false, (ctx) => {
      const it = this.interactionByToken(ctx.params.app!, ctx.params.token!, ctx);
      const m = this.webhookMessage(it, ctx.params.message!);
      return { status: 200, body: sb.messageObject(m) };
    });
    this.route("PATCH", "/webhooks/:app/:token/messages/:message", false, (ctx) => this.editWebhookMessage(ctx));
    this.route("DELETE", "/webhooks/:app/:token/messages/:message", false, (ctx) => {
      const it = this.interactionByToken(ctx.params.app!, ctx.params.token!, ctx);
      if (it.acked) sb.markDeferredResolved(it);
      const m = this.webhookMessage(it, ctx.params.message!);
      sb.deleteMessage(m);
      sb.emitEvent({ t: "message_delete", ...it.ctx.place, id: m.id, interaction_id: it.id });
      return { status: 204 };
    });

    // --- channels & messages
    this.route("GET", "/channels/:channel", true, (ctx) => ({ status: 200, body: sb.channelObject(this.channelById(ctx.params.channel!, ctx)) }));
    this.route("POST", "/channels/:channel/typing", true, (ctx) => {
      this.channelById(ctx.params.channel!, ctx);
      return { status: 204 };
    });
    this.route("GET", "/channels/:channel/messages", true, (ctx) => {
      const ch = this.channelById(ctx.params.channel!, ctx);
      const limit = Math.min(100, Math.max(1, Number(ctx.query.get("limit") ?? 50) || 50));
      let list = sb.messages(ch.id).filter((m) => !m.ephemeral);
      const before = ctx.query.get("before");
      const after = ctx.query.get("after");
      const around = ctx.query.get("around");
      if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      if (around) {
        const idx = list.findIndex((m) => BigInt(m.id) >= BigInt(around));
        const mid = idx === -1 ? list.length : idx;
        const half = Math.floor(limit / 2);
        list = list.slice(Math.max(0, mid - half), Math.max(0, mid - half) + limit);
        return { status: 200, body: list.reverse().map((m) => sb.messageObject(m)) };
      }
      const picked = after && !before ? list.slice(0, limit) : list.slice(-limit);
      return { status: 200, body: picked.reverse().map((m) => sb.messageObject(m)) };
    });
    this.route("POST", "/channels/:channel/messages", true, (ctx) => {
      const ch = this.channelById(ctx.params.channel!, ctx);
      if (ch.type === 1) {
        const u = sb.usersById.get(ch.recipientId ?? "");
        if (!u || u.dmsClosed) throw DiscordErrors.cannotDm();
      }
      this.limitChannel(ctx, ch);
      const body = ctx.body;
      this.checkMessage(body);
      const attachments = this.attachmentsFrom(ctx, ch.id);
      if (isEmptyMessage({ ...body, attachments: attachments ?? body.attachments })) throw DiscordErrors.emptyMessage();
      let reference: SandboxMessage | null = null;
      const ref = body.message_reference;
      if (ref && ref.message_id) {
        const target = sb.messagesById.get(String(ref.message_id));
        if (!target || target.deleted || target.ephemeral || target.channelId !== (ref.channel_id ?? ch.id)) {
          if (ref.fail_if_not_exists !== false) {
            const errs = new FormErrors();
            errs.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
            throw DiscordErrors.invalidForm(errs);
          }
        } else reference = target;
      }
      const m = sb.createMessage(ch, body, { attachments, reference });
      const place = sb.channelPlace(ch);
      if (ch.type === 1) sb.emitEvent({ t: "dm", channel: "dm", to: place.to!, ...sb.messageBody(m) });
      else sb.emitEvent({ t: "message", ...place, ...sb.messageBody(m) });
      return { status: 200, body: sb.messageObject(m) };
    });
    this.route("GET", "/channels/:channel/messages/:message", true, (ctx) => {
      const ch = this.channelById(ctx.params.channel!, ctx);
      const m = this.channelMessage(ch, ctx.params.message!);
      return { status: 200, body: sb.messageObject(m) };
    });
    this.route("PATCH", "/channels/:channel/messages/:message", true, (ctx) => {
      const ch = this.channelById(ctx.params.channel!, ctx);
      const m = this.channelMessage(ch, ctx.params.message!);
      this.limitChannel(ctx, ch);
      const attachments = this.attachmentsFrom(ctx, ch.id);
      this.checkEdit(m, ctx.body, [], attachments);
      sb.applyEdit(m, ctx.body, attachments);
      sb.emitEvent({ t: "message_edit", ...sb.channelPlace(ch), ...sb.messageBody(m) });
      return { status: 200, body: sb.messageObject(m) };
    });
    this.route("DELETE", "/channels/:channel/messages/:message", true, (ctx) => {
      const ch = this.channelById(ctx.params.channel!, ctx);
      const m = this.channelMessage(ch, ctx.params.message!);
      sb.deleteMessage(m);
      sb.emitEvent({ t: "message_delete", ...sb.channelPlace(ch), id: m.id });
      return { status: 204 };
    });

    // --- reactions (accepted, not modelled)
    for (const method of ["PUT", "DELETE"]) {
      this.route(method, "/channels/:channel/messages/:message/reactions/:emoji/@me", true, (ctx) => {
        const ch = this.channelById(ctx.params.channel!, ctx);
        this.channelMessage(ch, ctx.params.message!);
        return { status: 204 };
      });
    }

    // --- guilds
    const guild = (ctx: RequestCtx) => {
      const g = sb.guildsById.get(ctx.params.guild!);
      if (!g) throw DiscordErrors.unknownGuild();
      ctx.place = { guild: g.name };
      return g;
    };
    this.route("GET", "/guilds/:guild", true, (ctx) => ({ status: 200, body: sb.guildObject(guild(ctx), ctx.query.get("with_counts") === "true") }));
    this.route("GET", "/guilds/:guild/channels", true, (ctx) => ({
      status: 200,
      body: [...guild(ctx).channels.values()].map((c) => sb.channelObject(c)),
    }));
    this.route("GET", "/guilds/:guild/roles", true, (ctx) => ({ status: 200, body: [...guild(ctx).roles.values()].map((r) => sb.roleObject(r)) }));
    this.route("GET", "/guilds/:guild/members/:user", true, (ctx) => {
      const g = guild(ctx);
      const m = g.members.get(ctx.params.user!);
      if (!m) throw DiscordErrors.unknownMember();
      return { status: 200, body: sb.memberObject(g, m) };
    });
    this.route("GET", "/guilds/:guild/members", true, (ctx) => {
      const g = guild(ctx);
      const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? 1) || 1));
      const after = ctx.query.get("after") ?? "0";
      const list = [...g.members.values()]
        .filter((m) => BigInt(m.userId) > BigInt(after))
        .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
        .slice(0, limit);
      return { status: 200, body: list.map((m) => sb.memberObject(g, m)) };
    });
  }

  private limitChannel(ctx: RequestCtx, ch: SandboxChannel): void {
    const bucket = bucketHash(`channel-messages`);
    const r = this.sb.channelRate(ch.id);
    if (!r.ok) {
      throw new RateLimitResponse(r.resetAt - Date.now(), bucket, r.limit, r.resetAt, false);
    }
    ctx.rate = { bucket, limit: r.limit, remaining: r.remaining, resetAt: r.resetAt };
    // A bot that used up the bucket may be holding requests until it resets.
    if (r.remaining === 0) this.sb.busy(r.resetAt + 150);
  }

  private channelMessage(ch: SandboxChannel, id: string): SandboxMessage {
    const m = this.sb.messagesById.get(id);
    if (!m || m.deleted || m.ephemeral || m.channelId !== ch.id) throw DiscordErrors.unknownMessage();
    return m;
  }

  private webhookMessage(it: InteractionRec, id: string): SandboxMessage {
    if (!it.acked) throw DiscordErrors.unknownWebhook();
    let m: SandboxMessage | undefined;
    if (id === "@original") {
      const mid = it.kind === "component" && (it.ackType === 6 || it.ackType === 7) ? it.componentMessageId : it.originalMessageId;
      m = mid ? this.sb.messagesById.get(mid) : undefined;
    } else if (id === it.originalMessageId || it.followupIds.includes(id) || id === it.componentMessageId) {
      m = this.sb.messagesById.get(id);
    }
    if (!m || m.deleted) throw DiscordErrors.unknownMessage();
    return m;
  }

  // ------------------------------------------------------------ interaction handlers

  private callback(ctx: RequestCtx): Result {
    const sb = this.sb;
    const it = sb.interactions.get(ctx.params.id!);
    if (!it || it.token !== ctx.params.token) throw DiscordErrors.unknownInteraction();
    ctx.place = { ...it.ctx.place, interaction_id: it.id };
    if (it.failed || sb.now() > it.createdAtClock + TOKEN_LIFETIME_MS) throw DiscordErrors.unknownInteraction();
    if (it.acked) throw DiscordErrors.alreadyAcknowledged();
    const body = ctx.body;
    const type = body?.type;
    const allowed = it.kind === "autocomplete" ? [8] : it.kind === "component" ? [4, 5, 6, 7, 9] : [4, 5, 9];
    if (!allowed.includes(type)) {
      const errs = new FormErrors();
      errs.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", `Value must be one of {${allowed.join(", ")}} for this interaction.`);
      throw DiscordErrors.invalidForm(errs);
    }
    const data = body.data ?? {};
    const place = this.interactionPlace(it);
    let message: SandboxMessage | null = null;
    switch (type) {
      case 4: {
        this.checkMessage(data, ["data"]);
        const attachments = this.attachmentsFrom(ctx, it.ctx.channel.id);
        if (isEmptyMessage({ ...data, attachments: attachments ?? data.attachments })) throw DiscordErrors.emptyMessage();
        const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        message = sb.createMessage(it.ctx.channel, data, { interaction: it, ephemeral, attachments });
        it.originalMessageId = message.id;
        sb.markAcked(it, type);
        sb.emitEvent({ t: "reply", ...place, ...sb.messageBody(message) });
        break;
      }
      case 5: {
        const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        message = sb.createMessage(it.ctx.channel, {}, { interaction: it, ephemeral, loading: true });
        it.originalMessageId = message.id;
        sb.markAcked(it, type);
        sb.emitEvent({ t: "reply", ...place, ...sb.messageBody(message), deferred: true });
        break;
      }
      case 6:
        sb.markAcked(it, type);
        break;
      case 7: {
        const target = it.componentMessageId ? sb.messagesById.get(it.componentMessageId) : undefined;
        if (!target || target.deleted) throw DiscordErrors.unknownMessage();
        const attachments = this.attachmentsFrom(ctx, it.ctx.channel.id);
        this.checkEdit(target, data, ["data"], attachments);
        sb.applyEdit(target, data, attachments);
        message = target;
        sb.markAcked(it, type);
        sb.emitEvent({ t: "reply_edit", ...place, ...sb.messageBody(target) });
        break;
      }
      case 8: {
        const errs = validateAutocompleteResult(body.data, it.focused?.type);
        if (!errs.empty) throw DiscordErrors.invalidForm(errs);
        sb.markAcked(it, type);
        sb.emitEvent({
          t: "autocomplete",
          ...it.ctx.place,
          interaction_id: it.id,
          source: it.source,
          option: it.focused?.name ?? "",
          value: it.focused?.value ?? "",
          choices: (body.data.choices as any[]).map((c) => ({ name: c.name, value: c.value })),
        });
        break;
      }
      case 9: {
        const errs = validateModal(body.data);
        if (!errs.empty) throw DiscordErrors.invalidForm(errs);
        sb.markAcked(it, type);
        sb.emitEvent({
          t: "modal",
          ...it.ctx.place,
          interaction_id: it.id,
          source: it.source,
          custom_id: data.custom_id,
          title: data.title,
          components: data.components,
        });
        break;
      }
    }
    if (ctx.query.get("with_response") !== "true") return { status: 204 };
    const resource: Record<string, unknown> = { type };
    if (message) resource.message = sb.messageObject(message);
    return {
      status: 200,
      body: {
        interaction: {
          id: it.id,
          type: it.kind === "command" ? 2 : it.kind === "component" ? 3 : 4,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: message?.ephemeral ?? false,
        },
        resource,
      },
    };
  }

  private followup(ctx: RequestCtx): Result {
    const sb = this.sb;
    const it = this.interactionByToken(ctx.params.app!, ctx.params.token!, ctx);
    if (!it.acked) throw DiscordErrors.unknownWebhook();
    // The bot has answered its deferral (even if this attempt is refused below).
    sb.markDeferredResolved(it);
    const body = ctx.body;
    this.checkMessage(body);
    const attachments = this.attachmentsFrom(ctx, it.ctx.channel.id);
    if (isEmptyMessage({ ...body, attachments: attachments ?? body.attachments })) throw DiscordErrors.emptyMessage();
    const place = this.interactionPlace(it);
    const original = it.originalMessageId ? sb.messagesById.get(it.originalMessageId) : undefined;
    let m: SandboxMessage;
    if (it.ackType === 5 && original && original.loading && !original.deleted) {
      // Discord: the first followup after a deferred reply replaces the "thinking" message.
      sb.applyEdit(original, body, attachments);
      m = original;
      sb.emitEvent({ t: "reply_edit", ...place, ...sb.messageBody(m) });
    } else {
      const ephemeral = ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      m = sb.createMessage(it.ctx.channel, body, { interaction: it, ephemeral, attachments });
      it.followupIds.push(m.id);
      sb.emitEvent({ t: "followup", ...place, ...sb.messageBody(m) });
    }
    if (ctx.query.get("wait") === "false") return { status: 204 };
    return { status: 200, body: sb.messageObject(m) };
  }

  private editWebhookMessage(ctx: RequestCtx): Result {
    const sb = this.sb;
    const it = this.interactionByToken(ctx.params.app!, ctx.params.token!, ctx);
    if (it.acked) sb.markDeferredResolved(it);
    const m = this.webhookMessage(it, ctx.params.message!);
    const attachments = this.attachmentsFrom(ctx, m.channelId);
    this.checkEdit(m, ctx.body, [], attachments);
    sb.applyEdit(m, ctx.body, attachments);
    const isOriginal = ctx.params.message === "@original" || m.id === it.originalMessageId || m.id === it.componentMessageId;
    sb.emitEvent({ t: isOriginal ? "reply_edit" : "followup_edit", ...this.interactionPlace(it), ...sb.messageBody(m) });
    return { status: 200, body: sb.messageObject(m) };
  }
}
