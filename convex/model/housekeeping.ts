// Rows that only matter for a while — link codes, "were you there?" prompts, Undo entries — are
// deleted some time after they stop working, by a daily cron (convex/crons.ts). Each is kept a while
// past its expiry so a late click still gets "expired" rather than "not found"; a stored link
// request also holds a Discord interaction token, which should not outlive its use.
import type { MutationCtx } from "../_generated/server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long each kind of row is kept after it expires. */
export const KEEP_AFTER_EXPIRY_MS = {
  link_requests: DAY_MS,
  party_prompts: 7 * DAY_MS,
  undo_entries: DAY_MS,
} as const;
/** Rows deleted per table per transaction: small enough to stay well inside Convex's write limits. */
export const SWEEP_PAGE = 200;

export type SweepResult = { deleted: Record<keyof typeof KEEP_AFTER_EXPIRY_MS, number>; more: boolean };

/** Deletes one page of long-expired rows from each table; `more` when a table had a full page. */
export async function sweepExpired(ctx: MutationCtx, now: number): Promise<SweepResult> {
  const before = (table: keyof typeof KEEP_AFTER_EXPIRY_MS) => now - KEEP_AFTER_EXPIRY_MS[table];
  const links = await ctx.db.query("link_requests").withIndex("by_expires", (q) => q.lt("expiresAt", before("link_requests"))).take(SWEEP_PAGE);
  for (const row of links) await ctx.db.delete(row._id);
  const prompts = await ctx.db.query("party_prompts").withIndex("by_expires", (q) => q.lt("expiresAt", before("party_prompts"))).take(SWEEP_PAGE);
  for (const row of prompts) await ctx.db.delete(row._id);
  const undos = await ctx.db.query("undo_entries").withIndex("by_expires", (q) => q.lt("expiresAt", before("undo_entries"))).take(SWEEP_PAGE);
  for (const row of undos) await ctx.db.delete(row._id);
  return {
    deleted: { link_requests: links.length, party_prompts: prompts.length, undo_entries: undos.length },
    more: [links, prompts, undos].some((rows) => rows.length === SWEEP_PAGE),
  };
}
