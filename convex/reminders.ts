// Stalled-show reminders: the scan (a cron, internal), delivery through convex/discord.ts
// (internal), and the bot's API for /remind and the DM's buttons. Logic lives in
// model/reminders.ts; see the README's "Reminders" for what users see.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { sendDirectMessage } from "./discord";
import { titleFromStore } from "./lib/botArgs";
import { botMutation, botQuery } from "./lib/botFunctions";
import { reportTransactionCost } from "./lib/metrics";
import { fail } from "./model/errors";
import {
  currentShows,
  finishSend,
  formatQuietHours,
  parseDays,
  parseQuietHours,
  parseTimeZone,
  pruneSends,
  remindUser,
  retimeRows,
  scanPage,
  sendOutcome,
  setShowEnabled,
  snoozeShow,
  DEFAULT_REMINDER_DAYS,
  type SendOutcome,
} from "./model/reminders";
import { alertFollowersPage, applyAiring, claimAiringChecks, finishCaughtUpPage, noteAiringFailure, parseAiring } from "./model/remindersAlerts";
import { checkEpisodes, requireShow } from "./model/shows";
import { markEpisodes } from "./model/tracking";
import { parseTmdbId } from "./model/vocabulary";
import { findItem } from "./model/watchItems";
import type { MutationCtx, QueryCtx } from "./_generated/server";
import type { Id } from "./_generated/dataModel";
import type { BotActor } from "./lib/botFunctions";
import { interactionFollowUp } from "./discord";
import { showDetails } from "./tmdb";

type BotCtx = MutationCtx & { actor: BotActor; takeDmNotice: () => string | null };

// ── The scan ──────────────────────────────────────────────────────────────────

/** One page of due reminders; schedules the next page at once while a page comes back full. */
export const scan = internalMutation({
  args: {},
  returns: v.object({ read: v.number(), dms: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const result = await scanPage(ctx, Date.now());
    if (result.more) await ctx.scheduler.runAfter(0, internal.reminders.scan, {});
    await reportTransactionCost(ctx);
    return result;
  },
});

/** Forgets reminder DMs older than 30 days, a page at a time. */
export const prune = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    if (await pruneSends(ctx, Date.now())) await ctx.scheduler.runAfter(0, internal.reminders.prune, {});
    await reportTransactionCost(ctx);
    return null;
  },
});

/** One user's due reminders, at the end of their quiet hours. */
export const scanUser = internalMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    await remindUser(ctx, userId, Date.now());
    await reportTransactionCost(ctx);
    return null;
  },
});

// ── Delivery ──────────────────────────────────────────────────────────────────

export const pendingSend = internalQuery({
  args: { sendId: v.id("reminder_sends") },
  returns: v.union(v.null(), v.object({ discordUserId: v.string(), body: v.any(), nonce: v.string(), attempts: v.number() })),
  handler: async (ctx, { sendId }) => {
    const send = await ctx.db.get(sendId);
    await reportTransactionCost(ctx);
    if (send === null || send.state !== "pending") return null;
    return { discordUserId: send.discordUserId, body: send.body, nonce: send.nonce, attempts: send.attempts };
  },
});

const sendOutcomeValidator = v.union(
  v.object({ kind: v.literal("sent"), messageId: v.string() }),
  v.object({ kind: v.literal("closed") }),
  v.object({ kind: v.literal("refused"), message: v.string() }),
  v.object({ kind: v.literal("retry"), afterMs: v.number(), counts: v.boolean() }),
);

export const finish = internalMutation({
  args: { sendId: v.id("reminder_sends"), outcome: sendOutcomeValidator },
  returns: v.null(),
  handler: async (ctx, { sendId, outcome }) => {
    await finishSend(ctx, sendId, outcome);
    await reportTransactionCost(ctx);
    return null;
  },
});

/** Posts one queued DM (nonce + enforce_nonce: a retry after a lost answer returns the first message). */
export const deliver = internalAction({
  args: { sendId: v.id("reminder_sends") },
  returns: v.null(),
  handler: async (ctx, { sendId }) => {
    const send = await ctx.runQuery(internal.reminders.pendingSend, { sendId });
    if (send === null) return null;
    let outcome: SendOutcome;
    try {
      const result = await sendDirectMessage(send.discordUserId, { ...send.body, nonce: send.nonce, enforce_nonce: true });
      outcome = sendOutcome(result, send.attempts);
    } catch (error) {
      // A configuration problem or a bug: retried with backoff, then given up (never a loop).
      console.warn(`reminder DM ${sendId}: ${error instanceof Error ? error.message : String(error)}`);
      outcome = { kind: "retry", afterMs: 2_000 * 2 ** send.attempts, counts: true };
    }
    await ctx.runMutation(internal.reminders.finish, { sendId, outcome });
    return null;
  },
});

// ── The bot's API: /remind and the DM's buttons ───────────────────────────────

const settingsValidator = v.object({
  enabled: v.boolean(),
  days: v.number(),
  quiet: v.string(),
  timeZone: v.string(),
  /** Set when a DM was refused: how to open DMs (shown once, in this reply). */
  notice: v.union(v.string(), v.null()),
});

async function accountOf(ctx: BotCtx) {
  const account = await ctx.db.get(ctx.actor.accountId);
  if (account === null) fail("NOT_FOUND", "Your profile is gone — try again.");
  return account;
}

/** Everything a settings reply shows; clears an unreachable mark (they are using the bot). */
async function settingsOf(ctx: BotCtx, now: number) {
  const account = await accountOf(ctx);
  const notice = ctx.takeDmNotice();
  const fresh = (await ctx.db.get(account._id))!;
  return {
    enabled: fresh.remindersEnabled,
    days: fresh.reminderDays ?? DEFAULT_REMINDER_DAYS,
    quiet: formatQuietHours(fresh.quietHours),
    timeZone: fresh.timeZone ?? "UTC",
    notice,
  };
}

/** /remind on, /remind off; `changed` is false when they already were. */
export const setEnabled = botMutation({
  args: { enabled: v.boolean() },
  returns: v.object({ ...settingsValidator.fields, changed: v.boolean() }),
  handler: async (ctx, { enabled }) => {
    const now = Date.now();
    const account = await accountOf(ctx);
    const changed = account.remindersEnabled !== enabled;
    if (changed) {
      await ctx.db.patch(account._id, { remindersEnabled: enabled });
      await retimeRows(ctx, { ...account, remindersEnabled: enabled }, now, enabled ? { rearm: true } : { park: true });
    }
    return { ...(await settingsOf(ctx, now)), changed };
  },
});

/** /remind settings [days] [quiet] [timezone]: with nothing given, shows them. */
export const updateSettings = botMutation({
  args: { days: v.optional(v.number()), quiet: v.optional(v.string()), timeZone: v.optional(v.string()) },
  returns: settingsValidator,
  handler: async (ctx, args) => {
    const now = Date.now();
    const account = await accountOf(ctx);
    const patch: { reminderDays?: number; quietHours?: { start: number; end: number } | undefined; timeZone?: string } = {};
    if (args.days !== undefined) patch.reminderDays = parseDays(args.days);
    if (args.quiet !== undefined) patch.quietHours = parseQuietHours(args.quiet) ?? undefined;
    if (args.timeZone !== undefined) patch.timeZone = parseTimeZone(args.timeZone);
    if (Object.keys(patch).length > 0) {
      await ctx.db.patch(account._id, patch);
      if (patch.reminderDays !== undefined && patch.reminderDays !== account.reminderDays) {
        await retimeRows(ctx, { ...account, ...patch }, now, account.remindersEnabled ? {} : { park: true });
      }
    }
    return await settingsOf(ctx, now);
  },
});

const stalledShowValidator = v.object({
  tmdbId: v.number(),
  title: v.string(),
  posterUrl: v.optional(v.string()),
  next: v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) }),
  watched: v.number(),
  total: v.number(),
  percent: v.number(),
  idleDays: v.number(),
});

const showResult = v.object({ title: v.string(), enabled: v.boolean(), notice: v.union(v.string(), v.null()), dmShows: v.optional(v.array(stalledShowValidator)) });

/** The queued send a reminder DM came from, when the message is one of this person's reminder DMs. */
async function reminderDmOf(ctx: QueryCtx, userId: Id<"users">, messageId: string | undefined) {
  if (messageId === undefined || !/^\d{15,22}$/.test(messageId)) return null;
  const send = await ctx.db.query("reminder_sends").withIndex("by_message", (q) => q.eq("messageId", messageId)).first();
  return send !== null && send.userId === userId ? send : null;
}

/**
 * The other shows a reminder DM lists, as they are now, for editing the DM after one of its rows
 * was snoozed or stopped; undefined when the message isn't one of this person's reminder DMs.
 */
async function otherDmShows(ctx: QueryCtx, userId: Id<"users">, messageId: string | undefined, without: number, now: number) {
  const send = await reminderDmOf(ctx, userId, messageId);
  if (send === null) return undefined;
  // Not the shows already stopped or snoozed from this DM (or elsewhere) since it was sent.
  const listed: number[] = [];
  for (const id of send.tmdbIds) {
    if (id === without) continue;
    const row = await ctx.db.query("reminders").withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", id)).unique();
    if (row !== null && (row.muted || (row.snoozedUntil ?? 0) > now)) continue;
    listed.push(id);
  }
  return await currentShows(ctx, userId, listed, now);
}

/**
 * /remind show title enabled, and the DM's Stop button. The reply names the show: from the
 * stored show or the person's item, else the title the bot sent. With titleFromStore (a show
 * given by id) and no name anywhere, nothing is written: TITLE_NOT_STORED, and the bot asks
 * TMDB — which also tells a movie's id from a show's — and sends the title along.
 */
export const setShow = botMutation({
  args: { tmdbId: v.number(), enabled: v.boolean(), title: v.optional(v.string()), messageId: v.optional(v.string()), ...titleFromStore },
  returns: showResult,
  handler: async (ctx, args) => {
    const now = Date.now();
    const tmdbId = parseTmdbId(args.tmdbId);
    const account = await accountOf(ctx);
    const show = await ctx.db.query("shows").withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId)).first();
    const stored = show?.title ?? (await findItem(ctx, account.userId, tmdbId, "tv"))?.title;
    const sent = args.title?.trim().slice(0, 200) || undefined;
    const title = stored ?? sent;
    if (title === undefined && args.titleFromStore === true) fail("TITLE_NOT_STORED", "I need that show's details from TMDB first — try again in a moment.");
    const notice = ctx.takeDmNotice();
    await setShowEnabled(ctx, account, tmdbId, args.enabled, now);
    const dmShows = args.enabled ? undefined : await otherDmShows(ctx, account.userId, args.messageId, tmdbId, now);
    return { title: title ?? `show ${tmdbId}`, enabled: args.enabled, notice, ...(dmShows ? { dmShows } : {}) };
  },
});

/** The DM's Snooze a week. */
export const snooze = botMutation({
  args: { tmdbId: v.number(), messageId: v.optional(v.string()) },
  returns: v.object({ title: v.string(), until: v.number(), notice: v.union(v.string(), v.null()), dmShows: v.optional(v.array(stalledShowValidator)) }),
  handler: async (ctx, args) => {
    const now = Date.now();
    const tmdbId = parseTmdbId(args.tmdbId);
    const account = await accountOf(ctx);
    const notice = ctx.takeDmNotice();
    const until = await snoozeShow(ctx, account.userId, tmdbId, now);
    const show = await ctx.db.query("shows").withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId)).first();
    const dmShows = await otherDmShows(ctx, account.userId, args.messageId, tmdbId, now);
    return { title: show?.title ?? `show ${tmdbId}`, until, notice, ...(dmShows ? { dmShows } : {}) };
  },
});



/**
 * The DM's Mark watched: marks the episode through the one write path (status and progress
 * follow, parties move, the reminder restarts) and answers with the shows the DM lists, as
 * they are now, so the bot edits it to each one's next episode.
 */
export const markFromDm = botMutation({
  args: { tmdbId: v.number(), season: v.number(), episode: v.number(), messageId: v.optional(v.string()) },
  returns: v.object({ title: v.string(), code: v.string(), changed: v.boolean(), shows: v.array(stalledShowValidator), notice: v.union(v.string(), v.null()) }),
  handler: async (ctx, args) => {
    const now = Date.now();
    const tmdbId = parseTmdbId(args.tmdbId);
    const account = await accountOf(ctx);
    const notice = ctx.takeDmNotice();
    const show = await requireShow(ctx, tmdbId);
    checkEpisodes(show, args.season, [args.episode]);
    const code = `S${args.season}E${args.episode}`;
    const outcome = await markEpisodes(ctx, account.userId, {
      tmdbId,
      batch: [{ season: args.season, episodes: [args.episode] }],
      isWatched: true,
      description: `marked ${show.title} ${code}`,
      followStatus: true,
    });
    // The shows this DM lists: the queued send it came from, when it is theirs.
    const send = await reminderDmOf(ctx, account.userId, args.messageId);
    const shows = await currentShows(ctx, account.userId, send?.tmdbIds ?? [tmdbId], now);
    return { title: show.title, code, changed: outcome.changed > 0, shows, notice };
  },
});

/** Settings as they are, for the DM's Settings button (clears an unreachable mark too). */
export const settings = botMutation({
  args: {},
  returns: settingsValidator,
  handler: async (ctx) => await settingsOf(ctx, Date.now()),
});

/** Whether reminders are on, for replies that only read. */
export const status = botQuery({
  args: {},
  returns: v.object({ enabled: v.boolean(), unreachable: v.boolean() }),
  handler: async (ctx) => {
    const userId = await ctx.actor.userId();
    if (userId === null) return { enabled: true, unreachable: false };
    const account = await ctx.db.query("discord_accounts").withIndex("by_discord", (q) => q.eq("discordUserId", ctx.actor.discordUserId)).unique();
    return { enabled: account?.remindersEnabled ?? true, unreachable: account?.dmsClosedAt !== undefined };
  },
});

// ── New-episode alerts (model/remindersAlerts.ts) ─────────────────────────────

const episodeKeyValidator = v.object({ season: v.number(), episode: v.number() });

/** The hourly check: shows whose daily TMDB check is due, one refresh each. */
export const checkAiring = internalMutation({
  args: {},
  returns: v.object({ shows: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const { tmdbIds, more } = await claimAiringChecks(ctx, Date.now());
    for (const tmdbId of tmdbIds) await ctx.scheduler.runAfter(0, internal.reminders.refreshAiring, { tmdbId });
    if (more) await ctx.scheduler.runAfter(0, internal.reminders.checkAiring, {});
    await reportTransactionCost(ctx);
    return { shows: tmdbIds.length, more };
  },
});

/** One show's TMDB details (one request), then what aired. A failure waits for tomorrow's check. */
export const refreshAiring = internalAction({
  args: { tmdbId: v.number() },
  returns: v.null(),
  handler: async (ctx, { tmdbId }) => {
    const answer = await showDetails(parseTmdbId(tmdbId));
    const info = answer.ok ? parseAiring(answer.body) : null;
    if (info !== null) await ctx.runMutation(internal.reminders.recordAiring, { tmdbId, info });
    else {
      // TMDB down, slow or answering nonsense: this show is checked again soon, backing off (model/remindersAlerts.ts).
      const retry = await ctx.runMutation(internal.reminders.recordAiringFailure, { tmdbId });
      console.warn(`airing check of show ${tmdbId}: ${answer.ok ? "TMDB's answer is not a show" : answer.message}${retry ? `; retrying at ${new Date(retry.retryAt).toISOString()} (failure ${retry.failures})` : ""}`);
    }
    return null;
  },
});

export const recordAiringFailure = internalMutation({
  args: { tmdbId: v.number() },
  returns: v.union(v.null(), v.object({ failures: v.number(), retryAt: v.number() })),
  handler: async (ctx, { tmdbId }) => await noteAiringFailure(ctx, tmdbId, Date.now()),
});

export const recordAiring = internalMutation({
  args: {
    tmdbId: v.number(),
    info: v.object({
      title: v.string(),
      seasons: v.array(v.object({ season: v.number(), name: v.string(), episodeCount: v.number() })),
      lastAired: v.union(v.null(), v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) })),
      nextAir: v.optional(v.object({ season: v.number(), episode: v.number(), airDate: v.optional(v.string()) })),
      ongoing: v.optional(v.boolean()),
    }),
  },
  returns: v.boolean(),
  handler: async (ctx, { tmdbId, info }) => {
    const changed = await applyAiring(ctx, tmdbId, info);
    await reportTransactionCost(ctx);
    return changed;
  },
});

/** One page of a show's followers for a newly aired episode; the next page follows. */
export const alertFollowers = internalMutation({
  args: {
    tmdbId: v.number(),
    previous: episodeKeyValidator,
    aired: v.object({ season: v.number(), episode: v.number(), name: v.optional(v.string()) }),
    cursor: v.union(v.string(), v.null()),
  },
  returns: v.number(),
  handler: async (ctx, args) => {
    const { alerted, continueCursor } = await alertFollowersPage(ctx, args, Date.now());
    if (continueCursor !== null) await ctx.scheduler.runAfter(0, internal.reminders.alertFollowers, { ...args, cursor: continueCursor });
    await reportTransactionCost(ctx);
    return alerted;
  },
});

/** After a followed show ends: its caught-up viewers are finished (model/remindersAlerts finishCaughtUpPage), a page at a time. */
export const finishCaughtUp = internalMutation({
  args: { tmdbId: v.number(), cursor: v.union(v.string(), v.null()) },
  returns: v.number(),
  handler: async (ctx, { tmdbId, cursor }) => {
    const { finished, continueCursor } = await finishCaughtUpPage(ctx, tmdbId, cursor, Date.now());
    if (continueCursor !== null) await ctx.scheduler.runAfter(0, internal.reminders.finishCaughtUp, { tmdbId, cursor: continueCursor });
    await reportTransactionCost(ctx);
    return finished;
  },
});

/** The follow-up that tells someone their DMs refused a reminder (ephemeral, on the interaction they just made). */
export const tellDmsClosed = internalAction({
  args: { applicationId: v.string(), token: v.string(), text: v.string() },
  returns: v.null(),
  handler: async (_ctx, { applicationId, token, text }) => {
    const sent = await interactionFollowUp(applicationId, token, { content: text, flags: 64, allowed_mentions: { parse: [] } });
    if (!sent.ok) console.warn(`could not tell a user their DMs are closed: ${JSON.stringify(sent).slice(0, 200)}`);
    return null;
  },
});
