// Stats reads are bounded whatever the library or server size (docs/stats.md "Bounds"), and
// another person's stats are shown only where they share them.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { indexStore } from "../../sandbox/indexed-store";
import { ALICE, BOB, SECRET, deployment, measure, type Deployment } from "./setup";
import { SHOW, cacheShow } from "./stats-helpers";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const GUILD = "400000000000000001";
const OTHER_GUILD = "400000000000000002";
const NOW = Date.UTC(2026, 5, 15, 12);
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  process.env.BOT_WRITE_BURST = "100000";
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.BOT_WRITE_BURST;
});

async function userOf(t: Deployment, discordUserId: string): Promise<Id<"users">> {
  return (await t.mutation(api.bot.profile.ensureProfile, as(discordUserId))).userId;
}

const readsOf = (costs: { functionName: string; documentsRead: number }[], name: string) =>
  costs.filter((c) => c.functionName.includes(name)).map((c) => c.documentsRead);

describe("stats read bounds", () => {
  const GENRES = [12, 18, 28, 35, 80, 878];
  it("/stats for a person with 5,000 titles and 20,000 episodes over ten years reads at most 20 documents", async () => {
    const t = deployment();
    await indexStore(t);
    const alice = await userOf(t, ALICE);
    // 200 shows × 100 episodes, watched across 2017–2026; 4,800 films, finished and reacted to.
    for (let show = 0; show < 200; show++) {
      await t.run(async (ctx) => {
        await ctx.db.insert("watch_items", {
          userId: alice,
          tmdbId: 10_000 + show,
          mediaType: "tv",
          progressStatus: "watching",
          updatedAt: NOW - show * DAY,
        });
        for (let e = 1; e <= 100; e++)
          await ctx.db.insert("episode_progress", {
            userId: alice,
            tmdbId: 10_000 + show,
            season: 1,
            episode: e,
            isWatched: true,
            updatedAt: NOW - (show * 17 + e) * DAY,
          });
      });
    }
    for (let start = 0; start < 4_800; start += 800) {
      await t.run(async (ctx) => {
        for (let id = start; id < start + 800; id++)
          await ctx.db.insert("watch_items", {
            userId: alice,
            tmdbId: 100_000 + id,
            mediaType: "movie",
            progressStatus: "done",
            reaction: "liked",
            updatedAt: NOW - id * DAY,
          });
        // Their facts known (runtime 100 min each; genres cycling over 6 ids, two per film).
        for (let id = start; id < start + 800; id++)
          await ctx.db.insert("title_facts", {
            tmdbId: 100_000 + id,
            mediaType: "movie",
            runtime: 100,
            genres: [GENRES[id % 6]!, GENRES[(id + 1) % 6]!].sort((a, b) => a - b),
            fetchedAt: NOW,
          });
      });
    }
    await t.mutation(internal.migrations.repairStats, { userId: alice });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: GUILD, on: true, name: "Alice" });

    const { result, costs } = await measure(async () => ({
      all: await t.query(api.bot.stats.stats, { ...as(ALICE), guildId: GUILD }),
      year: await t.query(api.bot.stats.stats, { ...as(ALICE), year: 2024 }),
      other: await t.query(api.bot.stats.stats, { ...as(BOB), subjectDiscordUserId: ALICE, guildId: GUILD }),
    }));
    expect(result.all).toMatchObject({
      status: "ok",
      self: true,
      sharedHere: true,
      figures: { episodes: 20_000, films: 4_800, reactions: { liked: 4_800 } },
    });
    // Hours from episodes and films (4,800 × 100 min of films); the top 5 of the 6 genres, 1,600 titles each.
    const figures = result.all.status === "ok" ? result.all.figures! : null;
    expect(figures!.minutes).toBeGreaterThanOrEqual(480_000);
    expect(figures!.topGenres).toEqual([12, 18, 28, 35, 80].map((id) => ({ id, titles: 1_600 })));
    expect(result.other).toMatchObject({ status: "ok", self: false, figures: { episodes: 20_000 } });
    expect(result.year).toMatchObject({ status: "ok", figures: { year: 2024 } });
    const reads = readsOf(costs, "stats");
    console.log(`stats reads (all time, a year, another person's): ${reads.join(", ")}`);
    expect(reads).toHaveLength(3);
    for (const n of reads) expect(n).toBeLessThanOrEqual(20);
  }, 240_000);

  it("/stats server on a 1,000-member server reads at most 50 documents, top 10 by each figure", async () => {
    const t = deployment();
    await indexStore(t);
    await cacheShow(t);
    for (let i = 0; i < 1_000; i++) {
      const id = String(500_000_000_000_000_000n + BigInt(i));
      const userId = await userOf(t, id);
      await t.run(async (ctx) => {
        const zeros = () => Array.from({ length: 366 }, () => 0);
        const days = { episodes: zeros(), minutes: zeros(), films: zeros() };
        const today = Math.floor((NOW - Date.UTC(2026, 0, 1)) / DAY);
        days.episodes[today] = i % 97;
        days.minutes[today] = (i % 89) * 30;
        days.films[today] = i % 7;
        const figures = { episodes: i % 97, minutes: (i % 89) * 30, films: i % 7, showsFinished: 0, reactions: {}, updatedAt: NOW };
        await ctx.db.insert("stats_totals", { userId, year: 2026, ...figures, days });
        await ctx.db.insert("stats_totals", { userId, year: 0, ...figures });
      });
      if (i % 3 !== 2) await t.mutation(api.bot.stats.setStatsShare, { ...as(id), guildId: GUILD, on: true, name: `Member ${i}` });
    }
    const { result, costs } = await measure(() => t.query(api.bot.stats.serverStats, { ...as(ALICE), guildId: GUILD, period: "week" }));
    expect(result.episodes).toHaveLength(10);
    expect(result.episodes[0]).toEqual({ discordUserId: expect.any(String), name: expect.stringMatching(/^Member \d+$/), value: 96 });
    // Member 290 (290 % 97 = 96) doesn't share (290 % 3 = 2): never listed.
    expect(result.episodes.map((e) => e.name)).not.toContain("Member 290");
    expect(result.minutes[0]!.value).toBe(88 * 30);
    expect(result.films[0]!.value).toBe(6);
    const reads = readsOf(costs, "serverStats");
    console.log(`stats server reads: ${reads.join(", ")}`);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toBeLessThanOrEqual(50);
  }, 240_000);
});

describe("stats sharing", () => {
  it("another person's stats only where they share them; a mark moves the leaderboard; share off takes them off", async () => {
    const t = deployment();
    await cacheShow(t);
    await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: SHOW.tmdbId,
      season: 1,
      episodes: [1, 2],
      isWatched: true,
      cachedOk: true,
    });
    const bobAsks = (guildId?: string) =>
      t.query(api.bot.stats.stats, { ...as(BOB), subjectDiscordUserId: ALICE, ...(guildId ? { guildId } : {}) });
    expect(await bobAsks(GUILD)).toEqual({ status: "not_shared" });
    expect(await bobAsks()).toEqual({ status: "not_shared" }); // in DMs: nobody else's
    await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: GUILD, on: true, name: "Alice" });
    expect(await bobAsks(GUILD)).toMatchObject({ status: "ok", self: false, figures: { episodes: 2, minutes: 100 } });
    expect(await bobAsks(OTHER_GUILD)).toEqual({ status: "not_shared" }); // per server
    // A person nobody knows answers the same as one who doesn't share.
    expect(await t.query(api.bot.stats.stats, { ...as(BOB), subjectDiscordUserId: "100000000000000099", guildId: GUILD })).toEqual({
      status: "not_shared",
    });

    let board = await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "month" });
    expect(board.episodes).toEqual([{ discordUserId: ALICE, name: "Alice", value: 2 }]);
    await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: SHOW.tmdbId,
      season: 1,
      episodes: [3],
      isWatched: true,
      cachedOk: true,
    });
    board = await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "month" });
    expect(board.episodes).toEqual([{ discordUserId: ALICE, name: "Alice", value: 3 }]);
    expect(board.minutes).toEqual([{ discordUserId: ALICE, name: "Alice", value: 150 }]);
    // Next week the week's board starts empty; the year's still has them.
    vi.setSystemTime(NOW + 8 * DAY);
    expect((await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "week" })).episodes).toEqual([]);
    expect((await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "year" })).episodes).toHaveLength(1);

    await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: GUILD, on: false, name: "Alice" });
    expect(await bobAsks(GUILD)).toEqual({ status: "not_shared" });
    expect((await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: GUILD, period: "year" })).episodes).toEqual([]);
  });

  it("refuses a year outside 2000 to this year and a guild id that isn't one, changing nothing", async () => {
    const t = deployment();
    await expect(t.query(api.bot.stats.stats, { ...as(ALICE), year: 1999 })).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    await expect(t.query(api.bot.stats.stats, { ...as(ALICE), year: 2027 })).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    await expect(t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: "dm", on: true, name: "A" })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
    expect(await t.run(async (ctx) => await ctx.db.query("stats_shares").collect())).toEqual([]);
  });

  it("shares in at most 25 servers at once, so every write keeps each of their leaderboards exact", async () => {
    const t = deployment();
    for (let i = 0; i < 25; i++)
      await t.mutation(api.bot.stats.setStatsShare, {
        ...as(ALICE),
        guildId: String(400_000_000_000_000_100n + BigInt(i)),
        on: true,
        name: "Alice",
      });
    await expect(t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: GUILD, on: true, name: "Alice" })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", message: expect.stringContaining("25 servers") },
    });
    // Renaming yourself where you already share still works.
    await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: "400000000000000100", on: true, name: "Alice B" });
    expect(await t.run(async (ctx) => await ctx.db.query("stats_shares").collect())).toHaveLength(25);
  });
});
