// The bench's verdicts (issue 8's and issue 27's "Done when"), judged from what run.ts measured.

import { round } from "./recorder.ts";

/** Above this (p99 harness event-loop delay, or engine time per call) the harness's own lag shows up in the bot's latencies. */
const HARNESS_P99_LIMIT_MS = 25;

/** Issue 8's targets. */
export const TARGETS = { warmConvexCalls: 1, warmTmdbCalls: 0, ackP50Ms: 45, ackP99Ms: 120, newShowConvexCalls: 2, newShowTmdbCalls: 3 };
/** Issue 27's goal: the bot process's CPU time per interaction, overall, under the load at 50 users. */
export const CPU_TARGET_MS_PER_INTERACTION = 1;

export function targetsOf(a: {
  convexMisses: unknown[];
  tmdbMisses: unknown[];
  ackMs: { p50: number | null; p99: number | null };
  newShowConvexMisses: unknown[];
  newShowTmdbMisses: unknown[];
  coldShows: number;
  cpuOverall: number | null;
  users: number;
  profiled: boolean;
}) {
  return {
    warmOneConvexCallPerCommand: {
      target: "every warm command type (and button) makes exactly 1 Convex call; autocomplete at most 1",
      pass: a.convexMisses.length === 0,
      misses: a.convexMisses,
    },
    warmNoTmdbCalls: { target: "every warm interaction type makes 0 TMDB calls", pass: a.tmdbMisses.length === 0, misses: a.tmdbMisses },
    ackP50: {
      target: `ack p50 ≤ ${TARGETS.ackP50Ms} ms under load (commands and clicks)`,
      actualMs: a.ackMs.p50,
      pass: a.ackMs.p50 !== null && a.ackMs.p50 <= TARGETS.ackP50Ms,
    },
    ackP99: {
      target: `ack p99 ≤ ${TARGETS.ackP99Ms} ms under load (commands and clicks)`,
      actualMs: a.ackMs.p99,
      pass: a.ackMs.p99 !== null && a.ackMs.p99 <= TARGETS.ackP99Ms,
    },
    newShowConvexCalls: {
      target: `a show Convex hasn't seen costs ≤ ${TARGETS.newShowConvexCalls} Convex calls (One Piece included)`,
      pass: a.newShowConvexMisses.length === 0 && a.coldShows > 0,
      misses: a.newShowConvexMisses,
    },
    botCpuPerInteraction: {
      target: `the bot process spends ≤ ${CPU_TARGET_MS_PER_INTERACTION} ms of CPU per interaction overall, under the load at 50 users (gateway)`,
      actualMs: a.cpuOverall,
      users: a.users,
      pass: a.users === 50 && !a.profiled && a.cpuOverall !== null && a.cpuOverall <= CPU_TARGET_MS_PER_INTERACTION,
      ...(a.users !== 50 || a.profiled
        ? { note: a.profiled ? "not judged: the profiler ran (--profile)" : "not judged: the target is for --users 50" }
        : {}),
    },
    newShowTmdbCalls: {
      target: `a show Convex hasn't seen costs ≤ ${TARGETS.newShowTmdbCalls} TMDB calls (One Piece included)`,
      pass: a.newShowTmdbMisses.length === 0 && a.coldShows > 0,
      misses: a.newShowTmdbMisses,
    },
  };
}

/** Whether the latency figures are the bot's: the machine and the harness must have kept up. */
export function latencyConditionsOf(a: {
  harnessP99: number;
  engineP99: number;
  convexLatencyMode: string;
  convexLatencyMs: number;
  loadAtStart: number;
  cpus: number;
}) {
  const distortions = [
    ...(a.harnessP99 > HARNESS_P99_LIMIT_MS
      ? [
          `the harness's event loop lagged (p99 ${a.harnessP99} ms > ${HARNESS_P99_LIMIT_MS} ms): the local Discord answered late, not the bot`,
        ]
      : []),
    ...(a.engineP99 > HARNESS_P99_LIMIT_MS
      ? [
          a.convexLatencyMode === "added"
            ? `the embedded engine took p99 ${a.engineP99} ms per Convex call on top of the injected ${a.convexLatencyMs} ms (a deployment runs these functions in a few ms)`
            : `the embedded engine took p99 ${a.engineP99} ms per Convex call, longer than the ${a.convexLatencyMs} ms a call is given (a deployment runs these functions in a few ms)`,
        ]
      : []),
    // Judged on the load before the bench started: at the end it includes the bench's own processes.
    ...(a.loadAtStart > a.cpus
      ? [`the machine was busy before the bench started (1-minute load average ${round(a.loadAtStart)} on ${a.cpus} CPUs)`]
      : []),
  ];
  return {
    reliable: distortions.length === 0,
    note:
      distortions.length === 0
        ? "the machine and the harness kept up: the ack figures are the bot's"
        : `ack figures are inflated by the environment: ${distortions.join("; ")}. Run again on a quiet machine.`,
  };
}
