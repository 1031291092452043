// The gateway door's directory: what the Guilds intent's cache knows about a server's channels and
// roles, for the handlers that look past the interaction's own channel (parties in channels the
// member can see, the bot's permissions where a board goes, channel names in suggestions).
import { ChannelType, PermissionFlagsBits, Routes } from "discord-api-types/v10";
import type { Client } from "discord.js";
import type { GuildDirectory } from "../commands/types.ts";
import { permissionsIn } from "../core/permissions.ts";

export function guildDirectory(client: Client): GuildDirectory {
  return {
    visibleChannelIds(interaction) {
      if (interaction.guildId === null || interaction.member === null) return null;
      const guild = client.guilds.cache.get(interaction.guildId);
      if (!guild) return null;
      // Discord's permission algorithm (src/core/permissions.ts), over what the cache holds.
      const facts = {
        id: guild.id,
        ownerId: guild.ownerId,
        rolePermissions: new Map(guild.roles.cache.map((r) => [r.id, r.permissions.bitfield])),
      };
      const member = { userId: interaction.user.id, roleIds: interaction.member.roles };
      const seen: string[] = [];
      for (const channel of guild.channels.cache.values()) {
        if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) continue;
        if (seen.length >= 500) break;
        const overwrites = channel.permissionOverwrites.cache.map((o) => ({ id: o.id, allow: o.allow.bitfield, deny: o.deny.bitfield }));
        if ((permissionsIn(facts, overwrites, member) & PermissionFlagsBits.ViewChannel) !== 0n) seen.push(channel.id);
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
