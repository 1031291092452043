import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, cacheGot, deployment, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const rows = (t: ReturnType<typeof deployment>) => t.run(async (ctx) => await ctx.db.query("watch_items").collect());

describe("the bot's API", () => {
  describe("undo", () => {
    it("puts back episodes and status within the window, once", async () => {
      const t = deployment();
      await cacheGot(t);
      const marked = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1, 2, 3],
        isWatched: true,
      });
      const undone = await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: marked.undoId! });
      expect(undone.description).toBe("marked Game of Thrones S1E1–E3");
      const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" });
      expect(state.item).toBeNull();
      expect(state.progress?.watched).toBe(0);
      await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: marked.undoId! })).rejects.toMatchObject({
        data: { code: "UNDO_UNAVAILABLE", message: "That change was already undone." },
      });
    });

    it("puts back the status an unwatch took away, and the status keeps following the episodes", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true });
      const unmarked = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1, 2, 3],
        isWatched: false,
      });
      expect(unmarked.statusBefore).toBe("watching");
      expect(unmarked.statusAfter).toBeUndefined();
      const undone = await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: unmarked.undoId! });
      expect(undone.state.item).toMatchObject({ progressStatus: "watching", inWatchlist: false, title: "Game of Thrones" });
      expect(undone.state.progress?.watched).toBe(3);
      // Still the bot's own status: unmarking everything again leaves nothing behind, as before.
      const again = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1, 2, 3],
        isWatched: false,
      });
      expect(again.statusAfter).toBeUndefined();
      expect((await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" })).item).toBeNull();
    });

    it("won't bring back a row that a later unwatch removed, when an older change is undone", async () => {
      const t = deployment();
      await cacheGot(t);
      await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season: 1, episodes: [1, 2], isWatched: true });
      const older = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [3],
        isWatched: true,
      });
      const removed = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1, 2, 3],
        isWatched: false,
      });
      expect(removed.statusAfter).toBeUndefined();
      await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: older.undoId! })).rejects.toMatchObject({
        data: { code: "UNDO_UNAVAILABLE", message: expect.stringContaining("changed again since") },
      });
      expect((await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 1399, mediaType: "tv" })).item).toBeNull();
    });

    it("refuses someone else's undo and one that has expired", async () => {
      const t = deployment();
      vi.useFakeTimers();
      try {
        const { undoId } = await t.mutation(api.bot.titles.setStatus, {
          ...as(ALICE),
          tmdbId: 1,
          mediaType: "movie",
          progressStatus: "finished",
        });
        await expect(t.mutation(api.bot.undo.undo, { ...as(BOB), undoId: undoId! })).rejects.toMatchObject({
          data: { code: "UNDO_UNAVAILABLE" },
        });
        vi.advanceTimersByTime(6 * 60 * 1000);
        await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: undoId! })).rejects.toMatchObject({
          data: { code: "UNDO_UNAVAILABLE", message: expect.stringContaining("too old") },
        });
        await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: "not-an-id" })).rejects.toMatchObject({
          data: { code: "UNDO_UNAVAILABLE" },
        });
      } finally {
        vi.useRealTimers();
      }
    });

    it("setting the status a title already has writes nothing and offers no Undo; a new progress is a change", async () => {
      const t = deployment();
      const first = await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 2, mediaType: "movie", progressStatus: "finished" });
      expect(first).toMatchObject({ changed: true, undoId: expect.any(String) });
      const again = await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 2, mediaType: "movie", progressStatus: "finished" });
      expect(again).toMatchObject({ changed: false, undoId: null, item: { progressStatus: "finished", updatedAt: first.item.updatedAt } });
      const watching = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 2,
        mediaType: "movie",
        progressStatus: "watching",
        progress: 40,
      });
      expect(watching.changed).toBe(true);
      const further = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 2,
        mediaType: "movie",
        progressStatus: "watching",
        progress: 60,
      });
      expect(further).toMatchObject({ changed: true, item: { progress: 60 } });
    });

    it("reacting as a title already has it, or clearing no reaction, writes nothing and offers no Undo", async () => {
      const t = deployment();
      const first = await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 603, mediaType: "movie", reaction: "loved" });
      expect(first).toMatchObject({ changed: true, undoId: expect.any(String) });
      const again = await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 603, mediaType: "movie", reaction: "loved" });
      expect(again).toMatchObject({ changed: false, undoId: null, item: { reaction: "loved", updatedAt: first.item!.updatedAt } });
      await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 604, mediaType: "movie", progressStatus: "finished" });
      const clear = await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 604, mediaType: "movie", reaction: null });
      expect(clear).toMatchObject({ changed: false, undoId: null, item: { progressStatus: "finished" } });
      const other = await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 603, mediaType: "movie", reaction: "liked" });
      expect(other).toMatchObject({ changed: true, undoId: expect.any(String), previous: { reaction: "loved" } });
    });

    it("choosing the status a show's episodes set on their own pins it, so it is a change", async () => {
      const t = deployment();
      await cacheGot(t);
      const marked = await t.mutation(api.bot.episodes.markEpisodesFor, {
        ...as(ALICE),
        tmdbId: 1399,
        season: 1,
        episodes: [1],
        isWatched: true,
      });
      expect(marked.statusAfter).toBe("watching");
      const pinned = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 1399,
        mediaType: "tv",
        progressStatus: "watching",
      });
      expect(pinned.changed).toBe(true);
      const again = await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 1399, mediaType: "tv", progressStatus: "watching" });
      expect(again.changed).toBe(false);
    });

    it("restores a previous status and reaction", async () => {
      const t = deployment();
      await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 2, mediaType: "movie", progressStatus: "watching", progress: 40 });
      const { undoId } = await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 2,
        mediaType: "movie",
        progressStatus: "finished",
      });
      await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: undoId! });
      const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 2, mediaType: "movie" });
      expect(state.item).toMatchObject({ progressStatus: "watching", progress: 40 });
    });
  });

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
});
