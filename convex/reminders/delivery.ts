// Stalled-show reminders: the scan (a cron) and delivery through convex/lib/discord.ts. Logic lives
// in model/reminders.ts.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { interactionFollowUp, sendDirectMessage } from "../lib/discord";
import { reportTransactionCost } from "../lib/metrics";
import { finishSend, pruneSends, remindUser, scanPage, sendOutcome, type SendOutcome } from "../model/reminders";

// ── The scan ──────────────────────────────────────────────────────────────────

/** One page of due reminders; schedules the next page at once while a page comes back full. */
export const scan = internalMutation({
  args: {},
  returns: v.object({ read: v.number(), dms: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const result = await scanPage(ctx, Date.now());
    if (result.more) await ctx.scheduler.runAfter(0, internal.reminders.delivery.scan, {});
    await reportTransactionCost(ctx);
    return result;
  },
});

/** Forgets reminder DMs older than 30 days, a page at a time. */
export const prune = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    if (await pruneSends(ctx, Date.now())) await ctx.scheduler.runAfter(0, internal.reminders.delivery.prune, {});
    await reportTransactionCost(ctx);
    return null;
  },
});

/** One user's due reminders, at the end of their quiet hours. */
export const scanUser = internalMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    await remindUser(ctx, userId, Date.now());
    await reportTransactionCost(ctx);
    return null;
  },
});

// ── Delivery ──────────────────────────────────────────────────────────────────

export const pendingSend = internalQuery({
  args: { sendId: v.id("reminder_sends") },
  returns: v.union(v.null(), v.object({ discordUserId: v.string(), body: v.any(), nonce: v.string(), attempts: v.number() })),
  handler: async (ctx, { sendId }) => {
    const send = await ctx.db.get(sendId);
    await reportTransactionCost(ctx);
    if (send === null || send.state !== "pending") return null;
    return { discordUserId: send.discordUserId, body: send.body, nonce: send.nonce, attempts: send.attempts };
  },
});

const sendOutcomeValidator = v.union(
  v.object({ kind: v.literal("sent"), messageId: v.string() }),
  v.object({ kind: v.literal("closed") }),
  v.object({ kind: v.literal("refused"), message: v.string() }),
  v.object({ kind: v.literal("retry"), afterMs: v.number(), counts: v.boolean() }),
);

export const finish = internalMutation({
  args: { sendId: v.id("reminder_sends"), outcome: sendOutcomeValidator },
  returns: v.null(),
  handler: async (ctx, { sendId, outcome }) => {
    await finishSend(ctx, sendId, outcome);
    await reportTransactionCost(ctx);
    return null;
  },
});

/** Posts one queued DM (nonce + enforce_nonce: a retry after a lost answer returns the first message). */
export const deliver = internalAction({
  args: { sendId: v.id("reminder_sends") },
  returns: v.null(),
  handler: async (ctx, { sendId }) => {
    const send = await ctx.runQuery(internal.reminders.delivery.pendingSend, { sendId });
    if (send === null) return null;
    let outcome: SendOutcome;
    try {
      const result = await sendDirectMessage(send.discordUserId, { ...send.body, nonce: send.nonce, enforce_nonce: true });
      outcome = sendOutcome(result, send.attempts);
    } catch (error) {
      // A configuration problem or a bug: retried with backoff, then given up (never a loop).
      console.warn(`reminder DM ${sendId}: ${error instanceof Error ? error.message : String(error)}`);
      outcome = { kind: "retry", afterMs: 2_000 * 2 ** send.attempts, counts: true };
    }
    await ctx.runMutation(internal.reminders.delivery.finish, { sendId, outcome });
    return null;
  },
});

/** The follow-up that tells someone their DMs refused a reminder (ephemeral, on the interaction they just made). */
export const tellDmsClosed = internalAction({
  args: { applicationId: v.string(), token: v.string(), text: v.string() },
  returns: v.null(),
  handler: async (_ctx, { applicationId, token, text }) => {
    const sent = await interactionFollowUp(applicationId, token, { content: text, flags: 64, allowed_mentions: { parse: [] } });
    if (!sent.ok) console.warn(`could not tell a user their DMs are closed: ${JSON.stringify(sent).slice(0, 200)}`);
    return null;
  },
});
