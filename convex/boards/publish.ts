// The party board publisher: internal functions only, scheduled by model/board.ts. It posts and
// edits boards through convex/lib/discord.ts — never through the bot process — so any number of
// shards, or none running, changes nothing. See model/board.ts for the delivery rules.
import { RESTJSONErrorCodes, type RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { v, type Infer } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type MutationCtx } from "../_generated/server";
import { deleteMessage, editMessage, postMessage, sendDirectMessage, type DiscordResult } from "../lib/discord";
import { backoffMs, boardMessage, boardNonce, CHANNEL_INTERVAL_MS, WATCHDOG_MS } from "../model/board";
import { hostless, partyLabel } from "../model/parties";
import { reportTransactionCost } from "../lib/metrics";
import { NO_MENTIONS } from "../../src/views/message";
import { plain } from "../../src/views/text";

const outcome = v.union(
  v.object({ kind: v.literal("published"), messageId: v.string(), posted: v.boolean() }),
  v.object({ kind: v.literal("retry"), afterMs: v.number() }),
  v.object({ kind: v.literal("failed"), message: v.string() }),
  v.object({ kind: v.literal("pause"), reason: v.string(), channelGone: v.boolean() }),
);
type Outcome = Infer<typeof outcome>;

const claimResult = v.union(
  v.object({ kind: v.literal("skip") }),
  v.object({
    kind: v.literal("go"),
    channelId: v.string(),
    messageId: v.union(v.string(), v.null()),
    nonce: v.string(),
    body: v.any(),
    version: v.number(),
  }),
);

async function cancelWatchdog(ctx: MutationCtx, id: Id<"_scheduled_functions"> | undefined) {
  if (id === undefined) return;
  const job = await ctx.db.system.get(id);
  if (job?.state.kind === "pending") await ctx.scheduler.cancel(id);
}

/** Takes the channel's next slot and renders the board as it is now, or says there is nothing to do yet. */
export const claim = internalMutation({
  args: { partyId: v.id("parties") },
  returns: claimResult,
  handler: async (ctx, { partyId }) => {
    const party = await ctx.db.get(partyId);
    if (party === null) return { kind: "skip" as const };
    const version = party.boardVersion ?? 0;
    const upToDate = party.boardMessageId !== undefined && (party.boardPublishedVersion ?? -1) >= version;
    const nothingToShow = party.state === "ended" && party.boardMessageId === undefined;
    if (party.paused !== undefined || upToDate || nothingToShow) {
      await cancelWatchdog(ctx, party.boardWatchdog);
      await ctx.db.patch(partyId, { boardPending: false, boardWatchdog: undefined });
      return { kind: "skip" as const };
    }
    // Posts and edits share Discord's per-channel bucket: one slot per channel every CHANNEL_INTERVAL_MS.
    const now = Date.now();
    const slot = await ctx.db
      .query("board_channels")
      .withIndex("by_channel", (q) => q.eq("channelId", party.channelId))
      .unique();
    if (slot !== null && slot.nextAt > now) {
      await ctx.scheduler.runAfter(slot.nextAt - now, internal.boards.publish.publish, { partyId });
      return { kind: "skip" as const };
    }
    if (slot === null) await ctx.db.insert("board_channels", { channelId: party.channelId, nextAt: now + CHANNEL_INTERVAL_MS });
    else await ctx.db.patch(slot._id, { nextAt: now + CHANNEL_INTERVAL_MS });

    await cancelWatchdog(ctx, party.boardWatchdog);
    const watchdog = await ctx.scheduler.runAfter(WATCHDOG_MS, internal.boards.publish.publish, { partyId });
    const nonce = party.boardNonce ?? boardNonce(partyId, party.boardPosts ?? 0);
    await ctx.db.patch(partyId, { boardWatchdog: watchdog, boardNonce: nonce, boardPending: true });
    const body = await boardMessage(ctx, party);
    await reportTransactionCost(ctx);
    return { kind: "go" as const, channelId: party.channelId, messageId: party.boardMessageId ?? null, nonce, body, version };
  },
});

/** Records what Discord answered and schedules what comes next: the newer state, a retry, or nothing. */
export const finish = internalMutation({
  args: { partyId: v.id("parties"), version: v.number(), result: outcome },
  returns: v.null(),
  handler: async (ctx, { partyId, version, result }) => {
    const party = await ctx.db.get(partyId);
    if (party === null) return null;
    await cancelWatchdog(ctx, party.boardWatchdog);
    const now = Date.now();
    // The slot also counts from when this request was answered: the next one is sent at least
    // CHANNEL_INTERVAL_MS after this one reached Discord, however long claiming and sending took.
    const slot = await ctx.db
      .query("board_channels")
      .withIndex("by_channel", (q) => q.eq("channelId", party.channelId))
      .unique();
    if (slot !== null && slot.nextAt < now + CHANNEL_INTERVAL_MS) await ctx.db.patch(slot._id, { nextAt: now + CHANNEL_INTERVAL_MS });
    const again = async (ms: number, fields: Record<string, unknown>) => {
      await ctx.db.patch(partyId, { ...fields, boardWatchdog: undefined, boardPending: true });
      await ctx.scheduler.runAfter(ms, internal.boards.publish.publish, { partyId });
    };
    switch (result.kind) {
      case "published": {
        const fields = {
          boardMessageId: result.messageId,
          boardPublishedVersion: Math.max(version, party.boardPublishedVersion ?? -1),
          boardPublishedAt: now,
          boardAttempts: 0,
          // A landed post frees its nonce; the next post (after a deletion) gets a new one.
          ...(result.posted ? { boardPosts: (party.boardPosts ?? 0) + 1, boardNonce: undefined } : {}),
        };
        if ((party.boardVersion ?? 0) > version) await again(CHANNEL_INTERVAL_MS, fields);
        else await ctx.db.patch(partyId, { ...fields, boardPending: false, boardWatchdog: undefined });
        return null;
      }
      case "retry":
        await again(result.afterMs, {});
        return null;
      case "failed": {
        const attempts = (party.boardAttempts ?? 0) + 1;
        console.warn(`party board ${partyId}: attempt ${attempts} failed (${result.message}); retrying`);
        await again(backoffMs(attempts), { boardAttempts: attempts });
        return null;
      }
      case "pause":
        await ctx.db.patch(partyId, {
          paused: { reason: result.reason, at: now, hostTold: false, ...(result.channelGone ? { channelGone: true } : {}) },
          boardPending: false,
          boardWatchdog: undefined,
        });
        await ctx.scheduler.runAfter(0, internal.boards.publish.tellHost, { partyId });
        return null;
    }
  },
});

type Claimed = { channelId: string; messageId: string | null; nonce: string; body: RESTPostAPIChannelMessageJSONBody };

/** Why a refusal pauses the party, in words for the host; null when it is not one that pauses. */
function pauseReason(result: DiscordResult<unknown>, channelId: string): string | null {
  if (result.ok || result.kind !== "refused") return null;
  switch (result.code) {
    case RESTJSONErrorCodes.UnknownChannel:
      return `the channel it was in (<#${channelId}>) was deleted`;
    case RESTJSONErrorCodes.MissingAccess:
      return `I can no longer see <#${channelId}> (View Channel)`;
    case RESTJSONErrorCodes.MissingPermissions:
      return `I'm missing a permission in <#${channelId}> (Send Messages or Embed Links)`;
    default:
      // Anything else Discord refuses would be refused again: stop and say so rather than loop.
      return `Discord refused the board (${result.code ?? result.status}: ${result.message.slice(0, 120)})`;
  }
}

function settle(result: DiscordResult<unknown>, channelId: string): Outcome {
  if (result.ok) throw new Error("settle() is for failures");
  if (result.kind === "rate_limited") return { kind: "retry", afterMs: result.retryAfterMs + 50 };
  if (result.kind === "unavailable") return { kind: "failed", message: `${result.status ?? "no answer"}: ${result.message.slice(0, 120)}` };
  return { kind: "pause", reason: pauseReason(result, channelId)!, channelGone: result.code === RESTJSONErrorCodes.UnknownChannel };
}

/** One delivery: edit the board, or post it (idempotently) when there is none or Discord lost or froze it. */
async function deliver(claim: Claimed): Promise<Outcome> {
  let replacing: string | null = null;
  if (claim.messageId !== null) {
    const { nonce: _n, enforce_nonce: _e, ...edit } = claim.body;
    const edited = await editMessage(claim.channelId, claim.messageId, edit);
    if (edited.ok) return { kind: "published", messageId: claim.messageId, posted: false };
    const code = edited.kind === "refused" ? edited.code : null;
    if (code === RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached) replacing = claim.messageId;
    // A deleted board (10008) is posted again; anything else is settled as it is.
    else if (code !== RESTJSONErrorCodes.UnknownMessage) return settle(edited, claim.channelId);
  }
  const posted = await postMessage(claim.channelId, { ...claim.body, nonce: claim.nonce, enforce_nonce: true });
  if (!posted.ok) return settle(posted, claim.channelId);
  if (replacing !== null) {
    // The frozen board goes, so the channel keeps one. A failure here leaves an old copy, not a wrong board.
    const removed = await deleteMessage(claim.channelId, replacing);
    if (!removed.ok) console.warn(`party board: could not delete the replaced board ${replacing}: ${JSON.stringify(removed)}`);
  }
  return { kind: "published", messageId: posted.data.id, posted: true };
}

export const publish = internalAction({
  args: { partyId: v.id("parties") },
  returns: v.null(),
  handler: async (ctx, { partyId }) => {
    const claimed = await ctx.runMutation(internal.boards.publish.claim, { partyId });
    if (claimed.kind === "skip") return null;
    let result: Outcome;
    try {
      result = await deliver(claimed as Claimed);
    } catch (error) {
      // A bug or a configuration problem: back off and keep the update, rather than lose it.
      result = { kind: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    await ctx.runMutation(internal.boards.publish.finish, { partyId, version: claimed.version, result });
    return null;
  },
});

export const partyNotice = internalQuery({
  args: { partyId: v.id("parties") },
  returns: v.union(v.null(), v.object({ host: v.string(), text: v.string() })),
  handler: async (ctx, { partyId }) => {
    const party = await ctx.db.get(partyId);
    // A party nobody is in has nobody to tell: whoever joins next hosts it and is told then.
    if (party === null || party.paused === undefined || hostless(party)) return null;
    return { host: party.hostDiscordUserId, text: pausedNotice(partyLabel(party), party.paused) };
  },
});

export function pausedNotice(label: string, paused: { reason: string; channelGone?: boolean }): string {
  const next = paused.channelGone
    ? "End it with `/party end party:…` and start a new one in another channel."
    : "Fix that and run `/party status` there to start it again, or `/party end`.";
  return `⏸️ The board of your watch party **${plain(label, 200)}** has stopped: ${paused.reason}. ${next}`;
}

/** Tells the host by DM that their party's board stopped (a closed inbox is fine: they are told on their next /party). */
export const tellHost = internalAction({
  args: { partyId: v.id("parties") },
  returns: v.null(),
  handler: async (ctx, { partyId }) => {
    const notice = await ctx.runQuery(internal.boards.publish.partyNotice, { partyId });
    if (notice === null) return null;
    const sent = await sendDirectMessage(notice.host, { content: notice.text, allowed_mentions: NO_MENTIONS });
    if (!sent.ok && sent.kind !== "refused") console.warn(`party board: could not DM the host: ${JSON.stringify(sent)}`);
    return null;
  },
});
