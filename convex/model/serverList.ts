// The server's list for movie nights (/list): members suggest titles (a cap each), a member with
// Manage Server can lock it and remove anything, pages show who suggested each title and how many
// of the server's members have seen it in their own tracking, and the film is chosen by a weighted
// draw or a native poll (convex/serverList/jobs.ts posts and closes polls).
//
// "Members" are the server's members who have used the list there (server_list_members): Convex
// does not know a server's member list, and they are the ones choosing the film. Each entry keeps
// its seen count; counts are redone by a background job when someone new is counted or they are
// half an hour old, and exactly for whatever is drawn or put in a poll: a page reads a few documents.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { internal } from "../_generated/api";
import { label, plain } from "../../src/views/text";
import { fail } from "./errors";
import { discordAccount } from "./users";
import { normalizeState } from "./vocabulary";

/** Titles a server's list holds at once. */
export const LIST_MAX = 500;
/** Titles one member may have on the list at once (Manage Server is not capped). */
export const SUGGESTIONS_PER_MEMBER = 5;
/** Members whose tracking the seen counts read; more are not counted (and are told nothing is wrong). */
export const MEMBERS_COUNTED_MAX = 200;
/** Titles on a page of /list show. */
export const LIST_PAGE_SIZE = 10;
/** Seen counts older than this are redone in the background by the next use of the list that writes. */
export const RECOUNT_AFTER_MS = 30 * 60_000;
/** Entries one recount step counts at most (each reads one document per counted member). */
export const RECOUNT_CHUNK = 20;
/**
 * Members' tracking read for seen counts in one transaction at most (one index range per member per
 * title), well inside Convex's 4,096 index ranges: at 200 counted members a step counts 10 titles.
 */
export const SEEN_READS_MAX = 2_000;
/** A poll's answers (Discord's limit) and how long it may stay open. */
export const POLL_TITLES_MAX = 10;
export const POLL_HOURS_MAX = 7 * 24;
/** Draws checked against the members' tracking before /list pick gives up. */
export const PICK_ATTEMPTS = 25;

export type ListSort = "added" | "votes" | "random";
export type Entry = Doc<"server_list_entries">;

/** Where a page starts: after the last entry shown, in the sort's own order. */
export interface ListPosition {
  sort: ListSort;
  page: number;
  /** random: where the walk through the shuffled order began. */
  start?: number;
  /** votes: the last entry's votes; random: its shuffle key. */
  key?: number;
  /** added and votes: the last entry's number. */
  seq?: number;
}

/** What the bot shows of an entry. */
export function entryView(entry: Entry) {
  return {
    entryId: entry._id,
    tmdbId: entry.tmdbId,
    mediaType: entry.mediaType,
    title: entry.title,
    ...(entry.year !== undefined ? { year: entry.year } : {}),
    ...(entry.runtime !== undefined ? { runtime: entry.runtime } : {}),
    ...(entry.episodes !== undefined ? { episodes: entry.episodes } : {}),
    suggestedBy: entry.suggestedBy,
    suggestedByName: entry.suggestedByName,
    seen: entry.seen,
    votes: entry.votes,
  };
}
export type EntryView = ReturnType<typeof entryView>;

export function parseGuildId(value: string): string {
  if (!/^\d{15,22}$/.test(value)) fail("INVALID_ARGUMENT", "The server's list lives in a server — use /list there.");
  return value;
}

export async function listOf(ctx: QueryCtx, guildId: string): Promise<Doc<"server_lists"> | null> {
  return await ctx.db
    .query("server_lists")
    .withIndex("by_guild", (q) => q.eq("guildId", guildId))
    .unique();
}

async function ensureList(ctx: MutationCtx, guildId: string): Promise<Doc<"server_lists">> {
  const existing = await listOf(ctx, parseGuildId(guildId));
  if (existing !== null) return existing;
  const id = await ctx.db.insert("server_lists", {
    guildId,
    locked: false,
    listed: 0,
    nextSeq: 1,
    members: 0,
    recountGeneration: 0,
    updatedAt: Date.now(),
  });
  return (await ctx.db.get(id))!;
}

/** Asks the background job to redo every entry's seen count (a newer request stops an older run). */
async function requestRecount(ctx: MutationCtx, list: Doc<"server_lists">, now: number): Promise<void> {
  const generation = list.recountGeneration + 1;
  await ctx.db.patch(list._id, { recountGeneration: generation, recountRequestedAt: now });
  await ctx.scheduler.runAfter(0, internal.serverList.jobs.recountSeen, { guildId: list.guildId, generation, afterSeq: 0 });
}

/**
 * Counts the member for "seen" from now on (the first time they use the list here), and starts a
 * recount when someone new is counted or the counts are old. Returns the list as it is now.
 */
export async function useList(ctx: MutationCtx, guildId: string, discordUserId: string): Promise<Doc<"server_lists">> {
  const list = await ensureList(ctx, guildId);
  const now = Date.now();
  const known = await ctx.db
    .query("server_list_members")
    .withIndex("by_guild", (q) => q.eq("guildId", list.guildId).eq("discordUserId", discordUserId))
    .unique();
  if (known === null && list.members < MEMBERS_COUNTED_MAX) {
    await ctx.db.insert("server_list_members", { guildId: list.guildId, discordUserId, joinedAt: now });
    await ctx.db.patch(list._id, { members: list.members + 1 });
    if (list.listed > 0) await requestRecount(ctx, { ...list, members: list.members + 1 }, now);
  } else if (list.listed > 0 && now - Math.max(list.countedAt ?? 0, list.recountRequestedAt ?? 0) > RECOUNT_AFTER_MS) {
    await requestRecount(ctx, list, now);
  }
  return (await ctx.db.get(list._id))!;
}

/** The users behind the server's counted members (one read each, so a linked account counts as its web profile). */
export async function memberUserIds(ctx: QueryCtx, guildId: string): Promise<Id<"users">[]> {
  const members = await ctx.db
    .query("server_list_members")
    .withIndex("by_guild", (q) => q.eq("guildId", guildId))
    .take(MEMBERS_COUNTED_MAX);
  const users: Id<"users">[] = [];
  for (const member of members) {
    const account = await discordAccount(ctx, member.discordUserId);
    if (account !== null && !users.includes(account.userId)) users.push(account.userId);
  }
  return users;
}

/** How many of these users have finished the title in their own tracking (the web app's too). */
export async function seenBy(ctx: QueryCtx, users: readonly Id<"users">[], tmdbId: number, mediaType: string): Promise<number> {
  let seen = 0;
  for (const userId of users) {
    const item = await ctx.db
      .query("watch_items")
      .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("mediaType", mediaType))
      .first();
    if (item !== null && normalizeState(item).progressStatus === "finished") seen++;
  }
  return seen;
}

async function entryFor(ctx: QueryCtx, guildId: string, tmdbId: number, mediaType: string): Promise<Entry | null> {
  return await ctx.db
    .query("server_list_entries")
    .withIndex("by_guild_title", (q) =>
      q
        .eq("guildId", guildId)
        .eq("tmdbId", tmdbId)
        .eq("mediaType", mediaType as "movie" | "tv"),
    )
    .first();
}

export async function listedEntries(ctx: QueryCtx, guildId: string): Promise<Entry[]> {
  return await ctx.db
    .query("server_list_entries")
    .withIndex("by_guild_state_seq", (q) => q.eq("guildId", guildId).eq("state", "listed"))
    .take(LIST_MAX);
}

const LOCKED = "🔒 The server's list is locked — only members with Manage Server can add or remove titles until it's unlocked.";

export interface Suggestion {
  tmdbId: number;
  mediaType: "movie" | "tv";
  title: string;
  year?: number;
  runtime?: number;
  episodes?: number;
}

function cleanSuggestion(s: Suggestion): Suggestion {
  if (!Number.isSafeInteger(s.tmdbId) || s.tmdbId < 1 || s.tmdbId > 2_147_483_647) fail("INVALID_ARGUMENT", "That is not a TMDB id.");
  const title = s.title.trim().slice(0, 300);
  if (title === "") fail("INVALID_ARGUMENT", "A title needs a name.");
  const whole = (n: number | undefined, max: number) => (n !== undefined && Number.isInteger(n) && n > 0 && n <= max ? n : undefined);
  return {
    tmdbId: s.tmdbId,
    mediaType: s.mediaType,
    title,
    ...(whole(s.year, 9999) !== undefined ? { year: s.year } : {}),
    ...(whole(s.runtime, 10_000) !== undefined ? { runtime: s.runtime } : {}),
    ...(whole(s.episodes, 100_000) !== undefined ? { episodes: s.episodes } : {}),
  };
}

export type Actor = { discordUserId: string };

/** One title onto the list (the list and the member checked by the caller); null when already on it. */
async function insertEntry(
  ctx: MutationCtx,
  list: Doc<"server_lists">,
  actor: Actor & { name: string },
  suggestion: Suggestion,
  users: readonly Id<"users">[],
): Promise<{ entry: Entry; already: boolean }> {
  const s = cleanSuggestion(suggestion);
  const existing = await entryFor(ctx, list.guildId, s.tmdbId, s.mediaType);
  if (existing !== null && existing.state === "listed") return { entry: existing, already: true };
  const now = Date.now();
  const fields = {
    title: s.title,
    year: s.year,
    runtime: s.runtime,
    episodes: s.episodes,
    suggestedBy: actor.discordUserId,
    suggestedByName: label(actor.name, 80),
    addedAt: now,
    seq: list.nextSeq,
    shuffle: Math.floor(Math.random() * 2 ** 31),
    seen: await seenBy(ctx, users, s.tmdbId, s.mediaType),
    state: "listed" as const,
    watchedAt: undefined,
  };
  let id: Id<"server_list_entries">;
  if (existing !== null) {
    // Watched together once and suggested again: back on the list, its past poll votes kept.
    await ctx.db.patch(existing._id, fields);
    id = existing._id;
  } else {
    id = await ctx.db.insert("server_list_entries", {
      guildId: list.guildId,
      tmdbId: s.tmdbId,
      mediaType: s.mediaType,
      votes: 0,
      ...fields,
    });
  }
  await ctx.db.patch(list._id, { nextSeq: list.nextSeq + 1, listed: list.listed + 1, updatedAt: now });
  list.nextSeq++;
  list.listed++;
  return { entry: (await ctx.db.get(id))!, already: false };
}

async function suggestionsBy(ctx: QueryCtx, guildId: string, discordUserId: string): Promise<number> {
  const mine = await ctx.db
    .query("server_list_entries")
    .withIndex("by_guild_state_suggester", (q) => q.eq("guildId", guildId).eq("state", "listed").eq("suggestedBy", discordUserId))
    .take(SUGGESTIONS_PER_MEMBER + 1);
  return mine.length;
}

function capMessage(): string {
  return `You have ${SUGGESTIONS_PER_MEMBER} titles on the server's list already — that's the most one member can suggest at once. Remove one of yours with /list remove, or wait until one is watched.`;
}

/** `/list add` and a card's Suggest for movie night. */
export async function addToList(
  ctx: MutationCtx,
  actor: Actor,
  args: { guildId: string; name: string; canManageServer: boolean; title: Suggestion },
) {
  const list = await useList(ctx, args.guildId, actor.discordUserId);
  const existing = await entryFor(ctx, list.guildId, args.title.tmdbId, args.title.mediaType);
  if (existing !== null && existing.state === "listed")
    return { entry: entryView(existing), already: true, members: list.members, mine: 0 };
  if (list.locked && !args.canManageServer) fail("FORBIDDEN", LOCKED);
  if (list.listed >= LIST_MAX) fail("INVALID_ARGUMENT", `The server's list is full (${LIST_MAX} titles) — remove some before adding more.`);
  const mine = await suggestionsBy(ctx, list.guildId, actor.discordUserId);
  if (!args.canManageServer && mine >= SUGGESTIONS_PER_MEMBER) fail("INVALID_ARGUMENT", capMessage());
  const users = await memberUserIds(ctx, list.guildId);
  const { entry } = await insertEntry(ctx, list, { ...actor, name: args.name }, args.title, users);
  return { entry: entryView(entry), already: false, members: list.members, mine: mine + 1 };
}

/** `/list add-from`: the titles of one of the member's own lists (the web app's), up to their cap. */
export async function addFromOwnList(
  ctx: MutationCtx,
  actor: Actor & { userId: Id<"users"> },
  args: { guildId: string; name: string; canManageServer: boolean; listId: string },
) {
  const listId = ctx.db.normalizeId("lists", args.listId);
  const own = listId === null ? null : await ctx.db.get(listId);
  if (own === null || own.userId !== actor.userId)
    fail("NOT_FOUND", "I can't find that list among yours — pick one of your lists as you type (lists are made in the web app).");
  const list = await useList(ctx, args.guildId, actor.discordUserId);
  if (list.locked && !args.canManageServer) fail("FORBIDDEN", LOCKED);
  const items = await ctx.db
    .query("list_items")
    .withIndex("by_list", (q) => q.eq("listId", own._id))
    .take(LIST_MAX);
  if (items.length === 0) fail("NOT_FOUND", `Your list “${plain(own.name, 100)}” is empty.`);
  const users = await memberUserIds(ctx, list.guildId);
  let room = args.canManageServer ? Infinity : SUGGESTIONS_PER_MEMBER - (await suggestionsBy(ctx, list.guildId, actor.discordUserId));
  // Seen counts for as many titles as the transaction can read; the rest are counted by the background recount.
  let seenReads = SEEN_READS_MAX;
  let recount = false;
  const added: EntryView[] = [];
  let already = 0;
  let left = 0;
  for (const item of items) {
    if (item.mediaType !== "movie" && item.mediaType !== "tv") continue;
    const on = await entryFor(ctx, list.guildId, item.tmdbId, item.mediaType);
    if (on !== null && on.state === "listed") {
      already++;
      continue;
    }
    if (room <= 0 || list.listed >= LIST_MAX) {
      left++;
      continue;
    }
    const stored =
      item.title ??
      (
        await ctx.db
          .query("watch_items")
          .withIndex("by_user_media", (q) => q.eq("userId", actor.userId).eq("tmdbId", item.tmdbId).eq("mediaType", item.mediaType))
          .first()
      )?.title;
    const year = Number((item.release_date ?? "").slice(0, 4)) || undefined;
    const counted = users.length <= seenReads;
    if (counted) seenReads -= users.length;
    else recount = true;
    const { entry } = await insertEntry(
      ctx,
      list,
      { ...actor, name: args.name },
      { tmdbId: item.tmdbId, mediaType: item.mediaType, title: stored ?? `TMDB ${item.tmdbId}`, year },
      counted ? users : [],
    );
    added.push(entryView(entry));
    room--;
  }
  if (recount) await requestRecount(ctx, list, Date.now());
  if (added.length === 0 && left > 0)
    fail("INVALID_ARGUMENT", list.listed >= LIST_MAX ? `The server's list is full (${LIST_MAX} titles).` : capMessage());
  return { listName: own.name, added, already, left, cap: SUGGESTIONS_PER_MEMBER };
}

/** `/list remove`: the member's own suggestion, or anything for Manage Server; nothing while locked. */
export async function removeFromList(
  ctx: MutationCtx,
  actor: Actor,
  args: { guildId: string; tmdbId: number; mediaType: "movie" | "tv"; canManageServer: boolean },
) {
  const list = await listOf(ctx, parseGuildId(args.guildId));
  const entry = list === null ? null : await entryFor(ctx, list.guildId, args.tmdbId, args.mediaType);
  if (list === null || entry === null || entry.state !== "listed") fail("NOT_FOUND", "That title isn't on the server's list.");
  if (list.locked && !args.canManageServer) fail("FORBIDDEN", LOCKED);
  if (entry.suggestedBy !== actor.discordUserId && !args.canManageServer)
    fail(
      "FORBIDDEN",
      `**${plain(entry.title, 150)}** was suggested by **${plain(entry.suggestedByName, 80)}** — only they, or a member with Manage Server, can take it off the list.`,
    );
  await ctx.db.delete(entry._id);
  await ctx.db.patch(list._id, { listed: Math.max(0, list.listed - 1), updatedAt: Date.now() });
  return { entry: entryView(entry), listed: Math.max(0, list.listed - 1) };
}

/** `/list lock` and `/list unlock` (Manage Server). */
export async function setLocked(ctx: MutationCtx, args: { guildId: string; locked: boolean; canManageServer: boolean }) {
  if (!args.canManageServer) fail("FORBIDDEN", "Only members with Manage Server can lock or unlock the server's list.");
  const list = await ensureList(ctx, args.guildId);
  const changed = list.locked !== args.locked;
  if (changed) await ctx.db.patch(list._id, { locked: args.locked, updatedAt: Date.now() });
  return { locked: args.locked, changed, listed: list.listed };
}

/**
 * The film is off the list, marked watched on that date (after a movie night). Returns whether it
 * was on the list. Called by the movie-party code; the web app's and members' tracking is theirs.
 */
export async function markWatchedOnList(
  ctx: MutationCtx,
  args: { guildId: string; tmdbId: number; mediaType: "movie" | "tv"; watchedAt: number },
): Promise<boolean> {
  const list = await listOf(ctx, args.guildId);
  const entry = list === null ? null : await entryFor(ctx, args.guildId, args.tmdbId, args.mediaType);
  if (list === null || entry === null || entry.state !== "listed") return false;
  await ctx.db.patch(entry._id, { state: "watched", watchedAt: args.watchedAt });
  await ctx.db.patch(list._id, { listed: Math.max(0, list.listed - 1), updatedAt: Date.now() });
  return true;
}

/**
 * Someone deleted their Discord data (/account): they are no longer counted for "seen" in any
 * server, and the titles they suggested stay on the servers' lists without their name.
 */
export async function forgetListMember(ctx: MutationCtx, discordUserId: string): Promise<void> {
  const memberships = await ctx.db
    .query("server_list_members")
    .withIndex("by_member", (q) => q.eq("discordUserId", discordUserId))
    .take(1_000);
  for (const membership of memberships) {
    await ctx.db.delete(membership._id);
    const list = await listOf(ctx, membership.guildId);
    if (list === null) continue;
    const members = Math.max(0, list.members - 1);
    await ctx.db.patch(list._id, { members });
    if (list.listed > 0) await requestRecount(ctx, { ...list, members }, Date.now());
  }
  const suggested = await ctx.db
    .query("server_list_entries")
    .withIndex("by_suggester", (q) => q.eq("suggestedBy", discordUserId))
    .take(5_000);
  for (const entry of suggested) await ctx.db.patch(entry._id, { suggestedBy: "0", suggestedByName: "a former member" });
}

// ---------------------------------------------------------------- pages

type Ranged = (q: any) => any;

export async function take(ctx: QueryCtx, index: string, range: Ranged, order: "asc" | "desc", n: number): Promise<Entry[]> {
  if (n <= 0) return [];
  return await (ctx.db.query("server_list_entries").withIndex(index as "by_guild_state_seq", range) as any).order(order).take(n);
}

/** One page, reading at most two pages' worth of entries (the next page's first tells whether there is one). */
export async function listPage(ctx: QueryCtx, args: { guildId: string; position: ListPosition }) {
  const guildId = parseGuildId(args.guildId);
  const list = await listOf(ctx, guildId);
  const pos = args.position;
  if (!Number.isInteger(pos.page) || pos.page < 1 || pos.page > LIST_MAX / LIST_PAGE_SIZE)
    fail("INVALID_ARGUMENT", "That page doesn't exist.");
  // A page asked for by number (`/list show page:`) has no cursor: the pages before it are read
  // and skipped. Next carries a cursor, and reads one page and the next page's first title.
  const skip = pos.key === undefined && pos.seq === undefined ? (pos.page - 1) * LIST_PAGE_SIZE : 0;
  const n = skip + LIST_PAGE_SIZE + 1;
  const listed = (q: any) => q.eq("guildId", guildId).eq("state", "listed");
  let rows: Entry[] = [];
  let start: number | undefined;
  if (list !== null && list.listed > 0) {
    if (pos.sort === "added") {
      rows = await take(ctx, "by_guild_state_seq", (q) => (pos.seq === undefined ? listed(q) : listed(q).gt("seq", pos.seq)), "asc", n);
    } else if (pos.sort === "votes") {
      if (pos.key === undefined || pos.seq === undefined) rows = await take(ctx, "by_guild_state_votes", listed, "desc", n);
      else {
        rows = await take(ctx, "by_guild_state_votes", (q) => listed(q).eq("votes", pos.key).lt("seq", pos.seq), "desc", n);
        rows.push(...(await take(ctx, "by_guild_state_votes", (q) => listed(q).lt("votes", pos.key), "desc", n - rows.length)));
      }
    } else {
      // From a random point through the shuffled order, then round from its beginning back to that point.
      start = pos.start !== undefined && Number.isInteger(pos.start) && pos.start >= 0 ? pos.start : 0;
      const s = start;
      const wrapped = pos.key !== undefined && pos.key < s;
      if (!wrapped)
        rows = await take(
          ctx,
          "by_guild_state_shuffle",
          (q) => (pos.key === undefined ? listed(q).gte("shuffle", s) : listed(q).gt("shuffle", pos.key)),
          "asc",
          n,
        );
      const after = wrapped ? pos.key : undefined;
      rows.push(
        ...(await take(
          ctx,
          "by_guild_state_shuffle",
          (q) => (after === undefined ? listed(q).lt("shuffle", s) : listed(q).gt("shuffle", after).lt("shuffle", s)),
          "asc",
          n - rows.length,
        )),
      );
    }
  }
  rows = rows.slice(skip);
  const shown = rows.slice(0, LIST_PAGE_SIZE);
  const last = shown.at(-1);
  const next: ListPosition | null =
    rows.length > LIST_PAGE_SIZE && last !== undefined
      ? pos.sort === "added"
        ? { sort: "added", page: pos.page + 1, seq: last.seq }
        : pos.sort === "votes"
          ? { sort: "votes", page: pos.page + 1, key: last.votes, seq: last.seq }
          : { sort: "random", page: pos.page + 1, start, key: last.shuffle }
      : null;
  return {
    entries: shown.map(entryView),
    listed: list?.listed ?? 0,
    members: list?.members ?? 0,
    locked: list?.locked ?? false,
    page: pos.page,
    pages: Math.max(1, Math.ceil((list?.listed ?? 0) / LIST_PAGE_SIZE)),
    next,
  };
}

/** The list's titles matching what is typed (for /list remove's autocomplete). */
export async function searchList(ctx: QueryCtx, guildId: string, typed: string) {
  const needle = typed.trim().toLowerCase();
  const entries = await listedEntries(ctx, parseGuildId(guildId));
  return entries
    .filter((e) => needle === "" || e.title.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((e) => ({ tmdbId: e.tmdbId, mediaType: e.mediaType, title: e.title, ...(e.year !== undefined ? { year: e.year } : {}) }));
}
