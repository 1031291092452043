// Limits and field checks shared by the payload rules (sandbox/discord/validate.ts).
import { ComponentType } from "discord-api-types/v10";
import { FormErrors } from "../errors.ts";

export type Path = ReadonlyArray<string | number>;

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

export const SELECT_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/** Length in characters as Discord counts them (code points). */
export function textLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export const maxLen = (n: number) => `Must be ${n} or fewer in length.`;
export const between = (a: number, b: number) => `Must be between ${a} and ${b} in length.`;

export function checkString(errs: FormErrors, path: Path, v: unknown, opts: { max: number; min?: number; required?: boolean }): number {
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

export function checkUrl(errs: FormErrors, path: Path, v: unknown, required = false): void {
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
