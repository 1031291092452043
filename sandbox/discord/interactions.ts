/**
 * The interaction lifecycle: an interaction is created and dispatched to the bot's shard, must
 * be acknowledged within the ack deadline (else `interaction_failed`), may be deferred and then
 * answered, and expires with its token after 15 minutes. Acting calls settle on this.
 */
import { performance } from "node:perf_hooks";
import { GatewayDispatchEvents, InteractionContextType, InteractionResponseType, InteractionType, Locale } from "discord-api-types/v10";
import type { Activity } from "./activity.ts";
import type { RegisteredCommand } from "./commands.ts";
import type { DiscordEvent } from "./events.ts";
import { channelObject, memberObject, messageObject, userObject } from "./serialize.ts";
import { tokenFrom } from "./snowflake.ts";
import type { ActContext, InteractionKind, Log, MessageInteraction, SandboxConfig, SandboxMessage } from "./types.ts";
import { DM_APP_PERMISSIONS, type Dispatch, type World } from "./world.ts";

const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export interface InteractionRec {
  id: string;
  token: string;
  kind: InteractionKind;
  ctx: ActContext;
  source: string;
  command: RegisteredCommand | null;
  focused: { name: string; type: number; value: string } | null;
  componentMessageId: string | null;
  /** What messages it produces remember of it. */
  meta: MessageInteraction;
  /** performance.now() at dispatch, for acknowledgement latency (immune to the sandbox clock). */
  createdAtPerf: number;
  createdAtClock: number;
  acked: boolean;
  ackType: InteractionResponseType | null;
  ackedAt: number;
  failed: boolean;
  originalMessageId: string | null;
  followupIds: string[];
  deferredResolved: boolean;
  deadline: NodeJS.Timeout | null;
  /**
   * HTTP delivery: settles once the endpoint's response has been applied as the callback. Discord
   * takes the response in before the interaction's webhook accepts follow-ups and edits; the
   * sandbox makes those wait for it rather than lose a race the real one does not run.
   */
  answering?: Promise<void>;
}

/** Reported to benchmarks (not a script event): how long the bot took to acknowledge. */
export interface AckReport {
  interactionId: string;
  user: string;
  kind: InteractionKind;
  source: string;
  type: number;
  ms: number;
}

export interface InteractionHost {
  config: SandboxConfig;
  /**
   * Set when the application has an Interactions Endpoint URL: interactions are POSTed there
   * instead of being sent over the gateway (Discord does one or the other per application).
   */
  http?: () => ((payload: Record<string, unknown>, it: InteractionRec) => Promise<void>) | null;
  world: World;
  activity: Activity;
  dispatch: Dispatch;
  emit(e: DiscordEvent): void;
  acked(report: AckReport): void;
  log: Log;
}

const DEFERRED = new Set<number>([InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.DeferredMessageUpdate]);

export class Interactions {
  private readonly byId = new Map<string, InteractionRec>();
  private readonly byToken = new Map<string, InteractionRec>();

  constructor(private readonly host: InteractionHost) {}

  get(id: string): InteractionRec | undefined {
    return this.byId.get(id);
  }

  withToken(token: string): InteractionRec | undefined {
    return this.byToken.get(token);
  }

  /** The token has outlived Discord's 15 minutes (on the sandbox clock). */
  expired(it: InteractionRec): boolean {
    return this.host.config.now() > it.createdAtClock + TOKEN_LIFETIME_MS;
  }

  /**
   * Creates an interaction, sends INTERACTION_CREATE to the shard that owns its guild (DMs: shard
   * 0), and resolves once it settled (see index.ts). Returns its id.
   */
  async dispatch(
    ctx: ActContext,
    kind: InteractionKind,
    data: Record<string, unknown>,
    extra: {
      source: string;
      command?: RegisteredCommand;
      focused?: { name: string; type: number; value: string };
      componentMessage?: SandboxMessage;
    },
  ): Promise<string> {
    const { config, world } = this.host;
    const id = world.ids.next(config.now());
    const token = `aW50ZXJhY3Rpb246${id}:${tokenFrom("interaction", id, config.token)}`;
    const it: InteractionRec = {
      id,
      token,
      kind,
      ctx,
      source: extra.source,
      command: extra.command ?? null,
      focused: extra.focused ?? null,
      componentMessageId: extra.componentMessage?.id ?? null,
      meta: {
        id,
        kind,
        user: ctx.user,
        guildId: ctx.guild?.id ?? null,
        source: extra.source,
        isCommand: Boolean(extra.command),
        componentMessageId: extra.componentMessage?.id ?? null,
      },
      createdAtPerf: performance.now(),
      createdAtClock: config.now(),
      acked: false,
      ackType: null,
      ackedAt: 0,
      failed: false,
      originalMessageId: null,
      followupIds: [],
      deferredResolved: false,
      deadline: null,
    };
    this.byId.set(id, it);
    this.byToken.set(token, it);
    const type =
      kind === "command"
        ? InteractionType.ApplicationCommand
        : kind === "component"
          ? InteractionType.MessageComponent
          : InteractionType.ApplicationCommandAutocomplete;
    const payload: Record<string, unknown> = {
      id,
      application_id: config.applicationId,
      type,
      token,
      version: 1,
      data,
      channel_id: ctx.channel.id,
      channel: {
        ...channelObject(world, ctx.channel),
        ...(ctx.guild ? { permissions: world.channelPermissions(ctx.channel, ctx.user.id).toString() } : {}),
      },
      app_permissions: (ctx.guild ? world.channelPermissions(ctx.channel, world.botUser.id) : DM_APP_PERMISSIONS).toString(),
      locale: ctx.user.locale ?? Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { "0": ctx.guild?.id ?? "0" },
      context: ctx.guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: config.attachmentSizeLimit,
    };
    if (ctx.guild) {
      const member = ctx.guild.members.get(ctx.user.id)!;
      payload.guild_id = ctx.guild.id;
      payload.guild = { id: ctx.guild.id, locale: ctx.guild.preferredLocale ?? Locale.EnglishUS, features: [] };
      payload.guild_locale = ctx.guild.preferredLocale ?? Locale.EnglishUS;
      // Discord: "total permissions of the member in the channel, including overwrites".
      payload.member = { ...memberObject(world, member), permissions: world.channelPermissions(ctx.channel, ctx.user.id).toString() };
    } else {
      payload.user = userObject(ctx.user);
    }
    if (extra.componentMessage) payload.message = messageObject(world, extra.componentMessage);
    it.deadline = setTimeout(() => this.expire(it), config.ackDeadlineMs);
    const http = this.host.http?.() ?? null;
    const delivered = http
      ? (void http(payload, it), true)
      : this.host.dispatch(GatewayDispatchEvents.InteractionCreate, payload, { guildId: ctx.guild?.id });
    this.host.log("debug", "interaction dispatched", { id, source: it.source, delivered });
    const settled = await this.host.activity.settle(
      () => this.isPending(it),
      Date.now() + config.ackDeadlineMs + config.deferWaitMs + 30_000,
    );
    if (!settled) this.host.log("warn", "interaction did not settle in time", { id: it.id, source: it.source });
    return id;
  }

  markAcked(it: InteractionRec, type: InteractionResponseType): void {
    it.acked = true;
    it.ackType = type;
    it.ackedAt = Date.now();
    this.host.acked({
      interactionId: it.id,
      user: it.ctx.place.user,
      kind: it.kind,
      source: it.source,
      type,
      ms: performance.now() - it.createdAtPerf,
    });
    if (it.deadline) clearTimeout(it.deadline);
    it.deadline = null;
    this.host.activity.signal.notify();
  }

  /** The bot answered its deferral (edit of @original or a follow-up). */
  markDeferredResolved(it: InteractionRec): void {
    it.deferredResolved = true;
    this.host.activity.signal.notify();
  }

  /** Not yet acknowledged, or deferred and not yet answered (within deferWaitMs). */
  isPending(it: InteractionRec): boolean {
    if (!it.acked && !it.failed) return true;
    if (it.acked && it.ackType !== null && DEFERRED.has(it.ackType) && !it.deferredResolved)
      return Date.now() < it.ackedAt + this.host.config.deferWaitMs;
    return false;
  }

  anyPending(): boolean {
    for (const it of this.byId.values()) if (this.isPending(it)) return true;
    return false;
  }

  /** Cancels every ack deadline (the sandbox is stopping). */
  stop(): void {
    for (const it of this.byId.values()) {
      if (it.deadline) clearTimeout(it.deadline);
      it.deadline = null;
    }
  }

  private expire(it: InteractionRec): void {
    it.deadline = null;
    if (it.acked || it.failed) return;
    it.failed = true;
    this.host.emit({
      t: "interaction_failed",
      ...it.ctx.place,
      interaction_id: it.id,
      source: it.source,
      message: `The application did not respond (no acknowledgement within ${this.host.config.ackDeadlineMs} ms)`,
    });
    this.host.activity.signal.notify();
  }
}
