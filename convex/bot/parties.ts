// The bot's API for watch parties (/party and the board's buttons). Every function goes through a
// builder from lib/botFunctions (shared secret, acting Discord user in ctx.actor, write budget);
// the rules live in model/parties.ts, the board in model/board.ts and its publisher in boards/publish.ts.
// The bot passes the guild and channel of the interaction; the party option is a party id.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { showSync } from "../lib/botArgs";
import { botMutation, botQuery } from "../lib/botFunctions";
import { pausedNotice } from "../boards/publish";
import { boardData } from "../model/board";
import { fail } from "../model/errors";
import { plain } from "../../src/views/text";
import {
  activePartiesInGuild,
  canSeeParty,
  checkPlace,
  checkPromptEpisodes,
  endParty,
  episodesLabel,
  memberOf,
  partyLabel,
  PROMPT_TTL_MS,
  renameParty,
  setPartyThreads,
  resolveParty,
  startParty,
  markBoardDirty,
  isMovieParty,
} from "../model/parties";
import { joinParty, leaveParty, type NextHost, removeMember, transferHost, joinUnlessFull } from "../model/partyMembers";
import { airedNumbersOf, requireShow, showForWrite } from "../model/shows";
import { readWatched, summaryForWrite } from "../model/episodes";
import { markEpisodes } from "../model/tracking";
import { parseReaction, parseSeasonNumber, parseTmdbId } from "../model/vocabulary";
import { createMoviePrompt, movieReaction, movieThere } from "../model/sessionWatched";
import { reactionValidator } from "../lib/validators";
import { boardDataValidator, movieArg, partyRef, refOf, withNotices } from "../lib/partyShapes";

// visibleChannelIds: the server's channels the member can see (View Channel), as Discord tells the
// bot; a party in another channel is neither listed to them nor found when named.
const place = { guildId: v.string(), channelId: v.string(), visibleChannelIds: v.optional(v.array(v.string())) };
const which = { ...place, party: v.optional(v.string()) };
/** A party the actor is in, when the channel has several and they don't say which. */
const asMember = (discordUserId: string) => ({ discordUserId, prefer: "member" as const });

/** Boards of this host's parties that stopped and they have not been told about yet: told now, once. */
async function hostNotices(ctx: MutationCtx, discordUserId: string): Promise<string[]> {
  const hosted = await ctx.db
    .query("parties")
    .withIndex("by_host_state", (q) => q.eq("hostDiscordUserId", discordUserId).eq("state", "active"))
    .take(25);
  const notices: string[] = [];
  for (const party of hosted) {
    if (party.paused === undefined || party.paused.hostTold) continue;
    notices.push(pausedNotice(partyLabel(party), party.paused));
    await ctx.db.patch(party._id, { paused: { ...party.paused, hostTold: true } });
  }
  return notices;
}

/**
 * Progress tracked before summaries existed is summarised now (in scheduled pages; the last one
 * marks the board dirty), so the board shows all of a member's progress, not the first page.
 */
async function summarise(ctx: MutationCtx, userId: Id<"users">, tmdbId: number) {
  await summaryForWrite(ctx, userId, tmdbId);
}

export const start = botMutation({
  args: {
    ...place,
    tmdbId: v.number(),
    season: v.optional(v.number()),
    /** A movie party: the film instead of a show (no season, no show structure). */
    movie: v.optional(movieArg),
    name: v.optional(v.string()),
    displayName: v.string(),
    ...showSync,
  },
  returns: withNotices({ party: partyRef }),
  handler: async (ctx, args) => {
    const tmdbId = parseTmdbId(args.tmdbId);
    const common = { guildId: args.guildId, channelId: args.channelId, name: args.name, displayName: args.displayName };
    if (args.movie !== undefined) {
      if (args.season !== undefined) fail("INVALID_ARGUMENT", "A movie has no seasons: leave season out.");
      const party = await startParty(ctx, ctx.actor, { ...common, movie: { ...args.movie, tmdbId } });
      return { party: refOf(party), notices: await hostNotices(ctx, ctx.actor.discordUserId) };
    }
    const season = args.season === undefined ? undefined : parseSeasonNumber(args.season);
    const show = await showForWrite(ctx, tmdbId, args);
    const party = await startParty(ctx, ctx.actor, { ...common, show, season });
    await summarise(ctx, ctx.actor.userId, tmdbId);
    return { party: refOf(party), notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

export const join = botMutation({
  args: { ...which, displayName: v.string() },
  // host: nobody was in the party, so they host it now.
  returns: withNotices({ party: partyRef, already: v.boolean(), host: v.boolean() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, { discordUserId: ctx.actor.discordUserId, prefer: "joinable" });
    const { already, host } = await joinParty(ctx, ctx.actor, party, args.displayName);
    if (!already && !isMovieParty(party)) await summarise(ctx, ctx.actor.userId, party.tmdbId);
    return { party: refOf((await ctx.db.get(party._id))!), already, host, notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

const nextHost = v.optional(v.union(v.null(), v.object({ discordUserId: v.string(), name: v.string() })));

export const leave = botMutation({
  args: which,
  // host: who hosts the party now, when the host left (null: nobody is left in it; the next to join hosts it).
  returns: withNotices({ party: partyRef, left: v.boolean(), host: nextHost }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    // A host who leaves hands the party to whoever has been in it longest, who can then schedule and end it.
    const { left, host } = await leaveParty(ctx, ctx.actor.discordUserId, party);
    return {
      party: refOf((await ctx.db.get(party._id))!),
      left,
      ...(host !== undefined ? { host } : {}),
      notices: await hostNotices(ctx, ctx.actor.discordUserId),
    };
  },
});

/**
 * The host's (or a server manager's) changes to a party: hand it to a member, remove a member.
 * `apply: false` checks everything and changes nothing (the command then asks to confirm).
 */
export const manage = botMutation({
  args: {
    ...which,
    action: v.union(v.literal("host"), v.literal("remove")),
    member: v.string(),
    canManageServer: v.boolean(),
    apply: v.boolean(),
  },
  returns: withNotices({ party: partyRef, name: v.string(), host: nextHost }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const member = /^\d{15,22}$/.test(args.member) ? args.member : fail("INVALID_ARGUMENT", "That is not a Discord member.");
    const target = await memberOf(ctx, party._id, member);
    // Everything is checked on a copy first: a refusal reads the same before and after confirming.
    if (!args.apply) {
      if (party.hostDiscordUserId !== ctx.actor.discordUserId && !args.canManageServer) {
        fail(
          "FORBIDDEN",
          `Only the party's host, or someone with Manage Server, can ${args.action === "host" ? "hand it to someone else" : "remove a member"}.`,
        );
      }
      if (args.action === "remove" && member === ctx.actor.discordUserId)
        fail("INVALID_ARGUMENT", "To leave the party yourself, use /party leave.");
      if (args.action === "host" && member === party.hostDiscordUserId)
        fail("INVALID_ARGUMENT", member === ctx.actor.discordUserId ? "You already host it." : "They already host it.");
      if (target === null)
        fail(
          "INVALID_ARGUMENT",
          `They aren't in **${plain(partyLabel(party), 150)}**${args.action === "host" ? " — only a member can host it (they can join with /party join)" : ""}.`,
        );
      return { party: refOf(party), name: target.displayName ?? "a member", notices: [] as string[] } as {
        party: ReturnType<typeof refOf>;
        name: string;
        host?: NextHost;
        notices: string[];
      };
    }
    const done: { name: string; host?: NextHost } =
      args.action === "host"
        ? await transferHost(ctx, ctx.actor.discordUserId, party, member, args.canManageServer)
        : await removeMember(ctx, ctx.actor.discordUserId, party, member, args.canManageServer);
    return { party: refOf((await ctx.db.get(party._id))!), ...done, notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

export const rename = botMutation({
  args: { ...which, name: v.string(), canManageServer: v.boolean() },
  returns: withNotices({ party: partyRef, before: v.string() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    const renamed = await renameParty(ctx, ctx.actor.discordUserId, party, args.name, args.canManageServer);
    return { party: refOf(renamed), before: partyLabel(party), notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

export const threads = botMutation({
  args: { ...which, on: v.boolean(), canManageServer: v.boolean() },
  returns: withNotices({ party: partyRef }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    await setPartyThreads(ctx, ctx.actor.discordUserId, party, args.on, args.canManageServer);
    return { party: refOf((await ctx.db.get(party._id))!), notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

export const end = botMutation({
  args: { ...which, canManageServer: v.boolean() },
  returns: withNotices({ party: partyRef, sessionCancelled: v.boolean() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    await endParty(ctx, ctx.actor.discordUserId, party, args.canManageServer);
    return {
      party: refOf(party),
      sessionCancelled: party.nextSessionAt !== undefined,
      notices: await hostNotices(ctx, ctx.actor.discordUserId),
    };
  },
});

/**
 * The board as it is now, for a private copy. The host asking about a paused party starts its
 * board again (they were told to fix the channel and run this).
 */
export const status = botMutation({
  // canPostHere: whether the bot may view, post and embed in the channel the command ran in (Discord's
  // app_permissions), so a paused board is resumed only once that is fixed in its own channel.
  args: { ...which, canPostHere: v.optional(v.boolean()) },
  returns: withNotices({ party: partyRef, board: boardDataValidator, resumed: v.boolean() }),
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    let resumed = false;
    const extra: string[] = [];
    // A channel that was deleted stays gone: only a lost permission can come back.
    if (party.paused !== undefined && !party.paused.channelGone && party.hostDiscordUserId === ctx.actor.discordUserId) {
      if (args.channelId === party.channelId && args.canPostHere === false) {
        extra.push(
          `⏸️ I still can't post in <#${party.channelId}>: give me View Channel, Send Messages and Embed Links there, then run \`/party status\` again.`,
        );
        await ctx.db.patch(party._id, { paused: { ...party.paused, hostTold: true } });
      } else {
        await ctx.db.patch(party._id, { paused: undefined });
        await markBoardDirty(ctx, party._id);
        resumed = true;
      }
    }
    // After resuming, so a board being restarted isn't also reported as stopped.
    const notices = [...(await hostNotices(ctx, ctx.actor.discordUserId)), ...extra];
    const fresh = (await ctx.db.get(party._id))!;
    return { party: refOf(fresh), board: await boardData(ctx, fresh), resumed, notices };
  },
});

/**
 * This server's active parties (for /party list and the party option's autocomplete): those in
 * channels the member can see. `mine`: the ones they are in.
 */
export const list = botQuery({
  args: { guildId: v.string(), channelId: v.optional(v.string()), visibleChannelIds: v.optional(v.array(v.string())) },
  returns: v.array(v.object({ ...partyRef.fields, mine: v.boolean() })),
  handler: async (ctx, args) => {
    const where = checkPlace({
      guildId: args.guildId,
      channelId: args.channelId ?? args.guildId,
      ...(args.visibleChannelIds ? { visibleChannelIds: args.visibleChannelIds } : {}),
    });
    const out = [];
    for (const p of await activePartiesInGuild(ctx, where.guildId)) {
      const mine = (await memberOf(ctx, p._id, args.discordUserId)) !== null;
      // A party whose channel was deleted stays listed for its host and members, who can end it.
      if (canSeeParty(where, p) || (p.paused?.channelGone === true && (mine || p.hostDiscordUserId === args.discordUserId)))
        out.push({ ...refOf(p), mine });
    }
    return out;
  },
});

const promptResult = withNotices({
  promptId: v.string(),
  /** A movie night's prompt ("Did you watch *Title*?"): `what` is "". */
  movie: v.boolean(),
  party: partyRef,
  what: v.string(),
  expiresAt: v.number(),
  markedForYou: v.number(),
});

/**
 * Marks episodes the party watched together for the actor, through the one write path: for
 * whoever says what was watched (marked with their prompt) and whoever clicks "I was there".
 */
async function markWatchedTogether(
  ctx: MutationCtx & { actor: { userId: Id<"users"> } },
  party: Doc<"parties">,
  season: number,
  episodes: number[],
  what: string,
) {
  return await markEpisodes(ctx, ctx.actor.userId, {
    tmdbId: party.tmdbId,
    batch: [{ season, episodes }],
    isWatched: true,
    description: `marked ${party.title} ${what}`,
    followStatus: true,
  });
}

/** A second "We watched together" this soon after the first is a double click, not another episode. */
const REPEAT_PROMPT_MS = 60_000;

async function createPrompt(
  ctx: MutationCtx,
  party: Doc<"parties">,
  createdBy: string,
  season: number,
  episodes: number[],
  fromButton = false,
) {
  const show = await requireShow(ctx, party.tmdbId);
  const checked = checkPromptEpisodes(show, party, season, episodes);
  const expiresAt = Date.now() + PROMPT_TTL_MS;
  const promptId = await ctx.db.insert("party_prompts", {
    partyId: party._id,
    tmdbId: party.tmdbId,
    season,
    episodes: checked,
    createdBy,
    expiresAt,
    ...(fromButton ? { fromButton } : {}),
  });
  return { promptId, movie: false, party: refOf(party), what: episodesLabel(season, checked), expiresAt, episodes: checked };
}

const withoutEpisodes = <T extends { episodes: number[] }>({ episodes: _, ...rest }: T) => rest;

/** `/party watched`: a member says which episodes the party watched; everyone else confirms for themselves. */
export const watched = botMutation({
  args: { ...which, season: v.optional(v.number()), episodes: v.array(v.number()) },
  returns: promptResult,
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.party, asMember(ctx.actor.discordUserId));
    if (isMovieParty(party))
      fail(
        "INVALID_ARGUMENT",
        "This is a movie party: after the film, the host's **We watched it** button on its board asks who was there.",
      );
    if ((await memberOf(ctx, party._id, ctx.actor.discordUserId)) === null) fail("FORBIDDEN", "Join the party first (/party join).");
    const season = args.season === undefined ? (party.season ?? 1) : parseSeasonNumber(args.season);
    const prompt = await createPrompt(ctx, party, ctx.actor.discordUserId, season, args.episodes);
    const markedForYou = (await markWatchedTogether(ctx, party, season, prompt.episodes, prompt.what)).changed;
    return { ...withoutEpisodes(prompt), markedForYou, notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

/** The host's "We watched together" on the board: the episode after the host's own furthest one. */
export const watchedNext = botMutation({
  args: { guildId: v.string(), channelId: v.string(), partyId: v.string() },
  returns: promptResult,
  handler: async (ctx, args) => {
    const party = await resolveParty(ctx, checkPlace(args), args.partyId);
    if (party.hostDiscordUserId !== ctx.actor.discordUserId)
      fail("FORBIDDEN", "Only the host can say what the party watched — anyone in it can use /party watched.");
    const latest = await ctx.db
      .query("party_prompts")
      .withIndex("by_party", (q) => q.eq("partyId", party._id))
      .order("desc")
      .first();
    if (
      latest !== null &&
      latest.fromButton === true &&
      latest.createdBy === ctx.actor.discordUserId &&
      latest._creationTime > Date.now() - REPEAT_PROMPT_MS
    ) {
      if (latest.movie === true) fail("INVALID_ARGUMENT", "You asked who was there a moment ago — its prompt is just above.");
      fail(
        "INVALID_ARGUMENT",
        `You asked about ${episodesLabel(latest.season, latest.episodes)} a moment ago — its prompt is just above. Press We watched together again after the next episode.`,
      );
    }
    if (isMovieParty(party)) {
      // The host says the film was watched: they pressed it, so they were there.
      const promptId = await createMoviePrompt(ctx, party, ctx.actor.discordUserId, Date.now(), true);
      const prompt = (await ctx.db.get(promptId))!;
      const { changed } = await movieThere(ctx, ctx.actor, party, prompt);
      return {
        promptId,
        movie: true,
        party: refOf(party),
        what: "",
        expiresAt: prompt.expiresAt,
        markedForYou: changed ? 1 : 0,
        notices: await hostNotices(ctx, ctx.actor.discordUserId),
      };
    }
    const show = await requireShow(ctx, party.tmdbId);
    const { watched: set } = await readWatched(ctx, ctx.actor.userId, party.tmdbId);
    const seasons = show.seasons
      .filter((s) => s.season > 0 && s.episodeCount > 0 && (party.season === undefined || s.season === party.season))
      .sort((a, b) => a.season - b.season);
    let next: { season: number; episode: number } | null = null;
    for (const s of seasons) {
      // Aired episodes only, as TMDB numbers them (model/shows.ts): the one after the furthest watched.
      const aired = airedNumbersOf(s, Date.now());
      const seen = set.get(s.season);
      let furthest = 0;
      aired.forEach((e, i) => {
        if (seen?.has(e)) furthest = i + 1;
      });
      if (furthest < aired.length) {
        next = { season: s.season, episode: aired[furthest]! };
        // The first season not finished: the host is somewhere in it.
        break;
      }
      if (aired.length < s.episodeCount) break; // the rest of the show hasn't aired yet
    }
    if (next === null) fail("INVALID_ARGUMENT", "You've watched everything this party covers — use /party watched to name episodes.");
    const prompt = await createPrompt(ctx, party, ctx.actor.discordUserId, next.season, [next.episode], true);
    const markedForYou = (await markWatchedTogether(ctx, party, next.season, prompt.episodes, prompt.what)).changed;
    return { ...withoutEpisodes(prompt), markedForYou, notices: await hostNotices(ctx, ctx.actor.discordUserId) };
  },
});

/** "I was there": the clicker's own episodes are marked, through the same path as /ep. */
export const there = botMutation({
  args: { promptId: v.string(), displayName: v.optional(v.string()) },
  returns: withNotices({
    what: v.string(),
    title: v.string(),
    changed: v.number(),
    unchanged: v.number(),
    joined: v.boolean(),
    partyFull: v.boolean(),
    /** A movie night: the film was marked finished (changed 1) or already was (unchanged 1); reactions follow. */
    movie: v.boolean(),
  }),
  handler: async (ctx, args) => {
    const id = ctx.db.normalizeId("party_prompts", args.promptId);
    const prompt = id === null ? null : await ctx.db.get(id);
    if (prompt === null) fail("NOT_FOUND", "That prompt is gone — ask for a new one with /party watched.");
    // A movie night's film is marked with /watch status; a show's episodes with /ep.
    const byHand = prompt.movie === true ? "mark the movie with /watch status" : "mark the episodes with /ep";
    if (prompt.expiresAt <= Date.now())
      fail(
        "INVALID_ARGUMENT",
        prompt.movie === true
          ? `That prompt has expired — ${byHand}.`
          : `That prompt has expired — ${byHand}, or ask for a new one with /party watched.`,
      );
    const party = await ctx.db.get(prompt.partyId);
    if (party === null || party.state !== "active") fail("NOT_FOUND", `That watch party has ended — ${byHand}.`);
    // Someone who was in the room but never pressed Join: joining is what they'd do next, so do it
    // (as saying Going to a session does) rather than send them off to press Join and come back.
    // A full party has no room for them: their episodes are marked all the same.
    const { joined, partyFull } = await joinUnlessFull(ctx, ctx.actor, party, args.displayName ?? "");
    if (prompt.movie === true) {
      const { changed } = await movieThere(ctx, ctx.actor, party, prompt);
      return {
        what: "",
        title: party.title,
        changed: changed ? 1 : 0,
        unchanged: changed ? 0 : 1,
        joined,
        partyFull,
        movie: true,
        notices: await hostNotices(ctx, ctx.actor.discordUserId),
      };
    }
    const what = episodesLabel(prompt.season, prompt.episodes);
    const outcome = await markWatchedTogether(ctx, party, prompt.season, prompt.episodes, what);
    return {
      what,
      title: party.title,
      changed: outcome.changed,
      unchanged: outcome.unchanged,
      joined,
      partyFull,
      movie: false,
      notices: await hostNotices(ctx, ctx.actor.discordUserId),
    };
  },
});

/** A reaction after "I was there" on a movie night: set on the clicker's own title, counted on the board. */
export const react = botMutation({
  args: { promptId: v.string(), reaction: v.string() },
  returns: v.object({ title: v.string(), reaction: reactionValidator }),
  handler: async (ctx, args) => {
    const reaction = parseReaction(args.reaction);
    const id = ctx.db.normalizeId("party_prompts", args.promptId);
    const prompt = id === null ? null : await ctx.db.get(id);
    if (prompt === null || prompt.movie !== true) fail("NOT_FOUND", "That movie night is gone — react with /watch react.");
    if (prompt.expiresAt <= Date.now()) fail("INVALID_ARGUMENT", "That movie night's prompt has expired — react with /watch react.");
    const party = await ctx.db.get(prompt.partyId);
    if (party === null || party.state !== "active") fail("NOT_FOUND", "That watch party has ended — react with /watch react.");
    await movieReaction(ctx, ctx.actor, party, prompt, reaction);
    return { title: party.title, reaction };
  },
});
