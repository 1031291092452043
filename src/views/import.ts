// /import's messages: reading and matching, the preview (counts, a menu per ambiguous title, the
// unmatched ones, Import / Cancel), applying, the finished import with Undo, and the undo. Built
// by the bot and by Convex (which edits the reply as the job runs) from one ImportView.
import {
  importCancelButton,
  importGoButton,
  importPageButton,
  importPickSelect,
  importUndoButton,
  importUnmatchedButton,
} from "./component-ids.ts";
import { button, ButtonStyle, rows, stringSelect } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { plain, plural, progressBar } from "./text.ts";
import { BRAND, DANGER } from "./vocabulary.ts";

export type ImportState = "staging" | "matching" | "preview" | "applying" | "done" | "undoing" | "undone" | "cancelled" | "failed";

/** Everything a message about one import shows (Convex's convex/imports/runs.ts runView builds it). */
export interface ImportView {
  runId: string;
  state: ImportState;
  fileName: string;
  source: string;
  titles: number;
  episodes: number;
  skippedRows: number;
  counts: {
    shows: number;
    episodes: number;
    movies: number;
    watchlist: number;
    ratings: number;
    ambiguous: number;
    unmatched: number;
    skipped: number;
  };
  matched: number;
  staged: number;
  done: number;
  changes: number;
  kept: number;
  ambiguous: {
    index: number;
    mediaType: "movie" | "tv";
    title: string;
    year?: number;
    candidates: { tmdbId: number; title: string; year?: number }[];
  }[];
  page: number;
  pages: number;
  unmatched: { title: string; year?: number; mediaType: "movie" | "tv"; ids: string }[];
  error?: string;
  undoUntil?: number;
}

const SOURCES: Record<string, string> = {
  tvtime: "TV Time",
  trakt: "Trakt",
  letterboxd: "Letterboxd",
  imdb: "IMDb",
  filmfanatic: "Film Fanatic",
};
const n = (x: number) => x.toLocaleString("en-US");
const named = (t: { title: string; year?: number }) => `${plain(t.title, 120)}${t.year !== undefined ? ` (${t.year})` : ""}`;

/** The reply for an import in any state. */
export function importMessage(view: ImportView): MessageView {
  const title = `Import from ${SOURCES[view.source] ?? view.source}`;
  const file = `\`${plain(view.fileName, 80).replace(/`/g, "'")}\``;
  switch (view.state) {
    case "staging":
      return message({ embeds: [{ title, color: BRAND, description: `📥 Reading ${file}…` }] });
    case "matching":
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description: `🔎 Matching ${plural(view.titles, "title")} from ${file} with TMDB…\n${progressBar(view.titles === 0 ? 0 : view.matched / view.titles)} ${n(view.matched)} / ${n(view.titles)}`,
          },
        ],
      });
    case "preview":
      return previewMessage(view, title, file);
    case "applying":
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description: `⏳ Importing into your library…\n${progressBar(view.staged === 0 ? 1 : view.done / view.staged)} ${n(view.done)} / ${n(view.staged)}`,
          },
        ],
      });
    case "done": {
      const until = view.undoUntil !== undefined ? ` You can undo it until <t:${Math.floor(view.undoUntil / 1000)}:f>.` : "";
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description:
              view.changes === 0
                ? `✅ Imported ${file}: 0 changes — your library already had all of it.`
                : `✅ Imported ${file}: ${plural(view.changes, "title")} changed in your library.${until}\n\`/watch list\` shows them; \`/import undo\` takes it all back.`,
          },
        ],
        components:
          view.changes === 0
            ? []
            : rows(button({ customId: importUndoButton.encode({ run: view.runId }), label: "Undo this import", emoji: { name: "↩️" } })),
      });
    }
    case "undoing":
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description: `↩️ Undoing the import…\n${progressBar(view.staged === 0 ? 1 : view.done / view.staged)} ${n(view.done)} / ${n(view.staged)}`,
          },
        ],
      });
    case "undone":
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description:
              `↩️ Undone: your library is as it was before importing ${file}.` +
              (view.kept > 0 ? `\n${plural(view.kept, "title")} you changed here since kept your change.` : ""),
          },
        ],
      });
    case "cancelled":
      return message({ embeds: [{ title, color: BRAND, description: `Cancelled — nothing from ${file} was imported.` }] });
    case "failed":
      return message({
        embeds: [{ title, color: DANGER, description: `❌ ${view.error ?? "The import stopped."} Nothing more was imported.` }],
      });
  }
}

function previewMessage(view: ImportView, title: string, file: string): MessageView {
  const c = view.counts;
  const lines = [
    `From ${file}, matched: **${plural(c.shows, "show")}** (${plural(c.episodes, "episode")}), **${plural(c.movies, "movie")}**, ${n(c.watchlist)} on your watchlist, ${plural(c.ratings, "rating")}.`,
  ];
  if (c.ambiguous > 0) lines.push(`❓ **${n(c.ambiguous)} ambiguous** — choose below (left unchosen, they are skipped).`);
  if (c.skipped > 0) lines.push(`⏭️ ${n(c.skipped)} skipped.`);
  if (c.unmatched > 0) {
    const listed = view.unmatched.map((u) => `• ${named(u)}${u.ids ? ` — ${plain(u.ids, 60)}` : ""}`).join("\n");
    const more = c.unmatched > view.unmatched.length ? `\n…and ${n(c.unmatched - view.unmatched.length)} more (all in the CSV).` : "";
    lines.push(`⚠️ **${n(c.unmatched)} unmatched** (not imported):\n${listed}${more}`);
  }
  if (view.skippedRows > 0) lines.push(`${plural(view.skippedRows, "line")} of the file could not be read.`);
  lines.push("Nothing is written to your library until you press **Import**.");
  const selects = view.ambiguous.map((a) =>
    stringSelect({
      customId: importPickSelect.encode({ run: view.runId, index: a.index, page: view.page }),
      placeholder: `${a.mediaType === "tv" ? "📺" : "🎬"} ${a.title}${a.year !== undefined ? ` (${a.year})` : ""} — which one?`,
      options: [
        ...a.candidates.slice(0, 5).map((cand) => ({ label: named(cand), value: String(cand.tmdbId), description: `TMDB ${cand.tmdbId}` })),
        { label: "Skip it", value: "skip" },
      ],
    }),
  );
  const buttons = [
    button({ customId: importGoButton.encode({ run: view.runId }), label: "Import", style: ButtonStyle.Success }),
    button({ customId: importCancelButton.encode({ run: view.runId }), label: "Cancel", style: ButtonStyle.Secondary }),
    c.unmatched > 0 &&
      button({ customId: importUnmatchedButton.encode({ run: view.runId }), label: "Unmatched (CSV)", emoji: { name: "📄" } }),
    view.page > 0 && button({ customId: importPageButton.encode({ run: view.runId, page: view.page - 1 }), label: "◀ Previous" }),
    view.page < view.pages - 1 && button({ customId: importPageButton.encode({ run: view.runId, page: view.page + 1 }), label: "Next ▶" }),
  ];
  return message({
    embeds: [
      {
        title,
        color: BRAND,
        description: lines.join("\n"),
        ...(view.pages > 1 ? { footer: { text: `Ambiguous titles: page ${view.page + 1} of ${view.pages}` } } : {}),
      },
    ],
    components: [...rows(...selects), ...rows(...buttons)].slice(0, 5),
  });
}

/** A cell safe to open in a spreadsheet: quoted, and never read as a formula. */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The unmatched titles as CSV (title, year, type, ids). */
export function unmatchedCsv(items: readonly { title: string; year?: number; mediaType: string; ids: string }[]): string {
  return (
    ["title,year,type,ids", ...items.map((i) => [cell(i.title), i.year ?? "", i.mediaType, cell(i.ids)].join(","))].join("\r\n") + "\r\n"
  );
}

/** What the Import button on /account answers: how to bring a history in. */
export function importHowTo(): MessageView {
  return message({
    embeds: [
      {
        title: "Import your watch history",
        color: BRAND,
        description: [
          "Use `/import file` and attach your export:",
          "• **Film Fanatic** — the JSON from *Export my data* here (or the website's export)",
          "• **TV Time** — the ZIP from TV Time's data request",
          "• **Trakt** — the JSON export (Settings → Data)",
          "• **Letterboxd** — the ZIP or CSVs from Settings → Data",
          "• **IMDb** — the ratings or watchlist CSV",
          "You see a preview first; nothing is written until you press **Import**, and `/import undo` takes an import back for 24 hours.",
        ].join("\n"),
      },
    ],
  });
}
