// The web app's users API (docs/web-api.md). Its root UserSync calls `store` on
// every load with the Clerk profile; the row is keyed by the Clerk user id (JWT subject).
import { doc } from "convex-helpers/validators";
import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { spendWebWrite } from "./model/throttle";
import { userByToken } from "./model/users";
import { webReader } from "./model/webUsers";
import schema from "./schema";

/**
 * Upserts the caller's profile; all five fields are replaced by what the client sends
 * (an omitted one is removed), as the original does. role and aiGenerationEnabled are
 * stored for the web app only: nothing here authorizes by them (the AI gate reads the
 * JWT claim). Returns the users id.
 */
export const store = mutation({
  args: {
    email: v.optional(v.string()),
    name: v.optional(v.string()),
    image: v.optional(v.string()),
    role: v.optional(v.string()),
    aiGenerationEnabled: v.optional(v.boolean()),
  },
  returns: v.id("users"),
  handler: async (ctx, args) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) throw new ConvexError("Called storeUser without authentication present");
    const profile = {
      email: args.email?.slice(0, 320),
      name: args.name?.slice(0, 200),
      image: args.image?.slice(0, 2000),
      role: args.role?.slice(0, 50),
      aiGenerationEnabled: args.aiGenerationEnabled,
    };
    const existing = await userByToken(ctx, identity.subject);
    if (existing === null) {
      const userId = await ctx.db.insert("users", { tokenIdentifier: identity.subject, ...profile });
      await spendWebWrite(ctx, userId);
      return userId;
    }
    const changed = (Object.keys(profile) as (keyof typeof profile)[]).some((key) => profile[key] !== existing[key]);
    // Unchanged on most page loads: skip the write (and the write budget) so subscribers are not woken.
    if (changed) {
      await spendWebWrite(ctx, existing._id);
      await ctx.db.patch(existing._id, profile);
    }
    return existing._id;
  },
});

/** The caller's users document, or null. */
export const getStatus = query({
  args: {},
  returns: v.union(doc(schema, "users"), v.null()),
  handler: async (ctx) => await webReader(ctx),
});
