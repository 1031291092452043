// The bench's secondary phases, after the bot process and its world are stopped: each runs the
// in-process stack (convex-test, the sandbox clock), so their figures are about the work Convex
// does (documents, edits, jobs), not capacity.
import { runImportBench } from "./import.ts";
import { inProcessTable } from "./in-process.ts";
import type { options } from "./options.ts";
import { partyBoardFigures } from "./party.ts";
import { reminderFigures } from "./reminders.ts";
import type { StepContext } from "./workload.ts";

export async function secondaryPhases(opts: ReturnType<typeof options>, shows: StepContext["shows"], progress: (message: string) => void) {
  // The in-process sandbox (one process, convex-test, no network). Not capacity.
  const inProcess =
    opts.inProcessSteps > 0 ? await inProcessTable(opts.inProcessSteps, Math.min(opts.users, 50), shows, opts.keystrokeMs) : null;
  // Issue 9's party board figures: edits per 100 marks, seconds to a correct board, documents per refresh.
  const partyBoard = opts.partyBoard ? await partyBoardFigures() : null;
  if (partyBoard)
    progress(
      `party board: ${partyBoard.burst.boardEditsPer100Marks} board edits for 100 marks, correct ${partyBoard.burst.secondsFromLastMarkToCorrectBoard} s after the last`,
    );
  // Issue 12's reminder figures: documents read per reminder DM sent.
  const reminders = opts.reminders ? await reminderFigures() : null;
  if (reminders)
    progress(`reminders: ${reminders.dmsSent} DMs, ${reminders.documentsReadPerReminderSent} documents read per reminder sent`);
  // Issue 22: a generated TV Time history through /import — rows per second, TMDB lookups per show.
  const imports =
    opts.importEpisodes > 0 ? await runImportBench({ episodes: opts.importEpisodes, tmdbLatencyMs: opts.tmdbLatencyMs }) : null;
  if (imports) progress(`imports: ${imports.rowsPerSecond} rows/s, ${imports.tmdbLookupsPerShow} TMDB lookups per show`);
  return { inProcess, partyBoard, reminders, imports };
}
