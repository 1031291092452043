// How a running import shows itself: Convex edits the person's reply through the interaction's
// webhook while its token is valid (15 minutes), at most every EDIT_EVERY_MS; the final message —
// the preview, or the finished import — goes by DM when the token has run out.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery, type MutationCtx } from "../_generated/server";
import { discordRequest, sendDirectMessage } from "../lib/discord";
import { translator } from "../../src/i18n";
import { discordAccount, parseDiscordUserId } from "../model/users";
import { importMessage } from "../../src/views/import";
import { restMessageBody } from "../../src/views/message";
import { runView } from "./runs";

/** The fewest milliseconds between two progress edits of one reply. */
export const EDIT_EVERY_MS = 2_000;
/** An interaction token lasts 15 minutes; edits stop a little before. */
const TOKEN_LIFE_MS = 14 * 60 * 1000;

/** Schedules an edit of the run's reply: always when `final`, else at most every EDIT_EVERY_MS. */
export async function scheduleEdit(ctx: MutationCtx, run: Doc<"import_runs">, final: boolean): Promise<void> {
  const now = Date.now();
  if (!final && (run.editPending === true || now - (run.lastEditAt ?? 0) < EDIT_EVERY_MS)) return;
  await ctx.db.patch(run._id, { lastEditAt: now, editPending: true });
  await ctx.scheduler.runAfter(final ? 0 : Math.max(0, (run.lastEditAt ?? 0) + EDIT_EVERY_MS - now), internal.imports.notify.sendEdit, {
    runId: run._id,
    final,
  });
}

export const editTarget = internalQuery({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run === null) return null;
    // The person's language as their last command left it on their account (docs/localisation.md).
    const account = await discordAccount(ctx, parseDiscordUserId(run.discordUserId));
    return { reply: run.reply ?? null, discordUserId: run.discordUserId, locale: account?.locale, view: await runView(ctx, run) };
  },
});

export const edited = internalMutation({
  args: { runId: v.id("import_runs") },
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get(runId);
    if (run !== null) await ctx.db.patch(runId, { editPending: false, lastEditAt: Date.now() });
  },
});

/** Edits the reply with where the run is now (a DM instead, for a final message once the token is spent). */
export const sendEdit = internalAction({
  args: { runId: v.id("import_runs"), final: v.boolean() },
  handler: async (ctx, { runId, final }) => {
    const target = await ctx.runQuery(internal.imports.notify.editTarget, { runId });
    if (target === null) return;
    await ctx.runMutation(internal.imports.notify.edited, { runId });
    const body = restMessageBody(importMessage(target.view, translator(target.locale)));
    const reply = target.reply;
    if (
      reply !== null &&
      Date.now() < reply.tokenAt + TOKEN_LIFE_MS &&
      /^[\x21-\x7e]{1,500}$/.test(reply.token) &&
      /^\d{15,22}$/.test(reply.applicationId)
    ) {
      const sent = await discordRequest("PATCH", `/webhooks/${reply.applicationId}/${encodeURIComponent(reply.token)}/messages/@original`, {
        body,
      });
      if (sent.ok || !final) {
        if (!sent.ok) console.warn(`import ${runId}: could not edit the reply: ${JSON.stringify(sent).slice(0, 200)}`);
        return;
      }
    }
    if (!final) return;
    const dm = await sendDirectMessage(target.discordUserId, body);
    if (!dm.ok) console.warn(`import ${runId}: could not DM the result: ${JSON.stringify(dm).slice(0, 200)}`);
  },
});
