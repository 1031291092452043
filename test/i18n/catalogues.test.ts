// Every catalogue says everything English says, with the same placeholders, every plural form its
// language needs, and nothing too long for where Discord shows it.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES, catalogueFor, english, translator, type CatalogueId, type MessageKey } from "../../src/i18n/index.ts";
import { LIMITS } from "../../src/views/limits.ts";

const english_ = CATALOGUES.en.messages;
const keys = Object.keys(english_) as MessageKey[];
const others = (Object.keys(CATALOGUES) as CatalogueId[]).filter((id) => id !== "en");

/** Every argument of a message, with how it is used (plain, number, plural …) and its selectors. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, { type: TYPE; selectors: Set<string> }[]>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound || element.type === TYPE.tag) continue;
    const uses = into.get(element.value) ?? [];
    const selectors = new Set<string>();
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const [selector, option] of Object.entries(element.options)) {
        selectors.add(selector);
        argumentsOf(option.value, into);
      }
    }
    uses.push({ type: element.type, selectors });
    into.set(element.value, uses);
  }
  return into;
}

const parsed = (id: CatalogueId, key: MessageKey) => parse(CATALOGUES[id].messages[key]);

describe.each(others)("the %s catalogue", (id) => {
  it("has every key English has, and no other", () => {
    const theirs = Object.keys(CATALOGUES[id].messages);
    expect(
      keys.filter((k) => !theirs.includes(k)),
      "missing",
    ).toEqual([]);
    expect(
      theirs.filter((k) => !(k in english_)),
      "extra",
    ).toEqual([]);
  });

  it("uses exactly the placeholders English uses, each as English does (number, plural, select)", () => {
    const wrong: string[] = [];
    for (const key of keys) {
      const want = argumentsOf(parsed("en", key));
      const got = argumentsOf(parsed(id, key));
      for (const name of want.keys()) if (!got.has(name)) wrong.push(`${key}: {${name}} missing`);
      for (const name of got.keys()) if (!want.has(name)) wrong.push(`${key}: {${name}} unknown`);
      for (const [name, uses] of got) {
        const types = new Set(want.get(name)?.map((u) => u.type));
        for (const use of uses) if (types.size > 0 && !types.has(use.type)) wrong.push(`${key}: {${name}} used as type ${use.type}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives every plural each form its language has (where English picks a form by grammar, not by an exact number)", () => {
    const categories = new Intl.PluralRules(id).resolvedOptions().pluralCategories;
    const missing: string[] = [];
    for (const key of keys) {
      const grammatical = new Set(
        [...argumentsOf(parsed("en", key))]
          .filter(([, uses]) =>
            uses.some((u) => u.type === TYPE.plural && [...u.selectors].some((s) => !s.startsWith("=") && s !== "other")),
          )
          .map(([name]) => name),
      );
      for (const [name, uses] of argumentsOf(parsed(id, key))) {
        if (!grammatical.has(name)) continue;
        for (const use of uses.filter((u) => u.type === TYPE.plural))
          for (const category of categories) if (!use.selectors.has(category)) missing.push(`${key}: {${name}} lacks "${category}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("formats every message with sample values", () => {
    const t = translator(id);
    for (const key of keys) expect(() => t(key, sampleValues(key)), key).not.toThrow();
  });
});

/** Where a message is shown, by its key (docs/localisation.md): the Discord limit it must fit. */
function limitOf(key: MessageKey): number | null {
  if (key.includes(".button.") || key.includes(".confirm") || key.startsWith("status.")) return LIMITS.buttonLabel;
  if (key.includes(".menu.") || key.startsWith("reaction.")) return LIMITS.selectOptionText;
  if (key === "watch.list.footer") return LIMITS.footer;
  if (key.includes(".field.") || /^help\.\w+\.name$/.test(key)) return LIMITS.fieldName;
  if (/^help\.\w+\.value$/.test(key)) return LIMITS.fieldValue;
  if (key === "help.title") return LIMITS.embedTitle;
  if (key === "help.footer") return LIMITS.footer;
  if (key === "guess.others") return LIMITS.selectPlaceholder;
  return null;
}

/** The longest a value can make a message: the longest choice of every plural and select, with worst-case values. */
const SAMPLE_TEXT: Record<string, string> = { episode: "S9999E9999", what: "S9999E1–E9999" };
function longest(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += [...element.value].length;
    else if (element.type === TYPE.pound) length += "9,999".length;
    else if (element.type === TYPE.plural || element.type === TYPE.select)
      length += Math.max(...Object.values(element.options).map((o) => longest(o.value)));
    else if (element.type === TYPE.argument) length += (SAMPLE_TEXT[element.value] ?? "9,999").length;
    else if (element.type === TYPE.number) length += "9,999".length;
  }
  return length;
}

function sampleValues(key: MessageKey): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, uses] of argumentsOf(parsed("en", key)))
    values[name] = uses.some((u) => u.type === TYPE.select)
      ? "true"
      : uses.some((u) => u.type !== TYPE.argument)
        ? 2
        : (SAMPLE_TEXT[name] ?? "x");
  return values;
}

describe("Discord's limits", () => {
  it.each(Object.keys(CATALOGUES) as CatalogueId[])("no %s message is longer than where Discord shows it", (id) => {
    const over: string[] = [];
    for (const key of keys) {
      const limit = limitOf(key);
      if (limit === null) continue;
      const length = longest(parsed(id, key));
      if (length > limit) over.push(`${key}: ${length} > ${limit}`);
    }
    expect(over).toEqual([]);
  });
});

describe("which catalogue answers a Discord locale", () => {
  it("uses a locale's own catalogue, else its language's, else English", () => {
    expect(catalogueFor("de")).toBe("de");
    expect(catalogueFor("es-ES")).toBe("es");
    expect(catalogueFor("es-419")).toBe("es");
    expect(catalogueFor("pt-BR")).toBe("pt-BR");
    expect(catalogueFor("en-GB")).toBe("en");
    expect(catalogueFor("ko")).toBe("en");
  });

  it("formats numbers and plurals by the locale, and falls back to English for an unknown or malformed one", () => {
    expect(translator("de")("episode.counted", { isWatched: "true", changed: 1234, unchanged: 1 })).toBe(
      "✅ 1.234 Folgen markiert, 1 war schon gesehen.",
    );
    expect(translator("fr").number(1234567)).toMatch(/^1\s234\s567$/u);
    expect(translator("es-419").catalogue).toBe("es");
    expect(translator("not a locale").catalogue).toBe("en");
    expect(english("episode.counted", { isWatched: "false", changed: 1, unchanged: 0 })).toBe("↩️ Unmarked 1 episode.");
  });
});
