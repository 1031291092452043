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
import { english, type Translator } from "../i18n/index.ts";
import { button, ButtonStyle, rows, stringSelect } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { inertForSpreadsheets, plain, progressBar } from "./text.ts";
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
const named = (t: { title: string; year?: number }) => `${plain(t.title, 120)}${t.year !== undefined ? ` (${t.year})` : ""}`;

/** The reply for an import in any state, in the reader's language (Convex passes the person's remembered one). */
export function importMessage(view: ImportView, t: Translator = english): MessageView {
  const title = t("imports.title", { source: SOURCES[view.source] ?? view.source });
  const file = `\`${plain(view.fileName, 80).replace(/`/g, "'")}\``;
  const bar = (done: number, of: number, empty: number) =>
    `${progressBar(of === 0 ? empty : done / of)} ${t.number(done)} / ${t.number(of)}`;
  const embed = (description: string, color = BRAND) => message({ embeds: [{ title, color, description }] });
  switch (view.state) {
    case "staging":
      return embed(t("imports.staging", { file }));
    case "matching":
      return embed(`${t("imports.matching", { titles: view.titles, file })}\n${bar(view.matched, view.titles, 0)}`);
    case "preview":
      return previewMessage(view, title, file, t);
    case "applying":
      return embed(`${t("imports.applying")}\n${bar(view.done, view.staged, 1)}`);
    case "done": {
      if (view.changes === 0) return embed(t("imports.done.nothing", { file }));
      const until =
        view.undoUntil !== undefined ? ` ${t("imports.done.until", { when: `<t:${Math.floor(view.undoUntil / 1000)}:f>` })}` : "";
      return message({
        embeds: [
          {
            title,
            color: BRAND,
            description: `${t("imports.done.changed", { file, changes: view.changes })}${until}\n${t("imports.done.next")}`,
          },
        ],
        components: rows(
          button({ customId: importUndoButton.encode({ run: view.runId }), label: t("imports.button.undo"), emoji: { name: "↩️" } }),
        ),
      });
    }
    case "undoing":
      return embed(`${t("imports.undoing")}\n${bar(view.done, view.staged, 1)}`);
    case "undone":
      return embed(t("imports.undone", { file }) + (view.kept > 0 ? `\n${t("imports.undone.kept", { kept: view.kept })}` : ""));
    case "cancelled":
      return embed(t("imports.cancelled", { file }));
    case "failed":
      return embed(t("imports.failed", { error: view.error ?? t("imports.failed.stopped") }), DANGER);
  }
}

function previewMessage(view: ImportView, title: string, file: string, t: Translator): MessageView {
  const c = view.counts;
  const lines = [
    t("imports.preview.matched", {
      file,
      shows: c.shows,
      episodes: c.episodes,
      movies: c.movies,
      watchlist: c.watchlist,
      ratings: c.ratings,
    }),
  ];
  if (c.ambiguous > 0) lines.push(t("imports.preview.ambiguous", { count: c.ambiguous }));
  if (c.skipped > 0) lines.push(t("imports.preview.skipped", { count: c.skipped }));
  if (c.unmatched > 0) {
    const listed = view.unmatched.map((u) => `• ${named(u)}${u.ids ? ` — ${plain(u.ids, 60)}` : ""}`).join("\n");
    const more =
      c.unmatched > view.unmatched.length ? `\n${t("imports.preview.more", { count: c.unmatched - view.unmatched.length })}` : "";
    lines.push(`${t("imports.preview.unmatched", { count: c.unmatched })}\n${listed}${more}`);
  }
  if (view.skippedRows > 0) lines.push(t("imports.preview.unreadable", { count: view.skippedRows }));
  lines.push(t("imports.preview.nothingYet"));
  const selects = view.ambiguous.map((a) =>
    stringSelect({
      customId: importPickSelect.encode({ run: view.runId, index: a.index, page: view.page }),
      placeholder: t("imports.pick.placeholder", {
        mediaType: a.mediaType,
        title: `${a.title.slice(0, 100)}${a.year !== undefined ? ` (${a.year})` : ""}`,
      }).slice(0, 150),
      options: [
        ...a.candidates.slice(0, 5).map((cand) => ({ label: named(cand), value: String(cand.tmdbId), description: `TMDB ${cand.tmdbId}` })),
        { label: t("imports.menu.skip"), value: "skip" },
      ],
    }),
  );
  const buttons = [
    button({ customId: importGoButton.encode({ run: view.runId }), label: t("imports.button.import"), style: ButtonStyle.Success }),
    button({ customId: importCancelButton.encode({ run: view.runId }), label: t("imports.button.cancel"), style: ButtonStyle.Secondary }),
    c.unmatched > 0 &&
      button({ customId: importUnmatchedButton.encode({ run: view.runId }), label: t("imports.button.unmatched"), emoji: { name: "📄" } }),
    view.page > 0 &&
      button({ customId: importPageButton.encode({ run: view.runId, page: view.page - 1 }), label: t("imports.button.previous") }),
    view.page < view.pages - 1 &&
      button({ customId: importPageButton.encode({ run: view.runId, page: view.page + 1 }), label: t("imports.button.next") }),
  ];
  return message({
    embeds: [
      {
        title,
        color: BRAND,
        description: lines.join("\n"),
        ...(view.pages > 1 ? { footer: { text: t("imports.preview.page", { page: view.page + 1, pages: view.pages }) } } : {}),
      },
    ],
    components: [...rows(...selects), ...rows(...buttons)].slice(0, 5),
  });
}

/** A cell safe to open in a spreadsheet: quoted, and never read as a formula. */
function cell(text: string): string {
  return `"${inertForSpreadsheets(text).replace(/"/g, '""')}"`;
}

/** The unmatched titles as CSV (title, year, type, ids). */
export function unmatchedCsv(items: readonly { title: string; year?: number; mediaType: string; ids: string }[]): string {
  return (
    ["title,year,type,ids", ...items.map((i) => [cell(i.title), i.year ?? "", i.mediaType, cell(i.ids)].join(","))].join("\r\n") + "\r\n"
  );
}

/** What the Import button on /account answers: how to bring a history in. */
export function importHowTo(t: Translator = english): MessageView {
  return message({
    embeds: [
      {
        title: t("imports.howTo.title"),
        color: BRAND,
        description: t("imports.howTo.description", { exportButton: t("account.button.export") }),
      },
    ],
  });
}
