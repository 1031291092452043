import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { watchEventLoop } from "../../src/lib/event-loop.ts";
import { createLogger } from "../../src/lib/logger.ts";

describe("the event-loop watch", () => {
  it("logs a warning naming the delay when something holds the loop past the threshold", async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const watch = watchEventLoop(createLogger({ level: "warn", destination }), { warnMs: 200, checkEveryMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const until = Date.now() + 350;
    while (Date.now() < until) {
      // a handler that never yields
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.stop();
    const warning = lines.find((line) => line.msg === "event loop blocked");
    expect(warning).toMatchObject({ level: 40, thresholdMs: 200 });
    expect(warning!.delayMs as number).toBeGreaterThan(200);
    expect(watch.maxDelayMs()).toBeGreaterThan(200);
  });
});
