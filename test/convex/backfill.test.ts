import { describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Doc } from "../../convex/_generated/dataModel";
import { viewItem } from "../../convex/model/watchItems";
import { deployment, webUser } from "./setup";

/**
 * legacy combined status (and progress) → how the bot reads it, and what the split model
 * says after the backfill, in the web app's current words. Legacy "dropped" is read as
 * dropped (the web client's reading) and backfilled as the web app's server and the seed
 * backfill it: a status by progress plus the reaction not-for-me.
 */
const cases: [string, number | undefined, string, Record<string, unknown>][] = [
  ["plan-to-watch", undefined, "want-to-watch", { progressStatus: "watch-later", reaction: undefined, progress: 0 }],
  ["watch-later", undefined, "want-to-watch", { progressStatus: "watch-later", reaction: undefined, progress: 0 }],
  ["watching", 30, "watching", { progressStatus: "watching", reaction: undefined, progress: 30 }],
  ["completed", undefined, "finished", { progressStatus: "done", reaction: undefined, progress: 100 }],
  ["done", undefined, "finished", { progressStatus: "done", reaction: undefined, progress: 100 }],
  ["liked", undefined, "finished", { progressStatus: "done", reaction: "liked", progress: 100 }],
  ["dropped", undefined, "dropped", { progressStatus: "watch-later", reaction: "not-for-me", progress: 0 }],
  ["dropped", 0, "dropped", { progressStatus: "watch-later", reaction: "not-for-me", progress: 0 }],
  ["dropped", 50, "dropped", { progressStatus: "watching", reaction: "not-for-me", progress: 50 }],
  ["dropped", 100, "dropped", { progressStatus: "done", reaction: "not-for-me", progress: 100 }],
];

async function seedLegacy(t: ReturnType<typeof deployment>, status: string, progress: number | undefined, tmdbId: number) {
  const userId = await webUser(t).mutation(api.users.store, {});
  await t.run(async (ctx) => {
    await ctx.db.insert("watch_items", { userId, tmdbId, mediaType: "movie", status, progress, updatedAt: 1000 });
  });
}

describe("legacy statuses", () => {
  it.each(cases)("reads %s (progress %s) as %s before any backfill", async (status, progress, readAs) => {
    const t = deployment();
    await seedLegacy(t, status, progress, 7);
    const [row] = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    const item = viewItem(row as Doc<"watch_items">);
    expect({ progressStatus: item.progressStatus, reaction: item.reaction, inWatchlist: item.inWatchlist }).toEqual({
      progressStatus: readAs,
      reaction: status === "liked" ? "liked" : undefined,
      inWatchlist: true,
    });
  });

  it.each(cases)("backfills %s (progress %s) into the split model", async (status, progress, _readAs, expected) => {
    const t = deployment();
    await seedLegacy(t, status, progress, 7);
    const result = await webUser(t).mutation(api.watchlist.backfillWatchItems, {});
    expect(result).toMatchObject({ scanned: 1, updated: 1, continuing: false });
    const [row] = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    expect({ progressStatus: row!.progressStatus, reaction: row!.reaction, progress: row!.progress }).toEqual(expected);
    expect(row!.status).toBe(status);
    expect(row!.inWatchlist).toBe(true);
    expect(row!.updatedAt).toBe(1000);
  });

  it("leaves rows already in the split model alone and is safe to run twice", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 1, mediaType: "movie", progressStatus: "watching", progress: 10 });
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ updated: 0 });
    await seedLegacy(t, "completed", undefined, 2);
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ updated: 1 });
    expect(await alice.mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ updated: 0 });
  });

  it("keeps a stored dropped status and a stored reaction when it splits a legacy dropped", async () => {
    const t = deployment();
    const userId = await webUser(t).mutation(api.users.store, {});
    await t.run(async (ctx) => {
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 1,
        mediaType: "tv",
        status: "dropped",
        progressStatus: "dropped",
        progress: 40,
        updatedAt: 1,
      });
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 2,
        mediaType: "tv",
        status: "dropped",
        reaction: "mixed",
        progress: 40,
        updatedAt: 1,
      });
    });
    expect(await webUser(t).mutation(api.watchlist.backfillWatchItems, {})).toMatchObject({ scanned: 2, updated: 2 });
    const byId = new Map((await t.run(async (ctx) => await ctx.db.query("watch_items").collect())).map((r) => [r.tmdbId, r]));
    expect(byId.get(1)).toMatchObject({ progressStatus: "dropped", progress: 40, inWatchlist: true });
    expect(byId.get(1)!.reaction).toBeUndefined();
    expect(byId.get(2)).toMatchObject({ progressStatus: "watching", reaction: "mixed", progress: 40 });
  });

  it("does not bring a cleared reaction back from a legacy status", async () => {
    const t = deployment();
    await seedLegacy(t, "liked", undefined, 9);
    const alice = webUser(t);
    await alice.mutation(api.watchlist.setReaction, { tmdbId: 9, mediaType: "movie", clearReaction: true });
    const [row] = await alice.query(api.watchlist.getWatchlist, {});
    // The legacy meaning is written down in the app's words, the reaction stays cleared.
    expect(row).toMatchObject({ status: "liked", progressStatus: "done" });
    expect(row!.reaction).toBeUndefined();
    expect(viewItem(row!)).toMatchObject({ progressStatus: "finished", reaction: undefined });
  });

  it("continues a large library in scheduled pages", async () => {
    const t = deployment();
    const userId = await webUser(t).mutation(api.users.store, {});
    await t.run(async (ctx) => {
      for (let i = 1; i <= 1_200; i++) {
        await ctx.db.insert("watch_items", { userId, tmdbId: i, mediaType: "movie", status: "completed", updatedAt: i });
      }
    });
    vi.useFakeTimers();
    const first = await webUser(t).mutation(api.watchlist.backfillWatchItems, {});
    expect(first).toMatchObject({ scanned: 500, continuing: true });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    vi.useRealTimers();
    const rows = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    expect(rows.every((r) => r.progressStatus === "done")).toBe(true);
  });
});

describe("the deployment-wide backfill", () => {
  it("rewrites every user's legacy rows through scheduled pages", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      for (let u = 0; u < 60; u++) {
        const userId = await ctx.db.insert("users", { tokenIdentifier: `user_${u}` });
        await ctx.db.insert("watch_items", { userId, tmdbId: 1, mediaType: "movie", status: "plan-to-watch", updatedAt: 1 });
      }
    });
    vi.useFakeTimers();
    try {
      await t.mutation(internal.watchlist.backfillAllUsers, {});
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    const rows = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.progressStatus === "watch-later")).toBe(true);
  });
});
