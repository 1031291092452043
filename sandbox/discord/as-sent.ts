/**
 * The fields real Discord fills in on a message it stores, whether or not the bot sent them:
 * every component gets a numeric `id` (sequential through the tree, skipping ids the bot chose),
 * a select its `min_values`/`max_values` (1 and 1), an embed field its `inline` (false).
 * The sandbox keeps what the bot sent (events show that) and answers with these added, as
 * Discord's API does (checked against its OpenAPI spec by test/sandbox/spec-conformance.test.ts).
 */
import { ComponentType } from "discord-api-types/v10";

const SELECTS = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Components as Discord answers with them: ids, select bounds. Never changes its argument. */
export function componentsAsSent(components: readonly unknown[]): unknown[] {
  const taken = new Set<number>();
  const collect = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isObj(c)) continue;
      if (typeof c.id === "number") taken.add(c.id);
      collect(c.components);
      if (isObj(c.accessory)) collect([c.accessory]);
    }
  };
  collect(components);
  let next = 1;
  const nextId = () => {
    while (taken.has(next)) next++;
    return next++;
  };
  const fill = (c: unknown): unknown => {
    if (!isObj(c)) return c;
    const out: Json = { ...c };
    if (typeof out.id !== "number") out.id = nextId();
    if (typeof out.type === "number" && SELECTS.has(out.type)) {
      out.min_values ??= 1;
      out.max_values ??= 1;
    }
    if (Array.isArray(out.components)) out.components = out.components.map(fill);
    if (isObj(out.accessory)) out.accessory = fill(out.accessory);
    return out;
  };
  return components.map(fill);
}

/** Embeds as Discord answers with them: every field says whether it is inline. */
export function embedsAsSent(embeds: readonly unknown[]): unknown[] {
  return embeds.map((e) =>
    isObj(e) && Array.isArray(e.fields)
      ? { ...e, fields: e.fields.map((f) => (isObj(f) ? { ...f, inline: typeof f.inline === "boolean" ? f.inline : false } : f)) }
      : e,
  );
}
