// 日本語。です・ます調で、短く親しみやすく。コマンド名は日本語の Discord に表示される名前で書く。
// One file per area (docs/localisation.md); each holds exactly English's keys of that area.
import type { Catalogue } from "../en.ts";
import { account } from "./account.ts";
import { core } from "./core.ts";
import { imports } from "./imports.ts";
import { reminders } from "./reminders.ts";
import { stats } from "./stats.ts";
import { upcoming } from "./upcoming.ts";

export const ja: Catalogue = {
  messages: { ...core.messages, ...upcoming.messages, ...stats.messages, ...imports.messages, ...account.messages, ...reminders.messages },
  commands: { ...core.commands, ...upcoming.commands, ...stats.commands, ...imports.commands, ...account.commands, ...reminders.commands },
};
