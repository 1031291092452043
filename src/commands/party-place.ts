// Where a /party command runs and who runs it, as every /party call tells Convex: the server
// channel, the channels the member can see, their display name and whether they manage the server.
import { PermissionFlagsBits } from "discord-api-types/v10";
import type { AnyInteraction as Interaction } from "../core/interaction.ts";
import type { GuildDirectory } from "./types.ts";
import { UserError } from "../lib/errors.ts";

/**
 * The text channels of the server the member can see (View Channel), as the door's directory knows
 * them (the gateway's channel overwrites and the roles the interaction names), so Convex lets them
 * reach only parties they could find anyway (a party named by id in a private channel is "not
 * found" to others). Without a directory, or the server in it, only the channel they are in (fail closed).
 */
export function visibleChannelIds(interaction: Interaction, directory: GuildDirectory | undefined): string[] {
  if (!interaction.inGuild() || interaction.channelId === null) return [];
  const here = [interaction.channelId];
  const known = directory?.visibleChannelIds(interaction);
  if (!known) return here;
  return [...new Set([...here, ...known])].slice(0, 500);
}

/** The server channel a /party command runs in; refused anywhere else. */
export function guildPlace(interaction: Interaction): { guildId: string; channelId: string } {
  if (!interaction.inGuild() || interaction.channelId === null)
    throw new UserError("Watch parties live in a server channel — use /party there.");
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** Where the command runs, with the channels the member can see: sent with every call that names a party. */
export function place(
  interaction: Interaction,
  directory: GuildDirectory | undefined,
): { guildId: string; channelId: string; visibleChannelIds: string[] } {
  return { ...guildPlace(interaction), visibleChannelIds: visibleChannelIds(interaction, directory) };
}

/** The name the board shows: the member's server nickname, else their display name. */
export function displayName(interaction: Interaction): string {
  const nick = interaction.member?.nick;
  return typeof nick === "string" && nick !== "" ? nick : interaction.user.displayName;
}

/** Manage Server: what lets someone who doesn't host a party run it (end, rename, remove members). */
export function canManageServer(interaction: Interaction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
