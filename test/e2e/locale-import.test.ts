// /import acted by people whose Discord speaks German and Japanese: its refusals (nothing to undo,
// a refused file, an import already undone), the preview and its buttons, the progress and result
// Convex edits into the reply, and /import undo are in their language — no English catalogue phrase
// of /import reaches them — and /account's Import button explains it in their language. The same
// script in English shows the phrases the check looks for.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { CATALOGUES, translator, type MessageKey } from "../../src/i18n/index.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

const DAY = 24 * 60 * 60 * 1000;
const dir = mkdtempSync(join(tmpdir(), "locale-import-e2e-"));
const exportFile = join(dir, "film-fanatic-export.json");
const emptyFile = join(dir, "empty.json");
const FILE = "`film-fanatic-export.json`";

let s: Stack;
beforeAll(async () => {
  s = await stack();
  const at = Date.now() - 30 * DAY;
  // An /account export (src/lib/account-export.ts) of another profile: two movies and a show's three episodes.
  writeFileSync(
    exportFile,
    JSON.stringify({
      exportedAt: new Date().toISOString(),
      discordUserId: "100000000000000077",
      watch_items: [
        {
          tmdbId: 27205,
          mediaType: "movie",
          title: "Inception",
          progressStatus: "done",
          reaction: "loved",
          inWatchlist: false,
          progress: 100,
          updatedAt: at,
        },
        {
          tmdbId: 603,
          mediaType: "movie",
          title: "The Matrix",
          progressStatus: "watch-later",
          inWatchlist: true,
          progress: 0,
          updatedAt: at,
        },
        { tmdbId: 1399, mediaType: "tv", title: "Game of Thrones", progressStatus: "watching", inWatchlist: false, updatedAt: at },
      ],
      episodes: [1, 2, 3].map((episode) => ({ tmdbId: 1399, season: 1, episode, updatedAt: at })),
      lists: [],
      list_items: [],
      reminders: [],
      complete: true,
    }),
  );
  writeFileSync(emptyFile, "");
});
afterAll(async () => {
  await s?.stop();
});

const keys = (Object.keys(CATALOGUES.en.messages) as MessageKey[]).filter((k) => k.startsWith("imports."));

/** The literal words of a message (placeholders left out), cut into phrases: lines, code spans and dash-separated parts. */
function phrases(elements: MessageFormatElement[], into: string[] = []): string[] {
  let run_ = "";
  const flush = () => {
    for (const piece of run_.split(/\n|`[^`]*`| — | · |\*\*|[()“”"•]/)) {
      const phrase = piece.trim().replace(/[.,:;!?…]+$/, "");
      if (/[A-Za-z]{3}/.test(phrase) && phrase.length >= 4) into.push(phrase);
    }
    run_ = "";
  };
  for (const element of elements) {
    if (element.type === TYPE.literal) run_ += element.value;
    else {
      flush();
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) phrases(option.value, into);
    }
  }
  flush();
  return into;
}

/** Every message the person was shown — replies, Convex's edits of them, DMs — with its buttons and menus. */
function seen(events: Event[]): string {
  const parts: string[] = [];
  for (const event of ofType(events, "reply", "reply_edit", "followup", "message_edit", "dm")) {
    parts.push(text(event), ...buttons(event));
    for (const row of event.components ?? [])
      for (const c of row.components ?? [])
        if (c.type === 3) parts.push(c.placeholder ?? "", ...(c.options ?? []).map((o: { label: string }) => o.label));
  }
  return parts.join("\n");
}

const script = (user: string, locale: string) =>
  [
    "in movie-club #general",
    `as ${user} locale:${locale}`,
    "/import undo",
    `attach ${emptyFile}`,
    "/import file",
    `attach ${exportFile}`,
    "/import file",
    "wait 2s",
    `click "${translator(locale)("imports.button.import")}"`,
    "wait 2s",
    "/import undo",
    "wait 2s",
    "/import undo",
  ].join("\n");

describe.each([
  ["de", "dora"],
  ["ja", "jun"],
])("/import for a person whose Discord speaks %s", (locale, user) => {
  let events: Event[];
  beforeAll(async () => {
    events = await run(s, script(user, locale));
  });

  it("previews, imports and undoes in their language, with no English phrase of /import", () => {
    const t = translator(locale);
    const shown = seen(events);
    expect(shown).toContain(t("imports.run.noUndo"));
    expect(shown).toContain(t("imports.file.refused", { reason: t("imports.refused.empty") }));
    expect(shown).toContain(t("imports.title", { source: "Film Fanatic" }));
    expect(shown).toContain(t("imports.preview.matched", { file: FILE, shows: 1, episodes: 3, movies: 2, watchlist: 1, ratings: 1 }));
    expect(shown).toContain(t("imports.preview.nothingYet"));
    expect(shown).toContain(t("imports.button.cancel"));
    expect(shown).toContain(t("imports.done.changed", { file: FILE, changes: 3 }));
    expect(shown).toContain(t("imports.done.next"));
    expect(shown).toContain(t("imports.button.undo"));
    expect(shown).toContain(t("imports.undone", { file: FILE }));
    expect(shown).toContain(t("imports.run.undone"));
    const own = Object.values(CATALOGUES[t.catalogue].messages).join("\n");
    const english = [...new Set(keys.flatMap((key) => phrases(parse(CATALOGUES.en.messages[key]))))].filter((p) => !own.includes(p));
    expect(english.length).toBeGreaterThan(40);
    const leaked = english.filter((phrase) =>
      new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z])`).test(shown),
    );
    expect(leaked).toEqual([]);
  });

  it("explains how to import in their language from /account's Import button", async () => {
    // /account's buttons are in the person's language too.
    const importButton = translator(locale)("account.button.import");
    const howTo = await run(s, `in movie-club #general\nas ${user} locale:${locale}\n/account\nclick "${importButton}"`);
    const last = text(ofType(howTo, "reply", "followup").at(-1));
    expect(last).toContain(translator(locale)("imports.howTo.title"));
    expect(last).not.toContain("Use `/import file`");
  });
});

describe("the same /import in English", () => {
  it("shows the English phrases the check above looks for (so it would see them leak)", async () => {
    const shown = seen(await run(s, script("eric", "en-US")));
    expect(shown).toContain("You have no import to undo.");
    expect(shown).toContain("That file is empty, so there is nothing to import. Nothing was imported.");
    expect(shown).toContain("That import was already undone.");
    expect(shown).toContain("Nothing is written to your library until you press **Import**.");
    expect(shown).toContain("3 titles changed in your library.");
    expect(shown).toContain("Undo this import");
    expect(shown).toContain("your library is as it was before importing");
  });
});
