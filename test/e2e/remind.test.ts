import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Every event, with the sandbox clock's time when it happened. */
function record(s: Stack) {
  const events: (Event & { at: number })[] = [];
  const listener = (e: Event) => events.push({ ...e, at: s.engine.clock.now() });
  s.discord.on("event", listener);
  return { events, dms: (to = "alice") => events.filter((e) => e.t === "dm" && e.to === to) };
}

const STALLED = `
as alice
in movie-club #general
/ep 1399 1 1-2
wait 8d
`;

describe("reminders in the sandbox", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("DM a stalled show exactly once after 8 days, and Mark watched edits that DM to the next episode", async () => {
    s = await stack();
    const rec = record(s);
    await run(s, STALLED);
    expect(rec.dms()).toHaveLength(1);
    const dm = rec.dms()[0]!;
    expect(text(dm)).toContain("Up next: **S1E3**");
    expect(text(dm)).toMatch(/71 episodes left/);
    expect(buttons(dm)).toEqual(["Mark S1E3 watched — Game of Thrones", "Snooze a week", "Stop for this show", "Settings"]);

    const events = await run(s, `as alice\nin dm\nclick "Mark S1E3 watched — Game of Thrones"`);
    // The click updates the DM it is on (the sandbox reports an update of the clicked message as reply_edit).
    const edit = ofType(events, "reply_edit", "message_edit").at(-1);
    expect(edit?.id).toBe(dm.id);
    expect(text(edit)).toContain("✅ Marked S1E3 of **Game of Thrones**.");
    expect(text(edit)).toContain("Up next: **S1E4**");
    expect(buttons(edit)[0]).toBe("Mark S1E4 watched — Game of Thrones");

    // The mark restarts the count: nothing more for the next 6 days.
    await run(s, "wait 6d");
    expect(rec.dms()).toHaveLength(1);
  });

  it("/remind show by id names the show, even one nobody has tracked yet, and refuses a movie's id as /ep does", async () => {
    s = await stack();
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/remind show title:1399 enabled:false\n/remind show title:1399 enabled:true\n/remind show title:603 enabled:false`,
    );
    const [off, on, movie] = ofType(events, "reply");
    expect(off!.content).toBe("🔕 No more reminders or new-episode alerts for **Game of Thrones**.");
    expect(on!.content).toBe("🔔 I'll remind you about **Game of Thrones** again.");
    expect(text(movie)).toContain("TMDB id 603 is the movie **The Matrix**, which has no episodes.");
    expect(movie).toMatchObject({ ephemeral: true });
    expect(text(movie)).not.toContain("No more reminders");
  });

  it("/remind off and on say once whether reminders are on, say when nothing changed, and name a zone only when it means something", async () => {
    s = await stack();
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/remind off\n/remind off\n/remind on\n/remind on\n/remind settings\n/remind settings timezone:Europe/Berlin\n/remind settings quiet:22:00-08:00`,
    );
    const lines = ofType(events, "reply").map((reply) => reply.content.split("\n").slice(0, 3));
    expect(lines).toEqual([
      [
        "🔕 Reminders are off: I won't DM you about your shows.",
        "• A show counts as stalled after **7 days** without a mark.",
        "• Quiet hours: **none**.",
      ],
      [
        "Reminders were already off — nothing changed.",
        "• A show counts as stalled after **7 days** without a mark.",
        "• Quiet hours: **none**.",
      ],
      ["🔔 Reminders are on.", "• A show counts as stalled after **7 days** without a mark.", "• Quiet hours: **none**."],
      [
        "Reminders were already on — nothing changed.",
        "• A show counts as stalled after **7 days** without a mark.",
        "• Quiet hours: **none**.",
      ],
      ["**Reminders** are on.", "• A show counts as stalled after **7 days** without a mark.", "• Quiet hours: **none**."],
      ["✅ Saved.", "**Reminders** are on.", "• A show counts as stalled after **7 days** without a mark."],
      ["✅ Saved.", "**Reminders** are on.", "• A show counts as stalled after **7 days** without a mark."],
    ]);
    const quiet = ofType(events, "reply")
      .slice(-2)
      .map((reply) => reply.content.split("\n")[3]);
    expect(quiet).toEqual(["• Quiet hours: **none** (your time zone: Europe/Berlin).", "• Quiet hours: **22:00-08:00** (Europe/Berlin)."]);
  });

  it("/remind settings takes quiet hours and a zone as people write them: 10pm-8am, 22-7, berlin", async () => {
    s = await stack();
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/remind settings quiet:10pm-8am timezone:berlin\n/remind settings quiet:22-7 timezone:"new york"`,
    );
    const quiet = ofType(events, "reply").map((reply) => reply.content.split("\n")[3]);
    expect(quiet).toEqual(["• Quiet hours: **22:00-08:00** (Europe/Berlin).", "• Quiet hours: **22:00-07:00** (America/New\\_York)."]);
    // What could mean two things is asked about, and nothing is saved.
    const unclear = await run(
      s,
      `as alice\nin movie-club #general\n/remind settings quiet:10-8\n/remind settings timezone:EST\n/remind settings timezone:uk\n/remind settings`,
    );
    const [hours, est, uk, now] = ofType(unclear, "reply").map((r) => r.content);
    expect(hours).toContain('Does that start at 10:00 or 22:00? Write it as "22-8" or "10pm-8am"');
    expect(est).toContain("abbreviations like EST ignore daylight saving");
    expect(uk).toContain('I don\'t know the time zone "uk"');
    expect(now).toContain("• Quiet hours: **22:00-07:00** (America/New\\_York).");
  });

  it("after Snooze a week, stay silent for 7 days, then send one DM", async () => {
    s = await stack();
    const rec = record(s);
    const snoozed = await run(s, `${STALLED}\nin dm\nclick "Snooze a week"`);
    expect(text(ofType(snoozed, "reply_edit").at(-1))).toContain("😴 I'll leave **Game of Thrones** alone until");
    expect(buttons(ofType(snoozed, "reply_edit").at(-1))).toEqual([]);
    expect(rec.dms()).toHaveLength(1);
    await run(s, "wait 6d23h");
    expect(rec.dms()).toHaveLength(1);
    await run(s, "wait 2h");
    expect(rec.dms()).toHaveLength(2);
    await run(s, "wait 1d");
    expect(rec.dms()).toHaveLength(2);
  });

  it("after Snooze on one show of a DM listing two, the DM keeps only the other, as it is now", async () => {
    s = await stack();
    const events = await run(s, `as alice\nin movie-club #general\n/ep 1399 1 1-2\n/ep 1396 1 1\nwait 8d\nin dm\nclick "Snooze a week"`);
    const dm = ofType(events, "dm").at(-1);
    expect(buttons(dm).filter((b) => b === "Snooze a week")).toHaveLength(2);
    const edited = ofType(events, "reply_edit").at(-1);
    expect(text(edited)).toContain("alone until");
    const left = buttons(edited).filter((b) => b.startsWith("Mark "));
    expect(left).toHaveLength(1);
    // Whichever show was snoozed, the other one's row is still there.
    expect(text(edited)).toMatch(/I'll leave \*\*(Game of Thrones|Breaking Bad)\*\*/);
    const snoozed = /I'll leave \*\*(.+?)\*\*/.exec(text(edited))![1]!;
    expect(left[0]).not.toContain(snoozed);
    // Stop on the other one: the DM doesn't bring back the show just snoozed.
    const stopped = await run(s, `as alice\nin dm\nclick "Stop for this show"`);
    const after = ofType(stopped, "reply_edit").at(-1);
    expect(text(after)).toContain("That was the last show this reminder was about.");
    expect(buttons(after)).toEqual([]);
  });

  it("after Stop for this show, never send about it again", async () => {
    s = await stack();
    const rec = record(s);
    const events = await run(s, `${STALLED}\nin dm\nclick "Stop for this show"`);
    // The DM itself says so and keeps no buttons for a show it no longer reminds about.
    const edited = ofType(events, "reply_edit").at(-1);
    expect(text(edited)).toContain("No more reminders or new-episode alerts for **Game of Thrones**");
    expect(text(edited)).toContain("That was the last show this reminder was about.");
    expect(buttons(edited)).toEqual([]);
    await run(s, "wait 40d");
    expect(rec.dms()).toHaveLength(1);
  });

  it("hold a reminder due in quiet hours until the window ends in the person's zone", async () => {
    s = await stack();
    const rec = record(s);
    const zone = "Asia/Kolkata";
    // Wall clock read with Intl directly, independent of the code under test.
    const wall = (at: number) => {
      const parts = new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).formatToParts(at);
      return { hour: Number(parts.find((p) => p.type === "hour")!.value), minute: Number(parts.find((p) => p.type === "minute")!.value) };
    };
    // A window that holds the moment the reminder falls due (7 days from now, at the next hourly scan).
    const start = (wall(s.engine.clock.now() + 7 * DAY).hour + 23) % 24;
    const end = (start + 4) % 24;
    const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
    await run(
      s,
      `as alice\nin movie-club #general\n/remind settings quiet:${hh(start)}-${hh(end)} timezone:${zone}\n/ep 1399 1 1-2\nwait 8d`,
    );
    const dms = rec.dms();
    expect(dms).toHaveLength(1);
    // Asia/Kolkata is UTC+5:30: a zone read as UTC would end the window half an hour off.
    expect(wall(dms[0]!.at)).toEqual({ hour: end, minute: 0 });
    const due = s.engine.clock.now() - DAY; // the mark was 8 days before now
    expect(dms[0]!.at).toBeGreaterThan(due);
  });

  it("tell someone caught up on a show airing on the sandbox clock that its next episode is out, once, and Mark watched marks it", async () => {
    s = await stack();
    const rec = record(s);
    // The Weekly Thing (990101): three episodes out when the sandbox starts, one more every 7 days.
    await run(s, "as alice\nin movie-club #general\n/ep 990101 1 1-3\nwait 8d");
    expect(rec.dms()).toHaveLength(1);
    const alert = rec.dms()[0]!;
    // Alice's first DM from the bot: it says how to stop them.
    expect(alert.content).toMatch(/^🆕 S1E4 of \*\*The Weekly Thing\*\* is out\.\n.*`\/remind off` stops them all/);
    expect(text(alert)).toContain("**S1E4** · Four Walls");
    expect(buttons(alert)).toEqual(["Mark S1E4 watched", "Stop"]);

    const events = await run(s, `as alice\nin dm\nclick "Mark S1E4 watched"`);
    expect(text(ofType(events, "reply_edit", "message_edit").at(-1))).toContain("✅ Marked S1E4 of **The Weekly Thing**.");
    await run(s, "wait 5d");
    expect(rec.dms()).toHaveLength(1);
    // S1E5 airs on day 14: a second alert, for that episode.
    await run(s, "wait 2d");
    expect(rec.dms()).toHaveLength(2);
    // Not the first any more: just the news.
    expect(rec.dms()[1]!.content).toBe("🆕 S1E5 of **The Weekly Thing** is out.");
  });

  it("with DMs closed: mark them unreachable without retrying, tell them how to open DMs in their next reply, and try again only then", async () => {
    s = await stack();
    const rec = record(s);
    await run(s, `as alice\ndms closed\nin movie-club #general\n/ep 1399 1 1-2\nwait 8d`);
    const refused = () => rec.events.filter((e) => e.t === "discord_error" && JSON.stringify(e).includes("50007"));
    expect(rec.dms()).toHaveLength(0);
    expect(refused()).toHaveLength(1);
    await run(s, "wait 10d");
    expect(refused()).toHaveLength(1);

    // Her next interaction, whatever it is, gets an ephemeral follow-up saying how to open DMs.
    const events = await run(s, `as alice\ndms open\nin movie-club #general\n/ep 1396 1 1\nwait 4s`);
    const notice = ofType(events, "followup").at(-1);
    expect(text(notice)).toContain("your DMs are closed to me");
    expect(notice?.ephemeral).toBe(true);
    await run(s, "wait 2h");
    expect(rec.dms()).toHaveLength(1);
    // Told once: the next command gets no second notice.
    const later = await run(s, `as alice\nin movie-club #general\n/remind settings\nwait 4s`);
    expect(later.map((e) => text(e)).join("\n")).not.toContain("your DMs are closed to me");
  });

  it("say how to open DMs in the /remind reply itself when that is the next thing someone does", async () => {
    s = await stack();
    await run(s, `as alice\ndms closed\nin movie-club #general\n/ep 1399 1 1-2\nwait 8d`);
    const events = await run(s, `as alice\ndms open\nin movie-club #general\n/remind settings\nwait 4s`);
    expect(text(ofType(events, "reply").at(-1))).toContain("your DMs are closed to me");
    expect(ofType(events, "followup")).toHaveLength(0);
  });
});
