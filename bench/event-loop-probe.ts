// Loaded into the bot's process with `--import` (see bot-process.ts): measures the bot's
// event-loop delay with perf_hooks and answers the benchmark over the IPC channel. The bot's
// own code is not changed for the benchmark.
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;

if (process.send) {
  process.on("message", (message: unknown) => {
    if (message === "event-loop:reset") histogram.reset();
    if (message === "event-loop:report") {
      process.send!({
        t: "event-loop",
        maxMs: ms(histogram.max),
        p99Ms: ms(histogram.percentile(99)),
        meanMs: ms(histogram.mean),
        rssMb: Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10,
      });
    }
  });
  // The IPC channel must not keep the bot alive on its own.
  process.channel?.unref();
}
