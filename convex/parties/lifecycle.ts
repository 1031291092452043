// A party's own timers: one nobody has been in for EMPTY_PARTY_MS ends by itself.
import { v } from "convex/values";
import { internalMutation } from "../_generated/server";
import { closeParty, EMPTY_PARTY_MS } from "../model/parties";

/** A party nobody has been in for EMPTY_PARTY_MS ends by itself (scheduled when its last member left). */
export const endIfEmpty = internalMutation({
  args: { partyId: v.id("parties") },
  returns: v.boolean(),
  handler: async (ctx, { partyId }) => {
    const party = await ctx.db.get(partyId);
    // Someone joined since (and maybe left again, which scheduled its own check).
    if (
      party === null ||
      party.state !== "active" ||
      (party.memberCount ?? 0) > 0 ||
      party.emptySince === undefined ||
      party.emptySince + EMPTY_PARTY_MS > Date.now()
    )
      return false;
    await closeParty(ctx, party);
    return true;
  },
});
