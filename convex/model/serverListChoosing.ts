// The server's list, choosing the film: the weighted draw, the native poll of titles and its
// votes, and the background recount of seen counts (the list itself: serverList.ts).
import { time, TimestampStyles } from "@discordjs/formatters";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import { label } from "../../src/views/text";
import { fail } from "./errors";
import {
  entryView,
  listedEntries,
  listOf,
  memberUserIds,
  PICK_ATTEMPTS,
  POLL_HOURS_MAX,
  POLL_TITLES_MAX,
  RECOUNT_CHUNK,
  SEEN_READS_MAX,
  seenBy,
  useList,
  type Actor,
  type Entry,
} from "./serverList";

// ---------------------------------------------------------------- choosing the film

/** Its weight in a draw: the fewer of the members have seen it, the likelier it comes up. */
export function drawWeight(seen: number, members: number): number {
  return Math.max(1, members - seen + 1);
}

/** Draws one of `entries` at random, weighted by drawWeight. */
function weightedDraw(entries: readonly Entry[], members: number, random: number): Entry {
  const total = entries.reduce((sum, e) => sum + drawWeight(e.seen, members), 0);
  let at = random * total;
  for (const e of entries) {
    at -= drawWeight(e.seen, members);
    if (at < 0) return e;
  }
  return entries.at(-1)!;
}

/**
 * `/list pick` and Draw again: a title at random, weighted towards those fewer members have seen.
 * With `unseen`, never one every counted member has finished: the drawn title's count is checked
 * against everyone's tracking before it is shown (and kept), and another is drawn if it fails.
 */
export async function pickFromList(ctx: MutationCtx, actor: Actor, args: { guildId: string; unseen: boolean; previous?: string }) {
  const list = await useList(ctx, args.guildId, actor.discordUserId);
  const entries = await listedEntries(ctx, list.guildId);
  if (entries.length === 0) fail("NOT_FOUND", "The server's list is empty — suggest a title with /list add.");
  const users = await memberUserIds(ctx, list.guildId);
  const members = users.length;
  // Nobody counted (the server has more members using the list than are counted): nothing to leave out.
  const unseen = args.unseen && members > 0;
  let candidates = entries.filter((e) => !unseen || e.seen < members);
  // Draw again: not the title just shown, unless it is the only one.
  if (candidates.length > 1) candidates = candidates.filter((e) => e._id !== args.previous);
  // Each check reads every counted member's tracking: fewer checks the more members, within Convex's read limits.
  const attempts = Math.max(1, Math.min(PICK_ATTEMPTS, Math.floor(SEEN_READS_MAX / Math.max(1, members))));
  for (let attempt = 0; attempt < attempts && candidates.length > 0; attempt++) {
    const drawn = weightedDraw(candidates, members, Math.random());
    const seen = await seenBy(ctx, users, drawn.tmdbId, drawn.mediaType);
    if (seen !== drawn.seen) await ctx.db.patch(drawn._id, { seen });
    if (unseen && seen >= members) {
      candidates = candidates.filter((e) => e._id !== drawn._id);
      continue;
    }
    return { entry: entryView({ ...drawn, seen }), members, listed: list.listed, unseen: args.unseen };
  }
  if (unseen && candidates.length === 0)
    fail("NOT_FOUND", "Everyone here has already seen every title on the list — try /list pick without unseen, or suggest something new.");
  fail(
    "NOT_FOUND",
    "I couldn't draw a title nobody here has seen this time — the list's counts are being brought up to date; try again in a minute.",
  );
}

/**
 * `/list poll`: a native poll of the least-seen titles (up to 10), open `hours`; the post and its
 * closing are scheduled here (convex/serverList/jobs.ts). One open poll per server.
 */
export async function startListPoll(
  ctx: MutationCtx,
  actor: Actor,
  args: { guildId: string; channelId: string; count?: number; hours: number },
) {
  if (!Number.isInteger(args.hours) || args.hours < 1 || args.hours > POLL_HOURS_MAX)
    fail("INVALID_ARGUMENT", `A poll stays open 1 to ${POLL_HOURS_MAX} hours (7 days).`);
  if (args.count !== undefined && (!Number.isInteger(args.count) || args.count < 2 || args.count > POLL_TITLES_MAX))
    fail("INVALID_ARGUMENT", `A poll offers 2 to ${POLL_TITLES_MAX} titles.`);
  if (!/^\d{15,22}$/.test(args.channelId)) fail("INVALID_ARGUMENT", "A poll goes up in a server channel.");
  const list = await useList(ctx, args.guildId, actor.discordUserId);
  const entries = await listedEntries(ctx, list.guildId);
  if (entries.length < 2)
    fail(
      "INVALID_ARGUMENT",
      `A poll needs at least two titles to choose from, and the server's list has ${entries.length === 0 ? "none" : "only one"} — suggest more with /list add.`,
    );
  for (const state of ["posting", "open"] as const) {
    const open = await ctx.db
      .query("server_list_polls")
      .withIndex("by_guild_state", (q) => q.eq("guildId", list.guildId).eq("state", state))
      .first();
    if (open !== null)
      fail(
        "INVALID_ARGUMENT",
        `A poll on the server's list is already open until ${time(new Date(open.closesAt), TimestampStyles.ShortDateTime)} in <#${open.channelId}> — wait for it to close before starting another.`,
      );
  }
  // The least seen first (then the oldest suggestion), with exact counts for the ones offered.
  const users = await memberUserIds(ctx, list.guildId);
  const count = Math.min(args.count ?? POLL_TITLES_MAX, entries.length);
  const byStoredSeen = [...entries].sort((a, b) => a.seen - b.seen || a.seq - b.seq);
  const offered: Entry[] = [];
  for (const entry of byStoredSeen.slice(0, count)) {
    const seen = await seenBy(ctx, users, entry.tmdbId, entry.mediaType);
    if (seen !== entry.seen) await ctx.db.patch(entry._id, { seen });
    offered.push({ ...entry, seen });
  }
  offered.sort((a, b) => a.seen - b.seen || a.seq - b.seq);
  const now = Date.now();
  const closesAt = now + args.hours * 3_600_000;
  const pollId = await ctx.db.insert("server_list_polls", {
    guildId: list.guildId,
    channelId: args.channelId,
    createdBy: actor.discordUserId,
    options: offered.map((e) => ({ entryId: e._id, tmdbId: e.tmdbId, mediaType: e.mediaType, label: pollAnswer(e) })),
    closesAt,
    createdAt: now,
    state: "posting",
  });
  await ctx.scheduler.runAfter(0, internal.serverList.jobs.pollPost, { pollId, attempt: 0 });
  // Discord finalises results a moment after the end.
  await ctx.scheduler.runAt(closesAt + 5_000, internal.serverList.jobs.pollClose, { pollId, attempt: 0 });
  return { count: offered.length, closesAt, channelId: args.channelId, entries: offered.map(entryView), members: users.length };
}

/** A poll answer's text: the title and year, within Discord's 55 characters. */
export function pollAnswer(entry: { title: string; year?: number }): string {
  const year = entry.year !== undefined ? ` (${entry.year})` : "";
  return label(entry.title, 55 - year.length) + year;
}

/** The winner of a closed poll: most votes, the earlier answer (the less seen) on a tie; null when nobody voted. */
export function pollWinner(answers: number, counts: ReadonlyArray<{ id: number; count: number }>): { index: number; votes: number } | null {
  let best: { index: number; votes: number } | null = null;
  for (let i = 0; i < answers; i++) {
    const votes = counts.find((c) => c.id === i + 1)?.count ?? 0;
    if (votes > 0 && (best === null || votes > best.votes)) best = { index: i, votes };
  }
  return best;
}

/** A closed poll's votes count towards its titles' "votes" (the /list show sort:votes order). */
export async function recordPollVotes(
  ctx: MutationCtx,
  poll: Doc<"server_list_polls">,
  counts: ReadonlyArray<{ id: number; count: number }>,
): Promise<void> {
  for (const [i, option] of poll.options.entries()) {
    const votes = counts.find((c) => c.id === i + 1)?.count ?? 0;
    if (!Number.isInteger(votes) || votes <= 0) continue;
    const entry = await ctx.db.get(option.entryId);
    if (entry !== null) await ctx.db.patch(entry._id, { votes: entry.votes + Math.min(votes, 1_000_000) });
  }
}

/** One step of a recount: RECOUNT_CHUNK entries after `afterSeq`; the next step is scheduled. */
export async function recountStep(ctx: MutationCtx, args: { guildId: string; generation: number; afterSeq: number }) {
  const list = await listOf(ctx, args.guildId);
  if (list === null || list.recountGeneration !== args.generation) return;
  const users = await memberUserIds(ctx, list.guildId);
  // Fewer titles a step the more members are counted, so a step stays within Convex's read limits.
  const chunk = Math.max(1, Math.min(RECOUNT_CHUNK, Math.floor(SEEN_READS_MAX / Math.max(1, users.length))));
  const entries = await ctx.db
    .query("server_list_entries")
    .withIndex("by_guild_state_seq", (q) => q.eq("guildId", list.guildId).eq("state", "listed").gt("seq", args.afterSeq))
    .take(chunk);
  for (const entry of entries) {
    const seen = await seenBy(ctx, users, entry.tmdbId, entry.mediaType);
    if (seen !== entry.seen) await ctx.db.patch(entry._id, { seen });
  }
  if (entries.length === chunk)
    await ctx.scheduler.runAfter(0, internal.serverList.jobs.recountSeen, { ...args, afterSeq: entries.at(-1)!.seq });
  else await ctx.db.patch(list._id, { countedAt: Date.now() });
}
