// Who is in a watch party: joining (unless full), leaving, and the host — passed on when they
// leave, handed over or a member removed by the host or someone with Manage Server.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { fail } from "./errors";
import { summaryForWrite } from "./episodes";
import { forgetMovieNights } from "./sessionWatched";
import { internal } from "../_generated/api";
import {
  checkHostOrManager,
  cleanName,
  dropRsvp,
  EMPTY_PARTY_MS,
  hostedBy,
  hostless,
  markBoardDirty,
  memberOf,
  MEMBERS_PER_PARTY,
  NO_HOST,
  plainLabel,
} from "./parties";

/**
 * Joins, bringing the progress the member already has. `already` when they were in; `host`
 * when nobody was in it, so they host it now.
 */
export async function joinParty(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  party: Doc<"parties">,
  displayName: string,
): Promise<{ already: boolean; host: boolean }> {
  const existing = await memberOf(ctx, party._id, actor.discordUserId);
  const name = cleanName(displayName, 100);
  if (existing !== null) {
    if (name !== undefined && name !== existing.displayName) {
      await ctx.db.patch(existing._id, { displayName: name });
      if (party.hostDiscordUserId === actor.discordUserId) await ctx.db.patch(party._id, { hostName: name });
      await markBoardDirty(ctx, party._id);
    }
    return { already: true, host: false };
  }
  const count = party.memberCount ?? 0;
  if (count >= MEMBERS_PER_PARTY) fail("INVALID_ARGUMENT", `This watch party is full (${MEMBERS_PER_PARTY} members).`);
  await ctx.db.insert("party_members", {
    partyId: party._id,
    discordUserId: actor.discordUserId,
    userId: actor.userId,
    displayName: name,
    tmdbId: party.tmdbId,
    active: true,
    joinedAt: Date.now(),
  });
  // Nobody hosted it (its last member had left): whoever comes in first hosts it.
  const host = hostless(party);
  await ctx.db.patch(party._id, {
    memberCount: count + 1,
    emptySince: undefined,
    ...(host
      ? {
          hostDiscordUserId: actor.discordUserId,
          hostName: name ?? "the host",
          ...(party.paused ? { paused: { ...party.paused, hostTold: false } } : {}),
        }
      : {}),
  });
  await markBoardDirty(ctx, party._id);
  return { already: false, host };
}

/** Who hosts a party after its host left: a member (the one in it longest), or null when nobody is in it. */
export type NextHost = { discordUserId: string; name: string } | null;

/**
 * Takes someone out of a party (they left, were removed, or deleted their data). A host's party
 * passes to whoever has been in it longest; a party left empty has no host (the next to join
 * hosts it) and ends by itself after EMPTY_PARTY_MS. `host`: who hosts it now, when the host left.
 */
export async function leaveParty(
  ctx: MutationCtx,
  discordUserId: string,
  party: Doc<"parties">,
): Promise<{ left: boolean; host?: NextHost }> {
  const existing = await memberOf(ctx, party._id, discordUserId);
  if (existing === null) return { left: false };
  await ctx.db.delete(existing._id);
  const memberCount = Math.max(0, (party.memberCount ?? 1) - 1);
  await ctx.db.patch(party._id, { memberCount });
  await dropRsvp(ctx, party._id, discordUserId);
  let host: NextHost | undefined;
  if (party.hostDiscordUserId === discordUserId) host = await passHosting(ctx, party);
  if (memberCount === 0) {
    const emptySince = Date.now();
    await ctx.db.patch(party._id, { emptySince });
    await ctx.scheduler.runAfter(EMPTY_PARTY_MS, internal.parties.lifecycle.endIfEmpty, { partyId: party._id });
  }
  await markBoardDirty(ctx, party._id);
  return { left: true, ...(host !== undefined ? { host } : {}) };
}

/** Hands a party whose host left to the member in it longest; with nobody in it, to nobody. */
async function passHosting(ctx: MutationCtx, party: Doc<"parties">): Promise<NextHost> {
  const members = await ctx.db
    .query("party_members")
    .withIndex("by_party", (q) => q.eq("partyId", party._id))
    .take(MEMBERS_PER_PARTY);
  const next = members.sort((a, b) => a.joinedAt - b.joinedAt)[0];
  if (next === undefined) {
    await ctx.db.patch(party._id, { hostDiscordUserId: NO_HOST, hostName: undefined });
    return null;
  }
  await setHost(ctx, party, next);
  return { discordUserId: next.discordUserId, name: next.displayName ?? "a member" };
}

async function setHost(ctx: MutationCtx, party: Doc<"parties">, member: Doc<"party_members">): Promise<void> {
  // A paused board is news to the new host: told on their next /party, as the first host was.
  await ctx.db.patch(party._id, {
    hostDiscordUserId: member.discordUserId,
    hostName: member.displayName ?? "the host",
    ...(party.paused ? { paused: { ...party.paused, hostTold: false } } : {}),
  });
}

/**
 * Someone leaves every party they are in (they deleted their Discord data): as if they had left
 * each — their place is freed, their RSVP goes, the board drops their line, and a party they
 * hosted passes to a member (or waits for one).
 */
export async function leaveAllParties(ctx: MutationCtx, discordUserId: string): Promise<void> {
  for (const member of await ctx.db
    .query("party_members")
    .withIndex("by_member", (q) => q.eq("discordUserId", discordUserId))
    .take(500)) {
    const party = await ctx.db.get(member.partyId);
    await forgetMovieNights(ctx, member.partyId, discordUserId);
    if (party === null) await ctx.db.delete(member._id);
    else await leaveParty(ctx, discordUserId, party);
  }
  // A party they host without being in it (hosted before hosts always were members) goes too.
  for (const party of await hostedBy(ctx, discordUserId)) {
    if ((await passHosting(ctx, party)) === null && party.emptySince === undefined) {
      await ctx.db.patch(party._id, { emptySince: Date.now() });
      await ctx.scheduler.runAfter(EMPTY_PARTY_MS, internal.parties.lifecycle.endIfEmpty, { partyId: party._id });
    }
    await markBoardDirty(ctx, party._id);
  }
}

/** Hands a party to one of its members (the host, or someone with Manage Server). */
export async function transferHost(
  ctx: MutationCtx,
  discordUserId: string,
  party: Doc<"parties">,
  to: string,
  canManageServer: boolean,
): Promise<{ name: string }> {
  checkHostOrManager(party, discordUserId, canManageServer, "hand it to someone else");
  if (to === party.hostDiscordUserId) fail("INVALID_ARGUMENT", to === discordUserId ? "You already host it." : "They already host it.");
  const member = await memberOf(ctx, party._id, to);
  if (member === null)
    fail("INVALID_ARGUMENT", `They aren't in **${plainLabel(party)}** — only a member can host it (they can join with /party join).`);
  await setHost(ctx, party, member);
  await markBoardDirty(ctx, party._id);
  return { name: member.displayName ?? "a member" };
}

/** Takes a member out of a party (the host, or someone with Manage Server); the host is handed over first. */
export async function removeMember(
  ctx: MutationCtx,
  discordUserId: string,
  party: Doc<"parties">,
  who: string,
  canManageServer: boolean,
): Promise<{ name: string; host?: NextHost }> {
  checkHostOrManager(party, discordUserId, canManageServer, "remove a member");
  if (who === discordUserId) fail("INVALID_ARGUMENT", "To leave the party yourself, use /party leave.");
  const member = await memberOf(ctx, party._id, who);
  if (member === null) fail("INVALID_ARGUMENT", `They aren't in **${plainLabel(party)}**.`);
  const { host } = await leaveParty(ctx, who, party);
  return { name: member.displayName ?? "a member", ...(host !== undefined ? { host } : {}) };
}

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
  // The board shows all of a new member's progress, not the first page of it (a movie has no episodes).
  if (party.mediaType !== "movie") await summaryForWrite(ctx, actor.userId, party.tmdbId);
  return { member: true, joined: true, partyFull: false };
}
