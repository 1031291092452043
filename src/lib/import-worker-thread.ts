// The worker thread behind src/lib/import-worker.ts: reads one attached export (readImportFile) off
// the bot's event loop and posts back the read, or the refusal's catalogue key and values.
import { parentPort, workerData } from "node:worker_threads";
import type { ImportSource } from "../../convex/lib/importEntry.ts";
import { ImportFileError, readImportFile } from "./import/index.ts";

const { bytes, fileName, source } = workerData as { bytes: Uint8Array; fileName: string; source?: ImportSource };
try {
  parentPort!.postMessage({ read: await readImportFile(bytes, fileName, source) });
} catch (error) {
  if (error instanceof ImportFileError) parentPort!.postMessage({ refused: { key: error.key, values: error.values } });
  else parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
