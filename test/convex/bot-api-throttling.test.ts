import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, GOT, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("the bot's API", () => {
  describe("write throttling", () => {
    it("refuses a user's ninth write within a second with a retry time, spends nothing on refusals, and leaves others alone", async () => {
      const t = deployment();
      vi.useFakeTimers();
      try {
        vi.setSystemTime(Date.UTC(2026, 0, 1));
        // A write Convex refuses for its own reasons spends no token.
        await expect(
          t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true }),
        ).rejects.toMatchObject({
          data: { code: "SHOW_NOT_CACHED" },
        });
        for (let i = 0; i < 8; i++)
          await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 100 + i, mediaType: "movie", progressStatus: "watching" });
        await expect(
          t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 200, mediaType: "movie", progressStatus: "watching" }),
        ).rejects.toMatchObject({
          data: { code: "RATE_LIMITED", message: "Slow down a little — try again in 1s.", retryAfterMs: 1000 },
        });
        expect(await t.run(async (ctx) => await ctx.db.query("watch_items").collect())).toHaveLength(8);
        await t.mutation(api.bot.titles.setStatus, { ...as(BOB), tmdbId: 200, mediaType: "movie", progressStatus: "watching" });
        vi.advanceTimersByTime(1_000);
        await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 200, mediaType: "movie", progressStatus: "watching" });
      } finally {
        vi.useRealTimers();
      }
    });

    it("spends a token only on a write that changed something", async () => {
      const t = deployment();
      await cacheGot(t);
      vi.useFakeTimers();
      try {
        vi.setSystemTime(Date.UTC(2026, 0, 1));
        const mark = (episode: number) =>
          t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [episode], isWatched: true });
        await mark(1);
        // Marking what is already watched changes nothing: ten of them spend nothing.
        for (let i = 0; i < 10; i++) expect((await mark(1)).changed).toBe(0);
        for (let episode = 2; episode <= 8; episode++) expect((await mark(episode)).changed).toBe(1);
        await expect(mark(9)).rejects.toMatchObject({ data: { code: "RATE_LIMITED" } });
      } finally {
        vi.useRealTimers();
      }
    });

    it("creates no profile and spends no token for reads and for caching a show to draw a card", async () => {
      const t = deployment();
      await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" });
      const card = await t.mutation(api.bot.titles.cacheShowForCard, {
        ...as(ALICE),
        tmdbId: 1399,
        show: { title: GOT.title, seasons: GOT.seasons },
      });
      expect(card).toMatchObject({ item: null, progress: { watched: 0, total: 73 }, show: { title: "Game of Thrones" } });
      expect(
        await t.run(async (ctx) => ({
          users: await ctx.db.query("users").collect(),
          accounts: await ctx.db.query("discord_accounts").collect(),
        })),
      ).toEqual({
        users: [],
        accounts: [],
      });
    });

    it("holds across bot processes, because the budget lives in the deployment", async () => {
      const t = deployment();
      vi.useFakeTimers();
      try {
        vi.setSystemTime(Date.UTC(2026, 0, 1));
        // Two shards answering the same user: each call is a separate client, the bucket is shared.
        const shards = [0, 1].map(
          () => (args: { tmdbId: number }) => t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), ...args, mediaType: "movie" }),
        );
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => shards[i % 2]!({ tmdbId: 300 + i })));
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(8);
        expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.data.code)).toEqual([
          "RATE_LIMITED",
          "RATE_LIMITED",
        ]);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
