import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { indexStore } from "../../sandbox/indexed-store";
import { ALICE, SECRET, deployment, webUser } from "./setup";
import { startLink, webEpisodes } from "./link-helpers";

describe("merging a large guest library", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    // The confirmation's follow-up (asserted above) goes nowhere here.
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("merges 5,000 titles with overlaps in chunks inside Convex's limits: nothing lost, newer wins, episodes a union", async () => {
    vi.useFakeTimers();
    const t = deployment();
    // Same documents, same order, same limits and read counts; only convex-test's walk over every
    // document on each indexed lookup is skipped (it made this test take 80–145 s).
    await indexStore(t);
    const base = Date.now() - 1_000_000;
    // The guest: 5,000 titles (ids 1..5000), 40 shows with 10 watched episodes each (S1E1–E10).
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    for (let start = 1; start <= 5000; start += 1000) {
      await t.run(async (ctx) => {
        for (let id = start; id < start + 1000; id++) {
          await ctx.db.insert("watch_items", {
            userId: guestId,
            tmdbId: id,
            mediaType: "movie",
            inWatchlist: true,
            progressStatus: "watching",
            reaction: "loved",
            title: `Guest ${id}`,
            updatedAt: base + id,
          });
        }
      });
    }
    await t.run(async (ctx) => {
      for (let show = 100_001; show <= 100_040; show++) {
        for (let e = 1; e <= 10; e++)
          await ctx.db.insert("episode_progress", {
            userId: guestId,
            tmdbId: show,
            season: 1,
            episode: e,
            isWatched: true,
            updatedAt: base,
          });
      }
    });
    // The Clerk user: titles 4001..6000 (1,000 overlap), updated at base+4500 — so guest wins for 4501..5000;
    // and episodes S1E8–E15 of the same 40 shows.
    const clerkId = await webUser(t, "user_alice").mutation(api.users.store, { name: "Alice" });
    await t.run(async (ctx) => {
      for (let id = 4001; id <= 6000; id++) {
        await ctx.db.insert("watch_items", {
          userId: clerkId,
          tmdbId: id,
          mediaType: "movie",
          inWatchlist: true,
          progressStatus: "done",
          rating: 7,
          updatedAt: base + 4500,
        });
      }
      for (let show = 100_001; show <= 100_040; show++) {
        for (let e = 8; e <= 15; e++)
          await ctx.db.insert("episode_progress", {
            userId: clerkId,
            tmdbId: show,
            season: 1,
            episode: e,
            isWatched: true,
            updatedAt: base,
          });
      }
    });

    const { code } = await startLink(t, ALICE);
    const result = await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    expect(result).toMatchObject({ status: "linked", mergeDone: false });
    const during = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(during.merge).toMatchObject({ state: "running", text: expect.stringMatching(/in progress: [\d,]+ items moved so far/) });

    await t.finishAllScheduledFunctions(vi.runAllTimers);

    const job = await t.run(async (ctx) => await ctx.db.query("link_merges").first());
    expect(job).toMatchObject({ state: "done", attempts: 0 });
    const items = await t.run(
      async (ctx) =>
        await ctx.db
          .query("watch_items")
          .withIndex("by_user", (q) => q.eq("userId", clerkId))
          .collect(),
    );
    expect(items).toHaveLength(6000);
    const byId = new Map(items.map((i) => [i.tmdbId, i]));
    expect(byId.get(1)).toMatchObject({ progressStatus: "watching", title: "Guest 1" }); // guest only
    expect(byId.get(4200)).toMatchObject({ progressStatus: "done", title: "Guest 4200", rating: 7 }); // Clerk newer; guest's title fills in
    expect(byId.get(4800)).toMatchObject({ progressStatus: "watching", reaction: "loved", rating: 7, updatedAt: base + 4800 }); // guest newer
    expect(byId.get(6000)).toMatchObject({ progressStatus: "done" }); // Clerk only
    for (const show of [100_001, 100_040]) {
      expect(await webEpisodes(t, "user_alice", show)).toEqual(Array.from({ length: 15 }, (_, i) => `S1E${i + 1}`).sort());
    }
    const leftovers = await t.run(async (ctx) => ({
      guest: await ctx.db.get(guestId),
      items: await ctx.db
        .query("watch_items")
        .withIndex("by_user", (q) => q.eq("userId", guestId))
        .first(),
      episodes: await ctx.db
        .query("episode_progress")
        .withIndex("by_user", (q) => q.eq("userId", guestId))
        .first(),
      summaries: await ctx.db
        .query("episode_summaries")
        .withIndex("by_user_show", (q) => q.eq("userId", guestId))
        .first(),
    }));
    expect(leftovers).toEqual({ guest: null, items: null, episodes: null, summaries: null });
    const after = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    // The web app stored this profile (users.store) with a name and no email.
    expect(after).toMatchObject({ linkedTo: "Alice", titles: 6000, watchedEpisodes: 600 });
  }, 600_000);

  it("a failed step is retried later from where the job stopped", async () => {
    vi.useFakeTimers();
    const t = deployment();
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    await t.run(async (ctx) => {
      for (let id = 1; id <= 1000; id++)
        await ctx.db.insert("watch_items", { userId: guestId, tmdbId: id, mediaType: "movie", updatedAt: id });
    });
    const { code } = await startLink(t, ALICE);
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    const job = (await t.run(async (ctx) => await ctx.db.query("link_merges").first()))!;
    // A step that failed (e.g. a conflict or a deploy) is recorded and retried with backoff.
    await t.mutation(internal.linking.merge.mergeFailed, { jobId: job._id, error: "simulated failure" });
    expect(await t.run(async (ctx) => await ctx.db.get(job._id))).toMatchObject({
      state: "running",
      attempts: 1,
      lastError: "simulated failure",
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await t.run(async (ctx) => await ctx.db.get(job._id))).toMatchObject({ state: "done", moved: 1000 });
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1000);
  }, 120_000);
});
