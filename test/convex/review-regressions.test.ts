import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, cacheGot, deployment, measure, SECRET, webUser } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const rows = (t: ReturnType<typeof deployment>) => t.run(async (ctx) => await ctx.db.query("watch_items").collect());

describe("undo puts back exactly what was there", () => {
  it("empties a field that was empty before the change", async () => {
    const t = deployment();
    await t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie" });
    const { undoId } = await t.mutation(api.bot.titles.setReactionFor, {
      ...as(ALICE),
      tmdbId: 27205,
      mediaType: "movie",
      reaction: "loved",
    });
    await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: undoId! });
    const [row] = await rows(t);
    expect(row!.reaction).toBeUndefined();
    expect(row!.inWatchlist).toBe(true);
  });

  it("refuses to undo a change that a later one built on", async () => {
    const t = deployment();
    const { undoId } = await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 155,
      mediaType: "movie",
      progressStatus: "watching",
    });
    await new Promise((r) => setTimeout(r, 2));
    await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 155, mediaType: "movie", reaction: "loved" });
    await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: undoId! })).rejects.toMatchObject({
      data: { code: "UNDO_UNAVAILABLE" },
    });
    expect(await rows(t)).toEqual([expect.objectContaining({ reaction: "loved", progressStatus: "watching" })]);
  });

  it("gives the bot back its status bookkeeping when a chosen status is undone", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 1399, isWatched: true });
    const { undoId } = await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 1399,
      mediaType: "tv",
      progressStatus: "finished",
    });
    await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: undoId! });
    const unmarked = await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: 1399,
      season: 8,
      episodes: [6],
      isWatched: false,
    });
    expect(unmarked.statusAfter).toBe("watching");
  });
});

describe("legacy and duplicate data", () => {
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

  it("unmarks every duplicate row of an episode so the web app and the summary agree", async () => {
    const t = deployment();
    const userId = await webUser(t).mutation(api.users.store, {});
    await t.run(async (ctx) => {
      for (let i = 0; i < 2; i++) {
        await ctx.db.insert("episode_progress", { userId, tmdbId: 1399, season: 1, episode: 1, isWatched: true, updatedAt: 1 });
      }
    });
    await webUser(t).mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 1, isWatched: false });
    const episodes = await webUser(t).query(api.watchlist.getAllWatchedEpisodes, { tmdbId: 1399 });
    expect(episodes.map((e) => e.isWatched)).toEqual([false, false]);
    const summaries = await t.run(async (ctx) => await ctx.db.query("episode_summaries").collect());
    expect(summaries.map((s) => s.watchedCount)).toEqual([0]);
  });
});

describe("lists", () => {
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

describe("signed-out web reads", () => {
  it("return nothing instead of failing", async () => {
    const t = deployment();
    expect(await t.query(api.watchlist.getWatchlist, {})).toEqual([]);
    expect(await t.query(api.watchlist.getMediaState, { tmdbId: 1, mediaType: "movie" })).toBeNull();
  });
});
