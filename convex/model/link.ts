// Linking a Discord account to a Film Fanatic (Clerk) account: the one-time codes of /link,
// the link itself (automatic from Clerk's webhooks, or confirmed on the link page), unlinking.
//
// A Discord user's discord_accounts row points at their profile: a guest profile
// (tokenIdentifier "discord|<id>") until linked, then the Clerk user's profile (tokenIdentifier
// = the Clerk user id, as the web app stores it). Linking repoints the row at once — every
// command from then on reads and writes the Clerk profile — and moves the guest's data over in
// chunks (model/merge.ts).
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { clearUnlink, recordUnlink } from "./clerkEvents";
import { mergeStep, startMerge, type StepResult } from "./merge";
import { DISCORD_TOKEN_PREFIX, discordAccount, parseDiscordUserId, userByToken } from "./users";
import { forgetDiscordShares } from "../stats/forget";

/** A /link code is good for this long. */
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** Discord keeps an interaction's token 15 minutes; follow-ups stop a little before. */
export const INTERACTION_TOKEN_TTL_MS = 14 * 60_000;

/** 16 random bytes in base64url: 128 bits, made by the bot, never stored (only its hash is). */
export const LINK_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const CLERK_USER_ID = /^user_[A-Za-z0-9]{1,64}$/;

export function parseClerkUserId(value: string): string {
  if (!CLERK_USER_ID.test(value)) throw new Error("That is not a Clerk user id.");
  return value;
}

export async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export type RequestProblem = "invalid" | "expired" | "used";

/** The request a code names, or why it can't be used. A malformed code is "invalid" without a read. */
export async function findRequest(
  ctx: QueryCtx,
  code: string,
  now: number,
): Promise<{ request: Doc<"link_requests"> } | { problem: RequestProblem }> {
  if (!LINK_CODE_PATTERN.test(code)) return { problem: "invalid" };
  const state = await hashCode(code);
  const request = await ctx.db
    .query("link_requests")
    .withIndex("by_state", (q) => q.eq("state", state))
    .unique();
  if (request === null) return { problem: "invalid" };
  if (request.usedAt !== undefined) return { problem: "used" };
  if (request.expiresAt <= now) return { problem: "expired" };
  return { request };
}

export const PROBLEM_TEXT: Record<RequestProblem, string> = {
  invalid: "This link code is not valid. Run /link in Discord to get a new one.",
  expired: "This link code has expired (codes last 10 minutes). Run /link in Discord to get a new one.",
  used: "This link code has already been used. Run /link in Discord if you want to link again.",
};

/** A fresh code for a Discord user: any earlier one of theirs stops working. */
export async function createRequest(
  ctx: MutationCtx,
  args: {
    discordUserId: string;
    codeHash: string;
    discordName: string;
    avatarUrl?: string;
    applicationId?: string;
    interactionToken?: string;
  },
): Promise<{ expiresAt: number }> {
  const now = Date.now();
  for (const old of await ctx.db
    .query("link_requests")
    .withIndex("by_discord", (q) => q.eq("discordUserId", args.discordUserId))
    .take(20)) {
    await ctx.db.delete(old._id);
  }
  const expiresAt = now + LINK_CODE_TTL_MS;
  await ctx.db.insert("link_requests", {
    state: args.codeHash,
    discordUserId: args.discordUserId,
    expiresAt,
    discordName: args.discordName,
    avatarUrl: args.avatarUrl,
    applicationId: args.applicationId,
    interactionToken: args.interactionToken,
    createdAt: now,
  });
  return { expiresAt };
}

export type LinkOutcome =
  | { status: "linked"; merge: StepResult | null }
  | { status: "already_linked" }
  /** The Discord account is linked to another Clerk user. */
  | { status: "needs_switch"; reason: "discord_linked_elsewhere"; other: string }
  /** The Clerk user is linked to another Discord account. */
  | { status: "needs_switch"; reason: "clerk_linked_elsewhere"; other: string }
  /** The guest's data is still moving from an earlier link: try again shortly. */
  | { status: "busy" };

export const SWITCH_TEXT = {
  discord_linked_elsewhere: (other: string) =>
    `This Discord account is already linked to another Film Fanatic account (${other}). Linking it here moves the link; that account keeps its data.`,
  clerk_linked_elsewhere: (other: string) =>
    `Your Film Fanatic account is already linked to another Discord account (${other}). Linking this one instead unlinks that one; it continues on a fresh Discord-only profile.`,
};

/**
 * An email as shown in Discord: enough for its owner to recognise ("a•••@e•••.com"), too little
 * for anyone else to learn it. A link made with someone else's code names the web account in the
 * code owner's Discord (confirmation, /account, /unlink), so the full address would reach them.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${email[0]}•••@${host.length > 0 ? host[0] : ""}•••${tld}`;
}

/** How a profile is named in Discord and on the link page: a masked email, else its display name. */
export function profileLabel(user: Pick<Doc<"users">, "email" | "name"> | null): string {
  if (user === null) return "an account that no longer exists";
  if (user.email !== undefined && user.email !== "") return maskEmail(user.email);
  return user.name ?? "a Film Fanatic account";
}

/** The Clerk user's profile, created when the web app never stored one. */
export async function clerkProfile(
  ctx: MutationCtx,
  clerkUserId: string,
  details: { name?: string; email?: string } = {},
): Promise<Id<"users">> {
  parseClerkUserId(clerkUserId);
  const existing = await userByToken(ctx, clerkUserId);
  if (existing !== null) return existing._id;
  return await ctx.db.insert("users", { tokenIdentifier: clerkUserId, name: details.name, email: details.email });
}

async function runningMergeInto(ctx: QueryCtx, userId: Id<"users">) {
  return await ctx.db
    .query("link_merges")
    .withIndex("by_to_state", (q) => q.eq("toUserId", userId).eq("state", "running"))
    .first();
}

/**
 * Links a Discord account to a Clerk user. Already-linked cases answer needs_switch unless
 * `confirmSwitch`; a guest's data starts moving, and its first chunk moves in this same
 * transaction (a small library is merged when this returns).
 */
export async function linkDiscordToClerk(
  ctx: MutationCtx,
  args: {
    discordUserId: string;
    clerkUserId: string;
    via: "oauth" | "code";
    confirmSwitch: boolean;
    username?: string;
    profile?: { name?: string; email?: string };
  },
): Promise<LinkOutcome> {
  const discordUserId = parseDiscordUserId(args.discordUserId);
  const target = await clerkProfile(ctx, args.clerkUserId, args.profile);
  const account = await discordAccount(ctx, discordUserId);
  if (account !== null && account.linkedAt !== undefined && account.userId === target) {
    if (args.via === "code") await clearUnlink(ctx, discordUserId);
    // Linked again (Discord connected anew in Clerk, or /link) after Clerk's unlink was queued
    // behind the move: that older unlink no longer applies, or it would undo this newer link.
    await cancelQueuedUnlink(ctx, account.userId, discordUserId);
    return { status: "already_linked" };
  }
  if (account !== null && account.linkedAt !== undefined && !args.confirmSwitch) {
    return { status: "needs_switch", reason: "discord_linked_elsewhere", other: profileLabel(await ctx.db.get(account.userId)) };
  }
  const others = (
    await ctx.db
      .query("discord_accounts")
      .withIndex("by_user", (q) => q.eq("userId", target))
      .take(10)
  ).filter((other) => other.discordUserId !== discordUserId);
  if (others.length > 0 && !args.confirmSwitch) {
    const other = others[0]!;
    return { status: "needs_switch", reason: "clerk_linked_elsewhere", other: other.username ?? `Discord user ${other.discordUserId}` };
  }
  // Switching away while the guest's data is still moving into the current profile would leave
  // the rest of it going there: wait for the move to finish.
  if (account !== null && account.linkedAt !== undefined && (await runningMergeInto(ctx, account.userId)) !== null)
    return { status: "busy" };
  for (const other of others) {
    const result = await unlinkAccount(ctx, other);
    if (result === "busy") return { status: "busy" };
  }

  // They linked (again) themselves: an earlier unlink of theirs no longer holds the webhooks back.
  await clearUnlink(ctx, discordUserId);
  const now = Date.now();
  const linked = { userId: target, linkedAt: now, linkedVia: args.via };
  if (account === null) {
    await ctx.db.insert("discord_accounts", {
      discordUserId,
      username: args.username,
      listPublic: false,
      remindersEnabled: true,
      createdAt: now,
      ...linked,
    });
    return { status: "linked", merge: null };
  }
  await ctx.db.patch(account._id, linked);
  if (account.linkedAt !== undefined) {
    // A switch between Clerk users: nothing merges (the old profile keeps its data); the
    // Discord user's party memberships follow them.
    await repointMemberships(ctx, discordUserId, account.userId, target);
    return { status: "linked", merge: null };
  }
  const jobId = await startMerge(ctx, discordUserId, account.userId, target);
  const first = await mergeStep(ctx, jobId);
  if (!first.done) await ctx.scheduler.runAfter(0, internal.linking.merge.runMerge, { jobId });
  return { status: "linked", merge: first };
}

async function repointMemberships(ctx: MutationCtx, discordUserId: string, from: Id<"users">, to: Id<"users">): Promise<void> {
  const rows = await ctx.db
    .query("party_members")
    .withIndex("by_member", (q) => q.eq("discordUserId", discordUserId))
    .take(500);
  for (const row of rows) if (row.userId === from) await ctx.db.patch(row._id, { userId: to });
}

/**
 * Unlinks: the Clerk profile keeps its data, and the Discord user continues on a fresh guest
 * profile. "busy" while the guest's data is still moving in (unlinking then would split it).
 * `force` (Clerk asked: the user was deleted or disconnected Discord) queues the unlink until
 * that move is done instead ("queued"): unlinking now would point the account at the guest
 * profile the move deletes at its end. `byPerson` (the person's /unlink) is remembered, so
 * Clerk's webhooks don't link the account again until the person does (model/clerkEvents.ts).
 */
export async function unlinkAccount(
  ctx: MutationCtx,
  account: Doc<"discord_accounts">,
  options: { force?: boolean; byPerson?: boolean } = {},
): Promise<"unlinked" | "not_linked" | "busy" | "queued"> {
  if (account.linkedAt === undefined) return "not_linked";
  const running = await runningMergeInto(ctx, account.userId);
  if (running !== null && !options.force) return "busy";
  if (running !== null && running.discordUserId === account.discordUserId) {
    await ctx.db.patch(running._id, { unlinkWhenDone: true });
    return "queued";
  }
  if (options.byPerson)
    await recordUnlink(ctx, account.discordUserId, (await ctx.db.get(account.userId))?.tokenIdentifier ?? null, Date.now());
  const token = `${DISCORD_TOKEN_PREFIX}${account.discordUserId}`;
  const leftover = await userByToken(ctx, token);
  const guest = leftover?._id ?? (await ctx.db.insert("users", { tokenIdentifier: token, name: account.username }));
  await ctx.db.patch(account._id, { userId: guest, linkedAt: undefined, linkedVia: undefined });
  await repointMemberships(ctx, account.discordUserId, account.userId, guest);
  // Sharing was this Discord account's choice: the web profile it leaves is no longer listed.
  await forgetDiscordShares(ctx, account.userId, account.discordUserId);
  return "unlinked";
}

/** Drops an unlink queued behind a move (running, or failed and waiting to resume) of this Discord user's history into `userId`. */
async function cancelQueuedUnlink(ctx: MutationCtx, userId: Id<"users">, discordUserId: string): Promise<void> {
  const jobs = await ctx.db
    .query("link_merges")
    .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
    .order("desc")
    .take(5);
  for (const job of jobs)
    if (job.unlinkWhenDone === true && job.toUserId === userId) await ctx.db.patch(job._id, { unlinkWhenDone: undefined });
}

/**
 * A finished move with an unlink queued behind it (see unlinkAccount): the unlink, now that the
 * guest profile is gone. Nothing when the account has been unlinked or moved since.
 */
export async function unlinkQueuedBehind(ctx: MutationCtx, job: Doc<"link_merges">): Promise<"unlinked" | "none"> {
  if (job.unlinkWhenDone !== true || job.state !== "done" || job.toUserId === undefined) return "none";
  await ctx.db.patch(job._id, { unlinkWhenDone: undefined });
  const account = await discordAccount(ctx, job.discordUserId);
  if (account === null || account.userId !== job.toUserId) return "none";
  return (await unlinkAccount(ctx, account, { force: true })) === "unlinked" ? "unlinked" : "none";
}

/**
 * Repairs Discord accounts whose profile no longer exists (left by an unlink that raced a move
 * before unlinkQueuedBehind existed): each goes back to its guest profile (made afresh when
 * gone), unlinked, its party memberships with it. One page of accounts per call.
 */
export async function repairAccounts(ctx: MutationCtx, page: Doc<"discord_accounts">[], dryRun: boolean): Promise<{ repaired: string[] }> {
  const repaired: string[] = [];
  for (const account of page) {
    if ((await ctx.db.get(account.userId)) !== null) continue;
    const token = `${DISCORD_TOKEN_PREFIX}${account.discordUserId}`;
    const leftover = await userByToken(ctx, token);
    // A guest profile still being moved out goes when its move ends: the next run repairs this one.
    if (
      leftover !== null &&
      (
        await ctx.db
          .query("link_merges")
          .withIndex("by_from", (q) => q.eq("fromUserId", leftover._id))
          .take(10)
      ).some((job) => job.state === "running")
    )
      continue;
    repaired.push(account.discordUserId);
    if (dryRun) continue;
    const guest = leftover?._id ?? (await ctx.db.insert("users", { tokenIdentifier: token, name: account.username }));
    await ctx.db.patch(account._id, { userId: guest, linkedAt: undefined, linkedVia: undefined });
    await repointMemberships(ctx, account.discordUserId, account.userId, guest);
  }
  return { repaired };
}

/** Unlinks every Discord account linked to a Clerk user (it was deleted in Clerk); an unlink behind a running move is queued. */
export async function unlinkClerkUser(ctx: MutationCtx, clerkUserId: string): Promise<{ unlinked: number; queued: number }> {
  const user = await userByToken(ctx, clerkUserId);
  const counts = { unlinked: 0, queued: 0 };
  if (user === null) return counts;
  for (const account of await ctx.db
    .query("discord_accounts")
    .withIndex("by_user", (q) => q.eq("userId", user._id))
    .take(10)) {
    const result = await unlinkAccount(ctx, account, { force: true });
    if (result === "unlinked" || result === "queued") counts[result]++;
  }
  return counts;
}

/** Whom a linked account is linked to, in words for its owner. */
export async function linkedLabel(ctx: QueryCtx, account: Doc<"discord_accounts">): Promise<string | null> {
  if (account.linkedAt === undefined) return null;
  return profileLabel(await ctx.db.get(account.userId));
}
