import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { commandJSON } from "../lib/command-options.ts";
import type { ComponentName } from "../views/component-ids.ts";
import { account } from "./account.ts";
import { ep } from "./ep.ts";
import { help } from "./help.ts";
import { importCommand } from "./import.ts";
import { link } from "./link.ts";
import { localizeCommand } from "./localize.ts";
import { list } from "./list.ts";
import { mark } from "./mark.ts";
import { party } from "./party.ts";
import { remind } from "./remind.ts";
import { stats } from "./stats.ts";
import { unlink } from "./unlink.ts";
import { upcoming } from "./upcoming.ts";
import type { BotContext, Command, ComponentInteraction } from "./types.ts";
import type { Responder } from "../core/respond.ts";
import { watch } from "./watch.ts";

/** Every slash command, by name. The same registry feeds `npm run register`. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [help, ep, mark, watch, upcoming, stats, party, list, link, unlink, account, remind, importCommand].map((command) => [
    command.data.name,
    command as Command,
  ]),
);

/** Where a decoded component goes: the command whose replies carry it, and its handler. */
export interface ComponentRoute {
  command: Command;
  run(interaction: ComponentInteraction, respond: Responder, ctx: BotContext, args: unknown): Promise<void>;
}

/** Every component's handler, by the name its codec decodes to; one handler per component. */
export const componentRoutes: ReadonlyMap<ComponentName, ComponentRoute> = (() => {
  const routes = new Map<ComponentName, ComponentRoute>();
  for (const command of commands.values()) {
    for (const [name, handler] of Object.entries(command.components ?? {}) as [ComponentName, ComponentRoute["run"]][]) {
      if (routes.has(name)) throw new Error(`Two handlers for the component ${name}`);
      routes.set(name, { command, run: handler });
    }
  }
  return routes;
})();

/**
 * Personal tracking makes sense outside a server too: a command is installable to a server or
 * to a user's account, and usable in servers, the bot's DM and group DMs, unless its definition
 * says otherwise (/party lives in a server channel where the bot is installed, for its board).
 * (What only works in a server — sharing, someone else's list — says so when used elsewhere.)
 */
export const AVAILABILITY = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((command) => localizeCommand({ ...AVAILABILITY, ...commandJSON(command.data) }));
}
