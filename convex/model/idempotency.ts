// Writes that are safe to retry. The bot sends every mutation with a key made of the Discord
// interaction's id and the call's number within it; the first run records the key with its result
// in the same transaction, and a repeat (the bot retrying a write whose answer was lost) gets that
// result back without the handler running again. A key lives as long as the interaction's token
// (15 minutes): the bot never retries later than that. The daily sweep deletes expired keys.
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { MutationCtx } from "../_generated/server";

/** As long as a Discord interaction token: no retry of the interaction's writes comes later. */
export const IDEMPOTENCY_TTL_MS = 15 * 60 * 1000;
/** "interaction id:call number" — a snowflake and the bot's count of writes in that interaction. */
const KEY = /^\d{15,21}:\d{1,3}$/;
/** A result larger than this is not kept (the write then simply runs again on a retry). */
const MAX_RESULT_CHARS = 256 * 1024;

/** The key if the bot sent a well-formed one; anything else means "not retryable" (null). */
export function idempotencyKey(interaction: { key?: string } | undefined): string | null {
  const key = interaction?.key;
  return key !== undefined && KEY.test(key) ? key : null;
}

/** The first run's result for this key, while it is fresh; undefined when the write has not run. */
export async function replayedResult(
  ctx: MutationCtx,
  key: string,
  discordUserId: string,
  now: number,
): Promise<{ result: Value } | undefined> {
  const row = await ctx.db
    .query("bot_idempotency")
    .withIndex("by_key", (q) => q.eq("key", key))
    .unique();
  // Only the person whose write it was gets its result back.
  if (row === null || row.expiresAt <= now || row.discordUserId !== discordUserId) return undefined;
  return { result: jsonToConvex(JSON.parse(row.result) as JSONValue) };
}

/** Records the key with the write's result, in the write's own transaction. */
export async function recordResult(ctx: MutationCtx, key: string, discordUserId: string, result: unknown, now: number): Promise<void> {
  const text = JSON.stringify(convexToJson((result ?? null) as Value));
  if (text.length > MAX_RESULT_CHARS) return;
  const stale = await ctx.db
    .query("bot_idempotency")
    .withIndex("by_key", (q) => q.eq("key", key))
    .unique();
  if (stale !== null) await ctx.db.delete(stale._id);
  await ctx.db.insert("bot_idempotency", { key, discordUserId, result: text, expiresAt: now + IDEMPOTENCY_TTL_MS });
}
