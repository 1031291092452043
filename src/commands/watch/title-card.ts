/** /watch's title cards: what a card shows, the writes that answer with one (add, remove, status, react), and the buttons' helpers. */
import {
  ApplicationIntegrationType,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from "discord-api-types/v10";
import type { UserView } from "../../core/interaction.ts";
import type { FunctionReturnType } from "convex/server";
import { api } from "../../../convex/_generated/api.js";
import type { Reply, Responder } from "../../core/respond.ts";
import { convexErrorData } from "../../lib/backend.ts";
import { yearOf, type TitleDetails, type TitleService } from "../../lib/titles.ts";
import type { ShowSync } from "../../lib/tmdb-shows.ts";
import { type TitleAction } from "../../views/component-ids.ts";
import { titleCard, titleHeadline, type TitleFacts } from "../../views/title-card.ts";
import { type MediaType, type ProgressStatus, type ReactionChoice } from "../../views/vocabulary.ts";
import { canShare, forPerson, type BotContext, type ComponentInteraction } from "../types.ts";
import { english, type MessageKey, type Translator } from "../../i18n/index.ts";
import { TmdbError } from "../../lib/tmdb.ts";

/** What a title card shows; every /watch write answers with it (see convex/lib/botReturns.ts). */
type TitleState = FunctionReturnType<typeof api.bot.titles.cacheShowForCard>;

export const actorOf = (user: UserView) => ({ discordUserId: user.id, username: user.username });

/** What the views need of a title: TMDB's details, with the poster as a full URL. */
export function factsOf(ctx: BotContext, title: TitleDetails): TitleFacts {
  return {
    tmdbId: title.tmdbId,
    mediaType: title.mediaType,
    title: title.title,
    year: title.year,
    rating: title.rating,
    genres: title.genres,
    overview: title.overview,
    posterUrl: ctx.tmdb.posterUrl(title.posterPath, "w342"),
  };
}

/** A title known only by id (a card's button, an id picked from autocomplete): no TMDB details in hand. */
type TitleRef = { tmdbId: number; mediaType: MediaType };
/** What a /watch change or card is about: TMDB's details, or just the id. */
type Subject = TitleDetails | TitleRef;
export const hasDetails = (subject: Subject): subject is TitleDetails => "title" in subject;

/** TMDB's details when this process already holds them (no request), else the id as it was. */
export function withCachedDetails(ctx: BotContext, subject: Subject): Subject {
  return hasDetails(subject) ? subject : (ctx.tmdb.cachedDetails(subject.mediaType, subject.tmdbId) ?? subject);
}

/**
 * A stored image at the size every card shows (w342): a full URL as the bot and the web app
 * store it (at w500, for the web app's pages), or a TMDB path as a client might.
 */
function storedPoster(ctx: BotContext, image: string | undefined): string | undefined {
  if (image === undefined) return undefined;
  if (!/^https:\/\//.test(image)) return ctx.tmdb.posterUrl(image, "w342");
  return image.replace(/\/t\/p\/(?:w\d+|original)\/(?=[^/]+$)/, "/t/p/w342/");
}

/**
 * The card drawn from what Convex stores: the person's own item, when it holds the title and
 * its overview (items made by /watch writes do; a show followed from episode marks may not).
 * Genres are not stored, so a card drawn this way leaves them out.
 */
export function storedFacts(ctx: BotContext, ref: TitleRef, state: TitleState): TitleFacts | null {
  const item = state.item;
  if (item === null || item.title === undefined || item.overview === undefined) return null;
  return {
    tmdbId: ref.tmdbId,
    mediaType: ref.mediaType,
    title: item.title,
    year: yearOf(item.release_date),
    rating: item.rating,
    overview: item.overview,
    posterUrl: storedPoster(ctx, item.image),
  };
}

/** What a write sends besides the person and the title. */
interface WriteExtra {
  sync: ShowSync;
  metadata?: ReturnType<TitleService["metadata"]>;
  /** The runtime and genre ids the stats count (docs/stats.md), with the details in hand. */
  facts?: { runtime?: number; genres: number[] };
  titleFromStore?: true;
}

/** What the stats' facts cache keeps of a title's details: a film's runtime and the genre ids. */
function statsFacts(details: TitleDetails): WriteExtra["facts"] {
  if (details.genreIds === undefined) return undefined;
  const runtime = details.mediaType === "movie" ? details.runtime : undefined;
  return { ...(runtime === undefined ? {} : { runtime }), genres: details.genreIds };
}

/**
 * One title write and the facts its card shows, in one Convex call. With TMDB's details in
 * hand they go along (a show's episode counts are checked inside the same write); with only
 * an id the write draws the title from what Convex stores, and TMDB is asked only when
 * Convex has nothing to draw (a title this person never tracked, a show it never saw).
 */
async function titleWrite<T extends { state: TitleState }>(
  ctx: BotContext,
  subject: Subject,
  call: (extra: WriteExtra) => Promise<T>,
): Promise<{ result: T; facts: TitleFacts }> {
  subject = withCachedDetails(ctx, subject);
  if (hasDetails(subject)) {
    const metadata = ctx.titles.metadata(subject);
    const facts = statsFacts(subject);
    const result =
      subject.mediaType === "tv"
        ? await ctx.titles.shows.write(subject, (sync) => call({ sync, metadata, facts }))
        : await call({ sync: {}, metadata, facts });
    return { result, facts: factsOf(ctx, subject) };
  }
  let showNeeded: boolean;
  try {
    const result =
      subject.mediaType === "tv"
        ? await ctx.titles.shows.write({ tmdbId: subject.tmdbId, details: () => ctx.titles.show(subject.tmdbId) }, (sync) =>
            call({ sync, titleFromStore: true }),
          )
        : await call({ sync: {}, titleFromStore: true });
    return { result, facts: storedFacts(ctx, subject, result.state) ?? (await detailsOrStored(ctx, subject, result.state)) };
  } catch (error) {
    const refusal = convexErrorData(error);
    if (refusal?.code !== "TITLE_NOT_STORED") throw error;
    showNeeded = refusal.showNeeded === true;
  }
  // Convex said in the same answer that it lacks the show too: send both at once. The structure's
  // first request brings the show's details along, so the details lookup after it is free.
  if (showNeeded && subject.mediaType === "tv") {
    const tmdbId = subject.tmdbId;
    const show = await ctx.titles.shows.fetchById({ tmdbId, details: () => ctx.titles.show(tmdbId) });
    const details = await ctx.titles.details(tmdbId, "tv");
    const result = await call({ sync: { show }, metadata: ctx.titles.metadata(details), facts: statsFacts(details) });
    return { result, facts: factsOf(ctx, details) };
  }
  return await titleWrite(ctx, await ctx.titles.details(subject.tmdbId, subject.mediaType), call);
}

/**
 * The card's facts from TMDB; with TMDB down or slow (the write already done), from whatever
 * Convex stores — the item's title or the cached show's name — rather than an error that would
 * say nothing was changed.
 */
export async function detailsOrStored(ctx: BotContext, ref: TitleRef, state: TitleState): Promise<TitleFacts> {
  try {
    return factsOf(ctx, await ctx.titles.details(ref.tmdbId, ref.mediaType));
  } catch (error) {
    const title = state.item?.title ?? state.show?.title;
    if (!isTmdbOutage(error) || title === undefined) throw error;
    return {
      tmdbId: ref.tmdbId,
      mediaType: ref.mediaType,
      title,
      year: yearOf(state.item?.release_date),
      posterUrl: storedPoster(ctx, state.item?.image ?? state.show?.image),
    };
  }
}

/** TMDB failed for now (down, slow, refusing), not because the title doesn't exist. */
export function isTmdbOutage(error: unknown): boolean {
  return error instanceof TmdbError && error.kind !== "not_found" && error.kind !== "bad_request";
}

/** The card's state for /watch info: one query, plus one write when Convex lacks the show's structure. */
async function readState(ctx: BotContext, user: UserView, title: TitleDetails): Promise<TitleState> {
  const ref = { discordUserId: user.id, tmdbId: title.tmdbId, mediaType: title.mediaType };
  if (title.mediaType !== "tv") return await ctx.backend.query(api.bot.titles.getTitleState, ref);
  return await ctx.titles.shows.read(
    title,
    (seasonCounts) => ctx.backend.query(api.bot.titles.getTitleState, { ...ref, seasonCounts }),
    (show) => ctx.backend.mutation(api.bot.titles.cacheShowForCard, { discordUserId: user.id, tmdbId: title.tmdbId, show }),
  );
}

/** The title card, from a state a write already answered with (no second round trip). */
export async function replyCard(
  respond: Responder,
  facts: TitleFacts,
  state: TitleState,
  headline?: string,
  undoId?: string | null,
  t: Translator = english,
) {
  const here = respond.interaction;
  // The server's list is offered where the app is installed in the server (not as a user's app elsewhere).
  const suggestable = here.inGuild() && here.raw.authorizing_integration_owners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
  await respond.send(titleCard({ title: facts, state, headline, undoId, shareable: canShare(here), suggestable, t }));
}

/**
 * /watch info. Given only an id, the card comes from what Convex stores (one query); TMDB
 * is asked for what it lacks — the title's facts, or a show's structure Convex never saw.
 */
async function replyInfo(ctx: BotContext, respond: Responder, user: UserView, subject: Subject) {
  subject = withCachedDetails(ctx, subject);
  const t = forPerson(ctx);
  if (hasDetails(subject)) return await replyCard(respond, factsOf(ctx, subject), await readState(ctx, user, subject), undefined, null, t);
  const ref = { discordUserId: user.id, tmdbId: subject.tmdbId, mediaType: subject.mediaType };
  const state = await ctx.backend.query(api.bot.titles.getTitleState, ref);
  const facts = storedFacts(ctx, subject, state);
  if (facts !== null && !state.refreshShow) return await replyCard(respond, facts, state, undefined, null, t);
  const details = await ctx.titles.details(subject.tmdbId, subject.mediaType);
  // refreshShow without counts means Convex has never seen the show: send its structure.
  const full =
    state.refreshShow && details.mediaType === "tv"
      ? await ctx.backend.mutation(api.bot.titles.cacheShowForCard, {
          discordUserId: user.id,
          tmdbId: details.tmdbId,
          show: await ctx.titles.shows.fetch(details),
        })
      : state;
  await replyCard(respond, factsOf(ctx, details), full, undefined, null, t);
}

/** One change to a title and the card that answers it: the slash command and its buttons both use these. */
export const change = {
  async add(ctx: BotContext, respond: Responder, user: UserView, subject: Subject) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.addToWatchlist, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
      }),
    );
    const t = forPerson(ctx);
    await replyCard(respond, facts, result.state, titleHeadline.added(facts, result.already, t), result.undoId, t);
  },
  async remove(ctx: BotContext, respond: Responder, user: UserView, subject: Subject) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.removeFromWatchlist, { ...refOf(user, subject), ...x.sync }),
    );
    const kept = result.item !== null && (result.item.progressStatus !== "want-to-watch" || result.item.reaction !== undefined);
    const t = forPerson(ctx);
    await replyCard(respond, facts, result.state, titleHeadline.removed(facts, result.removed, kept, t), result.undoId, t);
  },
  async status(ctx: BotContext, respond: Responder, user: UserView, subject: Subject, status: ProgressStatus, progress?: number) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.setStatus, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
        progressStatus: status,
        progress,
        ...(x.facts === undefined ? {} : { facts: x.facts }),
      }),
    );
    // What was stored, not what was typed: finished is always 100 %, want-to-watch 0 %.
    const watching = result.item.progressStatus === "watching" ? result.item.progress : undefined;
    const t = forPerson(ctx);
    await replyCard(respond, facts, result.state, titleHeadline.status(facts, status, watching, result.changed, t), result.undoId, t);
  },
  async react(ctx: BotContext, respond: Responder, user: UserView, subject: Subject, choice: ReactionChoice) {
    const { result, facts } = await titleWrite(ctx, subject, (x) =>
      ctx.backend.mutation(api.bot.titles.setReactionFor, {
        ...refOf(user, subject),
        ...x.metadata,
        ...x.sync,
        titleFromStore: x.titleFromStore,
        reaction: choice === "clear" ? null : choice,
      }),
    );
    const t = forPerson(ctx);
    await replyCard(respond, facts, result.state, titleHeadline.reaction(facts, choice, result.previous?.reaction, t), result.undoId, t);
  },
};

/** The "Did you mean …?" button's label for each /watch subcommand: `watch.confirm.<sub>`. */
export function confirmLabel(sub: TitleAction["sub"], t: Translator): string {
  return t(`watch.confirm.${sub}` satisfies MessageKey);
}

export async function performTitleAction(ctx: BotContext, respond: Responder, user: UserView, title: Subject, action: TitleAction) {
  if (action.sub === "add") await change.add(ctx, respond, user, title);
  else if (action.sub === "remove") await change.remove(ctx, respond, user, title);
  else if (action.sub === "status") await change.status(ctx, respond, user, title, action.status, action.progress);
  else if (action.sub === "react") await change.react(ctx, respond, user, title, action.reaction);
  else await replyInfo(ctx, respond, user, title);
}

export function refOf(user: UserView, title: Subject) {
  return { ...actorOf(user), tmdbId: title.tmdbId, mediaType: title.mediaType };
}

/** The title a card's button is about, from its decoded arguments. */
export async function titleOf(ctx: BotContext, args: { mediaType: TitleDetails["mediaType"]; tmdbId: number }): Promise<TitleDetails> {
  return await ctx.titles.details(args.tmdbId, args.mediaType);
}

/** The clicked card as it is, with `content` on top and one button (by custom id) gone. */
export function cardWithout(interaction: ComponentInteraction, customId: string, content: string): Reply {
  type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
  const rows = (interaction.message.components ?? []).filter((row): row is Row => row.type === ComponentType.ActionRow);
  const components = rows
    .map((row) => ({ ...row, components: row.components.filter((c) => !("custom_id" in c) || c.custom_id !== customId) }))
    .filter((row) => row.components.length > 0);
  return { content, embeds: interaction.message.embeds, components };
}
