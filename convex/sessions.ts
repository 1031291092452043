// Watch-along sessions: the bot's API (/party schedule, Confirm, the RSVP buttons) and the
// internal timers and deliveries that post reminders, starts and prompts and keep the Guild
// Scheduled Event in step — all through convex/discord.ts, never the bot process. The rules are
// in model/sessions.ts; time parsing happens in the bot (src/lib/when.ts), which sends an instant.
import { RESTJSONErrorCodes, Routes, type RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type MutationCtx } from "./_generated/server";
import { createScheduledEvent, deleteScheduledEvent, discordRequest, editMessage, editScheduledEvent, getMessage, postMessage, sendDirectMessage, type DiscordResult } from "./discord";
import { botMutation, botQuery } from "./lib/botFunctions";
import { fail } from "./model/errors";
import { checkPlace, episodesLabel, hostless, markBoardDirty, memberOf, partyLabel, resolveParty } from "./model/parties";
import { joinUnlessFull } from "./model/partyJoin";
import {
  answerRsvp,
  cancelSession,
  createSessionPrompt,
  eventsNoticeOnce,
  going,
  goingBut,
  hostPosition,
  pollAnswerId,
  pollVotersGoing,
  pollWinner,
  pollWonBy,
  postKey,
  postMessageId,
  retirePost,
  RSVPS_MAX,
  scheduledEventBody,
  schedulePost,
  scheduledSession,
  scheduleNextWeekly,
  scheduleSession,
  sessionNonce,
  setReminderMinutes,
  startPoll as openPoll,
  stopSession,
  type SessionPost,
} from "./model/sessions";
import { isTimeZone } from "./model/sessionTimes";
import { discordAccount, parseDiscordUserId } from "./model/users";
import { NO_MENTIONS } from "../src/views/message";
import { sessionAfter, sessionCancelled, sessionPoll, sessionPollPartyEnded, sessionPollResult, sessionPost, sessionPostClosed, sessionReminder, sessionStart, type SessionPostNow } from "../src/views/session";
import { plain } from "../src/views/text";

// visibleChannelIds: the server's channels the member can see, as the bot reads them (see
// parties.ts): a party in any other channel can't be named here, as in every /party command.
const place = { guildId: v.string(), channelId: v.string(), visibleChannelIds: v.optional(v.array(v.string())) };
/** Which of the channel's parties a member means when they don't say: one they are in. */
const asMember = (discordUserId: string) => ({ discordUserId, prefer: "member" as const });
const answer = v.union(v.literal("going"), v.literal("maybe"), v.literal("cant"));
const postKind = v.union(v.literal("announce"), v.literal("reminder"), v.literal("start"), v.literal("after"), v.literal("cancelled"));

/** What /party schedule needs before echoing: the party, the person's zone, the session it would replace. */
export const prepare = botQuery({
  args: { ...place, party: v.optional(v.string()) },
  returns: v.object({
    partyId: v.string(),
    label: v.string(),
    channelId: v.string(),
    hostDiscordUserId: v.string(),
    zone: v.union(v.string(), v.null()),
    /** The session a new time would replace: its answers carry over, its weekly repeat stays unless repeat: says otherwise. */
    current: v.union(v.null(), v.object({ at: v.number(), weekly: v.boolean(), answers: v.number() })),
  }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const account = await discordAccount(ctx, parseDiscordUserId(ctx.actor.discordUserId));
    const zone = account?.timeZone !== undefined && isTimeZone(account.timeZone) ? account.timeZone : null;
    const current = await scheduledSession(ctx, party._id);
    return {
      partyId: party._id,
      label: partyLabel(party),
      channelId: party.channelId,
      hostDiscordUserId: party.hostDiscordUserId,
      zone,
      current: current === null ? null : { at: current.at, weekly: current.repeat === "weekly", answers: current.rsvps.length },
    };
  },
});

/** The person's IANA time zone, kept on their account (the same one /remind settings uses). */
export const setZone = botMutation({
  args: { zone: v.string() },
  returns: v.string(),
  handler: async (ctx, { zone }) => {
    const name = zone.trim();
    if (!isTimeZone(name)) fail("INVALID_ARGUMENT", `I don't know the time zone "${name.slice(0, 64)}" — pick one from the list as you type (e.g. Europe/Berlin).`);
    await ctx.db.patch(ctx.actor.accountId, { timeZone: name });
    return name;
  },
});

/**
 * Confirm: the session is saved (or replaces the one scheduled) only now. `weekly` left out (a
 * poll winner's Confirm) keeps the repeat of the session it replaces.
 */
export const schedule = botMutation({
  args: { ...place, partyId: v.string(), at: v.number(), weekly: v.optional(v.boolean()), canManageServer: v.boolean(), canCreateEvents: v.boolean() },
  returns: v.object({
    sessionId: v.string(),
    label: v.string(),
    at: v.number(),
    weekly: v.boolean(),
    replaced: v.union(v.number(), v.null()),
    /** Going / Maybe / Can't answers carried over from the replaced session, and how many of them (but the one confirming) say Going. */
    answers: v.number(),
    going: v.number(),
    /** The host confirmed it, so they are down as Going. */
    hostGoing: v.boolean(),
    /** The time won a poll: those who voted for it are being marked Going (read from Discord). */
    pollVoters: v.boolean(),
    /** The replaced session's post is being edited to say it moved (false when its id isn't known). */
    oldPostEdited: v.boolean(),
    /** The session's post: "new" (posted now), or the same time's "kept" or "updated" (edited: its repeat changed). */
    post: v.union(v.literal("new"), v.literal("kept"), v.literal("updated")),
    notices: v.array(v.string()),
  }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.partyId, asMember(ctx.actor.discordUserId));
    const account = await ctx.db.get(ctx.actor.accountId);
    // Checked after who may schedule (scheduleSession), so someone else's click is told that first.
    const zone = account?.timeZone ?? "";
    const { session, replaced, answers, oldPostEdited, post, notices, hostGoing } = await scheduleSession(ctx, ctx.actor, party, { at: args.at, zone, ...(args.weekly !== undefined ? { weekly: args.weekly } : {}), canManageServer: args.canManageServer, canCreateEvents: args.canCreateEvents });
    // The winner of the party's poll: who voted for it is read from Discord and marked Going.
    const poll = await pollWonBy(ctx, party._id, session.at);
    if (poll !== null) await ctx.scheduler.runAfter(0, internal.sessions.pollVoters, { pollId: poll._id, sessionId: session._id, at: session.at, attempt: 0 });
    return {
      sessionId: session._id,
      label: partyLabel(party),
      at: session.at,
      weekly: session.repeat === "weekly",
      replaced,
      answers,
      going: goingBut(session, ctx.actor.discordUserId).length,
      hostGoing,
      pollVoters: poll !== null,
      oldPostEdited,
      post,
      notices,
    };
  },
});

export const cancel = botMutation({
  args: { ...place, party: v.optional(v.string()), canManageServer: v.boolean() },
  /**
   * `postEdited`: its post is being edited to say so; `event`: its server event is being deleted;
   * `going`: how many who said Going (but the one cancelling) the channel's post pings.
   */
  returns: v.object({ label: v.string(), at: v.number(), postEdited: v.boolean(), event: v.boolean(), going: v.number() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const { session, postEdited, going } = await cancelSession(ctx, ctx.actor, party, args.canManageServer);
    return { label: partyLabel(party), at: session.at, postEdited, event: session.eventId !== undefined, going };
  },
});

/** The party's reminder lead time (`/party schedule remind:`), a setting saved at once. */
export const setReminder = botMutation({
  args: { ...place, party: v.optional(v.string()), minutes: v.number(), canManageServer: v.boolean() },
  returns: v.object({ label: v.string(), minutes: v.number() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    await setReminderMinutes(ctx, ctx.actor, party, args.minutes, args.canManageServer);
    return { label: partyLabel(party), minutes: args.minutes };
  },
});

export const rsvp = botMutation({
  args: { sessionId: v.string(), answer, displayName: v.string() },
  // partyFull: Going was noted, but the party has no room for them to join.
  // member: whether they are in the party after answering (Can't doesn't take anyone out of it).
  returns: v.object({ label: v.string(), at: v.number(), changed: v.boolean(), joined: v.boolean(), partyFull: v.boolean(), member: v.boolean(), host: v.boolean() }),
  handler: async (ctx, args) => {
    const { session, party, changed } = await answerRsvp(ctx, ctx.actor, args.sessionId, args.answer, args.displayName);
    // Going to a party's watch-along is watching with the party: without joining, the going person
    // would be missing from its board and refused by its "were you there?" prompt afterwards.
    const { member, joined, partyFull } =
      args.answer === "going"
        ? await joinUnlessFull(ctx, ctx.actor, party, args.displayName)
        : { member: (await memberOf(ctx, party._id, ctx.actor.discordUserId)) !== null, joined: false, partyFull: false };
    return { label: partyLabel(party), at: session.at, changed, joined, partyFull, member, host: party.hostDiscordUserId === ctx.actor.discordUserId };
  },
});

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
      for (const poll of polls) await ctx.scheduler.runAfter(0, internal.sessions.pollClose, { pollId: poll._id, attempt: 0 });
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
          ...(movedFrom !== undefined && movedFrom !== session.at ? { moved: { from: movedFrom, answers: session.rsvps.length, going: goingBut(session, session.scheduledBy) } } : {}),
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
        body = sessionAfter({ promptId: prompt._id, showTitle: party.title, what: episodesLabel(prompt.season, prompt.episodes), expiresAt: prompt.expiresAt });
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
    if (!session.posted.includes(key)) await ctx.db.patch(sessionId, { posted: [...session.posted, key].slice(-20) });
    if (kind === "announce" && messageId !== undefined) {
      // The session moved, was cancelled or started while its post was on the way: edit it now.
      if (session.state !== "scheduled" || session.at !== at) await retirePost(ctx, session, at, messageId);
      else {
        // This post is the session's post for its time now. One recorded for the same time before
        // it (two announcements that crossed) stops taking answers.
        const before = postMessageId(session, at);
        if (before !== messageId) {
          await ctx.db.patch(sessionId, { postMessages: [...(session.postMessages ?? []).filter((p) => p.at !== at), { at, messageId }].slice(-10) });
          if (before !== null) await retirePost(ctx, session, at, before);
        }
      }
    }
    return null;
  },
});

/** Waits for a retry: Discord's retry_after on a 429, backoff for outages; null = give up. */
function retryDelay(result: DiscordResult<unknown>, attempt: number): number | null {
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
    const post = await ctx.runQuery(internal.sessions.render, asked);
    if (post === null) return null;
    const sent = await postMessage(post.channelId, { ...post.body, nonce: post.nonce, enforce_nonce: true });
    if (sent.ok) {
      await ctx.runMutation(internal.sessions.recordPost, { sessionId: args.sessionId, kind: args.kind, at: post.at, messageId: sent.data.id });
      return null;
    }
    const delay = retryDelay(sent, args.attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.deliver, { ...args, attempt: args.attempt + 1 });
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
    const plan = await ctx.runQuery(internal.sessions.retirePlan, { sessionId: args.sessionId, at: args.at, messageId: args.messageId, ...(args.refresh === true ? { refresh: true } : {}) });
    if (plan === null) return null;
    const sent = await editMessage(plan.channelId, args.messageId, plan.body);
    if (sent.ok) return null;
    const delay = retryDelay(sent, args.attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.retire, { ...args, attempt: args.attempt + 1 });
      return null;
    }
    if (!(sent.kind === "refused" && sent.code === RESTJSONErrorCodes.UnknownMessage)) console.warn(`session ${args.sessionId}: could not edit its old post: ${JSON.stringify(sent)}`);
    return null;
  },
});

// ---------------------------------------------------------------- Discord's Events

export const eventPlan = internalQuery({
  args: { sessionId: v.id("party_sessions") },
  returns: v.union(
    v.null(),
    v.object({ op: v.union(v.literal("create"), v.literal("update"), v.literal("delete")), guildId: v.string(), eventId: v.union(v.string(), v.null()), at: v.number(), body: v.any() }),
  ),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null || session.eventSync === undefined) return null;
    const party = await ctx.db.get(session.partyId);
    if (party === null) return null;
    const op = session.eventSync;
    if (op !== "delete" && session.state !== "scheduled") return null;
    return { op, guildId: session.guildId, eventId: session.eventId ?? null, at: session.at, body: scheduledEventBody(party, partyLabel(party), session.at) };
  },
});

export const eventDone = internalMutation({
  args: { sessionId: v.id("party_sessions"), op: v.union(v.literal("create"), v.literal("update"), v.literal("delete")), at: v.number(), eventId: v.union(v.string(), v.null()), refused: v.boolean() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const session = await ctx.db.get(args.sessionId);
    if (session === null) return null;
    if (args.refused) {
      await ctx.db.patch(args.sessionId, { eventSync: undefined, ...(args.op === "delete" ? { eventId: undefined } : {}) });
      const party = await ctx.db.get(session.partyId);
      // A party nobody hosts (its last member left) has nobody to tell: the notice waits for its next host.
      if (party !== null && !hostless(party) && (await eventsNoticeOnce(ctx, party)) !== null) {
        await ctx.scheduler.runAfter(0, internal.sessions.tellHostEvents, { discordUserId: party.hostDiscordUserId, label: partyLabel(party) });
      }
      return null;
    }
    if (args.op === "delete") {
      await ctx.db.patch(args.sessionId, { eventId: undefined, eventSync: undefined });
      return null;
    }
    // The session moved or was cancelled while this ran: sync again (update or delete what was made).
    const stale = session.at !== args.at || session.state !== "scheduled";
    const eventId = args.eventId ?? session.eventId;
    if (stale && eventId !== undefined) {
      await ctx.db.patch(args.sessionId, { eventId, eventSync: session.state === "cancelled" ? "delete" : session.state === "scheduled" ? "update" : undefined });
      if (session.state === "cancelled" || session.state === "scheduled") await ctx.scheduler.runAfter(0, internal.sessions.syncEvent, { sessionId: args.sessionId, attempt: 0 });
      return null;
    }
    await ctx.db.patch(args.sessionId, { ...(eventId !== undefined ? { eventId } : {}), eventSync: undefined });
    return null;
  },
});

const EVENT_PERMISSION_CODES = new Set<number>([RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess]);

export const syncEvent = internalAction({
  args: { sessionId: v.id("party_sessions"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { sessionId, attempt }) => {
    const plan = await ctx.runQuery(internal.sessions.eventPlan, { sessionId });
    if (plan === null) return null;
    let result: DiscordResult<{ id: string } | null>;
    if (plan.op === "delete" || (plan.op === "update" && plan.eventId !== null)) {
      result = plan.op === "delete" ? await deleteScheduledEvent(plan.guildId, plan.eventId!) : await editScheduledEvent(plan.guildId, plan.eventId!, plan.body);
      // An event someone deleted in Discord: recreate it on update, nothing left to delete.
      if (!result.ok && result.kind === "refused" && result.code === RESTJSONErrorCodes.UnknownGuildScheduledEvent) {
        result = plan.op === "delete" ? { ok: true, data: null } : await createScheduledEvent(plan.guildId, plan.body);
      }
    } else {
      result = await createScheduledEvent(plan.guildId, plan.body);
    }
    if (result.ok) {
      await ctx.runMutation(internal.sessions.eventDone, { sessionId, op: plan.op, at: plan.at, eventId: result.data?.id ?? null, refused: false });
      return null;
    }
    const delay = retryDelay(result, attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.syncEvent, { sessionId, attempt: attempt + 1 });
      return null;
    }
    if (!(result.kind === "refused" && result.code !== null && EVENT_PERMISSION_CODES.has(result.code))) {
      console.warn(`session ${sessionId}: Discord refused the scheduled event (${plan.op}): ${JSON.stringify(result)}`);
    }
    await ctx.runMutation(internal.sessions.eventDone, { sessionId, op: plan.op, at: plan.at, eventId: null, refused: true });
    return null;
  },
});

export const tellHostEvents = internalAction({
  args: { discordUserId: v.string(), label: v.string() },
  returns: v.null(),
  handler: async (_ctx, { discordUserId, label }) => {
    // Nobody to tell (a party without a host passes NO_HOST): no DM channel is asked for.
    if (!/^\d{15,22}$/.test(discordUserId)) return null;
    const text = `ℹ️ I couldn't add the watch-along of **${plain(label, 150)}** to the server's **Events**: I need the **Create Events** permission there. Reminders, pings and the board work without it.`;
    const sent = await sendDirectMessage(discordUserId, { content: text, allowed_mentions: NO_MENTIONS });
    if (!sent.ok && sent.kind !== "refused") console.warn(`sessions: could not DM the host: ${JSON.stringify(sent)}`);
    return null;
  },
});

// ---------------------------------------------------------------- choosing the night (polls)

/** `/party poll`: the bot read the proposed times in the host's zone; the poll is posted from here. */
export const startPoll = botMutation({
  args: { ...place, party: v.optional(v.string()), options: v.array(v.object({ at: v.number(), label: v.string() })), hours: v.number(), canManageServer: v.boolean() },
  returns: v.object({ label: v.string(), channelId: v.string(), closesAt: v.number(), count: v.number() }),
  handler: async (ctx, args) => {
    if (args.options.length > 20) fail("INVALID_ARGUMENT", "Propose at most 10 times.");
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const poll = await openPoll(ctx, ctx.actor, party, { options: args.options, hours: args.hours, canManageServer: args.canManageServer });
    return { label: partyLabel(party), channelId: party.channelId, closesAt: poll.closesAt, count: poll.options.length };
  },
});

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
    const plan = await ctx.runQuery(internal.sessions.pollPlan, { pollId });
    if (plan === null || plan.messageId !== null || plan.closed) return null;
    if (!plan.partyActive) {
      // The party ended before its poll went up: it never will.
      await ctx.runMutation(internal.sessions.pollClosed, { pollId, winnerAt: null });
      return null;
    }
    const sent = await postMessage(plan.channelId, { ...plan.body, nonce: plan.nonce, enforce_nonce: true });
    if (sent.ok) {
      await ctx.runMutation(internal.sessions.pollPosted, { pollId, messageId: sent.data.id });
      return null;
    }
    const delay = retryDelay(sent, attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.pollPost, { pollId, attempt: attempt + 1 });
      return null;
    }
    // Refused for good (a lost channel or permission): it is over, so it holds no new poll back.
    console.warn(`poll ${pollId}: Discord refused the poll: ${JSON.stringify(sent)}`);
    await ctx.runMutation(internal.sessions.pollClosed, { pollId, winnerAt: null });
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
    const plan = await ctx.runQuery(internal.sessions.pollPlan, { pollId });
    if (plan === null) return null;
    if (plan.messageId === null) {
      // Never posted (Discord refused it): nothing to read.
      await ctx.runMutation(internal.sessions.pollClosed, { pollId, winnerAt: null });
      return null;
    }
    if (!plan.partyActive) {
      // The party ended while it was open: voting ends now, there is no winner to confirm, and the
      // channel is told why.
      if (!(await ctx.runMutation(internal.sessions.pollClosed, { pollId, winnerAt: null }))) return null;
      const expired = await discordRequest<unknown>("POST", Routes.expirePoll(plan.channelId, plan.messageId) as `/${string}`);
      if (!expired.ok && !(expired.kind === "refused" && expired.code === RESTJSONErrorCodes.PollExpired)) console.warn(`poll ${pollId}: could not end it on Discord: ${JSON.stringify(expired)}`);
      const sent = await postMessage(plan.channelId, { ...sessionPollPartyEnded({ partyLabel: plan.label }), nonce: sessionNonce(pollId, "after", 0), enforce_nonce: true });
      if (!sent.ok) console.warn(`poll ${pollId}: could not post that the party ended: ${JSON.stringify(sent)}`);
      return null;
    }
    const read = await getMessage(plan.channelId, plan.messageId);
    const results = read.ok ? (read.data as { poll?: { results?: { is_finalized?: boolean; answer_counts?: Array<{ id: number; count: number }> } } }).poll?.results : undefined;
    if (!read.ok || results?.is_finalized !== true) {
      const gone = !read.ok && read.kind === "refused";
      if (!gone && attempt < 10) {
        await ctx.scheduler.runAfter(read.ok ? 30_000 : (retryDelay(read, attempt) ?? 30_000), internal.sessions.pollClose, { pollId, attempt: attempt + 1 });
        return null;
      }
    }
    const winner = pollWinner(plan.options, results?.answer_counts ?? []);
    if (!(await ctx.runMutation(internal.sessions.pollClosed, { pollId, winnerAt: winner?.at ?? null }))) return null;
    const body = sessionPollResult({ partyId: plan.partyId, partyLabel: plan.label, hostId: plan.hostId, winner, passed: winner !== null && winner.at < Date.now() + 60_000 });
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
    if (poll === null || session === null || poll.messageId === undefined || session.state !== "scheduled" || session.at !== at) return null;
    const answerId = pollAnswerId(poll, at);
    return answerId === null ? null : { channelId: poll.channelId, messageId: poll.messageId, answerId };
  },
});

export const votersGoing = internalMutation({
  args: { pollId: v.id("party_polls"), sessionId: v.id("party_sessions"), at: v.number(), voters: v.array(v.object({ discordUserId: v.string(), name: v.string() })) },
  returns: v.number(),
  handler: async (ctx, args) => await pollVotersGoing(ctx, args),
});

/** Discord's page size for a poll answer's voters (its maximum). */
const VOTERS_PAGE = 100;

/** One page of Discord's voters, checked: people (not bots) with a well-formed id, and the page's last id. */
function readVoters(data: unknown): { voters: Array<{ discordUserId: string; name: string }>; last: string | null; full: boolean } {
  const users = Array.isArray((data as { users?: unknown } | null)?.users) ? ((data as { users: unknown[] }).users) : [];
  const voters: Array<{ discordUserId: string; name: string }> = [];
  let last: string | null = null;
  for (const user of users) {
    if (typeof user !== "object" || user === null) continue;
    const { id, bot, username, global_name } = user as { id?: unknown; bot?: unknown; username?: unknown; global_name?: unknown };
    if (typeof id !== "string" || !/^\d{15,22}$/.test(id)) continue;
    last = id;
    if (bot === true) continue;
    const name = typeof global_name === "string" && global_name.trim() !== "" ? global_name : typeof username === "string" ? username : "Someone";
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
    const plan = await ctx.runQuery(internal.sessions.votersPlan, { pollId: args.pollId, sessionId: args.sessionId, at: args.at });
    if (plan === null) return null;
    const voters: Array<{ discordUserId: string; name: string }> = [];
    let after: string | null = null;
    while (voters.length < RSVPS_MAX) {
      const route = `${Routes.pollAnswerVoters(plan.channelId, plan.messageId, plan.answerId)}?limit=${VOTERS_PAGE}${after !== null ? `&after=${after}` : ""}` as const;
      const read = await discordRequest<unknown>("GET", route as `/${string}`);
      if (!read.ok) {
        const delay = retryDelay(read, args.attempt);
        if (delay !== null) await ctx.scheduler.runAfter(delay, internal.sessions.pollVoters, { ...args, attempt: args.attempt + 1 });
        else console.warn(`poll ${args.pollId}: could not read who voted for the winner: ${JSON.stringify(read)}`);
        return null;
      }
      const page = readVoters(read.data);
      voters.push(...page.voters);
      if (!page.full || page.last === null) break;
      after = page.last;
    }
    await ctx.runMutation(internal.sessions.votersGoing, { pollId: args.pollId, sessionId: args.sessionId, at: args.at, voters: voters.slice(0, RSVPS_MAX) });
    return null;
  },
});
