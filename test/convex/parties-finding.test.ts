import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, GOT, SECRET, withFakeDiscord } from "./setup";
import { GUILD, CHANNEL, CAROL, fakeBoards, as, here, startGot } from "./parties-helpers";

describe("finding and starting a party", () => {
  withFakeDiscord(() => {
    // Discord answers at fetch; these tests read the deployment, not the messages.
    fakeBoards();
  });

  it("finds a party typed by name as well as picked by id, and refuses one that is not in this server", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      name: "Friday club",
      displayName: "alice",
    });
    const elsewhere = { guildId: GUILD, channelId: "300000000000000077" };
    expect(
      (await t.mutation(api.bot.parties.join, { ...as(BOB), ...elsewhere, party: "friday club", displayName: "bob" })).party.partyId,
    ).toBe(party.partyId);
    expect(
      (await t.mutation(api.bot.parties.join, { ...as(CAROL), ...elsewhere, party: "Game of Thrones", displayName: "carol" })).party
        .partyId,
    ).toBe(party.partyId);
    await expect(
      t.mutation(api.bot.parties.join, {
        ...as(CAROL),
        guildId: "300000000000000099",
        channelId: CHANNEL,
        party: party.partyId,
        displayName: "carol",
      }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(t.mutation(api.bot.parties.status, { ...as(BOB), ...elsewhere })).rejects.toMatchObject({
      data: { message: expect.stringContaining("no watch party in this channel") },
    });
  });

  it("keeps one active party per channel and show, and at most 25 per server", async () => {
    const t = deployment();
    await startGot(t);
    await expect(t.mutation(api.bot.parties.start, { ...as(BOB), ...here, tmdbId: 1399, displayName: "bob" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("already has a watch party") },
    });
    for (let i = 3; i <= 26; i++) {
      const host = `1000000000000000${10 + i}`;
      await t.mutation(api.bot.parties.start, {
        ...as(host),
        guildId: GUILD,
        channelId: `30000000000000${String(i).padStart(4, "0")}`,
        tmdbId: 1399,
        displayName: "host",
      });
    }
    await expect(
      t.mutation(api.bot.parties.start, { ...as(BOB), guildId: GUILD, channelId: "300000000000009999", tmdbId: 1399, displayName: "bob" }),
    ).rejects.toMatchObject({ data: { message: expect.stringContaining("25 active watch parties") } });
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toHaveLength(25);
  });

  it("shows a party in a channel someone can't see neither in the list nor when named", async () => {
    const t = deployment();
    const hidden = "300000000000000077";
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: hidden,
      tmdbId: 1399,
      name: "Secret club",
      displayName: "alice",
    });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    const bobSees = { ...here, visibleChannelIds: [CHANNEL] };
    expect((await t.query(api.bot.parties.list, { ...as(BOB), ...bobSees })).map((p) => p.channelId)).toEqual([CHANNEL]);
    for (const named of [party.partyId, "Secret club"]) {
      await expect(t.mutation(api.bot.parties.join, { ...as(BOB), ...bobSees, party: named, displayName: "bob" })).rejects.toMatchObject({
        data: { code: "NOT_FOUND" },
      });
    }
    await expect(t.mutation(api.bot.parties.status, { ...as(BOB), ...bobSees, party: party.partyId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    // alice can see it: it is listed for her and she can name it.
    const aliceSees = { ...here, visibleChannelIds: [CHANNEL, hidden] };
    expect(await t.query(api.bot.parties.list, { ...as(ALICE), ...aliceSees })).toHaveLength(2);
    await expect(t.mutation(api.bot.parties.status, { ...as(ALICE), ...aliceSees, party: "Secret club" })).resolves.toMatchObject({
      party: { channelId: hidden },
    });
  });

  it("in a channel with two parties, picks the one someone is in (or, to join, the one they are not in)", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...GOT, tmdbId: 1398, title: "The Sopranos" });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await t.mutation(api.bot.parties.start, { ...as(CAROL), ...here, tmdbId: 1398, displayName: "carol" });
    // bob in neither: which to join is a real question.
    await expect(t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("2 watch parties") },
    });
    // alice is in Game of Thrones: her status and leave mean it; her join means the other.
    expect(await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).toMatchObject({ party: { title: "Game of Thrones" } });
    expect(await t.mutation(api.bot.parties.join, { ...as(ALICE), ...here, displayName: "alice" })).toMatchObject({
      already: false,
      party: { title: "The Sopranos" },
    });
    // Now in both: asked again.
    await expect(t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).rejects.toMatchObject({
      data: { message: expect.stringContaining("2 watch parties") },
    });
    await expect(t.mutation(api.bot.parties.join, { ...as(ALICE), ...here, displayName: "alice" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("already in every watch party") },
    });
    expect(await t.mutation(api.bot.parties.watched, { ...as(CAROL), ...here, episodes: [1] })).toMatchObject({
      party: { title: "The Sopranos" },
    });
  });

  it("lets anyone start a party for the show again in a channel whose party nobody is in", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    const { party } = await t.mutation(api.bot.parties.start, { ...as(BOB), ...here, tmdbId: 1399, displayName: "bob" });
    expect(party.hostDiscordUserId).toBe(BOB);
    const parties = await t.run((ctx) => ctx.db.query("parties").collect());
    expect(parties.map((p) => p.state).sort()).toEqual(["active", "ended"]);
  });
});
