import { ApplicationIntegrationType, InteractionContextType } from "discord.js";
import { ep } from "./ep.ts";
import { help } from "./help.ts";
import { mark } from "./mark.ts";
import type { Command } from "./types.ts";
import { watch } from "./watch.ts";

/** Every slash command, by name. The same registry feeds `npm run register`. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [help, ep, mark, watch].map((command) => [command.data.name, command as Command]),
);

/**
 * Every command is personal tracking, so each makes sense outside a server too: installable
 * to a server or to a user's account, and usable in servers, the bot's DM and group DMs.
 * (What only works in a server — sharing, someone else's list — says so when used elsewhere.)
 */
export const AVAILABILITY = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export function commandDefinitions() {
  return [...commands.values()].map((command) => ({ ...command.data, ...AVAILABILITY }));
}
