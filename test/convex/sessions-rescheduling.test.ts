import { describe, expect, it } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, BOB, deployment, withFakeDiscord } from "./setup";
import { CHANNEL, CAROL, DAN, fakeSessions, pass, as, here, FRIDAY_2100_BERLIN, party, schedule } from "./sessions-helpers";

describe("moving or cancelling a watch-along session", () => {
  let discord: ReturnType<typeof fakeSessions>;
  withFakeDiscord(
    () => {
      discord = fakeSessions();
    },
    Date.UTC(2026, 10, 26, 9, 0),
  );

  it("moving a session to a new time keeps its Going / Maybe / Can't answers, and its new post pings exactly those going that it moved", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: first.sessionId, answer: "going", displayName: "bob" });
    await t.mutation(api.bot.sessions.rsvp, { ...as(DAN), sessionId: first.sessionId, answer: "maybe", displayName: "dan" });
    await pass(t, 3_000);
    const saturday = FRIDAY_2100_BERLIN + 86_400_000;
    // alice (the host, going), bob (going) and dan (maybe).
    expect((await t.query(api.bot.sessions.prepare, { ...as(ALICE), ...here })).current).toEqual({
      at: FRIDAY_2100_BERLIN,
      weekly: false,
      answers: 3,
    });
    const moved = await schedule(t, p.partyId, saturday);
    // Going but the host, who moved it (and is not pinged about it).
    expect(moved).toMatchObject({ replaced: FRIDAY_2100_BERLIN, answers: 3, going: 1 });
    await pass(t, 3_000);
    const announced = discord.posts().filter((x) => x.body.content.includes("Watch-along"));
    expect(announced).toHaveLength(2);
    expect(announced[0]!.body.content).not.toContain("Moved from");
    // Maybe and Can't carry over too, so the post doesn't assume the reader said Going.
    expect(announced[1]!.body.content).toContain(
      `Moved from <t:${FRIDAY_2100_BERLIN / 1000}:F>: Going / Maybe / Can't answers carry over — change yours below if that changes anything.`,
    );
    expect(announced[1]!.body.content).toContain(`<@${BOB}>`);
    expect(announced[1]!.body.content).not.toContain(DAN);
    expect(announced[1]!.body.allowed_mentions).toEqual({ parse: [], users: [BOB] });
    const board = discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1)!;
    expect(board.body.embeds[0].description).toContain("✅ 2 going (alice, bob) · 🤔 1 maybe · ❌ 0 can't");
    // The reminder before the new time pings alice and bob.
    await pass(t, saturday - 15 * 60_000 - Date.now() + 1_000, 60_000);
    const reminders = discord.posts().filter((x) => x.body.content.startsWith("⏰"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, BOB] });
  });

  it("edits the session's post when it moves, is cancelled or starts: it says so and its buttons go; a stale click is answered privately", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    const announced = () => discord.posts().filter((x) => x.body.content.includes("Watch-along"));
    const buttonsOf = (x: { body: any }) => (x.body.components ?? []).flatMap((r: any) => r.components.map((b: any) => b.label));
    const friday = announced()[0]!;
    expect(buttonsOf(friday)).toEqual(["Going", "Maybe", "Can't"]);

    // Moved: the old post points at the new time, without buttons; the new post has them.
    const saturday = FRIDAY_2100_BERLIN + 86_400_000;
    expect(await schedule(t, p.partyId, saturday)).toMatchObject({ oldPostEdited: true });
    await pass(t, 3_000);
    expect(friday.body.content).toContain(`<t:${FRIDAY_2100_BERLIN / 1000}:F>`);
    expect(friday.body.content).toContain(`➡️ **Moved** to <t:${saturday / 1000}:F>`);
    expect(buttonsOf(friday)).toEqual([]);
    const saturdayPost = announced()[1]!;
    expect(buttonsOf(saturdayPost)).toEqual(["Going", "Maybe", "Can't"]);
    // The same time again keeps the post as it is.
    expect(await schedule(t, p.partyId, saturday)).toMatchObject({ replaced: saturday, oldPostEdited: false, post: "kept" });
    await pass(t, 3_000);
    expect(announced()).toHaveLength(2);
    expect(buttonsOf(saturdayPost)).toEqual(["Going", "Maybe", "Can't"]);

    // Cancelled: the post says so; the cancel tells the bot what it did.
    expect(await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false })).toMatchObject({
      postEdited: true,
      event: true,
    });
    await pass(t, 3_000);
    expect(saturdayPost.body.content).toContain("❌ **Cancelled.**");
    expect(buttonsOf(saturdayPost)).toEqual([]);
    await expect(
      t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: first.sessionId, answer: "going", displayName: "bob" }),
    ).rejects.toThrow(/was cancelled/);

    // Started: its post closes the answers when the start post goes out.
    const next = await schedule(t, p.partyId, saturday + 3_600_000);
    await pass(t, 3_000);
    const nextPost = announced()[2]!;
    expect(buttonsOf(nextPost)).toEqual(["Going", "Maybe", "Can't"]);
    await pass(t, saturday + 3_600_000 - Date.now() + 2_000, 60_000);
    expect(discord.posts().some((x) => x.body.content.includes("starting now"))).toBe(true);
    expect(nextPost.body.content).toContain("🍿 **Started**");
    expect(buttonsOf(nextPost)).toEqual([]);
    await expect(
      t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: next.sessionId, answer: "going", displayName: "bob" }),
    ).rejects.toThrow(/already started/);
  });

  it("a session post that lands after its session moved is edited to say so at once", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000);
    await pass(t, 3_000);
    // As if the post for the first time had been on its way while the session moved.
    const late = {
      id: "599999999999999999",
      channelId: CHANNEL,
      body: { content: "🗓️ **Watch-along** (the old time)", components: [{ type: 1, components: [{ type: 2, label: "Going" }] }] },
    };
    discord.messages.push(late);
    await t.mutation(internal.sessions.posts.recordPost, {
      sessionId: first.sessionId as Id<"party_sessions">,
      kind: "announce",
      at: FRIDAY_2100_BERLIN,
      messageId: late.id,
    });
    await pass(t, 3_000);
    expect(late.body.content).toContain(`➡️ **Moved** to <t:${(FRIDAY_2100_BERLIN + 3_600_000) / 1000}:F>`);
    expect(late.body.components).toEqual([]);
  });

  for (const [when, gap] of [
    ["within Discord's enforce_nonce window", 3_000],
    ["after Discord's enforce_nonce window", 6 * 60_000],
  ] as const) {
    it(`a session moved away and back (A → B → A) ${when} has one post with buttons, and a cancel edits that one`, async () => {
      const t = deployment();
      const p = await party(t);
      const saturday = FRIDAY_2100_BERLIN + 86_400_000;
      const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
      await pass(t, 3_000);
      await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: first.sessionId, answer: "going", displayName: "bob" });
      await schedule(t, p.partyId, saturday);
      await pass(t, gap, 1_000);
      expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN)).toMatchObject({ replaced: saturday, oldPostEdited: true });
      await pass(t, 3_000);
      const announced = discord.posts().filter((x) => x.body.content.includes("Watch-along"));
      const buttonsOf = (x: { body: any }) => (x.body.components ?? []).flatMap((r: any) => r.components.map((b: any) => b.label));
      expect(announced).toHaveLength(3);
      const [fridayPost, saturdayPost, backPost] = announced;
      expect(fridayPost!.body.content).toContain(`➡️ **Moved** to <t:${saturday / 1000}:F>`);
      expect(saturdayPost!.body.content).toContain(`➡️ **Moved** to <t:${FRIDAY_2100_BERLIN / 1000}:F>`);
      // The post for the time it moved back to is a new one, with the buttons, pinging bob that it moved.
      expect(backPost!.body.content).toContain(`Moved from <t:${saturday / 1000}:F>`);
      expect(backPost!.body.allowed_mentions).toEqual({ parse: [], users: [BOB] });
      expect(announced.filter((x) => buttonsOf(x).length > 0)).toEqual([backPost]);
      // Cancelling edits the live post, not the first one.
      expect(await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false })).toMatchObject({
        postEdited: true,
      });
      await pass(t, 3_000);
      expect(backPost!.body.content).toContain("❌ **Cancelled.**");
      expect(buttonsOf(backPost!)).toEqual([]);
      expect(fridayPost!.body.content).not.toContain("Cancelled");
    });
  }

  it("of two posts recorded for the same time (announcements that crossed), the later takes answers and the earlier says so", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    const earlier = discord.posts().find((x) => x.body.content.includes("Watch-along"))!;
    const later = { id: "599999999999999998", channelId: CHANNEL, body: { ...earlier.body } };
    discord.messages.push(later);
    await t.mutation(internal.sessions.posts.recordPost, {
      sessionId: first.sessionId as Id<"party_sessions">,
      kind: "announce",
      at: FRIDAY_2100_BERLIN,
      messageId: later.id,
    });
    await pass(t, 3_000);
    expect(earlier.body.content).toContain("🔁 **Posted again** below — answer on the new post.");
    expect(earlier.body.components).toEqual([]);
    await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false });
    await pass(t, 3_000);
    expect(later.body.content).toContain("❌ **Cancelled.**");
    expect(earlier.body.content).not.toContain("Cancelled");
  });

  it("a reminder on its way when the session moves isn't posted for the new time, and the new time's reminder still goes out", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: first.sessionId, answer: "going", displayName: "bob" });
    await pass(t, 3_000);
    // The old time's reminder timer has fired and queued its post; the session moves before it goes out.
    await t.mutation(internal.sessions.timers.remind, { sessionId: first.sessionId as Id<"party_sessions">, at: FRIDAY_2100_BERLIN });
    const saturday = FRIDAY_2100_BERLIN + 86_400_000;
    await schedule(t, p.partyId, saturday);
    await pass(t, 3_000);
    const reminders = () => discord.posts().filter((x) => x.body.content.startsWith("⏰"));
    expect(reminders()).toHaveLength(0);
    await pass(t, saturday - 15 * 60_000 - Date.now() + 1_000, 60_000);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body.content).toContain(`<t:${saturday / 1000}:t>`);
    expect(reminders()[0]!.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, BOB] });
  });

  it("the same time again with another repeat edits its post to match; with no post known, posts it", async () => {
    const t = deployment();
    const p = await party(t);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true });
    await pass(t, 3_000);
    const announced = () => discord.posts().filter((x) => x.body.content.includes("Watch-along"));
    const post = announced()[0]!;
    const headline = () => post.body.content.split("\n")[0];
    expect(headline()).toContain("· every week");
    expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true })).toMatchObject({ post: "kept", weekly: true });
    expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: false })).toMatchObject({
      post: "updated",
      weekly: false,
      oldPostEdited: false,
    });
    await pass(t, 3_000);
    expect(headline()).not.toContain("every week");
    expect(post.body.components[0].components.map((b: any) => b.label)).toEqual(["Going", "Maybe", "Can't"]);
    expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true })).toMatchObject({ post: "updated" });
    await pass(t, 3_000);
    expect(headline()).toContain("· every week");
    expect(announced()).toHaveLength(1);

    // A session whose post Discord refused: scheduling the same time again posts it.
    const saturday = FRIDAY_2100_BERLIN + 86_400_000;
    discord.faults.post.push({ status: 403, body: { code: 50001, message: "Missing Access" } });
    await schedule(t, p.partyId, saturday);
    await pass(t, 3_000);
    expect(announced()).toHaveLength(1);
    expect(await schedule(t, p.partyId, saturday)).toMatchObject({ post: "new" });
    await pass(t, 3_000);
    expect(announced()).toHaveLength(2);
    expect(announced()[1]!.body.content).toContain(`<t:${saturday / 1000}:F>`);
  });

  it("ending the party (by someone with Manage Server) cancels its scheduled session: no reminder or start ping, its post and event go", async () => {
    const t = deployment();
    const p = await party(t);
    const scheduled = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: scheduled.sessionId, answer: "going", displayName: "bob" });
    await pass(t, 3_000);
    const post = discord.posts().find((x) => x.body.content.includes("Watch-along"))!;
    expect(discord.events.filter((e) => !e.deleted)).toHaveLength(1);
    expect(await t.mutation(api.bot.parties.end, { ...as(CAROL), ...here, canManageServer: true })).toMatchObject({
      sessionCancelled: true,
    });
    await pass(t, 3_000);
    expect(post.body.content).toContain("❌ **Cancelled** — the watch party has ended.");
    expect(post.body.components).toEqual([]);
    expect(discord.events.filter((e) => !e.deleted)).toHaveLength(0);
    await pass(t, FRIDAY_2100_BERLIN + 3 * 3_600_000 - Date.now(), 60_000);
    expect(
      discord
        .posts()
        .filter(
          (x) => x.body.content.startsWith("⏰") || x.body.content.includes("starting now") || x.body.content.includes("Did you watch"),
        ),
    ).toEqual([]);
    expect(discord.posts().some((x) => x.body.content.includes(`<@${BOB}>`))).toBe(false);
  });
});
