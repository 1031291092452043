// docs/bot-api.md lists every function the bot can call: the table under "Every bot function" is
// checked against the exports of convex/bot/**, so a function added, renamed or removed there
// fails this test until the doc says so (the failure prints the table to paste).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const botModules = import.meta.glob<Record<string, unknown>>("../../convex/bot/**/*.ts", { eager: true });

type Registered = { isQuery?: boolean; isMutation?: boolean; isAction?: boolean; isPublic?: boolean };

/** The table the doc should hold: one row per module under convex/bot/, its public functions in file order. */
function expectedTable(): string {
  const rows = Object.entries(botModules)
    .map(([path, exports]) => {
      const module = path.replace("../../convex/", "").replace(/\.ts$/, "");
      const functions = Object.entries(exports).flatMap(([name, value]) => {
        const fn = value as Registered;
        if (typeof value !== "function" || fn.isPublic !== true) return [];
        const kind = fn.isQuery ? "query" : fn.isMutation ? "mutation" : fn.isAction ? "action" : null;
        return kind === null ? [] : [`\`${name}\` (${kind})`];
      });
      return { module, functions };
    })
    .filter((row) => row.functions.length > 0)
    .sort((a, b) => a.module.localeCompare(b.module));
  return [
    "| module (`api.…`) | functions |",
    "|---|---|",
    ...rows.map((row) => `| \`${row.module.replaceAll("/", ".")}\` | ${row.functions.join(", ")} |`),
  ].join("\n");
}

/** The table in docs/bot-api.md's "Every bot function" section. */
function documentedTable(): string {
  const doc = readFileSync(new URL("../../docs/bot-api.md", import.meta.url), "utf8");
  const section = doc.split(/^## /m).find((part) => part.startsWith("Every bot function"));
  if (section === undefined) throw new Error('docs/bot-api.md has no "## Every bot function" section');
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .join("\n");
}

describe("docs/bot-api.md", () => {
  it("lists every public function under convex/bot/, and nothing else", () => {
    const expected = expectedTable();
    expect(expected).toContain("`bot.episodes`");
    expect(documentedTable(), `docs/bot-api.md's "Every bot function" table should read:\n\n${expected}\n`).toBe(expected);
  });

  it("finds the bot's functions the way Convex registers them (not every export is a function)", () => {
    const table = expectedTable();
    expect(table).toContain("`markEpisodesFor` (mutation)");
    expect(table).toContain("`status` (query)");
    expect(table).not.toContain("EXPORT_LEASE_MS");
  });
});

/** The bot's own sources (the sandbox stands in for Discord and the web app, so it is left out). */
function botSources(dir = join(import.meta.dirname, "../../src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "sandbox" ? [] : botSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the bot's calls into Convex", () => {
  it("go only to convex/bot/ (api.bot.*)", () => {
    const elsewhere = botSources().flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/\bapi\.(?!bot\.)([A-Za-z]\w*)\.\w+/g)]
        .filter((m) => !m[0].startsWith("api.themoviedb"))
        .map((m) => `${path}: ${m[0]}`),
    );
    expect(elsewhere).toEqual([]);
  });
});
