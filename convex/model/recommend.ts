// AI recommendations: what the model is told and how its answer is checked. The call
// itself goes to Gemini's REST API (generateContent) when GEMINI_API_KEY is set; the
// base URL and model come from the environment so tests and the sandbox stay offline.
import { z } from "zod";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { generationBudget, trySpend, type WriteRate } from "./throttle";
import { statusMeaning } from "./vocabulary";

export const DEFAULT_GEMINI_BASE = "https://generativelanguage.googleapis.com/v1beta";
export const DEFAULT_GEMINI_MODEL = "gemini-2.5-flash";
/** Titles described to the model; ids listed as "don't recommend". */
export const PROMPT_TITLES = 50;
export const PROMPT_EXCLUDED_IDS = 1_000;
const CALL_TIMEOUT_MS = 45_000;

/** The original's rate limit: a new generation at most every two minutes after the last. */
export const RATE_LIMIT_MS = 2 * 60 * 1000;
/**
 * "Generate more" (titles excluded) may follow at once, as in the original, but only from
 * this bucket: five attempts, refilling one per RATE_LIMIT_MS. Every attempt spends one.
 */
export const GENERATION_RATE: WriteRate = { burst: 5, perSecond: 1 / (RATE_LIMIT_MS / 1000) };

/**
 * Counts one generation attempt before the model is called, in the caller's transaction
 * (so concurrent attempts are decided one after another, and a failed call has counted);
 * false when it is rate limited, which spends nothing. A new generation needs two minutes
 * since the last one started or was stored; "more" skips that and spends from the bucket.
 */
export async function claimGeneration(ctx: MutationCtx, userId: Id<"users">, more: boolean, now: number): Promise<boolean> {
  const newest = await ctx.db
    .query("ai_recommendations")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .order("desc")
    .first();
  const budget = await generationBudget(ctx, userId);
  const last = Math.max(newest?.createdAt ?? -Infinity, budget?.lastAt ?? -Infinity);
  if (!more && now - last < RATE_LIMIT_MS) return false;
  return (await trySpend(ctx, userId, "ai_generations", 1, now, GENERATION_RATE, { lastAt: now })).ok;
}

export type GenerationError = "empty_watchlist" | "rate_limited" | "api_unavailable" | "high_demand" | "invalid_response";

export interface GenerationInput {
  generationType: "watchlist" | "genre" | "list";
  mediaTypePreference?: "movie" | "tv";
  genrePreference?: string;
  excludeTmdbIds: number[];
  yearFrom?: number;
  yearTo?: number;
  count: number;
  titles: Pick<Doc<"watch_items">, "tmdbId" | "mediaType" | "title" | "rating" | "progressStatus" | "status" | "reaction">[];
  lists: { name: string; titles: string[] }[];
  listName?: string;
  listTitles?: string[];
  episodesWatched: number;
}

export function clampCount(count: number | undefined): number {
  if (count === undefined || !Number.isFinite(count)) return 10;
  return Math.min(30, Math.max(1, Math.round(count)));
}

const SYSTEM =
  "You recommend movies and TV shows. Only recommend real, existing titles; never invent one. " +
  "Answer with JSON only, in exactly the schema the user gives.";

const SCHEMA = `Answer with this JSON:
{"recommendations": [{"title": "exact official title", "tmdbId": number or null if unknown, "mediaType": "movie" or "tv", "relevanceScore": number 0-100, "reasoning": "one or two sentences"}]}`;

/** Prompt text: user-written strings (titles, list names, genres) are quoted and clipped. */
export function buildPrompt(input: GenerationInput): string {
  const quote = (s: string | undefined) => JSON.stringify((s ?? "Unknown").slice(0, 200));
  const line = (t: GenerationInput["titles"][number]) =>
    `- ${quote(t.title)} (TMDB ${t.tmdbId}, ${t.mediaType})${t.rating !== undefined ? `, rated ${t.rating}/10` : ""}${t.reaction !== undefined ? `, reaction ${t.reaction}` : ""}`;
  const what = input.mediaTypePreference === "movie" ? "movies" : input.mediaTypePreference === "tv" ? "TV shows" : "movies and TV shows";
  const parts: string[] = [];
  if (input.generationType === "watchlist") {
    const buckets: [string, (t: GenerationInput["titles"][number]) => boolean][] = [
      ["Loved or liked", (t) => t.reaction === "loved" || t.reaction === "liked"],
      ["Watching", (t) => statusMeaning(t.progressStatus ?? t.status) === "watching"],
      ["Finished", (t) => statusMeaning(t.progressStatus ?? t.status) === "finished"],
      ["Want to watch", (t) => statusMeaning(t.progressStatus ?? t.status) === "want-to-watch"],
      [
        "Didn't enjoy (dropped, mixed, not for me)",
        (t) => t.reaction === "mixed" || t.reaction === "not-for-me" || statusMeaning(t.progressStatus ?? t.status) === "dropped",
      ],
    ];
    const described = new Set<number>();
    for (const [heading, test] of buckets) {
      const picked = input.titles.filter((t) => test(t) && !described.has(t.tmdbId)).slice(0, PROMPT_TITLES - described.size);
      picked.forEach((t) => described.add(t.tmdbId));
      if (picked.length > 0) parts.push(`## ${heading}\n${picked.map(line).join("\n")}`);
    }
    for (const list of input.lists.slice(0, 20))
      parts.push(
        `## My list ${quote(list.name)}\n${list.titles
          .slice(0, 20)
          .map((t) => `- ${quote(t)}`)
          .join("\n")}`,
      );
    parts.push(
      `I track ${input.titles.filter((t) => t.mediaType === "movie").length} movies and ${input.titles.filter((t) => t.mediaType === "tv").length} shows and have watched ${input.episodesWatched} episodes.`,
    );
    parts.push(`Recommend exactly ${input.count} ${what} I would enjoy.`);
  } else if (input.generationType === "list") {
    parts.push(
      `My list ${quote(input.listName)} holds:\n${(input.listTitles ?? [])
        .slice(0, PROMPT_TITLES)
        .map((t) => `- ${quote(t)}`)
        .join("\n")}`,
    );
    parts.push(`Recommend exactly ${input.count} ${what} that share their themes, genres, people or mood.`);
  } else {
    parts.push(
      `Recommend exactly ${input.count} popular, highly rated ${what}${input.genrePreference ? ` in these genres: ${quote(input.genrePreference)}` : ""}, a mix of classics and recent titles.`,
    );
  }
  if (input.mediaTypePreference !== undefined) parts.push(`Only ${what}.`);
  if (input.yearFrom !== undefined || input.yearTo !== undefined) {
    parts.push(`Only titles released from ${input.yearFrom ?? 1900} to ${input.yearTo ?? new Date().getUTCFullYear()}.`);
  }
  const excluded = [...new Set([...input.titles.map((t) => t.tmdbId), ...input.excludeTmdbIds])].slice(0, PROMPT_EXCLUDED_IDS);
  if (excluded.length > 0) parts.push(`Do not recommend these TMDB ids: ${excluded.join(", ")}.`);
  parts.push(SCHEMA);
  return parts.join("\n\n");
}

const recommendationSchema = z.object({
  title: z.string().trim().min(1).max(300),
  tmdbId: z.number().int().positive().nullable().catch(null),
  mediaType: z.enum(["movie", "tv"]),
  relevanceScore: z.number().min(0).max(100).catch(50),
  reasoning: z.string().max(1_000).catch(""),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** The model's answer, checked: malformed items are dropped, known titles filtered out; null if it isn't the schema at all. */
export function parseAnswer(text: string, known: Set<number>, count: number): Recommendation[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const outer = z.object({ recommendations: z.array(z.unknown()) }).safeParse(json);
  if (!outer.success) return null;
  const items: Recommendation[] = [];
  for (const raw of outer.data.recommendations) {
    const item = recommendationSchema.safeParse(raw);
    if (item.success && (item.data.tmdbId === null || !known.has(item.data.tmdbId))) items.push(item.data);
  }
  return items.slice(0, count);
}

/** One generateContent call; the answer's text, or why there is none. */
export async function callGemini(
  prompt: string,
  env: Record<string, string | undefined> = process.env,
): Promise<{ text: string; model: string } | { error: "api_unavailable" | "high_demand" }> {
  const key = env.GEMINI_API_KEY;
  if (key === undefined || key === "") return { error: "api_unavailable" };
  const model = env.GEMINI_MODEL || DEFAULT_GEMINI_MODEL;
  const base = (env.GEMINI_API_BASE || DEFAULT_GEMINI_BASE).replace(/\/+$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}/models/${encodeURIComponent(model)}:generateContent`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": key },
      body: JSON.stringify({
        systemInstruction: { parts: [{ text: SYSTEM }] },
        contents: [{ role: "user", parts: [{ text: prompt }] }],
        generationConfig: { responseMimeType: "application/json" },
      }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch {
    return { error: "api_unavailable" };
  }
  if (response.status === 429 || response.status === 503) return { error: "high_demand" };
  if (!response.ok) return { error: "api_unavailable" };
  const body = (await response.json().catch(() => null)) as { candidates?: { content?: { parts?: { text?: unknown }[] } }[] } | null;
  const text = body?.candidates?.[0]?.content?.parts?.map((p) => (typeof p.text === "string" ? p.text : "")).join("") ?? "";
  return { text, model };
}

/** A short, stable digest of what the recommendations were based on. */
export function watchlistHash(input: GenerationInput): string {
  const text =
    input.titles
      .map((t) => `${t.tmdbId}:${t.progressStatus ?? t.status ?? ""}:${t.reaction ?? ""}`)
      .sort()
      .join("|") + `|${input.mediaTypePreference ?? ""}|${input.genrePreference ?? ""}`;
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
