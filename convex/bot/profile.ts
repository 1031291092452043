// The bot's API for a member's profile: created on first use, and whether others may see their list.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import { botMutation } from "../lib/botFunctions";

export const ensureProfile = botMutation({
  args: {},
  returns: v.object({ userId: v.id("users"), linked: v.boolean(), listPublic: v.boolean() }),
  handler: async (ctx) => {
    const account = (await ctx.db.get(ctx.actor.accountId))!;
    return { userId: ctx.actor.userId, linked: account.linkedAt !== undefined, listPublic: account.listPublic };
  },
});

export const setListVisibility = botMutation({
  args: { listPublic: v.boolean() },
  returns: v.object({ listPublic: v.boolean() }),
  handler: async (ctx, args) => {
    await ctx.db.patch(ctx.actor.accountId, { listPublic: args.listPublic });
    return { listPublic: args.listPublic };
  },
});
