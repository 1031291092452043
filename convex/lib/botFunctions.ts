import { customMutation, customQuery } from "convex-helpers/server/customFunctions";
import { v } from "convex/values";
import { mutation, query } from "../_generated/server";
import { fail } from "../model/errors";
import { reportTransactionCost } from "./metrics";

/**
 * Every public function the bot calls goes through these builders: the bot sends
 * the shared BOT_API_SECRET (set in both the bot and the Convex deployment) and
 * acts on behalf of the Discord user it names. Nothing else may skip the check.
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

const secretArgs = { secret: v.string() };

export const botQuery = customQuery(query, {
  args: secretArgs,
  input: async (ctx, { secret }) => {
    checkBotSecret(secret);
    return { ctx: {}, args: {}, onSuccess: () => reportTransactionCost(ctx) };
  },
});

export const botMutation = customMutation(mutation, {
  args: secretArgs,
  input: async (ctx, { secret }) => {
    checkBotSecret(secret);
    return { ctx: {}, args: {}, onSuccess: () => reportTransactionCost(ctx) };
  },
});
