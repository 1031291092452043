// generateRecommendations against Gemini's REST API, stubbed at fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { RATE_LIMIT_MS } from "../../convex/recommendations";
import { deployment, type Deployment } from "./setup";

const ENABLED = { public_meta: JSON.stringify({ aiGenerationEnabled: true }) };
const BASE = "http://gemini.test/v1beta";

interface Call {
  url: string;
  headers: Record<string, string>;
  body: { contents: { parts: { text: string }[] }[]; generationConfig: { responseMimeType: string } };
}

function stubGemini(answer: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) });
      return answer();
    }),
  );
  return calls;
}

const geminiText = (text: string) => new Response(JSON.stringify({ candidates: [{ content: { parts: [{ text }] } }] }), { status: 200 });

async function signedInWithTitles(t: Deployment) {
  const alice = t.withIdentity({ subject: "user_alice", ...ENABLED });
  await alice.mutation(api.users.store, { name: "Alice" });
  await alice.mutation(api.watchlist.setWatchlistMembership, { tmdbId: 27205, mediaType: "movie", inWatchlist: true, title: "Inception" });
  await alice.mutation(api.watchlist.setReaction, { tmdbId: 27205, mediaType: "movie", reaction: "loved" });
  await alice.mutation(api.watchlist.setProgressStatus, {
    tmdbId: 1399,
    mediaType: "tv",
    progressStatus: "dropped",
    title: "Game of Thrones",
  });
  return alice;
}

describe("generating recommendations with Gemini", () => {
  beforeEach(() => {
    process.env.GEMINI_API_KEY = "test-key";
    process.env.GEMINI_API_BASE = BASE;
  });
  afterEach(() => {
    delete process.env.GEMINI_API_KEY;
    delete process.env.GEMINI_API_BASE;
    vi.unstubAllGlobals();
  });

  it("asks about the user's titles, keeps valid new picks, stores them in the history and answers them", async () => {
    const t = deployment();
    const alice = await signedInWithTitles(t);
    const calls = stubGemini(() =>
      geminiText(
        JSON.stringify({
          recommendations: [
            { title: "Interstellar", tmdbId: 157336, mediaType: "movie", relevanceScore: 92, reasoning: "Nolan again." },
            { title: "Inception", tmdbId: 27205, mediaType: "movie", relevanceScore: 99, reasoning: "Already tracked." },
            { title: "Not a title", mediaType: "podcast" },
            { title: "Dark", tmdbId: null, mediaType: "tv", relevanceScore: 80, reasoning: "Time loops." },
          ],
        }),
      ),
    );
    const result = await alice.action(api.recommendations.generateRecommendations, { generationType: "watchlist", count: 5 });
    expect(result).toMatchObject({
      recommendations: [
        { title: "Interstellar", tmdbId: 157336, mediaType: "movie" },
        { title: "Dark", tmdbId: null, mediaType: "tv" },
      ],
      inputStats: { movieCount: 1, tvCount: 1, totalItems: 2 },
      cached: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${BASE}/models/gemini-2.5-flash:generateContent`);
    expect(calls[0]!.headers["x-goog-api-key"]).toBe("test-key");
    expect(calls[0]!.body.generationConfig.responseMimeType).toBe("application/json");
    const prompt = calls[0]!.body.contents[0]!.parts[0]!.text;
    expect(prompt).toContain('"Inception"');
    expect(prompt).toMatch(/Didn't enjoy[^#]*"Game of Thrones"/);
    expect(prompt).toContain("Recommend exactly 5");

    const [entry] = await alice.query(api.recommendations.getRecommendationHistory, {});
    expect(entry).toMatchObject({ generationType: "watchlist", model: "gemini-2.5-flash", inputStats: { totalItems: 2 } });
    expect(JSON.parse(entry!.recommendations).map((r: { title: string }) => r.title)).toEqual(["Interstellar", "Dark"]);
  });

  it("answers high_demand, api_unavailable or invalid_response and stores nothing when Gemini fails", async () => {
    const t = deployment();
    const alice = await signedInWithTitles(t);
    const cases: [() => Response, string][] = [
      [() => new Response("busy", { status: 503 }), "high_demand"],
      [() => new Response("quota", { status: 429 }), "high_demand"],
      [() => new Response("boom", { status: 500 }), "api_unavailable"],
      [() => geminiText("Sure! Here are some films: …"), "invalid_response"],
      [() => geminiText(JSON.stringify({ picks: [] })), "invalid_response"],
    ];
    // A failed attempt counts towards the rate limit: each case comes two minutes after the last.
    let now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    // Pinned: the fake clock starts at the real time a moment later, which would leave each step a few ms short of the limit.
    vi.setSystemTime(now);
    try {
      for (const [answer, error] of cases) {
        stubGemini(answer);
        expect(await alice.action(api.recommendations.generateRecommendations, { count: 3 })).toEqual({ error });
        vi.setSystemTime((now += RATE_LIMIT_MS));
      }
      vi.stubGlobal(
        "fetch",
        vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
      );
      expect(await alice.action(api.recommendations.generateRecommendations, {})).toEqual({ error: "api_unavailable" });
    } finally {
      vi.useRealTimers();
    }
    expect(await alice.query(api.recommendations.getRecommendationHistory, {})).toEqual([]);
  });

  it("recommends by genre without a watchlist, and refuses an empty or someone else's list", async () => {
    const t = deployment();
    const bob = t.withIdentity({ subject: "user_bob", ...ENABLED });
    await bob.mutation(api.users.store, { name: "Bob" });
    const calls = stubGemini(() =>
      geminiText(
        JSON.stringify({ recommendations: [{ title: "Alien", tmdbId: 348, mediaType: "movie", relevanceScore: 90, reasoning: "." }] }),
      ),
    );
    const genre = await bob.action(api.recommendations.generateRecommendations, {
      generationType: "genre",
      genrePreference: "sci-fi horror",
      mediaTypePreference: "movie",
    });
    expect(genre).toMatchObject({ recommendations: [{ title: "Alien" }] });
    expect(calls[0]!.body.contents[0]!.parts[0]!.text).toContain('"sci-fi horror"');

    const alice = await signedInWithTitles(t);
    const empty = await alice.mutation(api.watchlist.createCustomList, { name: "Empty" });
    expect(await alice.action(api.recommendations.generateRecommendations, { generationType: "list", listId: empty })).toEqual({
      error: "empty_watchlist",
    });
    const bobs = await bob.mutation(api.watchlist.createCustomListAndAddItem, {
      name: "Bob's",
      tmdbId: 348,
      mediaType: "movie",
      title: "Alien",
    });
    expect(await alice.action(api.recommendations.generateRecommendations, { generationType: "list", listId: bobs })).toEqual({
      error: "empty_watchlist",
    });
  });
});
