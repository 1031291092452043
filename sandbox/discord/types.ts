/**
 * The sandbox's world as plain records (users, guilds, channels, roles, members, messages),
 * the acting user's context, and the sandbox's settings. Only types and small pure helpers:
 * every other module imports from here, and this imports nothing of the sandbox but leaves.
 */
import type { ChannelType } from "discord-api-types/v10";
import type { AllowedMentions, Mentions } from "./mentions.ts";
import { stableSnowflake } from "./snowflake.ts";

export interface SandboxLogger {
  debug?(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Log = (level: LogLevel, msg: string, extra?: Record<string, unknown>) => void;

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
  /**
   * Edits of messages older than an hour (sandbox clock), per channel: beyond it Discord answers
   * 429 with code 30046. Undocumented by Discord; bot developers report about 3 per 20 s
   * (the default).
   */
  oldMessageEditLimit?: { count: number; windowMs: number };
  /**
   * Bytes of files one message may carry (default 10 MiB, Discord's limit for a bot in a server
   * without boosts): sent to interactions as attachment_size_limit, and a larger upload is
   * answered 413 with code 40005, as Discord does.
   */
  attachmentSizeLimit?: number;
  /** retry_after for injectRateLimits (default 0.1 s). */
  injectedRetryAfterMs?: number;
  /** Gateway heartbeat interval sent in HELLO (default 41 250 ms). */
  heartbeatIntervalMs?: number;
  /** How long a dropped session stays resumable (default 120 s). */
  resumeWindowMs?: number;
  /** Privileged intents enabled for the app (bit mask; default 0 → IDENTIFY with them closes 4014). */
  privilegedIntents?: number;
  /** Shards GET /gateway/bot recommends (default 1), what a bot asking for "auto" gets. */
  recommendedShards?: number;
  /** Sandbox clock for timestamps, snowflakes and the 15-minute token lifetime (default Date.now). */
  now?: () => number;
  logger?: SandboxLogger;
}

/** Options with their defaults filled in. */
export type SandboxConfig = Required<Omit<DiscordSandboxOptions, "logger">> & { logger: SandboxLogger | undefined };

export function resolveConfig(opts: DiscordSandboxOptions): SandboxConfig {
  const botName = opts.botName ?? "Film Fanatic";
  return {
    token: opts.token ?? "sandbox-token",
    botName,
    applicationId: opts.applicationId ?? stableSnowflake("bot", botName),
    ackDeadlineMs: opts.ackDeadlineMs ?? 3000,
    deferWaitMs: opts.deferWaitMs ?? 10_000,
    quietMs: opts.quietMs ?? 40,
    channelMessageLimit: opts.channelMessageLimit ?? { count: 5, windowMs: 5000 },
    oldMessageEditLimit: opts.oldMessageEditLimit ?? { count: 3, windowMs: 20_000 },
    attachmentSizeLimit: opts.attachmentSizeLimit ?? 10 * 1024 * 1024,
    injectedRetryAfterMs: opts.injectedRetryAfterMs ?? 100,
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
    resumeWindowMs: opts.resumeWindowMs ?? 120_000,
    privilegedIntents: opts.privilegedIntents ?? 0,
    recommendedShards: opts.recommendedShards ?? 1,
    now: opts.now ?? Date.now,
    logger: opts.logger,
  };
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
  /** Their Discord client's language, sent as the interaction's `locale` (`as NAME locale:de`); en-US when unset. */
  locale?: string;
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
  type: ChannelType.GuildText | ChannelType.DM;
  guildId: string | null;
  /** For DMs: the other user's id. */
  recipientId: string | null;
  position: number;
  lastMessageId: string | null;
  /** Permissions a channel overwrite denies the bot here (`revoke #channel`). */
  botDenied: bigint;
  /**
   * The channel's permission overwrites for @everyone, roles and members (`setChannelOverwrite`):
   * a read-only or private channel. Applied as Discord does (everyone, then roles, then the member).
   */
  overwrites: SandboxOverwrite[];
}

/** One permission overwrite: `id` is a role's id (the guild's id for @everyone) or a user's. */
export interface SandboxOverwrite {
  id: string;
  type: "role" | "member";
  allow: bigint;
  deny: bigint;
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
  /** The server's preferred language (Community settings), sent as `guild_locale`; en-US when unset. */
  preferredLocale?: string;
}

export type InteractionKind = "command" | "autocomplete" | "component";

/** What a message remembers of the interaction that produced it (for interaction_metadata). */
export interface MessageInteraction {
  id: string;
  kind: InteractionKind;
  user: SandboxUser;
  guildId: string | null;
  /** `/watch add`, `click "Next"`… */
  source: string;
  /** For commands: the command was a registered one. */
  isCommand: boolean;
  componentMessageId: string | null;
}

/** A bot message as stored by the sandbox (see DiscordSandbox.messages()). */
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
  interaction: MessageInteraction | null;
  allowedMentions: AllowedMentions | null;
  mentions: Mentions;
  type: number;
  messageReference: { message_id: string; channel_id: string; guild_id?: string } | null;
  deleted: boolean;
}

/** Where an event happened and who acted, as events name them. */
export interface Place {
  user: string;
  guild?: string;
  channel: string;
}

/** An actor resolved into records. */
export interface ActContext {
  user: SandboxUser;
  guild: SandboxGuild | null;
  channel: SandboxChannel;
  place: Place;
}

export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

export function stripHash(name: string): string {
  return name.replace(/^#/, "");
}

/** The shard a guild's events go to: (guild_id >> 22) % num_shards, as Discord routes them. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
