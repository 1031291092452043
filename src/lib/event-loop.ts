import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Logger } from "./logger.ts";

/** A delay past this means some handler held the loop: every guild on this shard waited with it. */
export const EVENT_LOOP_WARN_MS = 200;
/**
 * How often the delay is sampled. A hold of H ms is measured as H − this at worst (the sample due
 * during it fires when it ends), so every hold past EVENT_LOOP_WARN_MS + this is logged, and most
 * holds past EVENT_LOOP_WARN_MS. The sampling timer wakes an idle bot each time — at 20 ms, 50 wakes
 * a second were most of an idle shard's CPU (bench/README.md, "CPU per interaction").
 */
export const EVENT_LOOP_SAMPLE_MS = 50;

export interface EventLoopWatch {
  /** Largest delay seen since the watch started, in milliseconds. */
  maxDelayMs(): number;
  stop(): void;
}

/**
 * Samples the event loop's delay (perf_hooks.monitorEventLoopDelay) and logs a warning
 * for each check interval whose worst delay went past `warnMs`.
 */
export function watchEventLoop(logger: Logger, options: { warnMs?: number; checkEveryMs?: number } = {}): EventLoopWatch {
  const warnMs = options.warnMs ?? EVENT_LOOP_WARN_MS;
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_SAMPLE_MS });
  histogram.enable();
  let worstMs = 0;
  const check = () => {
    const maxMs = histogram.max / 1e6;
    worstMs = Math.max(worstMs, maxMs);
    if (maxMs > warnMs) {
      logger.warn(
        { delayMs: Math.round(maxMs), p99Ms: Math.round(histogram.percentile(99) / 1e6), thresholdMs: warnMs },
        "event loop blocked",
      );
    }
    histogram.reset();
  };
  const timer = setInterval(check, options.checkEveryMs ?? 5_000);
  timer.unref();
  return {
    maxDelayMs: () => Math.max(worstMs, histogram.max / 1e6),
    stop() {
      clearInterval(timer);
      check();
      histogram.disable();
    },
  };
}
