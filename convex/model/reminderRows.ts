// A user's stalled-show reminder rows and what moves them: a mark (the "progress changed" hook,
// model/progressSubscribers.ts: due N days from now, N per user), and the person's own changes
// (settings, snooze, one show off, DMs open again). The scan and the DMs are in model/reminders.ts;
// this module stays small, so the bot's builders (lib/botFunctions.ts) need only reopenDms from it.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { english, type Translator } from "../../src/i18n";

type Row = Doc<"reminders">;
type Account = Doc<"discord_accounts">;

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Days without a mark before a show counts as stalled, unless the user chose otherwise. */
export const DEFAULT_REMINDER_DAYS = 7;

export function reminderDays(account: Pick<Doc<"discord_accounts">, "reminderDays"> | null): number {
  return account?.reminderDays ?? DEFAULT_REMINDER_DAYS;
}

export async function accountOfUser(ctx: QueryCtx, userId: Id<"users">): Promise<Doc<"discord_accounts"> | null> {
  return await ctx.db
    .query("discord_accounts")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .first();
}

export async function reminderRow(ctx: QueryCtx, userId: Id<"users">, tmdbId: number): Promise<Doc<"reminders"> | null> {
  return await ctx.db
    .query("reminders")
    .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId))
    .first();
}

/**
 * A mark (or unmark) of this show: the stalled reminder moves to N days from now. One indexed
 * read when the row exists (it carries the user's days and on/off, kept in step by settings
 * changes); the first mark of a show also reads the account. Someone who only uses the web app
 * (no Discord account) reads nothing and gets nothing. A muted show, or reminders off, keeps no
 * due time.
 */
export async function noteEpisodeActivity(ctx: MutationCtx, userId: Id<"users">, tmdbId: number, now: number): Promise<void> {
  const row = await reminderRow(ctx, userId, tmdbId);
  if (row !== null) {
    const armed = !row.muted && row.remindersOff !== true;
    const dueAt = armed ? Math.max(now + (row.days ?? DEFAULT_REMINDER_DAYS) * DAY_MS, row.snoozedUntil ?? 0) : undefined;
    await ctx.db.patch(row._id, { lastMarkedAt: now, dueAt });
    return;
  }
  const account = await accountOfUser(ctx, userId);
  if (account === null) return;
  await ctx.db.insert("reminders", {
    userId,
    tmdbId,
    muted: false,
    lastMarkedAt: now,
    ...(account.reminderDays !== undefined ? { days: account.reminderDays } : {}),
    ...(account.remindersEnabled ? { dueAt: now + reminderDays(account) * DAY_MS } : { remindersOff: true }),
  });
  await followAiring(ctx, tmdbId, now);
}

/** Airing checks are per show: the first follower adds it, everyone after costs one read, once. */
export const AIRING_CHECK_MS = DAY_MS;

export async function followAiring(ctx: MutationCtx, tmdbId: number, now: number): Promise<void> {
  const known = await ctx.db
    .query("airing_shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", tmdbId))
    .first();
  if (known === null) await ctx.db.insert("airing_shows", { tmdbId, checkAt: now });
}

/** A show whose last mark is older than this is left alone: the person has moved on. */
export const GIVE_UP_AFTER_MS = 30 * DAY_MS;
/** Snooze a week. */
export const SNOOZE_MS = 7 * DAY_MS;
/** Rows one settings change re-times (a user's shows with reminders). */
export const ROWS_PER_USER = 500;

/**
 * When a show last gave a reason to remind: a mark, or a new-episode alert (there is something new
 * to watch). The N days and the 30-day allowance run from it.
 */
export function lastActivity(row: Row): number | undefined {
  if (row.lastMarkedAt === undefined) return row.alertedAt;
  return Math.max(row.lastMarkedAt, row.alertedAt ?? 0);
}

// ── What a user changes ───────────────────────────────────────────────────────

/** The notice in English (tests compare with it); the person reads it in their own language. */
export const OPEN_DMS_HELP = english("reminders.dmsClosed");

/**
 * The user just used the bot: if a DM was refused (50007), reminders are tried again from now
 * (their parked shows become due), and the caller shows them how to open DMs. Returns that help.
 */
export async function reopenDms(ctx: MutationCtx, account: Account, now: number, t: Translator = english): Promise<string | null> {
  if (account.dmsClosedAt === undefined) return null;
  await ctx.db.patch(account._id, { dmsClosedAt: undefined });
  if (account.remindersEnabled) await retimeRows(ctx, account, now, { rearm: true });
  return t("reminders.dmsClosed");
}

/**
 * Re-times a user's reminder rows after a settings change: each armed row is due N days after its
 * last mark (or last reminder, or snooze); with `rearm`, parked rows of shows marked in the last
 * 30 days are armed again; with `park`, all lose their due time.
 */
export async function retimeRows(ctx: MutationCtx, account: Account, now: number, how: { rearm?: boolean; park?: boolean }): Promise<void> {
  const rows = await ctx.db
    .query("reminders")
    .withIndex("by_user_show", (q) => q.eq("userId", account.userId))
    .take(ROWS_PER_USER);
  const days = reminderDays(account);
  for (const row of rows) {
    // Each row carries the settings a mark needs (noteEpisodeActivity, above): keep them in step.
    const remindersOff = account.remindersEnabled ? undefined : true;
    if (row.days !== account.reminderDays || row.remindersOff !== remindersOff)
      await ctx.db.patch(row._id, { days: account.reminderDays, remindersOff });
    if (how.park) {
      if (row.dueAt !== undefined) await ctx.db.patch(row._id, { dueAt: undefined });
      continue;
    }
    const activity = lastActivity(row);
    if (row.muted || activity === undefined) continue;
    if (row.dueAt === undefined && !(how.rearm && now - activity <= GIVE_UP_AFTER_MS)) continue;
    const dueAt = Math.max(now, activity + days * DAY_MS, (row.lastSentAt ?? 0) + days * DAY_MS, row.snoozedUntil ?? 0);
    if (dueAt !== row.dueAt) await ctx.db.patch(row._id, { dueAt });
  }
}

/** Snooze: silence for a week, then one reminder if the show is still stalled. */
export async function snoozeShow(ctx: MutationCtx, userId: Id<"users">, tmdbId: number, now: number): Promise<number> {
  const until = now + SNOOZE_MS;
  const row = await reminderRow(ctx, userId, tmdbId);
  // A snooze starts the 30-day allowance again: the person asked to hear about it in a week.
  if (row === null) await ctx.db.insert("reminders", { userId, tmdbId, muted: false, snoozedUntil: until, dueAt: until });
  else await ctx.db.patch(row._id, { snoozedUntil: until, dueAt: until, muted: false });
  return until;
}

/** Stop (or start again) reminders and alerts for one show. */
export async function setShowEnabled(ctx: MutationCtx, account: Account, tmdbId: number, enabled: boolean, now: number): Promise<void> {
  const row = await reminderRow(ctx, account.userId, tmdbId);
  if (!enabled) {
    if (row === null) await ctx.db.insert("reminders", { userId: account.userId, tmdbId, muted: true });
    else await ctx.db.patch(row._id, { muted: true, dueAt: undefined, snoozedUntil: undefined });
    return;
  }
  if (row === null) return; // never muted: nothing to switch back on
  const days = reminderDays(account);
  const activity = lastActivity(row);
  const armed = account.remindersEnabled && activity !== undefined && now - activity <= GIVE_UP_AFTER_MS;
  await ctx.db.patch(row._id, { muted: false, dueAt: armed ? Math.max(now, activity + days * DAY_MS) : undefined });
}
