// The mixed load (phase 3): every user acts, pauses 0.5–1.5 s, acts again, until `steps` actions
// were sent. With `--warm-load-steps N`, first N actions of it unmeasured (their CPU is reported as
// `botCpu.warmUpLoad`), then the measured load: for a bot that has served a while before it. (The
// profile suggested V8 was still compiling the hot path early in the load; a bot that had first
// served 2,400 interactions cost the same per interaction, so it is off by default — bench/README.md,
// "CPU per interaction — second pass".)
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
