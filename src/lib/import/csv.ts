// RFC 4180 CSV, read a few thousand rows at a time with a turn of the event loop between (the
// reader runs inside an interaction handler). Written here rather than taken from papaparse, whose
// package reaches for Node's `stream` module, which Convex's runtime doesn't have. Cells are plain
// text: a cell like `=HYPERLINK(…)` is a title that happens to start with "=", never evaluated.
import { IMPORT_LIMITS, ImportFileError } from "./limits.ts";
import { nextTurn } from "../next-turn.ts";

/** Rows shared across one file's parts, so the row cap counts the whole file. */
export interface RowBudget {
  rows: number;
}

export function tooManyRows(): ImportFileError {
  return new ImportFileError("imports.refused.tooManyRows", { max: IMPORT_LIMITS.maxRows });
}

/** Every record of `text`, the header included, as arrays of cells. */
export async function parseCsv(text: string, budget: RowBudget): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let sinceYield = 0;
  let yieldedAt = 0;
  const { maxCellsPerRow, maxCellChars } = IMPORT_LIMITS;
  const endCell = () => {
    if (cell.length > maxCellChars) throw new ImportFileError("imports.refused.longCell", { row: rows.length + 1, max: maxCellChars });
    row.push(cell);
    cell = "";
    if (row.length > maxCellsPerRow) throw new ImportFileError("imports.refused.wideRow", { row: rows.length + 1, max: maxCellsPerRow });
  };
  const endRow = async () => {
    endCell();
    cell = "";
    // A blank line is no record.
    if (!(row.length === 1 && row[0] === "")) {
      rows.push(row);
      if (rows.length > 1 && ++budget.rows > IMPORT_LIMITS.maxRows) throw tooManyRows();
      if (++sinceYield >= 2_000) {
        sinceYield = 0;
        await nextTurn();
      }
    }
    row = [];
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // A turn of the event loop every 256K characters too, however long the rows are.
    if (i - yieldedAt > 262_144) {
      yieldedAt = i;
      await nextTurn();
    }
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        // Copy the run up to the next quote at once.
        const next = text.indexOf('"', i);
        const stop = Math.min(next < 0 ? n : next, i + maxCellChars + 1);
        cell += text.slice(i, stop);
        if (cell.length > maxCellChars) endCell();
        i = stop - 1;
      }
    } else if (c === 44) {
      endCell();
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      await endRow();
    } else if (c === 34 && cell === "") {
      quoted = true;
    } else {
      let stop = i + 1;
      while (stop < n) {
        const d = text.charCodeAt(stop);
        if (d === 44 || d === 10 || d === 13) break;
        stop++;
      }
      cell += text.slice(i, stop);
      if (cell.length > maxCellChars) endCell();
      i = stop - 1;
    }
  }
  if (cell !== "" || row.length > 0) await endRow();
  return rows;
}

/** Header names as keys, compared without case, spaces, dashes or underscores. */
export const headerKey = (name: string) => name.toLowerCase().replace(/[\s_\-()?]/g, "");

/** A CSV as header → column index, and its data rows with their line numbers (1-based, header = 1). */
export interface Table {
  columns: Map<string, number>;
  rows: string[][];
}

export function table(records: string[][]): Table {
  const [header = [], ...rows] = records;
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (!columns.has(key)) columns.set(key, i);
  });
  return { columns, rows };
}

/** The first of `names` the table has, as a reader of its rows. */
export function column(t: Table, ...names: string[]): ((row: string[]) => string) | null {
  for (const name of names) {
    const at = t.columns.get(headerKey(name));
    if (at !== undefined) return (row) => (row[at] ?? "").trim();
  }
  return null;
}

/** Calls `read` for each data row, with a turn of the event loop every 2,000 rows. */
export async function eachRow(rows: string[][], read: (row: string[], index: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    read(rows[i]!, i);
    if (i % 2_000 === 1_999) await nextTurn();
  }
}
