// Clerk's webhooks, applied once and in order, and a person's own unlink respected.
//
// Clerk (through Svix) delivers at least once and in no set order: a delivery may come again
// (same `svix-id`, fresh signature and timestamp) and an older `user.updated` may arrive after
// a newer one or after `user.deleted`. So:
// - a `svix-id` already handled is answered "duplicate" and changes nothing (kept 7 days; past
//   that the order check below still refuses it);
// - per Clerk user, an event is applied only when its `data.updated_at` is newer than the last
//   applied one; after `user.deleted` nothing more is applied for that user (Clerk never reuses
//   user ids);
// - a person's `/unlink` or "Delete my Discord data" is recorded (discord_unlinks), and the
//   webhooks don't link that Discord account again — whatever profile edit follows — until the
//   person links it themselves: `/link`, or a Discord connection made in Clerk after the
//   decision (another connection id, one created later, or any after Clerk reported the
//   connection gone).
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

/** How long a handled `svix-id` is remembered (Svix retries for about 28 hours). */
export const DELIVERY_MEMORY_MS = 7 * 86_400_000;
/** Forgotten deliveries deleted per event, so the table stays bounded without a cron. */
const DELIVERY_SWEEP = 20;

export const SVIX_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** The Discord connection in a Clerk user's external accounts, as the webhook applies it. */
export interface DiscordConnection {
  discordUserId: string;
  /** Clerk's id for the connection (`idn_…`), when the payload has one. */
  connectionId?: string;
  /** When the connection was made (ms), when the payload says. */
  createdAt?: number;
}

/**
 * Notes a delivery; false when this `svix-id` was handled before. Also forgets a few deliveries
 * older than DELIVERY_MEMORY_MS.
 */
export async function firstDelivery(ctx: MutationCtx, svixId: string, now: number): Promise<boolean> {
  const seen = await ctx.db
    .query("clerk_webhook_deliveries")
    .withIndex("by_svix", (q) => q.eq("svixId", svixId))
    .first();
  if (seen !== null) return false;
  await ctx.db.insert("clerk_webhook_deliveries", { svixId, receivedAt: now });
  const old = await ctx.db
    .query("clerk_webhook_deliveries")
    .withIndex("by_received", (q) => q.lt("receivedAt", now - DELIVERY_MEMORY_MS))
    .take(DELIVERY_SWEEP);
  for (const row of old) await ctx.db.delete(row._id);
  return true;
}

async function clerkUserState(ctx: QueryCtx, clerkUserId: string): Promise<Doc<"clerk_users"> | null> {
  return await ctx.db
    .query("clerk_users")
    .withIndex("by_clerk", (q) => q.eq("clerkUserId", clerkUserId))
    .unique();
}

/**
 * Whether a user.created / user.updated with this `updated_at` is newer than what was applied
 * for the Clerk user (and the user is not deleted). When it is, it becomes the applied state.
 */
export async function claimUpdate(
  ctx: MutationCtx,
  clerkUserId: string,
  updatedAt: number,
  connection: DiscordConnection | null,
): Promise<"apply" | "stale" | "deleted"> {
  const state = await clerkUserState(ctx, clerkUserId);
  if (state?.deletedAt !== undefined) return "deleted";
  if (state !== null && updatedAt <= state.updatedAt) return "stale";
  const applied = { updatedAt, discordConnectionId: connection?.connectionId, discordUserId: connection?.discordUserId };
  if (state === null) await ctx.db.insert("clerk_users", { clerkUserId, ...applied });
  else await ctx.db.patch(state._id, applied);
  // The Discord connection this user had is gone: whatever connection comes next is made anew.
  const previous = state?.discordUserId;
  if (previous !== undefined && previous !== connection?.discordUserId) {
    const decision = await unlinkDecision(ctx, previous);
    if (decision !== null && decision.disconnectedAt === undefined) await ctx.db.patch(decision._id, { disconnectedAt: updatedAt });
  }
  return "apply";
}

async function unlinkDecision(ctx: QueryCtx, discordUserId: string): Promise<Doc<"discord_unlinks"> | null> {
  return await ctx.db
    .query("discord_unlinks")
    .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
    .unique();
}

/** user.deleted: from now on no event for this Clerk user is applied. */
export async function markClerkUserDeleted(ctx: MutationCtx, clerkUserId: string, now: number): Promise<void> {
  const state = await clerkUserState(ctx, clerkUserId);
  if (state === null) await ctx.db.insert("clerk_users", { clerkUserId, updatedAt: 0, deletedAt: now });
  else if (state.deletedAt === undefined) await ctx.db.patch(state._id, { deletedAt: now });
}

/**
 * The person unlinked or deleted their Discord data: remembered against the Clerk connection
 * then in use (`clerkUserId` is the profile they were linked to, if any).
 */
export async function recordUnlink(ctx: MutationCtx, discordUserId: string, clerkUserId: string | null, now: number): Promise<void> {
  const state = clerkUserId === null ? null : await clerkUserState(ctx, clerkUserId);
  const connectionId = state?.discordUserId === discordUserId ? state.discordConnectionId : undefined;
  const existing = await unlinkDecision(ctx, discordUserId);
  if (existing === null) await ctx.db.insert("discord_unlinks", { discordUserId, at: now, connectionId });
  else await ctx.db.patch(existing._id, { at: now, connectionId: connectionId ?? existing.connectionId, disconnectedAt: undefined });
}

/** The person linked again themselves: the webhooks may follow their Discord connection again. */
export async function clearUnlink(ctx: MutationCtx, discordUserId: string): Promise<void> {
  const existing = await unlinkDecision(ctx, discordUserId);
  if (existing !== null) await ctx.db.delete(existing._id);
}

/**
 * Whether the webhooks must leave this Discord account unlinked: the person unlinked it, and the
 * connection in the event is the one they unlinked (not made anew in Clerk since).
 */
export async function unlinkedByPerson(ctx: QueryCtx, connection: DiscordConnection): Promise<boolean> {
  const decision = await unlinkDecision(ctx, connection.discordUserId);
  if (decision === null || decision.disconnectedAt !== undefined) return false;
  if (connection.createdAt !== undefined && connection.createdAt > decision.at) return false;
  if (connection.connectionId !== undefined && decision.connectionId !== undefined && connection.connectionId !== decision.connectionId)
    return false;
  return true;
}
