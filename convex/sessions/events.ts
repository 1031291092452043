// Keeps the Guild Scheduled Event for a session in step with it, through convex/lib/discord.ts.
import { RESTJSONErrorCodes } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { retryDelay } from "./posts";
import { createScheduledEvent, deleteScheduledEvent, editScheduledEvent, sendDirectMessage, type DiscordResult } from "../lib/discord";
import { hostless, partyLabel } from "../model/parties";
import { eventsNoticeOnce, scheduledEventBody } from "../model/sessions";
import { NO_MENTIONS } from "../../src/views/message";
import { plain } from "../../src/views/text";

// ---------------------------------------------------------------- Discord's Events

export const eventPlan = internalQuery({
  args: { sessionId: v.id("party_sessions") },
  returns: v.union(
    v.null(),
    v.object({
      op: v.union(v.literal("create"), v.literal("update"), v.literal("delete")),
      guildId: v.string(),
      eventId: v.union(v.string(), v.null()),
      at: v.number(),
      body: v.any(),
    }),
  ),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null || session.eventSync === undefined) return null;
    const party = await ctx.db.get(session.partyId);
    if (party === null) return null;
    const op = session.eventSync;
    if (op !== "delete" && session.state !== "scheduled") return null;
    return {
      op,
      guildId: session.guildId,
      eventId: session.eventId ?? null,
      at: session.at,
      body: scheduledEventBody(party, partyLabel(party), session.at),
    };
  },
});

export const eventDone = internalMutation({
  args: {
    sessionId: v.id("party_sessions"),
    op: v.union(v.literal("create"), v.literal("update"), v.literal("delete")),
    at: v.number(),
    eventId: v.union(v.string(), v.null()),
    refused: v.boolean(),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const session = await ctx.db.get(args.sessionId);
    if (session === null) return null;
    if (args.refused) {
      await ctx.db.patch(args.sessionId, { eventSync: undefined, ...(args.op === "delete" ? { eventId: undefined } : {}) });
      const party = await ctx.db.get(session.partyId);
      // A party nobody hosts (its last member left) has nobody to tell: the notice waits for its next host.
      if (party !== null && !hostless(party) && (await eventsNoticeOnce(ctx, party)) !== null) {
        await ctx.scheduler.runAfter(0, internal.sessions.events.tellHostEvents, {
          discordUserId: party.hostDiscordUserId,
          label: partyLabel(party),
        });
      }
      return null;
    }
    if (args.op === "delete") {
      await ctx.db.patch(args.sessionId, { eventId: undefined, eventSync: undefined });
      return null;
    }
    // The session moved or was cancelled while this ran: sync again (update or delete what was made).
    const stale = session.at !== args.at || session.state !== "scheduled";
    const eventId = args.eventId ?? session.eventId;
    if (stale && eventId !== undefined) {
      await ctx.db.patch(args.sessionId, {
        eventId,
        eventSync: session.state === "cancelled" ? "delete" : session.state === "scheduled" ? "update" : undefined,
      });
      if (session.state === "cancelled" || session.state === "scheduled")
        await ctx.scheduler.runAfter(0, internal.sessions.events.syncEvent, { sessionId: args.sessionId, attempt: 0 });
      return null;
    }
    await ctx.db.patch(args.sessionId, { ...(eventId !== undefined ? { eventId } : {}), eventSync: undefined });
    return null;
  },
});

const EVENT_PERMISSION_CODES = new Set<number>([RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess]);

export const syncEvent = internalAction({
  args: { sessionId: v.id("party_sessions"), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, { sessionId, attempt }) => {
    const plan = await ctx.runQuery(internal.sessions.events.eventPlan, { sessionId });
    if (plan === null) return null;
    let result: DiscordResult<{ id: string } | null>;
    if (plan.op === "delete" || (plan.op === "update" && plan.eventId !== null)) {
      result =
        plan.op === "delete"
          ? await deleteScheduledEvent(plan.guildId, plan.eventId!)
          : await editScheduledEvent(plan.guildId, plan.eventId!, plan.body);
      // An event someone deleted in Discord: recreate it on update, nothing left to delete.
      if (!result.ok && result.kind === "refused" && result.code === RESTJSONErrorCodes.UnknownGuildScheduledEvent) {
        result = plan.op === "delete" ? { ok: true, data: null } : await createScheduledEvent(plan.guildId, plan.body);
      }
    } else {
      result = await createScheduledEvent(plan.guildId, plan.body);
    }
    if (result.ok) {
      await ctx.runMutation(internal.sessions.events.eventDone, {
        sessionId,
        op: plan.op,
        at: plan.at,
        eventId: result.data?.id ?? null,
        refused: false,
      });
      return null;
    }
    const delay = retryDelay(result, attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.events.syncEvent, { sessionId, attempt: attempt + 1 });
      return null;
    }
    if (!(result.kind === "refused" && result.code !== null && EVENT_PERMISSION_CODES.has(result.code))) {
      console.warn(`session ${sessionId}: Discord refused the scheduled event (${plan.op}): ${JSON.stringify(result)}`);
    }
    await ctx.runMutation(internal.sessions.events.eventDone, { sessionId, op: plan.op, at: plan.at, eventId: null, refused: true });
    return null;
  },
});

export const tellHostEvents = internalAction({
  args: { discordUserId: v.string(), label: v.string() },
  returns: v.null(),
  handler: async (_ctx, { discordUserId, label }) => {
    // Nobody to tell (a party without a host passes NO_HOST): no DM channel is asked for.
    if (!/^\d{15,22}$/.test(discordUserId)) return null;
    const text = `ℹ️ I couldn't add the watch-along of **${plain(label, 150)}** to the server's **Events**: I need the **Create Events** permission there. Reminders, pings and the board work without it.`;
    const sent = await sendDirectMessage(discordUserId, { content: text, allowed_mentions: NO_MENTIONS });
    if (!sent.ok && sent.kind !== "refused") console.warn(`sessions: could not DM the host: ${JSON.stringify(sent)}`);
    return null;
  },
});
