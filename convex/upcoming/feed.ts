// The calendar feed: a private iCalendar URL per person (GET /calendar/<token>.ics, convex/http.ts).
// The token is HMAC-SHA256 of a stored random salt under a key derived from BOT_API_SECRET: the
// table never holds it, only its SHA-256 for the lookup, yet `/upcoming feed` can show the same
// URL again. Reset link replaces the salt, so the old URL answers 404.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { internalQuery, type MutationCtx, type QueryCtx } from "../_generated/server";
import { reportTransactionCost } from "../lib/metrics";
import { fail } from "../model/errors";
import { partyLabel } from "../model/parties";
import { scheduledSession, SESSION_LENGTH_MS } from "../model/sessions";
import { discordAccount } from "../model/users";
import { episodesBetween, followedShows, MAX_DAYS, type DatedEpisode } from "./schedule";
import { base64url } from "../lib/base64url";

/** A salt as the bot makes it: 32 random bytes, base64url without padding. */
const SALT = /^[A-Za-z0-9_-]{43}$/;
/** A token in a URL: 32 bytes of HMAC, base64url without padding (256 bits). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Party memberships the feed looks through for scheduled sessions (the most recent first). */
export const FEED_MEMBERSHIPS_MAX = 50;
/** Days before today the feed still lists (calendar apps drop events that leave the feed). */
export const FEED_PAST_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The URL token for a salt: HMAC-SHA256 under a key only the deployment has. */
export async function tokenFor(salt: string): Promise<string> {
  const secret = process.env.BOT_API_SECRET;
  if (secret === undefined || secret.length < 16)
    fail("FORBIDDEN", "The calendar feed is not configured on this deployment (BOT_API_SECRET).");
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(`film-fanatic calendar feed\n${secret}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(salt))));
}

/**
 * Where the deployment serves its HTTP actions: LINK_PAGE_BASE_URL when set (the custom domain the
 * link page uses), else the CONVEX_SITE_URL Convex sets.
 */
export function siteBase(): string {
  const site = (process.env.LINK_PAGE_BASE_URL || process.env.CONVEX_SITE_URL)?.trim().replace(/\/+$/, "");
  if (!site || !/^https?:\/\/[^\s/]+$/.test(site))
    fail("FORBIDDEN", "The calendar feed is not available on this deployment (it has no site URL).");
  // The URL is the credential: never sent in clear, except to this machine (the sandbox).
  if (site.startsWith("http://") && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(site))
    fail("FORBIDDEN", "The calendar feed needs an https site URL (LINK_PAGE_BASE_URL or CONVEX_SITE_URL).");
  return site;
}

export async function feedRow(ctx: QueryCtx, discordUserId: string): Promise<Doc<"calendar_feeds"> | null> {
  return await ctx.db
    .query("calendar_feeds")
    .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
    .unique();
}

/** "Delete my Discord data": the feed goes with it (its URL answers 404). */
export async function forgetFeed(ctx: MutationCtx, discordUserId: string): Promise<void> {
  const row = await feedRow(ctx, discordUserId);
  if (row !== null) await ctx.db.delete(row._id);
}

/** A feed made before the person's current profile (their Discord data was deleted since) is dead. */
const outlived = (row: Doc<"calendar_feeds">, account: Doc<"discord_accounts">) => row.createdAt < account.createdAt;

/**
 * The person's feed URL: the one they have, or a new one from `salt` (the bot's 32 random bytes)
 * when they have none or ask to reset it. `created`: a new URL (the old one, if any, is dead).
 */
export async function feedUrl(
  ctx: MutationCtx,
  discordUserId: string,
  args: { salt: string; reset: boolean },
): Promise<{ url: string; created: boolean; since: number }> {
  if (!SALT.test(args.salt)) fail("INVALID_ARGUMENT", "That feed salt is malformed.");
  const base = siteBase();
  const row = await feedRow(ctx, discordUserId);
  const account = await discordAccount(ctx, discordUserId);
  const now = Date.now();
  if (row === null || args.reset || (account !== null && outlived(row, account))) {
    const token = await tokenFor(args.salt);
    const fields = { salt: args.salt, tokenHash: await sha256Hex(token), createdAt: now };
    if (row === null) await ctx.db.insert("calendar_feeds", { discordUserId, ...fields });
    else await ctx.db.patch(row._id, fields);
    return { url: `${base}/calendar/${token}.ics`, created: true, since: now };
  }
  const token = await tokenFor(row.salt);
  const tokenHash = await sha256Hex(token);
  // BOT_API_SECRET was changed: the URL shown now is the one that works from now on.
  if (tokenHash !== row.tokenHash) await ctx.db.patch(row._id, { tokenHash });
  return { url: `${base}/calendar/${token}.ics`, created: false, since: row.createdAt };
}

/** A scheduled watch-along in the feed. */
export interface FeedSession {
  id: Id<"party_sessions">;
  at: number;
  /** Minutes. */
  length: number;
  label: string;
  movie: boolean;
  weekly: boolean;
  guildId: string;
  channelId: string;
  answer?: "going" | "maybe" | "cant";
  /** When it took its current time: what its DTSTAMP and SEQUENCE follow. */
  changedAt: number;
}

export interface FeedData {
  episodes: (DatedEpisode & { changedAt: number })[];
  sessions: FeedSession[];
  /** The Discord language the person last used the bot in: the feed's words are in it. */
  locale?: string;
}

/**
 * What the feed of the token with this hash shows, or null (no such feed, or its owner deleted
 * their data): followed shows' dated episodes from a week ago to MAX_DAYS ahead, and the scheduled
 * sessions of their parties. Reads ≤ 2 + 60 watch items + 60 shows + 50 memberships + 50 parties
 * + 50 sessions. `now` is rounded by the caller, so Convex's query cache serves repeated fetches.
 */
export async function feedData(ctx: QueryCtx, tokenHash: string, now: number): Promise<FeedData | null> {
  const row = await ctx.db
    .query("calendar_feeds")
    .withIndex("by_token", (q) => q.eq("tokenHash", tokenHash))
    .unique();
  if (row === null) return null;
  const account = await discordAccount(ctx, row.discordUserId);
  if (account === null || outlived(row, account)) return null;
  const from = now - FEED_PAST_DAYS * DAY_MS;
  const to = now + MAX_DAYS * DAY_MS;
  const episodes: FeedData["episodes"] = [];
  for (const { show } of await followedShows(ctx, account.userId)) {
    if (show === null) continue;
    for (const e of episodesBetween(show, from, to)) episodes.push({ ...e, changedAt: show.fetchedAt });
  }
  const sessions: FeedSession[] = [];
  const memberships = await ctx.db
    .query("party_members")
    .withIndex("by_member", (q) => q.eq("discordUserId", row.discordUserId))
    .order("desc")
    .take(FEED_MEMBERSHIPS_MAX);
  for (const member of memberships) {
    if (member.active === false) continue;
    const party = await ctx.db.get(member.partyId);
    if (party === null || party.state !== "active") continue;
    const session = await scheduledSession(ctx, party._id);
    if (session === null || session.at < from || session.at > to) continue;
    const answer = session.rsvps.find((r) => r.discordUserId === row.discordUserId)?.answer;
    sessions.push({
      id: session._id,
      at: session.at,
      length: party.movie?.runtime ?? SESSION_LENGTH_MS / 60_000,
      label: partyLabel(party),
      movie: party.mediaType === "movie",
      weekly: session.repeat === "weekly",
      guildId: party.guildId,
      channelId: party.channelId,
      ...(answer !== undefined ? { answer } : {}),
      changedAt: session.announcedAt ?? session.createdAt,
    });
  }
  return { episodes, sessions, ...(account.locale !== undefined ? { locale: account.locale } : {}) };
}

const feedDataValidator = v.union(
  v.null(),
  v.object({
    episodes: v.array(
      v.object({
        tmdbId: v.number(),
        title: v.string(),
        season: v.number(),
        episode: v.number(),
        name: v.optional(v.string()),
        airDate: v.string(),
        at: v.number(),
        changedAt: v.number(),
      }),
    ),
    sessions: v.array(
      v.object({
        id: v.id("party_sessions"),
        at: v.number(),
        length: v.number(),
        label: v.string(),
        movie: v.boolean(),
        weekly: v.boolean(),
        guildId: v.string(),
        channelId: v.string(),
        answer: v.optional(v.union(v.literal("going"), v.literal("maybe"), v.literal("cant"))),
        changedAt: v.number(),
      }),
    ),
    locale: v.optional(v.string()),
  }),
);

/** The HTTP action's one read (convex/http.ts). */
export const calendar = internalQuery({
  args: { tokenHash: v.string(), now: v.number() },
  returns: feedDataValidator,
  handler: async (ctx, { tokenHash, now }) => {
    const data = /^[0-9a-f]{64}$/.test(tokenHash) ? await feedData(ctx, tokenHash, now) : null;
    await reportTransactionCost(ctx);
    return data;
  },
});
