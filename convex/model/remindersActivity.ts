// What the one episode write path tells the reminder scan: this user just marked something of
// this show, so its stalled-show reminder is due N days from now (N per user). Kept apart from
// model/reminders.ts so the write path (episodes.ts) imports nothing that imports it back.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

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
