import { Events, MessageFlags, type Interaction } from "discord.js";
import { commands } from "../commands/index.ts";
import { parseCustomId, type BotContext, type Command } from "../commands/types.ts";
import { describeError } from "../lib/errors.ts";
import { NO_MENTIONS, Responder } from "../lib/respond.ts";

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
      try {
        choices = (await withDeadline(command?.autocomplete?.(interaction, ctx) ?? Promise.resolve([]), AUTOCOMPLETE_BUDGET_MS)) ?? [];
      } catch (error) {
        ctx.logger.warn({ err: error, command: interaction.commandName }, "autocomplete failed");
      }
      await interaction.respond(choices.slice(0, 25)).catch((error) => ctx.logger.warn({ err: error }, "autocomplete answer refused"));
      return;
    }

    let command: Command | undefined;
    let run: (respond: Responder) => Promise<void>;
    if (interaction.isChatInputCommand()) {
      command = commands.get(interaction.commandName);
      run = (respond) => command!.execute(interaction, respond, ctx);
    } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const parsed = parseCustomId(interaction.customId);
      command = parsed === null ? undefined : commands.get(parsed.command);
      // Own properties only: an action named like an Object prototype key is not a handler.
      const handler = parsed !== null && command?.components && Object.hasOwn(command.components, parsed.action) ? command.components[parsed.action] : undefined;
      const args = parsed?.args ?? [];
      if (handler === undefined) {
        await interaction.reply({ content: "That button is from an older version of me — run the command again.", flags: MessageFlags.Ephemeral });
        return;
      }
      run = (respond) => handler(interaction, respond, ctx, args);
    } else {
      return;
    }
    if (command === undefined) {
      await interaction.reply({ content: "I don't know that command any more.", flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }

    const respond = new Responder(interaction, command.ephemeral);
    // Writes are throttled by Convex in their own transaction (one budget across shards);
    // reads cost Convex no write, so this process guards its own TMDB quota and CPU for them.
    const action = interaction.isChatInputCommand() ? (interaction.options.getSubcommand(false) ?? "") : (parseCustomId(interaction.customId)?.action ?? "");
    const reads = command.reads === true || (command.reads?.includes(action) ?? false);
    const wait = reads ? ctx.limiter.take(interaction.user.id) : 0;
    if (wait > 0) {
      await respond.sendNew({ content: `⏳ Slow down a little — try again in ${Math.ceil(wait / 1000)}s.`, ephemeral: true });
      return;
    }
    respond.deferAfter(AUTO_DEFER_MS);
    try {
      await run(respond);
    } catch (error) {
      const described = describeError(error);
      const log = { err: error, user: interaction.user.id, id: interaction.isChatInputCommand() ? interaction.commandName : interaction.customId, code: described.code };
      if (described.reference) ctx.logger.error({ ...log, reference: described.reference }, "command failed");
      else ctx.logger.debug(log, "command refused");
      await replyError(respond, described.message).catch((e) => ctx.logger.warn({ err: e }, "could not report an error"));
    } finally {
      respond.cancel();
    }
  },
};

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
