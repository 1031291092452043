// Watch-along sessions of a party: one scheduled at a time, replaced by scheduling again.
//
// A session's life runs on scheduled functions (convex/sessions/), so it needs neither the bot
// process nor any particular shard:
//   scheduled ──(at − reminder)──► reminder post, pinging those Going
//             ──(at)──────────────► start post, pinging those Going; the host's position noted
//             ──(at + length)─────► "Did you watch S1E5–E6?" with I was there; a weekly one
//                                   schedules the next, at the same wall-clock time in its zone.
// Every timer carries the `at` it was set for, so a timer left over from a replaced time does
// nothing even if cancelling it raced with it. The Guild Scheduled Event follows the session
// (created, updated on reschedule, deleted on cancel) through `eventSync`. The session's post
// (with Going / Maybe / Can't) is edited when the session moves, is cancelled or starts: it
// then says so and loses its buttons (`retirePost`).
import {
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  type RESTPostAPIGuildScheduledEventJSONBody,
} from "discord-api-types/v10";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import { fail } from "./errors";
import { markBoardDirty, memberOf } from "./parties";
import { goingBut, memberName, setGoing, type RsvpAnswer } from "./sessionRsvps";
import { isTimeZone, nextWeekly } from "./sessionTimes";
import { label as textLabel } from "../../src/views/text";

export const DEFAULT_REMINDER_MINUTES = 15;
/** How long a session lasts: the scheduled event's end, and when the "did you watch" prompt is posted. */
export const SESSION_LENGTH_MS = 2 * 60 * 60 * 1000;
/** How far ahead a session may be (as src/lib/when.ts allows). */
export const SESSION_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

export type SessionPost = "announce" | "reminder" | "start" | "after" | "cancelled";

export async function scheduledSession(ctx: QueryCtx, partyId: Id<"parties">): Promise<Doc<"party_sessions"> | null> {
  return await ctx.db
    .query("party_sessions")
    .withIndex("by_party_state", (q) => q.eq("partyId", partyId).eq("state", "scheduled"))
    .first();
}

export function mayManage(party: Doc<"parties">, discordUserId: string, canManageServer: boolean) {
  if (party.hostDiscordUserId !== discordUserId && !canManageServer) {
    fail("FORBIDDEN", "Only the party's host, or someone with Manage Server, can schedule or cancel its sessions.");
  }
}

async function cancelTimers(ctx: MutationCtx, session: Doc<"party_sessions">) {
  for (const id of session.timers) {
    const job = await ctx.db.system.get(id);
    if (job?.state.kind === "pending") await ctx.scheduler.cancel(id);
  }
}

/** Sets the session's timers for its time; returns their ids. */
async function setTimers(
  ctx: MutationCtx,
  sessionId: Id<"party_sessions">,
  at: number,
  reminderMinutes: number,
): Promise<Id<"_scheduled_functions">[]> {
  const timers: Id<"_scheduled_functions">[] = [];
  const remindAt = at - reminderMinutes * 60_000;
  if (reminderMinutes > 0 && remindAt > Date.now())
    timers.push(await ctx.scheduler.runAt(remindAt, internal.sessions.timers.remind, { sessionId, at }));
  timers.push(await ctx.scheduler.runAt(at, internal.sessions.timers.start, { sessionId, at }));
  timers.push(await ctx.scheduler.runAt(at + SESSION_LENGTH_MS, internal.sessions.timers.end, { sessionId, at }));
  return timers;
}

/**
 * Posts one of the session's messages for its time `at` (in its own action, retried there; once
 * the session has another time, it is not posted). `movedFrom`: the time a rescheduled session
 * had, which its new post names while pinging those still Going. An announcement also carries
 * when the session took this time (`announced`, its announcedAt), so its nonce is its own: a
 * session moved back to a time it had before is posted anew, not answered with the first post,
 * while the same time announced twice (confirmed again before the first post landed) is one post.
 */
export async function schedulePost(
  ctx: MutationCtx,
  sessionId: Id<"party_sessions">,
  kind: SessionPost,
  at: number,
  extra: { promptId?: Id<"party_prompts">; movedFrom?: number; announced?: number; by?: string } = {},
) {
  await ctx.scheduler.runAfter(0, internal.sessions.posts.deliver, { sessionId, kind, at, ...extra, attempt: 0 });
}

/** What `posted` holds for a post made: a post is made once per session, kind and time (a rescheduled session is announced again). */
export const postKey = (kind: SessionPost, at: number) => `${kind}@${at}`;

/** The message that announced the session for time `at`, if its post landed and was recorded. */
export function postMessageId(session: Pick<Doc<"party_sessions">, "postMessages">, at: number): string | null {
  return session.postMessages?.find((p) => p.at === at)?.messageId ?? null;
}

/**
 * Edits a session's post (made for time `at`) to say the session moved, was cancelled or started,
 * without its buttons; what it says is read when the edit is made. The post is no longer the
 * session's post for that time, so a later announcement of the same time is recorded in its place.
 * False when the post's id is unknown (never posted, or posted before ids were kept).
 */
export async function retirePost(
  ctx: MutationCtx,
  session: Pick<Doc<"party_sessions">, "_id" | "postMessages">,
  at: number,
  messageId = postMessageId(session, at),
): Promise<boolean> {
  if (messageId === null) return false;
  const posts = (await ctx.db.get(session._id))?.postMessages ?? [];
  if (posts.some((p) => p.messageId === messageId))
    await ctx.db.patch(session._id, { postMessages: posts.filter((p) => p.messageId !== messageId) });
  await ctx.scheduler.runAfter(0, internal.sessions.posts.retire, { sessionId: session._id, at, messageId, attempt: 0 });
  return true;
}

async function syncEventSoon(ctx: MutationCtx, sessionId: Id<"party_sessions">) {
  await ctx.scheduler.runAfter(0, internal.sessions.events.syncEvent, { sessionId, attempt: 0 });
}

/** Tells the host once (per party) that Discord's Events need Create Events; null when already told. */
export async function eventsNoticeOnce(ctx: MutationCtx, party: Doc<"parties">): Promise<string | null> {
  if (party.eventsPermissionToldAt !== undefined) return null;
  await ctx.db.patch(party._id, { eventsPermissionToldAt: Date.now() });
  return "ℹ️ I can't add sessions to this server's **Events**: I need the **Create Events** permission. Everything else works without it — reminders, pings and the board.";
}

export interface ScheduleArgs {
  at: number;
  zone: string;
  /** Left out: the repeat of the session it replaces (a poll winner's Confirm); none for a new one. */
  weekly?: boolean;
  canManageServer: boolean;
  /** Whether the bot has Create Events in the server (the interaction's app permissions say). */
  canCreateEvents: boolean;
}

/**
 * What becomes of the session's post: a new one is posted (a new session or time, or the same
 * time whose post never landed); the same time keeps its post (`updated`: edited, as the repeat
 * it shows changed).
 */
export type SessionPostPlan = "new" | "kept" | "updated";

/**
 * Schedules the party's session, replacing the one scheduled (same document: its timers are
 * reset, its old post says "Moved to …" and its event is updated). Its Going / Maybe / Can't
 * answers carry over — those who said Going were promised a ping, and the new post pings them
 * that it moved; anyone can answer again. The same time again keeps its post, edited if the
 * repeat changed.
 */
export async function scheduleSession(
  ctx: MutationCtx,
  actor: { discordUserId: string },
  party: Doc<"parties">,
  args: ScheduleArgs,
): Promise<{
  session: Doc<"party_sessions">;
  replaced: number | null;
  answers: number;
  oldPostEdited: boolean;
  post: SessionPostPlan;
  notices: string[];
  hostGoing: boolean;
}> {
  mayManage(party, actor.discordUserId, args.canManageServer);
  const now = Date.now();
  if (!Number.isSafeInteger(args.at) || args.at < now + 60_000)
    fail("INVALID_ARGUMENT", "That time has passed — run /party schedule again with a new time.");
  if (args.at > now + SESSION_MAX_AHEAD_MS) fail("INVALID_ARGUMENT", "That's more than a year away — schedule something closer.");
  const reminderMinutes = party.sessionReminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  const notices: string[] = [];
  const existing = await scheduledSession(ctx, party._id);
  const repeat = (args.weekly ?? existing?.repeat === "weekly") ? "weekly" : "none";
  if (repeat === "weekly" && party.mediaType === "movie")
    fail("INVALID_ARGUMENT", "A movie party is one night: schedule it with `repeat:once` (or leave repeat out).");
  // The instant is fixed; a zone only matters for keeping a weekly session's time of day. Without
  // one (a poll winner confirmed by someone who never set theirs), a one-off session needs none.
  const zone = isTimeZone(args.zone) ? args.zone : existing !== null && isTimeZone(existing.zone) ? existing.zone : null;
  if (zone === null && repeat === "weekly") {
    fail(
      "INVALID_ARGUMENT",
      "A weekly watch-along keeps its time of day in a time zone, and I don't know yours: set it with `/remind settings timezone:` (e.g. Europe/Berlin), then press Confirm again.",
    );
  }
  let sessionId: Id<"party_sessions">;
  let oldPostEdited = false;
  let post: SessionPostPlan = "new";
  let announced = now;
  if (existing !== null) {
    await cancelTimers(ctx, existing);
    sessionId = existing._id;
    const moved = existing.at !== args.at;
    if (moved) oldPostEdited = await retirePost(ctx, existing, existing.at);
    else {
      const messageId = postMessageId(existing, existing.at);
      if (messageId !== null && existing.repeat !== repeat) {
        // Its post says "· every week" or doesn't: edited (once the repeat below is saved) to match.
        await ctx.scheduler.runAfter(0, internal.sessions.posts.retire, {
          sessionId,
          at: existing.at,
          messageId,
          refresh: true,
          attempt: 0,
        });
        post = "updated";
      } else if (messageId !== null || existing.posted.includes(postKey("announce", existing.at))) post = "kept";
    }
    announced = moved ? now : (existing.announcedAt ?? existing.createdAt);
    await ctx.db.patch(sessionId, {
      at: args.at,
      zone: zone ?? "UTC",
      repeat,
      scheduledBy: actor.discordUserId,
      // A new time is announced (and reminded) anew; the same time keeps its post.
      ...(moved ? { posted: [] } : {}),
      announcedAt: announced,
      reminderMinutes,
    });
  } else {
    sessionId = await ctx.db.insert("party_sessions", {
      partyId: party._id,
      guildId: party.guildId,
      channelId: party.channelId,
      scheduledBy: actor.discordUserId,
      at: args.at,
      zone: zone ?? "UTC",
      repeat,
      state: "scheduled",
      rsvps: [],
      reminderMinutes,
      timers: [],
      posted: [],
      announcedAt: now,
      createdAt: now,
    });
  }
  await ctx.db.patch(sessionId, { timers: await setTimers(ctx, sessionId, args.at, reminderMinutes) });
  // The host who picks the time is going to it (they can still answer Maybe or Can't on its post).
  const hostGoing = actor.discordUserId === party.hostDiscordUserId;
  if (hostGoing)
    await setGoing(ctx, sessionId, [{ discordUserId: actor.discordUserId, name: await memberName(ctx, party, actor.discordUserId) }]);
  if (post === "new")
    await schedulePost(ctx, sessionId, "announce", args.at, {
      announced,
      ...(existing !== null && existing.at !== args.at ? { movedFrom: existing.at } : {}),
    });
  if (existing?.eventId !== undefined) {
    await ctx.db.patch(sessionId, { eventSync: "update" });
    await syncEventSoon(ctx, sessionId);
  } else if (args.canCreateEvents) {
    await ctx.db.patch(sessionId, { eventSync: "create" });
    await syncEventSoon(ctx, sessionId);
  } else {
    const notice = await eventsNoticeOnce(ctx, party);
    if (notice !== null) notices.push(notice);
  }
  await ctx.db.patch(party._id, { nextSessionAt: args.at });
  await markBoardDirty(ctx, party._id);
  return {
    session: (await ctx.db.get(sessionId))!,
    replaced: existing?.at ?? null,
    answers: existing?.rsvps.length ?? 0,
    oldPostEdited,
    post,
    notices,
    hostGoing,
  };
}

/**
 * Cancels the party's scheduled session: timers stopped, its event deleted, its post edited to say
 * so (without buttons) and a short post in the channel. `postEdited`: whether its post is known.
 */
export async function cancelSession(ctx: MutationCtx, actor: { discordUserId: string }, party: Doc<"parties">, canManageServer: boolean) {
  mayManage(party, actor.discordUserId, canManageServer);
  const session = await scheduledSession(ctx, party._id);
  if (session === null) fail("NOT_FOUND", "This party has no session scheduled — schedule one with /party schedule when:…");
  const postEdited = await stopSession(ctx, party, session, { tellChannel: true, by: actor.discordUserId });
  return { session, postEdited, going: goingBut(session, actor.discordUserId).length };
}

/**
 * Stops a scheduled session (no permission check: the caller decided): its timers, its event
 * (deleted) and its post (edited to say it was cancelled, without buttons); `tellChannel` adds a
 * short post saying so, pinging those who said Going (but `by`, who cancelled it). True when its
 * post is known.
 */
export async function stopSession(
  ctx: MutationCtx,
  party: Doc<"parties">,
  session: Doc<"party_sessions">,
  options: { tellChannel: boolean; by?: string },
): Promise<boolean> {
  await cancelTimers(ctx, session);
  await ctx.db.patch(session._id, {
    state: "cancelled",
    timers: [],
    ...(session.eventId !== undefined ? { eventSync: "delete" as const } : { eventSync: undefined }),
  });
  if (session.eventId !== undefined) await syncEventSoon(ctx, session._id);
  if (options.tellChannel)
    await schedulePost(ctx, session._id, "cancelled", session.at, options.by !== undefined ? { by: options.by } : {});
  const postEdited = await retirePost(ctx, session, session.at);
  await ctx.db.patch(party._id, { nextSessionAt: undefined });
  await markBoardDirty(ctx, party._id);
  return postEdited;
}

/** Minutes before a session its reminder may go out: none (0) up to a day. */
export const REMINDER_MINUTES_MAX = 24 * 60;

/** The party's reminder lead time; a scheduled session's reminder moves with it. */
export async function setReminderMinutes(
  ctx: MutationCtx,
  actor: { discordUserId: string },
  party: Doc<"parties">,
  minutes: number,
  canManageServer: boolean,
) {
  mayManage(party, actor.discordUserId, canManageServer);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > REMINDER_MINUTES_MAX)
    fail("INVALID_ARGUMENT", `The reminder goes out 0 to ${REMINDER_MINUTES_MAX} minutes before a session.`);
  await ctx.db.patch(party._id, { sessionReminderMinutes: minutes });
  const session = await scheduledSession(ctx, party._id);
  if (session !== null && session.reminderMinutes !== minutes) {
    await cancelTimers(ctx, session);
    await ctx.db.patch(session._id, { reminderMinutes: minutes, timers: await setTimers(ctx, session._id, session.at, minutes) });
  }
}

/** A weekly session's next one: same wall-clock time a week later in its zone, same settings, fresh RSVPs. */
export async function scheduleNextWeekly(ctx: MutationCtx, party: Doc<"parties">, session: Doc<"party_sessions">) {
  if (session.repeat !== "weekly" || party.state !== "active") return null;
  if ((await scheduledSession(ctx, party._id)) !== null) return null;
  let at = nextWeekly(session.at, session.zone);
  // A deployment that was down for weeks resumes at the next future week, not a past one.
  for (let i = 0; at < Date.now() + 60_000 && i < 60; i++) at = nextWeekly(at, session.zone);
  const announcedAt = Date.now();
  // Fresh answers, but the host who set up the repeat is going to each week's, as to the first.
  const host = session.scheduledBy === party.hostDiscordUserId ? await memberOf(ctx, party._id, party.hostDiscordUserId) : null;
  const sessionId = await ctx.db.insert("party_sessions", {
    partyId: party._id,
    guildId: session.guildId,
    channelId: session.channelId,
    scheduledBy: session.scheduledBy,
    at,
    zone: session.zone,
    repeat: "weekly",
    state: "scheduled",
    rsvps:
      host === null
        ? []
        : [{ discordUserId: host.discordUserId, name: await memberName(ctx, party, host.discordUserId), answer: "going", at: announcedAt }],
    reminderMinutes: party.sessionReminderMinutes ?? session.reminderMinutes,
    timers: [],
    posted: [],
    announcedAt,
    createdAt: announcedAt,
    // The previous one had an event, so the bot could create them: keep listing them.
    ...(session.eventId !== undefined ? { eventSync: "create" as const } : {}),
  });
  await ctx.db.patch(sessionId, { timers: await setTimers(ctx, sessionId, at, party.sessionReminderMinutes ?? session.reminderMinutes) });
  await schedulePost(ctx, sessionId, "announce", at, { announced: announcedAt });
  if (session.eventId !== undefined) await syncEventSoon(ctx, sessionId);
  await ctx.db.patch(party._id, { nextSessionAt: at });
  await markBoardDirty(ctx, party._id);
  return sessionId;
}

/**
 * A short nonce (≤ 25 characters) per session, post and time, and per announcement (`announced`):
 * a retried post is not posted twice, and a new announcement is never answered with an old post.
 */
export function sessionNonce(sessionId: string, kind: SessionPost, at: number, announced?: number): string {
  let h = 0x811c9dc5;
  const key = `${sessionId}:${kind}:${at}${announced !== undefined ? `:${announced}` : ""}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `ss${h.toString(36)}${kind[0]}${at.toString(36)}`.slice(0, 25);
}

/** Discord's limits on a scheduled event's name and description. */
export const EVENT_NAME_MAX = 100;
export const EVENT_DESCRIPTION_MAX = 1000;

/** The event Discord lists for a session: external, the channel as its place. */
export function scheduledEventBody(
  party: Pick<Doc<"parties">, "guildId" | "channelId" | "title" | "name" | "season">,
  label: string,
  at: number,
): RESTPostAPIGuildScheduledEventJSONBody {
  return {
    // Plain lines without bidirectional controls, cut (never mid-character) to Discord's limits.
    name: textLabel(label, EVENT_NAME_MAX),
    description: textLabel(
      `Watch-along of ${textLabel(party.title, 200)}${party.season !== undefined ? `, season ${party.season}` : ""}. RSVP in the channel; the board shows who is going.`,
      EVENT_DESCRIPTION_MAX,
    ),
    privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    entity_type: GuildScheduledEventEntityType.External,
    entity_metadata: { location: `https://discord.com/channels/${party.guildId}/${party.channelId}` },
    scheduled_start_time: new Date(at).toISOString(),
    scheduled_end_time: new Date(at + SESSION_LENGTH_MS).toISOString(),
  };
}

/** The board's view of the next session's answers (empty when none is scheduled). */
export async function nextSessionRsvps(
  ctx: QueryCtx,
  party: Doc<"parties">,
): Promise<{ nextSessionRsvps?: Array<{ name: string; answer: RsvpAnswer }> }> {
  if (party.nextSessionAt === undefined) return {};
  const session = await scheduledSession(ctx, party._id);
  if (session === null) return {};
  return { nextSessionRsvps: session.rsvps.map((r) => ({ name: r.name, answer: r.answer })) };
}
