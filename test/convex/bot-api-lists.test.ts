import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, deployment, measure, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("the bot's API", () => {
  describe("lists", () => {
    it("pages newest first, filters by status and type, and never repeats an item", async () => {
      const t = deployment();
      vi.useFakeTimers();
      // Twelve writes inside a few milliseconds: more than one user's write budget allows.
      process.env.BOT_WRITE_BURST = "100";
      try {
        for (const id of [2, 4, 6, 8, 10, 12])
          await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, tmdbId: id, title: "Show", seasons: [] });
        for (let i = 1; i <= 12; i++) {
          vi.setSystemTime(1_000_000 + (i <= 6 ? 0 : i)); // six share one timestamp
          await t.mutation(api.bot.titles.setStatus, {
            ...as(ALICE),
            tmdbId: i,
            mediaType: i % 2 === 0 ? "tv" : "movie",
            progressStatus: i % 3 === 0 ? "finished" : "watching",
            title: `Title ${i}`,
          });
        }
      } finally {
        vi.useRealTimers();
        delete process.env.BOT_WRITE_BURST;
      }
      const seen: number[] = [];
      let cursor: { before: number; creation: number } | undefined;
      for (let page = 0; page < 5; page++) {
        // Statuses set without adding: tracked titles, not on the watchlist, so every scope.
        const result = await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 4, cursor, scope: "all" });
        seen.push(...result.items.map((i) => i.tmdbId));
        if (result.next === null) break;
        cursor = result.next;
      }
      expect(seen.slice(0, 6)).toEqual([12, 11, 10, 9, 8, 7]);
      expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

      const finishedShows = await t.query(api.bot.lists.listTitles, {
        ...as(ALICE),
        pageSize: 10,
        progressStatus: "finished",
        mediaType: "tv",
        scope: "all",
      });
      expect(finishedShows.items.map((i) => i.tmdbId)).toEqual([12, 6]);
      const movies = await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10, mediaType: "movie", scope: "all" });
      expect(movies.items).toHaveLength(6);
      expect((await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10 })).items).toEqual([]);
    });

    it("shows another member's list only when they made it visible", async () => {
      const t = deployment();
      await t.mutation(api.bot.titles.addToWatchlist, { ...as(BOB), username: "bob", tmdbId: 603, mediaType: "movie" });
      await expect(t.query(api.bot.lists.listTitles, { ...as(ALICE), ownerDiscordUserId: BOB, pageSize: 10 })).rejects.toMatchObject({
        data: { code: "LIST_UNAVAILABLE" },
      });
      await t.mutation(api.bot.profile.setListVisibility, { ...as(BOB), listPublic: true });
      const list = await t.query(api.bot.lists.listTitles, { ...as(ALICE), ownerDiscordUserId: BOB, pageSize: 10 });
      expect(list).toMatchObject({ ownerName: "bob", items: [{ tmdbId: 603 }] });
    });

    it("pages through 1,100 titles that share one timestamp without repeats, each page cheap", async () => {
      const t = deployment();
      const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
      await t.run(async (ctx) => {
        for (let i = 1; i <= 1_100; i++) await ctx.db.insert("watch_items", { userId, tmdbId: i, mediaType: "movie", updatedAt: 1_000 });
      });
      const seen = new Set<number>();
      let cursor: { before: number; creation: number } | undefined;
      let pages = 0;
      let maxRead = 0;
      for (;;) {
        const { result, costs } = await measure(() => t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 25, cursor }));
        maxRead = Math.max(maxRead, costs[0]!.documentsRead);
        for (const item of result.items) seen.add(item.tmdbId);
        pages++;
        if (result.next === null) break;
        cursor = result.next;
      }
      expect(seen.size).toBe(1_100);
      expect(pages).toBe(44);
      expect(maxRead).toBeLessThanOrEqual(27);
    });

    it("refuses a nonsensical page size with a clear error", async () => {
      const t = deployment();
      await expect(t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: Number.NaN })).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT" },
      });
    });
  });
});
