// /upcoming in the sandbox: The Weekly Thing (990101: three episodes out when the sandbox starts,
// one more every 7 days) on the right day in the person's zone, Mark watched, and the calendar
// feed fetched over HTTP from the deployment, read by an iCalendar parser (ical.js).
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import type { Backend } from "../../src/lib/backend.ts";
import { botProcess, buttons, ofType, run, stack, text, webEpisodes, type Event } from "./harness.ts";
import { WEDNESDAY } from "./session-fixture.ts";

let s: Stack;
beforeAll(async () => {
  // Wednesday 2 December 2026, 10:00 UTC: S1E4 of The Weekly Thing is dated Wednesday the 9th.
  s = await stack({ clockStart: WEDNESDAY });
});
afterAll(async () => {
  await s?.stop();
});

const last = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);
const FEED_URL = /https?:\/\/\S+\/calendar\/[A-Za-z0-9_-]{43}\.ics/;

async function calendar(url: string) {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) return { status: response.status, type: response.headers.get("content-type"), events: [] };
  const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { status: response.status, type: response.headers.get("content-type"), events };
}

describe("/upcoming in the sandbox", () => {
  it("lists the weekly show's next episode on the day it falls on in Los Angeles, and Mark watched marks it once it has aired", async () => {
    const setup = await run(s, "as alice\nin movie-club #general\n/remind settings timezone:America/Los_Angeles\n/ep 990101 1 1-3");
    expect(text(last(setup))).toContain("Marked 3 episodes");
    const listed = await run(s, "as alice\nin movie-club #general\n/upcoming episodes");
    const reply = last(listed)!;
    expect(reply.ephemeral).toBe(true);
    // 00:00 UTC on Wednesday the 9th is Tuesday the 8th, 16:00, in Los Angeles.
    const unix = Date.UTC(2026, 11, 9) / 1000;
    expect(text(reply)).toContain(`**Tuesday, December 8**\n• **The Weekly Thing** S1E4`);
    expect(text(reply)).toContain(`<t:${unix}:F> (<t:${unix}:R>)`);
    expect(text(reply)).toContain("Days in America/Los_Angeles");
    expect(buttons(reply)).toEqual([]);

    const aired = await run(s, "wait 7d\nas alice\nin movie-club #general\n/upcoming episodes");
    expect(buttons(last(aired))).toContain("Mark S1E4 watched · The Weekly Thing");
    const marked = await run(s, 'as alice\nin movie-club #general\nclick "Mark S1E4 watched · The Weekly Thing"');
    expect(text(last(marked))).toContain("Watched **S1E4**");
    expect(await webEpisodes(s, "alice", 990101)).toContain("S1E4");
  });

  it("costs one Convex call and no TMDB request, and so does its Next page", async () => {
    const calls: string[] = [];
    const backend = botProcess ? (s.bot.ctx.backend as Backend) : null;
    const original = backend ? { query: backend.query, mutation: backend.mutation } : null;
    const name = (fn: unknown) => String((fn as Record<symbol, unknown>)[Symbol.for("functionName")] ?? "?");
    if (backend && original) {
      backend.query = ((fn, args) => (calls.push(`query ${name(fn)}`), original.query(fn, args))) as Backend["query"];
      backend.mutation = ((fn, args) => (calls.push(`mutation ${name(fn)}`), original.mutation(fn, args))) as Backend["mutation"];
    }
    try {
      // Daily Dispatch (990102) airs every day: 60 days is more than one page.
      await run(s, "as kim\nin movie-club #general\n/ep 990102 1 1-5\nwait 10s");
      calls.length = 0;
      const before = s.tmdb.requests;
      const listed = await run(s, "as kim\nin movie-club #general\n/upcoming episodes days:60");
      expect(text(last(listed))).toContain("Daily Dispatch");
      expect(buttons(last(listed))).toContain("Next ▶");
      const next = await run(s, 'as kim\nin movie-club #general\nclick "Next ▶"');
      expect(text(last(next))).toMatch(/page 2 of \d+/);
      expect(s.tmdb.requests - before).toBe(0);
      if (botProcess) expect(calls).toEqual(["query bot/upcoming:episodes", "query bot/upcoming:episodes"]);
    } finally {
      if (backend && original) Object.assign(backend, original);
    }
  });

  it("says what to do when nothing is followed, and refuses days outside 1–60", async () => {
    const empty = await run(s, "as zoe\nin movie-club #general\n/upcoming episodes");
    expect(text(last(empty))).toContain("You don't follow any shows yet");
    const bad = await run(s, "as zoe\nin movie-club #general\n/upcoming episodes days:61");
    // Discord itself refuses it (the option's max_value), before the bot sees it.
    expect(ofType(bad, "rejected")[0]?.reason).toContain('option "days" must be at most 60');
  });

  it("the feed URL serves a calendar with the person's session; a reschedule keeps its UID; Reset link makes the old URL 404", async () => {
    await run(
      s,
      'as bob\nin movie-club #general\n/remind settings timezone:Europe/Berlin\n/ep 990101 1 1\n/party start show:990101\nwait 3s\n/party schedule when:"friday 21:00"\nclick "Confirm"\nwait 3s',
    );
    const asked = await run(s, "as bob\nin movie-club #general\n/upcoming feed");
    const url = FEED_URL.exec(text(last(asked)))![0];
    expect(buttons(last(asked))).toEqual(["Reset link"]);

    const first = await calendar(url);
    expect(first.status).toBe(200);
    expect(first.type).toBe("text/calendar; charset=utf-8");
    const session = first.events.find((e) => e.uid.startsWith("session-"))!;
    expect(session.summary).toBe("🍿 Watch-along: The Weekly Thing");
    expect(first.events.some((e) => e.summary.startsWith("The Weekly Thing · S1E"))).toBe(true);
    const wrong = url.replace(/\/calendar\/./, (m) => (m.endsWith("A") ? m.slice(0, -1) + "B" : m.slice(0, -1) + "A"));
    expect((await calendar(wrong)).status).toBe(404);

    await run(s, 'as bob\nin movie-club #general\n/party schedule when:"saturday 20:00"\nclick "Confirm"\nwait 3s');
    const moved = (await calendar(url)).events.find((e) => e.uid.startsWith("session-"))!;
    expect(moved.uid).toBe(session.uid);
    expect(moved.startDate.toJSDate().getTime()).not.toBe(session.startDate.toJSDate().getTime());

    const question = await run(s, 'as bob\nin movie-club #general\nclick "Reset link"');
    expect(text(last(question))).toContain("Reset your calendar link?");
    const reset = await run(s, 'as bob\nin movie-club #general\nclick "Reset link"');
    const fresh = FEED_URL.exec(text(last(reset)))![0];
    expect(fresh).not.toBe(url);
    expect((await calendar(url)).status).toBe(404);
    expect((await calendar(fresh)).events.some((e) => e.uid === session.uid)).toBe(true);
  });
});
