/**
 * Discord's rate limits as the sandbox applies them: a per-channel fixed window shared by
 * message creates and edits (5 per 5 s by default), a stricter one for edits of messages older
 * than an hour (429 with code 30046), and 429s injected by tests.
 */
import { createHash } from "node:crypto";
import { RESTJSONErrorCodes } from "discord-api-types/v10";
import { DiscordHttpError } from "./errors.ts";

/** A 429 answer (Discord's body and headers). */
export class RateLimitResponse {
  constructor(
    readonly retryAfterMs: number,
    readonly bucket: string,
    readonly limit: number,
    readonly resetAt: number,
    readonly injected: boolean,
    /** Discord's JSON error code, when the 429 carries one (30046). */
    readonly code?: number,
  ) {}
}

export interface BucketState {
  bucket: string;
  limit: number;
  remaining: number;
  resetAt: number;
}

export function bucketHash(key: string): string {
  return createHash("sha1").update(key).digest("hex").slice(0, 32);
}

export class RateLimits {
  private injected = 0;
  private readonly windows = new Map<string, { start: number; used: number }>();
  private readonly channelBucket = bucketHash("channel-messages");
  private readonly oldEditBucket = bucketHash("old-message-edits");

  constructor(
    private readonly channelLimit: { count: number; windowMs: number },
    private readonly injectedRetryAfterMs: number,
    private readonly oldEditLimit: { count: number; windowMs: number } = { count: 3, windowMs: 20_000 },
  ) {}

  /** Counts an edit of a message older than an hour; throws 429 / 30046 when the window is used up. */
  takeOldMessageEdit(channelId: string): void {
    const { count, windowMs } = this.oldEditLimit;
    const now = Date.now();
    const key = `old-edit:${channelId}`;
    let w = this.windows.get(key);
    if (!w || now >= w.start + windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    const resetAt = w.start + windowMs;
    if (w.used >= count)
      throw new RateLimitResponse(
        resetAt - now,
        this.oldEditBucket,
        count,
        resetAt,
        false,
        RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached,
      );
    w.used++;
  }

  private readonly serverErrors: number[] = [];

  /** The next `n` message posts and edits in server channels answer `status` (a Discord outage). */
  injectServerErrors(n: number, status: number): void {
    for (let i = 0; i < n; i++) this.serverErrors.push(status);
  }

  /** Throws an injected server error if one is queued. */
  takeServerError(): void {
    const status = this.serverErrors.shift();
    if (status !== undefined) throw new DiscordHttpError(status, 0, `${status}: Internal Server Error`);
  }

  /** The next `n` bot REST requests get 429. */
  inject(n: number): void {
    this.injected += n;
  }

  /** Throws an injected 429 for this route if one is queued. */
  takeInjected(routeKey: string): void {
    if (this.injected <= 0) return;
    this.injected--;
    throw new RateLimitResponse(this.injectedRetryAfterMs, bucketHash(routeKey), 1, Date.now() + this.injectedRetryAfterMs, true);
  }

  /** Counts a message create/edit in a channel; throws a 429 when the window is used up. */
  takeChannelMessage(channelId: string): BucketState {
    const { count, windowMs } = this.channelLimit;
    const now = Date.now();
    let w = this.windows.get(channelId);
    if (!w || now >= w.start + windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(channelId, w);
    }
    const resetAt = w.start + windowMs;
    if (w.used >= count) throw new RateLimitResponse(resetAt - now, this.channelBucket, count, resetAt, false);
    w.used++;
    return { bucket: this.channelBucket, limit: count, remaining: count - w.used, resetAt };
  }
}
