// The bench's last, secondary table: the old in-process sandbox (bot, local Discord and
// convex-test in one process, no network). It is NOT capacity; kept to compare with earlier runs.

import { performance } from "node:perf_hooks";
import { startStack } from "../sandbox/stack.ts";
import type { Actor } from "../sandbox/discord/index.ts";
import { CHANNELS, GUILD, runStep, sleep, thinkMs } from "./pacing.ts";
import { latencySummary, outcomeCounts, Recorder, round, type Sample } from "./recorder.ts";
import { stepFor, WARM_SHOWS, type StepContext } from "./workload.ts";

/** The old in-process sandbox: bot, local Discord and convex-test share one process, zero network. */
export async function inProcessTable(steps: number, userCount: number, shows: StepContext["shows"], keystrokeMs: number) {
  const stack = await startStack({ logLevel: "silent" });
  const { discord } = stack;
  const actors: Actor[] = Array.from({ length: userCount }, (_, i) => ({
    user: `inproc${i + 1}`,
    guild: GUILD,
    channel: CHANNELS[i % CHANNELS.length]!,
  }));
  const recorder = new Recorder(discord, {
    convexCalls: () => 0,
    tmdbCalls: () => stack.tmdb.requests,
    observe: (o) => stack.engine.observe(o),
  });
  const failures: string[] = [];
  const warmupAct = recorder.act([], false);
  for (const id of WARM_SHOWS) await warmupAct("warm-up", () => discord.runCommand(actors[0]!, "watch info", { title: `tv:${id}` }));
  const samples: Sample[] = [];
  const act = recorder.act(samples, false);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    actors.map(async (actor) => {
      for (;;) {
        const n = next++;
        if (n >= steps) return;
        await sleep(thinkMs(n));
        await runStep(stepFor(n), { discord, act, shows, keystrokeMs }, actor, n, failures);
      }
    }),
  );
  const ms = performance.now() - started;
  recorder.close();
  await stack.stop();
  return {
    note: "NOT capacity: the bot, the local Discord and convex-test (which scans whole tables on indexed queries) share one process with no network; kept only to compare with earlier runs",
    users: userCount,
    interactions: samples.length,
    interactionsPerSecond: round((samples.length / ms) * 1000),
    ...latencySummary(samples),
    outcomes: outcomeCounts(samples),
    stepFailures: failures.length,
  };
}
