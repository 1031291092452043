// Clerk's webhooks (convex/http.ts, POST /clerk/webhook) call applyClerkEvent (once per delivery,
// in updated_at order: model/clerkEvents.ts); the one-time backfill `backfillClerkUsers`
// (npx convex run linking/clerk:backfillClerkUsers) pages through Clerk's user list.
import { createClerkClient } from "@clerk/backend";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, type MutationCtx } from "../_generated/server";
import {
  SVIX_ID_PATTERN,
  claimUpdate,
  firstDelivery,
  markClerkUserDeleted,
  unlinkedByPerson,
  type DiscordConnection,
} from "../model/clerkEvents";
import { linkDiscordToClerk, unlinkAccount, unlinkClerkUser } from "../model/link";
import { parseDiscordUserId } from "../model/users";

// ─────────────────────────────────────────────────────────── Clerk webhooks and backfill

export const applyClerkEvent = internalMutation({
  args: {
    type: v.string(),
    clerkUserId: v.string(),
    /** The delivery's `svix-id` (signed with the payload): a redelivery is answered "duplicate". Absent for the backfill. */
    svixId: v.optional(v.string()),
    /** `data.updated_at` (ms): applied only when newer than the last applied event for this user. */
    updatedAt: v.optional(v.number()),
    /** The user's Discord id from an `oauth_discord` external account; null when they have none. */
    discordUserId: v.union(v.string(), v.null()),
    /** Clerk's id for that connection, and when it was made, when the payload says. */
    connectionId: v.optional(v.string()),
    connectionCreatedAt: v.optional(v.number()),
    name: v.optional(v.string()),
    email: v.optional(v.string()),
  },
  returns: v.string(),
  handler: async (ctx, args) => {
    const now = Date.now();
    if (args.svixId !== undefined && !SVIX_ID_PATTERN.test(args.svixId)) return "ignored (malformed svix-id)";
    if (args.svixId !== undefined && !(await firstDelivery(ctx, args.svixId, now))) return "duplicate";
    if (args.type === "user.deleted") {
      await markClerkUserDeleted(ctx, args.clerkUserId, now);
      const { unlinked, queued } = await unlinkClerkUser(ctx, args.clerkUserId);
      return queued > 0 ? `unlinked ${unlinked}, ${queued} queued until their Discord history has moved` : `unlinked ${unlinked}`;
    }
    if (args.type !== "user.created" && args.type !== "user.updated") return "ignored";
    // Without its time an event can't be placed in order: applying it could undo a newer one.
    if (args.updatedAt === undefined || !Number.isFinite(args.updatedAt) || args.updatedAt <= 0) return "ignored (no updated_at)";
    const connection: DiscordConnection | null =
      args.discordUserId === null
        ? null
        : { discordUserId: parseDiscordUserId(args.discordUserId), connectionId: args.connectionId, createdAt: args.connectionCreatedAt };
    const claim = await claimUpdate(ctx, args.clerkUserId, args.updatedAt, connection);
    if (claim !== "apply") return claim === "deleted" ? "ignored (user deleted)" : "ignored (older than what was applied)";
    if (connection === null) {
      // Discord was disconnected in Clerk: a link made from that connection goes with it.
      const { unlinked, queued } = await unlinkOauthLinks(ctx, args.clerkUserId);
      return unlinked + queued > 0 ? `unlinked ${unlinked}${queued > 0 ? `, ${queued} queued` : ""}` : "no discord account";
    }
    // A Discord connection swapped for another in Clerk: the link it made moves with it.
    await unlinkOauthLinks(ctx, args.clerkUserId, connection.discordUserId);
    // The person unlinked (or deleted their Discord data) since they connected: that holds.
    if (await unlinkedByPerson(ctx, connection)) return "kept unlinked (the person unlinked)";
    const outcome = await linkDiscordToClerk(ctx, {
      discordUserId: connection.discordUserId,
      clerkUserId: args.clerkUserId,
      via: "oauth",
      confirmSwitch: false,
      profile: { name: args.name, email: args.email },
    });
    // An existing link to someone else is never moved without that person confirming.
    return outcome.status;
  },
});

/** Unlinks the links Clerk's Discord connection made for this Clerk user (all but `keep`'s). */
async function unlinkOauthLinks(ctx: MutationCtx, clerkUserId: string, keep?: string): Promise<{ unlinked: number; queued: number }> {
  const counts = { unlinked: 0, queued: 0 };
  const user = await ctx.db
    .query("users")
    .withIndex("by_token", (q) => q.eq("tokenIdentifier", clerkUserId))
    .first();
  if (user === null) return counts;
  for (const account of await ctx.db
    .query("discord_accounts")
    .withIndex("by_user", (q) => q.eq("userId", user._id))
    .take(10)) {
    if (account.linkedVia !== "oauth" || account.discordUserId === keep) continue;
    const result = await unlinkAccount(ctx, account, { force: true });
    if (result === "unlinked" || result === "queued") counts[result]++;
  }
  return counts;
}

/**
 * The Clerk user's Discord connection, from a webhook payload or the Backend API. A connection
 * Clerk reports as not verified (an OAuth flow that did not complete) links nothing.
 */
export function discordConnectionOf(externalAccounts: unknown): DiscordConnection | null {
  if (!Array.isArray(externalAccounts)) return null;
  for (const account of externalAccounts as Record<string, unknown>[]) {
    const provider = account?.provider;
    const id = account?.provider_user_id ?? account?.providerUserId;
    const verification = account?.verification as { status?: unknown } | null | undefined;
    if (verification != null && verification.status !== "verified") continue;
    if ((provider === "oauth_discord" || provider === "discord") && typeof id === "string" && /^\d{15,22}$/.test(id)) {
      const connectionId = account?.id;
      const createdAt = account?.created_at ?? account?.createdAt;
      return {
        discordUserId: id,
        connectionId: typeof connectionId === "string" && /^[A-Za-z0-9_]{1,100}$/.test(connectionId) ? connectionId : undefined,
        createdAt: typeof createdAt === "number" && Number.isFinite(createdAt) && createdAt > 0 ? createdAt : undefined,
      };
    }
  }
  return null;
}

const BACKFILL_PAGE = 100;

/**
 * One-time backfill for people who connected Discord in Clerk before the webhook existed:
 * pages through Clerk's user list (CLERK_SECRET_KEY; CLERK_API_URL for another API base) and
 * links each Discord connection as the webhook would (in order with the webhooks: a user whose
 * newer state was applied already is left alone). Run with
 * `npx convex run linking/clerk:backfillClerkUsers`; each page schedules the next.
 */
export const backfillClerkUsers = internalAction({
  args: { offset: v.optional(v.number()) },
  returns: v.object({ offset: v.number(), seen: v.number(), linked: v.number(), done: v.boolean() }),
  handler: async (ctx, { offset = 0 }) => {
    const secretKey = process.env.CLERK_SECRET_KEY;
    if (!secretKey) throw new Error("Set CLERK_SECRET_KEY in the Convex deployment's environment to run the backfill.");
    const clerk = createClerkClient({ secretKey, apiUrl: process.env.CLERK_API_URL || undefined });
    const page = await clerk.users.getUserList({ limit: BACKFILL_PAGE, offset, orderBy: "+created_at" });
    let linked = 0;
    for (const user of page.data) {
      const connection = discordConnectionOf(user.externalAccounts);
      if (connection === null) continue;
      const outcome = await ctx.runMutation(internal.linking.clerk.applyClerkEvent, {
        type: "user.updated",
        clerkUserId: user.id,
        updatedAt: user.updatedAt,
        discordUserId: connection.discordUserId,
        connectionId: connection.connectionId,
        connectionCreatedAt: connection.createdAt,
        name: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username || undefined,
        email: user.primaryEmailAddress?.emailAddress ?? undefined,
      });
      if (outcome === "linked") linked++;
    }
    const done = page.data.length < BACKFILL_PAGE;
    if (!done) await ctx.scheduler.runAfter(0, internal.linking.clerk.backfillClerkUsers, { offset: offset + page.data.length });
    return { offset, seen: page.data.length, linked, done };
  },
});
