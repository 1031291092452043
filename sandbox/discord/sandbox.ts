/**
 * DiscordSandbox: the facade over a small local Discord. It wires the parts together — the
 * world (world.ts), the interaction lifecycle (interactions.ts), playing users (acting.ts), rate
 * limits (rate-limits.ts), REST routes by resource (rest/), the gateway (gateway.ts) and the
 * API object shapes (serialize.ts) — and serves gateway and REST on one loopback port.
 * See index.ts for the overview.
 */
import { GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits } from "discord-api-types/v10";
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Acting } from "./acting.ts";
import { SandboxCdn } from "./cdn.ts";
import { Activity } from "./activity.ts";
import type { RawValue, RegisteredCommand } from "./commands.ts";
import type { ActResult, DiscordEvent } from "./events.ts";
import { GatewayServer, type GatewayDispatch } from "./gateway.ts";
import { ApplicationSettings } from "./application.ts";
import type { ApplicationKeys, HttpInteractionsDelivery } from "./http-delivery.ts";
import { Interactions, type AckReport } from "./interactions.ts";
import { RateLimits } from "./rate-limits.ts";
import { applicationRoutes } from "./rest/application.ts";
import { channelRoutes } from "./rest/channels.ts";
import { commandRoutes } from "./rest/commands.ts";
import { guildRoutes } from "./rest/guilds.ts";
import { interactionRoutes } from "./rest/interactions.ts";
import { RestRouter, type RestCore, type RestExchange } from "./rest/router.ts";
import { scheduledEventRoutes, scheduledEventsOf, scheduledEventView } from "./rest/scheduled-events.ts";
import { pollRoutes } from "./rest/polls.ts";
import { guildCreatePayload, memberObject, readyPayload, roleObject } from "./serialize.ts";
import {
  resolveConfig,
  type Actor,
  type DiscordSandboxOptions,
  type LogLevel,
  type SandboxChannel,
  type SandboxConfig,
  type SandboxGuild,
  type SandboxMember,
  type SandboxMessage,
  type SandboxRole,
  type SandboxUser,
} from "./types.ts";
import { World } from "./world.ts";

const everySandboxRecorders = new Set<(exchange: RestExchange) => void>();
const everySandboxDispatchRecorders = new Set<(dispatch: GatewayDispatch) => void>();

export class DiscordSandbox extends EventEmitter {
  private readonly config: SandboxConfig;
  private readonly world: World;
  private readonly activity: Activity;
  private readonly limits: RateLimits;
  private readonly interactions: Interactions;
  private readonly acting: Acting;
  readonly cdn = new SandboxCdn(() => this.port);
  private readonly gateway: GatewayServer;
  private readonly rest: RestRouter;
  private server: http.Server | null = null;
  private listeningPort = 0;

  constructor(opts: DiscordSandboxOptions = {}) {
    super();
    const config = (this.config = resolveConfig(opts));
    const log = (level: LogLevel, msg: string, extra: Record<string, unknown> = {}) => {
      const fn = config.logger?.[level];
      if (fn) fn.call(config.logger, { component: "discord-sandbox", ...extra }, msg);
    };
    const emit = (e: DiscordEvent) => {
      log("debug", `event ${e.t}`, e as unknown as Record<string, unknown>);
      this.emit("event", e);
    };
    this.activity = new Activity(config.quietMs);
    this.app = new ApplicationSettings({ applicationId: config.applicationId, now: config.now, restApiBase: () => this.restApiBase, log });
    this.limits = new RateLimits(config.channelMessageLimit, config.injectedRetryAfterMs, config.oldMessageEditLimit);
    const dispatch = (t: string, d: unknown, target?: { guildId?: string; intent?: number }) => this.gateway.dispatch(t, d, target);
    this.world = new World(config, dispatch);
    const world = this.world;
    this.gateway = new GatewayServer({
      token: config.token,
      privilegedIntents: config.privilegedIntents,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      resumeWindowMs: config.resumeWindowMs,
      gatewayUrl: () => this.gatewayUrl,
      readyPayload: (s) =>
        readyPayload(
          world,
          s,
          world.guildsOnShard(s.shard).map((g) => g.id),
          this.gatewayUrl,
        ),
      guildCreates: (shard) => world.guildsOnShard(shard).map((g) => guildCreatePayload(world, g)),
      guildMembers: (guildId, ids, query, limit) => {
        const g = world.guildById(guildId);
        if (!g) return [];
        let members = [...g.members.values()];
        if (ids) members = members.filter((m) => ids.includes(m.userId));
        else if (query) members = members.filter((m) => world.userById(m.userId)?.username.startsWith(query.toLowerCase()));
        return members.slice(0, limit).map((m) => memberObject(world, m));
      },
      log,
      changed: () => this.activity.signal.notify(),
    });
    this.interactions = new Interactions({
      config,
      world,
      activity: this.activity,
      dispatch,
      http: () => this.app.delivery,
      emit,
      // Not a script event: benchmarks listen for it to measure acknowledgement latency.
      acked: (report: AckReport) => this.emit("ack", report),
      log,
    });
    this.acting = new Acting({
      world,
      interactions: this.interactions,
      emit,
      takeAttachment: () => this.cdn.take(),
      listen: (listener) => {
        this.on("event", listener);
        return () => this.off("event", listener);
      },
    });
    const core: RestCore = {
      config,
      world,
      interactions: this.interactions,
      limits: this.limits,
      activity: this.activity,
      gatewayUrl: () => this.gatewayUrl,
      emit,
      log,
      application: {
        publicKeyHex: () => this.app.applicationKeys.publicKeyHex,
        endpointUrl: () => this.app.url(),
        setEndpointUrl: (url) => this.app.setEndpointUrl(url),
      },
    };
    this.rest = new RestRouter(core, [
      applicationRoutes,
      commandRoutes,
      interactionRoutes,
      channelRoutes,
      guildRoutes,
      scheduledEventRoutes,
      pollRoutes,
    ]);
    for (const recorder of everySandboxRecorders) this.rest.record(recorder);
    for (const recorder of everySandboxDispatchRecorders) this.gateway.record(recorder);
  }

  /**
   * Calls `recorder` with every REST request answered by every sandbox made from now on, from its
   * first request (the end-to-end harness holds them all to Discord's spec); returns how to stop
   * for sandboxes made later.
   */
  static recordEveryRest(recorder: (exchange: RestExchange) => void): () => void {
    everySandboxRecorders.add(recorder);
    return () => everySandboxRecorders.delete(recorder);
  }

  /** As `recordEveryRest`, for every gateway event dispatched (a copy of its `d`). */
  static recordEveryDispatch(recorder: (dispatch: GatewayDispatch) => void): () => void {
    everySandboxDispatchRecorders.add(recorder);
    return () => everySandboxDispatchRecorders.delete(recorder);
  }

  // ------------------------------------------------------------ lifecycle

  /** Starts the loopback HTTP + WebSocket server (port 0 → any free port). */
  async start(port = 0): Promise<void> {
    if (this.server) return;
    await this.app.start();
    const server = http.createServer((req, res) => void (this.cdn.serve(req, res) || this.rest.handle(req, res)));
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
    this.listeningPort = (server.address() as AddressInfo).port;
  }

  /** Closes every connection and the server; pending deadline timers are cancelled. */
  async stop(): Promise<void> {
    this.interactions.stop();
    this.gateway.close();
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.activity.signal.notify();
  }

  private readonly app: ApplicationSettings;

  /**
   * Sets the application's Interactions Endpoint URL, as the Developer Portal does: the endpoint
   * is probed first (PING → PONG, a bad signature → 401) and refused with the reasons if it fails.
   * From then on every interaction is POSTed there, signed; none goes over the gateway.
   */
  async setInteractionsEndpoint(delivery: HttpInteractionsDelivery): Promise<void> {
    await this.app.useDelivery(delivery);
  }

  /** The application's signing keys (Discord's side of HTTP interactions); made by start(). */
  get applicationKeys(): ApplicationKeys {
    return this.app.applicationKeys;
  }

  /** Port the loopback server listens on (after start()). */
  get port(): number {
    return this.listeningPort;
  }

  get token(): string {
    return this.config.token;
  }

  /** The application id (= the bot user's id). */
  get applicationId(): string {
    return this.config.applicationId;
  }

  get botUser(): SandboxUser {
    return this.world.botUser;
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

  /** Calls `recorder` with every REST request answered from now on (the spec-conformance test uses it); returns how to stop. */
  recordRest(recorder: (exchange: RestExchange) => void): () => void {
    return this.rest.record(recorder);
  }

  /** The user with this name (created on first use; id derived from the name). */
  user(name: string): SandboxUser {
    return this.world.user(name);
  }

  /** The guild with this name (created on first use; the bot is a member; GUILD_CREATE to its shard). */
  guild(name: string): SandboxGuild {
    return this.world.guild(name);
  }

  /** A text channel in a guild (both created on first use; CHANNEL_CREATE dispatched). */
  channel(guildName: string, channelName: string): SandboxChannel {
    return this.world.channel(guildName, channelName);
  }

  /** A role in a guild (created on first use). */
  role(guildName: string, roleName: string, opts: { mentionable?: boolean } = {}): SandboxRole {
    return this.world.role(guildName, roleName, opts);
  }

  /** The DM channel between the bot and this user. */
  dm(userName: string): SandboxChannel {
    return this.world.dm(userName);
  }

  /** Users who closed their DMs make the bot's DM posts fail with 50007. */
  setDmsClosed(userName: string, closed: boolean): void {
    this.world.user(userName).dmsClosed = closed;
  }

  /** Deletes a guild channel and its messages; the bot's later calls to it get 10003 Unknown Channel. */
  deleteChannel(guildName: string, channelName: string): boolean {
    return this.world.deleteChannel(guildName, channelName);
  }

  /**
   * A member deletes the newest message the bot posted on its own where `actor` is (a board, a
   * share — not an interaction's reply): MESSAGE_DELETE goes out and the bot's later edits of it
   * get 10008 Unknown Message. Returns the deleted message, or null when there is none.
   */
  deleteNewestPost(actor: Actor): SandboxMessage | null {
    return this.acting.deleteNewestPost(actor);
  }

  /** The acting user votes for `answer` in the newest poll here that has it (`rejected` once it ended; throws if none). */
  vote(actor: Actor, answer: string): void {
    this.acting.vote(actor, answer, this.config.now());
  }

  /** Denies the bot View Channel and Send Messages in a channel (its posts there get 50001). */
  revokeChannel(guildName: string, channelName: string): SandboxChannel {
    return this.world.revokeBot(guildName, channelName);
  }

  /**
   * A channel overwrite as a server admin sets one: `target` is "@everyone", a role ("@&mods") or
   * a user's name. With nothing allowed or denied, the overwrite goes.
   */
  setChannelOverwrite(guildName: string, channelName: string, target: string, change: { allow?: bigint; deny?: bigint }): SandboxChannel {
    return this.world.setOverwrite(guildName, channelName, target, change.allow ?? 0n, change.deny ?? 0n);
  }

  /** A read-only channel (like most announcement channels): everyone may read, only `writers` (names) and the bot may post. */
  makeReadOnly(guildName: string, channelName: string, writers: string[] = []): SandboxChannel {
    this.world.setOverwrite(guildName, channelName, "@everyone", 0n, PermissionFlagsBits.SendMessages);
    for (const w of writers) this.world.setOverwrite(guildName, channelName, w, PermissionFlagsBits.SendMessages, 0n);
    this.world.setOverwrite(guildName, channelName, `@&${this.botRoleName(guildName)}`, PermissionFlagsBits.SendMessages, 0n);
    return this.world.channel(guildName, channelName);
  }

  private botRoleName(guildName: string): string {
    const g = this.world.guild(guildName);
    return g.roles.get(g.botRoleId)!.name;
  }

  /** A private channel: only `members` (names) and the bot can see it. */
  makePrivate(guildName: string, channelName: string, members: string[]): SandboxChannel {
    this.world.setOverwrite(guildName, channelName, "@everyone", 0n, PermissionFlagsBits.ViewChannel);
    for (const m of [...members]) this.world.setOverwrite(guildName, channelName, m, PermissionFlagsBits.ViewChannel, 0n);
    this.world.setOverwrite(guildName, channelName, `@&${this.botRoleName(guildName)}`, PermissionFlagsBits.ViewChannel, 0n);
    return this.world.channel(guildName, channelName);
  }

  /** Gives the bot's role Create Events (or `bit`: Create Public Threads) in a guild, or takes it away (GUILD_ROLE_UPDATE). */
  setCreateEvents(guildName: string, granted: boolean, bit: bigint = PermissionFlagsBits.CreateEvents): void {
    const g = this.world.guild(guildName);
    const role = g.roles.get(g.botRoleId)!;
    role.permissions = granted ? role.permissions | bit : role.permissions & ~bit;
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildRoleUpdate,
      { guild_id: g.id, role: roleObject(role) },
      { guildId: g.id, intent: GatewayIntentBits.Guilds },
    );
  }

  /** A guild's scheduled events (Discord's server Events), as the bot made them. */
  scheduledEvents(guildName: string) {
    const g = this.world.guild(guildName);
    return [...scheduledEventsOf(this.world).values()].filter((e) => e.guildId === g.id).map(scheduledEventView);
  }

  /** Makes the user a guild member (done automatically when they act there). */
  join(guildName: string, userName: string): SandboxMember {
    return this.world.join(guildName, userName);
  }

  /** Overrides a member's permissions (e.g. PermissionFlagsBits.Administrator or ManageGuild). */
  setMemberPermissions(guildName: string, userName: string, permissions: bigint | null): void {
    this.world.join(guildName, userName).permissions = permissions;
  }

  /** Gives a member a role (created on first use). */
  addRole(guildName: string, userName: string, roleName: string): SandboxRole {
    return this.world.addRole(guildName, userName, roleName);
  }

  /** Names of every user met so far. */
  userNames(): string[] {
    return this.world.userNames();
  }

  /** The names Discord shows for mentioned users, channels and roles (the renderer's `names`). */
  mentionNames(): { user(id: string): string | undefined; channel(id: string): string | undefined; role(id: string): string | undefined } {
    return this.world.mentionNames();
  }

  /** Every guild channel so far, as `guild #channel`. */
  channelPlaces(): string[] {
    return this.world.allGuilds().flatMap((g) => [...g.channels.values()].map((c) => `${g.name} #${c.name}`));
  }

  /** Registered application commands: global ones, or a guild's (by id or name). */
  registeredCommands(guild?: string): RegisteredCommand[] {
    return this.world.registeredCommands(guild);
  }

  /** Messages in a channel (by id), oldest first, including ephemeral ones (see visibleTo). */
  messages(channelId: string): SandboxMessage[] {
    return this.world.messages(channelId);
  }

  /** Messages an actor can see where they are (their ephemerals included), oldest first. */
  visibleMessages(actor: Actor): SandboxMessage[] {
    const ctx = this.world.context(actor);
    return this.world.messages(ctx.channel.id).filter((m) => !m.ephemeral || m.visibleToId === ctx.user.id);
  }

  /** One message by id. */
  message(id: string): SandboxMessage | undefined {
    return this.world.message(id);
  }

  // ------------------------------------------------------------ acting

  /**
   * Resolves a command line's words and values against the registered definition: `command`
   * is "ep" or "watch add"; bare values first complete the subcommand path, then fill options
   * in registered order. Returns the full command path, options by name, and the option each
   * arg landed in.
   */
  resolveArgs(
    actor: Actor,
    command: string,
    args: Array<{ name?: string; value: RawValue }>,
  ): { command: string; options: Record<string, RawValue>; names: string[] } {
    return this.acting.resolveArgs(actor, command, args);
  }

  /** Invokes a slash command as `actor` (see index.ts). */
  runCommand(
    actor: Actor,
    command: string,
    options: Record<string, RawValue> = {},
    opts: { positional?: RawValue[] } = {},
  ): Promise<ActResult> {
    return this.acting.runCommand(actor, command, options, opts.positional ?? []);
  }

  /** Asks for autocomplete choices for `focused`, typed so far as `partial`. */
  runAutocomplete(
    actor: Actor,
    command: string,
    focused: string,
    partial: string,
    others: Record<string, RawValue> = {},
  ): Promise<ActResult> {
    return this.acting.runAutocomplete(actor, command, focused, partial, others);
  }

  /** Presses the button labelled `label` on the newest bot message the actor can see there. */
  click(actor: Actor, label: string): Promise<ActResult> {
    return this.acting.click(actor, label);
  }

  /** Picks the option labelled `optionLabel` in the newest string select the actor can see. */
  select(actor: Actor, optionLabel: string): Promise<ActResult> {
    return this.acting.select(actor, optionLabel);
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
    this.limits.inject(n);
  }

  /** The next `n` posts and edits in server channels answer `status` (default 500), as an outage; replies are unaffected. */
  injectServerErrors(n: number, status = 500): void {
    if (!Number.isInteger(n) || n < 0 || status < 500 || status > 599) throw new RangeError("injectServerErrors(n ≥ 0, status 5xx)");
    this.limits.injectServerErrors(n, status);
  }

  /** Number of gateway sessions with an open connection. */
  get connectedSessions(): number {
    return this.gateway.connectedCount;
  }

  /** Shards ([id, count]) of the sessions with an open connection. */
  connectedShards(): Array<[number, number]> {
    return this.gateway.connectedShards();
  }

  /**
   * Resolves when nothing is pending: every interaction acknowledged or failed (and deferred
   * ones edited or past deferWaitMs), no bot REST request in flight, none for quietMs, and no
   * rate-limit wait still running. Gives up after `timeoutMs` (default 60 s).
   */
  async waitForIdle(timeoutMs = 60_000): Promise<void> {
    await this.activity.settle(() => this.interactions.anyPending(), Date.now() + timeoutMs);
  }
}
