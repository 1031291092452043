// The server's list in the background: recounting who has seen each title, and the poll of
// titles — posted, then read when it closes, its votes kept and its winner posted with Schedule it.
// Discord is called as for session polls (convex/sessions/polls.ts): nonces, retries, no pings.
import { RESTJSONErrorCodes } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { retryDelay } from "../sessions/posts";
import { postMessage } from "../lib/discord";
import { readPollResults } from "../lib/pollResults";
import { entryView } from "../model/serverList";
import { pollWinner, recordPollVotes, recountStep } from "../model/serverListChoosing";
import { serverListPoll, serverListPollResult } from "../../src/views/server-list";

export const recountSeen = internalMutation({
  args: { guildId: v.string(), generation: v.number(), afterSeq: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    await recountStep(ctx, args);
    return null;
  },
});

/** Discord's nonce (≤ 25 characters): a hash of the poll's id, per post, so a retried post is not posted twice. */
function nonceOf(pollId: string, what: "poll" | "result"): string {
  let h = 0x811c9dc5;
  const key = `${pollId}:${what}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `sl${what[0]}${h.toString(36)}${pollId.slice(-12)}`.slice(0, 25);
}

export const pollPlan = internalQuery({
  args: { pollId: v.id("server_list_polls") },
  returns: v.union(
    v.null(),
    v.object({
      channelId: v.string(),
      messageId: v.union(v.string(), v.null()),
      closed: v.boolean(),
      body: v.any(),
      answers: v.number(),
    }),
  ),
  handler: async (ctx, { pollId }) => {
    const poll = await ctx.db.get(pollId);
    if (poll === null) return null;
    const list = await ctx.db
      .query("server_lists")
      .withIndex("by_guild", (q) => q.eq("guildId", poll.guildId))
      .unique();
    const entries = [];
    for (const option of poll.options) {
      const entry = await ctx.db.get(option.entryId);
      if (entry !== null) entries.push(entryView(entry));
    }
    const hours = Math.max(1, Math.round((poll.closesAt - poll.createdAt) / 3_600_000));
    return {
      channelId: poll.channelId,
      messageId: poll.messageId ?? null,
      closed: poll.state === "closed",
      body: serverListPoll({ entries, answers: poll.options.map((o) => o.label), members: list?.members ?? 0, hours }),
      answers: poll.options.length,
    };
  },
});

export const pollPosted = internalMutation({
  args: { pollId: v.id("server_list_polls"), messageId: v.string() },
  returns: v.null(),
  handler: async (ctx, { pollId, messageId }) => {
    const poll = await ctx.db.get(pollId);
    if (poll !== null && poll.state === "posting") await ctx.db.patch(pollId, { messageId, state: "open" });
    return null;
  },
});

export const pollPost = internalAction({
  args: { pollId: v.id("server_list_polls"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { pollId, attempt }) => {
    const plan = await ctx.runQuery(internal.serverList.jobs.pollPlan, { pollId });
    if (plan === null || plan.messageId !== null || plan.closed) return null;
    const sent = await postMessage(plan.channelId, { ...plan.body, nonce: nonceOf(pollId, "poll"), enforce_nonce: true });
    if (sent.ok) {
      await ctx.runMutation(internal.serverList.jobs.pollPosted, { pollId, messageId: sent.data.id });
      return null;
    }
    const delay = retryDelay(sent, attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.serverList.jobs.pollPost, { pollId, attempt: attempt + 1 });
      return null;
    }
    // Refused for good (a lost channel or permission): it is over, so it holds no new poll back.
    console.warn(`list poll ${pollId}: Discord refused the poll: ${JSON.stringify(sent)}`);
    await ctx.runMutation(internal.serverList.jobs.pollClosed, { pollId, counts: null });
    return null;
  },
});

/** Closes the poll (once): keeps its votes on the titles; returns what the result post needs, or null if already closed. */
export const pollClosed = internalMutation({
  args: { pollId: v.id("server_list_polls"), counts: v.union(v.null(), v.array(v.object({ id: v.number(), count: v.number() }))) },
  returns: v.union(v.null(), v.object({ body: v.any(), channelId: v.string() })),
  handler: async (ctx, { pollId, counts }) => {
    const poll = await ctx.db.get(pollId);
    if (poll === null || poll.state === "closed") return null;
    const winner = counts === null ? null : pollWinner(poll.options.length, counts);
    await ctx.db.patch(pollId, { state: "closed", winner: winner?.index ?? null });
    if (counts === null) return null;
    await recordPollVotes(ctx, poll, counts);
    const option = winner === null ? undefined : poll.options[winner.index];
    const entry = option === undefined ? null : await ctx.db.get(option.entryId);
    const body = serverListPollResult({
      winner:
        winner === null || option === undefined
          ? null
          : {
              entry: { title: entry?.title ?? option.label, year: entry?.year, mediaType: option.mediaType, tmdbId: option.tmdbId },
              votes: winner.votes,
            },
      startedBy: poll.createdBy,
      closedAt: poll.closesAt,
    });
    return { body, channelId: poll.channelId };
  },
});

/** Reads the closed poll's results and posts the winner with Schedule it for whoever started it. */
export const pollClose = internalAction({
  args: { pollId: v.id("server_list_polls"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { pollId, attempt }) => {
    const plan = await ctx.runQuery(internal.serverList.jobs.pollPlan, { pollId });
    if (plan === null || plan.closed) return null;
    if (plan.messageId === null) {
      // Never posted (Discord refused it): nothing to read.
      await ctx.runMutation(internal.serverList.jobs.pollClosed, { pollId, counts: null });
      return null;
    }
    const reading = await readPollResults(plan.channelId, plan.messageId, attempt);
    if (reading.kind === "later") {
      await ctx.scheduler.runAfter(reading.delayMs, internal.serverList.jobs.pollClose, { pollId, attempt: attempt + 1 });
      return null;
    }
    const { read } = reading;
    if (!read.ok && read.kind === "refused" && read.code !== RESTJSONErrorCodes.UnknownMessage)
      console.warn(`list poll ${pollId}: could not read it: ${JSON.stringify(read)}`);
    // Only the numbers (Discord's counts carry me_voted too), and only answers the poll has.
    const counts = reading.counts
      .filter((c) => Number.isInteger(c?.id) && Number.isInteger(c?.count) && c.id >= 1 && c.id <= plan.answers && c.count >= 0)
      .map((c) => ({ id: c.id, count: c.count }));
    const result = await ctx.runMutation(internal.serverList.jobs.pollClosed, { pollId, counts });
    if (result === null) return null;
    const sent = await postMessage(result.channelId, { ...result.body, nonce: nonceOf(pollId, "result"), enforce_nonce: true });
    if (!sent.ok) console.warn(`list poll ${pollId}: could not post the result: ${JSON.stringify(sent)}`);
    return null;
  },
});
