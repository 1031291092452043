// Joining a party on the way to something else (saying Going to its watch-along, clicking "I was
// there"), shared by both: apart from model/parties.ts because it summarises the member's progress
// (model/episodes.ts), which itself builds on model/parties.ts.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { summaryForWrite } from "./episodes";
import { joinParty, memberOf, MEMBERS_PER_PARTY } from "./parties";

/**
 * Joins someone not yet in the party, unless it is full. `member`: whether they are in it now;
 * `joined`: this call put them there; `partyFull`: they aren't, for want of room.
 */
export async function joinUnlessFull(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  party: Doc<"parties">,
  displayName: string,
): Promise<{ member: boolean; joined: boolean; partyFull: boolean }> {
  if ((await memberOf(ctx, party._id, actor.discordUserId)) !== null) return { member: true, joined: false, partyFull: false };
  if ((party.memberCount ?? 0) >= MEMBERS_PER_PARTY) return { member: false, joined: false, partyFull: true };
  await joinParty(ctx, actor, party, displayName);
  // The board shows all of a new member's progress, not the first page of it.
  await summaryForWrite(ctx, actor.userId, party.tmdbId);
  return { member: true, joined: true, partyFull: false };
}
