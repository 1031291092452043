// Repair, run by hand: npx convex run linking/repair:repairOrphanedAccounts
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { repairAccounts } from "../model/link";

// ─────────────────────────────────────────────────────────── repair

const REPAIR_PAGE = 200;

/**
 * Finds Discord accounts pointing at a profile that no longer exists and repairs them: each
 * goes back to its Discord-only guest profile, unlinked, with its party memberships. Such
 * accounts came from an unlink forced by Clerk while the person's Discord history was still
 * moving (today that unlink waits for the move). Run with
 * `npx convex run linking/repair:repairOrphanedAccounts` (add `'{"dryRun": true}'` to only list them);
 * each page of 200 accounts schedules the next, and the log names every repaired account.
 */
export const repairOrphanedAccounts = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())), dryRun: v.optional(v.boolean()) },
  returns: v.object({ checked: v.number(), orphaned: v.array(v.string()), repaired: v.boolean(), isDone: v.boolean() }),
  handler: async (ctx, { cursor = null, dryRun = false }) => {
    const page = await ctx.db.query("discord_accounts").paginate({ cursor, numItems: REPAIR_PAGE });
    const { repaired } = await repairAccounts(ctx, page.page, dryRun);
    if (repaired.length > 0)
      console.log(
        `${dryRun ? "Would repair" : "Repaired"} ${repaired.length} Discord account(s) pointing at a missing profile: ${repaired.join(", ")}`,
      );
    if (!page.isDone)
      await ctx.scheduler.runAfter(0, internal.linking.repair.repairOrphanedAccounts, { cursor: page.continueCursor, dryRun });
    return { checked: page.page.length, orphaned: repaired, repaired: !dryRun && repaired.length > 0, isDone: page.isDone };
  },
});
