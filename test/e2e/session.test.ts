// Watch-along sessions in the sandbox: scheduling, time zones, reminders and
// joining. Moving and cancelling are in session-changes.test.ts, polls in
// session-polls.test.ts.

import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text } from "./harness.ts";
import { WEDNESDAY, WEDNESDAY_BEFORE_DST_END, berlinWall, sessionPosts, sessions } from "./session-fixture.ts";

describe("watch-along sessions in the sandbox", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("schedules 'friday 21:00' in Berlin on Confirm, reminds exactly those going 15 minutes before, starts, lists and deletes the server event, and repeats weekly", async () => {
    s = await stack({ clockStart: WEDNESDAY_BEFORE_DST_END });
    const setup = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
grant create-events
/party schedule when:"friday 21:00" zone:Europe/Berlin
`,
    );
    // The echo: Discord timestamps and a Confirm button, and nothing saved yet.
    const echo = ofType(setup, "reply").at(-1)!;
    expect(echo.ephemeral).toBe(true);
    expect(text(echo)).toMatch(/<t:\d+:F> \(<t:\d+:R>\)/);
    expect(text(echo)).toContain("(Europe/Berlin)");
    expect(buttons(echo)).toEqual(["Confirm"]);
    expect(await sessions(s)).toHaveLength(0);

    const confirmed = await run(s, 'as alice\nin movie-club #general\nclick "Confirm"\nwait 3s');
    expect(text(ofType(confirmed, "reply_edit").at(-1))).toContain("✅ Scheduled");
    // The host who confirmed it is going to it.
    expect(text(ofType(confirmed, "reply_edit").at(-1))).toContain(
      "You're down as **Going** (answer Maybe or Can't on its post if that changes).",
    );
    const [session] = await sessions(s);
    const now = s.engine.clock.now();
    expect(berlinWall(session!.at)).toBe("Fri 21:00");
    expect(session!.at).toBeGreaterThan(now);
    expect(session!.at - now).toBeLessThanOrEqual(7 * 86_400_000);
    expect(text(echo)).toContain(`<t:${session!.at / 1000}:F>`);
    // The session post with its RSVP buttons, and the server event.
    expect(buttons(sessionPosts(confirmed).at(-1))).toEqual(["Going", "Maybe", "Can't"]);
    const created = ofType(confirmed, "scheduled_event");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: "create",
      event: { name: "Game of Thrones · Season 1", start: new Date(session!.at).toISOString() },
    });
    expect(s.discord.scheduledEvents("movie-club")).toHaveLength(1);

    const rsvps = await run(
      s,
      `
as bob
in movie-club #general
click "Going"
as carol
in movie-club #general
click "Going"
as dan
in movie-club #general
click "Maybe"
wait 5s
`,
    );
    expect(ofType(rsvps, "reply").every((e) => e.ephemeral)).toBe(true);
    const board = ofType(rsvps, "message_edit")
      .filter((e) => text(e).includes("Next session"))
      .at(-1);
    expect(text(board)).toContain("✅ 3 going (alice, bob, carol) · 🤔 1 maybe · ❌ 0 can't");
    // Going joined bob and carol to the party, so the board shows them; Maybe left dan out.
    expect(ofType(rsvps, "reply").filter((e) => text(e).includes("You've also joined the watch party"))).toHaveLength(2);
    expect(text(board)).toContain("**bob** · 0/10");
    expect(text(board)).toContain("**carol** · 0/10");
    expect(text(board)).toContain("Hosted by alice · 3 members");

    // Up to a minute before the reminder: nothing; then the reminder, pinging exactly alice (the host), bob and carol.
    const untilReminder = session!.at - 15 * 60_000 - s.engine.clock.now();
    const before = await run(s, `wait ${untilReminder - 60_000}ms`);
    expect(ofType(before, "message").filter((e) => text(e).startsWith("⏰"))).toHaveLength(0);
    const reminded = await run(s, "wait 61s");
    const reminder = ofType(reminded, "message").find((e) => text(e).startsWith("⏰"))!;
    const alice = s.discord.user("alice").id;
    const bob = s.discord.user("bob").id;
    const carol = s.discord.user("carol").id;
    expect(reminder.mentions).toEqual({ everyone: false, users: [alice, bob, carol], roles: [] });
    // It stays in the channel: counted from the post itself, not "starts 3 days ago" later.
    expect(text(reminder)).toMatch(
      new RegExp(`^⏰ \\*\\*Game of Thrones · Season 1\\*\\* starts in 15 minutes, at <t:${session!.at / 1000}:t>\\.\\n`),
    );
    expect(text(reminder)).not.toContain(":R>");

    // At the time: the start post, pinging the same three.
    const started = await run(s, "wait 15m");
    const start = ofType(started, "message").find((e) => text(e).includes("starting now"))!;
    expect(start.mentions.users).toEqual([alice, bob, carol]);

    // After it: "Did you watch …?" with I was there; bob's click marks it for him.
    const after = await run(s, "wait 2h\nas bob\nin movie-club #general\n/party join");
    const asked = ofType(after, "message").find((e) => text(e).startsWith("🍿 Did you watch"))!;
    expect(text(asked)).toContain("S1E1");
    expect(text(asked)).toMatch(/Click to mark it for yourself \(until <t:\d+:f>\)\.$/);
    expect(buttons(asked)).toEqual(["I was there"]);
    const there = await run(s, 'as bob\nin movie-club #general\nclick "I was there"');
    expect(text(ofType(there, "reply").at(-1))).toContain("Marked S1E1");

    // A second session's event is deleted when it is cancelled, and those going (but the host who
    // cancelled it) are pinged that it is off.
    const second = await run(
      s,
      `
as alice
in movie-club #general
/party schedule when:"tomorrow 20:00"
click "Confirm"
wait 3s
as carol
in movie-club #general
click "Going"
as dan
in movie-club #general
click "Maybe"
as alice
in movie-club #general
/party schedule cancel:true
wait 3s
`,
    );
    const lifecycle = ofType(second, "scheduled_event").map((e) => e.action);
    expect(lifecycle).toEqual(["create", "delete"]);
    expect(
      text(
        ofType(second, "reply")
          .filter((e) => e.user === "alice")
          .at(-1),
      ),
    ).toContain("delete its server event and tell the channel, pinging the one person going.");
    const cancelPost = ofType(second, "message").find((e) => text(e).includes("is cancelled"))!;
    expect(text(cancelPost)).toMatch(new RegExp(`is cancelled\\.\\n<@${carol}>$`));
    expect(cancelPost.mentions).toEqual({ everyone: false, users: [carol], roles: [] });

    // A weekly session schedules the next one, a week later at 21:00 Berlin time, with its own event.
    const weekly = await run(
      s,
      'as alice\nin movie-club #general\n/party schedule when:"friday 21:00" repeat:weekly\nclick "Confirm"\nwait 3s',
    );
    expect(text(ofType(weekly, "reply_edit").at(-1))).toContain("every week");
    const [first] = await sessions(s);
    const ended = await run(s, `wait ${first!.at + 2 * 3_600_000 - s.engine.clock.now() + 5_000}ms`);
    const [next] = await sessions(s);
    expect(next!._id).not.toBe(first!._id);
    expect(next!.repeat).toBe("weekly");
    expect(berlinWall(next!.at)).toBe("Fri 21:00");
    // Summer time ended in between: the same wall time is a week and an hour later.
    expect(new Date(first!.at).toISOString()).toBe("2026-10-23T19:00:00.000Z");
    expect(new Date(next!.at).toISOString()).toBe("2026-10-30T20:00:00.000Z");
    expect(sessionPosts(ended).some((e) => text(e).includes(`<t:${next!.at / 1000}:F>`))).toBe(true);
    expect(ofType(ended, "scheduled_event").filter((e) => e.action === "create")).toHaveLength(1);
  });

  it("Going joins the party; Can't afterwards keeps them in it and says how to leave", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/party start show:1399 season:1\nwait 3s\n/party schedule when:"friday 21:00" zone:Europe/Berlin\nclick "Confirm"\nwait 3s\nas bob\nin movie-club #general\nclick "Going"\nclick "Can't"`,
    );
    const [going, cant] = ofType(events, "reply").filter((e) => e.user === "bob");
    expect(text(going)).toContain("You've also joined the watch party");
    expect(text(cant)).toContain("Noted: **Can't**");
    expect(text(cant)).toContain("You're still in the watch party — `/party leave` if you're out for good.");
  });

  it("remind: with a time is saved at once and the echo says so; with a time that is refused it isn't saved", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const reminderMinutes = async () =>
      await s.engine.run((t) => t.run(async (ctx) => (await ctx.db.query("parties").first())?.sessionReminderMinutes));
    const events = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party schedule when:"friday 21:00" zone:Europe/Berlin remind:30
`,
    );
    const echo = text(ofType(events, "reply").at(-1));
    expect(echo).toMatch(/^⏰ Saved: \*\*Game of Thrones · Season 1\*\* reminds those going 30 minutes before each session\./);
    expect(echo).toContain("The reminder setting above is saved already; the new time is scheduled only when you press **Confirm**.");
    expect(echo).not.toContain("Nothing is scheduled");
    expect(await reminderMinutes()).toBe(30);
    expect(await sessions(s)).toHaveLength(0);
    const refused = await run(s, 'as alice\nin movie-club #general\n/party schedule when:"2020-01-01 20:00" remind:45');
    expect(text(ofType(refused, "reply").at(-1))).toContain("has already passed");
    expect(await reminderMinutes()).toBe(30);
  });

  it("asks for the time zone once, refuses past and ambiguous times with a suggestion, and tells the host once without Create Events", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const events = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party schedule when:"friday 21:00"
/party schedule when:"friday 8:30" zone:America/New_York
/party schedule when:"2020-01-01 20:00"
/party schedule when:"in 2h"
click "Confirm"
/party schedule when:"in 3h"
click "Confirm"
as bob
in movie-club #general
/party schedule when:"in 4h"
`,
    );
    const replies = ofType(events, "reply").map(text);
    expect(replies[1]).toContain("Which time zone are you in?");
    expect(replies[2]).toContain("morning or");
    expect(replies[2]).toMatch(/\*\*\d{4}-\d\d-\d\d 20:30\*\*/);
    expect(replies[3]).toContain("has already passed");
    expect(replies[3]).toContain("Try **");
    const confirms = ofType(events, "reply_edit").map(text);
    expect(confirms[0]).toContain("Create Events");
    expect(confirms[1]).not.toContain("Create Events");
    expect(confirms[1]).toContain("replaces");
    expect(replies.at(-1)).toContain("Only the party's host");
    expect(ofType(events, "scheduled_event")).toHaveLength(0);
  });
});
