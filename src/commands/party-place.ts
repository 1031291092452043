// Where a /party command runs and who runs it, as every /party call tells Convex: the server
// channel, the channels the member can see, their display name and whether they manage the server.
import { ChannelType, PermissionFlagsBits } from "discord-api-types/v10";
import type { Interaction } from "discord.js";
import { UserError } from "../lib/errors.ts";

/**
 * The text channels of the server the member can see (View Channel), from the channel overwrites
 * Discord sent the bot and the roles the interaction names, so Convex lets them reach only parties
 * they could find anyway (a party named by id in a private channel is "not found" to others).
 * Without the server in the cache, only the channel they are in (fail closed).
 */
export function visibleChannelIds(interaction: Interaction): string[] {
  if (!interaction.inGuild() || interaction.channelId === null) return [];
  const here = [interaction.channelId];
  if (!interaction.inCachedGuild()) return here;
  const { guild, member } = interaction;
  const seen = new Set(here);
  for (const channel of guild.channels.cache.values()) {
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) continue;
    if (seen.size >= 500) break;
    if (channel.permissionsFor(member, true).has(PermissionFlagsBits.ViewChannel)) seen.add(channel.id);
  }
  return [...seen];
}

/** The server channel a /party command runs in; refused anywhere else. */
export function guildPlace(interaction: Interaction): { guildId: string; channelId: string } {
  if (!interaction.inGuild() || interaction.channelId === null)
    throw new UserError("Watch parties live in a server channel — use /party there.");
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** Where the command runs, with the channels the member can see: sent with every call that names a party. */
export function place(interaction: Interaction): { guildId: string; channelId: string; visibleChannelIds: string[] } {
  return { ...guildPlace(interaction), visibleChannelIds: visibleChannelIds(interaction) };
}

/** The name the board shows: the member's server nickname, else their display name. */
export function displayName(interaction: Interaction): string {
  const member = interaction.member;
  if (member && "displayName" in member && typeof member.displayName === "string") return member.displayName;
  if (member && "nick" in member && typeof member.nick === "string" && member.nick !== "") return member.nick;
  return interaction.user.displayName;
}

/** Manage Server: what lets someone who doesn't host a party run it (end, rename, remove members). */
export function canManageServer(interaction: Interaction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
