// Account linking, the bot's API: /link, /unlink, /account (its export, deletion and a failed
// merge's resume), through the bot builders (shared secret, the acting Discord user). See
// convex/model/link.ts for the model and README.md ("Linking your Film Fanatic account") for the flows.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { QueryCtx } from "../_generated/server";
import { botMutation, botQuery, botServiceMutation } from "../lib/botFunctions";
import { recordUnlink } from "../model/clerkEvents";
import { fail } from "../model/errors";
import { createRequest, linkedLabel, unlinkAccount } from "../model/link";
import { describeMerge, mergeStep, startMerge } from "../model/merge";
import { leaveAllParties } from "../model/partyMembers";
import { discordAccount, parseDiscordUserId } from "../model/users";
import { forgetListMember } from "../model/serverList";
import { forgetDiscordShares } from "../stats/forget";
import { forgetFeed } from "../upcoming/feed";

// ─────────────────────────────────────────────────────────── the bot's calls

/** /link: registers the code's hash (the bot made the code) and answers where the page is. */
export const startLink = botMutation({
  args: {
    codeHash: v.string(),
    discordName: v.string(),
    avatarUrl: v.optional(v.string()),
    applicationId: v.optional(v.string()),
    interactionToken: v.optional(v.string()),
  },
  returns: v.object({ pageUrl: v.string(), expiresAt: v.number(), linkedTo: v.union(v.string(), v.null()) }),
  handler: async (ctx, args) => {
    if (!/^[0-9a-f]{64}$/.test(args.codeHash)) fail("INVALID_ARGUMENT", "That link code is malformed.");
    if (args.applicationId !== undefined) parseDiscordUserId(args.applicationId);
    if (args.interactionToken !== undefined && !/^[\x21-\x7e]{1,500}$/.test(args.interactionToken))
      fail("INVALID_ARGUMENT", "That interaction token is malformed.");
    const avatarUrl = args.avatarUrl !== undefined && /^https?:\/\/[^\s"'<>]{1,500}$/.test(args.avatarUrl) ? args.avatarUrl : undefined;
    const site = linkPageBase();
    const { expiresAt } = await createRequest(ctx, {
      discordUserId: ctx.actor.discordUserId,
      codeHash: args.codeHash,
      discordName: args.discordName.slice(0, 100),
      avatarUrl,
      applicationId: args.applicationId,
      interactionToken: args.interactionToken,
    });
    const account = (await ctx.db.get(ctx.actor.accountId))!;
    return { pageUrl: `${site}/link`, expiresAt, linkedTo: await linkedLabel(ctx, account) };
  },
});

/**
 * Where the deployment serves its HTTP actions: LINK_PAGE_BASE_URL when set (a custom domain for
 * them under the web app's own domain, which a Clerk production instance needs), else the
 * CONVEX_SITE_URL Convex sets.
 */
function linkPageBase(): string {
  const site = (process.env.LINK_PAGE_BASE_URL || process.env.CONVEX_SITE_URL)?.trim().replace(/\/+$/, "");
  if (!site || !/^https?:\/\/[^\s/]+$/.test(site))
    fail("FORBIDDEN", "Account linking is not available on this deployment (it has no site URL).");
  return site;
}

export const unlink = botMutation({
  args: {},
  returns: v.object({
    status: v.union(v.literal("unlinked"), v.literal("not_linked"), v.literal("busy")),
    from: v.union(v.string(), v.null()),
  }),
  handler: async (ctx) => {
    const account = (await ctx.db.get(ctx.actor.accountId))!;
    const from = await linkedLabel(ctx, account);
    // The person's own decision: Clerk's webhooks won't link the account again until they do.
    const status = await unlinkAccount(ctx, account, { byPerson: true });
    return { status: status === "queued" ? "busy" : status, from };
  },
});

/** Whom this Discord user is linked to (masked), for /unlink's confirmation: one or two reads. */
export const linkStatus = botQuery({
  args: {},
  returns: v.object({ linkedTo: v.union(v.string(), v.null()) }),
  handler: async (ctx) => {
    const account = await discordAccount(ctx, ctx.actor.discordUserId);
    return { linkedTo: account === null ? null : await linkedLabel(ctx, account) };
  },
});

/** Rows counted for /account; past it the answer says "at least". */
const COUNT_LIMIT = 10_000;

async function countUpTo(query: AsyncIterable<unknown>, limit: number): Promise<number> {
  let n = 0;
  for await (const _ of query) if (++n >= limit) break;
  return n;
}

export const account = botQuery({
  args: {},
  returns: v.object({
    linkedTo: v.union(v.string(), v.null()),
    linkedVia: v.union(v.string(), v.null()),
    titles: v.number(),
    watchedEpisodes: v.number(),
    lists: v.number(),
    reminders: v.number(),
    parties: v.number(),
    countLimit: v.number(),
    merge: v.union(v.object({ state: v.string(), text: v.string() }), v.null()),
  }),
  handler: async (ctx) => {
    const account = await discordAccount(ctx, ctx.actor.discordUserId);
    const empty = {
      linkedTo: null,
      linkedVia: null,
      titles: 0,
      watchedEpisodes: 0,
      lists: 0,
      reminders: 0,
      parties: 0,
      countLimit: COUNT_LIMIT,
      merge: null,
    };
    if (account === null) return empty;
    const userId = account.userId;
    let watchedEpisodes = 0;
    let shows = 0;
    for await (const summary of ctx.db.query("episode_summaries").withIndex("by_user_show", (q) => q.eq("userId", userId))) {
      watchedEpisodes += summary.watchedCount;
      if (++shows >= 2_000) break;
    }
    const job = await latestMerge(ctx, account.discordUserId);
    return {
      linkedTo: await linkedLabel(ctx, account),
      linkedVia: account.linkedVia ?? null,
      titles: await countUpTo(
        ctx.db.query("watch_items").withIndex("by_user", (q) => q.eq("userId", userId)),
        COUNT_LIMIT,
      ),
      watchedEpisodes,
      lists: await countUpTo(
        ctx.db.query("lists").withIndex("by_user", (q) => q.eq("userId", userId)),
        1_000,
      ),
      reminders: await countUpTo(
        ctx.db.query("reminders").withIndex("by_user_show", (q) => q.eq("userId", userId)),
        1_000,
      ),
      parties: await countUpTo(
        ctx.db.query("party_members").withIndex("by_member", (q) => q.eq("discordUserId", account.discordUserId)),
        1_000,
      ),
      countLimit: COUNT_LIMIT,
      merge:
        job === null ||
        (job.state === "done" &&
          (!mergeConcerns(job, account.userId) || (job.finishedAt !== undefined && job.finishedAt < Date.now() - 86_400_000)))
          ? null
          : { state: job.state, text: describeMerge(job) },
    };
  },
});

/** A move into the profile the account uses now, or a deletion of the Discord side's data; not a finished move into a profile since unlinked. */
function mergeConcerns(job: { toUserId?: unknown }, userId: unknown): boolean {
  return job.toUserId === undefined || job.toUserId === userId;
}

async function latestMerge(ctx: QueryCtx, discordUserId: string) {
  return await ctx.db
    .query("link_merges")
    .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
    .order("desc")
    .first();
}

/** A failed merge starts again from where it stopped (/account offers it). */
export const resumeMerge = botMutation({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => {
    const job = await latestMerge(ctx, ctx.actor.discordUserId);
    if (job === null || job.state !== "failed") return false;
    await ctx.db.patch(job._id, { state: "running", attempts: 0, updatedAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.linking.merge.runMerge, { jobId: job._id });
    return true;
  },
});

const EXPORT_PARTS = ["watch_items", "episodes", "lists", "list_items", "reminders"] as const;
const EXPORT_PAGE = 1_000;

/** One page of the /account export; the bot pages through every part and sends one JSON file. */
export const exportPage = botQuery({
  args: { part: v.union(...EXPORT_PARTS.map((p) => v.literal(p))), cursor: v.union(v.string(), v.null()) },
  returns: v.object({ rows: v.array(v.any()), cursor: v.string(), isDone: v.boolean() }),
  handler: async (ctx, { part, cursor }) => {
    const userId = await ctx.actor.userId();
    if (userId === null) return { rows: [], cursor: "", isDone: true };
    const strip = <T extends { _id: unknown; _creationTime: unknown; userId: unknown }>({ _id, _creationTime, userId: _u, ...rest }: T) =>
      rest;
    const paging = { cursor, numItems: EXPORT_PAGE };
    switch (part) {
      case "watch_items": {
        const page = await ctx.db
          .query("watch_items")
          .withIndex("by_user", (q) => q.eq("userId", userId))
          .paginate(paging);
        return { rows: page.page.map(strip), cursor: page.continueCursor, isDone: page.isDone };
      }
      case "episodes": {
        const page = await ctx.db
          .query("episode_progress")
          .withIndex("by_user_watched", (q) => q.eq("userId", userId).eq("isWatched", true))
          .paginate(paging);
        return {
          rows: page.page.map(({ tmdbId, season, episode, updatedAt }) => ({ tmdbId, season, episode, updatedAt })),
          cursor: page.continueCursor,
          isDone: page.isDone,
        };
      }
      case "lists": {
        const page = await ctx.db
          .query("lists")
          .withIndex("by_user", (q) => q.eq("userId", userId))
          .paginate(paging);
        return {
          rows: page.page.map(({ _id, name, color, sortOrder, createdAt, updatedAt }) => ({
            id: _id,
            name,
            color,
            sortOrder,
            createdAt,
            updatedAt,
          })),
          cursor: page.continueCursor,
          isDone: page.isDone,
        };
      }
      case "list_items": {
        const page = await ctx.db
          .query("list_items")
          .withIndex("by_user", (q) => q.eq("userId", userId))
          .paginate(paging);
        return {
          rows: page.page.map(({ listId, ...row }) => ({ ...strip(row as typeof row & { _id: unknown }), listId })),
          cursor: page.continueCursor,
          isDone: page.isDone,
        };
      }
      case "reminders": {
        const page = await ctx.db
          .query("reminders")
          .withIndex("by_user_show", (q) => q.eq("userId", userId))
          .paginate(paging);
        return { rows: page.page.map(strip), cursor: page.continueCursor, isDone: page.isDone };
      }
    }
  },
});

/**
 * Deletes the Discord side: the Discord account record, pending link codes and party
 * memberships; a guest profile's whole library (in the background when large). A linked
 * Clerk profile keeps its data (that is the web app's to delete). The next command starts afresh.
 */
export const deleteDiscordData = botServiceMutation({
  args: { discordUserId: v.string() },
  returns: v.object({
    deleted: v.boolean(),
    library: v.union(v.literal("deleted"), v.literal("deleting"), v.literal("kept"), v.literal("none")),
  }),
  handler: async (ctx, args) => {
    const discordUserId = parseDiscordUserId(args.discordUserId);
    const account = await discordAccount(ctx, discordUserId);
    if (account === null) return { deleted: false, library: "none" as const };
    // Clerk still lists the Discord connection of someone who signed in with it: the webhooks
    // must not make the account again from it until the person links themselves.
    const linkedProfile = account.linkedAt === undefined ? null : await ctx.db.get(account.userId);
    await recordUnlink(ctx, discordUserId, linkedProfile?.tokenIdentifier ?? null, Date.now());
    for (const request of await ctx.db
      .query("link_requests")
      .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
      .take(20)) {
      await ctx.db.delete(request._id);
    }
    // Their parties: as if they had left each (model/partyMembers.ts: hosting passes on, the board drops their line).
    await leaveAllParties(ctx, discordUserId);
    // The servers' lists: no longer counted as having seen anything, their suggestions unnamed.
    await forgetListMember(ctx, discordUserId);
    let library: "deleted" | "deleting" | "kept" = "kept";
    if (account.linkedAt === undefined) {
      const jobId = await startMerge(ctx, discordUserId, account.userId, undefined);
      const first = await mergeStep(ctx, jobId);
      library = first.done ? "deleted" : "deleting";
      if (!first.done) await ctx.scheduler.runAfter(0, internal.linking.merge.runMerge, { jobId });
    } else {
      // Off every leaderboard: the linked profile stays, its sharing in servers was this account's.
      await forgetDiscordShares(ctx, account.userId, discordUserId);
      // The reminder DMs sent to this Discord account (their text included) are Discord data too.
      for (const send of await ctx.db
        .query("reminder_sends")
        .withIndex("by_user", (q) => q.eq("userId", account.userId))
        .take(500)) {
        await ctx.db.delete(send._id);
      }
    }
    await forgetFeed(ctx, discordUserId);
    await ctx.db.delete(account._id);
    return { deleted: true, library };
  },
});

// ─────────────────────────────────────────────────────────── one export at a time

/** An export's lease: a bot that died mid-export doesn't block the next one for longer. */
export const EXPORT_LEASE_MS = 10 * 60_000;

/**
 * Starts an /account export for a Discord user unless one of theirs is being prepared (on any
 * shard): `{ started: true, lease }` (give the lease back to finishExport), or `{ started: false }`.
 */
export const startExport = botServiceMutation({
  args: { discordUserId: v.string() },
  returns: v.union(v.object({ started: v.literal(true), lease: v.number() }), v.object({ started: v.literal(false), since: v.number() })),
  handler: async (ctx, args) => {
    const account = await discordAccount(ctx, parseDiscordUserId(args.discordUserId));
    const now = Date.now();
    // Nothing stored: the export is empty and instant, and there is no row to hold a lease.
    if (account === null) return { started: true as const, lease: now };
    if (account.exportStartedAt !== undefined && account.exportStartedAt + EXPORT_LEASE_MS > now)
      return { started: false as const, since: account.exportStartedAt };
    await ctx.db.patch(account._id, { exportStartedAt: now });
    return { started: true as const, lease: now };
  },
});

/** The export was sent (or failed): the next one may start. A lease that is not theirs any more changes nothing. */
export const finishExport = botServiceMutation({
  args: { discordUserId: v.string(), lease: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const account = await discordAccount(ctx, parseDiscordUserId(args.discordUserId));
    if (account !== null && account.exportStartedAt === args.lease) await ctx.db.patch(account._id, { exportStartedAt: undefined });
    return null;
  },
});
