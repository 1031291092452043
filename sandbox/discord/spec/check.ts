/**
 * Holds a test's Discord traffic to the spec: every REST exchange a watched sandbox answers, and
 * every gateway event it dispatches, is recorded, and `take()` validates what came since the last
 * call (test/e2e/held-to-spec.ts calls it after each test and fails the test with the report).
 */
import type { GatewayDispatch } from "../gateway.ts";
import { DiscordSandbox } from "../sandbox.ts";
import { DiscordSpec, type RestExchange, type SpecProblem } from "./conformance.ts";

export class SpecCheck {
  private pending: RestExchange[] = [];
  private dispatches: GatewayDispatch[] = [];
  private spec?: DiscordSpec;
  /** How many exchanges have been validated so far. */
  checked = 0;
  /** How many gateway events have been validated so far. */
  checkedDispatches = 0;

  constructor(private readonly makeSpec: () => DiscordSpec = () => new DiscordSpec()) {}

  /** Records every REST exchange and gateway event of every Discord sandbox made from now on; returns how to stop. */
  watchEverySandbox(): () => void {
    const stopRest = DiscordSandbox.recordEveryRest((exchange) => this.pending.push(exchange));
    const stopDispatches = DiscordSandbox.recordEveryDispatch((dispatch) => this.dispatches.push(dispatch));
    return () => {
      stopRest();
      stopDispatches();
    };
  }

  /** Records one exchange (as `watchEverySandbox` does for each). */
  add(exchange: RestExchange): void {
    this.pending.push(exchange);
  }

  /** Records one gateway event (as `watchEverySandbox` does for each). */
  addDispatch(dispatch: GatewayDispatch): void {
    this.dispatches.push(dispatch);
  }

  /** Validates the exchanges and events recorded since the last call: a report of those that depart from the spec, or undefined. */
  take(): string | undefined {
    const exchanges = this.pending;
    const dispatches = this.dispatches;
    this.pending = [];
    this.dispatches = [];
    if (exchanges.length === 0 && dispatches.length === 0) return undefined;
    // The spec is read on the first exchange, so a test file without Discord traffic pays nothing.
    const spec = (this.spec ??= this.makeSpec());
    this.checked += exchanges.length;
    this.checkedDispatches += dispatches.length;
    const problems: Departure[] = [
      ...exchanges.flatMap((exchange) =>
        spec.check(exchange).map((problem) => ({
          item: exchange as object,
          route: `${exchange.method} ${spec.templateOf(exchange.path) ?? exchange.path} → ${exchange.status}`,
          example: `${exchange.method} ${exchange.path}`,
          problem,
        })),
      ),
      ...dispatches.flatMap((dispatch) =>
        spec.checkDispatch(dispatch).map((problem) => ({ item: dispatch as object, route: dispatch.t, example: dispatch.t, problem })),
      ),
    ];
    return problems.length === 0 ? undefined : report(exchanges.length + dispatches.length, problems);
  }
}

interface Departure {
  item: object;
  route: string;
  example: string;
  problem: SpecProblem;
}

/**
 * One paragraph per way of departing (the same route, status, side and errors), counted, with one
 * concrete path for an example: a missing field on every message answer is one paragraph, not fifty.
 */
function report(total: number, departures: Departure[]): string {
  const groups = new Map<string, { count: number; example: string; errors: string[] }>();
  for (const { route, example, problem } of departures) {
    const key = problem.side === "dispatch" ? `the gateway event ${route}` : `the ${problem.side} of ${route}`;
    const id = `${key}\n${problem.errors.join("\n")}`;
    const group = groups.get(id) ?? { count: 0, example, errors: problem.errors };
    group.count++;
    groups.set(id, group);
  }
  const departing = new Set(departures.map((d) => d.item)).size;
  const lines = [`${departing} of ${total} REST exchanges and gateway events depart from Discord's OpenAPI spec (sandbox/discord/spec):`];
  for (const [id, group] of groups) {
    lines.push(`- ${id.split("\n")[0]} (${group.count}×, e.g. ${group.example}):`, ...group.errors.map((e) => `    ${e}`));
  }
  return lines.join("\n");
}
