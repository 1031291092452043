// A slow TMDB never keeps an interaction past Discord's 10 s: TMDB work done for an interaction is
// bounded by the time it has left (the 15 s a 20-season append may take outside one, and the
// details fallback after it, included), and the person is told TMDB was too slow, with nothing changed.
import { performance } from "node:perf_hooks";
import { afterEach, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, webEpisodes, type Event } from "./harness.ts";

const HERE = "as alice\nin movie-club #general\n";

let s: Stack | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

it("tmdb slow 12s: /ep on a show Convex doesn't have yet is answered within 10 s, saying TMDB was too slow", async () => {
  s = await stack();
  await run(s, `${HERE}/ep 1399 1 1`);
  const created = new Map<string, number>();
  const answered = new Map<string, number>();
  s.discord.on("ack", (report: { interactionId: string; ms: number }) => created.set(report.interactionId, performance.now() - report.ms));
  s.discord.on("event", (event: Event) => {
    const id = event.interaction_id as string | undefined;
    if (
      id === undefined ||
      answered.has(id) ||
      !["reply", "reply_edit", "followup"].includes(event.t) ||
      (event.t === "reply" && event.deferred)
    )
      return;
    const start = created.get(id);
    if (start !== undefined) answered.set(id, performance.now() - start);
  });
  const events = await run(s, `${HERE}tmdb slow 12s\n/ep 1668 1 1`);
  const answer = ofType(events, "reply_edit", "reply", "followup")
    .filter((e) => !(e.t === "reply" && e.deferred))
    .at(-1);
  expect(text(answer)).toBe("⚠️ TMDB took too long to answer — nothing was changed. Try again in a moment.");
  expect(answered.size).toBe(1);
  for (const ms of answered.values()) expect(ms).toBeLessThan(10_000);
  expect(await webEpisodes(s, "alice", 1668)).toEqual([]);
}, 60_000);
