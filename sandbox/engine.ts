import { readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Cron } from "croner";
import { convexTest, type TestConvex } from "convex-test";
import { makeFunctionReference } from "convex/server";
import schema from "../convex/schema.ts";
import { observeTransactions, type TransactionCost } from "../convex/lib/metrics.ts";
import type { Backend } from "../src/lib/backend.ts";
import { SandboxClock } from "./clock.ts";
import { withDeploymentEnv } from "./deployment-env.ts";
import { indexStore } from "./indexed-store.ts";

type AnyCall = (fn: unknown, args: unknown) => Promise<any>;

const convexDir = join(dirname(fileURLToPath(import.meta.url)), "../convex");

/** Every module under convex/, keyed by path as convex-test expects (it finds the root via _generated). */
async function convexModules(): Promise<Record<string, () => Promise<unknown>>> {
  const modules: Record<string, () => Promise<unknown>> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        const key = `/convex/${relative(convexDir, path).split("\\").join("/")}`;
        // Imported once: convex-test asks for a function's module on every call, and a fresh
        // `import()` each time (through tsx's or vitest's loader) costs more than the call itself.
        let loaded: Promise<unknown> | undefined;
        modules[key] = () => (loaded ??= import(pathToFileURL(path).href));
      }
    }
  };
  await walk(convexDir);
  // Load every module now, while starting: loaded on the first call instead, they hold the event
  // loop for seconds (on Node 24 especially) in the middle of the first interaction, past its ack deadline.
  await Promise.all(Object.values(modules).map((load) => load()));
  return modules;
}

export type CronSchedule =
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number }
  | { type: "cron"; cron: string };

export interface CronSpec {
  name: string;
  args: unknown[];
  schedule: { type: string } & Record<string, unknown>;
}

export interface EngineOptions {
  /** The bot API's shared secret (BOT_API_SECRET in the deployment). */
  secret: string;
  /** The deployment's other environment variables (e.g. DISCORD_API_BASE, DISCORD_TOKEN). */
  env?: Record<string, string>;
  /** The sandbox clock (default: a new one). Give the Discord sandbox the same clock. */
  clock?: SandboxClock;
  /** The crons to run (default: convex/crons.ts's, as a deployment would). */
  crons?: CronSpec[];
  /**
   * Answer indexed queries from per-table and per-field candidate sets (sandbox/indexed-store.ts)
   * instead of convex-test's walk over every document: same results, time that no longer grows with
   * the whole deployment. The benchmark's deployment uses it; tests and the sandbox keep the plain engine.
   */
  indexedStore?: boolean;
}

/** The modules whose public functions make up the web app's API. */
const WEB_MODULES = ["watchlist", "users"];

/** A `web` call that could not be made or failed. */
export class WebCallError extends Error {
  constructor(fn: string, problem: string) {
    super(`web ${fn}: ${problem}`);
    this.name = "WebCallError";
  }
}

interface ExportedValidator {
  type: string;
  value?: unknown;
}

/** What a validator accepts, in words. */
function describe(v: ExportedValidator): string {
  switch (v.type) {
    case "number":
    case "bigint":
      return "a number";
    case "boolean":
      return "true or false";
    case "string":
      return "text";
    case "array":
      return "an array like [1,2]";
    case "literal":
      return JSON.stringify(v.value);
    case "union":
      return (v.value as ExportedValidator[]).map(describe).join(" or ");
    default:
      return v.type;
  }
}

function accepts(v: ExportedValidator, value: unknown): boolean {
  switch (v.type) {
    case "number":
      return typeof value === "number";
    case "bigint":
      return typeof value === "bigint";
    case "boolean":
      return typeof value === "boolean";
    case "string":
    case "id":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    case "literal":
      return value === v.value;
    case "union":
      return (v.value as ExportedValidator[]).some((u) => accepts(u, value));
    default:
      return true; // objects, records, any: left to the engine's own validation
  }
}

/** The first problem with `args` against a function's exported argument validator, in words. */
function argumentProblem(exported: string | undefined, args: Record<string, unknown>): string | null {
  if (!exported) return null;
  const shape = JSON.parse(exported) as ExportedValidator;
  if (shape.type !== "object") return null;
  const fields = shape.value as Record<string, { fieldType: ExportedValidator; optional: boolean }>;
  for (const key of Object.keys(args)) {
    if (!(key in fields)) return `unexpected argument ${key} (it takes ${Object.keys(fields).join(", ") || "no arguments"})`;
  }
  for (const [key, field] of Object.entries(fields)) {
    if (!(key in args)) {
      if (!field.optional) return `missing argument ${key}:… (${describe(field.fieldType)})`;
      continue;
    }
    if (!accepts(field.fieldType, args[key])) return `${key} should be ${describe(field.fieldType)}, got ${JSON.stringify(args[key])}`;
  }
  return null;
}

/** A cron in convex/crons.ts the engine can't run: start-up stops with this. */
export class UnsupportedCronError extends Error {}

/**
 * The embedded Convex engine: convex-test running the real convex/ functions in this process,
 * with Convex's transaction limits enforced, scheduled functions and crons on the sandbox
 * clock, and the deployment's environment passed in (never written into process.env).
 */
export class EmbeddedConvex {
  readonly clock: SandboxClock;
  readonly secret: string;
  private readonly env: Readonly<Record<string, string>>;
  private t!: TestConvex<typeof schema>;
  onCronError?: (name: string, error: unknown) => void;

  private constructor(options: EngineOptions) {
    this.secret = options.secret;
    this.clock = options.clock ?? new SandboxClock();
    this.env = Object.freeze({ ...options.env, BOT_API_SECRET: options.secret });
  }

  /** Starts the engine; throws UnsupportedCronError naming a cron whose schedule it can't run. */
  static async start(options: EngineOptions): Promise<EmbeddedConvex> {
    const engine = new EmbeddedConvex(options);
    const crons = options.crons ?? (await loadCrons());
    // Refuse before anything runs: a cron that would never fire is a silent bug.
    for (const spec of crons) nextCronDelay(spec.schedule as CronSchedule, Date.now(), spec.name);
    engine.clock.install();
    engine.t = convexTest({ schema, modules: await convexModules(), transactionLimits: true }) as TestConvex<typeof schema>;
    if (options.indexedStore) await engine.within(() => indexStore(engine.t));
    engine.clock.onIdle(async () => {
      // Let fired timers start their functions, then wait for them to finish.
      await new Promise((resolve) => setImmediate(resolve));
      // A cron's run is not a scheduled function: wait for it too, or it would run in real time, late.
      while (engine.cronsInFlight.size > 0) await Promise.all([...engine.cronsInFlight]);
      await engine.t.finishInProgressScheduledFunctions();
    });
    engine.within(() => {
      for (const spec of crons) engine.scheduleCron(spec);
    });
    return engine;
  }

  /** Runs `fn` as deployment code: its environment, its virtual timers. */
  private within<T>(fn: () => T): T {
    return withDeploymentEnv(this.env, () => this.clock.inEngine(fn));
  }

  backend(): Backend {
    return {
      // convex-test's own typing wants literal references; the Backend signature already checked the args.
      query: (fn, args) => this.within(() => (this.t.query as AnyCall)(fn, { ...args, secret: this.secret })),
      mutation: (fn, args) => this.within(() => (this.t.mutation as AnyCall)(fn, { ...args, secret: this.secret })),
    };
  }

  /** Direct access for tests, demo seeding and the web app's calls (no secret added). */
  run<T>(fn: (t: TestConvex<typeof schema>) => Promise<T>): Promise<T> {
    return this.within(() => fn(this.t));
  }

  /**
   * The web identity (JWT subject = users.tokenIdentifier) of a Discord user's Film Fanatic
   * profile, or null when the bot has not created one yet.
   */
  async webIdentityOf(discordUserId: string): Promise<string | null> {
    return await this.run((t) =>
      t.run(async (ctx) => {
        const account = await ctx.db
          .query("discord_accounts")
          .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
          .unique();
        const user = account ? await ctx.db.get(account.userId) : null;
        return user?.tokenIdentifier ?? null;
      }),
    );
  }

  /**
   * Calls one of the web app's public functions (`watchlist:getMediaState`) as the web app's
   * client would, signed in as `subject`. Throws WebCallError naming the function and the problem.
   */
  async callAsWebUser(
    subject: string,
    name: string,
    args: Record<string, unknown>,
  ): Promise<{ kind: "query" | "mutation"; result: unknown }> {
    const [moduleName, functionName] = name.split(":") as [string, string];
    if (!WEB_MODULES.includes(moduleName))
      throw new WebCallError(name, `the web app's API is ${WEB_MODULES.map((m) => `${m}:*`).join(", ")}`);
    const module = (await import(pathToFileURL(join(convexDir, `${moduleName}.ts`)).href)) as Record<
      string,
      { isQuery?: boolean; isMutation?: boolean; isAction?: boolean; isPublic?: boolean } | undefined
    >;
    const fn = module[functionName];
    const kind = fn?.isQuery ? "query" : fn?.isMutation ? "mutation" : null;
    if (!fn || !fn.isPublic || kind === null) {
      const names = Object.entries(module)
        .filter(([, f]) => f?.isPublic && (f.isQuery || f.isMutation))
        .map(([n]) => n)
        .sort();
      throw new WebCallError(name, `no such query or mutation (${moduleName} has: ${names.join(", ")})`);
    }
    const problem = argumentProblem((fn as { exportArgs?: () => string }).exportArgs?.(), args);
    if (problem) throw new WebCallError(name, problem);
    const ref = makeFunctionReference<typeof kind>(name);
    try {
      const user = this.within(() => this.t.withIdentity({ subject }));
      const result = await this.within(() =>
        kind === "query" ? (user.query as AnyCall)(ref, args) : (user.mutation as AnyCall)(ref, args),
      );
      return { kind, result };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new WebCallError(
        name,
        message
          .split("\n")
          .filter((l) => l.trim() !== "")
          .slice(0, 3)
          .join(" "),
      );
    }
  }

  observe(observer: (cost: TransactionCost) => void): () => void {
    return observeTransactions(observer);
  }

  async wait(ms: number): Promise<void> {
    await this.within(() => this.clock.advance(ms));
  }

  async stop(): Promise<void> {
    this.clock.uninstall();
  }

  private readonly cronsInFlight = new Set<Promise<unknown>>();

  private scheduleCron(spec: CronSpec): void {
    const delay = nextCronDelay(spec.schedule as CronSchedule, this.clock.now(), spec.name);
    // `fun` runs a function by path whatever its type; convex-test does not declare it.
    const run = (this.t as unknown as { fun(path: { udfPath: string; componentPath: string }, args: unknown): Promise<unknown> }).fun;
    this.clock.virtualTimeout(() => {
      const running: Promise<unknown> = run({ udfPath: spec.name, componentPath: "" }, spec.args[0] ?? {})
        .catch((error) => this.onCronError?.(spec.name, error))
        .finally(() => this.cronsInFlight.delete(running));
      this.cronsInFlight.add(running);
      this.scheduleCron(spec);
    }, delay);
  }
}

async function loadCrons(): Promise<CronSpec[]> {
  try {
    const module = (await import(pathToFileURL(join(convexDir, "crons.ts")).href)) as { default?: { crons: Record<string, CronSpec> } };
    return Object.values(module.default?.crons ?? {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return [];
    throw error;
  }
}

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The schedule as a five-field cron expression in UTC (interval schedules have none). */
function cronExpression(schedule: CronSchedule): string | null {
  const minute = "minuteUTC" in schedule ? (schedule.minuteUTC ?? 0) : 0;
  switch (schedule.type) {
    case "interval":
      return null;
    case "hourly":
      return `${minute} * * * *`;
    case "daily":
      return `${minute} ${schedule.hourUTC} * * *`;
    case "weekly":
      return `${minute} ${schedule.hourUTC} * * ${DAYS.indexOf(String(schedule.dayOfWeek).toLowerCase())}`;
    case "monthly":
      return `${minute} ${schedule.hourUTC} ${schedule.day} * *`;
    case "cron":
      return schedule.cron;
  }
}

/**
 * Milliseconds until a cron's next run after `now`, for every schedule Convex's cronJobs()
 * makes. Anything else throws UnsupportedCronError naming the cron and its schedule.
 */
export function nextCronDelay(schedule: CronSchedule, now: number, name = "cron"): number {
  const refuse = (why: string) =>
    new UnsupportedCronError(
      `convex/crons.ts: "${name}" has a schedule the sandbox's embedded engine can't run (${why}): ${JSON.stringify(schedule)}`,
    );
  if (schedule.type === "interval") {
    const ms = ((schedule.seconds ?? 0) + (schedule.minutes ?? 0) * 60 + (schedule.hours ?? 0) * 3600) * 1000;
    if (!(Number.isFinite(ms) && ms > 0)) throw refuse("the interval is not a positive duration");
    return ms;
  }
  const expression = cronExpression(schedule);
  if (expression === null || expression === undefined) throw refuse(`unknown schedule type "${(schedule as { type: string }).type}"`);
  let next: Date | null;
  try {
    next = new Cron(expression, { timezone: "Etc/UTC", paused: true }).nextRun(new Date(now));
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  if (!next) throw refuse("it never runs");
  return next.getTime() - now;
}
