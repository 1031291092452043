// Movie parties in the sandbox: /party start title:, the film's board (runtime, where to watch it,
// how many have seen it), the night with Going / Maybe / Can't, and "Did you watch …?" after it,
// whose I was there marks the film finished for each clicker alone.

import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webItem } from "./harness.ts";
import { sessions, WEDNESDAY } from "./session-fixture.ts";

const parties = async (s: Stack) => await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("parties").collect()));

describe("movie parties in the sandbox", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("a typed name is confirmed first; the board shows the film, its runtime, where to watch it in the server's region and who has seen it", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    // title: suggests movies only, valued movie:<id>.
    const suggested = await run(s, "as alice\nin movie-club #general\nautocomplete /party start title:fight");
    const choices = ofType(suggested, "autocomplete")[0]!.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain("movie:550");
    expect(choices.every((c) => c.value.startsWith("movie:"))).toBe(true);
    const asked = await run(s, "as alice\nin movie-club #general\n/party start title:fight");
    const guess = ofType(asked, "reply").at(-1)!;
    expect(text(guess)).toContain("Fight Club");
    expect(buttons(guess)).toContain("Yes — start the movie night");
    // Nothing is created before the click.
    expect(await parties(s)).toHaveLength(0);

    const started = await run(s, 'as alice\nin movie-club #general\nclick "Yes — start the movie night"\nwait 3s');
    expect(text(ofType(started, "reply_edit", "reply").at(-1))).toContain("You're hosting the movie night for **Fight Club**");
    const board = ofType(started, "message").find((e) => text(e).includes("🎬"))!;
    expect(text(board)).toContain("🎬 Fight Club");
    expect(text(board)).toContain("1999 · ⏱️ 2h 19m");
    // The sandbox server's locale is en-US: the offline catalog's US providers.
    expect(text(board)).toContain("**Where to watch** (US): Stream: Hulu · Rent: Apple TV, Amazon Video · Buy: Apple TV, Amazon Video");
    expect(text(board)).toContain("👀 0 of 1 member has already seen it");
    expect(board.embeds[0].thumbnail.url).toMatch(/fight-club/);
    expect(buttons(board)).toEqual(["Join", "We watched it"]);
    expect(await parties(s)).toMatchObject([{ mediaType: "movie", tmdbId: 550, title: "Fight Club" }]);
    // Joining a movie night says what to do on the night, not to mark episodes.
    const joined = await run(s, 'as bob\nin movie-club #general\nclick "Join"');
    expect(text(ofType(joined, "reply", "followup").at(-1))).toContain("press I was there after the film");
    expect(text(ofType(joined, "reply", "followup").at(-1))).not.toContain("/ep");

    // show: and title: together, or neither, is refused with nothing created.
    const both = await run(s, "as bob\nin movie-club #general\n/party start show:1399 title:movie:603");
    expect(text(ofType(both, "reply").at(-1))).toContain("one of the two");
    expect(await parties(s)).toHaveLength(1);

    // A film is one night: a weekly repeat is refused before anything is echoed or saved.
    const weekly = await run(s, 'as alice\nin movie-club #general\n/party schedule when:"friday 21:00" zone:Europe/Berlin repeat:weekly');
    expect(text(ofType(weekly, "reply").at(-1))).toContain("A movie party is one night");
    expect(buttons(ofType(weekly, "reply").at(-1))).toEqual([]);
    expect(await sessions(s)).toHaveLength(0);
  });

  it("the night: two say Going and only they are pinged; after it two click I was there and react; their tracking has it finished, the third's doesn't; the board counts the night", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    // A fictional film whose title is all markdown and a mention: everything posted shows it inert.
    const setup = await run(
      s,
      `
as alice
in movie-club #general
/party start title:movie:990001
wait 3s
/party schedule when:"friday 21:00" zone:Europe/Berlin
click "Confirm"
wait 3s
as bob
in movie-club #general
click "Going"
as carol
in movie-club #general
click "Can't"
wait 5s
`,
    );
    const board = ofType(setup, "message_edit", "message")
      .filter((e) => text(e).includes("🎬"))
      .at(-1)!;
    expect(text(board)).toContain("🎬 \\*\\*@\u200beveryone\\*\\* \\_Bold\\_ Movie \\|\\|spoiler\\|\\|");
    expect(text(board)).toContain("✅ 2 going (alice, bob) · 🤔 0 maybe · ❌ 1 can't");
    expect(text(board)).toContain("TMDB lists nowhere to stream, rent or buy it in this server's region.");
    expect(board.mentions).toEqual({ everyone: false, users: [], roles: [] });

    const alice = s.discord.user("alice").id;
    const bob = s.discord.user("bob").id;
    const [session] = await sessions(s);
    const started = await run(s, `wait ${session!.at - s.engine.clock.now() + 2_000}ms`);
    const start = ofType(started, "message").find((e) => text(e).includes("starting now"))!;
    expect(start.mentions).toEqual({ everyone: false, users: [alice, bob], roles: [] });
    expect(text(start)).toContain("\\*\\*@\u200beveryone\\*\\*");

    const after = await run(s, "wait 2h");
    const asked = ofType(after, "message").find((e) => text(e).startsWith("🍿 Did you watch"))!;
    expect(text(asked)).toMatch(/^🍿 Did you watch \*\*\\\*\\\*@\u200beveryone/);
    expect(asked.mentions).toEqual({ everyone: false, users: [], roles: [] });
    expect(buttons(asked)).toEqual(["I was there"]);
    // Nobody is marked before their own click.
    expect(await webItem(s, "alice", 990001, "movie")).toBeNull();

    const clicks = await run(
      s,
      `
as alice
in movie-club #general
click "I was there"
click "Loved"
as bob
in movie-club #general
click "I was there"
click "Liked"
wait 5s
`,
    );
    const thanks = ofType(clicks, "reply").filter((e) => text(e).includes("finished for you"));
    expect(thanks.map((e) => e.user)).toEqual(["alice", "bob"]);
    expect(buttons(thanks[0])).toEqual(["Loved", "Liked", "Mixed", "Not for me"]);
    expect(thanks.every((e) => e.ephemeral)).toBe(true);

    // Both have the film finished in their own tracking, as the web app reads it; carol does not.
    expect(await webItem(s, "alice", 990001, "movie")).toMatchObject({ progressStatus: "done", reaction: "loved" });
    expect(await webItem(s, "bob", 990001, "movie")).toMatchObject({ progressStatus: "done", reaction: "liked" });
    expect(await webItem(s, "carol", 990001, "movie")).toBeNull();

    const final = ofType(clicks, "message_edit")
      .filter((e) => text(e).includes("🎬"))
      .at(-1)!;
    expect(text(final)).toMatch(/🍿 \*\*How the night went\*\* \(<t:\d+:D>\): 2 were there · ❤️ 1 Loved · 👍 1 Liked/);
    expect(text(final)).toContain("👀 2 of 2 members have already seen it");
    // Counts only: the board never says who chose what.
    expect(text(final)).not.toMatch(/alice[^\n]*Loved|bob[^\n]*Liked/);
  });
});
