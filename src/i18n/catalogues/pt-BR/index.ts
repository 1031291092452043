// Português do Brasil. "Você", leve e direto como o inglês.
// One file per area (docs/localisation.md); each holds exactly English's keys of that area.
import type { Catalogue } from "../en.ts";
import { account } from "./account.ts";
import { core } from "./core.ts";
import { imports } from "./imports.ts";
import { reminders } from "./reminders.ts";
import { stats } from "./stats.ts";
import { upcoming } from "./upcoming.ts";

export const ptBR: Catalogue = {
  messages: { ...core.messages, ...upcoming.messages, ...stats.messages, ...imports.messages, ...account.messages, ...reminders.messages },
  commands: { ...core.commands, ...upcoming.commands, ...stats.commands, ...imports.commands, ...account.commands, ...reminders.commands },
};
