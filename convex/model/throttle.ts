import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { fail } from "./errors";

/**
 * Per-user write throttling as a token bucket kept on the user's discord_accounts
 * row, checked and spent inside the command's own transaction: it costs no extra
 * round trip and no extra read (the builder reads that row to resolve the user),
 * and it holds however many bot processes (shards) there are. Only a write that
 * changed something spends a token; a refused or no-op write rolls back or
 * leaves the bucket alone.
 */
export const DEFAULT_WRITE_BURST = 8;
export const DEFAULT_WRITES_PER_SECOND = 1;

export interface WriteRate {
  burst: number;
  perSecond: number;
}

/** From the deployment's environment (BOT_WRITE_BURST, BOT_WRITES_PER_SECOND), else the defaults. */
export function writeRate(env: Record<string, string | undefined> = process.env): WriteRate {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { burst: positive(env.BOT_WRITE_BURST, DEFAULT_WRITE_BURST), perSecond: positive(env.BOT_WRITES_PER_SECOND, DEFAULT_WRITES_PER_SECOND) };
}

type Bucket = Pick<Doc<"discord_accounts">, "writeTokens" | "writeTokensAt">;

/** Tokens in the bucket now (a missing bucket is full). */
export function tokensNow(bucket: Bucket | null, now: number, rate: WriteRate): number {
  if (bucket === null || bucket.writeTokens === undefined || bucket.writeTokensAt === undefined) return rate.burst;
  const elapsed = Math.max(0, now - bucket.writeTokensAt);
  return Math.min(rate.burst, bucket.writeTokens + (elapsed / 1000) * rate.perSecond);
}

/** Fails RATE_LIMITED, saying when to retry, unless a token is available. */
export function checkWriteToken(bucket: Bucket | null, now: number, rate: WriteRate): void {
  const tokens = tokensNow(bucket, now, rate);
  if (tokens >= 1) return;
  const retryAfterMs = Math.ceil(((1 - tokens) / rate.perSecond) * 1000);
  fail("RATE_LIMITED", `Slow down a little — try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))}s.`, { retryAfterMs });
}

/** Spends one token of the account's bucket (after checkWriteToken allowed it). */
export async function spendWriteToken(
  ctx: MutationCtx,
  account: Bucket & Pick<Doc<"discord_accounts">, "_id">,
  now: number,
  rate: WriteRate,
): Promise<void> {
  // Patched without reading the row again: the bucket was read before the handler ran.
  await ctx.db.patch(account._id, { writeTokens: tokensNow(account, now, rate) - 1, writeTokensAt: now });
}
