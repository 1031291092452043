// The link page's calls (convex/http.ts serves GET /link): `preview` before anyone signs in and,
// signed in with the web app's own Clerk auth (auth.config), `redeem`; then the confirmation in
// Discord. The bot never sees a Clerk token. See convex/model/link.ts.
import { ConvexError, v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, mutation, query } from "../_generated/server";
import { interactionFollowUp, sendDirectMessage } from "../lib/discord";
import { plain } from "../../src/views/text";
import { INTERACTION_TOKEN_TTL_MS, PROBLEM_TEXT, SWITCH_TEXT, findRequest, linkDiscordToClerk, maskEmail } from "../model/link";
import { discordAccount } from "../model/users";

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
    if (identity === null) throw new ConvexError("Unauthorized");
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
    if (outcome.status === "needs_switch")
      return { status: "needs_switch" as const, message: SWITCH_TEXT[outcome.reason](outcome.other), discordName };
    if (outcome.status === "busy") {
      return {
        status: "refused" as const,
        message: "Your Discord data is still moving from an earlier link. Try again in a minute.",
        discordName,
      };
    }
    // Used up; the interaction token goes with the scheduled confirmation, not kept here.
    await ctx.db.patch(request._id, { usedAt: now, interactionToken: undefined });
    // The web account's name is the person's own text: escaped like any other, so it can't turn into a link or a mention.
    const who = plain(
      identity.email !== undefined && identity.email !== "" ? maskEmail(identity.email) : (identity.name ?? "your Film Fanatic account"),
      200,
    );
    const mergeDone = outcome.status === "already_linked" || outcome.merge === null || outcome.merge.done;
    const content =
      outcome.status === "already_linked"
        ? `✅ Your Discord account was already linked to ${who}.`
        : `✅ Linked to Film Fanatic account **${who}**. What you track here and on the website is now one library.${
            mergeDone ? "" : " Your Discord history is still moving over; `/account` shows how far it is."
          } Not you? Use \`/unlink\`.`;
    await ctx.scheduler.runAfter(0, internal.linking.page.notifyLinked, {
      discordUserId: request.discordUserId,
      applicationId: request.applicationId,
      interactionToken:
        request.interactionToken !== undefined && (request.createdAt ?? 0) + INTERACTION_TOKEN_TTL_MS > now
          ? request.interactionToken
          : undefined,
      content,
    });
    return {
      status: outcome.status,
      message:
        outcome.status === "already_linked"
          ? `${discordName} was already linked to this account.`
          : `${discordName} is now linked to this account.`,
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
