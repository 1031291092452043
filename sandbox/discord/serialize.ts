/**
 * The sandbox's records as Discord API objects (users, members, roles, channels, messages,
 * guilds, the application, gateway payloads), typed with discord-api-types so a field Discord
 * requires can't be forgotten. Pure functions over the world's records and a lookup.
 */
import { componentsAsSent, embedsAsSent } from "./as-sent.ts";
import {
  ApplicationCommandType,
  ApplicationFlags,
  MessageReferenceType,
  OverwriteType,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionType,
  Locale,
  type APIApplication,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from "discord-api-types/v10";
import type { MessageBody } from "./events.ts";
import { tokenFrom } from "./snowflake.ts";
import type { SandboxChannel, SandboxGuild, SandboxMember, SandboxMessage, SandboxRole, SandboxUser } from "./types.ts";

/** What serialisers need to look up. */
export interface Directory {
  readonly applicationId: string;
  readonly botUser: SandboxUser;
  readonly botName: string;
  userById(id: string): SandboxUser | undefined;
  guildById(id: string): SandboxGuild | undefined;
  /** Effective permissions of a member (bit mask). */
  memberPermissions(guild: SandboxGuild, userId: string): bigint;
}

export function userObject(u: SandboxUser): APIUser {
  return {
    id: u.id,
    username: u.username,
    discriminator: u.bot ? "0001" : "0",
    global_name: u.bot ? null : u.globalName,
    avatar: null,
    avatar_decoration_data: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    ...(u.bot ? { bot: true } : {}),
    banner: null,
    accent_color: null,
    primary_guild: null,
    collectibles: null,
  };
}

export function memberObject(dir: Directory, m: SandboxMember): APIGuildMember {
  const u = dir.userById(m.userId)!;
  return {
    user: userObject(u),
    nick: m.nick,
    avatar: null,
    banner: null,
    roles: m.roles,
    joined_at: m.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function roleObject(r: SandboxRole): APIRole {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: r.position,
    permissions: r.permissions.toString(),
    managed: r.managed,
    mentionable: r.mentionable,
    flags: 0 as RoleFlags,
    ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
  };
}

export function channelObject(dir: Directory, ch: SandboxChannel): APIChannel {
  if (ch.type === ChannelType.DM) {
    const u = dir.userById(ch.recipientId ?? "");
    return {
      id: ch.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: ch.lastMessageId,
      flags: 0 as ChannelFlags,
      recipients: u ? [userObject(u)] : [],
    };
  }
  return {
    id: ch.id,
    type: ChannelType.GuildText,
    guild_id: ch.guildId ?? undefined,
    name: ch.name,
    position: ch.position,
    permission_overwrites: [
      ...(ch.overwrites ?? []).map((o) => ({
        id: o.id,
        type: o.type === "role" ? OverwriteType.Role : OverwriteType.Member,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      })),
      ...(ch.botDenied ? [{ id: dir.botUser.id, type: OverwriteType.Member, allow: "0", deny: ch.botDenied.toString() }] : []),
    ],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: ch.lastMessageId,
    flags: 0 as ChannelFlags,
  };
}

/** Discord's message object, with interaction_metadata for replies and follow-ups. */
export function messageObject(dir: Directory, m: SandboxMessage): APIMessage {
  const it = m.interaction;
  const obj: APIMessage = {
    id: m.id,
    type: m.type,
    channel_id: m.channelId,
    author: userObject(dir.botUser),
    content: m.content,
    timestamp: m.createdAt,
    edited_timestamp: m.editedAt,
    tts: false,
    mention_everyone: m.mentions.everyone,
    mentions: m.mentions.users.flatMap((id) => {
      const u = dir.userById(id);
      return u ? [userObject(u)] : [];
    }),
    mention_roles: m.mentions.roles,
    attachments: m.attachments,
    embeds: embedsAsSent(m.embeds) as APIMessage["embeds"],
    pinned: false,
    flags: m.flags,
    components: componentsAsSent(m.components) as APIMessage["components"],
  };
  if (m.messageReference) obj.message_reference = { type: MessageReferenceType.Default, ...m.messageReference };
  if (it) {
    const type =
      it.kind === "command"
        ? InteractionType.ApplicationCommand
        : it.kind === "component"
          ? InteractionType.MessageComponent
          : InteractionType.ApplicationCommandAutocomplete;
    const owners = { "0": it.guildId ?? "0" };
    obj.webhook_id = dir.applicationId;
    obj.application_id = dir.applicationId;
    // The metadata union is keyed by interaction type; the sandbox builds it from one record.
    obj.interaction_metadata = {
      id: it.id,
      type,
      user: userObject(it.user),
      authorizing_integration_owners: owners,
      ...(it.kind === "command" && it.isCommand ? { name: it.source.slice(1), command_type: ApplicationCommandType.ChatInput } : {}),
      ...(it.kind === "component" && it.componentMessageId ? { interacted_message_id: it.componentMessageId } : {}),
    } as APIMessage["interaction_metadata"];
    obj.interaction = {
      id: it.id,
      type: it.kind === "command" ? InteractionType.ApplicationCommand : InteractionType.MessageComponent,
      name: it.kind === "command" ? it.source.slice(1) : "",
      user: userObject(it.user),
    };
  }
  return obj;
}

/** The event-facing view of a message (what scripts and tests see). */
export function messageBody(m: SandboxMessage): MessageBody {
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

/** GET /guilds/{id}. */
/**
 * A guild as GET /guilds/{id} answers: discord-api-types' APIGuild plus what Discord still sends
 * and does not declare there (`nsfw`, `home_header`; `region` is always "deprecated" now).
 */
export type GuildAnswer = APIGuild & {
  nsfw: boolean;
  home_header: string | null;
  approximate_member_count?: number;
  approximate_presence_count?: number;
};

export function guildObject(g: SandboxGuild, withCounts = false): GuildAnswer {
  const first = [...g.channels.values()][0];
  const obj: GuildAnswer = {
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
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [...g.roles.values()].map(roleObject),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: first?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    safety_alerts_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    region: "deprecated",
    nsfw: false,
    home_header: null,
  };
  if (withCounts) {
    obj.approximate_member_count = g.members.size;
    obj.approximate_presence_count = 0;
  }
  return obj;
}

export function guildCreatePayload(dir: Directory, g: SandboxGuild): GatewayGuildCreateDispatchData {
  const bot = g.members.get(dir.botUser.id)!;
  return {
    ...guildObject(g),
    joined_at: g.joinedAt,
    large: false,
    unavailable: false,
    member_count: g.members.size,
    voice_states: [],
    members: [memberObject(dir, bot)],
    channels: [...g.channels.values()].map((c) => {
      const { guild_id: _g, ...rest } = channelObject(dir, c) as APIChannel & { guild_id?: string };
      return rest as GatewayGuildCreateDispatchData["channels"][number];
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function readyPayload(
  dir: Directory,
  session: { id: string; shard: [number, number] },
  guildIds: string[],
  resumeUrl: string,
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...userObject(dir.botUser), verified: true, mfa_enabled: false, email: null, bot: true },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    shard: session.shard,
    application: { id: dir.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
  };
}

/** GET /applications/@me. */
/**
 * What GET /applications/@me answers: discord-api-types' APIApplication plus the fields Discord
 * sends that it does not declare (`type`, `explicit_content_filter`, `eligible_oauth2_scopes`).
 */
export type PrivateApplication = APIApplication & {
  type: null;
  explicit_content_filter: 0 | 1;
  eligible_oauth2_scopes: string[];
};

export function applicationObject(dir: Directory, owner: SandboxUser, guildCount: number): PrivateApplication {
  return {
    id: dir.applicationId,
    name: dir.botName,
    icon: null,
    description: "",
    summary: "",
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: tokenFrom("verify", dir.applicationId)
      .replace(/[^a-f0-9]/gi, "0")
      .slice(0, 64)
      .padEnd(64, "0"),
    flags: 0 as ApplicationFlags,
    flags_new: "0",
    team: null,
    owner: userObject(owner),
    bot: userObject(dir.botUser),
    approximate_guild_count: guildCount,
    integration_types_config: { "0": {}, "1": {} },
    redirect_uris: [],
    interactions_endpoint_url: null,
    // What Discord answers for an ordinary bot application that nobody installed to a user account.
    type: null,
    role_connections_verification_url: null,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    eligible_oauth2_scopes: ["applications.commands", "bot"],
  };
}
