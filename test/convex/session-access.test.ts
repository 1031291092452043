// Who can reach a party's watch-along, and who is told about it: a party in a channel someone
// can't see can't be scheduled, polled, cancelled or set up by naming it (issue 17, as for every
// /party command); and a party nobody hosts (its last member left) with a session or a poll pings
// and DMs nobody in place of its missing host.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { fakeDiscord } from "./fake-discord";
import { CHANNEL, FRIDAY_2100_BERLIN, GUILD, HOST_DM, as, here, pass } from "./sessions-helpers";
import { ALICE, BOB, cacheGot, deployment, GOT, SECRET } from "./setup";

/** A private channel: alice can see it, bob can't. */
const STAFF = "300000000000000077";
const SATURDAY = FRIDAY_2100_BERLIN + 86_400_000;

describe("who can reach a watch-along, and who is told", () => {
  let discord: ReturnType<typeof fakeDiscord>;
  const posts = () => discord.messages.filter((x) => x.channelId === CHANNEL && x.body.content && !x.body.embeds?.length);
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 24, 9, 0));
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    discord = fakeDiscord({ dmChannel: HOST_DM });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });

  it("a party in a channel someone can't see is not found by its id, even with Manage Server; who can see it reaches it", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: STAFF,
      tmdbId: 1399,
      name: "Staff night",
      displayName: "alice",
    });
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
    await t.mutation(api.bot.sessions.setZone, { ...as(BOB), zone: "Europe/Berlin" });
    const bobSees = { ...here, visibleChannelIds: [CHANNEL] };
    const manager = { ...as(BOB), ...bobSees, canManageServer: true };
    const notFound = { data: { code: "NOT_FOUND", message: expect.stringContaining("I can't find that watch party") } };
    for (const named of [party.partyId, "Staff night"]) {
      await expect(t.query(api.bot.sessions.prepare, { ...as(BOB), ...bobSees, party: named })).rejects.toMatchObject(notFound);
      await expect(t.mutation(api.bot.sessions.setReminder, { ...manager, party: named, minutes: 5 })).rejects.toMatchObject(notFound);
      await expect(t.mutation(api.bot.sessions.cancel, { ...manager, party: named })).rejects.toMatchObject(notFound);
      const options = [
        { at: SATURDAY, label: "Sat" },
        { at: SATURDAY + 86_400_000, label: "Sun" },
      ];
      await expect(t.mutation(api.bot.sessions.startPoll, { ...manager, party: named, options, hours: 12 })).rejects.toMatchObject(
        notFound,
      );
    }
    // Confirm names the party by id: pressed where bob can't see it, it finds nothing either.
    await expect(
      t.mutation(api.bot.sessions.schedule, {
        ...manager,
        partyId: party.partyId,
        at: FRIDAY_2100_BERLIN,
        weekly: false,
        canCreateEvents: true,
      }),
    ).rejects.toMatchObject(notFound);
    await pass(t, 3_000);
    expect(await t.run((ctx) => ctx.db.query("party_sessions").collect())).toEqual([]);
    expect(await t.run((ctx) => ctx.db.query("party_polls").collect())).toEqual([]);
    expect((await t.run((ctx) => ctx.db.query("parties").collect()))[0]!.sessionReminderMinutes).toBeUndefined();

    // alice sees #staff: from #general she prepares and schedules it by id.
    const aliceSees = { ...here, visibleChannelIds: [CHANNEL, STAFF] };
    await expect(t.query(api.bot.sessions.prepare, { ...as(ALICE), ...aliceSees, party: party.partyId })).resolves.toMatchObject({
      channelId: STAFF,
      label: "Staff night · Game of Thrones",
    });
    const scheduled = await t.mutation(api.bot.sessions.schedule, {
      ...as(ALICE),
      ...aliceSees,
      partyId: party.partyId,
      at: FRIDAY_2100_BERLIN,
      weekly: false,
      canManageServer: false,
      canCreateEvents: true,
    });
    expect(scheduled).toMatchObject({ at: FRIDAY_2100_BERLIN, hostGoing: true });
  });

  it("in a channel with two parties, schedule means the one the member is in", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...GOT, tmdbId: 1398, title: "The Sopranos" });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await t.mutation(api.bot.parties.start, { ...as(BOB), ...here, tmdbId: 1398, displayName: "bob" });
    await expect(t.query(api.bot.sessions.prepare, { ...as(BOB), ...here })).resolves.toMatchObject({
      label: "The Sopranos",
      hostDiscordUserId: BOB,
    });
    await expect(t.query(api.bot.sessions.prepare, { ...as(ALICE), ...here })).resolves.toMatchObject({
      label: "Game of Thrones",
      hostDiscordUserId: ALICE,
    });
  });

  it("a party nobody hosts DMs nobody when Discord refuses its server event, and tells its next host instead", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
    discord.state.canCreateEvents = false;
    await t.mutation(api.bot.sessions.schedule, {
      ...as(ALICE),
      ...here,
      partyId: party.partyId,
      at: FRIDAY_2100_BERLIN,
      weekly: true,
      canManageServer: false,
      canCreateEvents: true,
    });
    // alice leaves before Discord answers: the party has no host when the refusal comes back.
    expect(await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here })).toMatchObject({ host: null });
    await pass(t, 5_000);
    expect(discord.requests.filter((r) => r.path === "/users/@me/channels")).toEqual([]);
    const failed = await t.run(async (ctx) =>
      (await ctx.db.system.query("_scheduled_functions").collect()).filter((f) => f.state.kind === "failed"),
    );
    expect(failed).toEqual([]);
    // The session's post names no host.
    const post = posts().find((x) => x.body.content.includes("Watch-along"))!;
    expect(post.body.content).not.toContain("Scheduled by");
    expect(post.body.content).toContain("Will you be there?");
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    // bob joins, so hosts it: the notice about Events is his when he schedules.
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.mutation(api.bot.sessions.setZone, { ...as(BOB), zone: "Europe/Berlin" });
    const bobs = await t.mutation(api.bot.sessions.schedule, {
      ...as(BOB),
      ...here,
      partyId: party.partyId,
      at: SATURDAY,
      canManageServer: false,
      canCreateEvents: false,
    });
    expect(bobs.notices.join("\n")).toContain("**Create Events**");
  });

  it("a party nobody has been in for a week ends by itself: its session is cancelled, its post says the party ended, and nobody is pinged", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
    const later = FRIDAY_2100_BERLIN + 7 * 86_400_000;
    await t.mutation(api.bot.sessions.schedule, {
      ...as(ALICE),
      ...here,
      partyId: party.partyId,
      at: later,
      weekly: true,
      canManageServer: false,
      canCreateEvents: true,
    });
    await pass(t, 3_000);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    await pass(t, 7 * 86_400_000 + 3_600_000, 3_600_000);
    const post = posts().find((x) => x.body.content.includes("Watch-along"))!;
    expect(post.body.content).toContain("❌ **Cancelled** — the watch party has ended.");
    expect(post.body.components).toEqual([]);
    expect(discord.events.filter((e) => !e.deleted)).toEqual([]);
    // No "is cancelled" post, and nothing the bot posted pings anyone.
    expect(posts().filter((x) => x.body.content.includes("is cancelled"))).toEqual([]);
    for (const m of discord.messages) expect(m.body.allowed_mentions?.users ?? []).toEqual([]);
    expect(await t.run(async (ctx) => (await ctx.db.query("party_sessions").collect()).map((x) => x.state))).toEqual(["cancelled"]);
  });

  it("a poll whose party nobody hosts when it closes pings nobody, and someone with Manage Server can confirm it", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    const options = [
      { at: SATURDAY, label: "Sat" },
      { at: SATURDAY + 86_400_000, label: "Sun" },
    ];
    await t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    await pass(t, 3_000);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    discord.state.pollCounts = [{ id: 1, count: 2 }];
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    const result = posts().find((x) => x.body.content.startsWith("🗳️ The poll"))!;
    expect(result.body.content).toBe(
      `🗳️ The poll for **Game of Thrones** picked <t:${SATURDAY / 1000}:F> with 2 votes. Nobody hosts the party now: someone with **Manage Server** (or whoever joins it next, and so hosts it) can press **Confirm** to schedule it — those who voted for it will be down as Going.`,
    );
    expect(result.body.allowed_mentions).toEqual({ parse: [] });
    await t.mutation(api.bot.sessions.setZone, { ...as(BOB), zone: "Europe/Berlin" });
    await expect(
      t.mutation(api.bot.sessions.schedule, {
        ...as(BOB),
        ...here,
        partyId: party.partyId,
        at: SATURDAY,
        canManageServer: true,
        canCreateEvents: true,
      }),
    ).resolves.toMatchObject({ at: SATURDAY, pollVoters: true, hostGoing: false });
  });
});
