// Localized command names and descriptions, checked as Discord checks them when commands are registered.
import { Locale } from "discord-api-types/v10";
import type { FormErrors } from "./errors.ts";
import { textLength } from "./validate.ts";

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const LOCALES = new Set<string>(Object.values(Locale));

/**
 * A `name_localizations` / `description_localizations` map as Discord checks it: keys are Discord
 * locales, values follow the rules of the field they translate (names: the naming rules, lowercase;
 * descriptions and choice names: 1–100 characters). Null or absent is no localization.
 */
export function checkLocalizations(
  errs: FormErrors,
  path: Array<string | number>,
  field: "name_localizations" | "description_localizations",
  map: unknown,
  kind: "name" | "description" | "choice",
): void {
  if (map === undefined || map === null) return;
  if (!isObj(map)) {
    errs.add([...path, field], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  for (const [locale, value] of Object.entries(map)) {
    const at = [...path, field, locale];
    if (!LOCALES.has(locale)) {
      errs.add(at, "BASE_TYPE_CHOICES", `Value must be one of {${[...LOCALES].map((l) => `'${l}'`).join(", ")}}.`);
      continue;
    }
    if (kind === "name") {
      if (typeof value !== "string" || !NAME_RE.test(value) || value !== value.toLowerCase())
        errs.add(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    } else if (typeof value !== "string" || textLength(value) < 1 || textLength(value) > 100) {
      errs.add(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
  }
}

/** Both maps of a command or option. */
export function checkNodeLocalizations(errs: FormErrors, path: Array<string | number>, node: Record<string, any>): void {
  checkLocalizations(errs, path, "name_localizations", node.name_localizations, "name");
  checkLocalizations(errs, path, "description_localizations", node.description_localizations, "description");
}

/** Sibling options must differ in every locale too: each's name there is its localization, else its name. */
export function checkLocalizedNamesUnique(errs: FormErrors, path: Array<string | number>, options: unknown[]): void {
  for (const locale of LOCALES) {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (!isObj(o) || typeof o.name !== "string") return;
      const name = (isObj(o.name_localizations) ? o.name_localizations[locale] : undefined) ?? o.name;
      if (seen.has(name))
        errs.add(
          [...path, "options", i, "name_localizations", locale],
          "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
          "Option name already exists",
        );
      seen.add(name);
    });
  }
}
