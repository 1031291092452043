// Choosing the night: a poll of proposed times (/party poll), its winner, and who voted for it.
// The rest of a session's rules are in model/sessions.ts.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import { fail } from "./errors";
import { markBoardDirty, memberOf } from "./parties";
import { time, TimestampStyles } from "@discordjs/formatters";
import { mayManage, SESSION_MAX_AHEAD_MS } from "./sessions";
import { setGoing } from "./sessionRsvps";

/** Times one poll may offer (Discord's limit on answers) and how long it may stay open. */
export const POLL_OPTIONS_MAX = 10;
export const POLL_HOURS_MAX = 7 * 24;

/** Opens a poll of proposed times; its post and its closing are scheduled here. */
export async function startPoll(
  ctx: MutationCtx,
  actor: { discordUserId: string },
  party: Doc<"parties">,
  args: { options: Array<{ at: number; label: string }>; hours: number; canManageServer: boolean },
): Promise<Doc<"party_polls">> {
  mayManage(party, actor.discordUserId, args.canManageServer);
  if (!Number.isInteger(args.hours) || args.hours < 1 || args.hours > POLL_HOURS_MAX)
    fail("INVALID_ARGUMENT", `A poll stays open 1 to ${POLL_HOURS_MAX} hours.`);
  const now = Date.now();
  const closesAt = now + args.hours * 3_600_000;
  const byTime = new Map(args.options.map((o) => [o.at, o]));
  const options = [...byTime.values()].sort((a, b) => a.at - b.at);
  if (options.length < 2 || options.length > POLL_OPTIONS_MAX)
    fail("INVALID_ARGUMENT", `Propose 2 to ${POLL_OPTIONS_MAX} different times.`);
  for (const o of options) {
    if (!Number.isSafeInteger(o.at) || o.at <= closesAt + 60_000)
      fail("INVALID_ARGUMENT", "Every proposed time must come after the poll closes — propose later times, or a shorter poll (hours:).");
    if (o.at > now + SESSION_MAX_AHEAD_MS) fail("INVALID_ARGUMENT", "A proposed time is more than a year away.");
    if (o.label.length < 1 || o.label.length > 55) fail("INVALID_ARGUMENT", "An answer's text must be 1 to 55 characters.");
  }
  // One poll at a time, counting one still on its way to Discord (being posted, or waiting out a
  // 429 or an outage): read in this mutation's transaction, so two at once can't both pass.
  for (const state of ["posting", "open"] as const) {
    const open = await ctx.db
      .query("party_polls")
      .withIndex("by_party", (q) => q.eq("partyId", party._id).eq("state", state))
      .first();
    if (open !== null) {
      const posting = state === "posting" ? " (it is still being posted)" : "";
      fail(
        "INVALID_ARGUMENT",
        `This party already has a poll open${posting} until ${time(new Date(open.closesAt), TimestampStyles.ShortDateTime)} — wait for it to close before starting another.`,
      );
    }
  }
  const pollId = await ctx.db.insert("party_polls", {
    partyId: party._id,
    channelId: party.channelId,
    createdBy: actor.discordUserId,
    options,
    closesAt,
    state: "posting",
    createdAt: now,
  });
  await ctx.scheduler.runAfter(0, internal.sessions.polls.pollPost, { pollId, attempt: 0 });
  // Discord finalises results a moment after the end.
  await ctx.scheduler.runAt(closesAt + 5_000, internal.sessions.polls.pollClose, { pollId, attempt: 0 });
  return (await ctx.db.get(pollId))!;
}

/** The winner of a closed poll: most votes, the earlier time on a tie; null when nobody voted. */
export function pollWinner(
  options: ReadonlyArray<{ at: number }>,
  counts: ReadonlyArray<{ id: number; count: number }>,
): { at: number; votes: number } | null {
  let best: { at: number; votes: number } | null = null;
  options.forEach((o, i) => {
    const votes = counts.find((c) => c.id === i + 1)?.count ?? 0;
    if (votes > 0 && (best === null || votes > best.votes || (votes === best.votes && o.at < best.at))) best = { at: o.at, votes };
  });
  return best;
}

/**
 * The closed poll (the latest of the party's) whose winning time is `at`: confirming that time
 * makes those who voted for it Going.
 */
export async function pollWonBy(ctx: QueryCtx, partyId: Id<"parties">, at: number): Promise<Doc<"party_polls"> | null> {
  const closed = await ctx.db
    .query("party_polls")
    .withIndex("by_party", (q) => q.eq("partyId", partyId).eq("state", "closed"))
    .order("desc")
    .take(10);
  return closed.find((p) => p.winnerAt === at && p.messageId !== undefined) ?? null;
}

/** The poll answer (Discord's answer_id, from 1 in the order posted) that offered `at`. */
export function pollAnswerId(poll: Pick<Doc<"party_polls">, "options">, at: number): number | null {
  const i = poll.options.findIndex((o) => o.at === at);
  return i < 0 ? null : i + 1;
}

/**
 * Those who voted for the winning time, read from Discord after the host confirmed it, become
 * Going to the session (still scheduled at that time). Anyone who answered on the session's post
 * after the poll closed said so since: that answer stands. Returns how many became Going.
 */
export async function pollVotersGoing(
  ctx: MutationCtx,
  args: {
    sessionId: Id<"party_sessions">;
    at: number;
    pollId: Id<"party_polls">;
    voters: ReadonlyArray<{ discordUserId: string; name: string }>;
  },
): Promise<number> {
  const session = await ctx.db.get(args.sessionId);
  const poll = await ctx.db.get(args.pollId);
  if (session === null || poll === null || session.state !== "scheduled" || session.at !== args.at || poll.partyId !== session.partyId)
    return 0;
  const party = await ctx.db.get(session.partyId);
  if (party === null || party.state !== "active") return 0;
  const since = new Set(session.rsvps.filter((r) => r.at >= poll.closesAt).map((r) => r.discordUserId));
  const people: Array<{ discordUserId: string; name: string }> = [];
  for (const voter of args.voters) {
    if (
      !/^\d{15,22}$/.test(voter.discordUserId) ||
      since.has(voter.discordUserId) ||
      people.some((p) => p.discordUserId === voter.discordUserId)
    )
      continue;
    const member = await memberOf(ctx, party._id, voter.discordUserId);
    people.push({ discordUserId: voter.discordUserId, name: member?.displayName ?? voter.name });
  }
  const added = await setGoing(ctx, session._id, people);
  if (added > 0) await markBoardDirty(ctx, party._id);
  return added;
}
