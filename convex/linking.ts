// Account linking: Discord ↔ Film Fanatic (Clerk). See convex/model/link.ts for the model and
// README.md ("Linking your Film Fanatic account") for the flows.
//
// - The link page (convex/http.ts, GET /link) calls `preview` and, signed in with the web
//   app's own Clerk auth (auth.config), `redeem`. The bot never sees a Clerk token.
// - The bot calls startLink, unlink, account, startExport/exportPage/finishExport,
//   deleteDiscordData, resumeMerge through the bot builders (shared secret, the acting Discord user).
// - Clerk's webhooks (convex/http.ts, POST /clerk/webhook) call applyClerkEvent (once per
//   delivery, in updated_at order: model/clerkEvents.ts); the one-time backfill
//   `backfillClerkUsers` pages through Clerk's user list.
// - `repairOrphanedAccounts` (run by hand) repairs accounts pointing at a missing profile.
import { createClerkClient } from "@clerk/backend";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, mutation, query, type MutationCtx, type QueryCtx } from "./_generated/server";
import { interactionFollowUp, sendDirectMessage } from "./discord";
import { botMutation, botQuery, botServiceMutation } from "./lib/botFunctions";
import { plain } from "../src/views/text";
import { SVIX_ID_PATTERN, claimUpdate, firstDelivery, markClerkUserDeleted, recordUnlink, unlinkedByPerson, type DiscordConnection } from "./model/clerkEvents";
import { fail } from "./model/errors";
import {
  INTERACTION_TOKEN_TTL_MS,
  PROBLEM_TEXT,
  SWITCH_TEXT,
  createRequest,
  findRequest,
  linkDiscordToClerk,
  linkedLabel,
  maskEmail,
  repairAccounts,
  unlinkAccount,
  unlinkClerkUser,
  unlinkQueuedBehind,
} from "./model/link";
import { STEPS_PER_RUN, describeMerge, mergeStep, startMerge } from "./model/merge";
import { leaveAllParties } from "./model/parties";
import { discordAccount, parseDiscordUserId } from "./model/users";

// ─────────────────────────────────────────────────────────── the link page's calls

/** What the page shows before anyone signs in: whose Discord account the code links. */
export const preview = query({
  args: { code: v.string() },
  returns: v.union(
    v.object({
      ok: v.literal(true),
      discordName: v.string(),
      /** The account's unique @username: a display name and avatar anyone can copy, this they can't. */
      discordUsername: v.union(v.string(), v.null()),
      avatarUrl: v.union(v.string(), v.null()),
      expiresAt: v.number(),
    }),
    v.object({ ok: v.literal(false), problem: v.string(), message: v.string() }),
  ),
  handler: async (ctx, { code }) => {
    const found = await findRequest(ctx, code.slice(0, 100), Date.now());
    if ("problem" in found) return { ok: false as const, problem: found.problem, message: PROBLEM_TEXT[found.problem] };
    const { request } = found;
    const username = (await discordAccount(ctx, request.discordUserId))?.username ?? null;
    return {
      ok: true as const,
      discordName: request.discordName ?? "your Discord account",
      discordUsername: username,
      avatarUrl: request.avatarUrl ?? null,
      expiresAt: request.expiresAt,
    };
  },
});

const redeemResult = v.object({
  status: v.union(v.literal("linked"), v.literal("already_linked"), v.literal("needs_switch"), v.literal("refused")),
  message: v.string(),
  discordName: v.optional(v.string()),
  mergeDone: v.optional(v.boolean()),
});

/**
 * Redeems a /link code for the signed-in Clerk user (the web app's Clerk auth). The code is
 * single use, expires after 10 minutes and links only the Discord user it was made for. An
 * already-linked case answers needs_switch without using the code; the page asks, then calls
 * again with confirmSwitch.
 */
export const redeem = mutation({
  args: { code: v.string(), confirmSwitch: v.optional(v.boolean()) },
  returns: redeemResult,
  handler: async (ctx, { code, confirmSwitch }) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) throw new Error("Unauthorized");
    const now = Date.now();
    const found = await findRequest(ctx, code.slice(0, 100), now);
    if ("problem" in found) return { status: "refused" as const, message: PROBLEM_TEXT[found.problem] };
    const { request } = found;
    const discordName = request.discordName ?? "your Discord account";
    const outcome = await linkDiscordToClerk(ctx, {
      discordUserId: request.discordUserId,
      clerkUserId: identity.subject,
      via: "code",
      confirmSwitch: confirmSwitch === true,
      profile: { name: identity.name ?? undefined, email: identity.email ?? undefined },
    });
    if (outcome.status === "needs_switch") return { status: "needs_switch" as const, message: SWITCH_TEXT[outcome.reason](outcome.other), discordName };
    if (outcome.status === "busy") {
      return { status: "refused" as const, message: "Your Discord data is still moving from an earlier link. Try again in a minute.", discordName };
    }
    // Used up; the interaction token goes with the scheduled confirmation, not kept here.
    await ctx.db.patch(request._id, { usedAt: now, interactionToken: undefined });
    // The web account's name is the person's own text: escaped like any other, so it can't turn into a link or a mention.
    const who = plain(identity.email !== undefined && identity.email !== "" ? maskEmail(identity.email) : (identity.name ?? "your Film Fanatic account"), 200);
    const mergeDone = outcome.status === "already_linked" || outcome.merge === null || outcome.merge.done;
    const content =
      outcome.status === "already_linked"
        ? `✅ Your Discord account was already linked to ${who}.`
        : `✅ Linked to Film Fanatic account **${who}**. What you track here and on the website is now one library.${
            mergeDone ? "" : " Your Discord history is still moving over; `/account` shows how far it is."
          } Not you? Use \`/unlink\`.`;
    await ctx.scheduler.runAfter(0, internal.linking.notifyLinked, {
      discordUserId: request.discordUserId,
      applicationId: request.applicationId,
      interactionToken: request.interactionToken !== undefined && (request.createdAt ?? 0) + INTERACTION_TOKEN_TTL_MS > now ? request.interactionToken : undefined,
      content,
    });
    return {
      status: outcome.status,
      message: outcome.status === "already_linked" ? `${discordName} was already linked to this account.` : `${discordName} is now linked to this account.`,
      discordName,
      mergeDone,
    };
  },
});

/** The confirmation in Discord: the /link interaction's follow-up while its token is valid, else a DM. */
export const notifyLinked = internalAction({
  args: { discordUserId: v.string(), applicationId: v.optional(v.string()), interactionToken: v.optional(v.string()), content: v.string() },
  returns: v.string(),
  handler: async (_ctx, args) => {
    const message = { content: args.content, allowed_mentions: { parse: [] } };
    if (args.applicationId !== undefined && args.interactionToken !== undefined) {
      const sent = await interactionFollowUp(args.applicationId, args.interactionToken, { ...message, flags: 64 });
      if (sent.ok) return "followup";
    }
    const dm = await sendDirectMessage(args.discordUserId, message);
    return dm.ok ? "dm" : `not delivered (${dm.kind})`;
  },
});

// ─────────────────────────────────────────────────────────── merges in the background

export const runMergeStep = internalMutation({
  args: { jobId: v.id("link_merges") },
  returns: v.object({ done: v.boolean(), moved: v.number() }),
  handler: async (ctx, { jobId }) => {
    const step = await mergeStep(ctx, jobId);
    if (step.done) {
      const job = await ctx.db.get(jobId);
      if (job !== null) await unlinkQueuedBehind(ctx, job);
    }
    return { done: step.done, moved: step.moved };
  },
});

/** After a failed step: back off and try again (from where the job stopped), or give up after many tries. */
export const mergeFailed = internalMutation({
  args: { jobId: v.id("link_merges"), error: v.string() },
  returns: v.null(),
  handler: async (ctx, { jobId, error }) => {
    const job = await ctx.db.get(jobId);
    if (job === null || job.state !== "running") return null;
    const attempts = job.attempts + 1;
    if (attempts >= MAX_MERGE_ATTEMPTS) {
      await ctx.db.patch(jobId, { state: "failed", attempts, lastError: error.slice(0, 300), updatedAt: Date.now() });
      return null;
    }
    await ctx.db.patch(jobId, { attempts, lastError: error.slice(0, 300), updatedAt: Date.now() });
    await ctx.scheduler.runAfter(Math.min(60_000 * 2 ** attempts, 3_600_000), internal.linking.runMerge, { jobId });
    return null;
  },
});

const MAX_MERGE_ATTEMPTS = 8;

/** Drives a job: steps until done, a fresh run after STEPS_PER_RUN, a backed-off retry after a failure. */
export const runMerge = internalAction({
  args: { jobId: v.id("link_merges") },
  returns: v.null(),
  handler: async (ctx, { jobId }) => {
    try {
      for (let i = 0; i < STEPS_PER_RUN; i++) {
        const step = await ctx.runMutation(internal.linking.runMergeStep, { jobId });
        if (step.done) return null;
      }
      await ctx.scheduler.runAfter(0, internal.linking.runMerge, { jobId });
    } catch (error) {
      await ctx.runMutation(internal.linking.mergeFailed, { jobId, error: error instanceof Error ? error.message : String(error) });
    }
    return null;
  },
});

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
    if (args.interactionToken !== undefined && !/^[\x21-\x7e]{1,500}$/.test(args.interactionToken)) fail("INVALID_ARGUMENT", "That interaction token is malformed.");
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
  if (!site || !/^https?:\/\/[^\s/]+$/.test(site)) fail("FORBIDDEN", "Account linking is not available on this deployment (it has no site URL).");
  return site;
}

export const unlink = botMutation({
  args: {},
  returns: v.object({ status: v.union(v.literal("unlinked"), v.literal("not_linked"), v.literal("busy")), from: v.union(v.string(), v.null()) }),
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
    const empty = { linkedTo: null, linkedVia: null, titles: 0, watchedEpisodes: 0, lists: 0, reminders: 0, parties: 0, countLimit: COUNT_LIMIT, merge: null };
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
      titles: await countUpTo(ctx.db.query("watch_items").withIndex("by_user", (q) => q.eq("userId", userId)), COUNT_LIMIT),
      watchedEpisodes,
      lists: await countUpTo(ctx.db.query("lists").withIndex("by_user", (q) => q.eq("userId", userId)), 1_000),
      reminders: await countUpTo(ctx.db.query("reminders").withIndex("by_user_show", (q) => q.eq("userId", userId)), 1_000),
      parties: await countUpTo(ctx.db.query("party_members").withIndex("by_member", (q) => q.eq("discordUserId", account.discordUserId)), 1_000),
      countLimit: COUNT_LIMIT,
      merge: job === null || (job.state === "done" && (!mergeConcerns(job, account.userId) || (job.finishedAt !== undefined && job.finishedAt < Date.now() - 86_400_000)))
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
  return await ctx.db.query("link_merges").withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId)).order("desc").first();
}

/** A failed merge starts again from where it stopped (/account offers it). */
export const resumeMerge = botMutation({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => {
    const job = await latestMerge(ctx, ctx.actor.discordUserId);
    if (job === null || job.state !== "failed") return false;
    await ctx.db.patch(job._id, { state: "running", attempts: 0, updatedAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.linking.runMerge, { jobId: job._id });
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
    const strip = <T extends { _id: unknown; _creationTime: unknown; userId: unknown }>({ _id, _creationTime, userId: _u, ...rest }: T) => rest;
    const paging = { cursor, numItems: EXPORT_PAGE };
    switch (part) {
      case "watch_items": {
        const page = await ctx.db.query("watch_items").withIndex("by_user", (q) => q.eq("userId", userId)).paginate(paging);
        return { rows: page.page.map(strip), cursor: page.continueCursor, isDone: page.isDone };
      }
      case "episodes": {
        const page = await ctx.db.query("episode_progress").withIndex("by_user_watched", (q) => q.eq("userId", userId).eq("isWatched", true)).paginate(paging);
        return { rows: page.page.map(({ tmdbId, season, episode, updatedAt }) => ({ tmdbId, season, episode, updatedAt })), cursor: page.continueCursor, isDone: page.isDone };
      }
      case "lists": {
        const page = await ctx.db.query("lists").withIndex("by_user", (q) => q.eq("userId", userId)).paginate(paging);
        return { rows: page.page.map(({ _id, name, color, sortOrder, createdAt, updatedAt }) => ({ id: _id, name, color, sortOrder, createdAt, updatedAt })), cursor: page.continueCursor, isDone: page.isDone };
      }
      case "list_items": {
        const page = await ctx.db.query("list_items").withIndex("by_user", (q) => q.eq("userId", userId)).paginate(paging);
        return { rows: page.page.map(({ listId, ...row }) => ({ ...strip(row as typeof row & { _id: unknown }), listId })), cursor: page.continueCursor, isDone: page.isDone };
      }
      case "reminders": {
        const page = await ctx.db.query("reminders").withIndex("by_user_show", (q) => q.eq("userId", userId)).paginate(paging);
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
  returns: v.object({ deleted: v.boolean(), library: v.union(v.literal("deleted"), v.literal("deleting"), v.literal("kept"), v.literal("none")) }),
  handler: async (ctx, args) => {
    const discordUserId = parseDiscordUserId(args.discordUserId);
    const account = await discordAccount(ctx, discordUserId);
    if (account === null) return { deleted: false, library: "none" as const };
    // Clerk still lists the Discord connection of someone who signed in with it: the webhooks
    // must not make the account again from it until the person links themselves.
    const linkedProfile = account.linkedAt === undefined ? null : await ctx.db.get(account.userId);
    await recordUnlink(ctx, discordUserId, linkedProfile?.tokenIdentifier ?? null, Date.now());
    for (const request of await ctx.db.query("link_requests").withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId)).take(20)) {
      await ctx.db.delete(request._id);
    }
    // Their parties: as if they had left each (model/parties.ts: hosting passes on, the board drops their line).
    await leaveAllParties(ctx, discordUserId);
    let library: "deleted" | "deleting" | "kept" = "kept";
    if (account.linkedAt === undefined) {
      const jobId = await startMerge(ctx, discordUserId, account.userId, undefined);
      const first = await mergeStep(ctx, jobId);
      library = first.done ? "deleted" : "deleting";
      if (!first.done) await ctx.scheduler.runAfter(0, internal.linking.runMerge, { jobId });
    } else {
      // The reminder DMs sent to this Discord account (their text included) are Discord data too.
      for (const send of await ctx.db.query("reminder_sends").withIndex("by_user", (q) => q.eq("userId", account.userId)).take(500)) {
        await ctx.db.delete(send._id);
      }
    }
    await ctx.db.delete(account._id);
    return { deleted: true, library };
  },
});

// ─────────────────────────────────────────────────────────── Clerk webhooks and backfill

export const applyClerkEvent = internalMutation({
  args: {
    type: v.string(),
    clerkUserId: v.string(),
    /** The delivery's `svix-id` (signed with the payload): a redelivery is answered "duplicate". Absent for the backfill. */
    svixId: v.optional(v.string()),
    /** `data.updated_at` (ms): applied only when newer than the last applied event for this user. */
    updatedAt: v.optional(v.number()),
    /** The user's Discord id from an `oauth_discord` external account; null when they have none. */
    discordUserId: v.union(v.string(), v.null()),
    /** Clerk's id for that connection, and when it was made, when the payload says. */
    connectionId: v.optional(v.string()),
    connectionCreatedAt: v.optional(v.number()),
    name: v.optional(v.string()),
    email: v.optional(v.string()),
  },
  returns: v.string(),
  handler: async (ctx, args) => {
    const now = Date.now();
    if (args.svixId !== undefined && !SVIX_ID_PATTERN.test(args.svixId)) return "ignored (malformed svix-id)";
    if (args.svixId !== undefined && !(await firstDelivery(ctx, args.svixId, now))) return "duplicate";
    if (args.type === "user.deleted") {
      await markClerkUserDeleted(ctx, args.clerkUserId, now);
      const { unlinked, queued } = await unlinkClerkUser(ctx, args.clerkUserId);
      return queued > 0 ? `unlinked ${unlinked}, ${queued} queued until their Discord history has moved` : `unlinked ${unlinked}`;
    }
    if (args.type !== "user.created" && args.type !== "user.updated") return "ignored";
    // Without its time an event can't be placed in order: applying it could undo a newer one.
    if (args.updatedAt === undefined || !Number.isFinite(args.updatedAt) || args.updatedAt <= 0) return "ignored (no updated_at)";
    const connection: DiscordConnection | null =
      args.discordUserId === null
        ? null
        : { discordUserId: parseDiscordUserId(args.discordUserId), connectionId: args.connectionId, createdAt: args.connectionCreatedAt };
    const claim = await claimUpdate(ctx, args.clerkUserId, args.updatedAt, connection);
    if (claim !== "apply") return claim === "deleted" ? "ignored (user deleted)" : "ignored (older than what was applied)";
    if (connection === null) {
      // Discord was disconnected in Clerk: a link made from that connection goes with it.
      const { unlinked, queued } = await unlinkOauthLinks(ctx, args.clerkUserId);
      return unlinked + queued > 0 ? `unlinked ${unlinked}${queued > 0 ? `, ${queued} queued` : ""}` : "no discord account";
    }
    // A Discord connection swapped for another in Clerk: the link it made moves with it.
    await unlinkOauthLinks(ctx, args.clerkUserId, connection.discordUserId);
    // The person unlinked (or deleted their Discord data) since they connected: that holds.
    if (await unlinkedByPerson(ctx, connection)) return "kept unlinked (the person unlinked)";
    const outcome = await linkDiscordToClerk(ctx, {
      discordUserId: connection.discordUserId,
      clerkUserId: args.clerkUserId,
      via: "oauth",
      confirmSwitch: false,
      profile: { name: args.name, email: args.email },
    });
    // An existing link to someone else is never moved without that person confirming.
    return outcome.status;
  },
});

/** Unlinks the links Clerk's Discord connection made for this Clerk user (all but `keep`'s). */
async function unlinkOauthLinks(ctx: MutationCtx, clerkUserId: string, keep?: string): Promise<{ unlinked: number; queued: number }> {
  const counts = { unlinked: 0, queued: 0 };
  const user = await ctx.db.query("users").withIndex("by_token", (q) => q.eq("tokenIdentifier", clerkUserId)).first();
  if (user === null) return counts;
  for (const account of await ctx.db.query("discord_accounts").withIndex("by_user", (q) => q.eq("userId", user._id)).take(10)) {
    if (account.linkedVia !== "oauth" || account.discordUserId === keep) continue;
    const result = await unlinkAccount(ctx, account, { force: true });
    if (result === "unlinked" || result === "queued") counts[result]++;
  }
  return counts;
}

/**
 * The Clerk user's Discord connection, from a webhook payload or the Backend API. A connection
 * Clerk reports as not verified (an OAuth flow that did not complete) links nothing.
 */
export function discordConnectionOf(externalAccounts: unknown): DiscordConnection | null {
  if (!Array.isArray(externalAccounts)) return null;
  for (const account of externalAccounts as Record<string, unknown>[]) {
    const provider = account?.provider;
    const id = account?.provider_user_id ?? account?.providerUserId;
    const verification = account?.verification as { status?: unknown } | null | undefined;
    if (verification != null && verification.status !== "verified") continue;
    if ((provider === "oauth_discord" || provider === "discord") && typeof id === "string" && /^\d{15,22}$/.test(id)) {
      const connectionId = account?.id;
      const createdAt = account?.created_at ?? account?.createdAt;
      return {
        discordUserId: id,
        connectionId: typeof connectionId === "string" && /^[A-Za-z0-9_]{1,100}$/.test(connectionId) ? connectionId : undefined,
        createdAt: typeof createdAt === "number" && Number.isFinite(createdAt) && createdAt > 0 ? createdAt : undefined,
      };
    }
  }
  return null;
}

const BACKFILL_PAGE = 100;

/**
 * One-time backfill for people who connected Discord in Clerk before the webhook existed:
 * pages through Clerk's user list (CLERK_SECRET_KEY; CLERK_API_URL for another API base) and
 * links each Discord connection as the webhook would (in order with the webhooks: a user whose
 * newer state was applied already is left alone). Run with
 * `npx convex run linking:backfillClerkUsers`; each page schedules the next.
 */
export const backfillClerkUsers = internalAction({
  args: { offset: v.optional(v.number()) },
  returns: v.object({ offset: v.number(), seen: v.number(), linked: v.number(), done: v.boolean() }),
  handler: async (ctx, { offset = 0 }) => {
    const secretKey = process.env.CLERK_SECRET_KEY;
    if (!secretKey) throw new Error("Set CLERK_SECRET_KEY in the Convex deployment's environment to run the backfill.");
    const clerk = createClerkClient({ secretKey, apiUrl: process.env.CLERK_API_URL || undefined });
    const page = await clerk.users.getUserList({ limit: BACKFILL_PAGE, offset, orderBy: "+created_at" });
    let linked = 0;
    for (const user of page.data) {
      const connection = discordConnectionOf(user.externalAccounts);
      if (connection === null) continue;
      const outcome = await ctx.runMutation(internal.linking.applyClerkEvent, {
        type: "user.updated",
        clerkUserId: user.id,
        updatedAt: user.updatedAt,
        discordUserId: connection.discordUserId,
        connectionId: connection.connectionId,
        connectionCreatedAt: connection.createdAt,
        name: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username || undefined,
        email: user.primaryEmailAddress?.emailAddress ?? undefined,
      });
      if (outcome === "linked") linked++;
    }
    const done = page.data.length < BACKFILL_PAGE;
    if (!done) await ctx.scheduler.runAfter(0, internal.linking.backfillClerkUsers, { offset: offset + page.data.length });
    return { offset, seen: page.data.length, linked, done };
  },
});

// ─────────────────────────────────────────────────────────── repair

const REPAIR_PAGE = 200;

/**
 * Finds Discord accounts pointing at a profile that no longer exists and repairs them: each
 * goes back to its Discord-only guest profile, unlinked, with its party memberships. Such
 * accounts came from an unlink forced by Clerk while the person's Discord history was still
 * moving (today that unlink waits for the move). Run with
 * `npx convex run linking:repairOrphanedAccounts` (add `'{"dryRun": true}'` to only list them);
 * each page of 200 accounts schedules the next, and the log names every repaired account.
 */
export const repairOrphanedAccounts = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())), dryRun: v.optional(v.boolean()) },
  returns: v.object({ checked: v.number(), orphaned: v.array(v.string()), repaired: v.boolean(), isDone: v.boolean() }),
  handler: async (ctx, { cursor = null, dryRun = false }) => {
    const page = await ctx.db.query("discord_accounts").paginate({ cursor, numItems: REPAIR_PAGE });
    const { repaired } = await repairAccounts(ctx, page.page, dryRun);
    if (repaired.length > 0) console.log(`${dryRun ? "Would repair" : "Repaired"} ${repaired.length} Discord account(s) pointing at a missing profile: ${repaired.join(", ")}`);
    if (!page.isDone) await ctx.scheduler.runAfter(0, internal.linking.repairOrphanedAccounts, { cursor: page.continueCursor, dryRun });
    return { checked: page.page.length, orphaned: repaired, repaired: !dryRun && repaired.length > 0, isDone: page.isDone };
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
    if (account.exportStartedAt !== undefined && account.exportStartedAt + EXPORT_LEASE_MS > now) return { started: false as const, since: account.exportStartedAt };
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
