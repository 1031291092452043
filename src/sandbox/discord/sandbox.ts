/**
 * DiscordSandbox: the state of a small local Discord (users, guilds, channels, messages,
 * registered commands, interactions), the loopback server that serves its gateway and REST
 * API, and the acting API that plays Discord users (slash commands, autocomplete, buttons,
 * selects). See index.ts for the overview.
 */
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  autocompleteRaw,
  coerceOption,
  nestOptions,
  OptionRejection,
  resolveInvocation,
  type CommandOption,
  type OptionResolver,
  type RawValue,
  type RegisteredCommand,
} from "./commands.ts";
import { SandboxUsageError } from "./errors.ts";
import type {
  ActResult,
  DiscordErrorEvent,
  EventPlace,
  MessageBody,
  RateLimitedEvent,
  SandboxEvent,
} from "./events.ts";
import { GatewayServer, Intents, type GatewaySession } from "./gateway.ts";
import { computeMentions, NO_MENTIONS, type AllowedMentions, type Mentions } from "./mentions.ts";
import { RestServer } from "./rest.ts";
import { SnowflakeGenerator, stableSnowflake, tokenFrom } from "./snowflake.ts";
import { ComponentType, MessageFlags } from "./validate.ts";

// ---------------------------------------------------------------- public types

export interface SandboxLogger {
  debug?(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

export interface DiscordSandboxOptions {
  /** Bot token the gateway and REST accept (default "sandbox-token"). */
  token?: string;
  /** Application id (= the bot user's id). Default: stable snowflake derived from botName. */
  applicationId?: string;
  /** Bot display name (default "Film Fanatic"). */
  botName?: string;
  /** Interaction acknowledgement deadline (default 3000 ms, as Discord). */
  ackDeadlineMs?: number;
  /** How long an acting call waits for the edit after a defer (default 10 000 ms). */
  deferWaitMs?: number;
  /** Quiet period without bot REST traffic that counts as settled (default 40 ms). */
  quietMs?: number;
  /** Per-channel message create/edit limit (default 5 per 5 s, like Discord). */
  channelMessageLimit?: { count: number; windowMs: number };
  /** retry_after for injectRateLimits (default 0.1 s). */
  injectedRetryAfterMs?: number;
  /** Gateway heartbeat interval sent in HELLO (default 41 250 ms). */
  heartbeatIntervalMs?: number;
  /** How long a dropped session stays resumable (default 120 s). */
  resumeWindowMs?: number;
  /** Privileged intents enabled for the app (bit mask; default 0 → IDENTIFY with them closes 4014). */
  privilegedIntents?: number;
  /** Sandbox clock for timestamps, snowflakes and the 15-minute token lifetime (default Date.now). */
  now?: () => number;
  logger?: SandboxLogger;
}

/** Who acts and where: a guild channel (`guild` + `channel`) or the user's DM with the bot. */
export interface Actor {
  user: string;
  guild?: string;
  /** Channel name (with or without `#`), or "dm". */
  channel?: string;
}

export interface SandboxUser {
  id: string;
  /** The name used in scripts and events. */
  name: string;
  username: string;
  globalName: string;
  bot: boolean;
  dmsClosed: boolean;
}

export interface SandboxRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  mentionable: boolean;
  botId?: string;
}

export interface SandboxMember {
  userId: string;
  joinedAt: string;
  roles: string[];
  nick: string | null;
  /** Overrides the role-derived permissions (setMemberPermissions). */
  permissions: bigint | null;
}

export interface SandboxChannel {
  id: string;
  name: string;
  /** 0 guild text, 1 DM. */
  type: 0 | 1;
  guildId: string | null;
  /** For DMs: the other user's id. */
  recipientId: string | null;
  position: number;
  lastMessageId: string | null;
}

export interface SandboxGuild {
  id: string;
  name: string;
  ownerId: string;
  everyoneRoleId: string;
  botRoleId: string;
  createdAt: string;
  joinedAt: string;
  channels: Map<string, SandboxChannel>;
  roles: Map<string, SandboxRole>;
  members: Map<string, SandboxMember>;
}

/** A bot message as stored by the sandbox (see messages()). */
export interface SandboxMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  content: string;
  embeds: any[];
  components: any[];
  attachments: any[];
  flags: number;
  ephemeral: boolean;
  /** Deferred reply still "thinking". */
  loading: boolean;
  /** Ephemeral messages: the user id that can see it. */
  visibleToId: string | null;
  /** Ephemeral messages: the user name that can see it. */
  visibleTo: string | null;
  createdAt: string;
  editedAt: string | null;
  /** Interaction that produced it (reply/followup), if any. */
  interactionId: string | null;
  allowedMentions: AllowedMentions | null;
  mentions: Mentions;
  type: number;
  messageReference: { message_id: string; channel_id: string; guild_id?: string } | null;
  deleted: boolean;
}

// ---------------------------------------------------------------- internal types

type InteractionKind = "command" | "autocomplete" | "component";

interface ActContext {
  user: SandboxUser;
  guild: SandboxGuild | null;
  channel: SandboxChannel;
  place: Required<Pick<EventPlace, "user" | "channel">> & EventPlace;
}

/** @internal */
export interface InteractionRec {
  id: string;
  token: string;
  kind: InteractionKind;
  ctx: ActContext;
  source: string;
  command: RegisteredCommand | null;
  focused: { name: string; type: number; value: string } | null;
  componentMessageId: string | null;
  createdAtReal: number;
  /** performance.now() at dispatch, for acknowledgement latency (immune to the sandbox clock). */
  createdAtPerf: number;
  createdAtClock: number;
  acked: boolean;
  ackType: number | null;
  ackedAt: number;
  failed: boolean;
  originalMessageId: string | null;
  followupIds: string[];
  deferredResolved: boolean;
  deadline: NodeJS.Timeout | null;
}

// ---------------------------------------------------------------- permissions

const P = (bit: number) => 1n << BigInt(bit);
export const Permissions = {
  CreateInstantInvite: P(0),
  Administrator: P(3),
  ManageChannels: P(4),
  ManageGuild: P(5),
  AddReactions: P(6),
  ViewChannel: P(10),
  SendMessages: P(11),
  ManageMessages: P(13),
  EmbedLinks: P(14),
  AttachFiles: P(15),
  ReadMessageHistory: P(16),
  MentionEveryone: P(17),
  UseExternalEmojis: P(18),
  Connect: P(20),
  Speak: P(21),
  ChangeNickname: P(26),
  UseApplicationCommands: P(31),
  SendMessagesInThreads: P(38),
  UseExternalApps: P(50),
} as const;

const ALL_PERMISSIONS = (1n << 51n) - 1n;
const EVERYONE_PERMISSIONS =
  Permissions.CreateInstantInvite |
  Permissions.AddReactions |
  Permissions.ViewChannel |
  Permissions.SendMessages |
  Permissions.EmbedLinks |
  Permissions.AttachFiles |
  Permissions.ReadMessageHistory |
  Permissions.MentionEveryone |
  Permissions.UseExternalEmojis |
  Permissions.Connect |
  Permissions.Speak |
  Permissions.ChangeNickname |
  Permissions.UseApplicationCommands |
  Permissions.SendMessagesInThreads |
  Permissions.UseExternalApps;
const BOT_ROLE_PERMISSIONS =
  Permissions.ViewChannel |
  Permissions.SendMessages |
  Permissions.EmbedLinks |
  Permissions.AttachFiles |
  Permissions.ReadMessageHistory |
  Permissions.AddReactions |
  Permissions.UseExternalEmojis |
  Permissions.SendMessagesInThreads;

// ---------------------------------------------------------------- helpers

/** Waiters woken on any state change, with a timeout. */
class Signal {
  private waiters = new Set<() => void>();
  notify(): void {
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      this.waiters.add(done);
    });
  }
}

function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

function stripHash(name: string): string {
  return name.replace(/^#/, "");
}

function usernameFor(name: string): string {
  const u = name.toLowerCase().replace(/[^a-z0-9_.]/g, "_").slice(0, 32);
  return u.length >= 2 ? u : `${u}__`.slice(0, 2);
}

/** Walks components (action rows, v2 containers/sections) yielding interactive ones. */
function* walkComponents(components: any[] | undefined): Generator<any> {
  for (const c of components ?? []) {
    if (!c || typeof c !== "object") continue;
    if (c.type === ComponentType.Button || c.type === ComponentType.StringSelect || (c.type >= 5 && c.type <= 8)) yield c;
    if (Array.isArray(c.components)) yield* walkComponents(c.components);
    if (c.accessory) yield* walkComponents([c.accessory]);
  }
}

// ---------------------------------------------------------------- the sandbox

export class DiscordSandbox extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly botName: string;
  readonly ackDeadlineMs: number;
  readonly deferWaitMs: number;
  readonly quietMs: number;
  readonly channelMessageLimit: { count: number; windowMs: number };
  readonly injectedRetryAfterMs: number;
  readonly heartbeatIntervalMs: number;
  readonly resumeWindowMs: number;
  readonly privilegedIntents: number;
  readonly now: () => number;
  private readonly logger: SandboxLogger | undefined;

  /** Port the loopback server listens on (after start()). */
  port = 0;

  /** @internal */ readonly ids = new SnowflakeGenerator();
  /** @internal */ readonly users = new Map<string, SandboxUser>(); // by name
  /** @internal */ readonly usersById = new Map<string, SandboxUser>();
  /** @internal */ readonly guilds = new Map<string, SandboxGuild>(); // by name
  /** @internal */ readonly guildsById = new Map<string, SandboxGuild>();
  /** @internal */ readonly channelsById = new Map<string, SandboxChannel>();
  /** @internal */ readonly messagesById = new Map<string, SandboxMessage>();
  /** @internal */ readonly channelMessages = new Map<string, SandboxMessage[]>();
  /** @internal */ readonly globalCommands = new Map<string, RegisteredCommand>(); // by id
  /** @internal */ readonly guildCommands = new Map<string, Map<string, RegisteredCommand>>(); // guildId → id → cmd
  /** @internal */ readonly interactions = new Map<string, InteractionRec>();
  /** @internal */ readonly interactionsByToken = new Map<string, InteractionRec>();
  /** @internal */ readonly botUser: SandboxUser;

  private server: http.Server | null = null;
  /** @internal */ gateway: GatewayServer;
  private readonly rest: RestServer;
  private readonly signal = new Signal();
  private inflight = 0;
  private lastActivity = 0;
  private busyUntil = 0;
  private injected = 0;
  private readonly rateWindows = new Map<string, { start: number; used: number }>();

  constructor(opts: DiscordSandboxOptions = {}) {
    super();
    this.token = opts.token ?? "sandbox-token";
    this.botName = opts.botName ?? "Film Fanatic";
    this.applicationId = opts.applicationId ?? stableSnowflake("bot", this.botName);
    this.ackDeadlineMs = opts.ackDeadlineMs ?? 3000;
    this.deferWaitMs = opts.deferWaitMs ?? 10_000;
    this.quietMs = opts.quietMs ?? 40;
    this.channelMessageLimit = opts.channelMessageLimit ?? { count: 5, windowMs: 5000 };
    this.injectedRetryAfterMs = opts.injectedRetryAfterMs ?? 100;
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41_250;
    this.resumeWindowMs = opts.resumeWindowMs ?? 120_000;
    this.privilegedIntents = opts.privilegedIntents ?? 0;
    this.now = opts.now ?? Date.now;
    this.logger = opts.logger;
    this.botUser = {
      id: this.applicationId,
      name: this.botName,
      username: this.botName,
      globalName: this.botName,
      bot: true,
      dmsClosed: false,
    };
    this.usersById.set(this.botUser.id, this.botUser);
    const sb = this;
    this.gateway = new GatewayServer({
      get token() {
        return sb.token;
      },
      privilegedIntents: this.privilegedIntents,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
      resumeWindowMs: this.resumeWindowMs,
      gatewayUrl: () => this.gatewayUrl,
      readyPayload: (s) => this.readyPayload(s),
      guildCreates: (shard) => this.guildCreates(shard),
      guildMembers: (g, ids, q, limit) => this.guildMembersFor(g, ids, q, limit),
      log: (level, msg, extra) => this.log(level, msg, extra),
      changed: () => this.signal.notify(),
    });
    this.rest = new RestServer(this);
  }

  // ------------------------------------------------------------ lifecycle

  /** Starts the loopback HTTP + WebSocket server (port 0 → any free port). */
  async start(port = 0): Promise<void> {
    if (this.server) return;
    const server = http.createServer((req, res) => void this.rest.handle(req, res));
    server.keepAliveTimeout = 5000;
    server.on("upgrade", (req, socket, head) => {
      socket.on("error", () => {});
      this.gateway.handleUpgrade(req, socket, head);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.log("info", "discord sandbox listening", { port: this.port });
  }

  /** Closes every connection and the server; pending deadline timers are cancelled. */
  async stop(): Promise<void> {
    for (const it of this.interactions.values()) {
      if (it.deadline) clearTimeout(it.deadline);
      it.deadline = null;
    }
    this.gateway.close();
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.signal.notify();
  }

  /** Base URL for discord.js's `rest.api` option: `http://127.0.0.1:PORT/api`. */
  get restApiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway URL returned by GET /gateway/bot. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ------------------------------------------------------------ world

  /** The user with this name (created on first use; id derived from the name). */
  user(name: string): SandboxUser {
    const key = name.replace(/^@/, "");
    let u = this.users.get(key);
    if (!u) {
      u = {
        id: stableSnowflake("user", key),
        name: key,
        username: usernameFor(key),
        globalName: key,
        bot: false,
        dmsClosed: false,
      };
      this.users.set(key, u);
      this.usersById.set(u.id, u);
    }
    return u;
  }

  /** The guild with this name (created on first use; the bot is a member). */
  guild(name: string): SandboxGuild {
    let g = this.guilds.get(name);
    if (g) return g;
    const id = stableSnowflake("guild", name);
    const created = discordTimestamp(this.now());
    g = {
      id,
      name,
      ownerId: stableSnowflake("guild-owner", name),
      everyoneRoleId: id,
      botRoleId: stableSnowflake("bot-role", `${name}\u0000${this.applicationId}`),
      createdAt: created,
      joinedAt: created,
      channels: new Map(),
      roles: new Map(),
      members: new Map(),
    };
    g.roles.set(id, { id, name: "@everyone", permissions: EVERYONE_PERMISSIONS, position: 0, managed: false, mentionable: false });
    g.roles.set(g.botRoleId, {
      id: g.botRoleId,
      name: this.botName,
      permissions: BOT_ROLE_PERMISSIONS,
      position: 1,
      managed: true,
      mentionable: false,
      botId: this.applicationId,
    });
    g.members.set(this.botUser.id, { userId: this.botUser.id, joinedAt: created, roles: [g.botRoleId], nick: null, permissions: null });
    this.guilds.set(name, g);
    this.guildsById.set(id, g);
    this.gateway.dispatch("GUILD_CREATE", this.guildCreatePayload(g), { guildId: g.id, intent: Intents.Guilds });
    return g;
  }

  /** A text channel in a guild (both created on first use; CHANNEL_CREATE dispatched). */
  channel(guildName: string, channelName: string): SandboxChannel {
    const g = this.guild(guildName);
    const name = stripHash(channelName);
    let ch = g.channels.get(name);
    if (ch) return ch;
    ch = {
      id: stableSnowflake("channel", `${guildName}\u0000${name}`),
      name,
      type: 0,
      guildId: g.id,
      recipientId: null,
      position: g.channels.size,
      lastMessageId: null,
    };
    g.channels.set(name, ch);
    this.channelsById.set(ch.id, ch);
    this.channelMessages.set(ch.id, []);
    this.gateway.dispatch("CHANNEL_CREATE", { ...this.channelObject(ch), guild_id: g.id }, { guildId: g.id, intent: Intents.Guilds });
    return ch;
  }

  /** A role in a guild (created on first use). */
  role(guildName: string, roleName: string, opts: { mentionable?: boolean } = {}): SandboxRole {
    const g = this.guild(guildName);
    const name = roleName.replace(/^@&?/, "");
    if (name === "everyone") return g.roles.get(g.everyoneRoleId)!;
    for (const r of g.roles.values()) if (r.name === name) return r;
    const r: SandboxRole = {
      id: stableSnowflake("role", `${guildName}\u0000${name}`),
      name,
      permissions: 0n,
      position: g.roles.size,
      managed: false,
      mentionable: opts.mentionable ?? true,
    };
    g.roles.set(r.id, r);
    this.gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: g.id, role: this.roleObject(r) }, { guildId: g.id, intent: Intents.Guilds });
    return r;
  }

  /** The DM channel between the bot and this user. */
  dm(userName: string): SandboxChannel {
    const u = this.user(userName);
    const id = stableSnowflake("dm", u.name);
    let ch = this.channelsById.get(id);
    if (!ch) {
      ch = { id, name: "dm", type: 1, guildId: null, recipientId: u.id, position: 0, lastMessageId: null };
      this.channelsById.set(id, ch);
      this.channelMessages.set(id, []);
    }
    return ch;
  }

  /** Users who closed their DMs make the bot's DM posts fail with 50007. */
  setDmsClosed(userName: string, closed: boolean): void {
    this.user(userName).dmsClosed = closed;
  }

  /** Makes the user a guild member (done automatically when they act there). */
  join(guildName: string, userName: string): SandboxMember {
    const g = this.guild(guildName);
    const u = this.user(userName);
    let m = g.members.get(u.id);
    if (!m) {
      m = { userId: u.id, joinedAt: discordTimestamp(this.now()), roles: [], nick: null, permissions: null };
      g.members.set(u.id, m);
      this.gateway.dispatch("GUILD_MEMBER_ADD", { ...this.memberObject(g, m), guild_id: g.id }, { guildId: g.id, intent: Intents.GuildMembers });
    }
    return m;
  }

  /** Overrides a member's permissions (e.g. Permissions.Administrator or ManageGuild). */
  setMemberPermissions(guildName: string, userName: string, permissions: bigint | null): void {
    this.join(guildName, userName).permissions = permissions;
  }

  /** Gives a member a role (created on first use). */
  addRole(guildName: string, userName: string, roleName: string): SandboxRole {
    const r = this.role(guildName, roleName);
    const m = this.join(guildName, userName);
    if (!m.roles.includes(r.id)) m.roles.push(r.id);
    return r;
  }

  /** Registered application commands: global ones, or a guild's (by id or name). */
  registeredCommands(guild?: string): RegisteredCommand[] {
    if (guild === undefined) return [...this.globalCommands.values()];
    const g = this.guildsById.get(guild) ?? this.guilds.get(guild);
    return [...(this.guildCommands.get(g?.id ?? guild)?.values() ?? [])];
  }

  /** Messages in a channel (by id), oldest first, including ephemeral ones (see visibleTo). */
  messages(channelId: string): SandboxMessage[] {
    return (this.channelMessages.get(channelId) ?? []).filter((m) => !m.deleted);
  }

  /** Messages an actor can see where they are (their ephemerals included), oldest first. */
  visibleMessages(actor: Actor): SandboxMessage[] {
    const ctx = this.context(actor);
    return this.messages(ctx.channel.id).filter((m) => !m.ephemeral || m.visibleToId === ctx.user.id);
  }

  /** One message by id. */
  message(id: string): SandboxMessage | undefined {
    return this.messagesById.get(id);
  }

  // ------------------------------------------------------------ test controls

  /** Closes the bot's gateway connections; discord.js reconnects (RESUME when resumable). */
  dropGatewayConnection(opts: { resumable?: boolean } = {}): number {
    return this.gateway.drop(opts.resumable ?? true);
  }

  /** Sends op 7 RECONNECT to connected clients. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** The next `n` bot REST requests get 429 with retry_after = injectedRetryAfterMs. */
  injectRateLimits(n: number): void {
    this.injected += n;
  }

  /** Number of gateway sessions with an open connection. */
  get connectedSessions(): number {
    return this.gateway.connectedCount;
  }

  /**
   * Resolves when nothing is pending: every interaction acknowledged or failed (and deferred
   * ones edited or past deferWaitMs), no bot REST request in flight, none for quietMs, and no
   * rate-limit wait (429 retry or exhausted channel bucket) still running. Gives up after
   * `timeoutMs` (default 60 s).
   */
  async waitForIdle(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const pending = [...this.interactions.values()].some((it) => this.isPending(it));
      if (!pending) {
        const wake = this.quietWakeTime();
        if (wake <= Date.now() && this.inflight === 0) return;
        await this.signal.wait(this.inflight > 0 ? 50 : wake - Date.now());
      } else {
        await this.signal.wait(50);
      }
    }
  }

  // ------------------------------------------------------------ acting

  /**
   * Resolves a command line's words and values against the registered definition:
   * `command` is "ep" or "watch add"; `args` are `name:value` pairs and bare values (bare
   * values first complete the subcommand path, then fill options in registered order).
   * Returns the full command path, the options by name, and the option each arg landed in.
   */
  resolveArgs(
    actor: Actor,
    command: string,
    args: Array<{ name?: string; value: RawValue }>,
  ): { command: string; options: Record<string, RawValue>; names: string[] } {
    const ctx = this.context(actor);
    const [name, ...pathTokens] = command.replace(/^\//, "").trim().split(/\s+/);
    const cmd = this.findCommand(ctx, name ?? "");
    const named: Record<string, RawValue> = {};
    const positional: RawValue[] = [];
    for (const a of args) {
      if (a.name !== undefined) {
        if (a.name in named) throw new SandboxUsageError(`option "${a.name}" given twice`);
        named[a.name] = a.value;
      } else positional.push(a.value);
    }
    const r = resolveInvocation(cmd, pathTokens, named, positional);
    let p = 0;
    const names = args.map((a) => (a.name !== undefined ? a.name : r.positionalNames[p++]!));
    return { command: [cmd.name, ...r.path].join(" "), options: Object.fromEntries(r.given), names };
  }

  /**
   * Invokes a slash command as `actor`. `command` is the name with its subcommand path
   * ("watch add"); `options` are values by option name (strings are parsed by the option's
   * type); `opts.positional` fills the remaining options in registered order. Unknown
   * command/subcommand/option throws SandboxUsageError; values Discord's client would refuse
   * produce a `rejected` event and no interaction.
   */
  async runCommand(
    actor: Actor,
    command: string,
    options: Record<string, RawValue> = {},
    opts: { positional?: RawValue[] } = {},
  ): Promise<ActResult> {
    return this.act(async (collect) => {
      const ctx = this.context(actor);
      const [name, ...pathTokens] = command.replace(/^\//, "").trim().split(/\s+/);
      const cmd = this.findCommand(ctx, name ?? "");
      const r = resolveInvocation(cmd, pathTokens, options, opts.positional ?? []);
      const source = `/${[cmd.name, ...r.path].join(" ")}`;
      const resolver = this.optionResolver(ctx);
      const leafOptions: any[] = [];
      const resolved: Record<string, Record<string, unknown>> = {};
      try {
        for (const opt of r.leaf) {
          if (!r.given.has(opt.name)) {
            if (opt.required) throw new OptionRejection(`missing required option "${opt.name}"`);
            continue;
          }
          const v = coerceOption(opt, r.given.get(opt.name)!, resolver);
          leafOptions.push({ name: opt.name, type: opt.type, value: v.value });
          if (v.kind) this.addResolved(resolved, ctx, v.kind, String(v.value));
        }
      } catch (e) {
        if (e instanceof OptionRejection) return this.reject(ctx, source, `${source}: ${e.message}`, collect);
        throw e;
      }
      const data: Record<string, unknown> = {
        id: cmd.id,
        name: cmd.name,
        type: 1,
      };
      if (cmd.guild_id) data.guild_id = cmd.guild_id;
      const nested = nestOptions(r.path, leafOptions);
      if (nested.length) data.options = nested;
      if (Object.keys(resolved).length) data.resolved = resolved;
      return this.dispatchInteraction(ctx, "command", 2, data, { source, command: cmd });
    });
  }

  /**
   * Asks for autocomplete choices: `focused` is the option being typed, `partial` its text so
   * far, `others` the other options already filled in (sent as Discord does, unvalidated).
   */
  async runAutocomplete(
    actor: Actor,
    command: string,
    focused: string,
    partial: string,
    others: Record<string, RawValue> = {},
  ): Promise<ActResult> {
    return this.act(async (collect) => {
      const ctx = this.context(actor);
      const [name, ...pathTokens] = command.replace(/^\//, "").trim().split(/\s+/);
      const cmd = this.findCommand(ctx, name ?? "");
      const r = resolveInvocation(cmd, pathTokens, { ...others, [focused]: partial }, []);
      const source = `/${[cmd.name, ...r.path].join(" ")}`;
      const opt = r.leaf.find((o) => o.name === focused)!;
      if (!opt.autocomplete) {
        return this.reject(ctx, source, `${source}: option "${focused}" does not autocomplete`, collect);
      }
      const resolver = this.optionResolver(ctx);
      const leafOptions: any[] = [];
      for (const o of r.leaf) {
        if (!r.given.has(o.name)) continue;
        const raw = r.given.get(o.name)!;
        if (o.name === focused) {
          leafOptions.push({ name: o.name, type: o.type, value: autocompleteRaw(raw), focused: true });
          continue;
        }
        let value: RawValue = raw;
        try {
          value = coerceOption({ ...o, min_value: undefined, max_value: undefined, min_length: undefined, max_length: undefined }, raw, resolver).value;
        } catch {
          value = String(raw);
        }
        leafOptions.push({ name: o.name, type: o.type, value });
      }
      const data: Record<string, unknown> = { id: cmd.id, name: cmd.name, type: 1, options: nestOptions(r.path, leafOptions) };
      if (cmd.guild_id) data.guild_id = cmd.guild_id;
      return this.dispatchInteraction(ctx, "autocomplete", 4, data, {
        source,
        command: cmd,
        focused: { name: opt.name, type: opt.type, value: String(partial) },
      });
    });
  }

  /**
   * Presses the button labelled `label` on the newest bot message the actor can see in the
   * channel (ephemeral messages only by their user). No such button → SandboxUsageError;
   * a disabled or link button → `rejected`.
   */
  async click(actor: Actor, label: string): Promise<ActResult> {
    return this.act(async (collect) => {
      const ctx = this.context(actor);
      const source = `click ${JSON.stringify(label)}`;
      const found = this.findComponent(ctx, (c) => c.type === ComponentType.Button && this.labelMatches(c.label, label));
      if (!found) {
        throw new SandboxUsageError(`no button ${JSON.stringify(label)} on any message ${ctx.user.name} can see in ${this.placeLabel(ctx)}${this.describeVisibleComponents(ctx)}`);
      }
      const { message, component } = found;
      if (component.disabled) return this.reject(ctx, source, `button ${JSON.stringify(label)} is disabled`, collect);
      if (component.style === 5) return this.reject(ctx, source, `button ${JSON.stringify(label)} is a link to ${component.url}; it opens in the browser and sends no interaction`, collect);
      if (component.style === 6) return this.reject(ctx, source, `button ${JSON.stringify(label)} is a premium (SKU) button; the sandbox has no store`, collect);
      const data: Record<string, unknown> = { custom_id: component.custom_id, component_type: ComponentType.Button };
      if (typeof component.id === "number") data.id = component.id;
      return this.dispatchInteraction(ctx, "component", 3, data, { source, componentMessage: message });
    });
  }

  /** Picks the option labelled `optionLabel` in the newest string select the actor can see. */
  async select(actor: Actor, optionLabel: string): Promise<ActResult> {
    return this.act(async (collect) => {
      const ctx = this.context(actor);
      const source = `select ${JSON.stringify(optionLabel)}`;
      const found = this.findComponent(
        ctx,
        (c) => c.type === ComponentType.StringSelect && (c.options ?? []).some((o: any) => this.labelMatches(o.label, optionLabel)),
      );
      if (!found) {
        throw new SandboxUsageError(`no select menu with option ${JSON.stringify(optionLabel)} on any message ${ctx.user.name} can see in ${this.placeLabel(ctx)}${this.describeVisibleComponents(ctx)}`);
      }
      const { message, component } = found;
      if (component.disabled) return this.reject(ctx, source, `the select menu with ${JSON.stringify(optionLabel)} is disabled`, collect);
      const option = component.options.find((o: any) => this.labelMatches(o.label, optionLabel));
      const data: Record<string, unknown> = {
        custom_id: component.custom_id,
        component_type: ComponentType.StringSelect,
        values: [option.value],
      };
      if (typeof component.id === "number") data.id = component.id;
      return this.dispatchInteraction(ctx, "component", 3, data, { source, componentMessage: message });
    });
  }

  // ------------------------------------------------------------ acting internals

  private async act(body: (collect: SandboxEvent[]) => Promise<ActResult>): Promise<ActResult> {
    const collected: SandboxEvent[] = [];
    const listener = (e: SandboxEvent) => collected.push(e);
    this.on("event", listener);
    try {
      const r = await body(collected);
      return { ...r, events: collected };
    } finally {
      this.off("event", listener);
    }
  }

  private reject(ctx: ActContext, source: string, reason: string, _collected: SandboxEvent[]): ActResult {
    this.emitEvent({ t: "rejected", ...ctx.place, source, reason });
    return { events: [], interactionId: null, rejected: reason };
  }

  private labelMatches(actual: unknown, wanted: string): boolean {
    if (typeof actual !== "string") return false;
    return actual === wanted || actual.trim().toLowerCase() === wanted.trim().toLowerCase();
  }

  private findComponent(ctx: ActContext, pred: (c: any) => boolean): { message: SandboxMessage; component: any } | null {
    const visible = this.messages(ctx.channel.id).filter((m) => !m.loading && (!m.ephemeral || m.visibleToId === ctx.user.id));
    // Exact label matches win over case-insensitive ones, newest message first.
    for (let i = visible.length - 1; i >= 0; i--) {
      const m = visible[i]!;
      for (const c of walkComponents(m.components)) if (pred(c)) return { message: m, component: c };
    }
    return null;
  }

  private describeVisibleComponents(ctx: ActContext): string {
    const labels: string[] = [];
    const visible = this.messages(ctx.channel.id).filter((m) => !m.loading && (!m.ephemeral || m.visibleToId === ctx.user.id));
    for (const m of visible.slice(-5)) {
      for (const c of walkComponents(m.components)) {
        if (c.type === ComponentType.Button && c.label) labels.push(JSON.stringify(c.label));
        if (c.type === ComponentType.StringSelect) for (const o of c.options ?? []) labels.push(`option ${JSON.stringify(o.label)}`);
      }
    }
    return labels.length ? ` (visible: ${[...new Set(labels)].join(", ")})` : " (no buttons or menus visible there)";
  }

  private placeLabel(ctx: ActContext): string {
    return ctx.guild ? `${ctx.guild.name} #${ctx.channel.name}` : "their DM with the bot";
  }

  /** @internal Resolves an actor into user, guild and channel records. */
  context(actor: Actor): ActContext {
    if (!actor.user) throw new SandboxUsageError("no acting user (use `as NAME`)");
    const user = this.user(actor.user);
    const chan = actor.channel ? stripHash(actor.channel) : undefined;
    if (!actor.guild || chan === "dm") {
      if (actor.guild && chan === "dm") throw new SandboxUsageError("a DM has no guild");
      if (!actor.guild && chan && chan !== "dm") {
        throw new SandboxUsageError(`channel #${chan} needs a guild (use \`in GUILD #${chan}\`)`);
      }
      const channel = this.dm(user.name);
      return { user, guild: null, channel, place: { user: user.name, channel: "dm" } };
    }
    if (!chan) throw new SandboxUsageError(`no channel given for guild ${actor.guild} (use \`in ${actor.guild} #CHANNEL\`)`);
    const guild = this.guild(actor.guild);
    const channel = this.channel(guild.name, chan);
    this.join(guild.name, user.name);
    return { user, guild, channel, place: { user: user.name, guild: guild.name, channel: `#${channel.name}` } };
  }

  /** @internal Effective permissions of a member in a guild. */
  memberPermissions(g: SandboxGuild, userId: string): bigint {
    const m = g.members.get(userId);
    if (!m) return 0n;
    if (m.permissions !== null) return m.permissions & Permissions.Administrator ? ALL_PERMISSIONS : m.permissions;
    let p = g.roles.get(g.everyoneRoleId)!.permissions;
    for (const rid of m.roles) p |= g.roles.get(rid)?.permissions ?? 0n;
    return p & Permissions.Administrator ? ALL_PERMISSIONS : p;
  }

  private findCommand(ctx: ActContext, name: string): RegisteredCommand {
    const visible: RegisteredCommand[] = [];
    if (ctx.guild) visible.push(...(this.guildCommands.get(ctx.guild.id)?.values() ?? []));
    for (const c of this.globalCommands.values()) {
      if (visible.some((v) => v.name === c.name && v.type === c.type)) continue;
      visible.push(c);
    }
    const usable = visible.filter((c) => {
      if (c.type !== 1) return false;
      if (ctx.guild) {
        if (c.contexts && !c.contexts.includes(0)) return false;
        if (c.default_member_permissions !== null && c.default_member_permissions !== undefined) {
          const need = BigInt(c.default_member_permissions);
          const have = this.memberPermissions(ctx.guild, ctx.user.id);
          if ((have & Permissions.Administrator) === 0n && (need === 0n || (have & need) !== need)) return false;
        }
      } else {
        if (c.guild_id) return false;
        if (c.contexts ? !c.contexts.includes(1) : c.dm_permission === false) return false;
      }
      return true;
    });
    const cmd = usable.find((c) => c.name === name);
    if (cmd) return cmd;
    const hidden = visible.find((c) => c.name === name && c.type === 1);
    const where = ctx.guild ? `in ${ctx.guild.name}` : "in DMs";
    if (hidden) throw new SandboxUsageError(`/${name} is registered but not available to ${ctx.user.name} ${where} (contexts or default_member_permissions)`);
    const names = usable.map((c) => `/${c.name}`).sort();
    throw new SandboxUsageError(
      `/${name} is not a registered command ${where}${names.length ? ` (registered: ${names.join(", ")})` : " (no commands registered yet)"}`,
    );
  }

  private optionResolver(ctx: ActContext): OptionResolver {
    return {
      user: (ref) => {
        const s = ref.trim();
        const m = /^<@!?(\d+)>$/.exec(s);
        if (m) return this.usersById.get(m[1]!);
        if (/^\d{15,21}$/.test(s)) return this.usersById.get(s);
        const name = s.replace(/^@/, "");
        if (!name) return undefined;
        if (name === this.botUser.name) return this.botUser;
        return this.user(name);
      },
      channel: (ref) => {
        if (!ctx.guild) return undefined;
        const s = ref.trim();
        const m = /^<#(\d+)>$/.exec(s);
        const id = m ? m[1]! : /^\d{15,21}$/.test(s) ? s : null;
        if (id) {
          const ch = this.channelsById.get(id);
          return ch && ch.guildId === ctx.guild.id ? ch : undefined;
        }
        return ctx.guild.channels.get(stripHash(s));
      },
      role: (ref) => {
        if (!ctx.guild) return undefined;
        const s = ref.trim();
        const m = /^<@&(\d+)>$/.exec(s);
        const id = m ? m[1]! : /^\d{15,21}$/.test(s) ? s : null;
        if (id) return ctx.guild.roles.get(id);
        const name = s.replace(/^@&?/, "");
        if (name === "everyone") return ctx.guild.roles.get(ctx.guild.everyoneRoleId);
        for (const r of ctx.guild.roles.values()) if (r.name === name) return r;
        return undefined;
      },
    };
  }

  private addResolved(resolved: Record<string, Record<string, unknown>>, ctx: ActContext, kind: "user" | "channel" | "role", id: string): void {
    if (kind === "user") {
      const u = this.usersById.get(id);
      if (!u) return;
      (resolved.users ??= {})[id] = this.userObject(u);
      const member = ctx.guild?.members.get(id);
      if (ctx.guild && member) {
        const { user: _u, ...rest } = this.memberObject(ctx.guild, member);
        (resolved.members ??= {})[id] = { ...rest, permissions: this.memberPermissions(ctx.guild, id).toString() };
      }
    } else if (kind === "channel") {
      const ch = this.channelsById.get(id);
      if (!ch) return;
      (resolved.channels ??= {})[id] = {
        id: ch.id,
        name: ch.name,
        type: ch.type,
        permissions: ctx.guild ? this.memberPermissions(ctx.guild, ctx.user.id).toString() : "0",
        parent_id: null,
        flags: 0,
      };
    } else {
      const r = ctx.guild?.roles.get(id);
      if (r) (resolved.roles ??= {})[id] = this.roleObject(r);
    }
  }

  private appPermissions(ctx: ActContext): string {
    if (!ctx.guild) {
      return (
        Permissions.AddReactions |
        Permissions.ViewChannel |
        Permissions.SendMessages |
        Permissions.EmbedLinks |
        Permissions.AttachFiles |
        Permissions.ReadMessageHistory |
        Permissions.MentionEveryone |
        Permissions.UseExternalEmojis |
        Permissions.UseApplicationCommands
      ).toString();
    }
    return this.memberPermissions(ctx.guild, this.botUser.id).toString();
  }

  private async dispatchInteraction(
    ctx: ActContext,
    kind: InteractionKind,
    type: number,
    data: Record<string, unknown>,
    extra: {
      source: string;
      command?: RegisteredCommand;
      focused?: { name: string; type: number; value: string };
      componentMessage?: SandboxMessage;
    },
  ): Promise<ActResult> {
    const id = this.ids.next(this.now());
    const token = `aW50ZXJhY3Rpb246${id}:${tokenFrom("interaction", id, this.token)}`;
    const it: InteractionRec = {
      id,
      token,
      kind,
      ctx,
      source: extra.source,
      command: extra.command ?? null,
      focused: extra.focused ?? null,
      componentMessageId: extra.componentMessage?.id ?? null,
      createdAtReal: Date.now(),
      createdAtPerf: performance.now(),
      createdAtClock: this.now(),
      acked: false,
      ackType: null,
      ackedAt: 0,
      failed: false,
      originalMessageId: null,
      followupIds: [],
      deferredResolved: false,
      deadline: null,
    };
    this.interactions.set(id, it);
    this.interactionsByToken.set(token, it);
    const payload: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      channel_id: ctx.channel.id,
      channel: this.interactionChannelObject(ctx),
      app_permissions: this.appPermissions(ctx),
      locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: ctx.guild ? { "0": ctx.guild.id } : { "0": "0" },
      context: ctx.guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
    if (ctx.guild) {
      const member = ctx.guild.members.get(ctx.user.id)!;
      payload.guild_id = ctx.guild.id;
      payload.guild = { id: ctx.guild.id, locale: "en-US", features: [] };
      payload.guild_locale = "en-US";
      payload.member = { ...this.memberObject(ctx.guild, member), permissions: this.memberPermissions(ctx.guild, ctx.user.id).toString() };
    } else {
      payload.user = this.userObject(ctx.user);
    }
    if (extra.componentMessage) payload.message = this.messageObject(extra.componentMessage);
    it.deadline = setTimeout(() => this.expire(it), this.ackDeadlineMs);
    const delivered = this.gateway.dispatch("INTERACTION_CREATE", payload, { guildId: ctx.guild?.id });
    this.log("debug", "interaction dispatched", { id, source: it.source, delivered });
    await this.settle(it);
    return { events: [], interactionId: id, rejected: null };
  }

  private expire(it: InteractionRec): void {
    it.deadline = null;
    if (it.acked || it.failed) return;
    it.failed = true;
    this.emitEvent({
      t: "interaction_failed",
      ...it.ctx.place,
      interaction_id: it.id,
      source: it.source,
      message: `The application did not respond (no acknowledgement within ${this.ackDeadlineMs} ms)`,
    });
    this.signal.notify();
  }

  /** @internal */
  isPending(it: InteractionRec): boolean {
    if (!it.acked && !it.failed) return true;
    if (it.acked && (it.ackType === 5 || it.ackType === 6) && !it.deferredResolved) {
      return Date.now() < it.ackedAt + this.deferWaitMs;
    }
    return false;
  }

  private quietWakeTime(): number {
    return Math.max(this.lastActivity + this.quietMs, this.busyUntil);
  }

  /**
   * Settled: acknowledged (or failed at the deadline); after a defer, edited/followed up (or
   * deferWaitMs passed); then no bot REST request in flight, none for quietMs, and no
   * rate-limit wait pending.
   */
  private async settle(it: InteractionRec): Promise<void> {
    const hardStop = Date.now() + this.ackDeadlineMs + this.deferWaitMs + 30_000;
    while (Date.now() < hardStop) {
      if (this.isPending(it)) {
        await this.signal.wait(100);
        continue;
      }
      const wake = this.quietWakeTime();
      if (this.inflight === 0 && wake <= Date.now()) return;
      await this.signal.wait(this.inflight > 0 ? 50 : wake - Date.now());
    }
    this.log("warn", "interaction did not settle in time", { id: it.id, source: it.source });
  }

  // ------------------------------------------------------------ REST bookkeeping (@internal)

  /** @internal */
  requestStarted(): void {
    this.inflight++;
    this.lastActivity = Date.now();
    this.signal.notify();
  }

  /** @internal */
  requestEnded(): void {
    this.inflight = Math.max(0, this.inflight - 1);
    this.lastActivity = Date.now();
    this.signal.notify();
  }

  /** @internal Marks the bot as possibly busy (waiting out a rate limit) until `untilMs`. */
  busy(untilMs: number): void {
    this.busyUntil = Math.max(this.busyUntil, untilMs);
  }

  /** @internal */
  takeInjectedRateLimit(): boolean {
    if (this.injected <= 0) return false;
    this.injected--;
    return true;
  }

  /** @internal Per-channel fixed-window limiter shared by message create and edit. */
  channelRate(channelId: string): { ok: boolean; limit: number; remaining: number; resetAt: number } {
    const { count, windowMs } = this.channelMessageLimit;
    const now = Date.now();
    let w = this.rateWindows.get(channelId);
    if (!w || now >= w.start + windowMs) {
      w = { start: now, used: 0 };
      this.rateWindows.set(channelId, w);
    }
    const resetAt = w.start + windowMs;
    if (w.used >= count) return { ok: false, limit: count, remaining: 0, resetAt };
    w.used++;
    return { ok: true, limit: count, remaining: count - w.used, resetAt };
  }

  /** @internal Interaction rec + acknowledgement bookkeeping. */
  markAcked(it: InteractionRec, type: number): void {
    it.acked = true;
    it.ackType = type;
    it.ackedAt = Date.now();
    // Not a script event: benchmarks listen for it to measure acknowledgement latency.
    this.emit("ack", { interactionId: it.id, user: it.ctx.place.user, kind: it.kind, source: it.source, type, ms: performance.now() - it.createdAtPerf });
    if (it.deadline) clearTimeout(it.deadline);
    it.deadline = null;
    this.signal.notify();
  }

  /** @internal */
  markDeferredResolved(it: InteractionRec): void {
    it.deferredResolved = true;
    this.signal.notify();
  }

  // ------------------------------------------------------------ messages (@internal)

  /** @internal */
  createMessage(
    channel: SandboxChannel,
    body: Record<string, any>,
    opts: {
      interaction?: InteractionRec;
      ephemeral?: boolean;
      loading?: boolean;
      attachments?: any[];
      reference?: SandboxMessage | null;
    } = {},
  ): SandboxMessage {
    const id = this.ids.next(this.now());
    const ephemeral = Boolean(opts.ephemeral);
    const flags =
      (typeof body.flags === "number" ? body.flags & (MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2) : 0) |
      (ephemeral ? MessageFlags.Ephemeral : 0) |
      (opts.loading ? MessageFlags.Loading : 0);
    const it = opts.interaction;
    const visibleTo = ephemeral && it ? it.ctx.user : null;
    const m: SandboxMessage = {
      id,
      channelId: channel.id,
      guildId: channel.guildId,
      content: typeof body.content === "string" ? body.content : "",
      embeds: Array.isArray(body.embeds) ? body.embeds.map((e: any) => ({ type: "rich", ...e })) : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: opts.attachments ?? [],
      flags,
      ephemeral,
      loading: Boolean(opts.loading),
      visibleToId: visibleTo?.id ?? null,
      visibleTo: visibleTo?.name ?? null,
      createdAt: discordTimestamp(this.now()),
      editedAt: null,
      interactionId: it?.id ?? null,
      allowedMentions: body.allowed_mentions ?? null,
      mentions: NO_MENTIONS,
      type: it ? (it.kind === "command" ? 20 : 0) : opts.reference ? 19 : 0,
      messageReference: opts.reference
        ? { message_id: opts.reference.id, channel_id: opts.reference.channelId, ...(opts.reference.guildId ? { guild_id: opts.reference.guildId } : {}) }
        : null,
      deleted: false,
    };
    m.mentions = this.mentionsFor(m, body.allowed_mentions);
    this.messagesById.set(id, m);
    let list = this.channelMessages.get(channel.id);
    if (!list) {
      list = [];
      this.channelMessages.set(channel.id, list);
    }
    list.push(m);
    if (!ephemeral) {
      channel.lastMessageId = id;
      this.dispatchMessageEvent("MESSAGE_CREATE", m);
    }
    return m;
  }

  /** @internal Who a message pings; ephemeral messages ping nobody. */
  mentionsFor(m: SandboxMessage, allowed: AllowedMentions | null | undefined): Mentions {
    if (m.ephemeral || m.loading) return { everyone: false, users: [], roles: [] };
    // Every stored message is the bot's own, so replying to one never pings a person here
    // (replied_user only matters for replies to users' messages, which the sandbox has none of).
    return computeMentions(m.content, allowed ?? null, { repliedUserId: null });
  }

  /** @internal Applies an edit body to a message (fields present replace; mentions recomputed when content changes). */
  applyEdit(m: SandboxMessage, body: Record<string, any>, attachments?: any[]): void {
    if ("content" in body) m.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body) m.embeds = Array.isArray(body.embeds) ? body.embeds.map((e: any) => ({ type: "rich", ...e })) : [];
    if ("components" in body) m.components = Array.isArray(body.components) ? body.components : [];
    if (attachments) m.attachments = attachments;
    else if ("attachments" in body && Array.isArray(body.attachments)) {
      const keep = new Set(body.attachments.map((a: any) => String(a.id)));
      m.attachments = m.attachments.filter((a) => keep.has(String(a.id)));
    }
    if (typeof body.flags === "number") {
      const changeable = MessageFlags.SuppressEmbeds;
      m.flags = (m.flags & ~changeable) | (body.flags & changeable);
    }
    const wasLoading = m.loading;
    m.loading = false;
    m.flags &= ~MessageFlags.Loading;
    m.editedAt = wasLoading ? null : discordTimestamp(this.now());
    if ("content" in body || "allowed_mentions" in body || wasLoading) {
      m.allowedMentions = body.allowed_mentions ?? null;
      m.mentions = this.mentionsFor(m, body.allowed_mentions ?? null);
    }
    if (!m.ephemeral) this.dispatchMessageEvent("MESSAGE_UPDATE", m);
  }

  /** @internal */
  deleteMessage(m: SandboxMessage): void {
    m.deleted = true;
    if (!m.ephemeral) {
      this.gateway.dispatch(
        "MESSAGE_DELETE",
        { id: m.id, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}) },
        { guildId: m.guildId ?? undefined, intent: m.guildId ? Intents.GuildMessages : Intents.DirectMessages },
      );
    }
  }

  private dispatchMessageEvent(t: "MESSAGE_CREATE" | "MESSAGE_UPDATE", m: SandboxMessage): void {
    const d: Record<string, unknown> = { ...this.messageObject(m) };
    if (m.guildId) {
      const g = this.guildsById.get(m.guildId)!;
      d.guild_id = m.guildId;
      const bm = g.members.get(this.botUser.id);
      if (bm) {
        const { user: _u, ...member } = this.memberObject(g, bm);
        d.member = member;
      }
    }
    this.gateway.dispatch(t, d, { guildId: m.guildId ?? undefined, intent: m.guildId ? Intents.GuildMessages : Intents.DirectMessages });
  }

  // ------------------------------------------------------------ events (@internal)

  /** @internal */
  emitEvent(e: SandboxEvent): void {
    this.log("debug", `event ${e.t}`, e as unknown as Record<string, unknown>);
    this.emit("event", e);
  }

  /** @internal The event-facing view of a message. */
  messageBody(m: SandboxMessage): MessageBody {
    const body: MessageBody = {
      id: m.id,
      content: m.loading ? null : m.content,
      embeds: m.embeds,
      components: m.components,
      ephemeral: m.ephemeral,
      mentions: m.mentions,
    };
    if (m.attachments.length) body.attachments = m.attachments.map((a: any) => ({ id: a.id, filename: a.filename, size: a.size }));
    return body;
  }

  /** @internal Place fields for a channel (no acting user). */
  channelPlace(ch: SandboxChannel): { guild?: string; channel: string; to?: string } {
    if (ch.type === 1) return { channel: "dm", to: this.usersById.get(ch.recipientId ?? "")?.name ?? ch.recipientId ?? "?" };
    const g = this.guildsById.get(ch.guildId ?? "");
    return { guild: g?.name, channel: `#${ch.name}` };
  }

  /** @internal */
  emitDiscordError(e: Omit<DiscordErrorEvent, "t">): void {
    this.emitEvent({ t: "discord_error", ...e });
  }

  /** @internal */
  emitRateLimited(e: Omit<RateLimitedEvent, "t">): void {
    this.emitEvent({ t: "rate_limited", ...e });
  }

  /** @internal */
  log(level: "debug" | "info" | "warn" | "error", msg: string, extra: Record<string, unknown> = {}): void {
    const fn = this.logger?.[level];
    if (fn) fn.call(this.logger, { component: "discord-sandbox", ...extra }, msg);
  }

  // ------------------------------------------------------------ API object shapes (@internal)

  /** @internal */
  userObject(u: SandboxUser): Record<string, unknown> {
    return {
      id: u.id,
      username: u.username,
      discriminator: u.bot ? "0001" : "0",
      global_name: u.bot ? null : u.globalName,
      avatar: null,
      avatar_decoration_data: null,
      public_flags: 0,
      flags: 0,
      bot: u.bot || undefined,
      banner: null,
      accent_color: null,
      clan: null,
      primary_guild: null,
      collectibles: null,
    };
  }

  /** @internal */
  memberObject(g: SandboxGuild, m: SandboxMember): Record<string, unknown> {
    const u = this.usersById.get(m.userId)!;
    return {
      user: this.userObject(u),
      nick: m.nick,
      avatar: null,
      banner: null,
      roles: m.roles,
      joined_at: m.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
  }

  /** @internal */
  roleObject(r: SandboxRole): Record<string, unknown> {
    return {
      id: r.id,
      name: r.name,
      description: null,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r.position,
      permissions: r.permissions.toString(),
      managed: r.managed,
      mentionable: r.mentionable,
      flags: 0,
      ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
    };
  }

  /** @internal */
  channelObject(ch: SandboxChannel): Record<string, unknown> {
    if (ch.type === 1) {
      const u = this.usersById.get(ch.recipientId ?? "");
      return { id: ch.id, type: 1, last_message_id: ch.lastMessageId, flags: 0, recipients: u ? [this.userObject(u)] : [] };
    }
    return {
      id: ch.id,
      type: 0,
      guild_id: ch.guildId,
      name: ch.name,
      position: ch.position,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: ch.lastMessageId,
      flags: 0,
    };
  }

  private interactionChannelObject(ctx: ActContext): Record<string, unknown> {
    const base = this.channelObject(ctx.channel);
    if (ctx.guild) return { ...base, permissions: this.memberPermissions(ctx.guild, ctx.user.id).toString() };
    return base;
  }

  /** @internal Discord's message object. */
  messageObject(m: SandboxMessage): Record<string, unknown> {
    const it = m.interactionId ? this.interactions.get(m.interactionId) : undefined;
    const obj: Record<string, unknown> = {
      id: m.id,
      type: m.type,
      channel_id: m.channelId,
      author: this.userObject(this.botUser),
      content: m.content,
      timestamp: m.createdAt,
      edited_timestamp: m.editedAt,
      tts: false,
      mention_everyone: m.mentions.everyone,
      mentions: m.mentions.users.map((id) => this.usersById.get(id)).filter(Boolean).map((u) => this.userObject(u!)),
      mention_roles: m.mentions.roles,
      attachments: m.attachments,
      embeds: m.embeds,
      pinned: false,
      flags: m.flags,
      components: m.components,
    };
    if (m.messageReference) obj.message_reference = { type: 0, ...m.messageReference };
    if (it) {
      obj.webhook_id = this.applicationId;
      obj.application_id = this.applicationId;
      const owners = it.ctx.guild ? { "0": it.ctx.guild.id } : { "0": "0" };
      obj.interaction_metadata = {
        id: it.id,
        type: it.kind === "command" ? 2 : it.kind === "component" ? 3 : 4,
        user: this.userObject(it.ctx.user),
        authorizing_integration_owners: owners,
        ...(it.kind === "command" && it.command ? { name: it.source.slice(1), command_type: 1 } : {}),
        ...(it.kind === "component" && it.componentMessageId ? { interacted_message_id: it.componentMessageId } : {}),
      };
      obj.interaction = {
        id: it.id,
        type: it.kind === "command" ? 2 : 3,
        name: it.kind === "command" ? it.source.slice(1) : "",
        user: this.userObject(it.ctx.user),
      };
    }
    return obj;
  }

  /** @internal GET /guilds/{id} shape. */
  guildObject(g: SandboxGuild, withCounts = false): Record<string, unknown> {
    const first = [...g.channels.values()][0];
    const obj: Record<string, unknown> = {
      id: g.id,
      name: g.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: g.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...g.roles.values()].map((r) => this.roleObject(r)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: first?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      safety_alerts_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      nsfw: false,
      premium_progress_bar_enabled: false,
      hub_type: null,
      incidents_data: null,
    };
    if (withCounts) {
      obj.approximate_member_count = g.members.size;
      obj.approximate_presence_count = 0;
    }
    return obj;
  }

  /** @internal */
  guildCreatePayload(g: SandboxGuild): Record<string, unknown> {
    const bot = g.members.get(this.botUser.id)!;
    return {
      ...this.guildObject(g),
      joined_at: g.joinedAt,
      large: false,
      unavailable: false,
      member_count: g.members.size,
      voice_states: [],
      members: [this.memberObject(g, bot)],
      channels: [...g.channels.values()].map((c) => {
        const { guild_id: _g, ...rest } = this.channelObject(c);
        return rest;
      }),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      activity_instances: [],
      lazy: true,
    };
  }

  private readyPayload(session: GatewaySession): Record<string, unknown> {
    const guilds = [...this.guildsById.values()]
      .filter((g) => Number((BigInt(g.id) >> 22n) % BigInt(session.shard[1])) === session.shard[0])
      .map((g) => ({ id: g.id, unavailable: true }));
    return {
      v: 10,
      user: { ...this.userObject(this.botUser), verified: true, mfa_enabled: false, email: null, bot: true },
      user_settings: {},
      guilds,
      guild_join_requests: [],
      relationships: [],
      private_channels: [],
      presences: [],
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.gatewayUrl,
      shard: session.shard,
      application: { id: this.applicationId, flags: 0 },
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ["sandbox-gateway"],
    };
  }

  private guildCreates(shard: [number, number]): Record<string, unknown>[] {
    return [...this.guildsById.values()]
      .filter((g) => Number((BigInt(g.id) >> 22n) % BigInt(shard[1])) === shard[0])
      .map((g) => this.guildCreatePayload(g));
  }

  private guildMembersFor(guildId: string, ids: string[] | null, query: string | null, limit: number): Record<string, unknown>[] {
    const g = this.guildsById.get(guildId);
    if (!g) return [];
    let members = [...g.members.values()];
    if (ids) members = members.filter((m) => ids.includes(m.userId));
    else if (query) members = members.filter((m) => this.usersById.get(m.userId)?.username.startsWith(query.toLowerCase()));
    return members.slice(0, limit).map((m) => this.memberObject(g, m));
  }

  /** @internal GET /applications/@me shape. */
  applicationObject(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.botName,
      icon: null,
      description: "",
      summary: "",
      type: null,
      hook: true,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: tokenFrom("verify", this.applicationId).replace(/[^a-f0-9]/gi, "0").slice(0, 64).padEnd(64, "0"),
      flags: 0,
      team: null,
      owner: this.userObject({ ...this.user("sandbox owner") }),
      bot: this.userObject(this.botUser),
      approximate_guild_count: this.guildsById.size,
      integration_types_config: { "0": {}, "1": {} },
      redirect_uris: [],
      interactions_endpoint_url: null,
      tags: [],
    };
  }
}

export type { CommandOption, RegisteredCommand, RawValue };
