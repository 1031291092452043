// /party hosting: where a board may go (the bot's and the member's permissions in its channel),
// starting a party, and a confirmed hand-over or removal.
import { type APIInteractionDataResolvedChannel, PermissionFlagsBits } from "discord-api-types/v10";
import { Permissions, type AnyInteraction as Interaction, type RepliableInteraction } from "../core/interaction.ts";
import { api } from "../../convex/_generated/api.js";
import { UserError } from "../lib/errors.ts";
import type { Responder } from "../core/respond.ts";
import { plain } from "../views/text.ts";
import type { ShowRef } from "../lib/tmdb-shows.ts";
import type { MovieDetails } from "../lib/tmdb.ts";
import { regionOfLocale, type RegionProviders } from "../lib/tmdb-providers.ts";
import { canManageServer, displayName, guildPlace, place as partyPlace } from "./party-place.ts";
import { withNotices } from "./party-membership.ts";
import { type BotContext, type ComponentInteraction, type GuildDirectory } from "./types.ts";

/** What the bot needs in a board's channel: see it, post in it, and show an embed there. */
const BOARD_PERMISSIONS: ReadonlyArray<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
];
/** What a member needs in a board's channel to put a board there: see it and post in it. */
const MEMBER_BOARD_PERMISSIONS: ReadonlyArray<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
];

/**
 * A board (and later, session pings) goes only where the member could post themselves: their
 * permissions in the channel as the interaction gives them (the channel option's resolved
 * permissions, or the member's in this channel).
 */
export function checkMemberCanPost(interaction: RepliableInteraction, channelId: string, option?: APIInteractionDataResolvedChannel): void {
  let permissions: Permissions | null = null;
  if (option !== undefined && option.id === channelId) permissions = Permissions.parse(option.permissions);
  else if (channelId === interaction.channelId) permissions = interaction.memberPermissions;
  if (permissions === null) throw new UserError(`I can't tell whether you can post in <#${channelId}> — run /party start in that channel.`);
  const missing = MEMBER_BOARD_PERMISSIONS.filter(([bit]) => !permissions.has(bit)).map(([, name]) => name);
  if (missing.length > 0) {
    throw new UserError(
      `You can't post in <#${channelId}> (you don't have ${missing.map((m) => `**${m}**`).join(" or ")} there), so I won't put a board there either. Pick a channel you can post in — nothing was created.`,
    );
  }
}

/** The permissions a board needs that the bot lacks in `channelId`, or null when it can't tell. */
function missingBoardPermissions(
  interaction: RepliableInteraction,
  channelId: string,
  directory: GuildDirectory | undefined,
): string[] | null {
  let permissions: Permissions | null = null;
  if (channelId === interaction.channelId) permissions = interaction.appPermissions;
  else if (interaction.guildId !== null) {
    const bits = directory?.botPermissionsIn(interaction.guildId, channelId) ?? null;
    permissions = bits === null ? null : new Permissions(bits);
  }
  if (permissions === null) return null;
  return BOARD_PERMISSIONS.filter(([bit]) => !permissions.has(bit)).map(([, name]) => name);
}

/** The board's channel must let the bot post there, or nothing is created. */
export function checkBoardChannel(interaction: RepliableInteraction, channelId: string, directory: GuildDirectory | undefined): void {
  const missing = missingBoardPermissions(interaction, channelId, directory);
  if (missing === null) throw new UserError(`I can't check my permissions in <#${channelId}> — run /party start in that channel.`);
  if (missing.length > 0) {
    throw new UserError(
      `I can't keep a board in <#${channelId}>: I'm missing ${missing.map((m) => `**${m}**`).join(" and ")} there. Give me that, or pick another channel — nothing was created.`,
    );
  }
}

/** Starts the party on a show known for certain, and says where its board goes. */
export async function startIn(
  ctx: BotContext,
  respond: Responder,
  interaction: Interaction,
  show: ShowRef,
  channelId: string,
  season: number | undefined,
  name: string | undefined,
  /** Say so in a new private message (from a button under a public post that must stay as it is). */
  fresh = false,
) {
  const { guildId } = guildPlace(interaction);
  const result = await ctx.titles.shows.write(show, (sync) =>
    ctx.backend.mutation(api.bot.parties.start, {
      discordUserId: interaction.user.id,
      username: interaction.user.username,
      ...sync,
      guildId,
      channelId,
      tmdbId: show.tmdbId,
      ...(season !== undefined ? { season } : {}),
      ...(name !== undefined ? { name } : {}),
      displayName: displayName(interaction),
    }),
  );
  // The host is in their party from the start: others join it, they don't need to.
  const text = `🍿 You're hosting **${plain(result.party.label, 150)}**, and you're on its board. It will appear in <#${channelId}> in a moment; others join with its **Join** button or \`/party join\`.`;
  const reply = { content: withNotices(result.notices, text), components: [] };
  if (fresh) await respond.sendNew({ ...reply, ephemeral: true });
  else await respond.send(reply);
}

/**
 * Starts a movie party: the film's facts and where to watch it in the server's region (TMDB's
 * watch providers, cached like movie details) go to Convex with it, for the board.
 */
export async function startMovieIn(
  ctx: BotContext,
  respond: Responder,
  interaction: Interaction,
  movie: MovieDetails,
  channelId: string,
  name: string | undefined,
  /** Say so in a new private message (from a button under a public post that must stay as it is). */
  fresh = false,
) {
  const { guildId } = guildPlace(interaction);
  const region = regionOfLocale((interaction.raw as { guild_locale?: string }).guild_locale);
  let providers: RegionProviders | undefined;
  try {
    providers = (await ctx.tmdb.movieProviders(movie.tmdbId))[region];
  } catch (error) {
    // Where to watch it is a nicety: the party starts without it.
    ctx.logger.warn({ err: error, tmdbId: movie.tmdbId }, "watch providers unavailable");
  }
  // The size the bot caches on watch items too (TitleService.metadata): "I was there" stores it on a new row.
  const posterUrl = ctx.tmdb.posterUrl(movie.posterPath, "w500");
  const result = await ctx.backend.mutation(api.bot.parties.start, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    guildId,
    channelId,
    tmdbId: movie.tmdbId,
    movie: {
      title: movie.title,
      ...(movie.year !== undefined ? { year: movie.year } : {}),
      ...(movie.runtime !== undefined ? { runtime: movie.runtime } : {}),
      ...(posterUrl !== undefined ? { posterUrl } : {}),
      ...(providers !== undefined ? { providers: { region, ...providers } } : {}),
    },
    ...(name !== undefined ? { name } : {}),
    displayName: displayName(interaction),
  });
  const text = `🎬 You're hosting the movie night for **${plain(result.party.label, 150)}**, and you're on its board. It will appear in <#${channelId}> in a moment; schedule the night with \`/party schedule\` (or \`/party poll\`), and others join with its **Join** button or by saying Going.`;
  const reply = { content: withNotices(result.notices, text), components: [] };
  if (fresh) await respond.sendNew({ ...reply, ephemeral: true });
  else await respond.send(reply);
}

/** A confirmed /party host or /party remove. */
export async function manage(
  ctx: BotContext,
  respond: Responder,
  interaction: ComponentInteraction,
  action: "host" | "remove",
  partyId: string,
  userId: string,
) {
  const result = await ctx.backend.mutation(api.bot.parties.manage, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    ...partyPlace(interaction, ctx.directory),
    party: partyId,
    action,
    member: userId,
    canManageServer: canManageServer(interaction),
    apply: true,
  });
  const label = plain(result.party.label, 150);
  const name = plain(result.name, 100);
  const handed =
    result.host === undefined
      ? ""
      : result.host === null
        ? " Nobody is left in it: whoever joins next hosts it."
        : ` **${plain(result.host.name, 100)}** hosts it now.`;
  const text = action === "host" ? `👑 **${name}** hosts **${label}** now.` : `👋 **${name}** is no longer in **${label}**.${handed}`;
  await respond.send({ content: withNotices(result.notices, text), components: [] });
}
