// The web app's AI recommendations (docs/web-api.md): the history, verification
// and deletion, and generation through Gemini when GEMINI_API_KEY is set (otherwise it
// answers { error: "api_unavailable" } once the caller passes the original's checks).
import { doc } from "convex-helpers/validators";
import { ConvexError, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { action, internalMutation, internalQuery, mutation, query } from "./_generated/server";
import {
  buildPrompt,
  callGemini,
  claimGeneration as claim,
  clampCount,
  parseAnswer,
  PROMPT_EXCLUDED_IDS,
  watchlistHash,
  type GenerationInput,
  type Recommendation,
} from "./model/recommend";
import { spendWebWrite } from "./model/throttle";
import { userByToken } from "./model/users";
import { aiClaim, webReader } from "./model/webUsers";
import schema from "./schema";

/** Entries the history answers with; the original returned every entry ever made. */
export const HISTORY_LIMIT = 100;
export { RATE_LIMIT_MS } from "./model/recommend";
const MAX_RECOMMENDATIONS_TEXT = 200_000;

export const getRecommendationHistory = query({
  args: {},
  returns: v.array(doc(schema, "ai_recommendations")),
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null || aiClaim(identity) === "disabled") return [];
    const user = await webReader(ctx);
    if (user === null) return [];
    return await ctx.db
      .query("ai_recommendations")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .order("desc")
      .take(HISTORY_LIMIT);
  },
});

export const getUserRecommendationAccess = query({
  args: {},
  returns: v.union(
    v.object({ hasAccess: v.literal(true) }),
    v.object({ hasAccess: v.literal(false), reason: v.union(v.literal("not_authenticated"), v.literal("feature_disabled")) }),
  ),
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) return { hasAccess: false as const, reason: "not_authenticated" as const };
    if (aiClaim(identity) !== "enabled") return { hasAccess: false as const, reason: "feature_disabled" as const };
    return { hasAccess: true as const };
  },
});

/** Titles generation reads (newest first); inputStats count these. */
export const GENERATION_TITLES = 4_000;

/** Everything generation needs from the database, read in one bounded query. */
export const generationContext = internalQuery({
  args: { subject: v.string(), listId: v.optional(v.string()) },
  handler: async (ctx, args) => {
    const user = await userByToken(ctx, args.subject);
    if (user === null) return null;
    const titles = (
      await ctx.db
        .query("watch_items")
        .withIndex("by_user_updated", (q) => q.eq("userId", user._id))
        .order("desc")
        .take(GENERATION_TITLES)
    ).map(({ tmdbId, mediaType, title, rating, progressStatus, status, reaction }) => ({
      tmdbId,
      mediaType,
      title,
      rating,
      progressStatus,
      status,
      reaction,
    }));
    const titleOf = new Map(titles.map((t) => [`${t.mediaType}:${t.tmdbId}`, t.title]));
    const itemTitles = (items: Doc<"list_items">[]) =>
      items.map((i) => i.title ?? titleOf.get(`${i.mediaType}:${i.tmdbId}`) ?? `TMDB ${i.tmdbId}`);
    const lists = [];
    for (const list of await ctx.db
      .query("lists")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .take(20)) {
      const items = await ctx.db
        .query("list_items")
        .withIndex("by_list", (q) => q.eq("listId", list._id))
        .take(20);
      if (items.length > 0) lists.push({ name: list.name, titles: itemTitles(items) });
    }
    let chosen: { name: string; titles: string[] } | null = null;
    const listId = args.listId === undefined ? null : ctx.db.normalizeId("lists", args.listId);
    if (listId !== null) {
      const list = await ctx.db.get(listId);
      if (list !== null && list.userId === user._id) {
        const items = await ctx.db
          .query("list_items")
          .withIndex("by_list", (q) => q.eq("listId", list._id))
          .take(200);
        chosen = { name: list.name, titles: itemTitles(items) };
      }
    }
    let episodesWatched = 0;
    for (const summary of await ctx.db
      .query("episode_summaries")
      .withIndex("by_user_show", (q) => q.eq("userId", user._id))
      .take(GENERATION_TITLES)) {
      episodesWatched += summary.watchedCount;
    }
    return { userId: user._id, titles, lists, chosen, episodesWatched };
  },
});

export const saveRecommendations = internalMutation({
  args: {
    userId: v.id("users"),
    recommendations: v.string(),
    watchlistHash: v.string(),
    inputStats: v.object({ movieCount: v.number(), tvCount: v.number(), episodesWatched: v.number(), totalItems: v.number() }),
    model: v.string(),
    mediaTypePreference: v.optional(v.string()),
    genrePreference: v.optional(v.string()),
    generationType: v.string(),
  },
  returns: v.id("ai_recommendations"),
  handler: async (ctx, args) => await ctx.db.insert("ai_recommendations", { ...args, createdAt: Date.now() }),
});

/** One generation attempt, counted before the model is called (model/recommend.ts); false when rate limited. */
export const claimGeneration = internalMutation({
  args: { userId: v.id("users"), more: v.boolean() },
  returns: v.boolean(),
  handler: async (ctx, args) => await claim(ctx, args.userId, args.more, Date.now()),
});

interface GenerationContext {
  userId: Id<"users">;
  titles: GenerationInput["titles"];
  lists: GenerationInput["lists"];
  chosen: { name: string; titles: string[] } | null;
  episodesWatched: number;
}
type GenerateResult =
  | { error: "empty_watchlist" | "rate_limited" | "api_unavailable" | "high_demand" | "invalid_response"; message?: string }
  | { recommendations: Recommendation[]; inputStats: Doc<"ai_recommendations">["inputStats"]; generatedAt: number; cached: boolean };

const generationError = v.object({
  error: v.union(
    v.literal("empty_watchlist"),
    v.literal("rate_limited"),
    v.literal("api_unavailable"),
    v.literal("high_demand"),
    v.literal("invalid_response"),
  ),
  message: v.optional(v.string()),
});
const recommendationValidator = v.object({
  title: v.string(),
  tmdbId: v.union(v.number(), v.null()),
  mediaType: v.union(v.literal("movie"), v.literal("tv")),
  relevanceScore: v.number(),
  reasoning: v.string(),
});
const inputStatsValidator = v.object({ movieCount: v.number(), tvCount: v.number(), episodesWatched: v.number(), totalItems: v.number() });

/**
 * Asks Gemini for recommendations (GEMINI_API_KEY; GEMINI_MODEL and GEMINI_API_BASE
 * optional) and stores them in the history. Without a key it answers api_unavailable.
 */
export const generateRecommendations = action({
  args: {
    generationType: v.optional(v.string()),
    listId: v.optional(v.string()),
    mediaTypePreference: v.optional(v.union(v.literal("movie"), v.literal("tv"))),
    genrePreference: v.optional(v.string()),
    excludeTmdbIds: v.optional(v.array(v.number())),
    yearFrom: v.optional(v.number()),
    yearTo: v.optional(v.number()),
    count: v.optional(v.number()),
  },
  returns: v.union(
    generationError,
    v.object({
      recommendations: v.array(recommendationValidator),
      inputStats: inputStatsValidator,
      generatedAt: v.number(),
      cached: v.boolean(),
    }),
  ),
  handler: async (ctx, args): Promise<GenerateResult> => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) throw new ConvexError("Unauthorized");
    if (aiClaim(identity) !== "enabled") throw new ConvexError("Unauthorized: feature not enabled");
    const context: GenerationContext | null = await ctx.runQuery(internal.recommendations.generationContext, {
      subject: identity.subject,
      listId: args.listId,
    });
    if (context === null) throw new ConvexError("Unauthorized");

    const generationType =
      args.generationType === "watchlist" || args.generationType === undefined
        ? "watchlist"
        : args.generationType === "list" && context.chosen !== null
          ? "list"
          : "genre";
    if (generationType === "watchlist" && context.titles.length === 0) return { error: "empty_watchlist" as const };
    if (args.generationType === "list" && args.listId !== undefined && (context.chosen?.titles.length ?? 0) === 0) {
      return { error: "empty_watchlist" as const };
    }
    const excludeTmdbIds = (args.excludeTmdbIds ?? []).filter((id) => Number.isSafeInteger(id)).slice(0, PROMPT_EXCLUDED_IDS);
    // Counted before the model is called, in one transaction: concurrent attempts are decided one by one,
    // and a call that then fails has counted. "Generate more" (titles excluded) skips the two minutes within a small bucket.
    const allowed: boolean = await ctx.runMutation(internal.recommendations.claimGeneration, {
      userId: context.userId,
      more: excludeTmdbIds.length > 0,
    });
    if (!allowed) return { error: "rate_limited" as const };
    if (!process.env.GEMINI_API_KEY) {
      return {
        error: "api_unavailable" as const,
        message: "AI recommendations are not configured on this deployment (GEMINI_API_KEY is not set).",
      };
    }

    const count = clampCount(args.count);
    const input: GenerationInput = {
      generationType,
      mediaTypePreference: args.mediaTypePreference,
      genrePreference: args.genrePreference?.slice(0, 200),
      excludeTmdbIds,
      yearFrom: validYear(args.yearFrom),
      yearTo: validYear(args.yearTo),
      count,
      titles: context.titles,
      lists: context.lists,
      listName: context.chosen?.name,
      listTitles: context.chosen?.titles,
      episodesWatched: context.episodesWatched,
    };
    const answer = await callGemini(buildPrompt(input));
    if ("error" in answer) return { error: answer.error };
    const known = new Set([...context.titles.map((t) => t.tmdbId), ...excludeTmdbIds]);
    const recommendations = parseAnswer(answer.text, known, count);
    if (recommendations === null) return { error: "invalid_response" as const };

    const movieCount = context.titles.filter((t) => t.mediaType === "movie").length;
    const tvCount = context.titles.filter((t) => t.mediaType === "tv").length;
    const inputStats = { movieCount, tvCount, episodesWatched: context.episodesWatched, totalItems: context.titles.length };
    await ctx.runMutation(internal.recommendations.saveRecommendations, {
      userId: context.userId,
      recommendations: JSON.stringify(recommendations),
      watchlistHash: watchlistHash(input),
      inputStats,
      model: answer.model,
      mediaTypePreference: args.mediaTypePreference,
      genrePreference: input.genrePreference,
      generationType,
    });
    return { recommendations, inputStats, generatedAt: Date.now(), cached: false };
  },
});

function validYear(year: number | undefined): number | undefined {
  return year !== undefined && Number.isSafeInteger(year) && year >= 1870 && year <= 2200 ? year : undefined;
}

async function ownEntry(ctx: Parameters<typeof webReader>[0], id: Doc<"ai_recommendations">["_id"]): Promise<Doc<"ai_recommendations">> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw new ConvexError("Unauthorized");
  const entry = await ctx.db.get(id);
  if (entry === null) throw new ConvexError("Not found");
  const user = await userByToken(ctx, identity.subject);
  if (user === null || entry.userId !== user._id) throw new ConvexError("Unauthorized");
  return entry;
}

export const deleteRecommendation = mutation({
  args: { id: v.id("ai_recommendations") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const entry = await ownEntry(ctx, args.id);
    await spendWebWrite(ctx, entry.userId);
    await ctx.db.delete(entry._id);
    return null;
  },
});

/** Stores the TMDB-checked list; the first time, the model's text is kept in originalRecommendations. */
export const updateVerifiedRecommendations = mutation({
  args: { id: v.id("ai_recommendations"), recommendations: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const entry = await ownEntry(ctx, args.id);
    if (args.recommendations.length > MAX_RECOMMENDATIONS_TEXT) throw new ConvexError("Recommendations are too long");
    await spendWebWrite(ctx, entry.userId);
    await ctx.db.patch(entry._id, {
      recommendations: args.recommendations,
      verified: true,
      originalRecommendations: entry.originalRecommendations ?? entry.recommendations,
    });
    return null;
  },
});
