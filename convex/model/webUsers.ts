// The web app's callers, as its client expects them (docs/web-api.md): the Clerk
// user id (JWT subject) is users.tokenIdentifier; reads without a user answer empty;
// writes without a signed-in caller throw a plain Error("Unauthorized").
import { ConvexError } from "convex/values";
import type { UserIdentity } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { userByToken } from "./users";

/** The signed-in web user for reads; null when signed out or before users.store ran. */
export async function webReader(ctx: QueryCtx): Promise<Doc<"users"> | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  return await userByToken(ctx, identity.subject);
}

/**
 * The signed-in web user for writes. The client's UserSync races its first writes, so
 * the row is created on first write when users.store has not run yet (the contract
 * tolerates it); without a signed-in caller nothing is written.
 */
export async function webWriter(ctx: MutationCtx): Promise<Id<"users">> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw new ConvexError("Unauthorized");
  const existing = await userByToken(ctx, identity.subject);
  if (existing !== null) return existing._id;
  return await ctx.db.insert("users", { tokenIdentifier: identity.subject });
}

/**
 * The AI gate: the Clerk JWT claim `public_meta` or `publicMetadata` (an object or its
 * JSON text) with aiGenerationEnabled. "unset" when the claim says nothing, so a reader
 * can tell "explicitly off" from "not in the token".
 */
export function aiClaim(identity: UserIdentity): "enabled" | "disabled" | "unset" {
  for (const key of ["public_meta", "publicMetadata"]) {
    let value: unknown = (identity as Record<string, unknown>)[key];
    if (typeof value === "string") {
      try {
        value = JSON.parse(value);
      } catch {
        continue;
      }
    }
    if (value !== null && typeof value === "object" && "aiGenerationEnabled" in value) {
      const flag = (value as { aiGenerationEnabled: unknown }).aiGenerationEnabled;
      if (flag === true) return "enabled";
      if (flag === false) return "disabled";
    }
  }
  return "unset";
}
