// The gateway door's directory: what the Guilds intent's cache knows about a server's channels and
// roles, for the handlers that look past the interaction's own channel (parties in channels the
// member can see, the bot's permissions where a board goes, channel names in suggestions).
import { ChannelType, PermissionFlagsBits, Routes } from "discord-api-types/v10";
import { PermissionsBitField, type Client, type GuildBasedChannel } from "discord.js";
import type { GuildDirectory } from "../commands/types.ts";

const ALL = PermissionsBitField.All;

export function guildDirectory(client: Client): GuildDirectory {
  /** Discord's permission algorithm: base from @everyone and the roles, then the channel's overwrites. */
  const permissionsIn = (channel: GuildBasedChannel, userId: string, roleIds: readonly string[]): bigint => {
    const guild = channel.guild;
    if (guild.ownerId === userId) return ALL;
    let base = guild.roles.everyone.permissions.bitfield;
    for (const id of roleIds) base |= guild.roles.cache.get(id)?.permissions.bitfield ?? 0n;
    if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL;
    if (!("permissionOverwrites" in channel)) return base;
    const overwrites = channel.permissionOverwrites.cache;
    const everyone = overwrites.get(guild.id);
    if (everyone) base = (base & ~everyone.deny.bitfield) | everyone.allow.bitfield;
    let allow = 0n;
    let deny = 0n;
    for (const id of roleIds) {
      const o = overwrites.get(id);
      if (o) {
        allow |= o.allow.bitfield;
        deny |= o.deny.bitfield;
      }
    }
    base = (base & ~deny) | allow;
    const own = overwrites.get(userId);
    if (own) base = (base & ~own.deny.bitfield) | own.allow.bitfield;
    return base;
  };

  return {
    visibleChannelIds(interaction) {
      if (interaction.guildId === null || interaction.member === null) return null;
      const guild = client.guilds.cache.get(interaction.guildId);
      if (!guild) return null;
      const seen: string[] = [];
      for (const channel of guild.channels.cache.values()) {
        if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) continue;
        if (seen.length >= 500) break;
        if ((permissionsIn(channel, interaction.user.id, interaction.member.roles) & PermissionFlagsBits.ViewChannel) !== 0n)
          seen.push(channel.id);
      }
      return seen;
    },
    botPermissionsIn(guildId, channelId) {
      const channel = client.guilds.cache.get(guildId)?.channels.cache.get(channelId);
      const me = client.user;
      if (!channel || !me) return null;
      return channel.permissionsFor(me)?.bitfield ?? null;
    },
    channelName(guildId, channelId) {
      return client.guilds.cache.get(guildId)?.channels.cache.get(channelId)?.name;
    },
    async isMember(guildId, userId) {
      return await client.rest.get(Routes.guildMember(guildId, userId)).then(
        () => true,
        () => false,
      );
    },
  };
}
