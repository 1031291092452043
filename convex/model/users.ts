import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { fail } from "./errors";

/** Prefix of tokenIdentifier for profiles created from Discord before any Clerk link. */
export const DISCORD_TOKEN_PREFIX = "discord|";

export async function userByToken(ctx: QueryCtx, tokenIdentifier: string): Promise<Doc<"users"> | null> {
  return await ctx.db
    .query("users")
    .withIndex("by_token", (q) => q.eq("tokenIdentifier", tokenIdentifier))
    .first();
}

export async function discordAccount(ctx: QueryCtx, discordUserId: string): Promise<Doc<"discord_accounts"> | null> {
  return await ctx.db
    .query("discord_accounts")
    .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
    .unique();
}

export function parseDiscordUserId(value: string): string {
  if (!/^\d{15,22}$/.test(value)) fail("INVALID_ARGUMENT", "That is not a Discord user id.");
  return value;
}

/**
 * The Film Fanatic user behind a Discord user, creating a Discord-only profile on
 * first use so people can track before (or without) linking a web account.
 */
export async function userForDiscord(ctx: MutationCtx, discordUserId: string, username?: string): Promise<Id<"users">> {
  return (await accountForDiscord(ctx, await discordAccount(ctx, parseDiscordUserId(discordUserId)), discordUserId, username)).userId;
}

/** userForDiscord for a caller that already read the account row (or found none): the profile, created if needed. */
export async function accountForDiscord(
  ctx: MutationCtx,
  account: Doc<"discord_accounts"> | null,
  discordUserId: string,
  username?: string,
): Promise<{ userId: Id<"users">; accountId: Id<"discord_accounts"> }> {
  parseDiscordUserId(discordUserId);
  if (account !== null) {
    if (username !== undefined && username !== account.username) {
      await ctx.db.patch(account._id, { username });
    }
    return { userId: account.userId, accountId: account._id };
  }
  const userId = await ctx.db.insert("users", {
    tokenIdentifier: `${DISCORD_TOKEN_PREFIX}${discordUserId}`,
    name: username,
  });
  const accountId = await ctx.db.insert("discord_accounts", {
    discordUserId,
    userId,
    username,
    listPublic: false,
    remindersEnabled: true,
    createdAt: Date.now(),
  });
  return { userId, accountId };
}

/** Read-only counterpart for queries: null when the Discord user has no profile yet. */
export async function existingUserForDiscord(ctx: QueryCtx, discordUserId: string): Promise<Id<"users"> | null> {
  const account = await discordAccount(ctx, parseDiscordUserId(discordUserId));
  return account?.userId ?? null;
}
