// A session's answers: Going / Maybe / Can't, one per person, within a cap; who is going.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { fail } from "./errors";
import { markBoardDirty, memberOf } from "./parties";

/** RSVPs one session keeps (Going pings are capped further by the view). */
export const RSVPS_MAX = 200;
export type RsvpAnswer = "going" | "maybe" | "cant";

/** The name a member shows under on the board: their party name, else the host's, else "Someone". */
export async function memberName(ctx: QueryCtx, party: Doc<"parties">, discordUserId: string): Promise<string> {
  const member = await memberOf(ctx, party._id, discordUserId);
  return member?.displayName ?? (discordUserId === party.hostDiscordUserId ? party.hostName : undefined) ?? "Someone";
}

/**
 * Sets these people's answer to Going (replacing what they said), within the session's cap on
 * answers. Returns how many were not Going before.
 */
export async function setGoing(
  ctx: MutationCtx,
  sessionId: Id<"party_sessions">,
  people: ReadonlyArray<{ discordUserId: string; name: string }>,
): Promise<number> {
  const session = await ctx.db.get(sessionId);
  if (session === null || people.length === 0) return 0;
  const rsvps = [...session.rsvps];
  let added = 0;
  const now = Date.now();
  for (const person of people) {
    const i = rsvps.findIndex((r) => r.discordUserId === person.discordUserId);
    if (i >= 0 && rsvps[i]!.answer === "going") continue;
    if (i < 0 && rsvps.length >= RSVPS_MAX) continue;
    const entry = {
      discordUserId: person.discordUserId,
      name: person.name.replace(/\s+/g, " ").trim().slice(0, 100) || "Someone",
      answer: "going" as const,
      at: now,
    };
    if (i >= 0) rsvps[i] = entry;
    else rsvps.push(entry);
    added++;
  }
  if (added > 0) await ctx.db.patch(sessionId, { rsvps });
  return added;
}

/** Those going, less one person (who moved or cancelled it, and needs no ping about that). */
export function goingBut(session: Pick<Doc<"party_sessions">, "rsvps">, discordUserId: string | undefined): string[] {
  return going(session).filter((id) => id !== discordUserId);
}

/** Going / Maybe / Can't: one answer per person, changed by clicking another. */
export async function answerRsvp(ctx: MutationCtx, actor: { discordUserId: string }, sessionId: string, answer: RsvpAnswer, name: string) {
  const id = ctx.db.normalizeId("party_sessions", sessionId);
  const session = id === null ? null : await ctx.db.get(id);
  // Stale buttons (an old post whose edit hasn't landed, or failed) get a private answer.
  if (session === null || session.state === "cancelled")
    fail("NOT_FOUND", "That watch-along was cancelled — see the party's board for the next one.");
  if (session.state === "started") fail("INVALID_ARGUMENT", "That watch-along has already started — its answers are closed.");
  if (session.state !== "scheduled") fail("INVALID_ARGUMENT", "That watch-along is over — see the party's board for the next one.");
  const party = await ctx.db.get(session.partyId);
  if (party === null || party.state !== "active") fail("NOT_FOUND", "That watch party has ended.");
  const others = session.rsvps.filter((r) => r.discordUserId !== actor.discordUserId);
  const before = session.rsvps.find((r) => r.discordUserId === actor.discordUserId);
  if (before === undefined && others.length >= RSVPS_MAX) fail("INVALID_ARGUMENT", `This session already has ${RSVPS_MAX} answers.`);
  const entry = {
    discordUserId: actor.discordUserId,
    name: name.replace(/\s+/g, " ").trim().slice(0, 100) || "Someone",
    answer,
    at: Date.now(),
  };
  await ctx.db.patch(session._id, { rsvps: [...others, entry] });
  if (before?.answer !== answer || before.name !== entry.name) await markBoardDirty(ctx, party._id);
  return { session, party, changed: before?.answer !== answer };
}

export function going(session: Pick<Doc<"party_sessions">, "rsvps">): string[] {
  return session.rsvps.filter((r) => r.answer === "going").map((r) => r.discordUserId);
}
