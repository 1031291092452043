// The directory of a door without a gateway cache (the HTTP doors): what the gateway door reads
// from discord.js's Guilds cache is asked of Discord's REST API instead — the server (owner and
// roles), its channels (with their overwrites) and the bot's own member — and kept for a minute
// per server, so a burst of /party commands costs three requests, not three each.
import { ChannelType, PermissionFlagsBits, type APIGuild, type APIGuildChannel, type APIGuildMember } from "discord-api-types/v10";
import type { GuildDirectory } from "../commands/types.ts";
import { permissionsIn, type Overwrite } from "./permissions.ts";

const SNOWFLAKE = /^\d{1,20}$/;
const TTL_MS = 60_000;
const MAX_GUILDS = 1_000;

interface GuildFacts {
  ownerId: string;
  roles: Map<string, bigint>;
  channels: { id: string; name: string; type: number; overwrites: Overwrite[] }[];
  botRoles: string[];
  at: number;
}

export interface RestDirectoryOptions {
  /** Without the version: https://discord.com/api */
  apiBase: string;
  token: string | undefined;
  /** The bot's user id (= the application id). */
  botUserId: string | undefined;
  fetch?: typeof fetch;
  now?: () => number;
}

export function restDirectory(options: RestDirectoryOptions): GuildDirectory {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const base = `${options.apiBase.replace(/\/+$/, "")}/v10`;
  const cache = new Map<string, GuildFacts>();

  const get = async <T>(path: string): Promise<T | null> => {
    if (options.token === undefined) return null;
    const response = await fetchImpl(`${base}${path}`, {
      headers: { authorization: `Bot ${options.token}` },
      signal: AbortSignal.timeout(3_000),
    }).catch(() => null);
    if (!response?.ok) {
      await response?.body?.cancel().catch(() => undefined);
      return null;
    }
    return (await response.json().catch(() => null)) as T | null;
  };

  const facts = async (guildId: string): Promise<GuildFacts | null> => {
    if (!SNOWFLAKE.test(guildId) || options.botUserId === undefined) return null;
    const known = cache.get(guildId);
    if (known && now() - known.at < TTL_MS) return known;
    const [guild, channels, me] = await Promise.all([
      get<APIGuild>(`/guilds/${guildId}`),
      get<APIGuildChannel[]>(`/guilds/${guildId}/channels`),
      get<APIGuildMember>(`/guilds/${guildId}/members/${options.botUserId}`),
    ]);
    if (guild === null || !Array.isArray(channels) || me === null) return null;
    const fresh: GuildFacts = {
      ownerId: guild.owner_id,
      roles: new Map(guild.roles.map((r) => [r.id, BigInt(r.permissions)])),
      channels: channels.map((c) => ({
        id: c.id,
        name: c.name ?? "",
        type: c.type,
        overwrites: (c.permission_overwrites ?? []).map((o) => ({ id: o.id, allow: BigInt(o.allow), deny: BigInt(o.deny) })),
      })),
      botRoles: me.roles,
      at: now(),
    };
    if (cache.size >= MAX_GUILDS) cache.delete(cache.keys().next().value!);
    cache.set(guildId, fresh);
    return fresh;
  };

  const sync = (guildId: string): GuildFacts | undefined => {
    const known = cache.get(guildId);
    return known && now() - known.at < TTL_MS ? known : undefined;
  };

  return {
    async prepare(guildId) {
      await facts(guildId);
    },
    visibleChannelIds(interaction) {
      if (interaction.guildId === null || interaction.member === null) return null;
      const known = sync(interaction.guildId);
      if (!known) return null;
      const member = { userId: interaction.user.id, roleIds: interaction.member.roles };
      return known.channels
        .filter((c) => c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement)
        .filter((c) => (permissionsIn(guildOf(known, interaction.guildId!), c.overwrites, member) & PermissionFlagsBits.ViewChannel) !== 0n)
        .map((c) => c.id)
        .slice(0, 500);
    },
    botPermissionsIn(guildId, channelId) {
      const known = sync(guildId);
      const channel = known?.channels.find((c) => c.id === channelId);
      if (!known || !channel || options.botUserId === undefined) return null;
      return permissionsIn(guildOf(known, guildId), channel.overwrites, { userId: options.botUserId, roleIds: known.botRoles });
    },
    channelName(guildId, channelId) {
      return sync(guildId)?.channels.find((c) => c.id === channelId)?.name;
    },
    async isMember(guildId, userId) {
      if (!SNOWFLAKE.test(guildId) || !SNOWFLAKE.test(userId)) return false;
      return (await get(`/guilds/${guildId}/members/${userId}`)) !== null;
    },
  };
}

function guildOf(facts: GuildFacts, guildId: string) {
  return { id: guildId, ownerId: facts.ownerId, rolePermissions: facts.roles };
}
