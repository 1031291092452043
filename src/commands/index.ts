import { ep } from "./ep.ts";
import { help } from "./help.ts";
import { mark } from "./mark.ts";
import type { Command } from "./types.ts";
import { watch } from "./watch.ts";

/** Every slash command, by name. The same registry feeds `npm run register`. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [help, ep, mark, watch].map((command) => [command.data.name, command as Command]),
);

export function commandDefinitions() {
  return [...commands.values()].map((command) => command.data);
}
