// Both doors side by side (issue 20): the same workload, the same injected latencies, delivered
// over the gateway to the bot process, and by HTTP to the deployment itself (no bot process).
//
// Each door gets a fresh loopback world (world.ts): the local Discord behind a proxy that holds
// every byte `discordLatencyMs` each way, TMDB's catalog, and the Convex process. Gateway door:
// the bot process (as `npm start` runs it) receives INTERACTION_CREATE through the proxy, calls
// Convex's HTTP API (`convexLatencyMs` a call) and answers through the proxy. HTTP door: Discord
// signs each interaction and POSTs it, `discordLatencyMs` away, to the deployment's
// /discord/interactions, served by the engine's HTTP router (convex/interactions/door.ts); the
// door's runQuery/runMutation run inside the deployment (no network hop), its answer goes back
// `discordLatencyMs` away, and its later calls to Discord (follow-ups, a deferred reply's edit) go
// through the proxy. After a warm-up, `users` people act for `actionsPerUser` actions each with the
// load phase's pacing, at each user count; the engine counts every function it runs.
import { loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Actor } from "../sandbox/discord/index.ts";
import type { ConvexLatencyMode } from "../sandbox/convex-http.ts";
import { startBotProcess, type BotProcess, type MemoryReport } from "./bot-process.ts";
import { latencySummary, outcomeCounts, percentile, Recorder, round, type Sample } from "./recorder.ts";
import { CHANNELS, GUILD, rotation, runStep, sleep, thinkMs } from "./pacing.ts";
import { MOVIES, stepFor, STEPS, TYPED_QUERIES, WARM_SHOWS, type Act, type CatalogShow, type StepContext } from "./workload.ts";
import { startWorld, type ConvexEngineKind, type Door, type EngineStats } from "./world.ts";

export const DOORS: Door[] = ["gateway", "http"];

export interface DoorsOptions {
  doors: Door[];
  userCounts: number[];
  actionsPerUser: number;
  convexLatencyMs: number;
  convexLatencyMode: ConvexLatencyMode;
  convexEngine: ConvexEngineKind;
  tmdbLatencyMs: number;
  discordLatencyMs: number;
  keystrokeMs: number;
  shows: Map<number, CatalogShow>;
  progress: (message: string) => void;
}

const share = (ms: number, of: number) => Math.round((ms / of) * 100) / 100;
const perInteraction = (n: number, interactions: number) => (interactions > 0 ? Math.round((n / interactions) * 1000) / 1000 : null);

/** One load run of one door. */
async function loadRun(args: {
  door: Door;
  users: Actor[];
  steps: number;
  ctxFor: (act: Act) => StepContext;
  recorder: Recorder;
  bot: BotProcess | null;
  world: Awaited<ReturnType<typeof startWorld>>;
  failures: string[];
}) {
  const { world, bot, recorder } = args;
  const loadAtStart = loadavg()[0]!;
  const memoryAtStart: MemoryReport | null = bot ? await bot.memory() : null;
  await world.convex.stats(true);
  const apiCallsBefore = world.convex.calls;
  const tmdbBefore = world.tmdb.requests;
  const warningsBefore = { ...world.discordWarnings };
  const engineCpuBefore = await world.convex.cpuMs();
  const botCpuBefore = bot ? await bot.cpu() : null;
  const samples: Sample[] = [];
  const act = recorder.act(samples, false);
  // The harness (the local Discord, the proxy, TMDB) must keep up, or its lag is in every figure.
  const harnessLoop = monitorEventLoopDelay({ resolution: 10 });
  harnessLoop.enable();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    args.users.map(async (actor) => {
      for (;;) {
        const n = next++;
        if (n >= args.steps) return;
        await sleep(thinkMs(n));
        await runStep(stepFor(n), args.ctxFor(act), actor, n, args.failures);
      }
    }),
  );
  // Follow-ups and deferred replies finish after the last acknowledgement: let them land in the window.
  await world.discord.waitForIdle().catch(() => undefined);
  const durationMs = performance.now() - started;
  harnessLoop.disable();
  const botCpuAfter = bot ? await bot.cpu() : null;
  const engineCpuAfter = await world.convex.cpuMs();
  const stats: EngineStats = await world.convex.stats();
  const memoryAtEnd: MemoryReport | null = bot ? await bot.memory() : null;
  const interactions = samples.length;
  const byKind = { query: 0, mutation: 0, action: 0, httpAction: 0 };
  const msByKind = { query: 0, mutation: 0, action: 0, httpAction: 0 };
  for (const f of Object.values(stats.functions)) {
    byKind[f.kind] += f.calls;
    msByKind[f.kind] += f.ms;
  }
  const calls = (name: string) => stats.functions[name]?.calls ?? 0;
  /** Queries and mutations of the bot's API (convex/bot/), however they were reached. */
  const botFunctions = Object.entries(stats.functions)
    .filter(([name, f]) => name.startsWith("bot/") && (f.kind === "query" || f.kind === "mutation"))
    .reduce((n, [, f]) => n + f.calls, 0);
  const isAutocomplete = (s: Sample) => s.type.startsWith("autocomplete");
  const commandsAndClicks = samples.filter((s) => !isAutocomplete(s));
  const keystrokes = samples.filter(isAutocomplete);
  const apiCalls = world.convex.calls - apiCallsBefore;
  const topFunctions = Object.entries(stats.functions)
    .sort((a, b) => b[1].calls - a[1].calls)
    .slice(0, 12)
    .map(([name, f]) => [name, { kind: f.kind, perInteraction: perInteraction(f.calls, interactions), msMean: round(f.ms / f.calls) }]);
  return {
    users: args.users.length,
    actions: args.steps,
    interactions,
    durationMs: Math.round(durationMs),
    interactionsPerSecond: round((interactions / durationMs) * 1000),
    loadAverage1mAtStart: round(loadAtStart),
    saturation: {
      note: "share of one CPU core each process used over the run (near 1: that process was the bottleneck), and the harness's event-loop delay (large: the local Discord answered late)",
      convexProcessCoreShare:
        engineCpuBefore !== null && engineCpuAfter !== null ? share(engineCpuAfter - engineCpuBefore, durationMs) : null,
      botProcessCoreShare: botCpuBefore && botCpuAfter ? share(botCpuAfter.ms - botCpuBefore.ms, durationMs) : null,
      harnessEventLoopDelayMs: { p99: round(harnessLoop.percentile(99) / 1e6), max: round(harnessLoop.max / 1e6) },
    },
    commandsAndClicks: { interactions: commandsAndClicks.length, ...latencySummary(commandsAndClicks) },
    autocompleteKeystrokes: { interactions: keystrokes.length, ...latencySummary(keystrokes) },
    outcomes: outcomeCounts(samples),
    discordWarnings: Object.fromEntries(
      Object.entries(world.discordWarnings).flatMap(([msg, n]) =>
        n > (warningsBefore[msg] ?? 0) ? [[msg, n - (warningsBefore[msg] ?? 0)]] : [],
      ),
    ),
    convex: {
      note:
        args.door === "gateway"
          ? "the bot process calls Convex's HTTP API (a network round trip each); every function the deployment ran is counted, crons included"
          : "Discord calls the deployment's HTTP action; its runQuery/runMutation calls run inside the deployment (no network hop); scheduled functions (follow-ups, deferred replies) counted with the rest, crons included",
      httpApiCallsPerInteraction: perInteraction(apiCalls, interactions),
      // Autocomplete keystrokes are answered from the door's cache (no bot function); commands and clicks make the calls.
      httpApiCallsPerCommandOrClick: perInteraction(apiCalls, commandsAndClicks.length),
      botFunctionsPerCommandOrClick: perInteraction(botFunctions, commandsAndClicks.length),
      httpActionsPerInteraction: perInteraction(byKind.httpAction, interactions),
      queriesPerInteraction: perInteraction(byKind.query, interactions),
      mutationsPerInteraction: perInteraction(byKind.mutation, interactions),
      actionsPerInteraction: perInteraction(byKind.action, interactions),
      functionCallsPerInteraction: perInteraction(byKind.query + byKind.mutation + byKind.action + byKind.httpAction, interactions),
      scheduledFollowUps: calls("interactions/door:deliver"),
      deferredAndCompletedLater: calls("interactions/door:complete"),
      replayClaims: calls("interactions/door:claim"),
      tmdbRequestsPerInteraction: perInteraction(world.tmdb.requests - tmdbBefore, interactions),
      byFunction: Object.fromEntries(topFunctions),
    },
    deployment: {
      note: "wall time in the embedded engine (convex-test: one function at a time, so concurrent calls wait for each other — far slower than a deployment, not its capacity); an HTTP action's time includes its runQuery/runMutation calls and its wait for TMDB",
      httpActionMs: { p50: percentile(stats.httpActionMs, 50), p99: percentile(stats.httpActionMs, 99) },
      msPerInteraction: {
        queries: perInteraction(msByKind.query, interactions),
        mutations: perInteraction(msByKind.mutation, interactions),
        actions: perInteraction(msByKind.action, interactions),
        httpActions: perInteraction(msByKind.httpAction, interactions),
      },
      convexProcessCpuMsPerInteraction:
        engineCpuBefore !== null && engineCpuAfter !== null ? perInteraction(engineCpuAfter - engineCpuBefore, interactions) : null,
    },
    botProcess:
      bot && botCpuBefore && botCpuAfter
        ? {
            cpuMsPerInteraction: perInteraction(botCpuAfter.ms - botCpuBefore.ms, interactions),
            memoryAtStart,
            memoryAtEnd,
          }
        : null,
  };
}

export type DoorRun = Awaited<ReturnType<typeof loadRun>>;

/** Every door at every user count; returns the `doors` section of the bench's JSON. */
export async function doorsPhase(o: DoorsOptions) {
  const runs: Record<Door, Record<string, DoorRun>> = { gateway: {}, http: {} };
  const failures: string[] = [];
  const maxUsers = Math.max(...o.userCounts);
  for (const door of o.doors) {
    const world = await startWorld({
      convexLatencyMs: o.convexLatencyMs,
      convexLatencyMode: o.convexLatencyMode,
      convexEngine: o.convexEngine,
      tmdbLatencyMs: o.tmdbLatencyMs,
      discordLatencyMs: o.discordLatencyMs,
      interactions: door,
    });
    let bot: BotProcess | null = null;
    try {
      const { discord } = world;
      discord.guild(GUILD);
      for (const channel of CHANNELS) discord.channel(GUILD, channel);
      const people: Actor[] = Array.from({ length: maxUsers }, (_, i) => ({
        user: `door${i + 1}`,
        guild: GUILD,
        channel: CHANNELS[i % CHANNELS.length]!,
      }));
      const samplers = rotation("sampler", "c2");
      for (const name of [...samplers.names, ...people.map((u) => u.user)]) discord.join(GUILD, name);
      const recorder = new Recorder(discord, {
        convexCalls: () => world.convex.calls,
        tmdbCalls: () => world.tmdb.requests,
        observe: (observer) => world.convex.observe(observer),
      });
      const ctxFor = (act: Act): StepContext => ({ discord, act, shows: o.shows, keystrokeMs: o.keystrokeMs });
      if (door === "gateway") {
        bot = await startBotProcess(world);
        // The bench's event-loop histogram wakes the bot every 10 ms: not part of what the door costs.
        bot.pauseEventLoop();
      }
      // Warm-up (not measured): every title and typed query once, as a long-running door has seen them.
      const warmup: Sample[] = [];
      const warmupAct = recorder.act(warmup, false);
      for (const [i, id] of [...WARM_SHOWS.map((id) => `tv:${id}`), ...MOVIES.map((id) => `movie:${id}`)].entries())
        await warmupAct("warm-up", () => discord.runCommand(samplers.at(i), "watch info", { title: id }));
      for (const query of TYPED_QUERIES)
        for (let i = 1; i <= query.length; i++)
          await warmupAct("warm-up", () => discord.runAutocomplete(samplers.at(0), "ep", "show", query.slice(0, i)));
      for (const [i, step] of STEPS.entries()) await runStep(step, ctxFor(warmupAct), samplers.at(i), i, failures);
      o.progress(`doors: ${door} door warmed up${bot ? ` (bot process ${bot.pid})` : " (no bot process)"}`);
      for (const users of o.userCounts) {
        const run = await loadRun({
          door,
          users: people.slice(0, users),
          steps: users * o.actionsPerUser,
          ctxFor,
          recorder,
          bot,
          world,
          failures,
        });
        runs[door][String(users)] = run;
        o.progress(
          `doors: ${door} at ${users} users: ${run.interactions} interactions in ${Math.round(run.durationMs / 1000)} s; ack p50 ${run.commandsAndClicks.ackMs.p50} ms, p99 ${run.commandsAndClicks.ackMs.p99} ms; final reply p50 ${run.commandsAndClicks.finalReplyMs.p50} ms, p99 ${run.commandsAndClicks.finalReplyMs.p99} ms`,
        );
      }
      recorder.close();
    } finally {
      await bot?.stop();
      await world.stop();
    }
  }
  return {
    note: "the same workload and latencies through each door, each from a fresh loopback world and warmed up; ack and final reply as Discord sees them, commands and clicks (autocomplete keystrokes apart)",
    settings: {
      doors: o.doors,
      userCounts: o.userCounts,
      actionsPerUser: o.actionsPerUser,
      discordLatencyMsOneWay: o.discordLatencyMs,
      convexLatencyMs: o.convexLatencyMs,
      convexLatencyMode: o.convexLatencyMode,
      tmdbLatencyMs: o.tmdbLatencyMs,
    },
    gateway: o.doors.includes("gateway") ? runs.gateway : null,
    http: o.doors.includes("http") ? runs.http : null,
    ackP50: ackVerdicts(o, runs),
    benchStepFailures: { count: failures.length, first: [...new Set(failures)].slice(0, 10) },
  };
}

/** Issue 20's "done when": the HTTP door's ack p50 no worse than the gateway's, at each user count. */
function ackVerdicts(o: DoorsOptions, runs: Record<Door, Record<string, DoorRun>>) {
  if (!o.doors.includes("gateway") || !o.doors.includes("http")) return null;
  return Object.fromEntries(
    o.userCounts.map((users) => {
      const gateway = runs.gateway[String(users)]?.commandsAndClicks.ackMs.p50 ?? null;
      const http = runs.http[String(users)]?.commandsAndClicks.ackMs.p50 ?? null;
      return [
        String(users),
        {
          target: "the HTTP door's ack p50 is no worse than the gateway door's",
          gatewayMs: gateway,
          httpMs: http,
          pass: gateway !== null && http !== null && http <= gateway,
        },
      ];
    }),
  );
}

export type DoorsSection = Awaited<ReturnType<typeof doorsPhase>>;

/** The doors side by side, as a table for the terminal. */
export function doorsTable(section: DoorsSection): string {
  const columns: { title: string; run: DoorRun }[] = [];
  for (const users of section.settings.userCounts)
    for (const door of section.settings.doors) {
      const run = section[door]?.[String(users)];
      if (run) columns.push({ title: `${door} @${users}`, run });
    }
  const pair = (a: number | null, b: number | null) => `${a ?? "–"} / ${b ?? "–"}`;
  const rows: [string, (r: DoorRun) => string][] = [
    ["ack p50 / p99 ms", (r) => pair(r.commandsAndClicks.ackMs.p50, r.commandsAndClicks.ackMs.p99)],
    ["final reply p50 / p99 ms", (r) => pair(r.commandsAndClicks.finalReplyMs.p50, r.commandsAndClicks.finalReplyMs.p99)],
    ["keystroke ack p50 / p99 ms", (r) => pair(r.autocompleteKeystrokes.ackMs.p50, r.autocompleteKeystrokes.ackMs.p99)],
    ["interactions (per s)", (r) => `${r.interactions} (${r.interactionsPerSecond})`],
    ["core share: Convex / bot process", (r) => pair(r.saturation.convexProcessCoreShare, r.saturation.botProcessCoreShare)],
    ["harness event-loop p99 ms", (r) => String(r.saturation.harnessEventLoopDelayMs.p99)],
    ["not ok", (r) => String(r.interactions - (r.outcomes.ok ?? 0) - (r.outcomes.intended_error ?? 0))],
    ["Convex HTTP API calls / int.", (r) => String(r.convex.httpApiCallsPerInteraction ?? "–")],
    ["HTTP actions / int.", (r) => String(r.convex.httpActionsPerInteraction ?? "–")],
    ["queries + mutations / int.", (r) => String(round((r.convex.queriesPerInteraction ?? 0) + (r.convex.mutationsPerInteraction ?? 0)))],
    ["bot functions / command or click", (r) => String(r.convex.botFunctionsPerCommandOrClick ?? "–")],
    ["actions (scheduled, crons) / int.", (r) => String(r.convex.actionsPerInteraction ?? "–")],
    ["follow-ups / deferred", (r) => `${r.convex.scheduledFollowUps} / ${r.convex.deferredAndCompletedLater}`],
    ["HTTP action p50 / p99 ms", (r) => pair(r.deployment.httpActionMs.p50, r.deployment.httpActionMs.p99)],
    ["bot process CPU ms / int.", (r) => String(r.botProcess?.cpuMsPerInteraction ?? "no bot process")],
    ["bot process RSS MB", (r) => String(r.botProcess?.memoryAtEnd?.rssMb ?? "–")],
    ["Convex process CPU ms / int.*", (r) => String(r.deployment.convexProcessCpuMsPerInteraction ?? "–")],
  ];
  const width = [
    Math.max(...rows.map(([label]) => label.length)),
    ...columns.map((c) => Math.max(c.title.length, ...rows.map(([, f]) => f(c.run).length))),
  ];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(width[i]!)).join("  ");
  const s = section.settings;
  return [
    `doors: Discord ${s.discordLatencyMsOneWay} ms each way, Convex ${s.convexLatencyMs} ms per HTTP API call, TMDB +${s.tmdbLatencyMs} ms; ${s.actionsPerUser} actions per user`,
    line(["", ...columns.map((c) => c.title)]),
    ...rows.map(([label, f]) => line([label, ...columns.map((c) => f(c.run))])),
    "* the embedded engine (convex-test) runs one function at a time and is far slower than a deployment: not capacity",
  ].join("\n");
}
