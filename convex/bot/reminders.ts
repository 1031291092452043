// Stalled-show reminders, the bot's API: /remind and the reminder DM's buttons. Logic lives in
// model/reminders.ts; see the README's "Reminders" for what users see. The scan and delivery are in
// convex/reminders/delivery.ts, new-episode alerts in convex/reminders/airing.ts.
import { v } from "convex/values";
import { titleFromStore } from "../lib/botArgs";
import { botMutation, botQuery } from "../lib/botFunctions";
import { fail } from "../model/errors";
import { translator } from "../../src/i18n";
import { currentShows, formatQuietHours, parseDays, parseQuietHours, parseTimeZone, DEFAULT_REMINDER_DAYS } from "../model/reminders";
import { retimeRows, setShowEnabled, snoozeShow } from "../model/reminderRows";
import { checkEpisodes, requireShow } from "../model/shows";
import { markEpisodes } from "../model/tracking";
import { parseTmdbId } from "../model/vocabulary";
import { findItem } from "../model/watchItems";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Id } from "../_generated/dataModel";
import type { BotActor } from "../lib/botFunctions";

type BotCtx = MutationCtx & { actor: BotActor; takeDmNotice: () => string | null };

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
async function settingsOf(ctx: BotCtx) {
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
    return { ...(await settingsOf(ctx)), changed };
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
    const t = translator(ctx.locale);
    if (args.days !== undefined) patch.reminderDays = parseDays(args.days, t);
    if (args.quiet !== undefined) patch.quietHours = parseQuietHours(args.quiet, t) ?? undefined;
    if (args.timeZone !== undefined) patch.timeZone = parseTimeZone(args.timeZone, t);
    if (Object.keys(patch).length > 0) {
      await ctx.db.patch(account._id, patch);
      if (patch.reminderDays !== undefined && patch.reminderDays !== account.reminderDays) {
        await retimeRows(ctx, { ...account, ...patch }, now, account.remindersEnabled ? {} : { park: true });
      }
    }
    return await settingsOf(ctx);
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

const showResult = v.object({
  title: v.string(),
  enabled: v.boolean(),
  notice: v.union(v.string(), v.null()),
  dmShows: v.optional(v.array(stalledShowValidator)),
});

/** The queued send a reminder DM came from, when the message is one of this person's reminder DMs. */
async function reminderDmOf(ctx: QueryCtx, userId: Id<"users">, messageId: string | undefined) {
  if (messageId === undefined || !/^\d{15,22}$/.test(messageId)) return null;
  const send = await ctx.db
    .query("reminder_sends")
    .withIndex("by_message", (q) => q.eq("messageId", messageId))
    .first();
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
    const row = await ctx.db
      .query("reminders")
      .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", id))
      .unique();
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
    const show = await ctx.db
      .query("shows")
      .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
      .first();
    const stored = show?.title ?? (await findItem(ctx, account.userId, tmdbId, "tv"))?.title;
    const sent = args.title?.trim().slice(0, 200) || undefined;
    const title = stored ?? sent;
    if (title === undefined && args.titleFromStore === true)
      fail("TITLE_NOT_STORED", "I need that show's details from TMDB first — try again in a moment.");
    const notice = ctx.takeDmNotice();
    await setShowEnabled(ctx, account, tmdbId, args.enabled, now);
    const dmShows = args.enabled ? undefined : await otherDmShows(ctx, account.userId, args.messageId, tmdbId, now);
    return { title: title ?? `show ${tmdbId}`, enabled: args.enabled, notice, ...(dmShows ? { dmShows } : {}) };
  },
});

/** The DM's Snooze a week. */
export const snooze = botMutation({
  args: { tmdbId: v.number(), messageId: v.optional(v.string()) },
  returns: v.object({
    title: v.string(),
    until: v.number(),
    notice: v.union(v.string(), v.null()),
    dmShows: v.optional(v.array(stalledShowValidator)),
  }),
  handler: async (ctx, args) => {
    const now = Date.now();
    const tmdbId = parseTmdbId(args.tmdbId);
    const account = await accountOf(ctx);
    const notice = ctx.takeDmNotice();
    const until = await snoozeShow(ctx, account.userId, tmdbId, now);
    const show = await ctx.db
      .query("shows")
      .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
      .first();
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
  returns: v.object({
    title: v.string(),
    code: v.string(),
    changed: v.boolean(),
    shows: v.array(stalledShowValidator),
    notice: v.union(v.string(), v.null()),
  }),
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
  handler: async (ctx) => await settingsOf(ctx),
});

/** Whether reminders are on, for replies that only read. */
export const status = botQuery({
  args: {},
  returns: v.object({ enabled: v.boolean(), unreachable: v.boolean() }),
  handler: async (ctx) => {
    const userId = await ctx.actor.userId();
    if (userId === null) return { enabled: true, unreachable: false };
    const account = await ctx.db
      .query("discord_accounts")
      .withIndex("by_discord", (q) => q.eq("discordUserId", ctx.actor.discordUserId))
      .unique();
    return { enabled: account?.remindersEnabled ?? true, unreachable: account?.dmsClosedAt !== undefined };
  },
});
