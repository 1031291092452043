// Rows that only matter for a while — link codes, "were you there?" prompts, Undo entries, the bot's
// idempotency keys — are deleted some time after they stop working, by a daily cron (convex/crons.ts). Each is kept a while
// past its expiry so a late click still gets "expired" rather than "not found"; a stored link
// request also holds a Discord interaction token, which should not outlive its use.
import type { MutationCtx } from "../_generated/server";
import { sweepImportRuns } from "../imports/sweep";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SWEPT_TABLES = ["link_requests", "party_prompts", "undo_entries", "bot_idempotency", "import_runs"] as const;
export type SweptTable = (typeof SWEPT_TABLES)[number];

/** How long each kind of row is kept after it expires. */
export const KEEP_AFTER_EXPIRY_MS: Record<SweptTable, number> = {
  link_requests: DAY_MS,
  party_prompts: 7 * DAY_MS,
  undo_entries: DAY_MS,
  // A retry comes within the interaction's 15 minutes; after that the key is only storage.
  bot_idempotency: 0,
  // An import's undo window is its expiry (24 hours after it finished); its record goes then.
  import_runs: 0,
};
/**
 * Rows deleted per transaction, by table, so one page stays far inside Convex's 16 MiB read limit:
 * an Undo entry can list 2,000 episodes (~100 KB), link requests and prompts are a few hundred bytes.
 */
export const SWEEP_PAGE: Record<SweptTable, number> = {
  link_requests: 200,
  party_prompts: 200,
  undo_entries: 25,
  bot_idempotency: 200,
  // Runs a few at a time, each with a page of its staged titles (convex/imports/sweep.ts).
  import_runs: 5,
};

/** Deletes one page of one table's long-expired rows; `more` when the page was full. */
export async function sweepTable(ctx: MutationCtx, table: SweptTable, now: number): Promise<{ deleted: number; more: boolean }> {
  const before = now - KEEP_AFTER_EXPIRY_MS[table];
  if (table === "import_runs") return await sweepImportRuns(ctx, before);
  const page = SWEEP_PAGE[table];
  const rows =
    table === "link_requests"
      ? await ctx.db
          .query("link_requests")
          .withIndex("by_expires", (q) => q.lt("expiresAt", before))
          .take(page)
      : table === "party_prompts"
        ? await ctx.db
            .query("party_prompts")
            .withIndex("by_expires", (q) => q.lt("expiresAt", before))
            .take(page)
        : table === "undo_entries"
          ? await ctx.db
              .query("undo_entries")
              .withIndex("by_expires", (q) => q.lt("expiresAt", before))
              .take(page)
          : await ctx.db
              .query("bot_idempotency")
              .withIndex("by_expires", (q) => q.lt("expiresAt", before))
              .take(page);
  for (const row of rows) await ctx.db.delete(row._id);
  return { deleted: rows.length, more: rows.length === page };
}
