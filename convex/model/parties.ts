// Watch parties: a guild channel watches one show (or one season) together. Members' positions
// are never stored here: they are read from each member's own tracking (episode_summaries), so
// whatever moves a member — /ep, a button, the web app — moves the board. The board itself is
// model/board.ts; this module holds the rules for starting, renaming and ending;
// joining, leaving and hosting are model/partyMembers.ts.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { checkEpisodes, regularSeasons, seasonOf } from "./shows";
import { fail, quoteTitle } from "./errors";
import { internal } from "../_generated/api";
import { parseTmdbId } from "./vocabulary";
import { episodeRange, withoutBidi } from "../../src/views/text";

/** Active parties one server may have at once (and what `party` autocomplete can list). */
export const PARTIES_PER_GUILD = 25;
/** Members one party may have: a board refresh reads each member's progress. */
export const MEMBERS_PER_PARTY = 200;
/** How long "I was there" can be clicked under a watched-together prompt. */
export const PROMPT_TTL_MS = 6 * 60 * 60 * 1000;
/** Episodes one prompt may name. */
export const PROMPT_MAX_EPISODES = 30;

/** Parties one member may host at once, so one person can't take a server's every slot. */
export const PARTIES_PER_HOST = 3;
/** A party nobody is in ends by itself this long after its last member left. */
export const EMPTY_PARTY_MS = 7 * 24 * 60 * 60 * 1000;
/** The host of a party nobody is in: whoever joins next hosts it. */
export const NO_HOST = "";
/** Channels of a server a member can see, as the bot passes them (a server has at most 500). */
export const VISIBLE_CHANNELS_MAX = 500;

const NAME_MAX = 80;

export interface PartyPlace {
  guildId: string;
  channelId: string;
  /**
   * The server's channels the acting member can see (View Channel), from what Discord tells the
   * bot. A party in any other channel is not shown to them, nor can they name it. Absent: not
   * known (then nothing is hidden).
   */
  visibleChannelIds?: string[];
}

export function checkSnowflake(value: string, what: "server" | "channel"): string {
  if (!/^\d{15,22}$/.test(value)) fail("INVALID_ARGUMENT", `That is not a Discord ${what}.`);
  return value;
}

export function checkPlace(place: PartyPlace): PartyPlace {
  const checked: PartyPlace = { guildId: checkSnowflake(place.guildId, "server"), channelId: checkSnowflake(place.channelId, "channel") };
  if (place.visibleChannelIds !== undefined) {
    if (place.visibleChannelIds.length > VISIBLE_CHANNELS_MAX)
      fail("INVALID_ARGUMENT", `A server has at most ${VISIBLE_CHANNELS_MAX} channels.`);
    checked.visibleChannelIds = place.visibleChannelIds.map((id) => checkSnowflake(id, "channel"));
  }
  return checked;
}

/** Whether the acting member can see the party's channel (unknown counts as yes; their own channel always does). */
export function canSeeParty(place: PartyPlace, party: Pick<Doc<"parties">, "channelId">): boolean {
  return place.visibleChannelIds === undefined || party.channelId === place.channelId || place.visibleChannelIds.includes(party.channelId);
}

/**
 * Whether someone is shown a party: its channel is one they can see — or it was deleted and they
 * host it or are in it, so they can still end it (nobody can see a deleted channel).
 */
export async function showsTo(
  ctx: QueryCtx,
  place: PartyPlace,
  party: Doc<"parties">,
  discordUserId: string | undefined,
): Promise<boolean> {
  if (canSeeParty(place, party)) return true;
  if (party.paused?.channelGone !== true || discordUserId === undefined) return false;
  return party.hostDiscordUserId === discordUserId || (await memberOf(ctx, party._id, discordUserId)) !== null;
}

/**
 * Names people give: one line, trimmed, at most 80 characters; empty means none. Control and
 * bidirectional-control characters go, so a name can't reverse the line it is shown on.
 */
export function cleanName(name: string | undefined, max = NAME_MAX): string | undefined {
  if (name === undefined) return undefined;
  const line = withoutBidi(name)
    // eslint-disable-next-line no-control-regex -- control characters in a party's name become spaces
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (line === "") return undefined;
  return [...line].slice(0, max).join("");
}

export function partyLabel(party: Pick<Doc<"parties">, "title" | "season" | "name">): string {
  return withoutBidi(
    `${party.name ? `${party.name} · ` : ""}${party.title}${party.season !== undefined ? ` · Season ${party.season}` : ""}`,
  );
}

/** Whether a party has nobody hosting it (its last member left): the next to join hosts it. */
export function hostless(party: Pick<Doc<"parties">, "hostDiscordUserId">): boolean {
  return party.hostDiscordUserId === NO_HOST;
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
export async function resolveParty(
  ctx: QueryCtx,
  place: PartyPlace,
  party: string | undefined,
  /**
   * Who asks, and which of a channel's parties they mean when they don't say: one they are in
   * ("member": leave, status, watched …) or one they are not ("joinable": join).
   */
  by?: { discordUserId: string; prefer: "member" | "joinable" },
): Promise<Doc<"parties">> {
  if (party !== undefined && party.trim() !== "") {
    const id = ctx.db.normalizeId("parties", party.trim());
    const found = id === null ? await partyNamed(ctx, place, party, by?.discordUserId) : await ctx.db.get(id);
    // A party in a channel they can't see is, to them, not there at all.
    if (
      found === null ||
      found.guildId !== place.guildId ||
      found.state !== "active" ||
      !(await showsTo(ctx, place, found, by?.discordUserId))
    ) {
      fail("NOT_FOUND", "I can't find that watch party in this server — pick one from the list as you type, or see /party list.");
    }
    return found;
  }
  const here = await activePartiesInChannel(ctx, place.channelId);
  if (here.length === 0) fail("NOT_FOUND", "There is no watch party in this channel — start one with /party start, or see /party list.");
  if (here.length === 1) return here[0]!;
  if (by !== undefined) {
    // Of the channel's parties, the one they are in (or, to join, the one they are not in), if that is one.
    const inIt = await Promise.all(here.map(async (p) => (await memberOf(ctx, p._id, by.discordUserId)) !== null));
    const meant = here.filter((_, i) => inIt[i] === (by.prefer === "member"));
    if (meant.length === 1) return meant[0]!;
    if (by.prefer === "joinable" && meant.length === 0)
      fail("INVALID_ARGUMENT", `You're already in every watch party in this channel (${here.length}) — see them with /party list.`);
  }
  fail("INVALID_ARGUMENT", `This channel has ${here.length} watch parties — say which with the party option.`);
}

/** A party typed by name rather than picked: its label, name or show, if exactly one matches. */
async function partyNamed(
  ctx: QueryCtx,
  place: PartyPlace,
  typed: string,
  discordUserId: string | undefined,
): Promise<Doc<"parties"> | null> {
  const wanted = typed.trim().toLowerCase();
  const parties: Doc<"parties">[] = [];
  for (const p of await activePartiesInGuild(ctx, place.guildId)) if (await showsTo(ctx, place, p, discordUserId)) parties.push(p);
  for (const key of [partyLabel, (p: Doc<"parties">) => p.name ?? "", (p: Doc<"parties">) => p.title]) {
    const matches = parties.filter((p) => key(p).toLowerCase() === wanted);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1)
      fail("INVALID_ARGUMENT", "More than one watch party here goes by that name — pick one from the list as you type.");
  }
  return null;
}

export async function memberOf(ctx: QueryCtx, partyId: Id<"parties">, discordUserId: string) {
  return await ctx.db
    .query("party_members")
    .withIndex("by_party", (q) => q.eq("partyId", partyId).eq("discordUserId", discordUserId))
    .unique();
}

/** A movie as /party start sends it: TMDB's facts the bot read, checked here before they are stored. */
export interface PartyMovieArgs {
  tmdbId: number;
  title: string;
  year?: number;
  runtime?: number;
  posterUrl?: string;
  providers?: { region: string; link?: string; stream: string[]; rent: string[]; buy: string[] };
}

/** Provider names kept per kind (stream, rent, buy): what one board line has room for. */
export const PROVIDERS_PER_KIND = 6;

const httpUrl = (value: string | undefined) =>
  value !== undefined && value.length <= 500 && /^https?:\/\/[^\s<>]+$/.test(value) ? value : undefined;

/** The film's facts, validated: names on one line and cut, numbers in range, URLs that are URLs. */
export function cleanMovie(movie: PartyMovieArgs): { title: string; movie: NonNullable<Doc<"parties">["movie"]> } {
  const title = cleanName(movie.title, 200);
  if (title === undefined) fail("INVALID_ARGUMENT", "That movie has no title on TMDB.");
  const year =
    movie.year !== undefined && Number.isInteger(movie.year) && movie.year >= 1870 && movie.year <= 2300 ? movie.year : undefined;
  const runtime =
    movie.runtime !== undefined && Number.isInteger(movie.runtime) && movie.runtime > 0 && movie.runtime <= 100_000
      ? movie.runtime
      : undefined;
  const posterUrl = httpUrl(movie.posterUrl);
  let providers: NonNullable<Doc<"parties">["movie"]>["providers"];
  if (movie.providers !== undefined) {
    const { region } = movie.providers;
    if (!/^[A-Z]{2}$/.test(region)) fail("INVALID_ARGUMENT", "That is not a country code.");
    const names = (list: string[]) =>
      [
        ...new Set(
          list
            .slice(0, 50)
            .map((n) => cleanName(n, 60))
            .filter((n): n is string => n !== undefined),
        ),
      ].slice(0, PROVIDERS_PER_KIND);
    const link = httpUrl(movie.providers.link);
    providers = {
      region,
      ...(link !== undefined ? { link } : {}),
      stream: names(movie.providers.stream),
      rent: names(movie.providers.rent),
      buy: names(movie.providers.buy),
    };
    if (providers.stream.length + providers.rent.length + providers.buy.length === 0) providers = undefined;
  }
  return {
    title,
    movie: {
      ...(year !== undefined ? { year } : {}),
      ...(runtime !== undefined ? { runtime } : {}),
      ...(posterUrl !== undefined ? { posterUrl } : {}),
      ...(providers !== undefined ? { providers } : {}),
    },
  };
}

/** A party on a show (optionally one season) or, with `movie`, on one film: one night. */
export async function startParty(
  ctx: MutationCtx,
  actor: { discordUserId: string; userId: Id<"users"> },
  args: PartyPlace & ({ show: Doc<"shows">; season?: number } | { movie: PartyMovieArgs }) & { name?: string; displayName: string },
): Promise<Doc<"parties">> {
  const place = checkPlace(args);
  let what: { tmdbId: number; mediaType: "tv" | "movie"; title: string; season?: number; movie?: Doc<"parties">["movie"] };
  if ("show" in args) {
    const { show } = args;
    if (args.season !== undefined) {
      seasonOf(show, args.season);
      if (args.season === 0) fail("SEASON_OUT_OF_RANGE", "A party watches a show or one of its regular seasons, not the specials.");
    }
    if (regularSeasons(show).length === 0) fail("SEASON_OUT_OF_RANGE", `${quoteTitle(show.title)} has no episodes listed yet.`);
    what = { tmdbId: show.tmdbId, mediaType: "tv", title: show.title, ...(args.season !== undefined ? { season: args.season } : {}) };
  } else {
    const clean = cleanMovie(args.movie);
    what = { tmdbId: parseTmdbId(args.movie.tmdbId), mediaType: "movie", title: clean.title, movie: clean.movie };
  }
  const titleText = quoteTitle(what.title);
  const here = await activePartiesInChannel(ctx, place.channelId);
  const same = here.find((p) => p.tmdbId === what.tmdbId && p.mediaType === what.mediaType);
  if (same !== undefined) {
    if ((same.memberCount ?? 0) === 0) {
      // Nobody is in it (its last member left): it gives way to the new one rather than block it.
      await closeParty(ctx, same);
    } else if (same.hostDiscordUserId === actor.discordUserId) {
      fail("INVALID_ARGUMENT", `You already host this channel's watch party for ${titleText} — see it with /party status.`);
    } else if ((await memberOf(ctx, same._id, actor.discordUserId)) !== null) {
      fail("INVALID_ARGUMENT", `This channel already has a watch party for ${titleText}, and you're in it — see it with /party status.`);
    } else {
      fail("INVALID_ARGUMENT", `This channel already has a watch party for ${titleText} — join it with /party join.`);
    }
  }
  const hosted = await hostedBy(ctx, actor.discordUserId);
  if (hosted.length >= PARTIES_PER_HOST) {
    const names = hosted.map((p) => `**${plainLabel(p)}** (<#${p.channelId}>)`).join(", ");
    fail(
      "INVALID_ARGUMENT",
      `You already host ${hosted.length} watch parties, the most one person can host at once: ${names}. End one with /party end, or hand it to a member with /party host, first.`,
    );
  }
  const inGuild = await activePartiesInGuild(ctx, place.guildId);
  if (inGuild.length >= PARTIES_PER_GUILD) {
    fail(
      "INVALID_ARGUMENT",
      `This server already has ${PARTIES_PER_GUILD} active watch parties, the most it can have — end one with /party end first.`,
    );
  }
  const now = Date.now();
  const partyId = await ctx.db.insert("parties", {
    guildId: place.guildId,
    channelId: place.channelId,
    tmdbId: what.tmdbId,
    mediaType: what.mediaType,
    ...(what.season !== undefined ? { season: what.season } : {}),
    title: what.title,
    ...(what.movie !== undefined ? { movie: what.movie } : {}),
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
    tmdbId: what.tmdbId,
    active: true,
    joinedAt: now,
  });
  await markBoardDirty(ctx, partyId);
  return (await ctx.db.get(partyId))!;
}

/** A movie party: one film, one night; its prompts mark the film finished rather than episodes. */
export function isMovieParty(party: Pick<Doc<"parties">, "mediaType">): boolean {
  return party.mediaType === "movie";
}

/** A party's label inside markdown (a refusal's text): inert, on one line. */
export function plainLabel(party: Doc<"parties">): string {
  return quoteTitle(partyLabel(party));
}

/** The active parties someone hosts. */
export async function hostedBy(ctx: QueryCtx, discordUserId: string) {
  return await ctx.db
    .query("parties")
    .withIndex("by_host_state", (q) => q.eq("hostDiscordUserId", discordUserId).eq("state", "active"))
    .take(25);
}

/** Only the host, or someone with Manage Server, may change a party. */
export function checkHostOrManager(party: Doc<"parties">, discordUserId: string, canManageServer: boolean, what: string): void {
  if (party.hostDiscordUserId !== discordUserId && !canManageServer)
    fail("FORBIDDEN", `Only the party's host, or someone with Manage Server, can ${what}.`);
}

/** Renames a party (the host, or someone with Manage Server); the board and later posts show the new name. */
export async function renameParty(
  ctx: MutationCtx,
  discordUserId: string,
  party: Doc<"parties">,
  name: string,
  canManageServer: boolean,
): Promise<Doc<"parties">> {
  checkHostOrManager(party, discordUserId, canManageServer, "rename it");
  const clean = cleanName(name);
  if (clean === undefined) fail("INVALID_ARGUMENT", "Give the party a name with letters in it.");
  if (clean === party.name) fail("INVALID_ARGUMENT", `It's already called **${quoteTitle(clean)}**.`);
  await ctx.db.patch(party._id, { name: clean });
  await markBoardDirty(ctx, party._id);
  return (await ctx.db.get(party._id))!;
}

/** `/party threads on|off` (the host, or Manage Server): each session's start post gets a thread (sessions/threads.ts). */
export async function setPartyThreads(
  ctx: MutationCtx,
  discordUserId: string,
  party: Doc<"parties">,
  on: boolean,
  canManageServer: boolean,
) {
  checkHostOrManager(party, discordUserId, canManageServer, "turn its threads on or off");
  if ((party.threads === true) === on) fail("INVALID_ARGUMENT", `Threads are already ${on ? "on" : "off"} for this party.`);
  await ctx.db.patch(party._id, { threads: on });
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
  checkHostOrManager(party, discordUserId, canManageServer, "end it");
  await closeParty(ctx, party);
}

/** Ends a party, whoever asks (endParty checks who may). */
export async function closeParty(ctx: MutationCtx, party: Doc<"parties">): Promise<void> {
  await ctx.db.patch(party._id, { state: "ended", nextSessionAt: undefined });
  // In its own mutation because model/sessions.ts builds on this module; until it runs, the
  // session's timers and posts already see the party has ended.
  await ctx.scheduler.runAfter(0, internal.sessions.timers.partyEnded, { partyId: party._id });
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
  return episodeRange(season, sorted) ?? `S${season}${sorted.map((e) => `E${e}`).join(", ")}`;
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
  if (publish) await ctx.scheduler.runAfter(COALESCE_MS, internal.boards.publish.publish, { partyId });
}
