// Reads /import's attachments in worker threads, for the Node doors (the gateway bot, `npm run
// serve`, the sandbox): unzipping, decoding, JSON.parse and the CSV parser are synchronous work of
// up to seconds for a large or hostile file, which on the shared event loop would make everyone
// else's interactions miss Discord's 3 s deadline. Each read gets a fresh worker with a heap cap and
// a deadline (the worker is terminated past either); at most `concurrency` run at once, a few more
// wait briefly, and the rest are told to try again in a minute. The interaction core gets this as
// ctx.importReader; without one (Convex's door: an action has its own isolate) it reads inline.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportSource } from "../../convex/lib/importEntry.ts";
import { ImportFileError, type ImportFileReader, type ImportRead, type ImportRefusal } from "./import/index.ts";
import type { MessageValues } from "../i18n/index.ts";

export interface ImportWorkerOptions {
  /** Reads running at once, process-wide. */
  concurrency?: number;
  /** Reads that may wait for a free worker; more are refused at once. */
  queue?: number;
  /** How long a read may wait for a free worker. */
  waitMs?: number;
  /** How long one read may take before its worker is terminated. */
  timeoutMs?: number;
  /** The worker's heap cap (V8's old generation). */
  maxOldGenerationSizeMb?: number;
}

export const IMPORT_WORKER_DEFAULTS = {
  concurrency: 2,
  queue: 4,
  waitMs: 20_000,
  timeoutMs: 30_000,
  maxOldGenerationSizeMb: 512,
} as const;

type Reply = { read: ImportRead } | { refused: { key: ImportRefusal; values: MessageValues } } | { failed: string };

const require = createRequire(import.meta.url);
const ENTRY = new URL("./import-worker-thread.ts", import.meta.url).href;
/** The worker's module is TypeScript, as the rest of the bot: the worker loads it through tsx. */
const BOOT = `import(${JSON.stringify(new URL("dist/esm/api/index.mjs", pathToFileURL(require.resolve("tsx/package.json"))).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(ENTRY)}));`;

export function nodeImportReader(options: ImportWorkerOptions = {}): ImportFileReader & { running: () => number } {
  const { concurrency, queue, waitMs, timeoutMs, maxOldGenerationSizeMb } = { ...IMPORT_WORKER_DEFAULTS, ...options };
  let running = 0;
  const waiting: (() => void)[] = [];

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return;
    }
    if (waiting.length >= queue) throw new ImportFileError("imports.refused.busy");
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(new ImportFileError("imports.refused.busy"));
      }, waitMs);
      waiting.push(go);
    });
    // The slot was handed over by release() (running stays counted).
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const readInWorker = (bytes: Uint8Array, fileName: string, source?: ImportSource) =>
    new Promise<ImportRead>((resolve, reject) => {
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: { bytes, fileName, source },
        resourceLimits: { maxOldGenerationSizeMb },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(new ImportFileError("imports.refused.tooSlow"))), timeoutMs);
      worker.once("message", (reply: Reply) =>
        settle(() => {
          if ("read" in reply) resolve(reply.read);
          else if ("refused" in reply) reject(new ImportFileError(reply.refused.key, reply.refused.values));
          else reject(new Error(`import reader failed: ${reply.failed}`));
        }),
      );
      worker.once("error", (error) =>
        // Out of its heap (ERR_WORKER_OUT_OF_MEMORY) is the file's fault; anything else is ours.
        settle(() =>
          reject((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? new ImportFileError("imports.refused.tooSlow") : error),
        ),
      );
      worker.once("exit", (code) => settle(() => reject(new Error(`import reader exited with code ${code}`))));
    });

  const reader = async (bytes: Uint8Array, fileName: string, source?: ImportSource): Promise<ImportRead> => {
    await slot();
    try {
      return await readInWorker(bytes, fileName, source);
    } finally {
      release();
    }
  };
  return Object.assign(reader, { running: () => running });
}
