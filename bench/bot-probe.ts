// Loaded into the bot's process with `--import` (see bot-process.ts): answers the benchmark over
// the IPC channel with what can only be read from inside — the event-loop delay (perf_hooks), the
// CPU time and memory (process.cpuUsage, process.memoryUsage, the heap after a full collection) —
// and runs the V8 CPU profiler for a phase when asked (`--profile`). The bot's own code is not
// changed for the benchmark.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

// A full collection before reading the heap, so garbage not yet collected doesn't read as growth.
// `--expose-gc` set at run time gives a fresh context the `gc` function; the bot's own global is untouched.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

export interface MemoryReport {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export type ProbeRequest =
  { t: "usage"; collect: boolean } | { t: "profile:start"; intervalUs: number } | { t: "profile:stop"; file: string };

let session: Session | null = null;

async function answer(request: ProbeRequest): Promise<unknown> {
  switch (request.t) {
    case "usage": {
      // CPU first: the collection below is the probe's work, not the bot's.
      const cpu = process.cpuUsage();
      if (request.collect) collectGarbage();
      const memory = process.memoryUsage();
      const report: MemoryReport = {
        rssMb: mb(memory.rss),
        heapUsedMb: mb(memory.heapUsed),
        heapTotalMb: mb(memory.heapTotal),
        externalMb: mb(memory.external),
      };
      return { t: "usage", cpuUserUs: cpu.user, cpuSystemUs: cpu.system, memory: report };
    }
    case "profile:start": {
      session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: request.intervalUs });
      await session.post("Profiler.start");
      return { t: "profile:started" };
    }
    case "profile:stop": {
      if (!session) throw new Error("the profiler was not started");
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      session = null;
      await writeFile(request.file, JSON.stringify(profile));
      return { t: "profile:stopped", file: request.file };
    }
  }
}

if (process.send) {
  process.on("message", (message: unknown) => {
    if (message === "event-loop:reset") histogram.reset();
    // The histogram's timer wakes the process every 10 ms (≈ 4 ms of CPU a second): paused while
    // only the bot's CPU time is measured.
    if (message === "event-loop:pause") histogram.disable();
    if (message === "event-loop:resume") histogram.enable();
    if (message === "event-loop:report") {
      process.send!({
        t: "event-loop",
        maxMs: ms(histogram.max),
        p99Ms: ms(histogram.percentile(99)),
        meanMs: ms(histogram.mean),
        rssMb: Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10,
      });
    }
    if (typeof message === "object" && message !== null && "t" in message) {
      answer(message as ProbeRequest).then(
        (reply) => process.send!(reply),
        (error: unknown) => process.send!({ t: "probe-error", message: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  // The IPC channel must not keep the bot alive on its own.
  process.channel?.unref();
}
