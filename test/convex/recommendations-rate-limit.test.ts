// The AI rate limit counts every attempt that reaches the model, in a mutation, before Gemini is called.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { RATE_LIMIT_MS } from "../../convex/recommendations";
import { deployment, type Deployment } from "./setup";

const ENABLED = { public_meta: JSON.stringify({ aiGenerationEnabled: true }) };
const PICKS = JSON.stringify({
  recommendations: [{ title: "Interstellar", tmdbId: 157336, mediaType: "movie", relevanceScore: 90, reasoning: "." }],
});
const ok = () => new Response(JSON.stringify({ candidates: [{ content: { parts: [{ text: PICKS }] } }] }), { status: 200 });

/** Gemini stubbed at fetch; counts the calls that reached it. `delayMs` keeps calls in flight together. */
function stubGemini(answer: () => Response, delayMs = 0): { calls: number } {
  const seen = { calls: 0 };
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      seen.calls++;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return answer();
    }),
  );
  return seen;
}

async function aliceWithTitles(t: Deployment) {
  const alice = t.withIdentity({ subject: "user_alice", ...ENABLED });
  await alice.mutation(api.users.store, { name: "Alice" });
  await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 27205, mediaType: "movie", inWatchlist: true, title: "Inception" });
  return alice;
}

const generate = (alice: Awaited<ReturnType<typeof aliceWithTitles>>, args: { excludeTmdbIds?: number[] } = {}) =>
  alice.action(api.recommendations.generateRecommendations, { generationType: "watchlist", ...args });

describe("the recommendation rate limit", () => {
  let now = Date.UTC(2026, 11, 7, 12);
  const advance = (ms: number) => {
    now += ms;
    vi.setSystemTime(now);
  };
  beforeEach(() => {
    process.env.GEMINI_API_KEY = "test-key";
    process.env.GEMINI_API_BASE = "http://gemini.test/v1beta";
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    delete process.env.GEMINI_API_KEY;
    delete process.env.GEMINI_API_BASE;
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("lets Generate more follow at once, as the web app expects, but not without end", async () => {
    const t = deployment();
    const alice = await aliceWithTitles(t);
    const gemini = stubGemini(ok);
    expect(await generate(alice)).toMatchObject({ cached: false });
    // A new generation within two minutes is refused, as in the original.
    advance(10_000);
    expect(await generate(alice)).toEqual({ error: "rate_limited" });
    // "Generate more" (titles excluded) right after: allowed, as in the original — four more times.
    for (let i = 0; i < 4; i++) {
      advance(5_000);
      expect(await generate(alice, { excludeTmdbIds: [157336] })).toMatchObject({ cached: false });
    }
    // Excluding titles no longer skips the limit for good.
    advance(5_000);
    expect(await generate(alice, { excludeTmdbIds: [157336] })).toEqual({ error: "rate_limited" });
    expect(gemini.calls).toBe(5);
    // The bucket refills one attempt per two minutes; a plain generation waits two minutes since the last start.
    advance(RATE_LIMIT_MS);
    expect(await generate(alice)).toMatchObject({ cached: false });
    expect(gemini.calls).toBe(6);
    expect(await alice.query(api.recommendations.getRecommendationHistory, {})).toHaveLength(6);
  });

  it("lets only one of several simultaneous generations reach the model", async () => {
    const t = deployment();
    const alice = await aliceWithTitles(t);
    const gemini = stubGemini(ok, 50);
    const results = await Promise.all([generate(alice), generate(alice), generate(alice)]);
    expect(gemini.calls).toBe(1);
    expect(results.filter((r) => "error" in r && r.error === "rate_limited")).toHaveLength(2);
  });

  it("counts an attempt whose model call failed", async () => {
    const t = deployment();
    const alice = await aliceWithTitles(t);
    const gemini = stubGemini(() => new Response("busy", { status: 503 }));
    expect(await generate(alice)).toEqual({ error: "high_demand" });
    advance(1_000);
    expect(await generate(alice)).toEqual({ error: "rate_limited" });
    expect(gemini.calls).toBe(1);
    advance(RATE_LIMIT_MS);
    expect(await generate(alice)).toEqual({ error: "high_demand" });
    expect(gemini.calls).toBe(2);
  });

  it("costs nothing when the watchlist is empty, so adding titles and asking again works", async () => {
    const t = deployment();
    const alice = t.withIdentity({ subject: "user_alice", ...ENABLED });
    await alice.mutation(api.users.store, { name: "Alice" });
    const gemini = stubGemini(ok);
    expect(await generate(alice)).toEqual({ error: "empty_watchlist" });
    await alice.mutation(api.watchlist.setWatchlistMembership, {
      tmdbId: 27205,
      mediaType: "movie",
      inWatchlist: true,
      title: "Inception",
    });
    expect(await generate(alice)).toMatchObject({ cached: false });
    expect(gemini.calls).toBe(1);
  });
});
