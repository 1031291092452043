// `/party threads on`: when a session starts, a public thread is started from its start post,
// named with what the party watches tonight ("S1E3 · Title", or the film's title), so the talk
// stays out of the channel. Without Create Public Threads (or any other refusal) the party runs
// as before and its host is told once (parties.threadsRefusedToldAt).
import { RESTJSONErrorCodes, ThreadAutoArchiveDuration } from "discord-api-types/v10";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type QueryCtx } from "../_generated/server";
import { sendDirectMessage, startThreadFromMessage } from "../lib/discord";
import { episodesLabel, hostless, isMovieParty, partyLabel } from "../model/parties";
import { watchedInSession } from "../model/sessionWatched";
import { NO_MENTIONS } from "../../src/views/message";
import { plain, withoutBidi } from "../../src/views/text";
import { retryDelay } from "./posts";

/** Discord's limit for a channel's (a thread's) name. */
export const THREAD_NAME_MAX = 100;

/** A thread's name: one line, no control or direction characters, at most 100 characters (cut with "…"). */
export function threadName(text: string): string {
  const visible = [...withoutBidi(text)].map((c) => (/\p{Cc}/u.test(c) ? " " : c)).join("");
  const line = visible.replace(/\s+/g, " ").trim();
  const chars = [...line];
  const name =
    chars.length <= THREAD_NAME_MAX
      ? line
      : `${chars
          .slice(0, THREAD_NAME_MAX - 1)
          .join("")
          .trimEnd()}…`;
  return name === "" ? "Watch party" : name;
}

/** What tonight's thread is called: the next episode and the show, or the film. */
export async function sessionThreadName(ctx: QueryCtx, party: Doc<"parties">, session: Doc<"party_sessions">): Promise<string> {
  if (isMovieParty(party)) return threadName(party.title);
  const next = await watchedInSession(ctx, party, session.startPosition ?? null);
  return threadName(next === null ? partyLabel(party) : `${episodesLabel(next.season, next.episodes)} · ${party.title}`);
}

export const threadPlan = internalQuery({
  args: { sessionId: v.id("party_sessions") },
  returns: v.union(v.null(), v.object({ channelId: v.string(), name: v.string() })),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get(sessionId);
    if (session === null || session.state === "cancelled") return null;
    const party = await ctx.db.get(session.partyId);
    if (party === null || party.state !== "active" || party.threads !== true || party.paused?.channelGone) return null;
    return { channelId: session.channelId, name: await sessionThreadName(ctx, party, session) };
  },
});

/** Starts the session's thread from its start post (posts.ts's recordPost asks once the post is made). */
export const openThread = internalAction({
  args: { sessionId: v.id("party_sessions"), messageId: v.string(), attempt: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const plan = await ctx.runQuery(internal.sessions.threads.threadPlan, { sessionId: args.sessionId });
    if (plan === null) return null;
    const sent = await startThreadFromMessage(plan.channelId, args.messageId, {
      name: plan.name,
      auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
    });
    // A repeat after a lost answer: the thread is there already.
    if (sent.ok || (sent.kind === "refused" && sent.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return null;
    const delay = retryDelay(sent, args.attempt);
    if (delay !== null) {
      await ctx.scheduler.runAfter(delay, internal.sessions.threads.openThread, { ...args, attempt: args.attempt + 1 });
      return null;
    }
    // A missing permission is the host's to fix (they are told); anything else is worth a log line.
    if (!(sent.kind === "refused" && sent.code === RESTJSONErrorCodes.MissingPermissions))
      console.warn(`session ${args.sessionId}: no thread: ${JSON.stringify(sent)}`);
    if (sent.kind === "refused") await ctx.runMutation(internal.sessions.threads.threadRefused, { sessionId: args.sessionId });
    return null;
  },
});

/** Discord refused a session's thread: the host is told once per party. */
export const threadRefused = internalMutation({
  args: { sessionId: v.id("party_sessions") },
  returns: v.null(),
  handler: async (ctx, { sessionId }) => {
    const session = await ctx.db.get(sessionId);
    const party = session === null ? null : await ctx.db.get(session.partyId);
    if (party === null || party.threadsRefusedToldAt !== undefined) return null;
    await ctx.db.patch(party._id, { threadsRefusedToldAt: Date.now() });
    if (!hostless(party))
      await ctx.scheduler.runAfter(0, internal.sessions.threads.tellHostThreads, {
        discordUserId: party.hostDiscordUserId,
        label: partyLabel(party),
      });
    return null;
  },
});

export const tellHostThreads = internalAction({
  args: { discordUserId: v.string(), label: v.string() },
  returns: v.null(),
  handler: async (_ctx, { discordUserId, label }) => {
    if (!/^\d{15,22}$/.test(discordUserId)) return null;
    const text = `ℹ️ I couldn't open a thread for the session of **${plain(label, 150)}**: I need the **Create Public Threads** permission in its channel. The party goes on without threads; give me the permission, or turn them off with \`/party threads off\`.`;
    const sent = await sendDirectMessage(discordUserId, { content: text, allowed_mentions: NO_MENTIONS });
    if (!sent.ok && sent.kind !== "refused") console.warn(`sessions: could not DM the host: ${JSON.stringify(sent)}`);
    return null;
  },
});
