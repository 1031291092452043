/**
 * Holds a test's Discord traffic to the spec: every REST exchange a watched sandbox answers is
 * recorded, and `take()` validates what came since the last call (test/e2e/harness.ts calls it
 * after each test and fails the test with the report).
 */
import { DiscordSandbox } from "../sandbox.ts";
import { DiscordSpec, type RestExchange, type SpecProblem } from "./conformance.ts";

export class SpecCheck {
  private pending: RestExchange[] = [];
  private spec?: DiscordSpec;
  /** How many exchanges have been validated so far. */
  checked = 0;

  constructor(private readonly makeSpec: () => DiscordSpec = () => new DiscordSpec()) {}

  /** Records every REST exchange of every Discord sandbox made from now on; returns how to stop. */
  watchEverySandbox(): () => void {
    return DiscordSandbox.recordEveryRest((exchange) => this.pending.push(exchange));
  }

  /** Records one exchange (as `watch` does for each). */
  add(exchange: RestExchange): void {
    this.pending.push(exchange);
  }

  /** Validates the exchanges recorded since the last call: a report of those that depart from the spec, or undefined. */
  take(): string | undefined {
    const exchanges = this.pending;
    this.pending = [];
    if (exchanges.length === 0) return undefined;
    // The spec is read on the first exchange, so a test file without Discord traffic pays nothing.
    const spec = (this.spec ??= this.makeSpec());
    this.checked += exchanges.length;
    const problems = exchanges.flatMap((exchange) => spec.check(exchange).map((problem) => ({ exchange, problem })));
    return problems.length === 0 ? undefined : report(spec, exchanges.length, problems);
  }
}

/**
 * One paragraph per way of departing (the same route, status, side and errors), counted, with one
 * concrete path for an example: a missing field on every message answer is one paragraph, not fifty.
 */
function report(spec: DiscordSpec, total: number, problems: Array<{ exchange: RestExchange; problem: SpecProblem }>): string {
  const groups = new Map<string, { count: number; example: string; errors: string[] }>();
  for (const { exchange, problem } of problems) {
    const route = `${exchange.method} ${spec.templateOf(exchange.path) ?? exchange.path} → ${exchange.status}`;
    const key = `the ${problem.side} of ${route}`;
    const id = `${key}\n${problem.errors.join("\n")}`;
    const group = groups.get(id) ?? { count: 0, example: `${exchange.method} ${exchange.path}`, errors: problem.errors };
    group.count++;
    groups.set(id, group);
  }
  const departing = new Set(problems.map((p) => p.exchange)).size;
  const lines = [`${departing} of ${total} REST exchanges depart from Discord's OpenAPI spec (sandbox/discord/spec):`];
  for (const [id, group] of groups) {
    lines.push(`- ${id.split("\n")[0]} (${group.count}×, e.g. ${group.example}):`, ...group.errors.map((e) => `    ${e}`));
  }
  return lines.join("\n");
}
