// Import figures (issue 22): a generated TV Time export (test/support/tvtime-generator.ts) goes
// through /import as a person sends it — attached to the command, read by the bot, staged, matched
// and applied by Convex's scheduled jobs — on the in-process stack (real bot, local Discord,
// embedded Convex, the sandbox TMDB server with its injected delay). Imports are Convex jobs on the
// sandbox clock, so, like the party board and reminders phases, this runs in-process and moves
// that clock; the seconds are wall seconds of the whole pipeline (the engine's own time included,
// which is slower than a deployment's). TMDB requests are counted at the TMDB server. The
// generated shows get a catalog of their own (a copy of data/tmdb/ with one show per generated
// TVDB id), so every show matches through TMDB's /find as a real export's would.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { stackHooks } from "../sandbox/hooks.ts";
import { parseScript, runScript } from "../sandbox/script.ts";
import { startStack, type Stack } from "../sandbox/stack.ts";
import { generateTvTimeExport } from "../test/support/tvtime-generator.ts";
import { runAloneWhenMain } from "./recorder.ts";

export interface ImportBenchOptions {
  /** Watched episodes in the generated export (default 20,000). */
  episodes?: number;
  /** Shows they are spread over (default 300). */
  shows?: number;
  /** ms added to every TMDB request (default 80, as the rest of the bench). */
  tmdbLatencyMs?: number;
  /** Give up after this long per import (default 15 minutes). */
  timeoutMs?: number;
}

/** One /import of the file, from the command to the finished result. */
export interface ImportPass {
  /** /import → the preview (the file read, staged and every title matched). */
  previewSeconds: number;
  /** Import pressed → done. */
  applySeconds: number;
  /** previewSeconds + applySeconds: /import → done, less the wait for the preview's throttled edit. */
  totalSeconds: number;
  /** TMDB requests the whole import made (counted at the TMDB server). */
  tmdbRequests: number;
  /** What the finished import reported. */
  changes: number;
}

export interface ImportBenchFigures {
  note: string;
  shows: number;
  episodes: number;
  /** Rows the import counted in the file (CSV rows, headers excluded): the followed shows and the seen episodes. */
  rows: number;
  /** `rows` / the first import's total seconds. */
  rowsPerSecond: number;
  /** The first import's TMDB requests per distinct show in the file (≤ 1: each show looked up once). */
  tmdbLookupsPerShow: number;
  /** The same file imported again: every lookup is cached, nothing changes. */
  secondRunTmdbRequests: number;
  first: ImportPass;
  second: ImportPass;
  tmdbLatencyMs: number;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const GUILD = "Imports";
const CHANNEL = "#bench";
const USER = "importer";
/** Far from the catalog's real TVDB ids (tvtime-generator.ts's default). */
const FIRST_TVDB = 800_000_001;
const FIRST_TMDB = 5_000_001;

/** data/tmdb/ copied, with a show for each generated TVDB id (Breaking Bad's details, renamed). */
function generatedCatalog(shows: number): string {
  const dir = mkdtempSync(join(tmpdir(), "import-bench-tmdb-"));
  cpSync(join(ROOT, "data/tmdb"), dir, { recursive: true });
  const template = JSON.parse(readFileSync(join(dir, "tv/1396.json"), "utf8")) as Record<string, unknown>;
  const external = JSON.parse(readFileSync(join(dir, "external-ids.json"), "utf8")) as { tv: Record<string, unknown> };
  for (let i = 0; i < shows; i++) {
    const id = FIRST_TMDB + i;
    const name = `Generated Show ${i + 1}`;
    writeFileSync(join(dir, `tv/${id}.json`), JSON.stringify({ ...template, id, name, original_name: name }));
    external.tv[String(id)] = { tvdb_id: FIRST_TVDB + i };
  }
  writeFileSync(join(dir, "external-ids.json"), JSON.stringify(external));
  return dir;
}

interface RunRow {
  _id: string;
  state: string;
  rows: number;
  changes: number;
  matched: number;
  titles: number;
  done: number;
  staged: number;
  counts: { shows: number; episodes: number; unmatched: number; ambiguous: number };
  createdAt: number;
}

async function newestRun(stack: Stack): Promise<RunRow | undefined> {
  const discordId = stack.discord.user(USER).id;
  const runs = (await stack.engine.run(
    async (t) => await t.run(async (ctx) => await ctx.db.query("import_runs").collect()),
  )) as unknown as (RunRow & { discordUserId: string })[];
  return runs.filter((r) => r.discordUserId === discordId).sort((a, b) => b.createdAt - a.createdAt)[0];
}

async function until(stack: Stack, deadline: number, done: (run: RunRow | undefined) => boolean, what: string): Promise<RunRow> {
  let said = "";
  for (;;) {
    const run = await newestRun(stack);
    const now = run ? `${run.state} ${run.matched}/${run.titles} matched, ${run.done}/${run.staged} applied` : "";
    if (now !== said) process.stderr.write(`import bench: ${(said = now)}\n`);
    if (run && done(run)) return run;
    if (run && (run.state === "failed" || run.state === "cancelled")) throw new Error(`the import ${run.state} while ${what}`);
    if (Date.now() > deadline) throw new Error(`the import did not finish ${what} in time (state ${run?.state ?? "none"})`);
    // The scheduled pages run as the sandbox clock moves; it moves slower than real time here, so
    // the deployment's calls to the local Discord (timed on that clock) get their real time to answer.
    await sleep(20);
    await stack.engine.wait(5);
  }
}

async function importOnce(stack: Stack, file: string, timeoutMs: number, previous?: string): Promise<{ pass: ImportPass; run: RunRow }> {
  const deadline = Date.now() + timeoutMs;
  const requestsBefore = stack.tmdb.requests;
  const script = (body: string) => parseScript(`as ${USER}\nin ${GUILD} ${CHANNEL}\n${body}`);
  const started = performance.now();
  await runScript(script(`attach ${file}\n/import file`), stack.discord, stackHooks(stack), () => {});
  const preview = await until(stack, deadline, (r) => r !== undefined && r._id !== previous && r.state === "preview", "matching");
  const previewAt = performance.now();
  // The preview reaches the reply by a scheduled edit (at most one every 2 s of the sandbox clock):
  // Import is pressed once it shows; that wait is neither matching nor applying, so not counted.
  let pressedAt: number;
  for (;;) {
    const attemptAt = performance.now();
    try {
      await runScript(script(`click "Import"`), stack.discord, stackHooks(stack), () => {});
      pressedAt = attemptAt;
      break;
    } catch (error) {
      if (!/no button "Import"/.test(String(error)) || Date.now() > deadline) throw error;
      await sleep(20);
      await stack.engine.wait(100);
    }
  }
  const done = await until(stack, deadline, (r) => r?._id === preview._id && r.state === "done", "applying");
  const finished = performance.now();
  return {
    run: done,
    pass: {
      previewSeconds: round((previewAt - started) / 1000),
      applySeconds: round((finished - pressedAt) / 1000),
      totalSeconds: round((previewAt - started + finished - pressedAt) / 1000),
      tmdbRequests: stack.tmdb.requests - requestsBefore,
      changes: done.changes,
    },
  };
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchFigures> {
  const shows = options.shows ?? 300;
  const episodes = options.episodes ?? 20_000;
  const tmdbLatencyMs = options.tmdbLatencyMs ?? 80;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const catalog = generatedCatalog(shows);
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  const file = join(dir, "tvtime-export.zip");
  const generated = generateTvTimeExport({
    shows,
    episodes,
    tvdbIds: Array.from({ length: shows }, (_, i) => FIRST_TVDB + i),
  });
  writeFileSync(file, generated.zip);
  const stack = await startStack({ logLevel: "silent", tmdbDataDir: catalog, indexedStore: true });
  try {
    stack.discord.guild(GUILD);
    stack.discord.channel(GUILD, CHANNEL);
    stack.tmdb.setFaults({ delayMs: tmdbLatencyMs });
    const first = await importOnce(stack, file, timeoutMs);
    if (first.run.counts.shows !== shows || first.run.counts.unmatched !== 0) {
      throw new Error(`the bench's shows did not all match: ${JSON.stringify(first.run.counts)}`);
    }
    const second = await importOnce(stack, file, timeoutMs, first.run._id);
    return {
      note: "in-process stack: /import of a generated TV Time export → preview → Import → done, wall seconds; TMDB requests counted at the TMDB server",
      shows,
      episodes,
      rows: first.run.rows,
      rowsPerSecond: Math.round(first.run.rows / first.pass.totalSeconds),
      tmdbLookupsPerShow: round(first.pass.tmdbRequests / shows, 3),
      secondRunTmdbRequests: second.pass.tmdbRequests,
      first: first.pass,
      second: second.pass,
      tmdbLatencyMs,
    };
  } finally {
    await stack.stop();
    rmSync(catalog, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/import.ts [episodes] [shows]` runs this phase alone.
runAloneWhenMain(import.meta.url, () =>
  runImportBench({
    episodes: process.argv[2] ? Number(process.argv[2]) : undefined,
    shows: process.argv[3] ? Number(process.argv[3]) : undefined,
  }),
);
