// A 5,000-title library written by the web app over its whole history, read and written
// by the bot: every vocabulary found, nothing destroyed, every command bounded.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { indexStore } from "../../sandbox/indexed-store";
import { ALICE, BOB, deployment, measure, SECRET, type Deployment } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const LONG_SHOW = 46260; // tracked on the web alone: 1,100 episode rows, no summary
const COMMAND_READ_BUDGET = 50;

/** The i-th title's stored fields, cycling through everything the app has written. */
function webRow(i: number): Partial<Doc<"watch_items">> {
  const shapes: Partial<Doc<"watch_items">>[] = [
    { progressStatus: "done", progress: 100 },
    { progressStatus: "finished", progress: 100 },
    { progressStatus: "watch-later", progress: 0 },
    { progressStatus: "want-to-watch" },
    { progressStatus: "watching", progress: 40 },
    { progressStatus: "caught-up", progress: 60 },
    { progressStatus: "dropped", progress: 30 },
    { status: "completed" }, // 2026-02 rows: only the legacy combined status
    { status: "liked" },
    { status: "dropped", progress: 20 },
    { status: "plan-to-watch" },
    { reaction: "loved" }, // a reaction set off the watchlist, no status
  ];
  const membership = i % 3 === 0 ? { inWatchlist: false } : i % 3 === 1 ? { inWatchlist: true } : {};
  return { ...shapes[i % shapes.length], ...membership, mediaType: i % 2 === 0 ? "tv" : "movie" };
}
const FINISHED = new Set(["done", "finished", "completed", "liked"]);
const isFinished = (r: Partial<Doc<"watch_items">>) =>
  r.progressStatus !== undefined ? FINISHED.has(r.progressStatus) : r.status !== undefined && FINISHED.has(r.status);

let t: Deployment;
let userId: Id<"users">;

async function seedLibrary() {
  t = deployment();
  // convex-test walks all 6,000 documents on every indexed query; the candidate sets return the
  // same documents in the same order with the same read counts, in a fraction of the time.
  await indexStore(t);
  // The per-user write throttle is not what this file is about: these writes come in a burst.
  process.env.BOT_WRITE_BURST = "1000";
  await t.mutation(api.bot.shows.cacheShow, {
    secret: SECRET,
    tmdbId: LONG_SHOW,
    title: "Long Runner",
    seasons: Array.from({ length: 11 }, (_, i) => ({ season: i + 1, name: `Season ${i + 1}`, episodeCount: 100 })),
  });
  ({ userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE)));
  for (let batch = 0; batch < 5; batch++) {
    await t.run(async (ctx) => {
      for (let i = batch * 1_000; i < (batch + 1) * 1_000; i++) {
        await ctx.db.insert("watch_items", {
          userId,
          tmdbId: i + 1,
          title: `Title ${i + 1}`,
          updatedAt: 10_000 + i,
          ...webRow(i),
        } as never);
      }
    });
  }
  await t.run(async (ctx) => {
    await ctx.db.insert("watch_items", {
      userId,
      tmdbId: LONG_SHOW,
      mediaType: "tv",
      inWatchlist: true,
      progressStatus: "dropped",
      progress: 90,
      updatedAt: 1,
    });
    for (let s = 1; s <= 11; s++) {
      for (let e = 1; e <= 100; e++) {
        await ctx.db.insert("episode_progress", {
          userId,
          tmdbId: LONG_SHOW,
          season: s,
          episode: e,
          isWatched: !(s === 11 && e > 90),
          updatedAt: 1,
        });
      }
    }
  });
}

async function storedStatuses(): Promise<Map<number, Doc<"watch_items">>> {
  return new Map((await t.run(async (ctx) => await ctx.db.query("watch_items").collect())).map((r) => [r.tmdbId, r]));
}

afterAll(() => {
  delete process.env.BOT_WRITE_BURST;
});

describe("a 5,000-title library in the web app's vocabulary", () => {
  beforeAll(seedLibrary, 120_000);

  it("finds every done and finished title (and legacy completed and liked) with the finished filter, each page within budget", async () => {
    for (const scope of ["all", "watchlist"] as const) {
      const seen: number[] = [];
      let cursor: { before: number; creation: number } | undefined;
      let maxRead = 0;
      for (;;) {
        const { result, costs } = await measure(() =>
          t.query(api.bot.lists.listTitles, { ...as(ALICE), progressStatus: "finished", scope, pageSize: 25, cursor }),
        );
        maxRead = Math.max(maxRead, costs[0]!.documentsRead);
        for (const item of result.items) {
          expect(item.progressStatus).toBe("finished");
          seen.push(item.tmdbId);
        }
        if (result.next === null) break;
        cursor = result.next;
      }
      const expected = Array.from({ length: 5_000 }, (_, i) => i)
        .filter((i) => isFinished(webRow(i)) && (scope === "all" || webRow(i).inWatchlist !== false))
        .map((i) => i + 1);
      expect(seen.length).toBe(new Set(seen).size);
      expect([...seen].sort((a, b) => a - b)).toEqual(expected);
      expect(maxRead).toBeLessThanOrEqual(COMMAND_READ_BUDGET);
    }
  }, 300_000);

  it("accepts the web app's words in the bot's status filter and shows dropped as a status", async () => {
    const done = await t.query(api.bot.lists.listTitles, { ...as(ALICE), progressStatus: "done", scope: "all", pageSize: 5 });
    expect(done.items.every((i) => i.progressStatus === "finished")).toBe(true);
    const dropped = await t.query(api.bot.lists.listTitles, { ...as(ALICE), progressStatus: "dropped", scope: "all", pageSize: 25 });
    expect(dropped.items.length).toBe(25);
    expect(dropped.items.every((i) => i.progressStatus === "dropped")).toBe(true);
    const watching = await t.query(api.bot.lists.listTitles, {
      ...as(ALICE),
      progressStatus: "watching",
      mediaType: "tv",
      scope: "all",
      pageSize: 25,
    });
    expect(watching.items.every((i) => i.progressStatus === "watching" && i.mediaType === "tv")).toBe(true);
  });

  it("keeps dropped, caught-up, done and watch-later through bot writes that don't change the status", async () => {
    const before = await storedStatuses();
    // Titles 1 (done), 3 (watch-later), 6 (caught-up), 7 (dropped), by webRow's cycle (i = tmdbId - 1).
    for (const tmdbId of [1, 3, 6, 7]) {
      const row = before.get(tmdbId)!;
      // A show's writes carry its structure, as the bot sends it when it fetched it from TMDB.
      const show =
        row.mediaType === "tv" ? { show: { title: row.title!, seasons: [{ season: 1, name: "Season 1", episodeCount: 8 }] } } : {};
      const ref = { ...as(ALICE), tmdbId, mediaType: row.mediaType, ...show };
      await t.mutation(api.bot.titles.setReactionFor, { ...ref, reaction: "mixed" });
      await t.mutation(api.bot.titles.addToWatchlist, ref);
      await t.mutation(api.bot.titles.removeFromWatchlist, ref);
    }
    // Marking an episode of a dropped show leaves it dropped.
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: LONG_SHOW, season: 11, episodes: [91], isWatched: true });
    const after = await storedStatuses();
    for (const tmdbId of [1, 3, 6, 7, LONG_SHOW]) expect(after.get(tmdbId)!.progressStatus).toBe(before.get(tmdbId)!.progressStatus);
    expect(after.get(7)!.reaction).toBe("mixed");
  });

  it("backfills only the legacy combined status and leaves every current value as stored", async () => {
    const before = await storedStatuses();
    vi.useFakeTimers();
    try {
      await t.mutation(internal.watchlist.backfillAllUsers, {});
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    const after = await storedStatuses();
    for (const [tmdbId, row] of before) {
      const now = after.get(tmdbId)!;
      if (row.progressStatus !== undefined) expect(now.progressStatus).toBe(row.progressStatus);
      expect(now.status).toBe(row.status);
      const split = row.progressStatus === undefined && row.reaction === undefined;
      expect(now.reaction).toBe(
        split && row.status === "liked" ? "liked" : split && row.status === "dropped" ? "not-for-me" : row.reaction,
      );
    }
    // Legacy "dropped" (progress 20) is split as the web app's server and the seed split it.
    expect(after.get(10)).toMatchObject({ progressStatus: "watching", reaction: "not-for-me" });
    expect(after.get(8)!.progressStatus).toBe("done"); // legacy "completed", in the web app's current word
    // Legacy rows are now found through the status index they joined.
    const { result } = await measure(() =>
      t.query(api.bot.lists.listTitles, { ...as(ALICE), progressStatus: "dropped", scope: "all", pageSize: 25 }),
    );
    expect(result.items.length).toBe(25);
  });
});

describe("a long show the web app tracked alone", () => {
  it("answers the first commands within budget and builds the summary in the background", async () => {
    await seedLibrary();
    const info = await measure(() => t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: LONG_SHOW, mediaType: "tv" }));
    expect(info.costs[0]!.documentsRead).toBeLessThanOrEqual(COMMAND_READ_BUDGET);
    // A bounded read can't see all 1,091 watched rows: the card says it is still counting instead of showing a wrong figure.
    expect(info.result.progress).toMatchObject({ counting: true });

    vi.useFakeTimers();
    try {
      const first = await measure(() =>
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: LONG_SHOW, season: 11, episodes: [91], isWatched: true }),
      );
      expect(first.costs[0]!.documentsRead).toBeLessThanOrEqual(COMMAND_READ_BUDGET);
      // Another member's first command on their own copy is just as cheap.
      const other = await measure(() => t.query(api.bot.titles.getTitleState, { ...as(BOB), tmdbId: LONG_SHOW, mediaType: "tv" }));
      expect(other.costs[0]!.documentsRead).toBeLessThanOrEqual(COMMAND_READ_BUDGET);
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    const [summary] = await t.run(async (ctx) =>
      ctx.db
        .query("episode_summaries")
        .withIndex("by_user_show", (q) => q.eq("userId", userId).eq("tmdbId", LONG_SHOW))
        .collect(),
    );
    expect(summary!.building).toBeUndefined();
    expect(summary!.watchedCount).toBe(1_091);
    const state = await measure(() => t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: LONG_SHOW, mediaType: "tv" }));
    expect(state.result.progress).toMatchObject({ watched: 1_091, total: 1_100, next: { season: 11, episode: 92 } });
    expect(state.result.progress?.counting).toBeUndefined();
    expect(state.costs[0]!.documentsRead).toBeLessThanOrEqual(COMMAND_READ_BUDGET);
    // Still dropped: the bot never overwrote the web app's status.
    expect(state.result.item).toMatchObject({ progressStatus: "dropped" });
  }, 120_000);
});
