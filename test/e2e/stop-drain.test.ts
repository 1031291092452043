// A clean stop waits for the interactions in flight to be answered, however long their Convex calls
// may take: an interaction that arrived just before SIGTERM and meets a Convex that never answers
// uses its whole budget (first attempt, then the retry) and still gets its true answer before the
// bot disconnects — not a "thinking…" that never resolves.
import { afterEach, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { stack, text, type Event } from "./harness.ts";

let s: Stack | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

it("stop() right after an interaction arrives waits out its retry and its answer goes out first", async () => {
  s = await stack({ convexHttp: true });
  s.discord.channel("movie-club", "general");
  await s.fault({ target: "convex", fault: { kind: "hang" } });
  const events: Event[] = [];
  const onEvent = (event: Event) => events.push(event);
  s.discord.on("event", onEvent);
  // Knows when the interaction's first Convex call has gone out (and hangs): the stop begins then.
  const real = s.bot.ctx.backend;
  let reached!: () => void;
  const called = new Promise<void>((resolve) => (reached = resolve));
  s.bot.ctx.backend = {
    query: (fn, args, options) => (reached(), real.query(fn, args, options)),
    mutation: (fn, args, options) => (reached(), real.mutation(fn, args, options)),
  };
  const pending = s.discord.runCommand(
    { user: "alice", guild: "movie-club", channel: "#general" },
    "ep",
    {},
    { positional: ["1399", "1", "1"] },
  );
  await called;
  await s.bot.stop();
  const answered = events.filter((e) => ["reply_edit", "followup"].includes(e.t) || (e.t === "reply" && !e.deferred));
  expect(answered.map((e) => text(e)).join("\n")).toMatch(/can't be reached right now/);
  s.discord.off("event", onEvent);
  const result = await pending;
  expect(result.events.filter((e) => e.t === "interaction_failed")).toEqual([]);
}, 40_000);
