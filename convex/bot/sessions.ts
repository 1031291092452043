// Watch-along sessions, the bot's API: /party schedule, Confirm, the RSVP buttons and /party poll.
// The rules are in model/sessions.ts; time parsing happens in the bot (src/lib/when.ts), which sends
// an instant. What happens later (timers, posts, Discord's Events, polls) is in convex/sessions/.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { botMutation, botQuery } from "../lib/botFunctions";
import { fail } from "../model/errors";
import { checkPlace, memberOf, partyLabel, resolveParty } from "../model/parties";
import { joinUnlessFull } from "../model/partyMembers";
import { cancelSession, scheduledSession, scheduleSession, setReminderMinutes } from "../model/sessions";
import { answerRsvp, goingBut } from "../model/sessionRsvps";
import { pollWonBy, startPoll as openPoll } from "../model/sessionPolls";
import { isTimeZone } from "../model/sessionTimes";
import { discordAccount, parseDiscordUserId } from "../model/users";

// visibleChannelIds: the server's channels the member can see, as the bot reads them (see
// bot/parties.ts): a party in any other channel can't be named here, as in every /party command.
const place = { guildId: v.string(), channelId: v.string(), visibleChannelIds: v.optional(v.array(v.string())) };
/** Which of the channel's parties a member means when they don't say: one they are in. */
const asMember = (discordUserId: string) => ({ discordUserId, prefer: "member" as const });
const answer = v.union(v.literal("going"), v.literal("maybe"), v.literal("cant"));

/** What /party schedule needs before echoing: the party, the person's zone, the session it would replace. */
export const prepare = botQuery({
  args: { ...place, party: v.optional(v.string()) },
  returns: v.object({
    partyId: v.string(),
    label: v.string(),
    channelId: v.string(),
    hostDiscordUserId: v.string(),
    /** A movie party: one night, never weekly. */
    movie: v.boolean(),
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
      movie: party.mediaType === "movie",
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
    if (!isTimeZone(name))
      fail(
        "INVALID_ARGUMENT",
        `I don't know the time zone "${name.slice(0, 64)}" — pick one from the list as you type (e.g. Europe/Berlin).`,
      );
    await ctx.db.patch(ctx.actor.accountId, { timeZone: name });
    return name;
  },
});

/**
 * Confirm: the session is saved (or replaces the one scheduled) only now. `weekly` left out (a
 * poll winner's Confirm) keeps the repeat of the session it replaces.
 */
export const schedule = botMutation({
  args: {
    ...place,
    partyId: v.string(),
    at: v.number(),
    weekly: v.optional(v.boolean()),
    canManageServer: v.boolean(),
    canCreateEvents: v.boolean(),
  },
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
    // The clicker's zone, else (a poll's winner) the zone of whoever read the poll's times.
    let zone = account?.timeZone ?? "";
    if (!isTimeZone(zone)) {
      const poll = await pollWonBy(ctx, party._id, args.at);
      const creator = poll === null ? null : await discordAccount(ctx, parseDiscordUserId(poll.createdBy));
      if (creator?.timeZone !== undefined) zone = creator.timeZone;
    }
    const { session, replaced, answers, oldPostEdited, post, notices, hostGoing } = await scheduleSession(ctx, ctx.actor, party, {
      at: args.at,
      zone,
      ...(args.weekly !== undefined ? { weekly: args.weekly } : {}),
      canManageServer: args.canManageServer,
      canCreateEvents: args.canCreateEvents,
    });
    // The winner of the party's poll: who voted for it is read from Discord and marked Going.
    const poll = await pollWonBy(ctx, party._id, session.at);
    if (poll !== null)
      await ctx.scheduler.runAfter(0, internal.sessions.polls.pollVoters, {
        pollId: poll._id,
        sessionId: session._id,
        at: session.at,
        attempt: 0,
      });
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
  returns: v.object({
    label: v.string(),
    at: v.number(),
    changed: v.boolean(),
    joined: v.boolean(),
    partyFull: v.boolean(),
    member: v.boolean(),
    host: v.boolean(),
  }),
  handler: async (ctx, args) => {
    const { session, party, changed } = await answerRsvp(ctx, ctx.actor, args.sessionId, args.answer, args.displayName);
    // Going to a party's watch-along is watching with the party: without joining, the going person
    // would be missing from its board and refused by its "were you there?" prompt afterwards.
    const { member, joined, partyFull } =
      args.answer === "going"
        ? await joinUnlessFull(ctx, ctx.actor, party, args.displayName)
        : { member: (await memberOf(ctx, party._id, ctx.actor.discordUserId)) !== null, joined: false, partyFull: false };
    return {
      label: partyLabel(party),
      at: session.at,
      changed,
      joined,
      partyFull,
      member,
      host: party.hostDiscordUserId === ctx.actor.discordUserId,
    };
  },
});

/** `/party poll`: the bot read the proposed times in the host's zone; the poll is posted from here. */
export const startPoll = botMutation({
  args: {
    ...place,
    party: v.optional(v.string()),
    options: v.array(v.object({ at: v.number(), label: v.string() })),
    hours: v.number(),
    canManageServer: v.boolean(),
  },
  returns: v.object({ label: v.string(), channelId: v.string(), closesAt: v.number(), count: v.number() }),
  handler: async (ctx, args) => {
    if (args.options.length > 20) fail("INVALID_ARGUMENT", "Propose at most 10 times.");
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const poll = await openPoll(ctx, ctx.actor, party, { options: args.options, hours: args.hours, canManageServer: args.canManageServer });
    return { label: partyLabel(party), channelId: party.channelId, closesAt: poll.closesAt, count: poll.options.length };
  },
});
