import { readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { convexTest } from "convex-test";
import schema from "../../convex/schema.ts";
import { observeTransactions, type TransactionCost } from "../../convex/lib/metrics.ts";
import type { Backend } from "../lib/backend.ts";
import { SandboxClock } from "./clock.ts";

type AnyCall = (fn: unknown, args: unknown) => Promise<any>;

const convexDir = join(dirname(fileURLToPath(import.meta.url)), "../../convex");

/** Every module under convex/, keyed by path as convex-test expects (it finds the root via _generated). */
async function convexModules(): Promise<Record<string, () => Promise<unknown>>> {
  const modules: Record<string, () => Promise<unknown>> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        const key = `/convex/${relative(convexDir, path).split("\\").join("/")}`;
        modules[key] = () => import(pathToFileURL(path).href);
      }
    }
  };
  await walk(convexDir);
  return modules;
}

interface CronSpec {
  name: string;
  args: unknown[];
  schedule: { type: string; seconds?: number; minutes?: number; hours?: number; minuteUTC?: number; hourUTC?: number };
}

/**
 * The embedded Convex engine: convex-test running the real convex/ functions in
 * this process, with Convex's transaction limits enforced, scheduled functions
 * and crons on the sandbox clock.
 */
export class EmbeddedConvex {
  readonly clock = new SandboxClock();
  private t!: ReturnType<typeof convexTest>;
  private cronTimers: { virtualId: number }[] = [];
  onCronError?: (name: string, error: unknown) => void;

  private constructor(readonly secret: string) {}

  static async start(options: { secret: string; env?: Record<string, string> }): Promise<EmbeddedConvex> {
    const engine = new EmbeddedConvex(options.secret);
    // Convex functions read their deployment's environment from process.env.
    process.env.BOT_API_SECRET = options.secret;
    for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
    engine.clock.install();
    engine.t = convexTest({ schema, modules: await convexModules(), transactionLimits: true });
    engine.clock.onIdle(async () => {
      // Let fired timers start their functions, then wait for them to finish.
      await new Promise((resolve) => setImmediate(resolve));
      await engine.t.finishInProgressScheduledFunctions();
    });
    await engine.startCrons();
    return engine;
  }

  backend(): Backend {
    return {
      // convex-test's own typing wants literal references; the Backend signature already checked the args.
      query: (fn, args) => this.clock.inEngine(() => (this.t.query as AnyCall)(fn, { ...args, secret: this.secret })),
      mutation: (fn, args) => this.clock.inEngine(() => (this.t.mutation as AnyCall)(fn, { ...args, secret: this.secret })),
    };
  }

  /** Direct access for tests and demo seeding (no secret added). */
  run<T>(fn: (t: ReturnType<typeof convexTest>) => Promise<T>): Promise<T> {
    return this.clock.inEngine(() => fn(this.t));
  }

  observe(observer: (cost: TransactionCost) => void): () => void {
    return observeTransactions(observer);
  }

  async wait(ms: number): Promise<void> {
    await this.clock.advance(ms);
  }

  async stop(): Promise<void> {
    this.clock.uninstall();
  }

  private async startCrons(): Promise<void> {
    let crons: Record<string, CronSpec>;
    try {
      const module = (await import(pathToFileURL(join(convexDir, "crons.ts")).href)) as { default?: { crons: Record<string, CronSpec> } };
      crons = module.default?.crons ?? {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return;
      throw error;
    }
    for (const spec of Object.values(crons)) this.scheduleCron(spec);
  }

  private scheduleCron(spec: CronSpec): void {
    const delay = nextCronDelay(spec.schedule, this.clock.now());
    if (delay === null) return;
    // `fun` runs a function by path whatever its type; convex-test does not declare it.
    const run = (this.t as unknown as { fun(path: { udfPath: string; componentPath: string }, args: unknown): Promise<unknown> }).fun;
    this.cronTimers.push(
      this.clock.virtualTimeout(() => {
        void run({ udfPath: spec.name, componentPath: "" }, spec.args[0] ?? {}).catch((error) => this.onCronError?.(spec.name, error));
        this.scheduleCron(spec);
      }, delay),
    );
  }
}

/** Milliseconds until a cron's next run, for the schedule types the project uses. */
export function nextCronDelay(schedule: CronSpec["schedule"], now: number): number | null {
  const HOUR = 3_600_000;
  switch (schedule.type) {
    case "interval":
      return ((schedule.seconds ?? 0) + (schedule.minutes ?? 0) * 60 + (schedule.hours ?? 0) * 3600) * 1000;
    case "hourly": {
      const next = new Date(now);
      next.setUTCMinutes(schedule.minuteUTC ?? 0, 0, 0);
      if (next.getTime() <= now) next.setTime(next.getTime() + HOUR);
      return next.getTime() - now;
    }
    case "daily": {
      const next = new Date(now);
      next.setUTCHours(schedule.hourUTC ?? 0, schedule.minuteUTC ?? 0, 0, 0);
      if (next.getTime() <= now) next.setTime(next.getTime() + 24 * HOUR);
      return next.getTime() - now;
    }
    default:
      return null;
  }
}
