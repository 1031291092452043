// Watch-along sessions in the sandbox: moving and cancelling a session, what its
// post says afterwards, and who may change a party in a private channel.

import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";
import { WEDNESDAY, berlinWall, sessionPosts, sessions } from "./session-fixture.ts";

describe("watch-along sessions in the sandbox: changes", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("a new time for a scheduled session keeps its Going / Maybe / Can't answers and its weekly repeat, and pings those going that it moved", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party schedule when:"friday 21:00" zone:Europe/Berlin repeat:weekly
click "Confirm"
wait 3s
as bob
in movie-club #general
click "Going"
as carol
in movie-club #general
click "Can't"
`,
    );
    const [friday] = await sessions(s);
    const moved = await run(s, 'as alice\nin movie-club #general\n/party schedule when:"saturday 20:00"\nclick "Confirm"\nwait 3s');
    const echo = text(ofType(moved, "reply").at(-1));
    // alice (the host, going), bob (going) and carol (can't).
    expect(echo).toContain(`This replaces the session on <t:${friday!.at / 1000}:F>; its 3 Going / Maybe / Can't answers carry over.`);
    expect(echo).toContain("It stays weekly, like the one it replaces");
    expect(echo).toMatch(/, every week\.\n/);
    const confirmed = text(ofType(moved, "reply_edit").at(-1));
    expect(confirmed).toContain("every week");
    expect(confirmed).toContain("its 3 Going / Maybe / Can't answers carry over");
    // bob: alice moved it herself.
    expect(confirmed).toContain("pinging the one person going that it moved");
    const [saturday] = await sessions(s);
    expect(saturday!._id).toBe(friday!._id);
    expect(berlinWall(saturday!.at)).toBe("Sat 20:00");
    expect(saturday!.repeat).toBe("weekly");
    // The new post says it moved and pings bob, who said Going — and nobody else.
    const post = sessionPosts(moved).at(-1)!;
    expect(text(post)).toContain(`Moved from <t:${friday!.at / 1000}:F>`);
    const bob = s.discord.user("bob").id;
    expect(post.mentions).toEqual({ everyone: false, users: [bob], roles: [] });
    expect(buttons(post)).toEqual(["Going", "Maybe", "Can't"]);
    const board = ofType(moved, "message_edit")
      .filter((e) => text(e).includes("Next session"))
      .at(-1);
    expect(text(board)).toContain("✅ 2 going (alice, bob) · 🤔 0 maybe · ❌ 1 can't");

    // bob (and alice) are reminded before the new time, as he was told; the next week's session follows.
    const reminded = await run(s, `wait ${saturday!.at - s.engine.clock.now() + 2 * 3_600_000 + 5_000}ms`);
    const reminder = ofType(reminded, "message").find((e) => text(e).startsWith("⏰"))!;
    expect(reminder.mentions.users).toEqual([s.discord.user("alice").id, bob]);
    const [next] = await sessions(s);
    expect(next!._id).not.toBe(saturday!._id);
    expect(berlinWall(next!.at)).toBe("Sat 20:00");
    expect(next!.repeat).toBe("weekly");

    // repeat:once makes the new time a one-off.
    const once = await run(
      s,
      'as alice\nin movie-club #general\n/party schedule when:"sunday 19:00" repeat:once\nclick "Confirm"\nwait 3s',
    );
    expect(text(ofType(once, "reply").at(-1))).toContain("Just this once");
    expect(text(ofType(once, "reply_edit").at(-1))).not.toContain("every week");
    expect((await sessions(s))[0]!.repeat).toBe("none");

    // The same time, weekly again: the post stays, edited to say so.
    const sundayPost = sessionPosts(once).at(-1)!;
    const weeklyAgain = await run(
      s,
      'as alice\nin movie-club #general\n/party schedule when:"sunday 19:00" repeat:weekly\nclick "Confirm"\nwait 3s',
    );
    const reply = text(ofType(weeklyAgain, "reply_edit").at(-1));
    expect(reply).toContain("every week");
    expect(reply).toContain("Its post in the party's channel stays; I'll update it to match.");
    expect(sessionPosts(weeklyAgain)).toHaveLength(0);
    const edit = ofType(weeklyAgain, "message_edit")
      .filter((e) => e.id === sundayPost.id)
      .at(-1)!;
    expect(text(edit).split("\n")[0]).toContain("· every week");
    expect(buttons(edit)).toEqual(["Going", "Maybe", "Can't"]);
  });

  it("a session's post says when it moved, was cancelled or started, and loses its Going / Maybe / Can't buttons", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const scheduled = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
grant create-events
/party schedule when:"friday 21:00" zone:Europe/Berlin
click "Confirm"
wait 3s
`,
    );
    const fridayPost = sessionPosts(scheduled).at(-1)!;
    const edits = (events: Event[], post: Event) => ofType(events, "message_edit").filter((e) => e.id === post.id);

    // Moved: the old post names the new time and has no buttons left.
    const moved = await run(s, 'as alice\nin movie-club #general\n/party schedule when:"saturday 20:00"\nclick "Confirm"\nwait 3s');
    const [saturday] = await sessions(s);
    expect(text(ofType(moved, "reply_edit").at(-1))).toContain("The old post will say where it went.");
    const movedEdit = edits(moved, fridayPost).at(-1)!;
    expect(text(movedEdit)).toContain(`➡️ **Moved** to <t:${saturday!.at / 1000}:F>`);
    expect(buttons(movedEdit)).toEqual([]);
    const saturdayPost = sessionPosts(moved).at(-1)!;
    expect(buttons(saturdayPost)).toEqual(["Going", "Maybe", "Can't"]);

    // Cancelled: the reply says what happens, and the post says it.
    const cancelled = await run(s, "as alice\nin movie-club #general\n/party schedule cancel:true\nwait 3s");
    expect(text(ofType(cancelled, "reply").at(-1))).toContain(
      "I'll mark its post cancelled (its buttons go), delete its server event and tell the channel.",
    );
    const cancelEdit = edits(cancelled, saturdayPost).at(-1)!;
    expect(text(cancelEdit)).toContain("❌ **Cancelled.**");
    expect(buttons(cancelEdit)).toEqual([]);
    await expect(run(s, 'as bob\nin movie-club #general\nclick "Going"')).rejects.toThrow(/no button "Going"/);

    // Started: the post closes its answers when the session starts.
    const next = await run(s, 'as alice\nin movie-club #general\n/party schedule when:"sunday 19:00"\nclick "Confirm"\nwait 3s');
    const sundayPost = sessionPosts(next).at(-1)!;
    const [sunday] = await sessions(s);
    const started = await run(s, `wait ${sunday!.at - s.engine.clock.now() + 5_000}ms`);
    const startEdit = edits(started, sundayPost).at(-1)!;
    expect(text(startEdit)).toContain("🍿 **Started**");
    expect(buttons(startEdit)).toEqual([]);
  });

  it("a party in a private channel can't be scheduled, polled or cancelled by naming it from a channel one can see; who sees it can", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    s.discord.makePrivate("movie-club", "staff", ["alice"]);
    await run(s, 'as alice\nin movie-club #staff\n/party start show:1399 name:"Staff night"\nwait 3s');
    const [secret] = await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("parties").collect()));
    const refused = await run(
      s,
      `
as bob
in movie-club #general
/party schedule party:${secret!._id} when:"friday 21:00" zone:Europe/Berlin
/party schedule party:${secret!._id} cancel:true
/party schedule party:${secret!._id} remind:5
/party poll party:${secret!._id} times:"friday 21:00; saturday 20:00"
/party schedule party:"Staff night" when:"friday 21:00"
`,
    );
    const answers = ofType(refused, "reply").map((e) => text(e));
    expect(answers).toHaveLength(5);
    // Not "only the host may": to bob, the party isn't there at all.
    for (const answer of answers) expect(answer).toContain("I can't find that watch party in this server");
    expect(await sessions(s)).toEqual([]);
    expect(await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("party_polls").collect()))).toEqual([]);

    // alice sees #staff: from #general she schedules it by id, and it is posted in #staff.
    const scheduled = await run(
      s,
      `as alice\nin movie-club #general\n/party schedule party:${secret!._id} when:"friday 21:00" zone:Europe/Berlin\nclick "Confirm"\nwait 3s`,
    );
    expect(text(ofType(scheduled, "reply_edit").at(-1))).toContain("✅ Scheduled the watch-along of **Staff night · Game of Thrones**");
    expect(sessionPosts(scheduled).map((e) => e.channel)).toEqual(["#staff"]);
  });
});
