// Every command, subcommand, option and choice is registered with its name and description in
// every catalogue's language, valid under Discord's rules — and the sandbox's Discord accepts them.
import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { localizeCommand } from "../../src/commands/localize.ts";
import { CATALOGUES, localizedDiscordLocales, type CatalogueId } from "../../src/i18n/index.ts";
import { validateCommandDefinition } from "../../sandbox/discord/commands.ts";
import { FormErrors } from "../../sandbox/discord/errors.ts";

type Node = { name: string; description?: string; options?: Node[]; choices?: { name: string; value: string | number }[] };

/** Every path the catalogues translate: commands and options ([name, description]) and choices (a name). */
function paths(node: Node, path: string, into = { named: [] as string[], choices: [] as string[] }) {
  into.named.push(path);
  for (const choice of node.choices ?? []) into.choices.push(`${path}.choice.${choice.value}`);
  for (const option of node.options ?? []) paths(option, `${path}.${option.name}`, into);
  return into;
}

const definitions = commandDefinitions();
const all = definitions.map((command) => paths(command as Node, command.name));
const named = all.flatMap((p) => p.named);
const choices = all.flatMap((p) => p.choices);
const others = (Object.keys(CATALOGUES) as CatalogueId[]).filter((id) => id !== "en");

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const length = (text: string) => [...text].length;

describe.each(others)("the %s command names", (id) => {
  const catalogue = CATALOGUES[id].commands;

  it("cover every command, subcommand, option and choice, and nothing else", () => {
    expect(
      named.filter((path) => !Array.isArray(catalogue[path])),
      "missing",
    ).toEqual([]);
    expect(
      choices.filter((path) => typeof catalogue[path] !== "string"),
      "missing choices",
    ).toEqual([]);
    expect(
      Object.keys(catalogue).filter((path) => !named.includes(path) && !choices.includes(path)),
      "extra",
    ).toEqual([]);
  });

  it("are valid names (lowercase, no spaces, 1–32) with descriptions and choices of 1–100 characters", () => {
    const bad: string[] = [];
    for (const [path, entry] of Object.entries(catalogue)) {
      if (typeof entry === "string") {
        if (length(entry) < 1 || length(entry) > 100) bad.push(`${path}: choice "${entry}"`);
        continue;
      }
      const [name, description] = entry;
      if (!NAME.test(name) || name !== name.toLowerCase()) bad.push(`${path}: name "${name}"`);
      if (length(description) < 1 || length(description) > 100) bad.push(`${path}: description is ${length(description)} long`);
    }
    expect(bad).toEqual([]);
  });

  it("are unique among their siblings (and among commands)", () => {
    const clashes: string[] = [];
    const check = (siblings: Node[], parent: string) => {
      const seen = new Map<string, string>();
      for (const node of siblings) {
        const path = parent === "" ? node.name : `${parent}.${node.name}`;
        const entry = catalogue[path];
        const name = Array.isArray(entry) ? entry[0] : node.name;
        if (seen.has(name)) clashes.push(`${path} and ${seen.get(name)} are both "${name}"`);
        seen.set(name, path);
        check(node.options ?? [], path);
      }
    };
    check(definitions as Node[], "");
    expect(clashes).toEqual([]);
  });
});

describe("npm run register", () => {
  it("sends each name and description under every Discord locale a catalogue answers (es for es-ES and es-419)", () => {
    const ep = definitions.find((c) => c.name === "ep")!;
    expect(ep.name_localizations).toMatchObject({
      de: "folge",
      fr: "épisode",
      "es-ES": "episodio",
      "es-419": "episodio",
      "pt-BR": "episódio",
      ja: "エピソード",
    });
    expect(ep.name_localizations).not.toHaveProperty("en-GB");
    const watch = definitions.find((c) => c.name === "watch")!;
    const type = (watch.options![0] as Extract<APIApplicationCommandOption, { options?: unknown }>).options!.find(
      (o) => o.name === "type",
    ) as {
      choices: { name_localizations?: Record<string, string>; value: string }[];
    };
    expect(type.choices.find((c) => c.value === "tv")?.name_localizations).toMatchObject({ de: "Serie", ja: "TV" });
    expect(localizedDiscordLocales().map((l) => l.locale)).toEqual(["de", "es-ES", "es-419", "fr", "pt-BR", "ja"]);
  });

  it("leaves a path no catalogue has in English only", () => {
    const bare = localizeCommand({
      name: "new-command",
      description: "Not translated yet",
    } as RESTPostAPIChatInputApplicationCommandsJSONBody);
    expect(bare).not.toHaveProperty("name_localizations");
  });

  it("passes the sandbox's Discord validation", () => {
    const errors = new FormErrors();
    definitions.forEach((command, i) => validateCommandDefinition(errors, [i], command));
    expect(errors.lines()).toEqual([]);
  });
});

describe("the sandbox's Discord", () => {
  const check = (command: unknown) => {
    const errors = new FormErrors();
    validateCommandDefinition(errors, [0], command);
    return errors.lines().join("\n");
  };
  const base = { name: "ep", description: "Mark an episode", options: [{ type: 3, name: "show", description: "The show" }] };

  it("refuses what Discord refuses in localizations", () => {
    expect(check({ ...base, name_localizations: { de: "Folge" } })).toMatch(/name_localizations\.de.*INVALID_NAME/);
    expect(check({ ...base, name_localizations: { de: "eine folge" } })).toMatch(/INVALID_NAME/);
    expect(check({ ...base, name_localizations: { xx: "folge" } })).toMatch(/name_localizations\.xx.*BASE_TYPE_CHOICES/);
    expect(check({ ...base, description_localizations: { de: "x".repeat(101) } })).toMatch(/BAD_LENGTH/);
    expect(
      check({
        ...base,
        options: [
          { type: 3, name: "show", description: "The show", name_localizations: { de: "serie" } },
          { type: 3, name: "series", description: "Another", name_localizations: { de: "serie" } },
        ],
      }),
    ).toMatch(/options\[1\]\.name_localizations\.de.*ALREADY_EXISTS/);
    expect(
      check({
        ...base,
        options: [{ type: 3, name: "type", description: "Type", choices: [{ name: "TV", value: "tv", name_localizations: { de: "" } }] }],
      }),
    ).toMatch(/choices\[0\]\.name_localizations\.de.*BAD_LENGTH/);
    expect(check({ ...base, name_localizations: { de: "folge" }, description_localizations: { de: "Eine Folge markieren" } })).toBe("");
  });
});
