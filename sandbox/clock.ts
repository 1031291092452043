import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";

/**
 * The sandbox clock. `Date.now()` reads real time plus an offset that only
 * grows, when a script says `wait 2h`. Timers created by the embedded Convex
 * engine (scheduled functions, crons) are virtual: they fire after their real
 * delay as usual, and `advance` fires every one that falls due in the skipped
 * span, in order. Other timers (discord.js heartbeats, HTTP timeouts) stay real.
 */
/** The longest delay Node's setTimeout honours; anything longer fires after 1 ms. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class SandboxClock {
  private offset = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; fire: () => void; real: NodeJS.Timeout }>();
  private readonly engineContext = new AsyncLocalStorage<true>();
  private readonly realNow = Date.now.bind(Date);
  private readonly realSetTimeout = globalThis.setTimeout;
  private readonly realClearTimeout = globalThis.clearTimeout;
  private installed = false;
  private idle: () => Promise<void> = async () => {};

  /** `startAt` (epoch ms) sets where the clock starts; it then runs on from there. Default: now. */
  constructor(startAt?: number) {
    if (startAt !== undefined) {
      if (!Number.isFinite(startAt)) throw new RangeError(`startAt must be a finite epoch ms, got ${startAt}`);
      this.offset = startAt - this.realNow();
    }
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  /** Runs `fn` as engine work: timers it (or anything it starts) creates are virtual. */
  inEngine<T>(fn: () => T): T {
    return this.engineContext.run(true, fn);
  }

  /** How to wait until the engine has nothing in flight (between fired timers). */
  onIdle(wait: () => Promise<void>): void {
    this.idle = wait;
  }

  install(): void {
    if (this.installed) return;
    this.installed = true;
    // The patched globals are plain functions (setTimeout keeps its own `this`): they reach the clock by name.
    // eslint-disable-next-line typescript/no-this-alias
    const clock = this;
    Date.now = () => clock.now();
    const patchedSetTimeout = function (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
      if (clock.engineContext.getStore() !== true) return clock.realSetTimeout(callback, ms, ...args);
      return clock.virtualTimeout(() => callback(...args), Math.max(0, ms ?? 0)) as unknown as NodeJS.Timeout;
    };
    globalThis.setTimeout = patchedSetTimeout as unknown as typeof setTimeout;
    globalThis.clearTimeout = ((handle: unknown) => {
      if (typeof handle === "object" && handle !== null && "virtualId" in handle) {
        const id = (handle as { virtualId: number }).virtualId;
        const timer = this.timers.get(id);
        if (timer) this.realClearTimeout(timer.real);
        this.timers.delete(id);
        return;
      }
      this.realClearTimeout(handle as NodeJS.Timeout);
    }) as typeof clearTimeout;
  }

  uninstall(): void {
    if (!this.installed) return;
    this.installed = false;
    Date.now = this.realNow;
    globalThis.setTimeout = this.realSetTimeout;
    globalThis.clearTimeout = this.realClearTimeout;
    for (const timer of this.timers.values()) this.realClearTimeout(timer.real);
    this.timers.clear();
  }

  /**
   * Schedules `fire` at now + ms on the sandbox clock. Node fires a delay over 2^31 − 1 ms
   * (24.8 days) at once, so a longer one is chained: the real timer wakes at most that far ahead
   * and sleeps again until the sandbox clock reaches the due time.
   */
  virtualTimeout(fire: () => void, ms: number): { virtualId: number } {
    const id = this.nextId++;
    const due = this.now() + ms;
    // Fired by real time or by advance(), it runs in the async context that scheduled it.
    const bound = AsyncResource.bind(fire);
    const run = () => {
      if (!this.timers.delete(id)) return;
      this.inEngine(bound);
    };
    const arm = (delay: number): NodeJS.Timeout => {
      const real = this.realSetTimeout(
        () => {
          const timer = this.timers.get(id);
          if (!timer) return;
          const left = timer.due - this.now();
          if (left > 0) timer.real = arm(left);
          else run();
        },
        Math.min(delay, MAX_TIMEOUT_MS),
      );
      real.unref?.();
      return real;
    };
    this.timers.set(id, { due, fire: run, real: arm(ms) });
    return {
      virtualId: id,
      ref() {},
      unref() {},
      hasRef: () => false,
      refresh() {
        return this;
      },
      [Symbol.toPrimitive]: () => id,
    } as { virtualId: number };
  }

  /** Moves the clock forward, firing every virtual timer due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.now() + ms;
    await this.idle();
    for (;;) {
      let earliest: [number, { due: number; fire: () => void; real: NodeJS.Timeout }] | undefined;
      for (const entry of this.timers) if (entry[1].due <= target && (!earliest || entry[1].due < earliest[1].due)) earliest = entry;
      if (!earliest) break;
      const [, timer] = earliest;
      if (timer.due > this.now()) this.offset += timer.due - this.now();
      this.realClearTimeout(timer.real);
      timer.fire();
      await this.idle();
    }
    if (target > this.now()) this.offset += target - this.now();
  }

  pendingTimers(): number {
    return this.timers.size;
  }
}
