/**
 * Per-user token bucket: a burst of `capacity` commands, refilled at
 * `refillPerSecond`. Over the limit, `take` says how long to wait.
 */
export class UserRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly capacity = 8,
    private readonly refillPerSecond = 1,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the milliseconds until one is available. */
  take(userId: string): number {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.capacity, updatedAt: now };
    const refilled = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.refillPerSecond);
    if (refilled < 1) {
      this.buckets.set(userId, { tokens: refilled, updatedAt: now });
      return Math.ceil(((1 - refilled) / this.refillPerSecond) * 1000);
    }
    this.buckets.set(userId, { tokens: refilled - 1, updatedAt: now });
    if (this.buckets.size > 10_000) this.sweep(now);
    return 0;
  }

  /** Forgets users whose buckets are full again, so memory follows active users only. */
  private sweep(now: number): void {
    for (const [id, b] of this.buckets) {
      if (b.tokens + ((now - b.updatedAt) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(id);
    }
  }
}
