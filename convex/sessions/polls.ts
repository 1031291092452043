// Choosing the night: the /party poll's post, its close, the winner with Confirm for the host,
// and who voted for it (asked to RSVP).
import { RESTJSONErrorCodes, Routes } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { retryDelay } from "./posts";
import { discordRequest, postMessage } from "../lib/discord";
import { readPollResults } from "../lib/pollResults";
import { hostless, partyLabel } from "../model/parties";
import { sessionNonce } from "../model/sessions";
import { RSVPS_MAX } from "../model/sessionRsvps";
import { pollAnswerId, pollVotersGoing, pollWinner } from "../model/sessionPolls";
import { sessionPoll, sessionPollPartyEnded, sessionPollResult } from "../../src/views/session";

// ---------------------------------------------------------------- choosing the night (polls)

export const pollPlan = internalQuery({
  args: { pollId: v.id("party_polls") },
  returns: v.union(
    v.null(),
    v.object({
      channelId: v.string(),
      messageId: v.union(v.string(), v.null()),
      nonce: v.string(),
      body: v.any(),
      partyId: v.string(),
      label: v.string(),
      /** Who hosts the party, to press Confirm; null when nobody does (its last member left). */
      hostId: v.union(v.string(), v.null()),
      /** The party still runs: an ended party's poll closes without a winner to confirm. */
      partyActive: v.boolean(),
      closed: v.boolean(),
      options: v.array(v.object({ at: v.number(), label: v.string() })),
    }),
  ),
  handler: async (ctx, { pollId }) => {
    const poll = await ctx.db.get(pollId);
    if (poll === null) return null;
    const party = await ctx.db.get(poll.partyId);
    if (party === null) return null;
    const label = partyLabel(party);
    const hours = Math.max(1, Math.round((poll.closesAt - poll.createdAt) / 3_600_000));
    return {
      channelId: poll.channelId,
      messageId: poll.messageId ?? null,
      nonce: sessionNonce(pollId, "announce", poll.closesAt),
      body: sessionPoll({ partyLabel: label, options: poll.options, hours }),
      partyId: party._id,
      label,
      hostId: hostless(party) ? null : party.hostDiscordUserId,
      partyActive: party.state === "active",
      closed: poll.state === "closed",
      options: poll.options,
    };
  },
});

export const pollPosted = internalMutation({
  args: { pollId: v.id("party_polls"), messageId: v.string() },
  returns: v.null(),
  handler: async (ctx, { pollId, messageId }) => {
    const poll = await ctx.db.get(pollId);
    if (poll !== null && poll.state === "posting") await ctx.db.patch(pollId, { messageId, state: "open" });
    return null;
  },
});

export const pollPost = internalAction({
  args: { pollId: v.id("party_polls"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { pollId, attempt }) => {
    const plan = await ctx.runQuery(internal.sessions.polls.pollPlan, { pollId });
    if (plan === null || plan.messageId !== null || plan.closed) return null;
    if (!plan.partyActive) {
      // The party ended before its poll went up: it never will.
      await ctx.runMutation(internal.sessions.polls.pollClosed, { pollId, winnerAt: null });
      return null;
    }
    const sent = await postMessage(plan.channelId, { ...plan.body, nonce: plan.nonce, enforce_nonce: true });
    if (sent.ok) {
      await ctx.runMutation(internal.sessions.polls.pollPosted, { pollId, messageId: sent.data.id });
      return null;
    }
    const delay = retryDelay(sent, attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.polls.pollPost, { pollId, attempt: attempt + 1 });
      return null;
    }
    // Refused for good (a lost channel or permission): it is over, so it holds no new poll back.
    console.warn(`poll ${pollId}: Discord refused the poll: ${JSON.stringify(sent)}`);
    await ctx.runMutation(internal.sessions.polls.pollClosed, { pollId, winnerAt: null });
    return null;
  },
});

export const pollClosed = internalMutation({
  args: { pollId: v.id("party_polls"), winnerAt: v.union(v.number(), v.null()) },
  returns: v.boolean(),
  handler: async (ctx, { pollId, winnerAt }) => {
    const poll = await ctx.db.get(pollId);
    if (poll === null || poll.state === "closed") return false;
    await ctx.db.patch(pollId, { state: "closed", winnerAt });
    return true;
  },
});

/** Reads the closed poll's results and posts the winner with Confirm for the host. */
export const pollClose = internalAction({
  args: { pollId: v.id("party_polls"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { pollId, attempt }) => {
    const plan = await ctx.runQuery(internal.sessions.polls.pollPlan, { pollId });
    if (plan === null) return null;
    if (plan.messageId === null) {
      // Never posted (Discord refused it): nothing to read.
      await ctx.runMutation(internal.sessions.polls.pollClosed, { pollId, winnerAt: null });
      return null;
    }
    if (!plan.partyActive) {
      // The party ended while it was open: voting ends now, there is no winner to confirm, and the
      // channel is told why.
      if (!(await ctx.runMutation(internal.sessions.polls.pollClosed, { pollId, winnerAt: null }))) return null;
      const expired = await discordRequest<unknown>("POST", Routes.expirePoll(plan.channelId, plan.messageId) as `/${string}`);
      if (!expired.ok && !(expired.kind === "refused" && expired.code === RESTJSONErrorCodes.PollExpired))
        console.warn(`poll ${pollId}: could not end it on Discord: ${JSON.stringify(expired)}`);
      const sent = await postMessage(plan.channelId, {
        ...sessionPollPartyEnded({ partyLabel: plan.label }),
        nonce: sessionNonce(pollId, "after", 0),
        enforce_nonce: true,
      });
      if (!sent.ok) console.warn(`poll ${pollId}: could not post that the party ended: ${JSON.stringify(sent)}`);
      return null;
    }
    const reading = await readPollResults(plan.channelId, plan.messageId, attempt);
    if (reading.kind === "later") {
      await ctx.scheduler.runAfter(reading.delayMs, internal.sessions.polls.pollClose, { pollId, attempt: attempt + 1 });
      return null;
    }
    const winner = pollWinner(plan.options, reading.counts);
    if (!(await ctx.runMutation(internal.sessions.polls.pollClosed, { pollId, winnerAt: winner?.at ?? null }))) return null;
    const body = sessionPollResult({
      partyId: plan.partyId,
      partyLabel: plan.label,
      hostId: plan.hostId,
      winner,
      passed: winner !== null && winner.at < Date.now() + 60_000,
    });
    const sent = await postMessage(plan.channelId, { ...body, nonce: sessionNonce(pollId, "after", 0), enforce_nonce: true });
    if (!sent.ok) console.warn(`poll ${pollId}: could not post the result: ${JSON.stringify(sent)}`);
    return null;
  },
});

/** Who voted for the confirmed winner, as pollVoters needs to ask Discord; null when it no longer applies. */
export const votersPlan = internalQuery({
  args: { pollId: v.id("party_polls"), sessionId: v.id("party_sessions"), at: v.number() },
  returns: v.union(v.null(), v.object({ channelId: v.string(), messageId: v.string(), answerId: v.number() })),
  handler: async (ctx, { pollId, sessionId, at }) => {
    const poll = await ctx.db.get(pollId);
    const session = await ctx.db.get(sessionId);
    if (poll === null || session === null || poll.messageId === undefined || session.state !== "scheduled" || session.at !== at)
      return null;
    const answerId = pollAnswerId(poll, at);
    return answerId === null ? null : { channelId: poll.channelId, messageId: poll.messageId, answerId };
  },
});

export const votersGoing = internalMutation({
  args: {
    pollId: v.id("party_polls"),
    sessionId: v.id("party_sessions"),
    at: v.number(),
    voters: v.array(v.object({ discordUserId: v.string(), name: v.string() })),
  },
  returns: v.number(),
  handler: async (ctx, args) => await pollVotersGoing(ctx, args),
});

/** Discord's page size for a poll answer's voters (its maximum). */
const VOTERS_PAGE = 100;

/** One page of Discord's voters, checked: people (not bots) with a well-formed id, and the page's last id. */
function readVoters(data: unknown): { voters: Array<{ discordUserId: string; name: string }>; last: string | null; full: boolean } {
  const users = Array.isArray((data as { users?: unknown } | null)?.users) ? (data as { users: unknown[] }).users : [];
  const voters: Array<{ discordUserId: string; name: string }> = [];
  let last: string | null = null;
  for (const user of users) {
    if (typeof user !== "object" || user === null) continue;
    const { id, bot, username, global_name } = user as { id?: unknown; bot?: unknown; username?: unknown; global_name?: unknown };
    if (typeof id !== "string" || !/^\d{15,22}$/.test(id)) continue;
    last = id;
    if (bot === true) continue;
    const name =
      typeof global_name === "string" && global_name.trim() !== "" ? global_name : typeof username === "string" ? username : "Someone";
    voters.push({ discordUserId: id, name: name.slice(0, 100) });
  }
  return { voters, last, full: users.length >= VOTERS_PAGE };
}

/**
 * After the host confirmed a poll's winner: reads who voted for it from Discord (GET
 * /channels/{c}/polls/{m}/answers/{a}, a page of 100 at a time) and marks them Going. Retried like
 * the posts; a poll Discord no longer has changes nothing.
 */
export const pollVoters = internalAction({
  args: { pollId: v.id("party_polls"), sessionId: v.id("party_sessions"), at: v.number(), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const plan = await ctx.runQuery(internal.sessions.polls.votersPlan, { pollId: args.pollId, sessionId: args.sessionId, at: args.at });
    if (plan === null) return null;
    const voters: Array<{ discordUserId: string; name: string }> = [];
    let after: string | null = null;
    while (voters.length < RSVPS_MAX) {
      const route =
        `${Routes.pollAnswerVoters(plan.channelId, plan.messageId, plan.answerId)}?limit=${VOTERS_PAGE}${after !== null ? `&after=${after}` : ""}` as const;
      const read = await discordRequest<unknown>("GET", route as `/${string}`);
      if (!read.ok) {
        const delay = retryDelay(read, args.attempt);
        if (delay !== null) await ctx.scheduler.runAfter(delay, internal.sessions.polls.pollVoters, { ...args, attempt: args.attempt + 1 });
        else console.warn(`poll ${args.pollId}: could not read who voted for the winner: ${JSON.stringify(read)}`);
        return null;
      }
      const page = readVoters(read.data);
      voters.push(...page.voters);
      if (!page.full || page.last === null) break;
      after = page.last;
    }
    await ctx.runMutation(internal.sessions.polls.votersGoing, {
      pollId: args.pollId,
      sessionId: args.sessionId,
      at: args.at,
      voters: voters.slice(0, RSVPS_MAX),
    });
    return null;
  },
});
