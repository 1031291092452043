import { ConvexError } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
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

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** From the deployment's environment (BOT_WRITE_BURST, BOT_WRITES_PER_SECOND), else the defaults. */
export function writeRate(env: Record<string, string | undefined> = process.env): WriteRate {
  return {
    burst: positive(env.BOT_WRITE_BURST, DEFAULT_WRITE_BURST),
    perSecond: positive(env.BOT_WRITES_PER_SECOND, DEFAULT_WRITES_PER_SECOND),
  };
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

// ── The web app's writes ─────────────────────────────────────────────────────
// The same token bucket, per user, on a user_budgets row (a row of its own, so spending
// never re-runs the web app's queries, which all read the users row). The web client
// sends one call per title or episode, one after another, on import; its TV page sends
// a call per click and one status sync per change. A round trip takes tens of
// milliseconds, so a burst of 3,000 refilling 50 a second is never reached by the
// client, and bounds a script to a known rate. Episode batches cost by size.

export const DEFAULT_WEB_WRITE_BURST = 3_000;
export const DEFAULT_WEB_WRITES_PER_SECOND = 50;
/** Episodes one token pays for in a web call that marks many (the TV page's "done" on a long show). */
export const EPISODES_PER_WEB_TOKEN = 10;

/** From the environment (WEB_WRITE_BURST, WEB_WRITES_PER_SECOND), else the defaults. */
export function webWriteRate(env: Record<string, string | undefined> = process.env): WriteRate {
  return {
    burst: positive(env.WEB_WRITE_BURST, DEFAULT_WEB_WRITE_BURST),
    perSecond: positive(env.WEB_WRITES_PER_SECOND, DEFAULT_WEB_WRITES_PER_SECOND),
  };
}

/** Tokens a web call costs: one, or one per EPISODES_PER_WEB_TOKEN episodes it marks. */
export function webWriteCost(episodes: number): number {
  return Math.max(1, Math.ceil(episodes / EPISODES_PER_WEB_TOKEN));
}

export type BudgetKind = "web_writes" | "ai_generations";

async function budgetRow(ctx: MutationCtx, userId: Id<"users">, kind: BudgetKind): Promise<Doc<"user_budgets"> | null> {
  return await ctx.db
    .query("user_budgets")
    .withIndex("by_user_kind", (q) => q.eq("userId", userId).eq("kind", kind))
    .unique();
}

/** Tokens in a user_budgets bucket now (a missing row is full). */
export function budgetTokens(row: Pick<Doc<"user_budgets">, "tokens" | "at"> | null, now: number, rate: WriteRate): number {
  return tokensNow(row === null ? null : { writeTokens: row.tokens, writeTokensAt: row.at }, now, rate);
}

/**
 * Spends `cost` tokens of a user's bucket in the caller's transaction, or answers how
 * long to wait (nothing spent). A refused or failing write rolls the spend back with it.
 */
export async function trySpend(
  ctx: MutationCtx,
  userId: Id<"users">,
  kind: BudgetKind,
  cost: number,
  now: number,
  rate: WriteRate,
  extra: { lastAt?: number } = {},
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  const row = await budgetRow(ctx, userId, kind);
  const tokens = budgetTokens(row, now, rate);
  // A cost above the burst is paid from a full bucket (it could never be paid otherwise).
  const price = Math.min(cost, rate.burst);
  if (tokens < price) return { ok: false, retryAfterMs: Math.ceil(((price - tokens) / rate.perSecond) * 1000) };
  const fields = { tokens: tokens - price, at: now, ...extra };
  if (row === null) await ctx.db.insert("user_budgets", { userId, kind, ...fields });
  else await ctx.db.patch(row._id, fields);
  return { ok: true };
}

/** Spends a web app write's tokens, or refuses it with a message the web app can show (ConvexError text survives production). */
export async function spendWebWrite(
  ctx: MutationCtx,
  userId: Id<"users">,
  cost = 1,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const spent = await trySpend(ctx, userId, "web_writes", cost, Date.now(), webWriteRate(env));
  if (!spent.ok) {
    const seconds = Math.max(1, Math.ceil(spent.retryAfterMs / 1000));
    throw new ConvexError(`Too many changes at once — try again in ${seconds} second${seconds === 1 ? "" : "s"}.`);
  }
}

/** The last-started time and remaining attempts of a user's AI generation budget (for the caller's own rule). */
export async function generationBudget(ctx: MutationCtx, userId: Id<"users">): Promise<Doc<"user_budgets"> | null> {
  return await budgetRow(ctx, userId, "ai_generations");
}
