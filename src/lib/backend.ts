import { ConvexHttpClient } from "convex/browser";
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

export function convexHttpBackend(url: string, secret: string): Backend {
  const client = new ConvexHttpClient(url);
  return {
    query: (fn, args) => client.query(fn, { ...args, secret } as FunctionArgs<typeof fn>),
    // skipQueue: ConvexHttpClient otherwise runs every mutation of the process one at a time,
    // so one user's write would wait behind every other user's.
    mutation: (fn, args) => client.mutation(fn, { ...args, secret } as FunctionArgs<typeof fn>, { skipQueue: true }),
  };
}
