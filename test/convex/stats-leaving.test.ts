// Leaving takes a person off the leaderboards: "Delete my Discord data" and /unlink end the sharing
// this Discord account turned on, even though the linked web profile (and its counters) stays.
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { addGuestTitle, startLink } from "./link-helpers";
import { ALICE, BOB, SECRET, deployment, webUser, type Deployment } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const GUILD = "400000000000000001";

async function linkedAliceSharing(t: Deployment) {
  await addGuestTitle(t, ALICE, 603, "The Matrix");
  await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
  await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 603, mediaType: "movie", progressStatus: "finished" });
  await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: GUILD, on: true, name: "AliceNick" });
  const board = await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "year" });
  expect(board.films).toEqual([{ discordUserId: ALICE, name: "AliceNick", value: 1 }]);
}

async function boardOf(t: Deployment) {
  const board = await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "year" });
  return [...board.episodes, ...board.minutes, ...board.films].map((row) => row.name);
}

describe("leaving the leaderboards", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
  });

  it("a linked person who deletes their Discord data is no longer listed, nor shown to others", async () => {
    const t = deployment();
    await linkedAliceSharing(t);
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE });
    expect(await boardOf(t)).toEqual([]);
    expect(await t.query(api.bot.stats.stats, { ...as(BOB), subjectDiscordUserId: ALICE, guildId: GUILD })).toEqual({
      status: "not_shared",
    });
  });

  it("a person who unlinks is no longer listed with the web profile's figures", async () => {
    const t = deployment();
    await linkedAliceSharing(t);
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    expect(await boardOf(t)).toEqual([]);
  });
});
