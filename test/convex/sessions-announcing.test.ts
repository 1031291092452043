import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, BOB, deployment, GOT, SECRET, withFakeDiscord } from "./setup";
import { CHANNEL, CAROL, DAN, fakeSessions, pass, as, here, FRIDAY_2100_BERLIN, party, schedule } from "./sessions-helpers";

describe("announcing a watch-along session, its RSVPs and reminders", () => {
  let discord: ReturnType<typeof fakeSessions>;
  withFakeDiscord(
    () => {
      discord = fakeSessions();
    },
    Date.UTC(2026, 10, 26, 9, 0),
  );

  it("posts the session with RSVP buttons, reminds and starts pinging exactly those going, then asks who watched", async () => {
    const t = deployment();
    const p = await party(t);
    const scheduled = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    // The host who scheduled it is going to it.
    expect(scheduled).toMatchObject({
      at: FRIDAY_2100_BERLIN,
      weekly: false,
      replaced: null,
      notices: [],
      hostGoing: true,
      pollVoters: false,
    });
    await pass(t, 3_000);
    const announce = discord.posts().find((x) => x.body.content.includes("Watch-along"))!;
    expect(announce.body.content).toContain(`<t:${FRIDAY_2100_BERLIN / 1000}:F>`);
    expect(announce.body.components[0].components.map((b: any) => b.label)).toEqual(["Going", "Maybe", "Can't"]);
    expect(announce.body.allowed_mentions).toEqual({ parse: [] });

    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: scheduled.sessionId, answer: "going", displayName: "bob" });
    await t.mutation(api.bot.sessions.rsvp, { ...as(CAROL), sessionId: scheduled.sessionId, answer: "going", displayName: "carol" });
    await t.mutation(api.bot.sessions.rsvp, { ...as(DAN), sessionId: scheduled.sessionId, answer: "maybe", displayName: "dan" });
    // Changing one's mind replaces the answer.
    await t.mutation(api.bot.sessions.rsvp, { ...as(DAN), sessionId: scheduled.sessionId, answer: "cant", displayName: "dan" });
    await pass(t, 5_000);
    const board = discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1)!;
    expect(board.body.embeds[0].description).toContain("✅ 3 going (alice, bob, carol) · 🤔 0 maybe · ❌ 1 can't");

    // 15 minutes before: the reminder, pinging alice (the host), bob and carol only.
    const untilReminder = FRIDAY_2100_BERLIN - 15 * 60_000 - Date.now();
    await pass(t, untilReminder - 60_000, 60_000);
    expect(discord.posts().some((x) => x.body.content.startsWith("⏰"))).toBe(false);
    await pass(t, 61_000, 1_000);
    const reminder = discord.posts().find((x) => x.body.content.startsWith("⏰"))!;
    expect(reminder.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, BOB, CAROL] });
    expect(reminder.body.content).toContain(`<@${ALICE}> <@${BOB}> <@${CAROL}>`);
    expect(reminder.body.content).not.toContain(DAN);

    // Alice marks two episodes during the session.
    await pass(t, 15 * 60_000, 1_000);
    const start = discord.posts().find((x) => x.body.content.startsWith("🍿") && x.body.content.includes("starting now"))!;
    expect(start.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, BOB, CAROL] });
    await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: 1399,
      season: 1,
      episodes: [1, 2],
      isWatched: true,
      seasonCounts: GOT.seasons.map((x) => ({ season: x.season, episodeCount: x.episodeCount })),
    });
    await pass(t, 2 * 60 * 60_000, 60_000);
    const after = discord.posts().find((x) => x.body.content.startsWith("🍿 Did you watch"))!;
    expect(after.body.content).toContain("S1E1–E2");
    // "until" is followed by a date and time of day (6 hours may cross midnight), not "until in 6 hours".
    const [prompt] = await t.run((ctx) => ctx.db.query("party_prompts").collect());
    expect(after.body.content).toContain(`Click to mark them for yourself (until <t:${Math.floor(prompt!.expiresAt / 1000)}:f>).`);
    expect(after.body.components[0].components[0].label).toBe("I was there");
    // Clicking it marks them for whoever clicks (the watched-together path).
    const promptId = after.body.components[0].components[0].custom_id.split(":")[2];
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    const there = await t.mutation(api.bot.parties.there, { ...as(BOB), promptId });
    expect(there).toMatchObject({ what: "S1E1–E2", changed: 2 });
    // Each post exactly once.
    for (const mark of ["Watch-along", "⏰", "starting now", "Did you watch"])
      expect(discord.posts().filter((x) => x.body.content.includes(mark))).toHaveLength(1);
  });

  it("saying Going joins the party (so the board shows them and the prompt afterwards takes their click); Maybe and Can't don't", async () => {
    const t = deployment();
    const p = await party(t);
    const scheduled = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    const rsvp = (who: string, answer: "going" | "maybe" | "cant", name: string) =>
      t.mutation(api.bot.sessions.rsvp, { ...as(who), sessionId: scheduled.sessionId, answer, displayName: name });
    expect(await rsvp(BOB, "going", "bob")).toMatchObject({ changed: true, joined: true });
    expect(await rsvp(CAROL, "maybe", "carol")).toMatchObject({ joined: false, member: false });
    expect(await rsvp(DAN, "cant", "dan")).toMatchObject({ joined: false, member: false });
    // Already in: Going again, or the host saying Going, joins nothing.
    expect(await rsvp(BOB, "going", "bob")).toMatchObject({ changed: false, joined: false, member: true });
    expect(await rsvp(ALICE, "going", "alice")).toMatchObject({ joined: false });
    const members = await t.run((ctx) => ctx.db.query("party_members").collect());
    expect(members.map((m) => m.discordUserId).sort()).toEqual([ALICE, BOB].sort());
    expect((await t.run((ctx) => ctx.db.get(p.partyId as Id<"parties">)))?.memberCount).toBe(2);
    // A full party still takes the answer, and says it couldn't take the person.
    await t.run(async (ctx) => ctx.db.patch(p.partyId as Id<"parties">, { memberCount: 200 }));
    expect(await rsvp(DAN, "going", "dan")).toMatchObject({ changed: true, joined: false, partyFull: true });
    await t.run(async (ctx) => ctx.db.patch(p.partyId as Id<"parties">, { memberCount: 2 }));
    await rsvp(DAN, "cant", "dan");
    // Leaving afterwards takes the Going back off, as for any member.
    await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here });
    const session = await t.run((ctx) => ctx.db.get(scheduled.sessionId as Id<"party_sessions">));
    expect(session?.rsvps.map((r) => r.discordUserId).sort()).toEqual([ALICE, CAROL, DAN].sort());
  });

  it("the same time confirmed twice before its post lands is posted once", async () => {
    const t = deployment();
    const p = await party(t);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    // A second later, before the first post has gone out (no scheduled function has run yet).
    vi.setSystemTime(Date.now() + 1_000);
    const again = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    expect(again.post).toBe("new");
    await pass(t, 5_000);
    const announces = discord.posts().filter((x) => x.body.content.includes("Watch-along"));
    expect(announces).toHaveLength(1);
    expect(announces[0]!.body.components[0].components.map((b: any) => b.label)).toEqual(["Going", "Maybe", "Can't"]);
  });

  it("a member who said Going and then left the party, or deleted their Discord data, is neither pinged nor listed as going", async () => {
    const t = deployment();
    const p = await party(t);
    const scheduled = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    for (const [who, name] of [
      [BOB, "bob"],
      [CAROL, "carol"],
      [DAN, "dan"],
    ] as const) {
      await t.mutation(api.bot.parties.join, { ...as(who), ...here, displayName: name });
      await t.mutation(api.bot.sessions.rsvp, { ...as(who), sessionId: scheduled.sessionId, answer: "going", displayName: name });
    }
    await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here });
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: DAN });
    await pass(t, 5_000);
    const board = discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1)!;
    expect(board.body.embeds[0].description).toContain("✅ 2 going (alice, carol)");
    await pass(t, FRIDAY_2100_BERLIN - 15 * 60_000 - Date.now() + 1_000, 60_000);
    const reminder = discord.posts().find((x) => x.body.content.startsWith("⏰"))!;
    expect(reminder.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, CAROL] });
    expect(reminder.body.content).not.toContain(BOB);
    expect(reminder.body.content).not.toContain(DAN);
  });

  it("reminds as many minutes before as the party says, moving a scheduled session's reminder too", async () => {
    const t = deployment();
    const p = await party(t);
    const s = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: s.sessionId, answer: "going", displayName: "bob" });
    await t.mutation(api.bot.sessions.setReminder, { ...as(ALICE), ...here, minutes: 60, canManageServer: false });
    await pass(t, FRIDAY_2100_BERLIN - 60 * 60_000 - Date.now() - 60_000, 60_000);
    expect(discord.posts().some((x) => x.body.content.startsWith("⏰"))).toBe(false);
    await pass(t, 61_000);
    expect(discord.posts().filter((x) => x.body.content.startsWith("⏰"))).toHaveLength(1);
    // The old 15-minute timer does nothing.
    await pass(t, 50 * 60_000, 60_000);
    expect(discord.posts().filter((x) => x.body.content.startsWith("⏰"))).toHaveLength(1);
    await expect(t.mutation(api.bot.sessions.setReminder, { ...as(BOB), ...here, minutes: 5, canManageServer: false })).rejects.toThrow(
      /host/,
    );
    await expect(
      t.mutation(api.bot.sessions.setReminder, { ...as(ALICE), ...here, minutes: 5000, canManageServer: false }),
    ).rejects.toThrow(/minutes/);
  });

  it("only the host (or Manage Server) schedules, and a time that has passed is refused", async () => {
    const t = deployment();
    const p = await party(t);
    await t.mutation(api.bot.sessions.setZone, { ...as(BOB), zone: "America/New_York" });
    await expect(schedule(t, p.partyId, FRIDAY_2100_BERLIN, { who: BOB })).rejects.toThrow(/host/);
    await expect(schedule(t, p.partyId, Date.now() - 1_000)).rejects.toThrow(/passed/);
    await expect(t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Mars/Base" })).rejects.toThrow(/time zone/);
    await expect(t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false })).rejects.toThrow(/no session/);
  });
});
