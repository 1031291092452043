// The interaction core: one raw interaction in, Discord's answers out through a Transport. Both
// doors call this — the gateway door (discord.js receives INTERACTION_CREATE) and the HTTP door
// (Discord POSTs the interaction; served by Convex or by a small Node server). Nothing here or
// below it touches discord.js or Node's own modules, so it runs in Convex's runtime too.
import { InteractionResponseType, MessageFlags, type APIInteraction } from "discord-api-types/v10";
import { commands, componentRoutes } from "../commands/index.ts";
import type { BotContext, Command } from "../commands/types.ts";
import { FIRST_ATTEMPT_MS, INTERACTION_BUDGET_MS, withInteraction } from "../lib/backend.ts";
import { argumentsOf, partialArgumentsOf } from "../lib/command-options.ts";
import { describeError } from "../lib/errors.ts";
import { translator, type Translator } from "../i18n/index.ts";
import { decodeComponentId, StaleComponentError, type DecodedComponent } from "../views/component-ids.ts";
import { viewOf, type AutocompleteInteraction, type RepliableInteraction } from "./interaction.ts";
import { NO_MENTIONS, Responder } from "./respond.ts";
import type { Transport } from "./transport.ts";

/** A handler that has not answered by then is deferred, well inside Discord's 3 s. */
export const AUTO_DEFER_MS = 1_500;
/** Autocomplete cannot be deferred: give up and offer nothing rather than fail. */
export const AUTOCOMPLETE_BUDGET_MS = 2_200;

export interface DispatchOptions {
  /** When the interaction arrived (epoch ms); its deadlines count from here. Default: now. */
  receivedAt?: number;
  /** The interaction run again after its first run was cut off (the Convex door): it has passed the limiter once. */
  rerun?: boolean;
}

/**
 * Answers one interaction. Never throws: a handler's failure is told to the person privately
 * (and logged); a payload the core does not handle is ignored.
 */
export async function handleInteraction(
  raw: APIInteraction,
  ctx: BotContext,
  transport: Transport,
  options: DispatchOptions = {},
): Promise<void> {
  const interaction = viewOf(raw);
  if (interaction === null) return;
  const receivedAt = options.receivedAt ?? Date.now();
  try {
    if (interaction.kind === "autocomplete") await autocomplete(interaction, ctx, transport, receivedAt);
    else await answer(interaction, ctx, transport, receivedAt, options.rerun === true);
  } catch (error) {
    ctx.logger.error({ err: error, interaction: raw.id }, "interaction failed");
  }
}

/** The Responder's default visibility and mode for an interaction, as the doors' deferrals need it. */
export function commandFor(raw: APIInteraction): Command | undefined {
  const interaction = viewOf(raw);
  if (interaction === null) return undefined;
  if (interaction.kind !== "component") return commands.get(interaction.commandName);
  try {
    return componentRoutes.get(decodeComponentId(interaction.customId, interaction.values).name)?.command;
  } catch {
    return undefined;
  }
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext, transport: Transport, receivedAt: number) {
  const command = commands.get(interaction.commandName);
  const deadline = receivedAt + AUTOCOMPLETE_BUDGET_MS;
  let choices: { name: string; value: string }[] = [];
  if (command?.usesDirectory && interaction.guildId !== null) await prepare(ctx, interaction.guildId);
  // Its Convex and TMDB calls give up when the suggestions would be too late anyway.
  const scoped = scope(ctx, interaction, deadline, deadline);
  try {
    const answer =
      command?.autocomplete?.(interaction, scoped, partialArgumentsOf(command.data, interaction.options)) ?? Promise.resolve([]);
    choices = (await withDeadline(answer, deadline - Date.now())) ?? [];
  } catch (error) {
    ctx.logger.warn({ err: error, command: interaction.commandName }, "autocomplete failed");
  }
  await transport
    .callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: choices.slice(0, 25) } })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, "autocomplete answer refused"));
}

async function answer(interaction: RepliableInteraction, ctx: BotContext, transport: Transport, receivedAt: number, rerun: boolean) {
  // Writes carry this interaction, so Convex can follow up on it (closed-DM notices) and apply a
  // retried write once; every Convex call gives up in time for an answer within Discord's 10 s.
  // TMDB is done a Convex attempt before the deadline, so the write that follows it still fits.
  const deadline = receivedAt + INTERACTION_BUDGET_MS;
  const scoped = scope(ctx, interaction, deadline, deadline - FIRST_ATTEMPT_MS);
  const t = scoped.i18n.user;
  let command: Command | undefined;
  let run: (respond: Responder) => Promise<void>;
  /** The subcommand or component action, for telling reads from writes. */
  let action: string;
  if (interaction.kind === "command") {
    const chosen = commands.get(interaction.commandName);
    command = chosen;
    action = interaction.subcommand;
    // Options are checked against the definition (and typed from it) inside the handler's try.
    run = (respond) => chosen!.execute(interaction, respond, scoped, argumentsOf(chosen!.data, interaction.options, interaction.resolved));
  } else {
    // The one place a custom id is read: its codec decodes it, or it is out of date and nothing runs.
    let decoded: DecodedComponent;
    try {
      decoded = decodeComponentId(interaction.customId, interaction.isStringSelect() ? interaction.values : []);
    } catch (error) {
      if (!(error instanceof StaleComponentError)) throw error;
      ctx.logger.debug({ user: interaction.user.id, id: interaction.customId }, "component id out of date");
      await refuse(transport, `⚠️ ${t("error.staleComponent")}`);
      return;
    }
    const route = componentRoutes.get(decoded.name);
    if (route === undefined) {
      ctx.logger.debug({ user: interaction.user.id, id: interaction.customId }, "component nothing handles");
      await refuse(transport, `⚠️ ${t("error.staleComponent")}`);
      return;
    }
    command = route.command;
    action = decoded.name.slice(decoded.name.indexOf(":") + 1);
    run = (respond) => route.run(interaction, respond, scoped, decoded.args);
  }
  if (command === undefined) {
    await refuse(transport, `⚠️ ${t("error.unknownCommand")}`);
    return;
  }

  const respond = new Responder(interaction, transport, command.ephemeral);
  if (command.usesDirectory && interaction.guildId !== null) await prepare(ctx, interaction.guildId);
  // Writes are throttled by Convex in their own transaction (one budget across shards);
  // reads cost Convex no write, so this process guards its own TMDB quota and CPU for them.
  const reads = command.reads === true || (command.reads?.includes(action) ?? false);
  const wait = reads && !rerun ? ctx.limiter.take(interaction.user.id) : 0;
  if (wait > 0) {
    await respond.sendNew({ content: `⏳ ${t("error.slowDown", { seconds: Math.ceil(wait / 1000) })}`, ephemeral: true });
    return;
  }
  respond.deferAfter(Math.max(0, receivedAt + AUTO_DEFER_MS - Date.now()));
  try {
    await run(respond);
  } catch (error) {
    const id = interaction.kind === "command" ? interaction.commandName : interaction.customId;
    const described = describeError(error, id.split(":", 1)[0], t);
    const log = { err: error, user: interaction.user.id, id, code: described.code };
    if (described.reference) ctx.logger.error({ ...log, reference: described.reference }, "command failed");
    else ctx.logger.debug(log, "command refused");
    // Errors are always private, and never replace the message a button sits on.
    await respond
      .sendNew({ content: `⚠️ ${described.message}`, ephemeral: true })
      .catch((e: unknown) => ctx.logger.warn({ err: e }, "could not report an error"));
  } finally {
    respond.cancel();
  }
}

/**
 * The context for one interaction: its Convex calls carry it (and the person's language) and share
 * its deadline; TMDB's stop in time; text is in the person's language, or the server's for public posts.
 */
function scope(
  ctx: BotContext,
  interaction: { id: string; applicationId: string; token: string; locale: string; guildLocale: string | null },
  deadline: number,
  tmdbDeadline: number,
) {
  const user: Translator = translator(interaction.locale);
  return {
    ...ctx,
    backend: withInteraction(
      ctx.backend,
      { id: interaction.id, applicationId: interaction.applicationId, token: interaction.token, locale: interaction.locale },
      { deadline },
    ),
    i18n: { user, server: interaction.guildLocale === null ? user : translator(interaction.guildLocale) },
    tmdb: ctx.tmdb.withDeadline(tmdbDeadline),
    titles: ctx.titles.withDeadline(tmdbDeadline, user),
  } satisfies BotContext;
}

/** The directory's facts about a server, when its door has to fetch them; without them handlers fall back to the channel used. */
async function prepare(ctx: BotContext, guildId: string) {
  await ctx.directory
    .prepare?.(guildId)
    .catch((error: unknown) => ctx.logger.warn({ err: error, guild: guildId }, "server facts unavailable"));
}

/** A private refusal as the interaction's answer (a stale button, a command no longer known): nothing runs. */
async function refuse(transport: Transport, content: string) {
  await transport.callback({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
  });
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
