import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, deployment, withFakeDiscord } from "./setup";
import { fakeSessions, pass, as, here, FRIDAY_2100_BERLIN, party, schedule } from "./sessions-helpers";

describe("weekly sessions and polls for a time", () => {
  let discord: ReturnType<typeof fakeSessions>;
  withFakeDiscord(
    () => {
      discord = fakeSessions();
    },
    Date.UTC(2026, 10, 26, 9, 0),
  );

  it("a weekly session schedules the next at the same wall-clock time in its zone, across the DST change", async () => {
    const t = deployment();
    vi.setSystemTime(Date.UTC(2026, 9, 20, 9, 0));
    const p = await party(t);
    // Friday 23 October 2026, 21:00 in Berlin is 19:00 UTC (CEST); a week later it is CET.
    const first = Date.UTC(2026, 9, 23, 19, 0);
    await schedule(t, p.partyId, first, { weekly: true });
    await pass(t, first + 2 * 3_600_000 - Date.now() + 5_000, 60_000);
    const status = await t.query(api.bot.sessions.prepare, { ...as(ALICE), ...here });
    // Fresh answers, but for the host's: going to each week's, as to the first.
    expect(status.current).toEqual({ at: Date.UTC(2026, 9, 30, 20, 0), weekly: true, answers: 1 });
    expect(discord.posts().filter((x) => x.body.content.includes("Watch-along"))).toHaveLength(2);
    // Its event was created too.
    expect(discord.events).toHaveLength(2);
  });

  it("posts a poll of proposed times and, when it closes, the most-voted one with Confirm for the host, who alone is pinged", async () => {
    const t = deployment();
    const p = await party(t);
    const options = [
      { at: FRIDAY_2100_BERLIN, label: "Fri 27 Nov, 21:00 (Berlin)" },
      { at: FRIDAY_2100_BERLIN + 86_400_000, label: "Sat 28 Nov, 21:00 (Berlin)" },
      { at: FRIDAY_2100_BERLIN - 3_600_000, label: "Fri 27 Nov, 20:00 (Berlin)" },
    ];
    await expect(
      t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 48, canManageServer: false }),
    ).rejects.toThrow(/after the poll closes/);
    await expect(
      t.mutation(api.bot.sessions.startPoll, { ...as(BOB), ...here, options, hours: 12, canManageServer: false }),
    ).rejects.toThrow(/host/);
    const opened = await t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    expect(opened.count).toBe(3);
    await pass(t, 3_000);
    const posted = discord.messages.find((x) => x.body.poll)!;
    // Answers in time order; the content shows each as a Discord timestamp.
    expect(posted.body.poll.answers.map((a: any) => a.poll_media.text)).toEqual([
      "Fri 27 Nov, 20:00 (Berlin)",
      "Fri 27 Nov, 21:00 (Berlin)",
      "Sat 28 Nov, 21:00 (Berlin)",
    ]);
    expect(posted.body.content).toContain(`<t:${FRIDAY_2100_BERLIN / 1000}:F>`);
    await expect(
      t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false }),
    ).rejects.toThrow(/already has a poll open/);
    // Two votes for 21:00 Friday, two for Saturday: the earlier one wins the tie.
    discord.state.pollCounts = [
      { id: 2, count: 2 },
      { id: 3, count: 2 },
    ];
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    const result = discord.posts().find((x) => x.body.content.startsWith("🗳️ The poll"))!;
    expect(result.body.content).toContain(`<t:${FRIDAY_2100_BERLIN / 1000}:F>`);
    expect(result.body.allowed_mentions).toEqual({ parse: [], users: [ALICE] });
    expect(result.body.components[0].components[0]).toMatchObject({
      label: "Confirm",
      custom_id: `session:confirm:${p.partyId}:${FRIDAY_2100_BERLIN}k`,
    });
  });

  it("a Confirm that leaves the repeat out (a poll's winner) keeps a weekly session weekly, and schedules a new one once", async () => {
    const t = deployment();
    const p = await party(t);
    expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: "keep" })).toMatchObject({ weekly: false, replaced: null });
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true });
    await pass(t, 3_000);
    const saturday = FRIDAY_2100_BERLIN + 86_400_000;
    expect(await schedule(t, p.partyId, saturday, { weekly: "keep" })).toMatchObject({
      at: saturday,
      weekly: true,
      replaced: FRIDAY_2100_BERLIN,
    });
    await pass(t, 3_000);
    const post = discord
      .posts()
      .filter((x) => x.body.content.includes("Watch-along"))
      .at(-1)!;
    expect(post.body.content.split("\n")[0]).toContain("· every week");
  });
});
