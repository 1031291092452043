// /import's reader in a worker thread (src/lib/import-worker.ts): the bot's event loop keeps
// answering while a large export is read, refusals keep their catalogue key (so they are said in the
// person's language), and the process-wide limit, the deadline and the heap cap hold.
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { english } from "../../src/i18n/index.ts";
import { ImportFileError, readImportFile } from "../../src/lib/import/index.ts";
import { nodeImportReader } from "../../src/lib/import-worker.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** A Trakt history of `n` films (a real export's shape), gzipped. */
function traktHistory(n: number): Uint8Array {
  const items = Array.from(
    { length: n },
    (_, i) => `{"watched_at":"2021-01-01T00:00:00.000Z","type":"movie","movie":{"title":"Film ${i}","year":2000,"ids":{"tmdb":${i + 1}}}}`,
  );
  return gzipSync(text(`[${items.join(",")}]`));
}

/** The longest the event loop went without a turn while `work` ran. */
async function worstStall<T>(work: () => Promise<T>): Promise<{ result: T; worst: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, worst };
  } finally {
    clearInterval(timer);
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe("the import reader's worker threads", () => {
  it("reads a large export off the event loop, with the same result as reading inline", async () => {
    const file = traktHistory(80_000);
    const reader = nodeImportReader();
    const inWorker = await worstStall(() => reader(file, "history.json.gz"));
    expect(inWorker.result.source).toBe("trakt");
    expect(inWorker.result.entries).toHaveLength(80_000);
    // Inline, the same read holds the loop for the whole JSON.parse; in the worker the loop keeps turning.
    const inline = await worstStall(() => readImportFile(file, "history.json.gz"));
    expect(inline.result).toEqual(inWorker.result);
    expect(inWorker.worst).toBeLessThan(250);
    expect(inline.worst).toBeGreaterThan(inWorker.worst);
  }, 60_000);

  it("passes a refusal back with its catalogue key, so it is said in the person's language", async () => {
    const error = await refusal(nodeImportReader()(text(""), "empty.csv"));
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).key).toBe("imports.refused.empty");
    expect((error as ImportFileError).say(english)).toBe("That file is empty, so there is nothing to import.");
  }, 30_000);

  it("runs at most `concurrency` reads at once and tells the rest to try again", async () => {
    const reader = nodeImportReader({ concurrency: 1, queue: 1, waitMs: 20_000 });
    const file = traktHistory(20_000);
    const first = reader(file, "history.json.gz");
    const second = reader(file, "history.json.gz");
    const third = await refusal(reader(file, "history.json.gz"));
    expect((third as ImportFileError).key).toBe("imports.refused.busy");
    expect((third as ImportFileError).say(english)).toBe("⏳ Several imports are being read right now — try again in a minute.");
    expect(reader.running()).toBe(1);
    expect((await first).entries).toHaveLength(20_000);
    expect((await second).entries).toHaveLength(20_000);
    expect(reader.running()).toBe(0);
  }, 60_000);

  it("terminates a read past its deadline or its heap cap, and frees the slot", async () => {
    const slow = nodeImportReader({ timeoutMs: 1 });
    expect(((await refusal(slow(traktHistory(1_000), "history.json.gz"))) as ImportFileError).key).toBe("imports.refused.tooSlow");
    expect(slow.running()).toBe(0);
    const small = nodeImportReader({ maxOldGenerationSizeMb: 8 });
    expect(((await refusal(small(traktHistory(300_000), "history.json.gz"))) as ImportFileError).key).toBe("imports.refused.tooSlow");
    expect(small.running()).toBe(0);
  }, 60_000);
});
