/**
 * The sandbox gateway: Discord's gateway protocol (v10, JSON encoding, optional zlib-stream
 * transport compression) over a loopback WebSocket, enough for @discordjs/ws to identify,
 * heartbeat, receive dispatches, and resume after a dropped connection.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import zlib from "node:zlib";
import { WebSocketServer, type WebSocket, type RawData } from "ws";
import {
  GatewayCloseCodes,
  GatewayIntentBits as Intents,
  GatewayOpcodes as Op,
  type APIGuildMember,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from "discord-api-types/v10";
import { tokenFrom } from "./snowflake.ts";
import { shardOf } from "./types.ts";
import type { DispatchTarget } from "./world.ts";

/** One gateway event the sandbox dispatched, as a recorder sees it (tests hold its objects to Discord's spec). */
export interface GatewayDispatch {
  t: string;
  d: unknown;
}

export { Intents };

export const PRIVILEGED_INTENTS = Intents.GuildMembers | Intents.GuildPresences | Intents.MessageContent;

/** What the gateway needs from the sandbox. */
export interface GatewayHost {
  readonly token: string;
  /** Intents the application is allowed (privileged ones must be enabled). */
  readonly privilegedIntents: number;
  readonly heartbeatIntervalMs: number;
  readonly resumeWindowMs: number;
  gatewayUrl(): string;
  readyPayload(session: GatewaySession): GatewayReadyDispatchData;
  /** Full GUILD_CREATE payloads for the guilds on this shard. */
  guildCreates(shard: [number, number]): GatewayGuildCreateDispatchData[];
  /** Members for op 8 REQUEST_GUILD_MEMBERS. */
  guildMembers(guildId: string, userIds: string[] | null, query: string | null, limit: number): APIGuildMember[];
  log(level: "debug" | "info" | "warn", msg: string, extra?: Record<string, unknown>): void;
  /** Called whenever sessions or connections change (for idle tracking). */
  changed(): void;
}

interface Dispatched {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  buffer: Dispatched[];
  conn: Connection | null;
  invalid: boolean;
  expireTimer: NodeJS.Timeout | null;
}

const BUFFER_LIMIT = 5000;

class Connection {
  session: GatewaySession | null = null;
  private deflate: zlib.Deflate | null = null;
  private chain: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly ws: WebSocket,
    compress: boolean,
  ) {
    if (compress) this.deflate = zlib.createDeflate({ chunkSize: 65535 });
  }

  send(payload: unknown): void {
    if (this.closed) return;
    const text = JSON.stringify(payload);
    const deflate = this.deflate;
    if (!deflate) {
      this.ws.send(text);
      return;
    }
    // zlib-stream: one shared deflate context, each payload ends with a Z_SYNC_FLUSH (00 00 ff ff).
    this.chain = this.chain.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const onData = (c: Buffer) => chunks.push(c);
          deflate.on("data", onData);
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            deflate.off("data", onData);
            if (!this.closed) this.ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.deflate?.close();
  }
}

export class GatewayServer {
  readonly sessions = new Map<string, GatewaySession>();
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly conns = new Set<Connection>();
  private sessionCounter = 0;

  constructor(private readonly host: GatewayHost) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
  }

  /** Connected sessions (identified and holding an open connection). */
  get connectedCount(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.conn && !s.invalid) n++;
    return n;
  }

  /** Shards of the sessions holding an open connection. */
  connectedShards(): Array<[number, number]> {
    const shards: Array<[number, number]> = [];
    for (const s of this.sessions.values()) if (s.conn && !s.invalid) shards.push([...s.shard]);
    return shards;
  }

  private onConnection(ws: WebSocket, params: URLSearchParams): void {
    const compress = params.get("compress");
    const conn = new Connection(ws, compress === "zlib-stream");
    this.conns.add(conn);
    const version = params.get("v");
    const encoding = params.get("encoding") ?? "json";
    ws.on("message", (data: RawData) => this.onMessage(conn, data));
    ws.on("close", (code: number) => this.onClose(conn, code));
    ws.on("error", () => {});
    if (version && version !== "10" && version !== "9") {
      conn.close(GatewayCloseCodes.InvalidAPIVersion, "Invalid API version.");
      return;
    }
    if (encoding !== "json") {
      conn.close(GatewayCloseCodes.DecodeError, "The sandbox gateway supports encoding=json only.");
      return;
    }
    if (compress && compress !== "zlib-stream") {
      conn.close(GatewayCloseCodes.DecodeError, "Unsupported compression.");
      return;
    }
    conn.send({ op: Op.Hello, d: { heartbeat_interval: this.host.heartbeatIntervalMs, _trace: ["sandbox-gateway"] }, s: null, t: null });
    this.host.changed();
  }

  private onMessage(conn: Connection, data: RawData): void {
    let payload: any;
    try {
      payload = JSON.parse(data.toString());
    } catch {
      conn.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    if (typeof payload !== "object" || payload === null || typeof payload.op !== "number") {
      conn.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        conn.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.identify(conn, payload.d);
        return;
      case Op.Resume:
        this.resume(conn, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestSoundboardSounds:
        if (!conn.session) conn.close(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
        return;
      case Op.RequestGuildMembers:
        if (!conn.session) {
          conn.close(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
          return;
        }
        this.requestMembers(conn.session, payload.d ?? {});
        return;
      default:
        conn.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  private identify(conn: Connection, d: any): void {
    if (conn.session) {
      conn.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!d || typeof d.token !== "string" || d.token.replace(/^Bot\s+/i, "") !== this.host.token) {
      this.host.log("warn", "gateway: IDENTIFY with an invalid token");
      conn.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    if (typeof d.intents !== "number") {
      conn.close(GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
      return;
    }
    if (d.intents & PRIVILEGED_INTENTS & ~this.host.privilegedIntents) {
      conn.close(GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      conn.close(GatewayCloseCodes.InvalidShard, "Invalid shard.");
      return;
    }
    const id = tokenFrom("session", String(++this.sessionCounter), String(Date.now())).slice(0, 32);
    const session: GatewaySession = { id, shard, intents: d.intents, seq: 0, buffer: [], conn, invalid: false, expireTimer: null };
    this.sessions.set(id, session);
    conn.session = session;
    this.host.log("debug", "gateway: identified", { session: id, shard, intents: d.intents });
    this.sendDispatch(session, "READY", this.host.readyPayload(session));
    if (session.intents & Intents.Guilds) {
      for (const g of this.host.guildCreates(shard)) this.sendDispatch(session, "GUILD_CREATE", g);
    }
    this.host.changed();
  }

  private resume(conn: Connection, d: any): void {
    if (conn.session) {
      conn.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!d || typeof d.token !== "string" || d.token.replace(/^Bot\s+/i, "") !== this.host.token) {
      conn.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const session = this.sessions.get(String(d.session_id));
    const seq = typeof d.seq === "number" ? d.seq : 0;
    // Events after `seq` must still be in the buffer, or the gap cannot be replayed.
    const gap = session ? session.seq > seq && (session.buffer[0]?.s ?? Infinity) > seq + 1 : true;
    if (!session || session.invalid || seq > session.seq || gap) {
      this.host.log("debug", "gateway: RESUME refused (invalid session)");
      conn.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.close(GatewayCloseCodes.UnknownError, "Session resumed elsewhere.");
    if (session.expireTimer) clearTimeout(session.expireTimer);
    session.expireTimer = null;
    session.conn = conn;
    conn.session = session;
    let replayed = 0;
    for (const p of session.buffer) {
      if (p.s > seq) {
        conn.send(p);
        replayed++;
      }
    }
    this.host.log("debug", "gateway: resumed", { session: session.id, replayed });
    this.sendDispatch(session, "RESUMED", { _trace: ["sandbox-gateway"] });
    this.host.changed();
  }

  private requestMembers(session: GatewaySession, d: any): void {
    const guildId = String(d.guild_id ?? "");
    const ids: string[] | null = d.user_ids ? (Array.isArray(d.user_ids) ? d.user_ids.map(String) : [String(d.user_ids)]) : null;
    const query = typeof d.query === "string" ? d.query : null;
    if (!ids && !(session.intents & Intents.GuildMembers)) {
      session.conn?.close(GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    const members = this.host.guildMembers(guildId, ids, query, typeof d.limit === "number" && d.limit > 0 ? d.limit : 1000);
    const found = new Set(members.map((m: any) => m.user?.id));
    this.sendDispatch(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: guildId,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((i) => !found.has(i)) : [],
      nonce: d.nonce,
    });
  }

  private onClose(conn: Connection, code: number): void {
    conn.closed = true;
    this.conns.delete(conn);
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = null;
      if (session.invalid) {
        // already ended (non-resumable drop)
      } else if (code === 1000 || code === 1001) {
        // A client closing normally ends its session (Discord: cannot resume after 1000/1001).
        this.endSession(session);
      } else {
        session.expireTimer = setTimeout(() => this.endSession(session), this.host.resumeWindowMs);
        session.expireTimer.unref();
      }
    }
    this.host.changed();
  }

  private endSession(session: GatewaySession): void {
    session.invalid = true;
    if (session.expireTimer) clearTimeout(session.expireTimer);
    session.expireTimer = null;
    this.sessions.delete(session.id);
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): void {
    const payload: Dispatched = { op: 0, t, s: ++session.seq, d };
    session.buffer.push(payload);
    if (session.buffer.length > BUFFER_LIMIT) session.buffer.splice(0, session.buffer.length - BUFFER_LIMIT);
    if (session.conn && !session.conn.closed) session.conn.send(payload);
  }

  private readonly recorders = new Set<(dispatch: GatewayDispatch) => void>();

  /** Calls `recorder` with every event dispatched from now on (a copy); returns how to stop. */
  record(recorder: (dispatch: GatewayDispatch) => void): () => void {
    this.recorders.add(recorder);
    return () => this.recorders.delete(recorder);
  }

  /**
   * Sends an event to every live session it applies to. Sessions that lost their connection
   * but can still resume buffer it and get it replayed on RESUME. Returns how many sessions
   * took it.
   */
  dispatch(t: string, d: unknown, target: DispatchTarget = {}): number {
    for (const recorder of this.recorders) recorder({ t, d: JSON.parse(JSON.stringify(d)) as unknown });
    let n = 0;
    for (const s of this.sessions.values()) {
      if (s.invalid) continue;
      if (target.intent !== undefined && !(s.intents & target.intent)) continue;
      const shard = target.guildId ? shardOf(target.guildId, s.shard[1]) : 0;
      if (shard !== s.shard[0]) continue;
      this.sendDispatch(s, t, d);
      n++;
    }
    return n;
  }

  /**
   * Closes every bot connection. Resumable: the session stays alive and buffers events, and
   * the close code (4000) tells discord.js to RESUME. Not resumable: the session is invalidated,
   * so the client's RESUME is answered with op 9 and it identifies again.
   */
  drop(resumable: boolean): number {
    let n = 0;
    for (const s of [...this.sessions.values()]) {
      if (!resumable) s.invalid = true;
      if (s.conn) {
        const conn = s.conn;
        conn.close(
          resumable ? GatewayCloseCodes.UnknownError : GatewayCloseCodes.SessionTimedOut,
          resumable ? "Sandbox dropped the connection." : "Session timed out.",
        );
        n++;
      }
      if (!resumable) this.endSession(s);
    }
    return n;
  }

  /** Asks connected clients to reconnect and resume (op 7). */
  requestReconnect(): void {
    for (const s of this.sessions.values()) s.conn?.send({ op: Op.Reconnect, d: null, s: null, t: null });
  }

  close(): void {
    for (const c of this.conns) {
      c.closed = true;
      c.ws.terminate();
    }
    this.conns.clear();
    for (const s of this.sessions.values()) if (s.expireTimer) clearTimeout(s.expireTimer);
    this.sessions.clear();
    this.wss.close();
  }
}
