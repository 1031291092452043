// Door 2 in Convex: Discord POSTs interactions to /discord/interactions (convex/http.ts), and this
// deployment answers them with the same interaction core the bot process runs (src/core/) — no bot
// process needed. The core's one Convex call per command becomes a runQuery/runMutation inside the
// deployment; TMDB lookups go out from here, with the same in-memory cache per isolate.
//
// Discord takes the first answer as the HTTP response within 3 s. A handler that finishes in time
// answers directly (its follow-ups, if any, are sent by `deliver` right after). One that doesn't is
// answered with a deferral, and `complete` runs the interaction again in a scheduled action whose
// answer edits the original response: its writes carry the same idempotency keys
// (interaction id : call number), so Convex applies each once.
//
// Settings (Convex environment): DISCORD_PUBLIC_KEY (hex, the Developer Portal's "Public Key"),
// DISCORD_APPLICATION_ID, BOT_API_SECRET, DISCORD_API_BASE and DISCORD_TOKEN (as for boards and
// DMs), TMDB_API_URL and TMDB_API_TOKEN; optionally TMDB_TIMEOUT_MS and TMDB_MAX_RETRIES (as the
// bot process's TMDB client takes them).
import { v } from "convex/values";
import type { FunctionReference } from "convex/server";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { internal } from "../_generated/api";
import { httpAction, internalAction, internalMutation, type ActionCtx } from "../_generated/server";
import type { BotContext, GuildDirectory } from "../../src/commands/types.ts";
import { handleInteraction } from "../../src/core/dispatch.ts";
import { afterResponse, deliver as deliverCalls, handleHttpInteraction, type LaterCall } from "../../src/core/http-door.ts";
import { restDirectory } from "../../src/core/rest-directory.ts";
import { restTransport } from "../../src/core/transport.ts";
import type { Backend } from "../../src/lib/backend.ts";
import type { Logger } from "../../src/lib/logger.ts";
import { UserRateLimiter } from "../../src/lib/rate-limit.ts";
import { TitleService } from "../../src/lib/titles.ts";
import { TmdbClient } from "../../src/lib/tmdb.ts";

/** How long a delivery's id is remembered: longer than the signature's timestamp tolerance. */
const CLAIM_TTL_MS = 10 * 60_000;

/** TMDB's client and the per-user limiter live as long as the isolate: a warm one reuses the cache. */
let shared: { tmdb: TmdbClient; titles: TitleService; limiter: UserRateLimiter; directory: GuildDirectory; key: string } | undefined;

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** An optional whole-number setting within bounds (anything else is ignored: the client's default stands). */
function bounded<T>(name: string, min: number, max: number, wrap: (value: number) => T): T | Record<string, never> {
  const raw = env(name);
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? wrap(value) : {};
}

/** The core's dependencies inside this deployment. */
function coreContext(ctx: ActionCtx): BotContext {
  const apiBase = env("DISCORD_API_BASE") ?? "https://discord.com/api";
  const token = env("DISCORD_TOKEN");
  const botUserId = env("DISCORD_APPLICATION_ID");
  const key = [env("TMDB_API_URL"), env("TMDB_API_TOKEN"), apiBase, token, botUserId].join("|");
  if (shared === undefined || shared.key !== key) {
    const tmdb = new TmdbClient({
      baseUrl: env("TMDB_API_URL") ?? "https://api.themoviedb.org/3",
      token: env("TMDB_API_TOKEN"),
      ...bounded("TMDB_TIMEOUT_MS", 250, 10_000, (timeoutMs) => ({ timeoutMs })),
      ...bounded("TMDB_MAX_RETRIES", 0, 5, (maxRetries) => ({ maxRetries })),
    });
    // No gateway cache here: the server facts handlers need are asked of Discord's REST API (and kept a minute).
    const directory = restDirectory({ apiBase, token, botUserId });
    shared = { tmdb, titles: new TitleService(tmdb), limiter: new UserRateLimiter(), directory, key };
  }
  const secret = env("BOT_API_SECRET") ?? "";
  const backend: Backend = {
    query: (fn, args) => ctx.runQuery(fn as FunctionReference<"query">, { ...args, secret }),
    mutation: (fn, args) => ctx.runMutation(fn as FunctionReference<"mutation">, { ...args, secret }),
  } as Backend;
  return {
    backend,
    tmdb: shared.tmdb,
    titles: shared.titles,
    logger: consoleLogger,
    limiter: shared.limiter,
    directory: shared.directory,
  };
}

/** The core logs pino-style (object, message); Convex keeps console lines in its logs. */
const consoleLogger = {
  debug: () => undefined,
  info: (obj: unknown, msg?: string) => console.log(msg ?? "", obj),
  warn: (obj: unknown, msg?: string) => console.warn(msg ?? "", obj),
  error: (obj: unknown, msg?: string) => console.error(msg ?? "", obj),
} as unknown as Logger;

function liveTransport(raw: { id: string; application_id: string; token: string }) {
  return restTransport(
    { id: raw.id, applicationId: raw.application_id, token: raw.token },
    { apiBase: env("DISCORD_API_BASE") ?? "https://discord.com/api" },
  );
}

/** POST /discord/interactions */
export const interactions = httpAction(async (ctx, request) => {
  const publicKey = env("DISCORD_PUBLIC_KEY");
  if (publicKey === undefined) return new Response("DISCORD_PUBLIC_KEY is not set on this deployment.", { status: 500 });
  const applicationId = env("DISCORD_APPLICATION_ID");
  const result = await handleHttpInteraction(request, coreContext(ctx), {
    publicKey,
    ...(applicationId ? { applicationId } : {}),
    claim: (interactionId) => ctx.runMutation(internal.interactions.door.claim, { interactionId }),
  });
  const raw = result.interaction;
  if (raw !== undefined && result.later?.kind === "deliver" && result.later.calls.length > 0) {
    await ctx.scheduler.runAfter(0, internal.interactions.door.deliver, {
      interaction: JSON.stringify(raw),
      calls: JSON.stringify(result.later.calls),
    });
  } else if (raw !== undefined && result.later?.kind === "continue") {
    // This action ends with its response: the work is done again where it can finish.
    await ctx.scheduler.runAfter(0, internal.interactions.door.complete, {
      interaction: JSON.stringify(raw),
      response: JSON.stringify(result.later.response),
      receivedAt: Date.now(),
    });
  }
  return result.response;
});

/** A signed delivery is run once: a replay of it (same interaction id) is refused. */
export const claim = internalMutation({
  args: { interactionId: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { interactionId }) => {
    const key = `delivery:${interactionId}`;
    const seen = await ctx.db
      .query("bot_idempotency")
      .withIndex("by_key", (q) => q.eq("key", key))
      .first();
    if (seen !== null) return false;
    await ctx.db.insert("bot_idempotency", { key, discordUserId: "", result: "", expiresAt: Date.now() + CLAIM_TTL_MS });
    return true;
  },
});

/** What a finished handler sent after its first answer, once the response is out. */
export const deliver = internalAction({
  args: { interaction: v.string(), calls: v.string() },
  returns: v.null(),
  handler: async (_ctx, args) => {
    const raw = JSON.parse(args.interaction) as APIInteraction;
    const calls = JSON.parse(args.calls) as LaterCall[];
    await deliverCalls(revive(calls), liveTransport(raw)).catch((error: unknown) => console.error("interaction follow-up failed", error));
    return null;
  },
});

/** The interaction again, after the door's deferral: its answer edits the original response. */
export const complete = internalAction({
  args: { interaction: v.string(), response: v.string(), receivedAt: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const raw = JSON.parse(args.interaction) as APIInteraction;
    // The answer goes where the HTTP response left room for it (after a deferral: in place of it);
    // the per-user limiter was already passed by the first run.
    const given = JSON.parse(args.response) as APIInteractionResponse;
    await handleInteraction(raw, coreContext(ctx), afterResponse(liveTransport(raw), given), { receivedAt: Date.now(), rerun: true });
    return null;
  },
});

/** Files went through JSON as objects of numbers: back to bytes. */
function revive(calls: LaterCall[]): LaterCall[] {
  return calls.map((call) =>
    call.kind === "followUp" && call.files
      ? {
          ...call,
          files: call.files.map((f) => ({ ...f, data: new Uint8Array(Object.values(f.data as unknown as Record<string, number>)) })),
        }
      : call,
  );
}
