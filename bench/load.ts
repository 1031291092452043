// The mixed load (phase 3): every user acts, pauses 0.5–1.5 s, acts again, until `steps` actions
// were sent. Run twice: first unmeasured as the warm-up load, then measured. The warm-up is what a
// bot that has been up for a minute has behind it: V8 compiles the hot path only after it has run
// a while — in the first ~20 s of load the bot's worker threads spent 9–13 ms a second compiling and
// its main thread ran code not yet optimised, about a quarter more CPU per interaction than a
// minute later (bench/README.md, "CPU per interaction"). That is a one-off cost at start, not a
// cost per interaction, so the measured load follows the warm-up; the warm-up's own figure is
// reported beside it (`botCpu.warmUpLoad`).
import { performance } from "node:perf_hooks";
import type { Actor } from "../sandbox/discord/index.ts";
import type { BotProcess } from "./bot-process.ts";
import type { Recorder, Sample } from "./recorder.ts";
import { runStep, sleep, thinkMs } from "./pacing.ts";
import { stepFor, type Act, type StepContext } from "./workload.ts";

export interface LoadOptions {
  bot: BotProcess;
  users: Actor[];
  recorder: Recorder;
  ctxFor: (act: Act) => StepContext;
  steps: number;
  /** The number of the first action (its step, pause and show follow from it). */
  firstAction: number;
  failures: string[];
}

/** The mixed load; the bot's CPU time over it as read (the bench's event-loop measurement included). */
export async function mixedLoad(o: LoadOptions): Promise<{ samples: Sample[]; cpuMs: number; durationMs: number; source: string }> {
  const samples: Sample[] = [];
  const act = o.recorder.act(samples, false);
  const cpuBefore = await o.bot.cpu();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    o.users.map(async (actor) => {
      for (;;) {
        const k = next++;
        if (k >= o.steps) return;
        const n = o.firstAction + k;
        await sleep(thinkMs(n));
        await runStep(stepFor(n), o.ctxFor(act), actor, n, o.failures);
      }
    }),
  );
  const durationMs = performance.now() - started;
  const cpuAfter = await o.bot.cpu();
  return { samples, cpuMs: cpuAfter.ms - cpuBefore.ms, durationMs, source: cpuAfter.source };
}
