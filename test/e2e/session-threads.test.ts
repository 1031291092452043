// `/party threads on`: a session's start post gets a public thread, named with tonight's episode
// (or the film); without Create Public Threads the party runs as before and its host is told once.

import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, type Event } from "./harness.ts";
import { WEDNESDAY, sessions } from "./session-fixture.ts";

const startPost = (events: Event[]) => ofType(events, "message").find((e) => text(e).includes("is starting now"));

async function partyTitle(s: Stack): Promise<string> {
  return await s.engine.run((t) => t.run(async (ctx) => (await ctx.db.query("parties").first())!.title));
}

/** Waits until a minute after the next session starts. */
async function untilStarted(s: Stack): Promise<Event[]> {
  const [next] = await sessions(s);
  return await run(s, `wait ${next!.at - s.engine.clock.now() + 60_000}ms`);
}

describe("watch-along sessions in the sandbox: a thread per session", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("with threads on, the start post gets a thread named with the next episode; only the host or Manage Server may switch it", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const setup = await run(
      s,
      `
as alice
in movie-club #general
grant create-threads
/party start show:1399 season:1
wait 3s
/ep 1399 1 1-2
as bob
in movie-club #general
click "Join"
/party threads set:on
as alice
/party threads set:on
/party schedule when:"friday 21:00" zone:Europe/Berlin
click "Confirm"
wait 3s
`,
    );
    const replies = ofType(setup, "reply").map(text);
    expect(replies.some((r) => r.includes("Only the party's host, or someone with Manage Server, can turn its threads on or off."))).toBe(
      true,
    );
    const on = replies.find((r) => r.startsWith("🧵 Threads are on"))!;
    expect(on).toBeDefined();
    expect(on).not.toContain("Create Public Threads");
    const started = await untilStarted(s);
    const post = startPost(started)!;
    expect(post).toBeDefined();
    const threads = ofType(started, "thread");
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      guild: "movie-club",
      channel: "#general",
      message_id: post.id,
      name: `S1E3 · ${await partyTitle(s)}`,
      auto_archive_duration: 1440,
    });
    expect(ofType(started, "dm")).toEqual([]);
  });

  it("a movie night's thread is the film's title, as it is (markdown and mentions are inert in a thread's name)", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    await run(
      s,
      `
as alice
in movie-club #general
grant create-threads
/party start title:movie:990001
wait 3s
/party threads set:on
/party schedule when:"friday 21:00" zone:Europe/Berlin
click "Confirm"
wait 3s
`,
    );
    const started = await untilStarted(s);
    const title = await partyTitle(s);
    expect(ofType(started, "thread").map((e) => e.name)).toEqual([
      title.length <= 100 ? title : `${[...title].slice(0, 99).join("").trimEnd()}…`,
    ]);
  });

  it("without Create Public Threads the sessions start as before and the host is told once, not at every session", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const setup = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party threads set:on
/party schedule when:"friday 21:00" zone:Europe/Berlin repeat:weekly
click "Confirm"
wait 3s
`,
    );
    expect(text(ofType(setup, "reply").find((e) => text(e).startsWith("🧵 Threads are on")))).toContain(
      "I don't have **Create Public Threads** here yet",
    );
    const first = await untilStarted(s);
    expect(startPost(first)).toBeDefined();
    expect(ofType(first, "thread")).toEqual([]);
    const told = ofType(first, "dm").filter((e) => e.to === "alice");
    expect(told).toHaveLength(1);
    expect(text(told[0])).toContain("I couldn't open a thread for the session of **Game of Thrones");
    expect(text(told[0])).toContain("**Create Public Threads**");
    // The weekly session after it: started again, no thread, and no second DM.
    // A week on: the first ended, the next was scheduled and has started a minute ago.
    const second = await run(s, "wait 7d");
    expect(startPost(second)).toBeDefined();
    expect(ofType(second, "thread")).toEqual([]);
    expect(ofType(second, "dm")).toEqual([]);
    expect((await sessions(s)).filter((x) => x.state === "started" || x.state === "ended")).toHaveLength(2);
    // Given the permission, the next one gets its thread.
    const third = await run(s, "as alice\nin movie-club #general\ngrant create-threads\nwait 7d");
    expect(ofType(third, "thread")).toHaveLength(1);
    expect(ofType(third, "dm")).toEqual([]);
  });
});
