import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, cacheGot, deployment, GOT, measure, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("the bot's API", () => {
  describe("one round trip per command", () => {
    const GOT_COUNTS = GOT.seasons.map((x) => ({ season: x.season, episodeCount: x.episodeCount }));
    const GOT_STRUCTURE = { title: GOT.title, seasons: GOT.seasons };

    it("answers every title write with the card's state, so no read follows", async () => {
      const t = deployment();
      await cacheGot(t);
      const added = await t.mutation(api.bot.titles.addToWatchlist, {
        ...as(ALICE),
        tmdbId: 1399,
        mediaType: "tv",
        title: "Game of Thrones",
        seasonCounts: GOT_COUNTS,
      });
      expect(added.state).toMatchObject({
        item: { inWatchlist: true, progressStatus: "want-to-watch" },
        progress: { watched: 0, total: 73, next: { season: 1, episode: 1 } },
        jobRunning: false,
        show: { title: "Game of Thrones" },
      });
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true });
      const status = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 1399,
        mediaType: "tv",
        progressStatus: "watching",
        seasonCounts: GOT_COUNTS,
      });
      expect(status.state.progress).toMatchObject({ watched: 3, next: { season: 1, episode: 4 } });
      const reacted = await t.mutation(api.bot.titles.setReactionFor, {
        ...as(ALICE),
        tmdbId: 27205,
        mediaType: "movie",
        reaction: "loved",
      });
      expect(reacted.state).toEqual({
        item: expect.objectContaining({ reaction: "loved" }),
        progress: null,
        jobRunning: false,
        show: null,
      });
      const removed = await t.mutation(api.bot.titles.removeFromWatchlist, {
        ...as(ALICE),
        tmdbId: 1399,
        mediaType: "tv",
        seasonCounts: GOT_COUNTS,
      });
      expect(removed.state.item).toMatchObject({ inWatchlist: false, progressStatus: "watching" });
      const undone = await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: removed.undoId! });
      expect(undone.state).toMatchObject({ item: { inWatchlist: true }, progress: { watched: 3 } });
      // What the writes answered is what a separate read would have said.
      const read = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" });
      expect({ ...read, refreshShow: undefined }).toEqual({ ...undone.state, refreshShow: undefined });
    });

    it("draws a button's write from the person's stored item, and refuses one it can't draw without writing", async () => {
      const t = deployment();
      await expect(
        t.mutation(api.bot.titles.setStatus, {
          ...as(ALICE),
          tmdbId: 27205,
          mediaType: "movie",
          progressStatus: "finished",
          titleFromStore: true,
        }),
      ).rejects.toMatchObject({ data: { code: "TITLE_NOT_STORED" } });
      expect(
        await t.run(async (ctx) => ({ users: await ctx.db.query("users").collect(), items: await ctx.db.query("watch_items").collect() })),
      ).toEqual({ users: [], items: [] });

      await t.mutation(api.bot.titles.addToWatchlist, {
        ...as(ALICE),
        tmdbId: 27205,
        mediaType: "movie",
        title: "Inception",
        overview: "Dreams.",
        release_date: "2010-07-15",
      });
      const status = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 27205,
        mediaType: "movie",
        progressStatus: "finished",
        titleFromStore: true,
      });
      expect(status.state.item).toMatchObject({
        progressStatus: "finished",
        title: "Inception",
        overview: "Dreams.",
        release_date: "2010-07-15",
      });
      const undone = await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: status.undoId! });
      expect(undone.description).toBe("set Inception to finished");
    });

    it("names every missing piece in one refusal: a show's title and its structure", async () => {
      const t = deployment();
      await expect(
        t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", titleFromStore: true }),
      ).rejects.toMatchObject({ data: { code: "TITLE_NOT_STORED", showNeeded: true } });
      await cacheGot(t);
      await expect(
        t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", titleFromStore: true }),
      ).rejects.toMatchObject({ data: { code: "TITLE_NOT_STORED", showNeeded: false } });
      expect(await t.run(async (ctx) => await ctx.db.query("watch_items").collect())).toEqual([]);
    });

    it("answers a large marking with the job's progress and the show's name", async () => {
      const t = deployment();
      const seasons = Array.from({ length: 3 }, (_, i) => ({ season: i + 1, name: `Season ${i + 1}`, episodeCount: 1_000 }));
      const outcome = await t.mutation(api.bot.episodes.markAllFor, {
        ...as(ALICE),
        tmdbId: 900_200,
        isWatched: true,
        show: { title: "Long Show", seasons },
      });
      expect(outcome).toMatchObject({
        requested: 3_000,
        job: { applied: 2_000, total: 3_000 },
        show: { title: "Long Show" },
        episodeName: null,
      });
      expect(outcome.jobId).not.toBeNull();
    });

    it("refuses a write on a show it hasn't cached, writing nothing, and caches and marks it in one call when sent the structure", async () => {
      const t = deployment();
      await expect(
        t.mutation(api.bot.episodes.markEpisodesFor, {
          ...as(ALICE),
          tmdbId: 1399,
          season: 1,
          episodes: [3],
          isWatched: true,
          seasonCounts: GOT_COUNTS,
        }),
      ).rejects.toMatchObject({ data: { code: "SHOW_NOT_CACHED" } });
      expect(
        await t.run(async (ctx) => ({ users: await ctx.db.query("users").collect(), shows: await ctx.db.query("shows").collect() })),
      ).toEqual({ users: [], shows: [] });

      const { result, costs } = await measure(() =>
        t.mutation(api.bot.episodes.markEpisodesFor, {
          ...as(ALICE),
          tmdbId: 1399,
          season: 1,
          episodes: [3],
          isWatched: true,
          show: GOT_STRUCTURE,
        }),
      );
      expect(costs).toHaveLength(1);
      expect(result).toMatchObject({
        changed: 1,
        episodeName: "Lord Snow",
        show: { title: "Game of Thrones" },
        progress: { watched: 1, total: 73 },
      });
      expect(await t.run(async (ctx) => await ctx.db.query("shows").collect())).toHaveLength(1);
    });

    it("checks the cached structure against the counts the bot sends, inside the write", async () => {
      const t = deployment();
      await cacheGot(t);
      const same = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1],
        isWatched: true,
        seasonCounts: GOT_COUNTS,
      });
      expect(same.changed).toBe(1);
      const newSeason = [...GOT_COUNTS, { season: 9, episodeCount: 8 }];
      await expect(
        t.mutation(api.bot.episodes.markEpisodesFor, {
          ...as(ALICE),
          tmdbId: 1399,
          season: 1,
          episodes: [2],
          isWatched: true,
          seasonCounts: newSeason,
        }),
      ).rejects.toMatchObject({ data: { code: "SHOW_STALE" } });
      expect(await t.run(async (ctx) => await ctx.db.query("episode_progress").collect())).toHaveLength(1);
      // The same question as a read: /watch info learns that the structure needs sending.
      const read = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", seasonCounts: newSeason });
      expect(read.refreshShow).toBe(true);
      const card = await t.mutation(api.bot.titles.cacheShowForCard, {
        ...as(ALICE),
        tmdbId: 1399,
        show: { ...GOT_STRUCTURE, seasons: [...GOT.seasons, { season: 9, name: "Season 9", episodeCount: 8 }] },
      });
      expect(card.progress).toMatchObject({ watched: 1, total: 81 });
      expect(
        (await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", seasonCounts: newSeason })).refreshShow,
      ).toBe(false);
    });

    it("asks for a fresh structure once its copy is old, and before refusing an episode an old copy lacks", async () => {
      const t = deployment();
      vi.useFakeTimers();
      try {
        vi.setSystemTime(Date.UTC(2026, 0, 1));
        await cacheGot(t);
        vi.setSystemTime(Date.UTC(2026, 0, 1, 2)); // two hours on
        // A new episode past the cached copy: fetch again rather than say it doesn't exist.
        await expect(
          t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 8, episodes: [7], isWatched: true }),
        ).rejects.toMatchObject({ data: { code: "SHOW_STALE" } });
        // With counts just checked against TMDB, the refusal is real.
        await expect(
          t.mutation(api.bot.episodes.markEpisodesFor, {
            ...as(ALICE),
            tmdbId: 1399,
            season: 8,
            episodes: [7],
            isWatched: true,
            seasonCounts: GOT_COUNTS,
          }),
        ).rejects.toMatchObject({ data: { code: "EPISODE_OUT_OF_RANGE" } });
        vi.setSystemTime(Date.UTC(2026, 0, 1, 13)); // past the 12 hours a copy is trusted without counts
        await expect(
          t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true }),
        ).rejects.toMatchObject({ data: { code: "SHOW_STALE" } });
        const checked = await t.mutation(api.bot.episodes.markEpisodesFor, {
          ...as(ALICE),
          tmdbId: 1399,
          season: 1,
          episodes: [1],
          isWatched: true,
          seasonCounts: GOT_COUNTS,
        });
        expect(checked.changed).toBe(1);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
