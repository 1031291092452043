// A session's posts in the party's channel (announce, reminder, start, after, cancelled), made
// and retired through convex/lib/discord.ts, with retries for Discord's rate limits and outages.
import { RESTJSONErrorCodes, type RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { editMessage, postMessage, type DiscordResult } from "../lib/discord";
import { episodesLabel, hostless, partyLabel } from "../model/parties";
import { postKey, postMessageId, retirePost, sessionNonce, type SessionPost } from "../model/sessions";
import { going, goingBut } from "../model/sessionRsvps";
import { NO_MENTIONS } from "../../src/views/message";
import {
  movieNightAfter,
  sessionAfter,
  sessionCancelled,
  sessionPost,
  sessionPostClosed,
  sessionReminder,
  sessionStart,
  type SessionPostNow,
} from "../../src/views/session";

const postKind = v.union(v.literal("announce"), v.literal("reminder"), v.literal("start"), v.literal("after"), v.literal("cancelled"));

// ---------------------------------------------------------------- posts

/** The host a session's post names: none for a party nobody hosts now (its last member left). */
const hostNamed = (party: Doc<"parties">): { hostName?: string } => (hostless(party) ? {} : { hostName: party.hostName ?? "the host" });

/** What a session post is asked for with (schedulePost), carried unchanged across retries. */
const postArgs = {
  sessionId: v.id("party_sessions"),
  kind: postKind,
  /** The session's time the post was asked for (optional only for posts queued before it was passed). */
  at: v.optional(v.number()),
  promptId: v.optional(v.id("party_prompts")),
  movedFrom: v.optional(v.number()),
  /** An announcement's own mark (model/sessions.ts's schedulePost): its nonce. */
  announced: v.optional(v.number()),
  /** Who cancelled it (a "cancelled" post pings the others who said Going). */
  by: v.optional(v.string()),
};

/**
 * The post to make now, or null when it was made already or no longer applies: `at` is the time
 * it was asked for (a reminder queued just before a move is not posted for the new time).
 */
export const render = internalQuery({
  args: postArgs,
  returns: v.union(v.null(), v.object({ channelId: v.string(), nonce: v.string(), at: v.number(), body: v.any() })),
  handler: async (ctx, { sessionId, kind, at, promptId, movedFrom, announced, by }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null || (at !== undefined && session.at !== at) || session.posted.includes(postKey(kind, session.at))) return null;
    const party = await ctx.db.get(session.partyId);
    if (party === null || party.paused?.channelGone) return null;
    // A party that ended takes no more answers and pings nobody.
    if ((kind === "announce" || kind === "reminder") && party.state !== "active") return null;
    const label = partyLabel(party);
    let body: RESTPostAPIChannelMessageJSONBody;
    switch (kind) {
      case "announce":
        if (session.state !== "scheduled") return null;
        body = sessionPost({
          sessionId,
          partyLabel: label,
          at: session.at,
          weekly: session.repeat === "weekly",
          ...hostNamed(party),
          // Whoever moved it knows: it pings the others going.
          ...(movedFrom !== undefined && movedFrom !== session.at
            ? { moved: { from: movedFrom, answers: session.rsvps.length, going: goingBut(session, session.scheduledBy) } }
            : {}),
        });
        break;
      case "reminder":
        if (session.state !== "scheduled") return null;
        body = sessionReminder({ partyLabel: label, at: session.at, minutes: session.reminderMinutes, going: going(session) });
        break;
      case "start":
        body = sessionStart({ partyLabel: label, going: going(session) });
        break;
      case "cancelled":
        body = sessionCancelled({ partyLabel: label, at: session.at, going: goingBut(session, by) });
        break;
      case "after": {
        const prompt = promptId === undefined ? null : await ctx.db.get(promptId);
        if (prompt === null) return null;
        if (prompt.movie === true) {
          body = movieNightAfter({ promptId: prompt._id, title: party.title, expiresAt: prompt.expiresAt });
          break;
        }
        body = sessionAfter({
          promptId: prompt._id,
          showTitle: party.title,
          what: episodesLabel(prompt.season, prompt.episodes),
          expiresAt: prompt.expiresAt,
        });
        break;
      }
    }
    return { channelId: session.channelId, nonce: sessionNonce(sessionId, kind, session.at, announced), at: session.at, body };
  },
});

export const recordPost = internalMutation({
  args: { sessionId: v.id("party_sessions"), kind: postKind, at: v.number(), messageId: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { sessionId, kind, at, messageId }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null) return null;
    const key = postKey(kind as SessionPost, at);
    if (!session.posted.includes(key)) {
      await ctx.db.patch(sessionId, { posted: [...session.posted, key].slice(-20) });
      // `/party threads on`: tonight's talk goes in a thread started from the start post.
      if (kind === "start" && messageId !== undefined && (await ctx.db.get(session.partyId))?.threads === true)
        await ctx.scheduler.runAfter(0, internal.sessions.threads.openThread, { sessionId, messageId, attempt: 0 });
    }
    if (kind === "announce" && messageId !== undefined) {
      // The session moved, was cancelled or started while its post was on the way: edit it now.
      if (session.state !== "scheduled" || session.at !== at) await retirePost(ctx, session, at, messageId);
      else {
        // This post is the session's post for its time now. One recorded for the same time before
        // it (two announcements that crossed) stops taking answers.
        const before = postMessageId(session, at);
        if (before !== messageId) {
          await ctx.db.patch(sessionId, {
            postMessages: [...(session.postMessages ?? []).filter((p) => p.at !== at), { at, messageId }].slice(-10),
          });
          if (before !== null) await retirePost(ctx, session, at, before);
        }
      }
    }
    return null;
  },
});

/** Waits for a retry: Discord's retry_after on a 429, backoff for outages; null = give up. */
export function retryDelay(result: DiscordResult<unknown>, attempt: number): number | null {
  if (result.ok) return null;
  if (result.kind === "rate_limited") return result.retryAfterMs + 50;
  if (result.kind === "unavailable" && attempt < 8) return Math.min(5 * 60_000, 1_000 * 2 ** attempt);
  return null;
}

export const deliver = internalAction({
  args: { ...postArgs, attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { attempt: _attempt, ...asked } = args;
    const post = await ctx.runQuery(internal.sessions.posts.render, asked);
    if (post === null) return null;
    const sent = await postMessage(post.channelId, { ...post.body, nonce: post.nonce, enforce_nonce: true });
    if (sent.ok) {
      await ctx.runMutation(internal.sessions.posts.recordPost, {
        sessionId: args.sessionId,
        kind: args.kind,
        at: post.at,
        messageId: sent.data.id,
      });
      return null;
    }
    const delay = retryDelay(sent, args.attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.posts.deliver, { ...args, attempt: args.attempt + 1 });
      return null;
    }
    // A lost channel or permission: the party's board pauses and tells the host; nothing to repeat here.
    console.warn(`session ${args.sessionId}: the ${args.kind} post was refused: ${JSON.stringify(sent)}`);
    return null;
  },
});

/**
 * What a session's old post says now (made for time `at`), or null when it still stands (it is
 * the session's post for its time). A post for the time the session has again, after moving away
 * and back, says it was posted again. `refresh`: a post that still stands is shown as it is now
 * (its repeat changed), with its buttons and without pinging again.
 */
export const retirePlan = internalQuery({
  args: { sessionId: v.id("party_sessions"), at: v.number(), messageId: v.optional(v.string()), refresh: v.optional(v.boolean()) },
  returns: v.union(v.null(), v.object({ channelId: v.string(), body: v.any() })),
  handler: async (ctx, { sessionId, at, messageId, refresh }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null) return null;
    const party = await ctx.db.get(session.partyId);
    if (party === null || party.paused?.channelGone) return null;
    let now: SessionPostNow;
    if (session.state === "cancelled") now = party.state === "active" ? { cancelled: true } : { cancelled: true, partyEnded: true };
    else if (session.at !== at) now = { movedTo: session.at };
    else if (session.state !== "scheduled") now = { started: true };
    else if (messageId !== undefined && postMessageId(session, at) !== messageId) now = { reposted: true };
    else if (refresh === true) {
      const body = sessionPost({ sessionId, partyLabel: partyLabel(party), at, weekly: session.repeat === "weekly", ...hostNamed(party) });
      return { channelId: session.channelId, body: { ...body, allowed_mentions: NO_MENTIONS } };
    } else return null;
    return { channelId: session.channelId, body: sessionPostClosed({ partyLabel: partyLabel(party), at, now }) };
  },
});

/**
 * Edits a session's old post (model/sessions.ts's retirePost), or with `refresh` its standing post
 * whose repeat changed (scheduleSession): retried like the posts; a deleted post is left alone.
 */
export const retire = internalAction({
  args: { sessionId: v.id("party_sessions"), at: v.number(), messageId: v.string(), refresh: v.optional(v.boolean()), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const plan = await ctx.runQuery(internal.sessions.posts.retirePlan, {
      sessionId: args.sessionId,
      at: args.at,
      messageId: args.messageId,
      ...(args.refresh === true ? { refresh: true } : {}),
    });
    if (plan === null) return null;
    const sent = await editMessage(plan.channelId, args.messageId, plan.body);
    if (sent.ok) return null;
    const delay = retryDelay(sent, args.attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.posts.retire, { ...args, attempt: args.attempt + 1 });
      return null;
    }
    if (!(sent.kind === "refused" && sent.code === RESTJSONErrorCodes.UnknownMessage))
      console.warn(`session ${args.sessionId}: could not edit its old post: ${JSON.stringify(sent)}`);
    return null;
  },
});
