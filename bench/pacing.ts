// Who acts in the bench, where and when: the guild and channels, turn-taking rotations,
// deterministic think times, and running one workload step without letting a broken step stop
// the run.

import type { Actor } from "../sandbox/discord/index.ts";
import type { Step, StepContext } from "./workload.ts";

export const THINK_MS: [number, number] = [500, 1_500];
export const GUILD = "Bench";
export const CHANNELS = ["c1", "c2", "c3", "c4", "c5"];

/** Ten people in one channel who take turns. */
export function rotation(prefix: string, channel: string) {
  const names = Array.from({ length: 10 }, (_, i) => `${prefix}${i + 1}`);
  return { names, at: (n: number): Actor => ({ user: names[n % names.length]!, guild: GUILD, channel }) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Deterministic think time for action n, spread over THINK_MS. */
export const thinkMs = (n: number) => THINK_MS[0] + (((n * 2_654_435_761) % 1_000) / 1_000) * (THINK_MS[1] - THINK_MS[0]);

/** Runs a step; a step that can't go on (a button missing from a card) is counted, not fatal. */
export async function runStep(step: Step, ctx: StepContext, actor: Actor, n: number, failures: string[]): Promise<void> {
  try {
    await step.run(ctx, actor, n);
  } catch (error) {
    failures.push(`${step.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
