// Per-interaction measurements: acknowledgement and final-reply latency as Discord sees them,
// how the interaction ended, and (when one interaction runs at a time) what it cost: Convex
// calls, TMDB requests, documents read and written.
import { performance } from "node:perf_hooks";
import type { TransactionCost } from "../convex/lib/metrics.ts";
import type { ConvexCallReport } from "./world.ts";
import type { ActResult, DiscordEvent, DiscordSandbox } from "../sandbox/discord/index.ts";
import type { Act } from "./workload.ts";

export type Outcome =
  | "ok"
  | "intended_error"
  | "missing_intended_error"
  | "error_reply"
  | "rate_limited_reply"
  | "interaction_failed"
  | "rejected_by_discord_client"
  | "no_answer";

export interface Sample {
  type: string;
  outcome: Outcome;
  ackMs: number | null;
  finalMs: number | null;
  /** Only when the interaction ran alone (sequential phases); null under load. */
  cost: { convexCalls: number; convexFunctions: string[]; tmdbCalls: number; documentsRead: number; documentsWritten: number } | null;
}

/** Where the costs are counted: the loopback endpoints and the engine. */
export interface CostSources {
  convexCalls(): number;
  onConvexCall?(listener: (call: ConvexCallReport) => void): () => void;
  tmdbCalls(): number;
  observe(observer: (cost: TransactionCost) => void): () => void;
}

const MESSAGE_EVENTS = new Set(["reply", "reply_edit", "followup", "followup_edit", "autocomplete", "modal"]);

export class Recorder {
  readonly samples: Sample[] = [];
  private readonly acks = new Map<string, { ms: number; at: number }>();
  private readonly lastMessageAt = new Map<string, number>();
  private readonly detach: () => void;

  constructor(
    discord: DiscordSandbox,
    private readonly costs: CostSources,
  ) {
    const onAck = (report: { interactionId: string; ms: number }) =>
      this.acks.set(report.interactionId, { ms: report.ms, at: performance.now() });
    const onEvent = (event: DiscordEvent) => {
      const id = (event as { interaction_id?: string }).interaction_id;
      if (id !== undefined && MESSAGE_EVENTS.has(event.t)) this.lastMessageAt.set(id, performance.now());
    };
    discord.on("ack", onAck);
    discord.on("event", onEvent);
    this.detach = () => {
      discord.off("ack", onAck);
      discord.off("event", onEvent);
    };
  }

  /** An `act` for the workload; `alone` when nothing else runs, so costs can be attributed. */
  act(phase: Sample[], alone: boolean): Act {
    return async (type, perform, options = {}) => {
      const convexBefore = this.costs.convexCalls();
      const tmdbBefore = this.costs.tmdbCalls();
      const functions: string[] = [];
      let documentsRead = 0;
      let documentsWritten = 0;
      const stopObserving = alone
        ? this.costs.observe((cost) => {
            documentsRead += cost.documentsRead;
            documentsWritten += cost.documentsWritten;
          })
        : () => undefined;
      const stopCalls = alone && this.costs.onConvexCall ? this.costs.onConvexCall((call) => functions.push(call.path)) : () => undefined;
      let result: ActResult;
      try {
        result = await perform();
      } finally {
        stopObserving();
        stopCalls();
      }
      const sample: Sample = {
        type,
        outcome: outcomeOf(result, options.intendedError === true),
        ackMs: null,
        finalMs: null,
        cost: alone
          ? {
              convexCalls: this.costs.convexCalls() - convexBefore,
              convexFunctions: functions,
              tmdbCalls: this.costs.tmdbCalls() - tmdbBefore,
              documentsRead,
              documentsWritten,
            }
          : null,
      };
      const id = result.interactionId;
      if (id !== null) {
        const ack = this.acks.get(id);
        const last = this.lastMessageAt.get(id);
        if (ack) {
          sample.ackMs = ack.ms;
          // The interaction was created `ack.ms` before its acknowledgement arrived.
          if (last !== undefined) sample.finalMs = Math.max(ack.ms, last - (ack.at - ack.ms));
        }
        this.acks.delete(id);
        this.lastMessageAt.delete(id);
      }
      phase.push(sample);
      this.samples.push(sample);
      return result;
    };
  }

  close(): void {
    this.detach();
  }
}

function outcomeOf(result: ActResult, intendedError: boolean): Outcome {
  if (result.rejected !== null) return "rejected_by_discord_client";
  const mine = result.events.filter((e) => (e as { interaction_id?: string }).interaction_id === result.interactionId);
  if (mine.some((e) => e.t === "interaction_failed")) return "interaction_failed";
  const texts = mine
    .filter((e) => MESSAGE_EVENTS.has(e.t))
    .map((e) => {
      const content = (e as { content?: unknown }).content;
      return typeof content === "string" ? content : "";
    });
  if (texts.length === 0 && !mine.some((e) => e.t === "autocomplete")) return "no_answer";
  const refused = texts.some((t) => t.startsWith("⚠️"));
  // The per-user budget (the bot's limiter or Convex's write budget) said "slow down".
  if (texts.some((t) => t.startsWith("⏳") || /slow down/i.test(t))) return "rate_limited_reply";
  if (intendedError) return refused ? "intended_error" : "missing_intended_error";
  return refused ? "error_reply" : "ok";
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

export const round = (n: number) => Math.round(n * 10) / 10;

export function latencySummary(samples: Sample[]) {
  const acks = samples.flatMap((s) => (s.ackMs === null ? [] : [s.ackMs]));
  const finals = samples.flatMap((s) => (s.finalMs === null ? [] : [s.finalMs]));
  return {
    ackMs: { p50: percentile(acks, 50), p99: percentile(acks, 99), max: acks.length ? round(Math.max(...acks)) : null },
    finalReplyMs: { p50: percentile(finals, 50), p99: percentile(finals, 99), max: finals.length ? round(Math.max(...finals)) : null },
  };
}

export function outcomeCounts(samples: Sample[]): Partial<Record<Outcome, number>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const s of samples) counts[s.outcome] = (counts[s.outcome] ?? 0) + 1;
  return counts;
}

export function costSummary(samples: Sample[]) {
  const costed = samples.flatMap((s) => (s.cost ? [s.cost] : []));
  if (costed.length === 0) return null;
  const stat = (pick: (c: NonNullable<Sample["cost"]>) => number) => {
    const xs = costed.map(pick);
    return { mean: round(xs.reduce((a, b) => a + b, 0) / xs.length), max: Math.max(...xs) };
  };
  const functions: Record<string, number> = {};
  for (const c of costed) for (const f of c.convexFunctions) functions[f] = (functions[f] ?? 0) + 1;
  return {
    samples: costed.length,
    convexCalls: stat((c) => c.convexCalls),
    tmdbCalls: stat((c) => c.tmdbCalls),
    documentsRead: stat((c) => c.documentsRead),
    documentsWritten: stat((c) => c.documentsWritten),
    /** Convex functions called, per sample on average. */
    convexFunctions: Object.fromEntries(Object.entries(functions).map(([f, n]) => [f, round(n / costed.length)])),
  };
}

/** Runs one bench phase and prints its figures as JSON, when `url` is the script node was started with. */
export function runAloneWhenMain(url: string, phase: () => Promise<unknown>): void {
  if (url !== `file://${process.argv[1]}`) return;
  phase().then(
    (figures) => {
      process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
