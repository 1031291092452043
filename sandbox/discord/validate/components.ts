// Discord's payload rules for message components (action rows, buttons, selects, and the
// Components V2 layout), reported as 50035 field errors (sandbox/discord/validate.ts).
import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import { FormErrors } from "../errors.ts";
import { between, checkString, checkUrl, isObj, LIMITS, maxLen, SELECT_TYPES, textLength, type Path } from "./fields.ts";

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
      errs.add(
        [...path, "max_values"],
        "SELECT_COMPONENT_TOO_FEW_OPTIONS",
        "max_values must be less than or equal to the number of options",
      );
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
      if (!Array.isArray(kids) || kids.length === 0)
        errs.add([...path, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
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
