// The bot's API for the cached show structure itself (demo data and tests seed it; commands send
// it with their own write instead).
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import { botServiceMutation } from "../lib/botFunctions";
import { upsertShow } from "../model/shows";
import { showSeasonValidator } from "../lib/validators";

/** Seeds the cached structure directly (demo data, tests); commands send it with their own write instead. */
export const cacheShow = botServiceMutation({
  args: {
    tmdbId: v.number(),
    title: v.string(),
    image: v.optional(v.string()),
    seasons: v.array(showSeasonValidator),
    ongoing: v.optional(v.boolean()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    await upsertShow(ctx, args);
    return null;
  },
});
