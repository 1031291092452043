// What watch-along posts, polls and server events show of outside text (party names, TMDB titles,
// the proposed times' labels): no bidirectional controls, within Discord's limits; and the times in
// posts that stay in the channel after them say nothing that goes stale ("in 2 days" or "starts
// 3 days ago").
import { describe, expect, it } from "vitest";
import { EVENT_DESCRIPTION_MAX, EVENT_NAME_MAX, scheduledEventBody } from "../../convex/model/sessions.ts";
import {
  leadTime,
  POLL_ANSWER_MAX,
  POLL_QUESTION_MAX,
  sessionPoll,
  sessionPollResult,
  sessionPost,
  sessionPostClosed,
  sessionReminder,
} from "../../src/views/session.ts";
import { codePointLength } from "../../src/views/text.ts";

const ANY_BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const AT = Date.UTC(2030, 0, 4, 20);
const HOST = "100000000000000001";

describe("watch-along text", () => {
  it("a poll's question and answers carry no bidirectional controls or line breaks, and fit Discord's limits", () => {
    const poll = sessionPoll({
      partyLabel: `Night\u202e ${"x".repeat(400)}`,
      options: [
        { at: AT, label: "Fri\u2067 20:00\u200f" },
        { at: AT + 86_400_000, label: `Sat\n${"é".repeat(80)}` },
      ],
      hours: 24,
    });
    const question = poll.poll!.question.text!;
    expect(question).not.toMatch(ANY_BIDI);
    expect(codePointLength(question)).toBeLessThanOrEqual(POLL_QUESTION_MAX);
    expect(question).toMatch(/^When do we watch Night x+…\?$/);
    const answers = poll.poll!.answers.map((a) => a.poll_media.text!);
    expect(answers[0]).toBe("Fri 20:00");
    expect(answers[1]).toMatch(/^Sat é+…$/);
    expect(codePointLength(answers[1]!)).toBe(POLL_ANSWER_MAX);
    expect(JSON.stringify(poll)).not.toMatch(ANY_BIDI);
  });

  it("a server event's name and description carry no bidirectional controls, and fit Discord's limits", () => {
    const party = {
      guildId: "300000000000000001",
      channelId: "300000000000000002",
      name: undefined,
      season: 2,
      title: `Show\u202e\n${"t".repeat(300)}`,
    };
    const event = scheduledEventBody(party, `Night\u2066 · ${"n".repeat(200)}`, AT);
    expect(event.name).not.toMatch(ANY_BIDI);
    expect(event.description).not.toMatch(ANY_BIDI);
    expect(codePointLength(event.name)).toBeLessThanOrEqual(EVENT_NAME_MAX);
    expect(codePointLength(event.description!)).toBeLessThanOrEqual(EVENT_DESCRIPTION_MAX);
    expect(event.description).toMatch(/^Watch-along of Show t+…, season 2\. RSVP in the channel; the board shows who is going\.$/);
  });

  it("a poll's result and a moved session's old post show the time without a relative one that goes stale", () => {
    const result = sessionPollResult({ partyId: "p1", partyLabel: "Show", hostId: HOST, winner: { at: AT, votes: 3 }, passed: false });
    expect(result.content).toContain(`picked <t:${AT / 1000}:F> with 3 votes. <@${HOST}>, press **Confirm**`);
    expect(result.content).not.toContain(":R>");
    expect(result.allowed_mentions).toEqual({ parse: [], users: [HOST] });
    const passed = sessionPollResult({ partyId: "p1", partyLabel: "Show", hostId: HOST, winner: { at: AT, votes: 3 }, passed: true });
    expect(passed.content).not.toContain(":R>");
    const moved = sessionPostClosed({ partyLabel: "Show", at: AT, now: { movedTo: AT + 3_600_000 } });
    expect(moved.content).toContain(`➡️ **Moved** to <t:${AT / 1000 + 3600}:F> — answer on the new post below.`);
    expect(moved.content).not.toContain(":R>");
  });

  it("a reminder says how long before the start it was posted, not a relative time that goes stale", () => {
    const reminder = sessionReminder({ partyLabel: "Show", at: AT, minutes: 15, going: [HOST] });
    expect(reminder.content).toBe(`⏰ **Show** starts in 15 minutes, at <t:${AT / 1000}:t>.\n<@${HOST}>`);
    expect(sessionReminder({ partyLabel: "Show", at: AT, minutes: 90, going: [] }).content).toBe(
      `⏰ **Show** starts in 1 hour 30 minutes, at <t:${AT / 1000}:t>.`,
    );
    // A day ahead names the day.
    expect(sessionReminder({ partyLabel: "Show", at: AT, minutes: 1440, going: [] }).content).toBe(
      `⏰ **Show** starts in 24 hours, at <t:${AT / 1000}:f>.`,
    );
    expect(leadTime(1)).toBe("1 minute");
    expect(leadTime(60)).toBe("1 hour");
    expect(leadTime(121)).toBe("2 hours 1 minute");
  });

  it("with nobody hosting the party, a poll's result and a session's post name and ping no one", () => {
    for (const hostId of [null, ""]) {
      const result = sessionPollResult({ partyId: "p1", partyLabel: "Show", hostId, winner: { at: AT, votes: 1 }, passed: false });
      expect(result.content).not.toContain("<@");
      expect(result.content).toContain("Nobody hosts the party now: someone with **Manage Server**");
      expect(result.allowed_mentions).toEqual({ parse: [] });
    }
    const post = sessionPost({ sessionId: "s1", partyLabel: "Show", at: AT, weekly: false });
    expect(post.content).toContain("\nWill you be there? Those who say **Going** get a ping before it starts.");
    expect(post.allowed_mentions).toEqual({ parse: [] });
  });
});
