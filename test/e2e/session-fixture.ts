// What the watch-along session e2e tests share: the fixed clock starts, the
// stored sessions, Berlin wall-clock times and the session posts.

import type { Stack } from "../../sandbox/stack.ts";
import { ofType, text, type Event } from "./harness.ts";
/** The party's sessions as Convex keeps them, newest first. */
export async function sessions(s: Stack) {
  return await s.engine.run((t) =>
    t.run(async (ctx) => (await ctx.db.query("party_sessions").collect()).sort((a, b) => b._creationTime - a._creationTime)),
  );
}

export function berlinWall(at: number) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Berlin",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * The sandbox clock starts at a fixed instant, so what "friday 21:00" means does not depend on
 * the day the test runs (on a real Friday evening the session would already be under 15
 * minutes away). Wednesday 14 October 2026, 12:00 in Berlin: the weekly repeat goes from
 * Friday 23 to Friday 30 October, across the end of summer time on the 25th.
 */
export const WEDNESDAY_BEFORE_DST_END = Date.UTC(2026, 9, 14, 10, 0);
/** Wednesday 2 December 2026, 11:00 in Berlin. */
export const WEDNESDAY = Date.UTC(2026, 11, 2, 10, 0);

export const sessionPosts = (events: Event[]) => ofType(events, "message").filter((e) => text(e).includes("Watch-along"));
