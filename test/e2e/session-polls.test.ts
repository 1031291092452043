// Watch-along sessions in the sandbox: voting on the night with a native poll.

import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text } from "./harness.ts";
import { WEDNESDAY, berlinWall, sessionPosts, sessions } from "./session-fixture.ts";

describe("watch-along sessions in the sandbox: polls", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
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
    const byId = (a: string, b: string) => a.localeCompare(b);
    expect([...reminder.mentions.users].sort(byId)).toEqual(["alice", "bob", "carol"].map((n) => s.discord.user(n).id).sort(byId));
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
});
