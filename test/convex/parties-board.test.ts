import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, measure, SECRET, withFakeDiscord } from "./setup";
import { GUILD, CAROL, fakeBoards, pass, as, here, startGot, mark } from "./parties-helpers";

describe("a party's board", () => {
  let discord: ReturnType<typeof fakeBoards>;
  withFakeDiscord(() => {
    discord = fakeBoards();
  });

  it("posts one board for a new party, pinging nobody, with an idempotent nonce", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    const posts = discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      allowed_mentions: { parse: [] },
      enforce_nonce: true,
      nonce: expect.stringMatching(/^.{1,25}$/),
    });
    expect(discord.board()).toContain("Game of Thrones");
    expect(discord.board()).toContain("**alice**");
  });

  it("moves each member to their own position, from any write path, and coalesces a burst into few edits", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    await mark(t, ALICE, 1, [1, 2, 3]);
    for (let e = 1; e <= 5; e++) await mark(t, BOB, 1, [e]);
    // The web app's own call moves the board too.
    await t
      .withIdentity({ subject: `discord|${ALICE}` })
      .mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 4, isWatched: true });
    await pass(t, 5_000);
    expect(discord.board()).toMatch(/\*\*bob\*\* · S1E5 · 5\/73/);
    expect(discord.board()).toMatch(/\*\*alice\*\* · S1E4 · 4\/73/);
    // Spoiler-safe: the slowest member's episode by name, the furthest only as a count.
    expect(discord.board()).toContain("Everyone has reached **S1E4**");
    expect(discord.board()).toContain("1 of 2 has reached **S1E5**");
    const edits = discord.requests.filter((r) => r.method === "PATCH");
    expect(edits.length).toBeLessThanOrEqual(2);
    expect(discord.boards()).toHaveLength(1);
    expect(party.memberCount).toBe(1);
  });

  it("someone who deletes their Discord data leaves the board and frees their place in the party", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await mark(t, BOB, 1, [1, 2]);
    await pass(t, 5_000);
    expect(discord.board()).toContain("**bob**");
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: BOB });
    await pass(t, 5_000);
    expect(discord.board()).not.toContain("bob");
    expect(await t.query(api.bot.parties.list, { ...as(ALICE), guildId: GUILD })).toMatchObject([{ memberCount: 1 }]);
  });

  it("brings a joiner's existing progress onto the board", async () => {
    const t = deployment();
    await startGot(t, { season: 2 });
    await mark(t, CAROL, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Season 2");
    expect(discord.board()).toMatch(/Finished\*\* \(1\)\n.*\*\*carol\*\* · S2E10 · 10\/10/);
  });

  it("shows all of a joiner's progress tracked before summaries existed, once it is summarised", async () => {
    const t = deployment();
    await startGot(t);
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, { ...as(CAROL), username: "carol" });
    // 40 episodes the web app wrote before the bot kept summaries: more than one bounded read looks at.
    await t.run(async (ctx) => {
      for (let season = 1; season <= 4; season++) {
        for (let episode = 1; episode <= 10; episode++) {
          await ctx.db.insert("episode_progress", { userId, tmdbId: 1399, season, episode, isWatched: true, updatedAt: 1 });
        }
      }
    });
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    await pass(t, 6_000);
    expect(discord.board()).toMatch(/\*\*carol\*\* · S4E10 · 40\/73/);
  });

  it("escapes member names and never pings", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      displayName: "@everyone **bold** <@123456789012345678>",
    });
    await pass(t, 3_000);
    const body = discord.boards()[0]!.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // Member lines are markdown: the name is escaped there (footers render no markdown or mentions).
    const lines = body.embeds[0].description as string;
    expect(lines).not.toContain("@everyone");
    expect(lines).toContain("\\*\\*bold\\*\\*");
    expect(lines).not.toMatch(/<@\d+>/);
  });

  it("shows 25 members in full and summarises the rest", async () => {
    const t = deployment();
    await startGot(t);
    for (let i = 10; i < 39; i++)
      await t.mutation(api.bot.parties.join, { ...as(`1000000000000000${i}`), ...here, displayName: `member ${i}` });
    await pass(t, 3_000);
    const board = discord.board();
    expect(board.match(/▱▱▱▱▱▱▱▱▱▱ \*\*/g)).toHaveLength(25);
    expect(board).toContain("…and 5 more members");
    expect(board).toContain("Hosted by alice · 30 members");
  });

  it("reads at most 60 documents to refresh the board of a 25-member party", async () => {
    const t = deployment();
    await startGot(t);
    for (let i = 10; i < 34; i++) {
      const id = `1000000000000000${i}`;
      await t.mutation(api.bot.parties.join, { ...as(id), ...here, displayName: `member ${i}` });
      await mark(t, id, 1, [1, 2]);
    }
    await pass(t, 3_000);
    await mark(t, ALICE, 1, [1]);
    const { costs } = await measure(() => pass(t, 3_000));
    const claims = costs.filter((c) => c.functionName.includes("boards") && c.functionName.includes("claim"));
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.documentsRead).toBeLessThanOrEqual(60);
    expect(discord.boards()[0]!.body.embeds[0].footer.text).toBe("Hosted by alice · 25 members");
    expect(discord.board().match(/▱/g)?.length).toBe(250);
  });

  it("keeps bidirectional controls out of party names, member names and the board", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      name: "\u202eevil\u2066 party\u200f",
      displayName: "al\u202eice",
    });
    expect(party.label).toBe("evil party · Game of Thrones");
    await pass(t, 3_000);
    expect(discord.board()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(discord.board()).toContain("Hosted by alice");
  });
});
