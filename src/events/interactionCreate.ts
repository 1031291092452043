import { Events, MessageFlags, type Interaction } from "discord.js";
import { commands, componentRoutes } from "../commands/index.ts";
import type { BotContext, Command, ComponentInteraction } from "../commands/types.ts";
import { argumentsOf, partialArgumentsOf } from "../lib/command-options.ts";
import { describeError } from "../lib/errors.ts";
import { FIRST_ATTEMPT_MS, INTERACTION_BUDGET_MS, withInteraction } from "../lib/backend.ts";
import { withTmdbDeadline } from "../lib/tmdb.ts";
import { NO_MENTIONS, Responder } from "../lib/respond.ts";
import { decodeComponentId, STALE_COMPONENT_MESSAGE, StaleComponentError, type DecodedComponent } from "../views/component-ids.ts";

/** A handler that has not answered by then is deferred, well inside Discord's 3 s. */
export const AUTO_DEFER_MS = 1_500;
/** Autocomplete cannot be deferred: give up and offer nothing rather than fail. */
const AUTOCOMPLETE_BUDGET_MS = 2_200;

export const interactionCreate = {
  name: Events.InteractionCreate,
  once: false,
  async execute(interaction: Interaction, ctx: BotContext) {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      let choices: { name: string; value: string }[] = [];
      // Its Convex calls give up when the suggestions would be too late anyway.
      const scopedCtx: BotContext = {
        ...ctx,
        backend: withInteraction(
          ctx.backend,
          { id: interaction.id, applicationId: interaction.applicationId, token: interaction.token },
          { deadline: Date.now() + AUTOCOMPLETE_BUDGET_MS },
        ),
      };
      try {
        const answer = withTmdbDeadline(
          Date.now() + AUTOCOMPLETE_BUDGET_MS,
          () =>
            command?.autocomplete?.(interaction, scopedCtx, partialArgumentsOf(command.data, interaction.options.data)) ??
            Promise.resolve([]),
        );
        choices = (await withDeadline(answer, AUTOCOMPLETE_BUDGET_MS)) ?? [];
      } catch (error) {
        ctx.logger.warn({ err: error, command: interaction.commandName }, "autocomplete failed");
      }
      await interaction.respond(choices.slice(0, 25)).catch((error) => ctx.logger.warn({ err: error }, "autocomplete answer refused"));
      return;
    }

    // Writes carry this interaction, so Convex can follow up on it (closed-DM notices) and apply a
    // retried write once; every Convex call gives up in time for an answer within Discord's 10 s.
    const deadline = Date.now() + INTERACTION_BUDGET_MS;
    const scoped: BotContext = {
      ...ctx,
      backend: withInteraction(
        ctx.backend,
        { id: interaction.id, applicationId: interaction.applicationId, token: interaction.token },
        { deadline },
      ),
    };
    let command: Command | undefined;
    let run: (respond: Responder) => Promise<void>;
    /** The subcommand or component action, for telling reads from writes. */
    let action: string;
    if (interaction.isChatInputCommand()) {
      const chosen = commands.get(interaction.commandName);
      command = chosen;
      action = interaction.options.getSubcommand(false) ?? "";
      // Options are checked against the definition (and typed from it) inside the handler's try.
      run = (respond) => chosen!.execute(interaction, respond, scoped, argumentsOf(chosen!.data, interaction.options.data));
    } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
      // The one place a custom id is read: its codec decodes it, or it is out of date and nothing runs.
      let decoded: DecodedComponent;
      try {
        decoded = decodeComponentId(interaction.customId, interaction.isStringSelectMenu() ? interaction.values : []);
      } catch (error) {
        if (!(error instanceof StaleComponentError)) throw error;
        ctx.logger.debug({ user: interaction.user.id, id: interaction.customId }, "component id out of date");
        await refuseStale(interaction);
        return;
      }
      const route = componentRoutes.get(decoded.name);
      if (route === undefined) {
        ctx.logger.debug({ user: interaction.user.id, id: interaction.customId }, "component nothing handles");
        await refuseStale(interaction);
        return;
      }
      command = route.command;
      action = decoded.name.slice(decoded.name.indexOf(":") + 1);
      run = (respond) => route.run(interaction, respond, scoped, decoded.args);
    } else {
      return;
    }
    if (command === undefined) {
      await interaction.reply({
        content: "I don't know that command any more.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }

    const respond = new Responder(interaction, command.ephemeral);
    // Writes are throttled by Convex in their own transaction (one budget across shards);
    // reads cost Convex no write, so this process guards its own TMDB quota and CPU for them.
    const reads = command.reads === true || (command.reads?.includes(action) ?? false);
    const wait = reads ? ctx.limiter.take(interaction.user.id) : 0;
    if (wait > 0) {
      await respond.sendNew({ content: `⏳ Slow down a little — try again in ${Math.ceil(wait / 1000)}s.`, ephemeral: true });
      return;
    }
    respond.deferAfter(AUTO_DEFER_MS);
    try {
      // TMDB is done a Convex attempt before the deadline, so the write that follows it still fits.
      await withTmdbDeadline(deadline - FIRST_ATTEMPT_MS, () => run(respond));
    } catch (error) {
      const id = interaction.isChatInputCommand() ? interaction.commandName : interaction.customId;
      const described = describeError(error, id.split(":", 1)[0]);
      const log = { err: error, user: interaction.user.id, id, code: described.code };
      if (described.reference) ctx.logger.error({ ...log, reference: described.reference }, "command failed");
      else ctx.logger.debug(log, "command refused");
      await replyError(respond, described.message).catch((e) => ctx.logger.warn({ err: e }, "could not report an error"));
    } finally {
      respond.cancel();
    }
  },
};

/** A button or menu whose id no longer decodes (or that nothing handles any more): told so privately, and nothing runs. */
async function refuseStale(interaction: ComponentInteraction) {
  await interaction.reply({ content: `⚠️ ${STALE_COMPONENT_MESSAGE}`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** Errors are always private, and never replace the message a button sits on. */
async function replyError(respond: Responder, message: string) {
  await respond.sendNew({ content: `⚠️ ${message}`, ephemeral: true });
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
