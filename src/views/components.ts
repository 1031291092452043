import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIComponentInMessageActionRow,
  type APIMessageComponentEmoji,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from "discord-api-types/v10";
import { LIMITS } from "./limits.ts";
import { label } from "./text.ts";

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
export { ButtonStyle };

/** A button that sends an interaction; its label is cut to Discord's 80 characters. */
export function button(args: {
  customId: string;
  label: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
  emoji?: APIMessageComponentEmoji;
  disabled?: boolean;
}): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: args.style ?? ButtonStyle.Secondary,
    label: label(args.label, LIMITS.buttonLabel),
    custom_id: args.customId,
    ...(args.emoji ? { emoji: args.emoji } : {}),
    ...(args.disabled ? { disabled: true } : {}),
  };
}

/** A button that opens a link. */
export function linkButton(url: string, text: string): APIButtonComponentWithURL {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label: label(text, LIMITS.buttonLabel), url };
}

/** A single-choice menu: at most 25 options, every text cut to fit. */
export function stringSelect(args: { customId: string; placeholder?: string; options: APISelectMenuOption[] }): APIStringSelectComponent {
  return {
    type: ComponentType.StringSelect,
    custom_id: args.customId,
    ...(args.placeholder ? { placeholder: label(args.placeholder, LIMITS.selectPlaceholder) } : {}),
    options: args.options.slice(0, LIMITS.selectOptions).map((o) => ({
      ...o,
      label: label(o.label, LIMITS.selectOptionText),
      ...(o.description !== undefined ? { description: label(o.description, LIMITS.selectOptionText) } : {}),
    })),
  };
}

/**
 * Buttons laid out in rows of five; a select takes a row of its own. Nothing
 * beyond Discord's five rows is kept, so callers list the most important first.
 */
export function rows(...items: (APIComponentInMessageActionRow | null | undefined | false)[]): Row[] {
  const out: Row[] = [];
  let current: APIComponentInMessageActionRow[] = [];
  const flush = () => {
    if (current.length > 0) out.push({ type: ComponentType.ActionRow, components: current });
    current = [];
  };
  for (const item of items) {
    if (!item) continue;
    if (item.type !== ComponentType.Button) {
      flush();
      current.push(item);
      flush();
      continue;
    }
    if (current.length === LIMITS.rowButtons) flush();
    current.push(item);
  }
  flush();
  return out.slice(0, LIMITS.actionRows);
}
