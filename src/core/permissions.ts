// Discord's permission algorithm (developer docs, "Permissions: Permission Overwrites"): the
// base from @everyone and the member's roles, everything for the owner or an Administrator, then
// the channel's overwrites — @everyone's, the roles' together, the member's own.
import { PermissionFlagsBits } from "discord-api-types/v10";

export interface Overwrite {
  id: string;
  allow: bigint;
  deny: bigint;
}

/** Every permission bit Discord defines. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export function permissionsIn(
  guild: { id: string; ownerId: string; rolePermissions: ReadonlyMap<string, bigint> },
  overwrites: readonly Overwrite[],
  member: { userId: string; roleIds: readonly string[] },
): bigint {
  if (member.userId === guild.ownerId) return ALL_PERMISSIONS;
  let base = guild.rolePermissions.get(guild.id) ?? 0n;
  for (const id of member.roleIds) base |= guild.rolePermissions.get(id) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  const byId = new Map(overwrites.map((o) => [o.id, o]));
  const everyone = byId.get(guild.id);
  if (everyone) base = (base & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const id of member.roleIds) {
    const o = byId.get(id);
    if (o) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  base = (base & ~deny) | allow;
  const own = byId.get(member.userId);
  if (own) base = (base & ~own.deny) | own.allow;
  return base;
}
