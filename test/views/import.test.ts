// /import's messages: the preview's menus and buttons within Discord's limits, and the unmatched
// CSV safe to open in a spreadsheet.
import { describe, expect, it } from "vitest";
import { decodeComponentId } from "../../src/views/component-ids.ts";
import { translator } from "../../src/i18n/index.ts";
import { importHowTo, importMessage, unmatchedCsv, type ImportState, type ImportView } from "../../src/views/import.ts";

const RUN = "k57c9x4kqmz6s1r3pqd4xv1a8h7nq2vb";
const preview: ImportView = {
  runId: RUN,
  state: "preview",
  fileName: "letterboxd.zip",
  source: "letterboxd",
  titles: 12,
  episodes: 0,
  skippedRows: 1,
  counts: { shows: 0, episodes: 0, movies: 5, watchlist: 2, ratings: 3, ambiguous: 6, unmatched: 1, skipped: 0 },
  matched: 12,
  staged: 12,
  done: 0,
  changes: 0,
  kept: 0,
  ambiguous: [1, 2, 3, 4].map((index) => ({
    index,
    mediaType: "movie",
    title: `Heat ${index}`,
    year: 1995,
    candidates: [
      { tmdbId: 949, title: "Heat", year: 1995 },
      { tmdbId: 4000001, title: "Heat", year: 1995 },
    ],
  })),
  page: 0,
  pages: 2,
  unmatched: [{ title: "Nowhere", year: 2001, mediaType: "movie", ids: "" }],
};

describe("import messages", () => {
  it("offers a menu per ambiguous title (candidates or skip), paging, Import, Cancel and the unmatched CSV", () => {
    const view = importMessage(preview);
    expect(view.components).toHaveLength(5);
    const select = view.components[0]!.components[0] as { custom_id: string; options: { value: string }[] };
    expect(select.options.map((o) => o.value)).toEqual(["949", "4000001", "skip"]);
    expect(decodeComponentId(select.custom_id, ["949"])).toEqual({
      name: "import:pick",
      args: { run: RUN, index: 1, page: 0, value: 949 },
    });
    expect(decodeComponentId(select.custom_id, ["skip"]).args).toMatchObject({ value: "skip" });
    const labels = (view.components[4]!.components as { label?: string }[]).map((b) => b.label);
    expect(labels).toEqual(["Import", "Cancel", "Unmatched (CSV)", "Next ▶"]);
    expect(view.embeds[0]!.description).toContain("**6 ambiguous**");
    expect(view.embeds[0]!.description).toContain("• Nowhere (2001)");
  });

  it("says every state, the preview's menus and buttons and the how-to in the reader's language", () => {
    const t = translator("de");
    const view = importMessage(preview, t);
    const select = view.components[0]!.components[0] as { placeholder: string; options: { label: string }[] };
    expect(select.placeholder).toBe("🎬 Heat 1 (1995) — welcher ist es?");
    expect(select.options.at(-1)!.label).toBe("Überspringen");
    const labels = (view.components[4]!.components as { label?: string }[]).map((b) => b.label);
    expect(labels).toEqual(["Importieren", "Abbrechen", "Nicht gefunden (CSV)", "Weiter ▶"]);
    expect(view.embeds[0]!.title).toBe("Import aus Letterboxd");
    expect(view.embeds[0]!.footer?.text).toBe("Nicht eindeutige Titel: Seite 1 von 2");
    const states: ImportState[] = ["staging", "matching", "applying", "done", "undoing", "undone", "cancelled", "failed"];
    const shown = states
      .map((state) => importMessage({ ...preview, state, changes: 3, kept: 1, undoUntil: 1_800_000_000_000 }, t))
      .map((m) =>
        [m.embeds[0]!.description, ...m.components.flatMap((r) => r.components.map((c) => (c as { label?: string }).label))].join("\n"),
      )
      .join("\n");
    expect(shown).toContain("✅ `letterboxd.zip` importiert: 3 Titel in deiner Bibliothek geändert.");
    expect(shown).toContain("Der Import ist stehen geblieben, bevor er fertig war.");
    expect(shown).toContain("Import rückgängig machen");
    expect(shown).not.toMatch(/\b(Reading|Matching|Importing|Imported|Undoing|Undone|Cancelled|stopped|library)\b/);
    expect(importHowTo(t).embeds[0]!.description).toContain("`/importieren datei`");
  });

  it("writes unmatched titles as CSV that no spreadsheet reads as a formula", () => {
    const csv = unmatchedCsv([{ title: '=HYPERLINK("x")', year: 1999, mediaType: "movie", ids: "tt1" }]);
    expect(csv).toBe('title,year,type,ids\r\n"\'=HYPERLINK(""x"")",1999,movie,"tt1"\r\n');
  });
});
