/**
 * Discord's payload rules for messages, components, embeds, autocomplete results and modals,
 * reported the way Discord reports them (50035 "Invalid Form Body" with a nested `errors` tree).
 */
import { ButtonStyle, ComponentType, MessageFlags } from "discord-api-types/v10";
import { FormErrors } from "./errors.ts";

export { ComponentType, MessageFlags };

type Path = ReadonlyArray<string | number>;

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  v2Components: 40,
  v2Text: 4000,
} as const;


const SELECT_TYPES = new Set<number>([ComponentType.StringSelect, ComponentType.UserSelect, ComponentType.RoleSelect, ComponentType.MentionableSelect, ComponentType.ChannelSelect]);

/** Length in characters as Discord counts them (code points). */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const maxLen = (n: number) => `Must be ${n} or fewer in length.`;
const between = (a: number, b: number) => `Must be between ${a} and ${b} in length.`;

function checkString(
  errs: FormErrors,
  path: Path,
  v: unknown,
  opts: { max: number; min?: number; required?: boolean },
): number {
  if (v === undefined || v === null) {
    if (opts.required) errs.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return 0;
  }
  if (typeof v !== "string") {
    errs.add(path, "STRING_TYPE_CONVERT", `Could not interpret "${JSON.stringify(v)}" as string.`);
    return 0;
  }
  const len = textLength(v);
  const min = opts.min ?? 0;
  if (opts.required && len === 0) {
    errs.add(path, "BASE_TYPE_REQUIRED", "This field is required");
  } else if (len > opts.max || len < min) {
    if (min > 0) errs.add(path, "BASE_TYPE_BAD_LENGTH", between(min, opts.max));
    else errs.add(path, "BASE_TYPE_MAX_LENGTH", maxLen(opts.max));
  }
  return len;
}

function checkUrl(errs: FormErrors, path: Path, v: unknown, required = false): void {
  if (v === undefined || v === null) {
    if (required) errs.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (typeof v !== "string" || !/^(https?|attachment):\/\/[^\s]+$/i.test(v)) {
    errs.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
  } else if (textLength(v) > 2048) {
    errs.add(path, "BASE_TYPE_MAX_LENGTH", maxLen(2048));
  }
}

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

// ---------------------------------------------------------------- components

interface ComponentCtx {
  errs: FormErrors;
  customIds: Map<string, Path>;
  count: number;
  text: number;
  v2: boolean;
}

function checkCustomId(ctx: ComponentCtx, path: Path, v: unknown): void {
  const len = checkString(ctx.errs, [...path, "custom_id"], v, { max: LIMITS.customId, required: true, min: 1 });
  if (typeof v === "string" && len > 0) {
    if (ctx.customIds.has(v)) {
      ctx.errs.add([...path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
    } else {
      ctx.customIds.set(v, path);
    }
  }
}

function validateButton(ctx: ComponentCtx, path: Path, c: Record<string, any>): void {
  const { errs } = ctx;
  const style = c.style;
  if (![1, 2, 3, 4, 5, 6].includes(style)) {
    errs.add([...path, "style"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
    return;
  }
  if (style === ButtonStyle.Link) {
    checkUrl(errs, [...path, "url"], c.url, true);
    if (c.custom_id !== undefined && c.custom_id !== null) {
      errs.add([...path, "custom_id"], "BUTTON_COMPONENT_LINK_HAS_CUSTOM_ID", "A link button cannot have a custom_id");
    }
  } else if (style === ButtonStyle.Premium) {
    if (!c.sku_id) errs.add([...path, "sku_id"], "BASE_TYPE_REQUIRED", "This field is required");
  } else {
    checkCustomId(ctx, path, c.custom_id);
    if (c.url !== undefined && c.url !== null) {
      errs.add([...path, "url"], "BUTTON_COMPONENT_URL_NOT_ALLOWED", "A non-link button cannot have a url");
    }
  }
  if (style !== 6) {
    const hasLabel = typeof c.label === "string" && c.label.length > 0;
    if (!hasLabel && !c.emoji) {
      errs.add([...path, "label"], "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A button must have a label or an emoji");
    }
    checkString(errs, [...path, "label"], c.label, { max: LIMITS.buttonLabel });
  }
}

function validateSelect(ctx: ComponentCtx, path: Path, c: Record<string, any>): void {
  const { errs } = ctx;
  checkCustomId(ctx, path, c.custom_id);
  checkString(errs, [...path, "placeholder"], c.placeholder, { max: LIMITS.selectPlaceholder });
  const minV = c.min_values ?? 1;
  const maxV = c.max_values ?? 1;
  if (typeof minV !== "number" || minV < 0 || minV > 25) {
    errs.add([...path, "min_values"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 25.");
  }
  if (typeof maxV !== "number" || maxV < 1 || maxV > 25) {
    errs.add([...path, "max_values"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 25.");
  }
  if (c.type === ComponentType.StringSelect) {
    const options = c.options;
    if (!Array.isArray(options) || options.length === 0) {
      errs.add([...path, "options"], "BASE_TYPE_BAD_LENGTH", between(1, LIMITS.selectOptions));
      return;
    }
    if (options.length > LIMITS.selectOptions) {
      errs.add([...path, "options"], "BASE_TYPE_BAD_LENGTH", between(1, LIMITS.selectOptions));
    }
    if (typeof maxV === "number" && maxV > options.length) {
      errs.add([...path, "max_values"], "SELECT_COMPONENT_TOO_FEW_OPTIONS", "max_values must be less than or equal to the number of options");
    }
    const values = new Set<string>();
    options.forEach((o: unknown, i: number) => {
      const op = [...path, "options", i];
      if (!isObj(o)) {
        errs.add(op, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
        return;
      }
      checkString(errs, [...op, "label"], o.label, { max: LIMITS.selectOptionText, min: 1, required: true });
      checkString(errs, [...op, "value"], o.value, { max: LIMITS.selectOptionText, min: 1, required: true });
      checkString(errs, [...op, "description"], o.description, { max: LIMITS.selectOptionText });
      if (typeof o.value === "string") {
        if (values.has(o.value)) {
          errs.add([...op, "value"], "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED", "Select option values must be unique");
        }
        values.add(o.value);
      }
    });
  }
}

function validateInteractive(ctx: ComponentCtx, path: Path, c: Record<string, any>): void {
  if (c.type === ComponentType.Button) validateButton(ctx, path, c);
  else if (SELECT_TYPES.has(c.type)) validateSelect(ctx, path, c);
}

function validateRow(ctx: ComponentCtx, path: Path, row: Record<string, any>): void {
  const { errs } = ctx;
  const children = row.components;
  if (!Array.isArray(children) || children.length === 0) {
    errs.add([...path, "components"], "BASE_TYPE_BAD_LENGTH", between(1, LIMITS.rowButtons));
    return;
  }
  if (children.length > LIMITS.rowButtons) {
    errs.add([...path, "components"], "BASE_TYPE_BAD_LENGTH", between(1, LIMITS.rowButtons));
  }
  const selects = children.filter((c: any) => isObj(c) && SELECT_TYPES.has(c.type)).length;
  if (selects > 0 && children.length > 1) {
    errs.add([...path, "components"], "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
  }
  children.forEach((c: unknown, j: number) => {
    const cp = [...path, "components", j];
    ctx.count++;
    if (!isObj(c)) {
      errs.add(cp, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      return;
    }
    if (c.type !== ComponentType.Button && !SELECT_TYPES.has(c.type)) {
      errs.add([...cp, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
      return;
    }
    validateInteractive(ctx, cp, c);
  });
}

/** Components V2 layouts (IS_COMPONENTS_V2 flag): recursive, ≤ 40 components, ≤ 4000 chars of text. */
function validateV2(ctx: ComponentCtx, path: Path, c: unknown): void {
  const { errs } = ctx;
  ctx.count++;
  if (!isObj(c)) {
    errs.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return;
  }
  switch (c.type) {
    case ComponentType.ActionRow:
      validateRow(ctx, path, c);
      return;
    case ComponentType.TextDisplay:
      if (typeof c.content !== "string" || c.content.length === 0) {
        errs.add([...path, "content"], "BASE_TYPE_REQUIRED", "This field is required");
      } else ctx.text += textLength(c.content);
      return;
    case ComponentType.Section: {
      const kids = c.components;
      if (!Array.isArray(kids) || kids.length < 1 || kids.length > 3) {
        errs.add([...path, "components"], "BASE_TYPE_BAD_LENGTH", between(1, 3));
      } else kids.forEach((k: unknown, i: number) => validateV2(ctx, [...path, "components", i], k));
      if (isObj(c.accessory)) {
        ctx.count++;
        if (c.accessory.type === ComponentType.Button) validateButton(ctx, [...path, "accessory"], c.accessory);
      } else errs.add([...path, "accessory"], "BASE_TYPE_REQUIRED", "This field is required");
      return;
    }
    case ComponentType.Container: {
      const kids = c.components;
      if (!Array.isArray(kids) || kids.length === 0) errs.add([...path, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
      else kids.forEach((k: unknown, i: number) => validateV2(ctx, [...path, "components", i], k));
      return;
    }
    case ComponentType.Thumbnail:
    case ComponentType.MediaGallery:
    case ComponentType.File:
    case ComponentType.Separator:
      return;
    default:
      errs.add([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1, 9, 10, 12, 13, 14, 17).');
  }
}

export function validateComponents(errs: FormErrors, path: Path, components: unknown, v2: boolean): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errs.add(path, "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  const ctx: ComponentCtx = { errs, customIds: new Map(), count: 0, text: 0, v2 };
  if (v2) {
    components.forEach((c, i) => validateV2(ctx, [...path, i], c));
    if (ctx.count > LIMITS.v2Components) errs.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${LIMITS.v2Components} or fewer in length.`);
    if (ctx.text > LIMITS.v2Text) errs.add(path, "MAX_TEXT_DISPLAY_SIZE_EXCEEDED", `Total text exceeds maximum size of ${LIMITS.v2Text}`);
    return;
  }
  if (components.length > LIMITS.actionRows) errs.add(path, "BASE_TYPE_MAX_LENGTH", maxLen(LIMITS.actionRows));
  components.forEach((row, i) => {
    if (!isObj(row)) {
      errs.add([...path, i], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      return;
    }
    if (row.type !== ComponentType.ActionRow) {
      errs.add([...path, i, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
      return;
    }
    validateRow(ctx, [...path, i], row);
  });
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
        errs.add(
          [...path, "parse"],
          "ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
          `parse:["${key}"] and ${key}: [ids...] are mutually exclusive.`,
        );
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
      errs.add([...p, "content"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
    }
  }
  if (v2 && Array.isArray(body.embeds) && body.embeds.length > 0) {
    errs.add([...p, "embeds"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
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
