/**
 * Whether the bot is still busy: REST requests in flight, the quiet period after the last one,
 * and rate-limit waits it may be sitting out. Acting calls and waitForIdle() wait on this.
 */

/** Waiters woken on any state change, with a timeout. */
class Signal {
  private waiters = new Set<() => void>();
  notify(): void {
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      this.waiters.add(done);
    });
  }
}

export class Activity {
  readonly signal = new Signal();
  private inflight = 0;
  private lastActivity = 0;
  /** Requests started or ended so far: tells "nothing happened" apart within one millisecond. */
  private changes = 0;
  private busyUntil = 0;

  constructor(private readonly quietMs: number) {}

  requestStarted(): void {
    this.inflight++;
    this.changes++;
    this.lastActivity = Date.now();
    this.signal.notify();
  }

  requestEnded(): void {
    this.inflight = Math.max(0, this.inflight - 1);
    this.changes++;
    this.lastActivity = Date.now();
    this.signal.notify();
  }

  /** The bot may be holding requests (waiting out a rate limit) until `untilMs`. */
  busy(untilMs: number): void {
    this.busyUntil = Math.max(this.busyUntil, untilMs);
  }

  /**
   * Waits until no request is in flight, none started or ended for quietMs, and no rate-limit
   * wait is pending — or until `pending()` says something else is still outstanding, in which
   * case it rechecks every 50–100 ms. Gives up at `until` (real time); returns whether it settled.
   */
  async settle(pending: () => boolean, until: number): Promise<boolean> {
    while (Date.now() < until) {
      if (pending()) {
        await this.signal.wait(100);
        continue;
      }
      const wake = Math.max(this.lastActivity + this.quietMs, this.busyUntil);
      if (this.inflight === 0 && wake <= Date.now()) {
        // A blocked event loop (a busy test machine) stretches the quiet window: the bot's next
        // request may already be waiting in this very turn (timers run before I/O). Quiet only if
        // a few full turns of the loop pass with nothing new.
        const seen = this.changes;
        for (let turn = 0; turn < 3; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.changes === seen && this.inflight === 0 && !pending()) return true;
        continue;
      }
      await this.signal.wait(this.inflight > 0 ? 50 : wake - Date.now());
    }
    return false;
  }
}
