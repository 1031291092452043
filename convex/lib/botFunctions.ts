import { customMutation, customQuery } from "convex-helpers/server/customFunctions";
import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import { mutation, query, type MutationCtx, type QueryCtx } from "../_generated/server";
import { fail } from "../model/errors";
import { checkWriteToken, spendWriteToken, writeRate } from "../model/throttle";
import { accountForDiscord, discordAccount, existingUserForDiscord, parseDiscordUserId } from "../model/users";
import { reportTransactionCost } from "./metrics";
import { internal } from "../_generated/api";
import { reopenDms } from "../model/reminderRows";
import { translator } from "../../src/i18n";
import { idempotencyKey, recordResult, replayedResult } from "../model/idempotency";

/**
 * Every public function the bot calls goes through these builders: the bot sends
 * the shared BOT_API_SECRET (set in both the bot and the Convex deployment) and
 * acts on behalf of the Discord user it names. Nothing else may skip the check.
 * The builders resolve that user once and hand handlers `ctx.actor`, so no
 * handler looks the user up by hand.
 */
export function checkBotSecret(given: string): void {
  const expected = process.env.BOT_API_SECRET;
  if (expected === undefined || expected.length < 16) {
    fail("FORBIDDEN", "The bot API is not configured on this deployment (BOT_API_SECRET).");
  }
  if (!constantTimeEqual(given, expected)) fail("FORBIDDEN", "The bot API secret is wrong.");
}

function constantTimeEqual(a: string, b: string): boolean {
  // Compare every character of the longer string so timing says nothing about where they differ.
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** The Discord user a write acts for; their profile exists (it is created on first use). */
export interface BotActor {
  discordUserId: string;
  userId: Id<"users">;
  accountId: Id<"discord_accounts">;
}

/**
 * The Discord user a read acts for. Looked up on first use (and then remembered):
 * a read that only compares ids, or reads the account row itself, pays nothing.
 */
export interface BotReader {
  discordUserId: string;
  /** Null until they have done anything. */
  userId(): Promise<Id<"users"> | null>;
}

function reader(ctx: QueryCtx, discordUserId: string): BotReader {
  let resolved: Promise<Id<"users"> | null> | undefined;
  parseDiscordUserId(discordUserId);
  return { discordUserId, userId: () => (resolved ??= existingUserForDiscord(ctx, discordUserId)) };
}

const WRITES = new Set<PropertyKey>(["insert", "patch", "replace", "delete"]);

/** ctx.db that notes whether anything was written, so only writes that change something spend a token. */
function noteWrites(ctx: MutationCtx): { db: MutationCtx["db"]; wrote: () => boolean } {
  let wrote = false;
  const db = new Proxy(ctx.db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (WRITES.has(property)) wrote = true;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db, wrote: () => wrote };
}

/**
 * The interaction a write answers (the bot adds it to every mutation): Convex may follow up on it
 * ephemerally — today only to tell someone whose DMs refused a reminder how to open them — and
 * `key` ("interaction id:call number") makes the write safe to retry (convex/model/idempotency.ts);
 * `locale` is the person's Discord language, remembered for the DMs Convex sends them.
 */
const interactionArg = {
  interaction: v.optional(
    v.object({ applicationId: v.string(), token: v.string(), key: v.optional(v.string()), locale: v.optional(v.string()) }),
  ),
};

/** A language tag as Discord sends them ("de", "pt-BR", "es-419"); anything else is not remembered. */
function discordLocale(locale: string | undefined): string | undefined {
  return locale !== undefined && /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/.test(locale) ? locale : undefined;
}
const secretArgs = { secret: v.string(), ...interactionArg };
const readerArgs = { secret: v.string(), discordUserId: v.string(), ...interactionArg };
const actorArgs = { secret: v.string(), discordUserId: v.string(), username: v.optional(v.string()), ...interactionArg };

/** A read for one Discord user. */
export const botQuery = customQuery(query, {
  args: readerArgs,
  input: async (ctx, { secret, discordUserId }) => {
    checkBotSecret(secret);
    // The id stays readable for comparisons (whose list is this?); the user is ctx.actor.
    return { ctx: { actor: reader(ctx, discordUserId) }, args: { discordUserId }, onSuccess: () => reportTransactionCost(ctx) };
  },
});

/**
 * A change made by one Discord user: creates their profile on first use and checks their
 * write budget, in this same transaction (so the budget holds across shards and costs no
 * round trip). The budget is checked after the handler, and only if it wrote something: a
 * refusal ("Breaking Bad has 5 seasons") or a change of nothing is answered as it is, never
 * hidden behind "Slow down", and costs nothing. A write over budget throws, rolling it all back.
 */
const actorMutation = customMutation(mutation, {
  args: actorArgs,
  input: async (ctx, { secret, discordUserId, username, interaction }) => {
    checkBotSecret(secret);
    const now = Date.now();
    // A retry of a write that already ran (its answer was lost): the first result, nothing run,
    // throttled or charged again.
    const key = idempotencyKey(interaction);
    const replay = key === null ? undefined : await replayedResult(ctx, key, discordUserId, now);
    if (replay !== undefined) {
      return {
        ctx: {
          actor: undefined as unknown as BotActor,
          db: ctx.db,
          takeDmNotice: () => null as string | null,
          keepResultSecret: () => undefined,
          locale: undefined as string | undefined,
          replay,
        },
        args: {},
        onSuccess: () => reportTransactionCost(ctx),
      };
    }
    const rate = writeRate();
    const existing = await discordAccount(ctx, parseDiscordUserId(discordUserId));
    const { userId, accountId } = await accountForDiscord(ctx, existing, discordUserId, username);
    const actor: BotActor = { discordUserId, userId, accountId };
    // Their language, for the DMs Convex writes them: one small patch when it changed, none otherwise.
    const locale = discordLocale(interaction?.locale);
    if (locale !== undefined && (existing === null ? (await ctx.db.get(accountId))?.locale : existing.locale) !== locale)
      await ctx.db.patch(accountId, { locale });
    // A reminder DM was refused (50007): using the bot is the sign to try again, and this reply
    // (or, when the handler doesn't show it itself, a follow-up) says how to open DMs.
    let dmNotice = existing?.dmsClosedAt !== undefined ? await reopenDms(ctx, existing, now, translator(locale ?? existing.locale)) : null;
    const takeDmNotice = () => {
      const notice = dmNotice;
      dmNotice = null;
      return notice;
    };
    const writes = noteWrites(ctx);
    let record = true;
    /** The result is a secret (a calendar URL): not kept for replays; a retry runs the handler again, which must then give the same answer. */
    const keepResultSecret = () => {
      record = false;
    };
    return {
      // `locale`: the person's Discord language, for text Convex writes them in this reply.
      ctx: { actor, db: writes.db, takeDmNotice, keepResultSecret, locale, replay: undefined as { result: unknown } | undefined },
      args: {},
      onSuccess: async ({ result }) => {
        if (key !== null && record) await recordResult(ctx, key, discordUserId, result, now);
        if (writes.wrote() || existing === null) {
          checkWriteToken(existing, now, rate);
          await spendWriteToken(ctx, existing ?? { _id: accountId }, now, rate);
        }
        if (dmNotice !== null && interaction !== undefined) {
          // After Discord's 3 s: the interaction has been answered (or deferred) by then.
          await ctx.scheduler.runAfter(3_500, internal.reminders.delivery.tellDmsClosed, {
            applicationId: interaction.applicationId,
            token: interaction.token,
            text: dmNotice,
          });
        }
        await reportTransactionCost(ctx);
      },
    };
  },
});

/**
 * A change made by one Discord user (actorMutation), answered once per idempotency key: a repeat
 * returns the first run's result without running the handler again.
 */
export const botMutation: typeof actorMutation = ((definition: {
  handler: (ctx: { replay?: { result: unknown } }, args: unknown) => unknown;
}) =>
  actorMutation({
    ...definition,
    handler: async (ctx: { replay?: { result: unknown } }, args: unknown) =>
      ctx.replay !== undefined ? ctx.replay.result : await definition.handler(ctx, args),
  } as never)) as never;

/**
 * Bookkeeping on a user's behalf that changes nothing of theirs (caching a show
 * for a card they asked to see): no write token, no profile created.
 */
export const botCacheMutation = customMutation(mutation, {
  args: readerArgs,
  input: async (ctx, { secret, discordUserId }) => {
    checkBotSecret(secret);
    return { ctx: { actor: reader(ctx, discordUserId) }, args: {}, onSuccess: () => reportTransactionCost(ctx) };
  },
});

/** Shared data no single user owns (the cached show structure). */
export const botServiceQuery = customQuery(query, {
  args: secretArgs,
  input: async (ctx, { secret }) => {
    checkBotSecret(secret);
    return { ctx: {}, args: {}, onSuccess: () => reportTransactionCost(ctx) };
  },
});

const serviceMutation = customMutation(mutation, {
  args: secretArgs,
  input: async (ctx, { secret, interaction }) => {
    checkBotSecret(secret);
    return { ctx: { idempotencyKey: idempotencyKey(interaction) }, args: {}, onSuccess: () => reportTransactionCost(ctx) };
  },
});

/**
 * Shared data, or a Discord user's data named in the args (`/account` export's lease, deleting
 * their data). The bot retries these too when an answer is lost, so a key is honoured as for
 * botMutation: a repeat gets the first result (only for the same `discordUserId` argument),
 * instead of "an export is already running" or "nothing to delete" after a write that happened.
 */
export const botServiceMutation: typeof serviceMutation = ((definition: {
  handler: (ctx: MutationCtx & { idempotencyKey: string | null }, args: Record<string, unknown>) => unknown;
}) =>
  serviceMutation({
    ...definition,
    handler: async (ctx: MutationCtx & { idempotencyKey: string | null }, args: Record<string, unknown>) => {
      const key = ctx.idempotencyKey;
      if (key === null) return await definition.handler(ctx, args);
      const scope = typeof args.discordUserId === "string" ? args.discordUserId : "";
      const now = Date.now();
      const replay = await replayedResult(ctx, key, scope, now);
      if (replay !== undefined) return replay.result;
      const result = await definition.handler(ctx, args);
      await recordResult(ctx, key, scope, result, now);
      return result;
    },
  } as never)) as never;
