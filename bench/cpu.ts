// What the bot process costs: its CPU time per interaction (user + system, every thread), overall
// and per kind of interaction, and its memory.
//
// Overall: the bot's CPU time over the mixed load phase, divided by the interactions in it.
// Per kind: interactions arriving at once share the CPU, so one can't be told from another inside a
// mixed phase. Instead, after the mixed load, the same people send one kind at a time — typed
// sub-phases at the same pacing — and each kind's figure is the bot's CPU time over its sub-phase
// divided by its interactions:
//   - commands: the workload's commands, with their weights (the steps that end in a click without it);
//   - components: rounds in which every person first brings up a card (a command, not measured),
//     and then, once every reply is in, clicks its button (measured: the window holds only clicks);
//   - autocomplete: people typing into an autocompleted option, a keystroke per interaction.
// Each window includes whatever the bot does meanwhile of its own (gateway heartbeats, timers):
// `idleMsPerSecond` says how much that is.
import { performance } from "node:perf_hooks";
import type { Actor } from "../sandbox/discord/index.ts";
import type { BotProcess } from "./bot-process.ts";
import { outcomeCounts, round, type Recorder, type Sample } from "./recorder.ts";
import { runStep, sleep, thinkMs } from "./pacing.ts";
import { STEPS, type Act, type Step, type StepContext } from "./workload.ts";

export type InteractionKind = "commands" | "components" | "autocomplete";
export const INTERACTION_KINDS: InteractionKind[] = ["commands", "components", "autocomplete"];

/** The kind of an interaction, from its type label in the workload. */
export const kindOf = (type: string): InteractionKind =>
  type.startsWith("autocomplete") ? "autocomplete" : type.startsWith("click") ? "components" : "commands";

export interface CpuWindow {
  interactions: number;
  cpuMs: number;
  durationMs: number;
  msPerInteraction: number | null;
}

const perInteraction = (cpuMs: number, interactions: number) => (interactions > 0 ? Math.round((cpuMs / interactions) * 100) / 100 : null);

/** The bot's CPU time while `body` runs; `body` says how many interactions it sent. */
export async function cpuWindow(bot: BotProcess, body: () => Promise<number>): Promise<CpuWindow> {
  const started = performance.now();
  const before = await bot.cpu();
  const interactions = await body();
  const after = await bot.cpu();
  const cpuMs = after.ms - before.ms;
  return {
    interactions,
    cpuMs: round(cpuMs),
    durationMs: Math.round(performance.now() - started),
    msPerInteraction: perInteraction(cpuMs, interactions),
  };
}

/**
 * The bot's CPU time per second while nothing is sent to it: on its own (gateway heartbeats, its
 * timers), and what the bench's event-loop measurement adds (a timer every 10 ms). Read with
 * process.cpuUsage() over IPC: µs resolution for these few ms. Leaves the measurement on.
 */
export async function backgroundCpu(bot: BotProcess, ms = 3_000): Promise<{ idleMsPerSecond: number; probeMsPerSecond: number }> {
  const rate = async () => {
    const before = await bot.cpu({ precise: true });
    await sleep(ms);
    const after = await bot.cpu({ precise: true });
    return ((after.ms - before.ms) * 1000) / ms;
  };
  bot.pauseEventLoop();
  const idle = await rate();
  bot.resumeEventLoop();
  const withProbe = await rate();
  return { idleMsPerSecond: round(idle), probeMsPerSecond: round(Math.max(0, withProbe - idle)) };
}

/** A step of `steps` for action n, spread by weight. */
function pickStep(steps: Step[], n: number): Step {
  const total = steps.reduce((sum, s) => sum + s.weight, 0);
  let r = (n * 7919) % total;
  for (const step of steps) {
    if (r < step.weight) return step;
    r -= step.weight;
  }
  return steps[0]!;
}

export interface TypedPhaseOptions {
  bot: BotProcess;
  users: Actor[];
  recorder: Recorder;
  ctxFor: (act: Act) => StepContext;
  /** Interactions to send of each kind. */
  interactions: number;
  /** Where action numbers start (so the titles and episodes differ from the other phases'). */
  firstAction: number;
  failures: string[];
  progress: (message: string) => void;
}

export interface TypedPhase extends CpuWindow {
  outcomes: ReturnType<typeof outcomeCounts>;
}

/** Every person acts, pauses and acts again with steps of `steps`, until `target` interactions were sent. */
async function paced(o: TypedPhaseOptions, steps: Step[], samples: Sample[], target: number, first: number): Promise<number> {
  const act = o.recorder.act(samples, false);
  let next = first;
  await Promise.all(
    o.users.map(async (actor) => {
      while (samples.length < target) {
        const n = next++;
        await sleep(thinkMs(n));
        await runStep(pickStep(steps, n), o.ctxFor(act), actor, n, o.failures);
      }
    }),
  );
  return samples.length;
}

/** The typed sub-phases: each kind of interaction alone, at the load's pacing, with the bot's CPU time over each. */
export async function typedCpuPhases(o: TypedPhaseOptions): Promise<Record<InteractionKind, TypedPhase>> {
  // Only the CPU time is measured here: the event-loop measurement's timer would add to it.
  o.bot.pauseEventLoop();
  const phase = (samples: Sample[], window: CpuWindow): TypedPhase => ({ ...window, outcomes: outcomeCounts(samples) });

  // The load's commands: the command-only steps, and the commands that bring up a card, without the click.
  const commandSamples: Sample[] = [];
  const commandSteps = STEPS.flatMap((s): Step[] =>
    s.kind === "commands"
      ? [s]
      : s.kind === "command-then-click"
        ? [{ ...s, kind: "commands", run: async (ctx, actor, n) => void (await s.prepareClick!(ctx, actor, n)) }]
        : [],
  );
  const commands = await cpuWindow(o.bot, () => paced(o, commandSteps, commandSamples, o.interactions, o.firstAction));
  o.progress(`bot CPU, commands alone: ${commands.msPerInteraction} ms per interaction (${commands.interactions})`);

  // Clicks: every round, each person brings up a card (not measured), then clicks its button.
  const clickSteps = STEPS.filter((s) => s.kind === "command-then-click");
  const clickSamples: Sample[] = [];
  const clickAct = o.recorder.act(clickSamples, false);
  const cardAct = o.recorder.act([], false);
  let clickCpuMs = 0;
  let clickMs = 0;
  let n = o.firstAction + 100_000;
  while (clickSamples.length < o.interactions) {
    const clicks = await Promise.all(
      o.users.map(async (actor) => {
        for (let tries = 0; tries < 4; tries++) {
          const k = n++;
          const step = pickStep(clickSteps, k);
          await sleep(thinkMs(k) / 2);
          try {
            const click = await step.prepareClick!(o.ctxFor(cardAct), actor, k);
            if (click) return { click, step };
          } catch (error) {
            o.failures.push(`${step.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          }
        }
        return null;
      }),
    );
    // Every reply is in; let the last replies' follow-up work finish before the window opens.
    await sleep(500);
    const before = clickSamples.length;
    const round_ = await cpuWindow(o.bot, async () => {
      await Promise.all(
        clicks.map(async (planned, i) => {
          if (!planned) return;
          await sleep(thinkMs(n + i));
          try {
            await planned.click(clickAct);
          } catch (error) {
            o.failures.push(`${planned.step.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          }
        }),
      );
      return clickSamples.length - before;
    });
    if (round_.interactions === 0) break;
    clickCpuMs += round_.cpuMs;
    clickMs += round_.durationMs;
  }
  const components: CpuWindow = {
    interactions: clickSamples.length,
    cpuMs: round(clickCpuMs),
    durationMs: clickMs,
    msPerInteraction: perInteraction(clickCpuMs, clickSamples.length),
  };
  o.progress(`bot CPU, clicks alone: ${components.msPerInteraction} ms per interaction (${components.interactions})`);

  const keystrokeSamples: Sample[] = [];
  const typing = STEPS.filter((s) => s.kind === "autocomplete");
  const autocomplete = await cpuWindow(o.bot, () => paced(o, typing, keystrokeSamples, o.interactions, o.firstAction + 200_000));
  o.progress(`bot CPU, autocomplete alone: ${autocomplete.msPerInteraction} ms per interaction (${autocomplete.interactions})`);
  o.bot.resumeEventLoop();

  return {
    commands: phase(commandSamples, commands),
    components: phase(clickSamples, components),
    autocomplete: phase(keystrokeSamples, autocomplete),
  };
}

/** The event-loop measurement runs through the load phase (its delays are reported): its own CPU time is taken out. */
export const withoutProbe = (cpuMs: number, durationMs: number, probeMsPerSecond: number) =>
  Math.max(0, cpuMs - (probeMsPerSecond * durationMs) / 1000);

/** The figures for the JSON: CPU per interaction overall (the mixed load) and per kind (the typed sub-phases). */
export function cpuFigures(o: {
  source: string;
  background: { idleMsPerSecond: number; probeMsPerSecond: number };
  /** The load phase, its CPU time as read (the event-loop measurement's included). */
  load: { samples: Sample[]; cpuMs: number; durationMs: number };
  /** The unmeasured load before it (load.ts), its CPU time as read. */
  warmUpLoad: { interactions: number; cpuMs: number; durationMs: number } | null;
  typed: Record<InteractionKind, TypedPhase> | null;
  profiled: boolean;
}) {
  const loadByKind = Object.fromEntries(
    INTERACTION_KINDS.map((kind) => [kind, o.load.samples.filter((s) => kindOf(s.type) === kind).length]),
  ) as Record<InteractionKind, number>;
  // What the kinds measured alone predict for the load's mix: near `overall` when the split is sound.
  const typed = o.typed;
  const fromKinds =
    typed && INTERACTION_KINDS.every((k) => typed[k].msPerInteraction !== null || loadByKind[k] === 0)
      ? perInteraction(
          INTERACTION_KINDS.reduce((sum, k) => sum + loadByKind[k] * (typed[k].msPerInteraction ?? 0), 0),
          o.load.samples.length,
        )
      : null;
  const loadCpuMs = withoutProbe(o.load.cpuMs, o.load.durationMs, o.background.probeMsPerSecond);
  const background = (w: { durationMs: number; interactions: number }) =>
    perInteraction((o.background.idleMsPerSecond * w.durationMs) / 1000, w.interactions);
  return {
    botCpuMsPerInteraction: {
      overall: perInteraction(loadCpuMs, o.load.samples.length),
      commands: typed?.commands.msPerInteraction ?? null,
      components: typed?.components.msPerInteraction ?? null,
      autocomplete: typed?.autocomplete.msPerInteraction ?? null,
    },
    botCpu: {
      note:
        "the bot process's CPU time (user + system, every thread) per interaction. overall: over the mixed load phase " +
        "(after the unmeasured warm-up load with --warm-load-steps: warmUpLoad). " +
        "Per kind: over typed sub-phases after it, in which the same people send one kind at a time at the same pacing " +
        "(clicks: each person brings up a card first, unmeasured, then clicks its button once every reply is in). " +
        "Every window includes the bot's own background work (idleMsPerSecond; backgroundMsPerInteraction is its share). " +
        "The bench's event-loop measurement (a timer every 10 ms in the bot process) is paused in the typed sub-phases, " +
        "and its CPU time (probeMsPerSecond, measured idle) is taken out of the load phase's." +
        (o.profiled ? " The CPU profiler ran during the load phase (--profile): overall is inflated by it." : ""),
      source: o.source,
      idleMsPerSecond: o.background.idleMsPerSecond,
      probeMsPerSecond: o.background.probeMsPerSecond,
      load: {
        interactions: o.load.samples.length,
        byKind: loadByKind,
        cpuMs: round(loadCpuMs),
        cpuMsAsRead: round(o.load.cpuMs),
        durationMs: o.load.durationMs,
        backgroundMsPerInteraction: background({ durationMs: o.load.durationMs, interactions: o.load.samples.length }),
      },
      alone:
        typed && Object.fromEntries(INTERACTION_KINDS.map((k) => [k, { ...typed[k], backgroundMsPerInteraction: background(typed[k]) }])),
      overallPredictedFromKinds: fromKinds,
      warmUpLoad: o.warmUpLoad && {
        interactions: o.warmUpLoad.interactions,
        cpuMs: round(withoutProbe(o.warmUpLoad.cpuMs, o.warmUpLoad.durationMs, o.background.probeMsPerSecond)),
        durationMs: o.warmUpLoad.durationMs,
        msPerInteraction: perInteraction(
          withoutProbe(o.warmUpLoad.cpuMs, o.warmUpLoad.durationMs, o.background.probeMsPerSecond),
          o.warmUpLoad.interactions,
        ),
      },
    },
  };
}
