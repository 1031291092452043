import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, SECRET, type Deployment, withFakeDiscord } from "./setup";
import { GUILD, CAROL, fakeBoards, pass, as, here, startGot, mark } from "./parties-helpers";

describe("hosting and ending a party", () => {
  let discord: ReturnType<typeof fakeBoards>;
  withFakeDiscord(() => {
    discord = fakeBoards();
  });

  it("hands the party to the longest-standing member when the host leaves", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    vi.advanceTimersByTime(1_000);
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    expect(await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here })).toMatchObject({
      left: true,
      host: { discordUserId: BOB, name: "bob" },
    });
    // bob hosts now: he can end it, and the board says so.
    expect((await t.run((ctx) => ctx.db.query("parties").first()))?.hostDiscordUserId).toBe(BOB);
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by bob");
    // Someone who isn't the host leaving hands nothing over.
    const carolLeft = await t.mutation(api.bot.parties.leave, { ...as(CAROL), ...here });
    expect(carolLeft.left).toBe(true);
    expect(carolLeft.host).toBeUndefined();
    expect(await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here })).toMatchObject({ left: true, host: null });
  });

  it("lets only the host or a server manager end a party, and the final board loses its buttons", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    await expect(t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: true });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Ended");
    expect(discord.boards()[0]!.body.components).toEqual([]);
    // An ended party no longer moves.
    const edits = discord.requests.filter((r) => r.method === "PATCH").length;
    await mark(t, BOB, 1, [1]);
    await pass(t, 3_000);
    expect(discord.requests.filter((r) => r.method === "PATCH").length).toBe(edits);
  });

  // ─── issue 17: orphaned parties, a cap per host, private channels, membership, host tools

  const partyRow = (t: Deployment) => t.run(async (ctx) => (await ctx.db.query("parties").order("desc").first())!);

  it("a party its last member leaves has no host: the board says so, the next to join hosts it, and nobody can end it meanwhile", async () => {
    const t = deployment();
    await startGot(t);
    expect(await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here })).toMatchObject({ left: true, host: null });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Nobody hosts it now: whoever joins next does");
    expect(discord.board()).not.toContain("alice");
    // alice, gone, is no longer its host: she can't end it or schedule for it.
    await expect(t.mutation(api.bot.parties.end, { ...as(ALICE), ...here, canManageServer: false })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    expect(await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" })).toMatchObject({
      host: true,
      party: { hostDiscordUserId: BOB },
    });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by bob · 1 member");
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false });
  });

  it("ends a party nobody has been in for 7 days, and not one someone joined meanwhile", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    // Someone comes and goes on day 3: the week counts from when they left.
    vi.advanceTimersByTime(3 * 24 * 3600_000);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here });
    // A week after alice left, the party is not ended: it has been empty for 4 days only.
    await pass(t, 4 * 24 * 3600_000 + 60_000);
    expect((await partyRow(t)).state).toBe("active");
    await pass(t, 3 * 24 * 3600_000);
    expect((await partyRow(t)).state).toBe("ended");
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toEqual([]);
  });

  it("a host who deletes their data hands the party to a remaining member; their name leaves the board; they can start again", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by alice");
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE });
    await pass(t, 5_000);
    expect(discord.board()).toContain("Hosted by bob · 1 member");
    expect(discord.board()).not.toContain("alice");
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toMatchObject([{ hostDiscordUserId: BOB, memberCount: 1 }]);
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false });
    // The show can have a party in the channel again, and alice (starting afresh) can host it.
    await expect(t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" })).resolves.toMatchObject({
      party: { hostDiscordUserId: ALICE },
    });
  });

  it("lets one member host at most 3 parties at once, naming them, and counts a party handed over as theirs no more", async () => {
    const t = deployment();
    await cacheGot(t);
    const channel = (i: number) => `30000000000000010${i}`;
    for (let i = 1; i <= 3; i++)
      await t.mutation(api.bot.parties.start, {
        ...as(ALICE),
        guildId: GUILD,
        channelId: channel(i),
        tmdbId: 1399,
        name: `Night ${i}`,
        displayName: "alice",
      });
    const fourth = t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: channel(4),
      tmdbId: 1399,
      displayName: "alice",
    });
    await expect(fourth).rejects.toMatchObject({
      data: {
        message: expect.stringMatching(/You already host 3 watch parties.*Night 1 · Game of Thrones.*<#300000000000000101>.*Night 3/),
      },
    });
    expect(await t.run((ctx) => ctx.db.query("parties").collect())).toHaveLength(3);
    // Handing one to bob frees a place.
    const first = { guildId: GUILD, channelId: channel(1) };
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...first, displayName: "bob" });
    await t.mutation(api.bot.parties.manage, { ...as(ALICE), ...first, action: "host", member: BOB, canManageServer: false, apply: true });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), guildId: GUILD, channelId: channel(4), tmdbId: 1399, displayName: "alice" });
  });

  it("lets the host (or a server manager) hand the party over, remove a member and rename it, and the board follows", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    const manage = (who: string, action: "host" | "remove", member: string, apply = true, canManageServer = false) =>
      t.mutation(api.bot.parties.manage, { ...as(who), ...here, action, member, canManageServer, apply });
    // Only the host or a manager; only members; never oneself.
    await expect(manage(BOB, "remove", CAROL)).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(manage(BOB, "remove", CAROL, false)).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(manage(ALICE, "host", "100000000000000099", false)).rejects.toMatchObject({
      data: { message: expect.stringContaining("aren't in") },
    });
    await expect(manage(ALICE, "remove", ALICE, false)).rejects.toMatchObject({
      data: { message: expect.stringContaining("/party leave") },
    });
    // Checking changes nothing.
    expect(await manage(ALICE, "remove", CAROL, false)).toMatchObject({ name: "carol" });
    expect((await partyRow(t)).memberCount).toBe(3);
    expect(await manage(ALICE, "remove", CAROL)).toMatchObject({ name: "carol" });
    expect(await manage(ALICE, "host", BOB)).toMatchObject({ name: "bob", party: { hostDiscordUserId: BOB } });
    await expect(
      t.mutation(api.bot.parties.rename, { ...as(ALICE), ...here, name: "Mine again", canManageServer: false }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    const renamed = await t.mutation(api.bot.parties.rename, {
      ...as(BOB),
      ...here,
      name: "  Thrones\u202e Night\n",
      canManageServer: false,
    });
    expect(renamed.party.label).toBe("Thrones Night · Game of Thrones");
    // A server manager may too.
    await t.mutation(api.bot.parties.rename, { ...as(CAROL), ...here, name: "Sunday Thrones", canManageServer: true });
    await pass(t, 5_000);
    expect(discord.board()).toContain("Sunday Thrones · Game of Thrones");
    expect(discord.board()).toContain("Hosted by bob · 2 members");
    expect(discord.board()).not.toContain("carol");
  });
});
