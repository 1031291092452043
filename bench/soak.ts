// The soak (`--soak N`): N more interactions of the mixed workload from the same people at the same
// pacing, with the bot's memory (after a full garbage collection) read every so often, to show
// whether it stays flat or grows with the interactions it has served.
import { performance } from "node:perf_hooks";
import type { Actor } from "../sandbox/discord/index.ts";
import type { BotProcess, MemoryReport } from "./bot-process.ts";
import { outcomeCounts, type Recorder, type Sample } from "./recorder.ts";
import { runStep, sleep, thinkMs } from "./pacing.ts";
import { stepFor, type Act, type StepContext } from "./workload.ts";

export interface SoakOptions {
  bot: BotProcess;
  users: Actor[];
  recorder: Recorder;
  ctxFor: (act: Act) => StepContext;
  interactions: number;
  failures: string[];
  progress: (message: string) => void;
}

export async function soakPhase(o: SoakOptions) {
  const samples: Sample[] = [];
  const act = o.recorder.act(samples, false);
  const every = Math.max(1_000, Math.ceil(o.interactions / 4 / 1_000) * 1_000);
  const trail: ({ afterInteractions: number } & MemoryReport)[] = [];
  const started = performance.now();
  let next = 300_000;
  let done = false;
  // Reads the memory each time another `every` interactions were served.
  const watcher = (async () => {
    let checkpoint = every;
    while (!done) {
      await sleep(500);
      if (samples.length >= checkpoint && samples.length < o.interactions) {
        trail.push({ afterInteractions: samples.length, ...(await o.bot.memory()) });
        o.progress(
          `soak: ${samples.length} of ${o.interactions} interactions, bot heap ${trail.at(-1)!.heapUsedMb} MB, RSS ${trail.at(-1)!.rssMb} MB`,
        );
        checkpoint += every;
      }
    }
  })();
  await Promise.all(
    o.users.map(async (actor) => {
      while (samples.length < o.interactions) {
        const n = next++;
        await sleep(thinkMs(n));
        await runStep(stepFor(n), o.ctxFor(act), actor, n, o.failures);
      }
    }),
  );
  done = true;
  await watcher;
  // Let the last replies' follow-up work finish, as at the end of the load phase.
  await sleep(500);
  const after = await o.bot.memory();
  trail.push({ afterInteractions: samples.length, ...after });
  o.progress(
    `soak: ${samples.length} interactions in ${Math.round((performance.now() - started) / 1000)} s, bot heap ${after.heapUsedMb} MB, RSS ${after.rssMb} MB`,
  );
  return {
    interactions: samples.length,
    durationMs: Math.round(performance.now() - started),
    outcomes: outcomeCounts(samples),
    memory: after,
    trail,
  };
}
