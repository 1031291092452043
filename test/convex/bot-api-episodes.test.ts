import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, measure, SECRET, webUser } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const rows = (t: ReturnType<typeof deployment>) => t.run(async (ctx) => await ctx.db.query("watch_items").collect());

describe("the bot's API", () => {
  describe("episodes", () => {
    it("names what the show has when a season or episode is out of range", async () => {
      const t = deployment();
      await cacheGot(t);
      await expect(
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 9, episodes: [1], isWatched: true }),
      ).rejects.toMatchObject({
        data: { code: "SEASON_OUT_OF_RANGE", message: "Game of Thrones has 8 seasons (1–8); there is no season 9." },
      });
      await expect(
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 8, episodes: [7], isWatched: true }),
      ).rejects.toMatchObject({
        data: { code: "EPISODE_OUT_OF_RANGE", message: "Season 8 of Game of Thrones has 6 episodes; there is no episode 7." },
      });
      expect(await t.run(async (ctx) => await ctx.db.query("episode_progress").collect())).toHaveLength(0);
    });

    it("asks for the show's structure when it is not cached", async () => {
      const t = deployment();
      await expect(
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true }),
      ).rejects.toMatchObject({ data: { code: "SHOW_NOT_CACHED" } });
    });

    it("moves the status to watching on the first episode and to finished on the last", async () => {
      const t = deployment();
      await cacheGot(t);
      const first = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [3],
        isWatched: true,
      });
      expect(first).toMatchObject({ changed: 1, unchanged: 0, statusAfter: "watching", progress: { watched: 1, total: 73 } });
      expect(first.progress?.next).toEqual({ season: 1, episode: 4, name: "Episode 4" });
      const all = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 1399, isWatched: true });
      expect(all).toMatchObject({ requested: 73, changed: 72, unchanged: 1, statusBefore: "watching", statusAfter: "finished" });
      expect(all.progress).toMatchObject({ watched: 73, percent: 100, next: null });
      const item = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" });
      expect(item.item).toMatchObject({ progressStatus: "finished", progress: 100, inWatchlist: false, title: "Game of Thrones" });
    });

    it("moves a status it set itself back when episodes are unmarked, but never one the user chose", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 1399, isWatched: true });
      const unmarked = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 8,
        episodes: [6],
        isWatched: false,
      });
      expect(unmarked).toMatchObject({ statusBefore: "finished", statusAfter: "watching" });

      await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", progressStatus: "finished" });
      const kept = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 8,
        episodes: [5],
        isWatched: false,
      });
      expect(kept).toMatchObject({ statusBefore: "finished", statusAfter: "finished" });

      const clear = await t.mutation(api.bot.episodes.markAllFor, { ...as(BOB), tmdbId: 1399, season: 1, isWatched: true });
      expect(clear.statusAfter).toBe("watching");
      // Bob never added the show: with no episode left, the row the bot made for him goes (no phantom "Want to watch").
      const none = await t.mutation(api.bot.episodes.markAllFor, { ...as(BOB), tmdbId: 1399, season: 1, isWatched: false });
      expect(none).toMatchObject({ changed: 10, statusBefore: "watching", progress: { watched: 0 } });
      expect(none.statusAfter).toBeUndefined();
      expect((await t.query(api.bot.titles.getTitleState, { ...as(BOB), tmdbId: 1399, mediaType: "tv" })).item).toBeNull();
    });

    it("tells how many episodes were already watched", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true });
      const season = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 1399, season: 1, isWatched: true });
      expect(season).toMatchObject({ requested: 10, changed: 7, unchanged: 3 });
    });

    it("shows the web app what the bot marked", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.run(async (ctx) => {
        const userId = await ctx.db.insert("users", { tokenIdentifier: "user_alice" });
        await ctx.db.insert("discord_accounts", {
          discordUserId: ALICE,
          userId,
          listPublic: false,
          remindersEnabled: true,
          createdAt: 0,
          linkedAt: 1,
        });
      });
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1, 2], isWatched: true });
      // The web app's own reads (docs/web-api.md): the flat item, and the episode rows.
      const item = await webUser(t).query(api.watchlist.getMediaState, { tmdbId: 1399, mediaType: "tv" });
      expect(item).toMatchObject({ progressStatus: "watching", progress: 2 });
      const episodes = await webUser(t).query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
      expect(episodes.filter((e) => e.isWatched).map((e) => ({ season: e.season, episode: e.episode }))).toEqual([
        { season: 1, episode: 1 },
        { season: 1, episode: 2 },
      ]);
    });
  });

  describe("legacy data", () => {
    it("keeps the reaction a legacy status implied when the bot marks an episode", async () => {
      const t = deployment();
      await cacheGot(t);
      const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
      await t.run(async (ctx) => {
        await ctx.db.insert("watch_items", { userId, tmdbId: 1399, mediaType: "tv", status: "liked", updatedAt: 1 });
      });
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true });
      const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" });
      expect(state.item).toMatchObject({ reaction: "liked", progressStatus: "finished" });
    });
  });

  describe("writing only what changed", () => {
    it("writes nothing when a mark changes nothing", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true });
      const { costs } = await measure(() =>
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: true }),
      );
      expect(costs[0]!.documentsWritten).toBe(0);
    });

    it("does not create a watch item when unmarking a show nobody tracks", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1], isWatched: false });
      expect(await rows(t)).toEqual([]);
    });
  });
});
