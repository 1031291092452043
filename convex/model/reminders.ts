// Stalled-show reminders: which are due, what they say, when they may go out.
//
// Every (user, show) someone has marked an episode of has one `reminders` row. The one episode
// write path sets its `dueAt` to "N days after this mark" (reminderRows.ts), so the scan
// reads only rows whose time has come, through the `by_due` index, a page at a time, whatever
// the size of the tables. Handling a due row always moves it out of the due range (to the next
// period, to the end of quiet hours, or parked with no due time) in the same transaction that
// queues its DM, so a cron that fires twice, or a page that is retried, finds nothing to send
// twice: one reminder per (user, show, period).
//
// Defaults (README "Reminders"): on for everyone who marks episodes through the bot or the web
// app with a Discord account; a show is reminded about while it is being watched and its last
// mark is under 30 days old (at most four reminders at the default 7 days), so someone who has
// stopped using the bot hears nothing; the first DM says how to stop.
import { RESTJSONErrorCodes, type RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { reminderDm, type StalledShow } from "../../src/views/reminder";
import { restMessageBody } from "../../src/views/message";
import { english, translator, type Translator } from "../../src/i18n";
import { readWatched, showProgress } from "./episodes";
import { fail } from "./errors";
import { getShow } from "./shows";
import { findItem, viewItem } from "./watchItems";
import { accountOfUser, DAY_MS, GIVE_UP_AFTER_MS, lastActivity, reminderDays, reminderRow, SNOOZE_MS } from "./reminderRows";
import { backoffMs } from "./board";

export { DAY_MS, DEFAULT_REMINDER_DAYS, reminderDays } from "./reminderRows";

/** Due rows read per scan transaction (each costs about five reads: row, item, show, summary, account). */
export const SCAN_PAGE = 100;
/** Shows one user's DM gathers (the view puts buttons on four and names the rest). */
export const SHOWS_PER_DM = 12;
/** At most one reminder DM per user in this span. */
export const DM_SPACING_MS = DAY_MS;
/**
 * Sending retries (5xx, timeouts) back off 2 s … 64 s (model/board.ts's backoff): all within
 * the 5 minutes Discord honours a nonce, so a post whose answer was lost is never sent twice.
 */
export const SEND_ATTEMPTS = 6;
export const MIN_DAYS = 1;
export const MAX_DAYS = 60;

// ── Settings ──────────────────────────────────────────────────────────────────

export interface QuietHours {
  start: number;
  end: number;
}

/** "22:00-08:00" → minutes after midnight; "off" → null. Anything else is refused with an example. */
export function parseQuietHours(text: string, t: Translator = english): QuietHours | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "off" || trimmed === "none") return null;
  // "22:00-08:00", and as people write it: "22-8", "10pm-8am", "10:30 pm – 7 am".
  const side = "(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?";
  const m = new RegExp(`^${side}\\s*(?:-|–|—|to)\\s*${side}$`).exec(trimmed);
  const minutes = (h: string, mm: string | undefined, half: string | undefined): number | null => {
    let hour = Number(h);
    const minute = mm === undefined ? 0 : Number(mm);
    if (minute > 59) return null;
    if (half !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (half === "pm" ? 12 : 0);
    } else if (hour > 23) return null;
    return hour * 60 + minute;
  };
  // "10-8" could start at 10:00 or 22:00: a bare hour that could be either is asked about.
  if (m && m[2] === undefined && m[3] === undefined && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const h = Number(m[1]);
    const other = h === 12 ? 0 : h + 12;
    fail(
      "INVALID_ARGUMENT",
      t("reminders.quiet.ambiguous", {
        early: `${String(h).padStart(2, "0")}:00`,
        late: `${String(other).padStart(2, "0")}:00`,
        as24: `${other}-${m[4]}`,
        asPm: `${h}${h === 12 ? "am" : "pm"}-${m[4]}am`,
      }),
    );
  }
  const start = m ? minutes(m[1]!, m[2], m[3]) : null;
  const end = m ? minutes(m[4]!, m[5], m[6]) : null;
  if (start === null || end === null || start === end) {
    fail("INVALID_ARGUMENT", t("reminders.quiet.bad"));
  }
  return { start, end };
}

export function formatQuietHours(quiet: QuietHours | undefined): string {
  if (quiet === undefined) return "none";
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(quiet.start)}-${hhmm(quiet.end)}`;
}

/** An IANA zone name the runtime knows ("Europe/Berlin", "UTC"); anything else is refused. */
export function parseTimeZone(zone: string, t: Translator = english): string {
  const name = zone.trim();
  if (name.length === 0 || name.length > 64) fail("INVALID_ARGUMENT", t("reminders.zone.pick"));
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    fail("INVALID_ARGUMENT", t("reminders.zone.unknown", { zone: name.slice(0, 64) }));
  }
}

export function parseDays(days: number, t: Translator = english): number {
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS)
    fail("INVALID_ARGUMENT", t("reminders.badDays", { min: MIN_DAYS, max: MAX_DAYS }));
  return days;
}

/**
 * When the quiet window `now` falls in ends, in the user's zone (DST-aware), or null when `now`
 * is outside it. A window may wrap past midnight (22:00-08:00).
 */
export function quietUntil(now: number, zone: string, quiet: QuietHours | undefined): number | null {
  if (quiet === undefined) return null;
  const local = new TZDate(now, zone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const wraps = quiet.start > quiet.end;
  const inside = wraps ? minute >= quiet.start || minute < quiet.end : minute >= quiet.start && minute < quiet.end;
  if (!inside) return null;
  let day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), Math.floor(quiet.end / 60), quiet.end % 60, 0, zone);
  if (wraps && minute >= quiet.start) day = addDays(day, 1);
  return day.getTime();
}

// ── The scan ──────────────────────────────────────────────────────────────────

type Row = Doc<"reminders">;
type Account = Doc<"discord_accounts">;

function watching(item: Doc<"watch_items"> | null): boolean {
  return item !== null && viewItem(item).progressStatus === "watching";
}

/** The next due rows, oldest first: only rows whose time has come are read. */
export async function dueRows(ctx: QueryCtx, now: number, limit = SCAN_PAGE): Promise<Row[]> {
  return await ctx.db
    .query("reminders")
    .withIndex("by_due", (q) => q.gte("dueAt", 0).lte("dueAt", now))
    .take(limit);
}

async function dueRowsOfUser(ctx: QueryCtx, userId: Id<"users">, now: number): Promise<Row[]> {
  return await ctx.db
    .query("reminders")
    .withIndex("by_user_due", (q) => q.eq("userId", userId).gte("dueAt", 0).lte("dueAt", now))
    .take(SHOWS_PER_DM);
}

/**
 * One page of the scan: every user with a due row on it gets all their due shows handled in one
 * go (one DM, several shows). Returns how many due rows it read and whether more may be due.
 */
export async function scanPage(ctx: MutationCtx, now: number): Promise<{ read: number; more: boolean; dms: number }> {
  const rows = await dueRows(ctx, now);
  const seen = new Set<Id<"users">>();
  let dms = 0;
  for (const row of rows) {
    if (seen.has(row.userId)) continue;
    seen.add(row.userId);
    if (await remindUser(ctx, row.userId, now)) dms++;
  }
  return { read: rows.length, more: rows.length === SCAN_PAGE, dms };
}

/**
 * Handles one user's due shows: each leaves the due range, and those still stalled go into one
 * DM queued for delivery. True when a DM was queued.
 */
export async function remindUser(ctx: MutationCtx, userId: Id<"users">, now: number): Promise<boolean> {
  const rows = await dueRowsOfUser(ctx, userId, now);
  if (rows.length === 0) return false;
  const account = await accountOfUser(ctx, userId);
  const park = async () => {
    for (const row of rows) await ctx.db.patch(row._id, { dueAt: undefined });
  };
  // Off, or unreachable until they next use the bot: nothing is due until something changes that.
  if (account === null || !account.remindersEnabled || account.dmsClosedAt !== undefined) {
    await park();
    return false;
  }
  const quietEnd = quietUntil(now, account.timeZone ?? "UTC", account.quietHours);
  const spacedUntil = account.lastDmAt !== undefined && now - account.lastDmAt < DM_SPACING_MS ? account.lastDmAt + DM_SPACING_MS : null;
  const waitUntil = Math.max(quietEnd ?? 0, spacedUntil ?? 0);
  if (waitUntil > now) {
    for (const row of rows) await ctx.db.patch(row._id, { dueAt: waitUntil });
    // The end of quiet hours is honoured to the minute, not at the next hourly scan.
    if (quietEnd !== null && quietEnd === waitUntil) await ctx.scheduler.runAt(quietEnd, internal.reminders.delivery.scanUser, { userId });
    return false;
  }

  const days = reminderDays(account);
  const shows: StalledShow[] = [];
  for (const row of rows) {
    const stalled = await stalledShow(ctx, account, row, days, now);
    if (stalled.kind === "later") await ctx.db.patch(row._id, { dueAt: stalled.at });
    else if (stalled.kind === "park") await ctx.db.patch(row._id, { dueAt: undefined });
    else {
      shows.push(stalled.show);
      await ctx.db.patch(row._id, { lastSentAt: now, snoozedUntil: undefined, dueAt: now + days * DAY_MS });
    }
  }
  if (shows.length === 0) return false;
  const body = restMessageBody(reminderDm({ shows, first: account.lastDmAt === undefined }, translator(account.locale)));
  await queueDm(
    ctx,
    account,
    body,
    shows.map((s) => s.tmdbId),
    now,
  );
  return true;
}

type Verdict = { kind: "remind"; show: StalledShow } | { kind: "later"; at: number } | { kind: "park" };

async function stalledShow(ctx: QueryCtx, account: Account, row: Row, days: number, now: number): Promise<Verdict> {
  const activity = lastActivity(row);
  if (row.muted || (activity === undefined && row.snoozedUntil === undefined)) return { kind: "park" };
  const lastMarkedAt = row.lastMarkedAt ?? 0;
  // Settings or a snooze may have moved the time since this row was timed.
  const due = Math.max((activity ?? 0) + days * DAY_MS, (row.lastSentAt ?? 0) + days * DAY_MS, row.snoozedUntil ?? 0);
  if (due > now) return { kind: "later", at: due };
  // A snooze counts as the person's say-so, like a mark: the 30 days run from the later of the two.
  const activeAt = Math.max(activity ?? 0, (row.snoozedUntil ?? 0) - SNOOZE_MS);
  if (now - activeAt > GIVE_UP_AFTER_MS) return { kind: "park" };
  const item = await findItem(ctx, account.userId, row.tmdbId, "tv");
  if (!watching(item)) return { kind: "park" };
  const show = await getShow(ctx, row.tmdbId);
  if (show === null) return { kind: "park" };
  const { watched } = await readWatched(ctx, account.userId, row.tmdbId);
  const progress = showProgress(show, watched);
  if (progress.next === null) return { kind: "park" };
  // TMDB counts announced episodes too: one that hasn't aired is not "up next" (they're caught up).
  const airing = await ctx.db
    .query("airing_shows")
    .withIndex("by_tmdb", (q) => q.eq("tmdbId", row.tmdbId))
    .first();
  const aired = airing?.lastAired;
  if (
    aired !== undefined &&
    (progress.next.season > aired.season || (progress.next.season === aired.season && progress.next.episode > aired.episode))
  ) {
    return { kind: "park" };
  }
  return {
    kind: "remind",
    show: {
      tmdbId: row.tmdbId,
      title: show.title,
      ...(show.image ? { posterUrl: show.image } : {}),
      next: progress.next,
      watched: progress.watched,
      total: progress.total,
      percent: progress.percent,
      idleDays: Math.floor((now - lastMarkedAt) / DAY_MS),
    },
  };
}

/** What the DM shows for these shows now (after a Mark watched): those that still have a next episode. */
export async function currentShows(ctx: QueryCtx, userId: Id<"users">, tmdbIds: number[], now: number): Promise<StalledShow[]> {
  const shows: StalledShow[] = [];
  for (const tmdbId of tmdbIds.slice(0, SHOWS_PER_DM)) {
    const show = await getShow(ctx, tmdbId);
    if (show === null) continue;
    const progress = showProgress(show, (await readWatched(ctx, userId, tmdbId)).watched);
    if (progress.next === null) continue;
    const row = await reminderRow(ctx, userId, tmdbId);
    shows.push({
      tmdbId,
      title: show.title,
      ...(show.image ? { posterUrl: show.image } : {}),
      next: progress.next,
      watched: progress.watched,
      total: progress.total,
      percent: progress.percent,
      idleDays: row?.lastMarkedAt === undefined ? 0 : Math.floor((now - row.lastMarkedAt) / DAY_MS),
    });
  }
  return shows;
}

// ── Delivery ──────────────────────────────────────────────────────────────────

/** A nonce for one queued DM (≤ 25 characters): the same on every retry of it. */
export function dmNonce(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `rm${h.toString(36)}${id.length.toString(36)}${id.slice(-8)}`.slice(0, 25);
}

export async function queueDm(
  ctx: MutationCtx,
  account: Account,
  body: RESTPostAPIChannelMessageJSONBody,
  tmdbIds: number[],
  now: number,
  sendAt: number = now,
): Promise<Id<"reminder_sends">> {
  const sendId = await ctx.db.insert("reminder_sends", {
    userId: account.userId,
    discordUserId: account.discordUserId,
    body,
    nonce: "",
    tmdbIds,
    state: "pending",
    attempts: 0,
    createdAt: now,
    ...(sendAt > now ? { sendAt } : {}),
  });
  await ctx.db.patch(sendId, { nonce: dmNonce(sendId) });
  await ctx.db.patch(account._id, { lastDmAt: now });
  await ctx.scheduler.runAt(Math.max(now, sendAt), internal.reminders.delivery.deliver, { sendId });
  return sendId;
}

export type SendOutcome =
  | { kind: "sent"; messageId: string }
  | { kind: "closed" }
  | { kind: "refused"; message: string }
  | { kind: "retry"; afterMs: number; counts: boolean };

/** Discord's answer to a DM, in what the reminder does next. */
export function sendOutcome(
  result:
    | { ok: true; data: { id: string } }
    | { ok: false; kind: string; code?: number | null; retryAfterMs?: number; message?: string; status?: number | null },
  attempts: number,
): SendOutcome {
  if (result.ok) return { kind: "sent", messageId: result.data.id };
  if (result.kind === "rate_limited") return { kind: "retry", afterMs: (result.retryAfterMs ?? 1000) + 50, counts: false };
  if (result.kind === "unavailable") return { kind: "retry", afterMs: backoffMs(attempts + 1), counts: true };
  if (result.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return { kind: "closed" };
  return { kind: "refused", message: `${result.code ?? result.status}: ${String(result.message ?? "").slice(0, 120)}` };
}

export async function finishSend(ctx: MutationCtx, sendId: Id<"reminder_sends">, outcome: SendOutcome): Promise<void> {
  const send = await ctx.db.get(sendId);
  if (send === null || send.state !== "pending") return;
  switch (outcome.kind) {
    case "sent":
      await ctx.db.patch(sendId, { state: "sent", messageId: outcome.messageId, attempts: send.attempts + 1 });
      return;
    case "closed": {
      // 50007: no retry at all. The user is unreachable until they next use the bot (reopenDms).
      // The reminder never arrived: its shows are parked as unsent, so when the user is back it goes
      // out at the next scan instead of a period later, and is still their "first" if it was.
      await ctx.db.patch(sendId, { state: "undeliverable", attempts: send.attempts + 1 });
      for (const tmdbId of send.tmdbIds) {
        const row = await reminderRow(ctx, send.userId, tmdbId);
        if (row !== null && row.lastSentAt === send.createdAt) await ctx.db.patch(row._id, { lastSentAt: undefined, dueAt: undefined });
      }
      const account = await accountOfUser(ctx, send.userId);
      if (account !== null)
        await ctx.db.patch(account._id, {
          dmsClosedAt: Date.now(),
          ...(account.lastDmAt === send.createdAt ? { lastDmAt: undefined } : {}),
        });
      return;
    }
    case "refused":
      console.warn(`reminder DM ${sendId} refused (${outcome.message}); not retried`);
      await ctx.db.patch(sendId, { state: "undeliverable", attempts: send.attempts + 1 });
      return;
    case "retry": {
      const attempts = send.attempts + (outcome.counts ? 1 : 0);
      if (attempts >= SEND_ATTEMPTS) {
        console.warn(`reminder DM ${sendId}: Discord unavailable ${attempts} times; given up`);
        await ctx.db.patch(sendId, { state: "undeliverable", attempts });
        return;
      }
      await ctx.db.patch(sendId, { attempts });
      await ctx.scheduler.runAfter(outcome.afterMs, internal.reminders.delivery.deliver, { sendId });
      return;
    }
  }
}

/** A sent DM is kept this long (its buttons find the shows it listed), then forgotten. */
export const SEND_RETENTION_MS = 30 * DAY_MS;
export const PRUNE_PAGE = 500;

/** Deletes one page of DMs older than the retention; true when more may be left. */
export async function pruneSends(ctx: MutationCtx, now: number): Promise<boolean> {
  const old = await ctx.db
    .query("reminder_sends")
    .withIndex("by_created", (q) => q.lt("createdAt", now - SEND_RETENTION_MS))
    .take(PRUNE_PAGE);
  for (const send of old) await ctx.db.delete(send._id);
  return old.length === PRUNE_PAGE;
}
