// One "progress changed" hook. The episode write path (model/episodes.ts) publishes a change here
// and knows nothing of who listens; features subscribe (model/progressSubscribers.ts: party boards
// move, the show's stalled-show reminder starts counting again, stats count the flipped episodes).
// Subscribers run in the writer's own transaction, in the order of PROGRESS_SUBSCRIBERS, so a change
// and its effects commit together.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { EpisodeFlips } from "../stats/counters";

/** What changed: a user's watched episodes of a show. */
export type ProgressChange =
  /** Episodes were marked or unmarked (at least one row flipped). */
  | { kind: "episodes"; userId: Id<"users">; tmdbId: number; at: number; flips?: EpisodeFlips }
  /** A summary that was being built page by page is complete: the whole progress is known now. */
  | { kind: "summaryBuilt"; userId: Id<"users">; tmdbId: number };

/** Everyone who must hear of a change, in the order they run. */
export const PROGRESS_SUBSCRIBERS = ["partyBoards", "reminders", "stats"] as const;
export type ProgressSubscriber = (typeof PROGRESS_SUBSCRIBERS)[number];
export type ProgressHandler = (ctx: MutationCtx, change: ProgressChange) => Promise<void>;

const handlers = new Map<ProgressSubscriber, ProgressHandler>();

/** Registers a subscriber's handler (once per module load; a second registration replaces the first). */
export function onProgressChanged(subscriber: ProgressSubscriber, handler: ProgressHandler): void {
  handlers.set(subscriber, handler);
}

/** The subscribers registered so far, in PROGRESS_SUBSCRIBERS order (for tests of the wiring). */
export function registeredProgressSubscribers(): ProgressSubscriber[] {
  return PROGRESS_SUBSCRIBERS.filter((subscriber) => handlers.has(subscriber));
}

/**
 * Tells every subscriber. A subscriber that isn't registered is a wiring bug (the function's module
 * never loaded model/progressSubscribers.ts): it fails the write rather than silently skip a feature.
 */
export async function publishProgressChanged(ctx: MutationCtx, change: ProgressChange): Promise<void> {
  for (const subscriber of PROGRESS_SUBSCRIBERS) {
    const handler = handlers.get(subscriber);
    if (handler === undefined)
      throw new Error(
        `progress changed, but the "${subscriber}" subscriber isn't registered: import model/progressSubscribers.ts where the write starts`,
      );
    await handler(ctx, change);
  }
}
