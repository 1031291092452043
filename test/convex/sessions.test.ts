import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { fakeDiscord } from "./fake-discord";
import { ALICE, BOB, cacheGot, deployment, GOT, SECRET, type Deployment } from "./setup";

const GUILD = "300000000000000001";
const CHANNEL = "300000000000000002";
const CAROL = "100000000000000003";
const DAN = "100000000000000004";
const HOST_DM = "400000000000000009";

/** Discord at fetch (fake-discord.ts), with what these tests look at: the channel's plain posts and the host's DMs. */
function fakeSessions() {
  const discord = fakeDiscord({ dmChannel: HOST_DM });
  const posts = () => discord.messages.filter((x) => x.channelId === CHANNEL && x.body.content && !x.body.embeds?.length);
  return { ...discord, posts, dms: () => discord.inChannel(HOST_DM) };
}

/** Moves the fake clock in steps, running whatever falls due (and what that schedules at once). */
async function pass(t: Deployment, ms: number, step = 1_000) {
  for (let spent = 0; spent < ms; spent += step) {
    vi.advanceTimersByTime(Math.min(step, ms - spent));
    await t.finishInProgressScheduledFunctions();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(0);
      await t.finishInProgressScheduledFunctions();
    }
  }
}

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const here = { guildId: GUILD, channelId: CHANNEL };
/** Friday 27 November 2026, 21:00 in Berlin (CET, UTC+1). */
const FRIDAY_2100_BERLIN = Date.UTC(2026, 10, 27, 20, 0);

async function party(t: Deployment) {
  await cacheGot(t);
  const { party } = await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, season: 1, displayName: "alice" });
  await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
  return party;
}

/** `weekly: "keep"` leaves it out, as a poll winner's Confirm does. */
const schedule = (
  t: Deployment,
  partyId: string,
  at: number,
  extra: { weekly?: boolean | "keep"; canCreateEvents?: boolean; who?: string } = {},
) =>
  t.mutation(api.bot.sessions.schedule, {
    ...as(extra.who ?? ALICE),
    ...here,
    partyId,
    at,
    ...(extra.weekly === "keep" ? {} : { weekly: extra.weekly ?? false }),
    canManageServer: false,
    canCreateEvents: extra.canCreateEvents ?? true,
  });

describe("watch-along sessions", () => {
  let discord: ReturnType<typeof fakeSessions>;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 26, 9, 0));
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    discord = fakeSessions();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });

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

  it("lists the session in Discord's Events, updates it on reschedule and deletes it on cancel", async () => {
    const t = deployment();
    const p = await party(t);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    expect(discord.events).toHaveLength(1);
    expect(discord.events[0]!.body).toMatchObject({
      entity_type: 3,
      privacy_level: 2,
      entity_metadata: { location: `https://discord.com/channels/${GUILD}/${CHANNEL}` },
      scheduled_start_time: new Date(FRIDAY_2100_BERLIN).toISOString(),
      scheduled_end_time: new Date(FRIDAY_2100_BERLIN + 2 * 3_600_000).toISOString(),
    });
    const moved = await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000);
    expect(moved.replaced).toBe(FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    expect(discord.events).toHaveLength(1);
    expect(discord.events[0]!.body.scheduled_start_time).toBe(new Date(FRIDAY_2100_BERLIN + 3_600_000).toISOString());
    await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false });
    await pass(t, 3_000);
    expect(discord.events[0]!.deleted).toBe(true);
    expect(discord.posts().some((x) => x.body.content.includes("is cancelled"))).toBe(true);
    // The cancelled session's timers do nothing.
    await pass(t, 2 * 86_400_000, 60_000);
    expect(discord.posts().some((x) => x.body.content.startsWith("⏰") || x.body.content.includes("starting now"))).toBe(false);
  });

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

  it("without Create Events tells the host once and carries on", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { canCreateEvents: false });
    expect(first.notices.join()).toContain("Create Events");
    await pass(t, 3_000);
    const again = await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000, { canCreateEvents: false });
    expect(again.notices).toEqual([]);
    await pass(t, 3_000);
    expect(discord.requests.some((r) => r.path.includes("scheduled-events"))).toBe(false);
    expect(discord.posts().filter((x) => x.body.content.includes("Watch-along"))).toHaveLength(2);
  });

  it("when Discord refuses the event for a missing permission, DMs the host once", async () => {
    const t = deployment();
    const p = await party(t);
    discord.state.canCreateEvents = false;
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000);
    await pass(t, 3_000);
    expect(discord.dms()).toHaveLength(1);
    expect(discord.dms()[0]!.body.content).toContain("Create Events");
  });

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
