// Command names and descriptions in every language the catalogue has, added where the commands
// are serialised for registration: no command file changes. Each name, description and choice is
// looked up by its path (`party.schedule.when`, `watch.add.type.choice.movie`) in each catalogue
// (src/i18n/catalogues/*.ts, `commands`), and sent under every Discord locale that catalogue
// answers (es → es-ES and es-419). A path a catalogue lacks is sent in English only; the tests
// (test/i18n/commands.test.ts) keep every catalogue complete and valid under Discord's rules.
import type {
  APIApplicationCommandOption,
  APIApplicationCommandOptionChoice,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { CATALOGUES, localizedDiscordLocales } from "../i18n/index.ts";

type Localizable = { name: string; description?: string; options?: unknown[]; choices?: unknown[] };

/** A command's JSON for registration, with `name_localizations` / `description_localizations` on it and on all it contains. */
export function localizeCommand(command: RESTPostAPIChatInputApplicationCommandsJSONBody): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return localized(command as Localizable, command.name) as RESTPostAPIChatInputApplicationCommandsJSONBody;
}

function localized(node: Localizable, path: string): Localizable {
  const names: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const { locale, catalogue } of localizedDiscordLocales()) {
    const entry = CATALOGUES[catalogue].commands[path];
    if (!Array.isArray(entry)) continue;
    names[locale] = entry[0];
    descriptions[locale] = entry[1];
  }
  const out: Localizable & { name_localizations?: LocalizationMap; description_localizations?: LocalizationMap } = { ...node };
  if (Object.keys(names).length > 0) {
    out.name_localizations = names;
    out.description_localizations = descriptions;
  }
  if (node.options)
    out.options = (node.options as APIApplicationCommandOption[]).map((option) =>
      localized(option as Localizable, `${path}.${option.name}`),
    );
  if (node.choices)
    out.choices = (node.choices as APIApplicationCommandOptionChoice[]).map((choice) =>
      localizedChoice(choice, `${path}.choice.${choice.value}`),
    );
  return out;
}

function localizedChoice(choice: APIApplicationCommandOptionChoice, path: string): APIApplicationCommandOptionChoice {
  const names: Record<string, string> = {};
  for (const { locale, catalogue } of localizedDiscordLocales()) {
    const name = CATALOGUES[catalogue].commands[path];
    if (typeof name === "string") names[locale] = name;
  }
  return Object.keys(names).length > 0 ? { ...choice, name_localizations: names } : choice;
}
