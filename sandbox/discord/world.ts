/**
 * The world of the local Discord: users, guilds with their channels, roles and members, DMs,
 * the bot's messages, and registered application commands. Changes that Discord would announce
 * on the gateway (GUILD_CREATE, CHANNEL_CREATE, MESSAGE_CREATE…) go out through `dispatch`.
 */
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, PermissionFlagsBits as Permissions } from "discord-api-types/v10";
import type { RegisteredCommand } from "./commands.ts";
import { SandboxUsageError } from "./errors.ts";
import { BOT_ROLE_PERMISSIONS, EVERYONE_PERMISSIONS, channelPermissions, memberPermissions } from "./permissions.ts";
import { applyEditBody, messageRecord, type NewMessageOptions } from "./message-records.ts";
import { channelObject, guildCreatePayload, memberObject, messageObject, roleObject, type Directory } from "./serialize.ts";
import { SnowflakeGenerator, stableSnowflake } from "./snowflake.ts";
import {
  discordTimestamp,
  shardOf,
  stripHash,
  type ActContext,
  type Actor,
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

export { DM_APP_PERMISSIONS } from "./permissions.ts";

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

  /** A member's permissions in a channel (overwrites applied); see permissions.ts. */
  channelPermissions(ch: SandboxChannel, userId: string): bigint {
    const g = ch.guildId ? this.guildsById.get(ch.guildId) : undefined;
    return channelPermissions(g, ch, userId, this.botUser.id);
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
    return memberPermissions(g, userId);
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

  createMessage(channel: SandboxChannel, body: Record<string, any>, opts: NewMessageOptions = {}): SandboxMessage {
    const id = this.ids.next(this.now());
    const m = messageRecord(id, channel, body, opts, () => this.now());
    const ephemeral = m.ephemeral;
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
    applyEditBody(m, body, attachments, () => this.now());
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

  /** Names for the ids a rendered message mentions (users, channels, roles), for printing. */
  mentionNames(): { user(id: string): string | undefined; channel(id: string): string | undefined; role(id: string): string | undefined } {
    return {
      user: (id) => this.userById(id)?.name,
      channel: (id) => this.channelById(id)?.name,
      role: (id) => {
        for (const guild of this.allGuilds()) {
          const role = guild.roles.get(id);
          if (role) return role.name.replace(/^@/, "");
        }
        return undefined;
      },
    };
  }
}
