// A session's timers: the reminder, the start and the end, each checked against the session's
// state when it fires, and what happens to a session when its party ends.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { markBoardDirty } from "../model/parties";
import { retirePost, schedulePost, scheduledSession, scheduleNextWeekly, stopSession } from "../model/sessions";
import { createSessionPrompt, hostPosition } from "../model/sessionWatched";

/**
 * A party that ended (model/parties.ts's endParty): its scheduled session is cancelled, whoever
 * ended it, and a poll it has open is closed now (pollClose ends it on Discord and says why).
 */
export const partyEnded = internalMutation({
  args: { partyId: v.id("parties") },
  returns: v.null(),
  handler: async (ctx, { partyId }) => {
    const party = await ctx.db.get(partyId);
    if (party === null || party.state === "active") return null;
    const session = await scheduledSession(ctx, partyId);
    if (session !== null) await stopSession(ctx, party, session, { tellChannel: false });
    for (const state of ["posting", "open"] as const) {
      const polls = await ctx.db
        .query("party_polls")
        .withIndex("by_party", (q) => q.eq("partyId", partyId).eq("state", state))
        .take(5);
      for (const poll of polls) await ctx.scheduler.runAfter(0, internal.sessions.polls.pollClose, { pollId: poll._id, attempt: 0 });
    }
    return null;
  },
});

// ---------------------------------------------------------------- timers

const timerArgs = { sessionId: v.id("party_sessions"), at: v.number() };

async function live(ctx: MutationCtx, sessionId: Id<"party_sessions">, at: number, state: "scheduled" | "started") {
  const session = await ctx.db.get(sessionId);
  // A timer from before a reschedule or cancel does nothing.
  if (session === null || session.state !== state || session.at !== at) return null;
  return session;
}

export const remind = internalMutation({
  args: timerArgs,
  returns: v.null(),
  handler: async (ctx, { sessionId, at }) => {
    if ((await live(ctx, sessionId, at, "scheduled")) === null) return null;
    await schedulePost(ctx, sessionId, "reminder", at);
    return null;
  },
});

export const start = internalMutation({
  args: timerArgs,
  returns: v.null(),
  handler: async (ctx, { sessionId, at }) => {
    const session = await live(ctx, sessionId, at, "scheduled");
    if (session === null) return null;
    const party = await ctx.db.get(session.partyId);
    // Its post stops taking answers: it says the session started (or was cancelled) from now on.
    await retirePost(ctx, session, at);
    if (party === null || party.state !== "active") {
      await ctx.db.patch(sessionId, { state: "cancelled" });
      return null;
    }
    await ctx.db.patch(sessionId, { state: "started", startPosition: await hostPosition(ctx, party) });
    await ctx.db.patch(party._id, { nextSessionAt: undefined });
    await schedulePost(ctx, sessionId, "start", at);
    await markBoardDirty(ctx, party._id);
    return null;
  },
});

export const end = internalMutation({
  args: timerArgs,
  returns: v.null(),
  handler: async (ctx, { sessionId, at }) => {
    const session = await live(ctx, sessionId, at, "started");
    if (session === null) return null;
    await ctx.db.patch(sessionId, { state: "ended", timers: [] });
    const party = await ctx.db.get(session.partyId);
    if (party === null || party.state !== "active") return null;
    const promptId = await createSessionPrompt(ctx, party, session);
    if (promptId !== null) await schedulePost(ctx, sessionId, "after", at, { promptId });
    await scheduleNextWeekly(ctx, party, session);
    return null;
  },
});
