import { ConvexHttpClient } from "convex/browser";
import { ConvexError, type Value } from "convex/values";
import type { FunctionArgs, FunctionReference, FunctionReturnType } from "convex/server";

/** Bot API arguments without the shared secret: the backend adds it. */
export type BotArgs<F extends FunctionReference<"query" | "mutation">> = Omit<FunctionArgs<F>, "secret">;

/**
 * How the bot reaches Convex. Production talks to a deployment over HTTP; the
 * sandbox runs the same convex/ functions in an embedded engine. The bot's logic
 * is the same either way.
 */
export interface Backend {
  query<F extends FunctionReference<"query">>(fn: F, args: BotArgs<F>): Promise<FunctionReturnType<F>>;
  mutation<F extends FunctionReference<"mutation">>(fn: F, args: BotArgs<F>): Promise<FunctionReturnType<F>>;
}

/**
 * The backend for one interaction: its writes carry the interaction (application id and token),
 * so Convex can follow up on it (e.g. telling someone their DMs refused a reminder).
 */
export function withInteraction(backend: Backend, interaction: { applicationId: string; token: string }): Backend {
  return {
    query: (fn, args) => backend.query(fn, args),
    mutation: (fn, args) => backend.mutation(fn, { ...args, interaction: { applicationId: interaction.applicationId, token: interaction.token } } as typeof args),
  };
}

export function convexHttpBackend(url: string, secret: string): Backend {
  const client = new ConvexHttpClient(url);
  return {
    query: (fn, args) => client.query(fn, { ...args, secret } as FunctionArgs<typeof fn>),
    // skipQueue: ConvexHttpClient otherwise runs every mutation of the process one at a time,
    // so one user's write would wait behind every other user's.
    mutation: (fn, args) => client.mutation(fn, { ...args, secret } as FunctionArgs<typeof fn>, { skipQueue: true }),
  };
}

/**
 * The code of an expected failure a bot function answered with (ConvexError data
 * `{ code, message }`), or null for anything else. By shape: the error may come from
 * another copy of the convex package (the HTTP client's or the embedded engine's).
 */
export function convexErrorCode(error: unknown): string | null {
  const code = convexErrorData(error)?.code;
  return typeof code === "string" ? code : null;
}

/** The data of a ConvexError (`{ code, message, … }`), or null for anything else. */
export function convexErrorData(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof ConvexError || (error instanceof Error && error.name === "ConvexError" && "data" in error))) return null;
  const data = (error as ConvexError<Value>).data;
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}
