/**
 * The world of the local Discord: users, guilds with their channels, roles and members, DMs,
 * the bot's messages, and registered application commands. Changes that Discord would announce
 * on the gateway (GUILD_CREATE, CHANNEL_CREATE, MESSAGE_CREATE…) go out through `dispatch`.
 */
import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  MessageType,
  PermissionFlagsBits as Permissions,
} from "discord-api-types/v10";
import type { RegisteredCommand } from "./commands.ts";
import { SandboxUsageError } from "./errors.ts";
import { computeMentions, NO_MENTIONS, type AllowedMentions, type Mentions } from "./mentions.ts";
import { channelObject, guildCreatePayload, memberObject, messageObject, roleObject, type Directory } from "./serialize.ts";
import { SnowflakeGenerator, stableSnowflake } from "./snowflake.ts";
import {
  discordTimestamp,
  shardOf,
  stripHash,
  type ActContext,
  type Actor,
  type MessageInteraction,
  type SandboxChannel,
  type SandboxConfig,
  type SandboxGuild,
  type SandboxMember,
  type SandboxMessage,
  type SandboxRole,
  type SandboxUser,
} from "./types.ts";

export interface DispatchTarget {
  /** Guild the event belongs to (routes it to the guild's shard); absent → shard 0 (DMs). */
  guildId?: string;
  /** Intent a session must have to receive it; absent → always sent (e.g. INTERACTION_CREATE). */
  intent?: number;
}

/** Sends a gateway dispatch to the sessions it concerns; returns how many took it. */
export type Dispatch = (t: GatewayDispatchEvents, d: unknown, target?: DispatchTarget) => number;

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
/** What the bot may do in a DM (app_permissions there). */
export const DM_APP_PERMISSIONS =
  Permissions.AddReactions |
  Permissions.ViewChannel |
  Permissions.SendMessages |
  Permissions.EmbedLinks |
  Permissions.AttachFiles |
  Permissions.ReadMessageHistory |
  Permissions.MentionEveryone |
  Permissions.UseExternalEmojis |
  Permissions.UseApplicationCommands;

function usernameFor(name: string): string {
  const u = name
    .toLowerCase()
    .replace(/[^a-z0-9_.]/g, "_")
    .slice(0, 32);
  return u.length >= 2 ? u : `${u}__`.slice(0, 2);
}

export class World implements Directory {
  readonly ids = new SnowflakeGenerator();
  readonly botUser: SandboxUser;
  private readonly users = new Map<string, SandboxUser>(); // by name
  private readonly usersById = new Map<string, SandboxUser>();
  private readonly guilds = new Map<string, SandboxGuild>(); // by name
  private readonly guildsById = new Map<string, SandboxGuild>();
  private readonly channelsById = new Map<string, SandboxChannel>();
  private readonly messagesById = new Map<string, SandboxMessage>();
  private readonly channelMessages = new Map<string, SandboxMessage[]>();
  /** Global commands by id. */
  readonly globalCommands = new Map<string, RegisteredCommand>();
  /** Guild id → command id → command. */
  readonly guildCommands = new Map<string, Map<string, RegisteredCommand>>();

  constructor(
    private readonly config: SandboxConfig,
    private readonly dispatch: Dispatch,
  ) {
    this.botUser = {
      id: config.applicationId,
      name: config.botName,
      username: config.botName,
      globalName: config.botName,
      bot: true,
      dmsClosed: false,
    };
    this.usersById.set(this.botUser.id, this.botUser);
  }

  get applicationId(): string {
    return this.config.applicationId;
  }

  get botName(): string {
    return this.config.botName;
  }

  private now(): number {
    return this.config.now();
  }

  // ------------------------------------------------------------ lookups

  userById(id: string): SandboxUser | undefined {
    return this.usersById.get(id);
  }

  guildById(id: string): SandboxGuild | undefined {
    return this.guildsById.get(id);
  }

  channelById(id: string): SandboxChannel | undefined {
    return this.channelsById.get(id);
  }

  message(id: string): SandboxMessage | undefined {
    return this.messagesById.get(id);
  }

  userNames(): string[] {
    return [...this.users.keys()];
  }

  allGuilds(): SandboxGuild[] {
    return [...this.guildsById.values()];
  }

  /** Guilds whose events go to this shard. */
  guildsOnShard(shard: [number, number]): SandboxGuild[] {
    return this.allGuilds().filter((g) => shardOf(g.id, shard[1]) === shard[0]);
  }

  // ------------------------------------------------------------ creating

  user(name: string): SandboxUser {
    const key = name.replace(/^@/, "");
    let u = this.users.get(key);
    if (!u) {
      u = { id: stableSnowflake("user", key), name: key, username: usernameFor(key), globalName: key, bot: false, dmsClosed: false };
      this.users.set(key, u);
      this.usersById.set(u.id, u);
    }
    return u;
  }

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
    this.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(this, g), { guildId: g.id, intent: GatewayIntentBits.Guilds });
    return g;
  }

  channel(guildName: string, channelName: string): SandboxChannel {
    const g = this.guild(guildName);
    const name = stripHash(channelName);
    let ch = g.channels.get(name);
    if (ch) return ch;
    ch = {
      id: stableSnowflake("channel", `${guildName}\u0000${name}`),
      name,
      type: ChannelType.GuildText,
      guildId: g.id,
      recipientId: null,
      position: g.channels.size,
      lastMessageId: null,
      botDenied: 0n,
      overwrites: [],
    };
    g.channels.set(name, ch);
    this.channelsById.set(ch.id, ch);
    this.channelMessages.set(ch.id, []);
    this.dispatch(
      GatewayDispatchEvents.ChannelCreate,
      { ...channelObject(this, ch), guild_id: g.id },
      { guildId: g.id, intent: GatewayIntentBits.Guilds },
    );
    return ch;
  }

  /** Deletes a guild channel and its messages (CHANNEL_DELETE); the bot's later calls to it get 10003. */
  deleteChannel(guildName: string, channelName: string): boolean {
    const g = this.guilds.get(guildName);
    const ch = g?.channels.get(stripHash(channelName));
    if (!g || !ch) return false;
    g.channels.delete(ch.name);
    this.channelsById.delete(ch.id);
    for (const m of this.channelMessages.get(ch.id) ?? []) m.deleted = true;
    this.channelMessages.delete(ch.id);
    this.dispatch(GatewayDispatchEvents.ChannelDelete, channelObject(this, ch), { guildId: g.id, intent: GatewayIntentBits.Guilds });
    return true;
  }

  /** A channel overwrite denying the bot View Channel and Send Messages there (CHANNEL_UPDATE). */
  revokeBot(guildName: string, channelName: string): SandboxChannel {
    const ch = this.channel(guildName, channelName);
    ch.botDenied = Permissions.ViewChannel | Permissions.SendMessages;
    this.dispatch(GatewayDispatchEvents.ChannelUpdate, channelObject(this, ch), {
      guildId: ch.guildId ?? undefined,
      intent: GatewayIntentBits.Guilds,
    });
    return ch;
  }

  /**
   * A member's permissions in a channel, as Discord computes them: the guild's, then the channel's
   * overwrites for @everyone, for the member's roles (together) and for the member; Administrator
   * bypasses them all. What `revoke #channel` denies the bot applies last.
   */
  channelPermissions(ch: SandboxChannel, userId: string): bigint {
    const g = ch.guildId ? this.guildsById.get(ch.guildId) : undefined;
    if (!g) return DM_APP_PERMISSIONS;
    let p = this.memberPermissions(g, userId);
    if (p & Permissions.Administrator) return p;
    const overwrites = ch.overwrites ?? [];
    const everyone = overwrites.find((o) => o.type === "role" && o.id === g.everyoneRoleId);
    if (everyone) p = (p & ~everyone.deny) | everyone.allow;
    const roles = g.members.get(userId)?.roles ?? [];
    let allow = 0n;
    let deny = 0n;
    for (const o of overwrites) {
      if (o.type === "role" && o.id !== g.everyoneRoleId && roles.includes(o.id)) {
        allow |= o.allow;
        deny |= o.deny;
      }
    }
    p = (p & ~deny) | allow;
    const own = overwrites.find((o) => o.type === "member" && o.id === userId);
    if (own) p = (p & ~own.deny) | own.allow;
    return userId === this.botUser.id ? p & ~ch.botDenied : p;
  }

  /**
   * Sets (or, with nothing allowed or denied, removes) a channel's overwrite for @everyone, a role
   * ("@&mods" or "@mods") or a user, as a server admin would (CHANNEL_UPDATE).
   */
  setOverwrite(guildName: string, channelName: string, target: string, allow: bigint, deny: bigint): SandboxChannel {
    const g = this.guild(guildName);
    const ch = this.channel(guildName, channelName);
    let id: string;
    let type: "role" | "member";
    if (target === "@everyone" || target === "everyone") [id, type] = [g.everyoneRoleId, "role"];
    else if (target.startsWith("@")) [id, type] = [this.role(guildName, target).id, "role"];
    else [id, type] = [this.join(guildName, target).userId, "member"];
    ch.overwrites = (ch.overwrites ?? []).filter((o) => !(o.id === id && o.type === type));
    if (allow !== 0n || deny !== 0n) ch.overwrites.push({ id, type, allow, deny });
    this.dispatch(GatewayDispatchEvents.ChannelUpdate, channelObject(this, ch), { guildId: g.id, intent: GatewayIntentBits.Guilds });
    return ch;
  }

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
    this.dispatch(
      GatewayDispatchEvents.GuildRoleCreate,
      { guild_id: g.id, role: roleObject(r) },
      { guildId: g.id, intent: GatewayIntentBits.Guilds },
    );
    return r;
  }

  dm(userName: string): SandboxChannel {
    const u = this.user(userName);
    const id = stableSnowflake("dm", u.name);
    let ch = this.channelsById.get(id);
    if (!ch) {
      ch = {
        id,
        name: "dm",
        type: ChannelType.DM,
        guildId: null,
        recipientId: u.id,
        position: 0,
        lastMessageId: null,
        botDenied: 0n,
        overwrites: [],
      };
      this.channelsById.set(id, ch);
      this.channelMessages.set(id, []);
    }
    return ch;
  }

  join(guildName: string, userName: string): SandboxMember {
    const g = this.guild(guildName);
    const u = this.user(userName);
    let m = g.members.get(u.id);
    if (!m) {
      m = { userId: u.id, joinedAt: discordTimestamp(this.now()), roles: [], nick: null, permissions: null };
      g.members.set(u.id, m);
      this.dispatch(
        GatewayDispatchEvents.GuildMemberAdd,
        { ...memberObject(this, m), guild_id: g.id },
        { guildId: g.id, intent: GatewayIntentBits.GuildMembers },
      );
    }
    return m;
  }

  addRole(guildName: string, userName: string, roleName: string): SandboxRole {
    const r = this.role(guildName, roleName);
    const m = this.join(guildName, userName);
    if (!m.roles.includes(r.id)) m.roles.push(r.id);
    return r;
  }

  memberPermissions(g: SandboxGuild, userId: string): bigint {
    const m = g.members.get(userId);
    if (!m) return 0n;
    if (m.permissions !== null) return m.permissions & Permissions.Administrator ? ALL_PERMISSIONS : m.permissions;
    let p = g.roles.get(g.everyoneRoleId)!.permissions;
    for (const rid of m.roles) p |= g.roles.get(rid)?.permissions ?? 0n;
    return p & Permissions.Administrator ? ALL_PERMISSIONS : p;
  }

  /** Resolves an actor into user, guild and channel records (creating them, joining the guild). */
  context(actor: Actor): ActContext {
    if (!actor.user) throw new SandboxUsageError("no acting user (use `as NAME`)");
    const user = this.user(actor.user);
    const chan = actor.channel ? stripHash(actor.channel) : undefined;
    if (!actor.guild || chan === "dm") {
      if (actor.guild && chan === "dm") throw new SandboxUsageError("a DM has no guild");
      if (!actor.guild && chan && chan !== "dm") throw new SandboxUsageError(`channel #${chan} needs a guild (use \`in GUILD #${chan}\`)`);
      return { user, guild: null, channel: this.dm(user.name), place: { user: user.name, channel: "dm" } };
    }
    if (!chan) throw new SandboxUsageError(`no channel given for guild ${actor.guild} (use \`in ${actor.guild} #CHANNEL\`)`);
    const guild = this.guild(actor.guild);
    const channel = this.channel(guild.name, chan);
    this.join(guild.name, user.name);
    return { user, guild, channel, place: { user: user.name, guild: guild.name, channel: `#${channel.name}` } };
  }

  /** Place fields for events about a channel (no acting user). */
  channelPlace(ch: SandboxChannel): { guild?: string; channel: string; to?: string } {
    if (ch.type === ChannelType.DM) return { channel: "dm", to: this.usersById.get(ch.recipientId ?? "")?.name ?? ch.recipientId ?? "?" };
    const g = this.guildsById.get(ch.guildId ?? "");
    return { guild: g?.name, channel: `#${ch.name}` };
  }

  // ------------------------------------------------------------ commands

  registeredCommands(guild?: string): RegisteredCommand[] {
    if (guild === undefined) return [...this.globalCommands.values()];
    const g = this.guildsById.get(guild) ?? this.guilds.get(guild);
    return [...(this.guildCommands.get(g?.id ?? guild)?.values() ?? [])];
  }

  // ------------------------------------------------------------ messages

  /** Messages in a channel, oldest first, ephemeral ones included (see visibleTo). */
  messages(channelId: string): SandboxMessage[] {
    return (this.channelMessages.get(channelId) ?? []).filter((m) => !m.deleted);
  }

  /** Messages this actor can see where they act (their own ephemerals included). */
  visibleTo(ctx: ActContext): SandboxMessage[] {
    return this.messages(ctx.channel.id).filter((m) => !m.loading && (!m.ephemeral || m.visibleToId === ctx.user.id));
  }

  createMessage(
    channel: SandboxChannel,
    body: Record<string, any>,
    opts: {
      interaction?: MessageInteraction;
      ephemeral?: boolean;
      loading?: boolean;
      attachments?: any[];
      reference?: SandboxMessage | null;
    } = {},
  ): SandboxMessage {
    const id = this.ids.next(this.now());
    const ephemeral = Boolean(opts.ephemeral);
    const kept = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;
    const flags =
      (typeof body.flags === "number" ? body.flags & kept : 0) |
      (ephemeral ? MessageFlags.Ephemeral : 0) |
      (opts.loading ? MessageFlags.Loading : 0);
    const it = opts.interaction;
    const visibleTo = ephemeral && it ? it.user : null;
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
      interaction: it ?? null,
      allowedMentions: body.allowed_mentions ?? null,
      mentions: NO_MENTIONS,
      type: it
        ? it.kind === "command"
          ? MessageType.ChatInputCommand
          : MessageType.Default
        : opts.reference
          ? MessageType.Reply
          : MessageType.Default,
      messageReference: opts.reference
        ? {
            message_id: opts.reference.id,
            channel_id: opts.reference.channelId,
            ...(opts.reference.guildId ? { guild_id: opts.reference.guildId } : {}),
          }
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
      this.dispatchMessage(GatewayDispatchEvents.MessageCreate, m);
    }
    return m;
  }

  /** Applies an edit body (fields present replace; mentions recomputed when content changes). */
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
    if (!m.ephemeral) this.dispatchMessage(GatewayDispatchEvents.MessageUpdate, m);
  }

  deleteMessage(m: SandboxMessage): void {
    m.deleted = true;
    if (m.ephemeral) return;
    this.dispatch(
      GatewayDispatchEvents.MessageDelete,
      { id: m.id, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}) },
      { guildId: m.guildId ?? undefined, intent: m.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages },
    );
  }

  /** Who a message pings; ephemeral and loading messages ping nobody. */
  private mentionsFor(m: SandboxMessage, allowed: AllowedMentions | null | undefined): Mentions {
    if (m.ephemeral || m.loading) return { everyone: false, users: [], roles: [] };
    // Every stored message is the bot's own, so replying to one never pings a person here.
    return computeMentions(m.content, allowed ?? null, { repliedUserId: null });
  }

  private dispatchMessage(t: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate, m: SandboxMessage): void {
    const d: Record<string, unknown> = { ...messageObject(this, m) };
    if (m.guildId) {
      const g = this.guildsById.get(m.guildId)!;
      d.guild_id = m.guildId;
      const bm = g.members.get(this.botUser.id);
      if (bm) {
        const { user: _u, ...member } = memberObject(this, bm);
        d.member = member;
      }
    }
    this.dispatch(t, d, {
      guildId: m.guildId ?? undefined,
      intent: m.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages,
    });
  }
}
