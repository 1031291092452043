// The bot's API for the Undo button: puts back what a change replaced, answering with the card.
// Every function goes through a builder from lib/botFunctions (the shared secret, the acting
// Discord user in ctx.actor, the write budget); logic lives in model/. See docs/bot-api.md.
import { v } from "convex/values";
import { botMutation } from "../lib/botFunctions";
import { progressStatusValidator } from "../lib/validators";
import { titleState as titleStateValidator } from "../lib/botReturns";
import { fail } from "../model/errors";
import { titleState } from "../model/titleState";
import { applyUndo } from "../model/undo";
import { parseMediaType } from "../model/vocabulary";
import { translator } from "../../src/i18n";

/** Puts back what an Undo button's change replaced, answering with the card's restored state. */
export const undo = botMutation({
  args: { undoId: v.string() },
  // `undone`: what the undo did, as the state it left; `episodes`: it put episodes back (the reply is an episode card).
  returns: v.object({
    description: v.string(),
    undone: v.string(),
    episodes: v.boolean(),
    statusBefore: v.optional(progressStatusValidator),
    tmdbId: v.number(),
    mediaType: v.string(),
    state: titleStateValidator,
  }),
  handler: async (ctx, args) => {
    const undoId = ctx.db.normalizeId("undo_entries", args.undoId);
    if (undoId === null) fail("UNDO_UNAVAILABLE", "There is nothing to undo there.");
    const result = await applyUndo(ctx, ctx.actor.userId, undoId, translator(ctx.locale));
    const mediaType = parseMediaType(result.mediaType);
    return { ...result, state: await titleState(ctx, ctx.actor.userId, result.tmdbId, mediaType) };
  },
});
