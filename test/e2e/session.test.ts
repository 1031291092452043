import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

/** The party's sessions as Convex keeps them, newest first. */
async function sessions(s: Stack) {
  return await s.engine.run((t) =>
    t.run(async (ctx) => (await ctx.db.query("party_sessions").collect()).sort((a, b) => b._creationTime - a._creationTime)),
  );
}

function berlinWall(at: number) {
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
const WEDNESDAY_BEFORE_DST_END = Date.UTC(2026, 9, 14, 10, 0);
/** Wednesday 2 December 2026, 11:00 in Berlin. */
const WEDNESDAY = Date.UTC(2026, 11, 2, 10, 0);

const sessionPosts = (events: Event[]) => ofType(events, "message").filter((e) => text(e).includes("Watch-along"));

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

  it("lets the party vote on the night with a native poll, and schedules the winner when the host confirms it, keeping a weekly session weekly", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const day = (n: number) => new Date(s.engine.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
    const opened = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party schedule when:"${day(2)} 21:00" zone:Europe/Berlin repeat:weekly
click "Confirm"
wait 3s
/party poll times:"${day(3)} 21:00; ${day(4)} 20:00; ${day(5)} 18:30" hours:6 zone:Europe/Berlin
/party poll times:"${day(3)} 22:00; ${day(4)} 22:00" hours:6
wait 3s
`,
    );
    // One poll at a time: the second is refused privately, naming when the first closes.
    const again = ofType(opened, "reply").at(-1)!;
    expect(again.ephemeral).toBe(true);
    expect(text(again)).toMatch(
      /^⚠️ This party already has a poll open( \(it is still being posted\))? until <t:\d+:f> — wait for it to close before starting another\.$/,
    );
    expect(ofType(opened, "message").filter((e) => e.poll)).toHaveLength(1);
    const pollReply = text(ofType(opened, "reply").at(-2));
    expect(pollReply).toContain("A poll of 3 times");
    // When it closes, as a date and time that stays true in the channel's history (not "in 6 hours",
    // which later reads "6 hours ago").
    const poll = await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("party_polls").first()));
    expect(pollReply).toContain(`It's open until <t:${Math.floor(poll!.closesAt / 1000)}:f>; then I'll post the winner`);
    expect(pollReply).not.toContain(":R>");
    const pollPost = ofType(opened, "message").find((e) => e.poll)!;
    const answers: string[] = pollPost.poll.answers.map((a: any) => a.poll_media.text);
    expect(answers).toHaveLength(3);
    expect(answers[1]).toMatch(/20:00 \(Berlin\)$/);
    const closed = await run(
      s,
      `
as bob
in movie-club #general
vote "${answers[1]}"
as carol
in movie-club #general
vote "${answers[1]}"
as dan
in movie-club #general
vote "${answers[0]}"
wait 6h1m
`,
    );
    const result = ofType(closed, "message").find((e) => text(e).startsWith("🗳️ The poll"))!;
    expect(text(result)).toContain("with 2 votes");
    // The result stays in the channel: its time without "in 2 days", which would later read "2 days ago".
    expect(text(result)).toMatch(/picked <t:\d+:F> with 2 votes\./);
    expect(text(result)).not.toContain(":R>");
    expect(result.mentions.users).toEqual([s.discord.user("alice").id]);
    expect(buttons(result)).toEqual(["Confirm"]);
    const notHost = await run(s, 'as bob\nin movie-club #general\nclick "Confirm"');
    expect(text(ofType(notHost, "reply").at(-1))).toContain("Only the party's host");
    const confirmed = await run(s, 'as alice\nin movie-club #general\nclick "Confirm"\nwait 3s');
    // The result in the channel says what was decided, for everyone; the details go to the host alone.
    const decided = ofType(confirmed, "reply_edit").at(-1);
    expect(decided?.ephemeral).toBe(false);
    expect(text(decided)).toMatch(
      /^📅 The watch-along of \*\*Game of Thrones · Season 1\*\* is set for .*, every week — answer Going \/ Maybe \/ Can't on its post\.$/,
    );
    expect(buttons(decided)).toEqual([]);
    expect(text(decided)).not.toContain(":R>");
    const hostReply = ofType(confirmed, "followup").find((e) => e.ephemeral && text(e).includes("✅ Scheduled"));
    const reply = text(hostReply);
    expect(reply).toContain("✅ Scheduled");
    // It replaces the weekly session, and stays weekly as /party schedule would.
    expect(reply).toMatch(/, every week\.\nIt replaces the one on /);
    const [session] = await sessions(s);
    expect(text(decided)).toContain(`is set for <t:${session!.at / 1000}:F>, every week`);
    expect(session!.repeat).toBe("weekly");
    expect(berlinWall(session!.at)).toMatch(/20:00$/);
    expect(new Date(session!.at).toISOString().slice(0, 10)).toBe(day(4));
    expect(sessionPosts(confirmed)).toHaveLength(1);

    // bob and carol voted for the winning time: read from the poll, they are going now; dan voted
    // for another time and isn't.
    expect(reply).toContain("Those who voted for this time in the poll are down as **Going** too.");
    const [voted] = await sessions(s);
    expect(Object.fromEntries(voted!.rsvps.map((r) => [r.name, r.answer]))).toEqual({ alice: "going", bob: "going", carol: "going" });
    const settled = await run(s, "wait 5s");
    const board = ofType([...confirmed, ...settled], "message_edit")
      .filter((e) => text(e).includes("Next session"))
      .at(-1);
    // (The voters in the order Discord lists them: by user id.)
    expect(text(board)).toMatch(/✅ 3 going \(alice, (bob, carol|carol, bob)\) · 🤔 0 maybe · ❌ 0 can't/);
    const reminded = await run(s, `wait ${session!.at - 15 * 60_000 - s.engine.clock.now() + 1_000}ms`);
    const reminder = ofType(reminded, "message").find((e) => text(e).startsWith("⏰"))!;
    expect([...reminder.mentions.users].sort()).toEqual(["alice", "bob", "carol"].map((n) => s.discord.user(n).id).sort());
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

  it("a poll still open when its party ends is ended then, saying the party ended, with nothing to confirm", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    const day = (n: number) => new Date(s.engine.clock.now() + n * 86_400_000).toISOString().slice(0, 10);
    const events = await run(
      s,
      `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
/party poll times:"${day(3)} 21:00; ${day(4)} 20:00" hours:2 zone:Europe/Berlin
wait 3s
`,
    );
    const pollPost = ofType(events, "message").find((e) => e.poll)!;
    const first: string = pollPost.poll.answers[0].poll_media.text;
    const closed = await run(
      s,
      `as bob\nin movie-club #general\nvote "${first}"\nas alice\nin movie-club #general\n/party end\nwait 3s\nas carol\nin movie-club #general\nvote "${first}"\nwait 2h1m`,
    );
    // Voting ended with the party.
    expect(ofType(closed, "rejected").at(-1)).toMatchObject({ reason: "the poll has ended" });
    const result = ofType(closed, "message").filter((e) => text(e).startsWith("🗳️ The poll"));
    expect(result).toHaveLength(1);
    expect(text(result[0])).toBe(
      "🗳️ The poll for **Game of Thrones · Season 1** has closed, but the watch party has ended — there is nothing to schedule.",
    );
    expect(buttons(result[0])).toEqual([]);
    expect(result[0]!.mentions.users).toEqual([]);
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
