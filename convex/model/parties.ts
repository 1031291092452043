// Watch parties: a guild channel watches one show (or one season) together. Members' positions
// are never stored here: they are read from each member's own tracking (episode_summaries), so
// whatever moves a member — /ep, a button, the web app — moves the board. The board itself is
// model/board.ts; this module holds the rules for starting, joining, leaving and ending.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { checkEpisodes, regularSeasons, seasonOf } from "./shows";
import { fail, quoteTitle } from "./errors";
import { internal } from "../_generated/api";

/** Active parties one server may have at once (and what `party` autocomplete can list). */
export const PARTIES_PER_GUILD = 25;
/** Members one party may have: a board refresh reads each member's progress. */
export const MEMBERS_PER_PARTY = 200;
/** How long "I was there" can be clicked under a watched-together prompt. */
export const PROMPT_TTL_MS = 6 * 60 * 60 * 1000;
/** Episodes one prompt may name. */
export const PROMPT_MAX_EPISODES = 30;

const NAME_MAX = 80;

export interface PartyPlace {
  guildId: string;
  channelId: string;
}

export function checkSnowflake(value: string, what: "server" | "channel"): string {
  if (!/^\d{15,22}$/.test(value)) fail("INVALID_ARGUMENT", `That is not a Discord ${what}.`);
  return value;
}

export function checkPlace(place: PartyPlace): PartyPlace {
  return { guildId: checkSnowflake(place.guildId, "server"), channelId: checkSnowflake(place.channelId, "channel") };
}

/** Names people give: one line, trimmed, at most 80 characters; empty means none. */
export function cleanName(name: string | undefined, max = NAME_MAX): string | undefined {
  if (name === undefined) return undefined;
  const line = name.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (line === "") return undefined;
  return [...line].slice(0, max).join("");
}

export function partyLabel(party: Pick<Doc<"parties">, "title" | "season" | "name">): string {
  return `${party.name ? `${party.name} · ` : ""}${party.title}${party.season !== undefined ? ` · Season ${party.season}` : ""}`;
}

export async function activePartiesInChannel(ctx: QueryCtx, channelId: string) {
  return await ctx.db
    .query("parties")
    .withIndex("by_channel_state", (q) => q.eq("channelId", channelId).eq("state", "active"))
    .take(PARTIES_PER_GUILD + 1);
}

export async function activePartiesInGuild(ctx: QueryCtx, guildId: string) {
  return await ctx.db
    .query("parties")
    .withIndex("by_guild_state", (q) => q.eq("guildId", guildId).eq("state", "active"))
    .take(PARTIES_PER_GUILD);
}

/**
 * The party a command means: the one named (an id from autocomplete), or the only one in
 * this channel. Clear, private refusals otherwise.
 */
export async function resolveParty(ctx: QueryCtx, place: PartyPlace, party: string | undefined): Promise<Doc<"parties">> {
  if (party !== undefined && party.trim() !== "") {
    const id = ctx.db.normalizeId("parties", party.trim());
    const found = id === null ? await partyNamed(ctx, place.guildId, party) : await ctx.db.get(id);
    if (found === null || found.guildId !== place.guildId || found.state !== "active") {
      fail("NOT_FOUND", "I can't find that watch party in this server — pick one from the list as you type, or see /party list.");
    }
    return found;
  }
  const here = await activePartiesInChannel(ctx, place.channelId);
  if (here.length === 0) fail("NOT_FOUND", "There is no watch party in this channel — start one with /party start, or see /party list.");
  if (here.length > 1) fail("INVALID_ARGUMENT", `This channel has ${here.length} watch parties — say which with the party option.`);
  return here[0]!;
}

/** A party typed by name rather than picked: its label, name or show, if exactly one matches. */
async function partyNamed(ctx: QueryCtx, guildId: string, typed: string): Promise<Doc<"parties"> | null> {
  const wanted = typed.trim().toLowerCase();
  const parties = await activePartiesInGuild(ctx, guildId);
  for (const key of [partyLabel, (p: Doc<"parties">) => p.name ?? "", (p: Doc<"parties">) => p.title]) {
    const matches = parties.filter((p) => key(p).toLowerCase() === wanted);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) fail("INVALID_ARGUMENT", "More than one watch party here goes by that name — pick one from the list as you type.");
  }
  return null;
}

export async function memberOf(ctx: QueryCtx, partyId: Id<"parties">, discordUserId: string) {
  return await ctx.db
    .query("party_members")
    .withIndex("by_party", (q) => q.eq("partyId", partyId).eq("discordUserId", discordUserId))
    .unique();
}

export async function startParty(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  args: PartyPlace & { show: Doc<"shows">; season?: number; name?: string; displayName: string },
): Promise<Doc<"parties">> {
  const place = checkPlace(args);
  const { show } = args;
  if (args.season !== undefined) {
    seasonOf(show, args.season);
    if (args.season === 0) fail("SEASON_OUT_OF_RANGE", "A party watches a show or one of its regular seasons, not the specials.");
  }
  if (regularSeasons(show).length === 0) fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has no episodes listed yet.`);
  const here = await activePartiesInChannel(ctx, place.channelId);
  const same = here.find((p) => p.tmdbId === show.tmdbId);
  if (same !== undefined) {
    fail("INVALID_ARGUMENT", `This channel already has a watch party for ${quoteTitle(show.title)} — join it with /party join.`);
  }
  const inGuild = await activePartiesInGuild(ctx, place.guildId);
  if (inGuild.length >= PARTIES_PER_GUILD) {
    fail("INVALID_ARGUMENT", `This server already has ${PARTIES_PER_GUILD} active watch parties, the most it can have — end one with /party end first.`);
  }
  const now = Date.now();
  const partyId = await ctx.db.insert("parties", {
    guildId: place.guildId,
    channelId: place.channelId,
    tmdbId: show.tmdbId,
    mediaType: "tv",
    ...(args.season !== undefined ? { season: args.season } : {}),
    title: show.title,
    ...(cleanName(args.name) !== undefined ? { name: cleanName(args.name) } : {}),
    hostDiscordUserId: actor.discordUserId,
    hostName: cleanName(args.displayName, 100) ?? "the host",
    state: "active",
    memberCount: 1,
    boardVersion: 0,
    createdAt: now,
  });
  await ctx.db.insert("party_members", {
    partyId,
    discordUserId: actor.discordUserId,
    userId: actor.userId,
    displayName: cleanName(args.displayName, 100),
    tmdbId: show.tmdbId,
    active: true,
    joinedAt: now,
  });
  await markBoardDirty(ctx, partyId);
  return (await ctx.db.get(partyId))!;
}

/** Joins, bringing the progress the member already has. `already` when they were in. */
export async function joinParty(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  party: Doc<"parties">,
  displayName: string,
): Promise<{ already: boolean }> {
  const existing = await memberOf(ctx, party._id, actor.discordUserId);
  const name = cleanName(displayName, 100);
  if (existing !== null) {
    if (name !== undefined && name !== existing.displayName) {
      await ctx.db.patch(existing._id, { displayName: name });
      await markBoardDirty(ctx, party._id);
    }
    return { already: true };
  }
  const count = party.memberCount ?? 0;
  if (count >= MEMBERS_PER_PARTY) fail("INVALID_ARGUMENT", `This watch party is full (${MEMBERS_PER_PARTY} members).`);
  await ctx.db.insert("party_members", {
    partyId: party._id,
    discordUserId: actor.discordUserId,
    userId: actor.userId,
    displayName: name,
    tmdbId: party.tmdbId,
    active: true,
    joinedAt: Date.now(),
  });
  await ctx.db.patch(party._id, { memberCount: count + 1 });
  await markBoardDirty(ctx, party._id);
  return { already: false };
}

export async function leaveParty(ctx: MutationCtx, discordUserId: string, party: Doc<"parties">): Promise<{ left: boolean }> {
  const existing = await memberOf(ctx, party._id, discordUserId);
  if (existing === null) return { left: false };
  await ctx.db.delete(existing._id);
  await ctx.db.patch(party._id, { memberCount: Math.max(0, (party.memberCount ?? 1) - 1) });
  await dropRsvp(ctx, party._id, discordUserId);
  await markBoardDirty(ctx, party._id);
  return { left: true };
}

/**
 * Takes someone's Going / Maybe / Can't off the party's next session, so who left the party (or
 * deleted their Discord data) is neither pinged by its reminder and start posts nor named on
 * the board. The caller marks the board dirty.
 */
export async function dropRsvp(ctx: MutationCtx, partyId: Id<"parties">, discordUserId: string): Promise<void> {
  const session = await ctx.db
    .query("party_sessions")
    .withIndex("by_party_state", (q) => q.eq("partyId", partyId).eq("state", "scheduled"))
    .first();
  if (session === null || !session.rsvps.some((r) => r.discordUserId === discordUserId)) return;
  await ctx.db.patch(session._id, { rsvps: session.rsvps.filter((r) => r.discordUserId !== discordUserId) });
}

/**
 * Ends a party: the host, or someone who may manage the server. The board is published once more,
 * without buttons, and its scheduled session is cancelled (sessions.partyEnded, right after).
 */
export async function endParty(ctx: MutationCtx, discordUserId: string, party: Doc<"parties">, canManageServer: boolean): Promise<void> {
  if (party.hostDiscordUserId !== discordUserId && !canManageServer) {
    fail("FORBIDDEN", "Only the party's host, or someone with Manage Server, can end it.");
  }
  await ctx.db.patch(party._id, { state: "ended", nextSessionAt: undefined });
  // In its own mutation because model/sessions.ts builds on this module; until it runs, the
  // session's timers and posts already see the party has ended.
  await ctx.scheduler.runAfter(0, internal.sessions.partyEnded, { partyId: party._id });
  // Ended parties no longer move with their members' tracking.
  const members = ctx.db.query("party_members").withIndex("by_party", (q) => q.eq("partyId", party._id));
  for await (const member of members) await ctx.db.patch(member._id, { active: false });
  await markBoardDirty(ctx, party._id);
}

/** Checks a watched-together prompt's episodes against the party's show and season. */
export function checkPromptEpisodes(show: Doc<"shows">, party: Doc<"parties">, season: number, episodes: number[]): number[] {
  const unique = [...new Set(episodes)].sort((a, b) => a - b);
  if (unique.length === 0) fail("INVALID_ARGUMENT", "Name at least one episode.");
  if (unique.length > PROMPT_MAX_EPISODES) fail("INVALID_ARGUMENT", `A prompt can name at most ${PROMPT_MAX_EPISODES} episodes.`);
  if (party.season !== undefined && season !== party.season) {
    fail("INVALID_ARGUMENT", `This party watches season ${party.season} of ${quoteTitle(party.title)}.`);
  }
  if (season === 0) fail("SEASON_OUT_OF_RANGE", "Watched-together prompts are for regular seasons, not specials.");
  checkEpisodes(show, season, unique);
  return unique;
}

/** "S1E5", "S1E5–E6" or "S1E2, E4, E7": what a prompt says was watched. */
export function episodesLabel(season: number, episodes: number[]): string {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  if (sorted.length === 1) return `S${season}E${sorted[0]}`;
  const contiguous = sorted.every((e, i) => i === 0 || e === sorted[i - 1]! + 1);
  if (contiguous) return `S${season}E${sorted[0]}–E${sorted[sorted.length - 1]}`;
  return `S${season}${sorted.map((e) => `E${e}`).join(", ")}`;
}

/** A burst of marks is gathered this long before the first publish. */
export const COALESCE_MS = 1_000;

/**
 * The parties a user's write to a show moves: one indexed read. Each gets its version bumped
 * (and a publish scheduled if none is) in the caller's transaction.
 */
export async function markPartiesOfUserDirty(ctx: MutationCtx, userId: Id<"users">, tmdbId: number): Promise<void> {
  const memberships = await ctx.db
    .query("party_members")
    .withIndex("by_user_show_active", (q) => q.eq("userId", userId).eq("tmdbId", tmdbId).eq("active", true))
    .take(50);
  for (const m of memberships) await markBoardDirty(ctx, m.partyId);
}

export async function markBoardDirty(ctx: MutationCtx, partyId: Id<"parties">): Promise<void> {
  const party = await ctx.db.get(partyId);
  if (party === null) return;
  const now = Date.now();
  const publish = party.boardPending !== true && party.paused === undefined;
  await ctx.db.patch(partyId, {
    boardVersion: (party.boardVersion ?? 0) + 1,
    boardDirtyAt: now,
    ...(publish ? { boardPending: true } : {}),
  });
  if (publish) await ctx.scheduler.runAfter(COALESCE_MS, internal.boards.publish, { partyId });
}
