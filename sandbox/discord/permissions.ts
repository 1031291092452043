// Discord's permission arithmetic for the sandbox world: the default role permissions and a
// member's permissions in a guild and in a channel (overwrites applied).

import { PermissionFlagsBits as Permissions } from "discord-api-types/v10";
import type { SandboxChannel, SandboxGuild } from "./types.ts";

export const ALL_PERMISSIONS = (1n << 51n) - 1n;
export const EVERYONE_PERMISSIONS =
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
export const BOT_ROLE_PERMISSIONS =
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

/** A member's guild-wide permissions: @everyone's and their roles', or their own; Administrator means all. */
export function memberPermissions(g: SandboxGuild, userId: string): bigint {
  const m = g.members.get(userId);
  if (!m) return 0n;
  if (m.permissions !== null) return m.permissions & Permissions.Administrator ? ALL_PERMISSIONS : m.permissions;
  let p = g.roles.get(g.everyoneRoleId)!.permissions;
  for (const rid of m.roles) p |= g.roles.get(rid)?.permissions ?? 0n;
  return p & Permissions.Administrator ? ALL_PERMISSIONS : p;
}

/**
 * A member's permissions in a channel, as Discord computes them: the guild's, then the channel's
 * overwrites for @everyone, for the member's roles (together) and for the member; Administrator
 * bypasses them all. What `revoke #channel` denies the bot applies last. No guild: a DM.
 */
export function channelPermissions(g: SandboxGuild | undefined, ch: SandboxChannel, userId: string, botUserId: string): bigint {
  if (!g) return DM_APP_PERMISSIONS;
  let p = memberPermissions(g, userId);
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
  return userId === botUserId ? p & ~ch.botDenied : p;
}
