/**
 * Discord's payload rules for messages, components, embeds, autocomplete results and modals,
 * reported the way Discord reports them (50035 "Invalid Form Body" with a nested `errors` tree).
 */
import { ComponentType, MessageFlags } from "discord-api-types/v10";
import { FormErrors } from "./errors.ts";

export { ComponentType, MessageFlags };
import { between, checkString, checkUrl, isObj, LIMITS, maxLen, type Path } from "./validate/fields.ts";
import { validateComponents } from "./validate/components.ts";

export { LIMITS, textLength } from "./validate/fields.ts";
export { validateComponents } from "./validate/components.ts";

// ---------------------------------------------------------------- embeds

/** Validates one embed; returns the characters it counts toward the 6000 total. */
function validateEmbed(errs: FormErrors, path: Path, e: unknown): number {
  if (!isObj(e)) {
    errs.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return 0;
  }
  let total = 0;
  total += checkString(errs, [...path, "title"], e.title, { max: LIMITS.embedTitle });
  total += checkString(errs, [...path, "description"], e.description, { max: LIMITS.embedDescription });
  if (e.url !== undefined && e.url !== null) checkUrl(errs, [...path, "url"], e.url);
  if (e.color !== undefined && e.color !== null) {
    if (typeof e.color !== "number" || !Number.isInteger(e.color)) {
      errs.add([...path, "color"], "NUMBER_TYPE_COERCE", `Value "${String(e.color)}" is not int.`);
    } else if (e.color < 0 || e.color > 0xffffff) {
      errs.add([...path, "color"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
    }
  }
  if (e.timestamp !== undefined && e.timestamp !== null) {
    if (typeof e.timestamp !== "string" || Number.isNaN(Date.parse(e.timestamp))) {
      errs.add([...path, "timestamp"], "DATE_TYPE_PARSE", `Could not parse ${String(e.timestamp)}. Should be ISO8601.`);
    }
  }
  if (e.footer !== undefined && e.footer !== null) {
    if (!isObj(e.footer)) errs.add([...path, "footer"], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    else {
      total += checkString(errs, [...path, "footer", "text"], e.footer.text, { max: LIMITS.embedFooter, required: true });
      if (e.footer.icon_url != null) checkUrl(errs, [...path, "footer", "icon_url"], e.footer.icon_url);
    }
  }
  if (e.author !== undefined && e.author !== null) {
    if (!isObj(e.author)) errs.add([...path, "author"], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    else {
      total += checkString(errs, [...path, "author", "name"], e.author.name, { max: LIMITS.embedAuthor, required: true });
      if (e.author.url != null) checkUrl(errs, [...path, "author", "url"], e.author.url);
      if (e.author.icon_url != null) checkUrl(errs, [...path, "author", "icon_url"], e.author.icon_url);
    }
  }
  for (const key of ["image", "thumbnail"] as const) {
    const media = e[key];
    if (media === undefined || media === null) continue;
    if (!isObj(media)) errs.add([...path, key], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    else checkUrl(errs, [...path, key, "url"], media.url, true);
  }
  if (e.fields !== undefined && e.fields !== null) {
    if (!Array.isArray(e.fields)) {
      errs.add([...path, "fields"], "BASE_TYPE_ARRAY", "Must be an array.");
    } else {
      if (e.fields.length > LIMITS.embedFields) errs.add([...path, "fields"], "BASE_TYPE_MAX_LENGTH", maxLen(LIMITS.embedFields));
      e.fields.forEach((f: unknown, i: number) => {
        const fp = [...path, "fields", i];
        if (!isObj(f)) {
          errs.add(fp, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
          return;
        }
        total += checkString(errs, [...fp, "name"], f.name, { max: LIMITS.embedFieldName, required: true });
        total += checkString(errs, [...fp, "value"], f.value, { max: LIMITS.embedFieldValue, required: true });
        if (f.inline !== undefined && f.inline !== null && typeof f.inline !== "boolean") {
          errs.add([...fp, "inline"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
        }
      });
    }
  }
  return total;
}

export function validateEmbeds(errs: FormErrors, path: Path, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errs.add(path, "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  if (embeds.length > LIMITS.embeds) errs.add(path, "BASE_TYPE_MAX_LENGTH", maxLen(LIMITS.embeds));
  let total = 0;
  embeds.forEach((e, i) => {
    total += validateEmbed(errs, [...path, i], e);
  });
  if (total > LIMITS.embedTotal) {
    errs.add(path, "MAX_EMBED_SIZE_EXCEEDED", `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
}

// ---------------------------------------------------------------- messages

export interface MessageValidation {
  /** Path prefix (`["data"]` inside an interaction callback). */
  prefix?: Path;
  /** An edit: fields are optional and emptiness is judged after merging. */
  edit?: boolean;
}

export function validateAllowedMentions(errs: FormErrors, path: Path, am: unknown): void {
  if (am === undefined || am === null) return;
  if (!isObj(am)) {
    errs.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return;
  }
  const parse = am.parse ?? [];
  if (!Array.isArray(parse)) {
    errs.add([...path, "parse"], "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  parse.forEach((p: unknown, i: number) => {
    if (p !== "users" && p !== "roles" && p !== "everyone") {
      errs.add([...path, "parse", i], "BASE_TYPE_CHOICES", "Value must be one of ('users', 'roles', 'everyone').");
    }
  });
  for (const key of ["users", "roles"] as const) {
    const list = am[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) errs.add([...path, key], "BASE_TYPE_ARRAY", "Must be an array.");
    else {
      if (list.length > 100) errs.add([...path, key], "BASE_TYPE_MAX_LENGTH", maxLen(100));
      if (list.length > 0 && parse.includes(key)) {
        errs.add([...path, "parse"], "ALLOWED_MENTIONS_PARSE_EXCLUSIVE", `parse:["${key}"] and ${key}: [ids...] are mutually exclusive.`);
      }
    }
  }
}

/** Field-level validation of a message create/edit body. */
export function validateMessageBody(body: Record<string, any>, opts: MessageValidation = {}): FormErrors {
  const errs = new FormErrors();
  const p = opts.prefix ?? [];
  const flags = typeof body.flags === "number" ? body.flags : 0;
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  if (body.content !== undefined && body.content !== null) {
    checkString(errs, [...p, "content"], body.content, { max: LIMITS.content });
    if (v2 && body.content !== "") {
      errs.add(
        [...p, "content"],
        "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
        "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
      );
    }
  }
  if (v2 && Array.isArray(body.embeds) && body.embeds.length > 0) {
    errs.add(
      [...p, "embeds"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }
  validateEmbeds(errs, [...p, "embeds"], body.embeds);
  validateComponents(errs, [...p, "components"], body.components, v2);
  validateAllowedMentions(errs, [...p, "allowed_mentions"], body.allowed_mentions);
  if (body.flags !== undefined && body.flags !== null && typeof body.flags !== "number") {
    errs.add([...p, "flags"], "NUMBER_TYPE_COERCE", `Value "${String(body.flags)}" is not int.`);
  }
  return errs;
}

/** True when a (merged) message would have nothing to show: Discord's 50006. */
export function isEmptyMessage(m: {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  attachments?: unknown[] | null;
  sticker_ids?: unknown[] | null;
  poll?: unknown;
}): boolean {
  return (
    !(typeof m.content === "string" && m.content.length > 0) &&
    !(Array.isArray(m.embeds) && m.embeds.length > 0) &&
    !(Array.isArray(m.components) && m.components.length > 0) &&
    !(Array.isArray(m.attachments) && m.attachments.length > 0) &&
    !(Array.isArray(m.sticker_ids) && m.sticker_ids.length > 0) &&
    !m.poll
  );
}

// ---------------------------------------------------------------- autocomplete & modals

/** Validates an APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (`data.choices`) for an option of `optionType`. */
export function validateAutocompleteResult(data: unknown, optionType: number | undefined): FormErrors {
  const errs = new FormErrors();
  if (!isObj(data)) {
    errs.add(["data"], "BASE_TYPE_REQUIRED", "This field is required");
    return errs;
  }
  const choices = data.choices;
  if (!Array.isArray(choices)) {
    errs.add(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required");
    return errs;
  }
  if (choices.length > LIMITS.autocompleteChoices) {
    errs.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", maxLen(LIMITS.autocompleteChoices));
  }
  choices.forEach((c: unknown, i: number) => {
    const cp = ["data", "choices", i];
    if (!isObj(c)) {
      errs.add(cp, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      return;
    }
    checkString(errs, [...cp, "name"], c.name, { max: LIMITS.choiceName, min: 1, required: true });
    if (c.value === undefined || c.value === null) {
      errs.add([...cp, "value"], "BASE_TYPE_REQUIRED", "This field is required");
    } else if (optionType === 4) {
      if (typeof c.value !== "number" || !Number.isInteger(c.value)) {
        errs.add([...cp, "value"], "NUMBER_TYPE_COERCE", `Value "${String(c.value)}" is not int.`);
      }
    } else if (optionType === 10) {
      if (typeof c.value !== "number" || !Number.isFinite(c.value)) {
        errs.add([...cp, "value"], "NUMBER_TYPE_COERCE", `Value "${String(c.value)}" is not a valid number.`);
      }
    } else {
      checkString(errs, [...cp, "value"], c.value, { max: LIMITS.choiceValue });
    }
  });
  return errs;
}

/** Validates a MODAL callback's data (title ≤ 45, custom_id ≤ 100, 1–5 top-level components). */
export function validateModal(data: unknown): FormErrors {
  const errs = new FormErrors();
  if (!isObj(data)) {
    errs.add(["data"], "BASE_TYPE_REQUIRED", "This field is required");
    return errs;
  }
  checkString(errs, ["data", "title"], data.title, { max: 45, min: 1, required: true });
  checkString(errs, ["data", "custom_id"], data.custom_id, { max: LIMITS.customId, min: 1, required: true });
  if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
    errs.add(["data", "components"], "BASE_TYPE_BAD_LENGTH", between(1, 5));
  }
  return errs;
}
