// Who is Going to a watch-along, and who hears when it changes: the host is going to the session
// they schedule, a cancel pings those going, a poll's voters for the winning time become going when
// the host confirms it; and the poll's own life: one at a time per party (counting one still being
// posted), and a poll whose party ended offers nothing to confirm.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { fakeDiscord } from "./fake-discord";
import { CAROL, CHANNEL, DAN, FRIDAY_2100_BERLIN, HOST_DM, as, here, party, pass } from "./sessions-helpers";
import { ALICE, BOB, deployment, type Deployment } from "./setup";

const SATURDAY = FRIDAY_2100_BERLIN + 86_400_000;
const SUNDAY = SATURDAY + 86_400_000;

const schedule = (t: Deployment, partyId: string, at: number, extra: { who?: string; canManageServer?: boolean; weekly?: boolean } = {}) =>
  t.mutation(api.bot.sessions.schedule, {
    ...as(extra.who ?? ALICE),
    ...here,
    partyId,
    at,
    ...(extra.weekly !== undefined ? { weekly: extra.weekly } : {}),
    canManageServer: extra.canManageServer ?? false,
    canCreateEvents: true,
  });

const rsvp = (t: Deployment, who: string, sessionId: string, answer: "going" | "maybe" | "cant", name: string) =>
  t.mutation(api.bot.sessions.rsvp, { ...as(who), sessionId, answer, displayName: name });

const answers = async (t: Deployment) =>
  Object.fromEntries(
    (
      (await t.run((ctx) => ctx.db.query("party_sessions").withIndex("by_party_state").collect())).find((x) => x.state === "scheduled")
        ?.rsvps ?? []
    ).map((r) => [r.discordUserId, r.answer]),
  );

/** 150 people besides bob and carol, so the voters take two of Discord's pages of 100. */
const CROWD = Array.from({ length: 150 }, (_, i) => String(200000000000000000n + BigInt(i)));

describe("who is going to a watch-along", () => {
  /** Voters per answer id of the poll, as Discord's GET /channels/{c}/polls/{m}/answers/{a} lists them. */
  let voters: Record<number, string[]>;
  let votersAsked: string[];
  let discord: ReturnType<typeof fakeDiscord>;
  const posts = () => discord.messages.filter((x) => x.channelId === CHANNEL && x.body.content && !x.body.embeds?.length);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 24, 9, 0));
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    voters = {};
    votersAsked = [];
    discord = fakeDiscord({
      dmChannel: HOST_DM,
      other: (url, init) => {
        const u = new URL(url);
        const m = u.pathname.match(/^\/api\/v10\/channels\/(\d+)\/polls\/(\d+)\/answers\/(\d+)$/);
        if (m === null || init.method !== "GET") return undefined;
        votersAsked.push(`${u.pathname}${u.search}`);
        const limit = Number(u.searchParams.get("limit") ?? 25);
        const after = BigInt(u.searchParams.get("after") ?? "0");
        const ids = (voters[Number(m[3])] ?? [])
          .filter((id) => BigInt(id) > after)
          .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
          .slice(0, limit);
        const users = ids.map((id) => ({ id, username: `user${id.slice(-3)}`, global_name: id === CAROL ? "Carol" : null }));
        return new Response(JSON.stringify({ users }), { status: 200 });
      },
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });

  it("the host is going to the session they schedule or move (also after saying Can't), and to each weekly one after", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true });
    expect(first).toMatchObject({ hostGoing: true, going: 0 });
    expect(await answers(t)).toEqual({ [ALICE]: "going" });
    await pass(t, 5_000);
    const board = () => discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1)!.body.embeds[0].description;
    expect(board()).toContain("✅ 1 going (alice)");

    // Can't, then moving it to another time: choosing the time is going to it.
    await rsvp(t, ALICE, first.sessionId, "cant", "alice");
    expect(await answers(t)).toEqual({ [ALICE]: "cant" });
    await schedule(t, p.partyId, SATURDAY);
    expect(await answers(t)).toEqual({ [ALICE]: "going" });

    // The weekly session that follows has the host going, and nobody else's answers.
    await rsvp(t, BOB, first.sessionId, "going", "bob");
    await pass(t, SATURDAY + 2 * 3_600_000 - Date.now() + 5_000, 60_000);
    expect(await answers(t)).toEqual({ [ALICE]: "going" });
  });

  it("someone with Manage Server scheduling for the party doesn't sign the host up", async () => {
    const t = deployment();
    const p = await party(t);
    await t.mutation(api.bot.sessions.setZone, { ...as(CAROL), zone: "Europe/Berlin" });
    expect(await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { who: CAROL, canManageServer: true })).toMatchObject({ hostGoing: false });
    expect(await answers(t)).toEqual({});
  });

  it("cancelling pings exactly those who said Going (not Maybe or Can't, nor who cancelled), through allowed_mentions", async () => {
    const t = deployment();
    const p = await party(t);
    const s = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await rsvp(t, BOB, s.sessionId, "going", "bob");
    await rsvp(t, CAROL, s.sessionId, "going", "carol");
    await rsvp(t, DAN, s.sessionId, "maybe", "dan");
    await pass(t, 3_000);
    const cancelled = await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false });
    expect(cancelled.going).toBe(2);
    await pass(t, 3_000);
    const post = posts().find((x) => x.body.content.includes("is cancelled"))!;
    expect(post.body.content).toBe(
      `❌ The watch-along of **Game of Thrones · Season 1** on <t:${FRIDAY_2100_BERLIN / 1000}:F> is cancelled.\n<@${BOB}> <@${CAROL}>`,
    );
    expect(post.body.allowed_mentions).toEqual({ parse: [], users: [BOB, CAROL] });

    // Nobody else going: the post pings nobody.
    await schedule(t, p.partyId, SATURDAY);
    await pass(t, 3_000);
    const second = await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false });
    expect(second.going).toBe(0);
    await pass(t, 3_000);
    const quiet = posts()
      .filter((x) => x.body.content.includes("is cancelled"))
      .at(-1)!;
    expect(quiet.body.content).not.toContain("<@");
    expect(quiet.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("confirming a poll's winner makes those who voted for it Going (read from Discord, page by page), but keeps an answer given since the poll closed", async () => {
    const t = deployment();
    const p = await party(t);
    const s = await schedule(t, p.partyId, SUNDAY + 86_400_000);
    // dan said Can't before the poll; he voted for the losing time.
    await rsvp(t, DAN, s.sessionId, "cant", "dan");
    const options = [
      { at: SATURDAY, label: "Sat 28 Nov, 21:00 (Berlin)" },
      { at: SUNDAY, label: "Sun 29 Nov, 21:00 (Berlin)" },
    ];
    await t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    voters = { 1: [DAN], 2: [BOB, CAROL, ...CROWD] };
    discord.state.pollCounts = [
      { id: 1, count: 1 },
      { id: 2, count: 152 },
    ];
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    const result = posts().find((x) => x.body.content.startsWith("🗳️ The poll"))!;
    expect(result.body.content).toContain(`<t:${SUNDAY / 1000}:F>`);
    expect(result.body.content).toContain("those who voted for it will be down as Going");
    // bob answers Can't on the session's post after the poll closed: that stands.
    await rsvp(t, BOB, s.sessionId, "cant", "bob");

    const confirmed = await schedule(t, p.partyId, SUNDAY);
    expect(confirmed).toMatchObject({ at: SUNDAY, pollVoters: true, hostGoing: true });
    await pass(t, 5_000);
    const pollMessage = discord.messages.find((x) => x.body.poll)!;
    expect(votersAsked).toEqual([
      `/api/v10/channels/${CHANNEL}/polls/${pollMessage.id}/answers/2?limit=100`,
      `/api/v10/channels/${CHANNEL}/polls/${pollMessage.id}/answers/2?limit=100&after=${CROWD[97]}`,
    ]);
    const now = await answers(t);
    expect(now[ALICE]).toBe("going");
    expect(now[CAROL]).toBe("going");
    expect(now[BOB]).toBe("cant");
    expect(now[DAN]).toBe("cant");
    expect(CROWD.every((id) => now[id] === "going")).toBe(true);
    const board = discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1)!.body.embeds[0].description;
    expect(board).toContain("✅ 152 going (alice, Carol,");
    expect(board).toContain("❌ 2 can't");

    // The reminder pings them (as many as a message holds), as it does anyone going.
    await pass(t, SUNDAY - 15 * 60_000 - Date.now() + 1_000, 60_000);
    const reminder = posts().find((x) => x.body.content.startsWith("⏰"))!;
    expect(reminder.body.allowed_mentions.users).toContain(CAROL);
    expect(reminder.body.allowed_mentions.users).not.toContain(BOB);

    // Another time confirmed later reads no poll.
    expect(await schedule(t, p.partyId, SUNDAY + 3_600_000)).toMatchObject({ pollVoters: false });
  });

  it("one poll at a time: a second is refused while the first is still being posted, or waits out Discord's 429s and 5xxs; a poll Discord refused for good holds none back", async () => {
    const t = deployment();
    await party(t);
    const options = [
      { at: SATURDAY, label: "Sat" },
      { at: SUNDAY, label: "Sun" },
    ];
    const start = () => t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    // Discord is slow to take the first: a 429, then a 502.
    discord.faults.post.push(
      { status: 429, body: { message: "You are being rate limited.", retry_after: 5, global: false } },
      { status: 502, body: { message: "Bad Gateway" } },
    );
    const first = await start();
    // Nothing has run yet: the first poll is still on its way.
    await expect(start()).rejects.toThrow(
      `This party already has a poll open (it is still being posted) until <t:${Math.floor(first.closesAt / 1000)}:f> — wait for it to close before starting another.`,
    );
    await pass(t, 2_000);
    expect(discord.messages.filter((x) => x.body.poll)).toHaveLength(0);
    await expect(start()).rejects.toThrow(/already has a poll open/);
    await pass(t, 10_000);
    expect(discord.messages.filter((x) => x.body.poll)).toHaveLength(1);
    await expect(start()).rejects.toThrow(/already has a poll open until/);
    expect(await t.run((ctx) => ctx.db.query("party_polls").collect())).toHaveLength(1);

    // Once it has closed, a new one may start — one of two asked at once.
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    const both = await Promise.allSettled([start(), start()]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(String((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toContain("already has a poll open");
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    // One Discord refuses for good (no access) closes at once, holding no new poll back.
    discord.faults.post.push({ status: 403, body: { code: 50001, message: "Missing Access" } });
    await start();
    await pass(t, 3_000);
    await start();
    await pass(t, 3_000);
    expect(discord.messages.filter((x) => x.body.poll)).toHaveLength(3);
  });

  it("a poll still open when its party ends is ended then, without a winner to confirm, saying the party ended", async () => {
    const t = deployment();
    const p = await party(t);
    const options = [
      { at: SATURDAY, label: "Sat" },
      { at: SUNDAY, label: "Sun" },
    ];
    await t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    await pass(t, 3_000);
    const pollMessage = discord.messages.find((x) => x.body.poll)!;
    discord.state.pollCounts = [{ id: 1, count: 2 }];
    await t.mutation(api.bot.parties.end, { ...as(ALICE), ...here, canManageServer: false });
    await pass(t, 3_000);
    // Voting ends on Discord at once.
    expect(
      discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${CHANNEL}/polls/${pollMessage.id}/expire`),
    ).toHaveLength(1);
    expect(posts().filter((x) => x.body.content.startsWith("🗳️ The poll"))).toHaveLength(1);
    // Its own closing time later adds nothing.
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    const result = posts().filter((x) => x.body.content.startsWith("🗳️ The poll"));
    expect(result).toHaveLength(1);
    expect(result[0]!.body.content).toBe(
      "🗳️ The poll for **Game of Thrones · Season 1** has closed, but the watch party has ended — there is nothing to schedule.",
    );
    expect(result[0]!.body.components ?? []).toEqual([]);
    expect(result[0]!.body.allowed_mentions).toEqual({ parse: [] });
    const [poll] = await t.run((ctx) => ctx.db.query("party_polls").collect());
    expect(poll).toMatchObject({ state: "closed", winnerAt: null });
    expect(p.partyId as Id<"parties">).toBe(poll!.partyId);
  });

  it("a poll not yet posted when its party ends is never posted", async () => {
    const t = deployment();
    await party(t);
    const options = [
      { at: SATURDAY, label: "Sat" },
      { at: SUNDAY, label: "Sun" },
    ];
    await t.mutation(api.bot.sessions.startPoll, { ...as(ALICE), ...here, options, hours: 12, canManageServer: false });
    await t.mutation(api.bot.parties.end, { ...as(ALICE), ...here, canManageServer: false });
    await pass(t, 12 * 3_600_000 + 10_000, 60_000);
    expect(discord.messages.filter((x) => x.body.poll)).toHaveLength(0);
    expect(posts().filter((x) => x.body.content.startsWith("🗳️"))).toHaveLength(0);
    const [poll] = await t.run((ctx) => ctx.db.query("party_polls").collect());
    expect(poll).toMatchObject({ state: "closed", winnerAt: null });
  });
});
