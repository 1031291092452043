import { convexTest } from "convex-test";
import { afterEach, beforeEach, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import schema from "../../convex/schema";
import { observeTransactions, type TransactionCost } from "../../convex/lib/metrics";

export const modules = import.meta.glob("../../convex/**/*.*s");
export const SECRET = "test-bot-secret-0123456789abcdef";

/** A fresh deployment with Convex's real per-transaction limits enforced. */
export function deployment() {
  process.env.BOT_API_SECRET = SECRET;
  return convexTest({ schema, modules, transactionLimits: true });
}
export type Deployment = ReturnType<typeof deployment>;

export const ALICE = "100000000000000001";
export const BOB = "100000000000000002";

/** A web user signed in through Clerk (identity.subject is the Clerk user id). */
export function webUser(t: Deployment, clerkId = "user_alice") {
  return t.withIdentity({ subject: clerkId, name: "Alice", email: "alice@example.com" });
}

export const GOT = {
  tmdbId: 1399,
  title: "Game of Thrones",
  seasons: [10, 10, 10, 10, 10, 10, 7, 6].map((episodeCount, i) => ({
    season: i + 1,
    name: `Season ${i + 1}`,
    episodeCount,
    episodeNames: Array.from({ length: episodeCount }, (_, e) => (i === 0 && e === 2 ? "Lord Snow" : `Episode ${e + 1}`)),
  })),
};

export async function cacheGot(t: Deployment) {
  await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...GOT });
}

/** Records what each bot call read and wrote while `fn` runs. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; costs: TransactionCost[] }> {
  const costs: TransactionCost[] = [];
  const stop = observeTransactions((c) => costs.push(c));
  try {
    return { result: await fn(), costs };
  } finally {
    stop();
  }
}

/**
 * Around every test of the describe it is called in: fake timers (from `startAt`, when given), the
 * deployment's Discord settings, and whatever `install` puts at fetch (a fake Discord); all undone after.
 */
export function withFakeDiscord(install: () => void, startAt?: number): void {
  beforeEach(() => {
    vi.useFakeTimers();
    if (startAt !== undefined) vi.setSystemTime(startAt);
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    install();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });
}
