import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { hashCode } from "../../convex/model/link";
import { KEEP_AFTER_EXPIRY_MS, SWEEP_PAGE } from "../../convex/model/housekeeping";
import { ALICE, BOB, cacheGot, deployment, SECRET, type Deployment } from "./setup";

const HOUR = 60 * 60 * 1000;

/** What the daily cron does: one job per table, each running until its table has nothing left to delete. */
async function sweep(t: Deployment) {
  await t.mutation(internal.housekeeping.jobs.sweepExpired, {});
  await t.finishAllScheduledFunctions(vi.runAllTimers);
}
const count = (t: Deployment, table: "link_requests" | "party_prompts" | "undo_entries") =>
  t.run(async (ctx) => (await ctx.db.query(table).collect()).length);
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 1, 12) });
  process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.CONVEX_SITE_URL;
});

describe("the expired rows sweep", () => {
  it("keeps an expired link code long enough to say 'expired', then deletes it and the interaction token it held", async () => {
    const t = deployment();
    const code = "A".repeat(22);
    await t.mutation(api.bot.linking.startLink, {
      ...as(ALICE),
      codeHash: await hashCode(code),
      discordName: "alice",
      applicationId: "300000000000000001",
      interactionToken: "interaction-token-abc",
    });
    vi.advanceTimersByTime(2 * HOUR);
    await sweep(t);
    expect(await t.query(api.linking.page.preview, { code })).toMatchObject({ ok: false, problem: "expired" });
    vi.advanceTimersByTime(KEEP_AFTER_EXPIRY_MS.link_requests);
    await sweep(t);
    expect(await count(t, "link_requests")).toBe(0);
  });

  it("deletes a change's Undo entry a day after the button stopped working, and leaves fresh ones", async () => {
    const t = deployment();
    await cacheGot(t);
    const old = await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: 1399,
      season: 1,
      episodes: [1],
      isWatched: true,
    });
    vi.advanceTimersByTime(KEEP_AFTER_EXPIRY_MS.undo_entries + HOUR);
    await cacheGot(t); // the show's cached structure is refreshed after a day, as the bot would
    // Someone else's change: a user's own next change already drops their expired entries.
    const fresh = await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(BOB),
      tmdbId: 1399,
      season: 1,
      episodes: [2],
      isWatched: true,
    });
    expect(await count(t, "undo_entries")).toBe(2);
    await sweep(t);
    expect(await count(t, "undo_entries")).toBe(1);
    await expect(t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: old.undoId! })).rejects.toMatchObject({
      data: { code: "UNDO_UNAVAILABLE" },
    });
    const undone = await t.mutation(api.bot.undo.undo, { ...as(BOB), undoId: fresh.undoId! });
    expect(undone.description).toMatch(/S1E2/);
  });

  it("keeps a 'were you there?' prompt a week past its expiry, then deletes it", async () => {
    const t = deployment();
    const promptId = await t.run(async (ctx) => {
      const partyId = await ctx.db.insert("parties", {
        guildId: "1",
        channelId: "2",
        tmdbId: 1399,
        mediaType: "tv",
        title: "Game of Thrones",
        hostDiscordUserId: ALICE,
        state: "active",
        createdAt: Date.now(),
      });
      return await ctx.db.insert("party_prompts", {
        partyId,
        tmdbId: 1399,
        season: 1,
        episodes: [1],
        createdBy: ALICE,
        expiresAt: Date.now() + HOUR,
      });
    });
    vi.advanceTimersByTime(HOUR + KEEP_AFTER_EXPIRY_MS.party_prompts - 1);
    await sweep(t);
    expect(await t.run((ctx) => ctx.db.get(promptId))).not.toBeNull();
    vi.advanceTimersByTime(2);
    await sweep(t);
    expect(await t.run((ctx) => ctx.db.get(promptId))).toBeNull();
  });

  it("works through a backlog a page per transaction, inside Convex's limits, until none is left", async () => {
    const t = deployment();
    const total = SWEEP_PAGE.link_requests * 2 + 17;
    await t.run(async (ctx) => {
      for (let i = 0; i < total; i++) {
        await ctx.db.insert("link_requests", {
          state: `s${i}`,
          discordUserId: String(100000000000000000n + BigInt(i)),
          expiresAt: Date.now() - 3 * KEEP_AFTER_EXPIRY_MS.link_requests,
        });
      }
      await ctx.db.insert("link_requests", { state: "live", discordUserId: "199999999999999999", expiresAt: Date.now() + HOUR });
    });
    expect(await t.mutation(internal.housekeeping.jobs.sweepExpiredTable, { table: "link_requests" })).toEqual({
      deleted: SWEEP_PAGE.link_requests,
    });
    await sweep(t);
    const left = await t.run((ctx) => ctx.db.query("link_requests").collect());
    expect(left.map((r) => r.state)).toEqual(["live"]);
  });

  it("clears 200 of the largest Undo entries (2,000 episodes each) without reading past Convex's 16 MiB, and the other tables are swept even so", async () => {
    const t = deployment();
    const old = Date.now() - 3 * KEEP_AFTER_EXPIRY_MS.undo_entries;
    const flippedEpisodes = Array.from({ length: 2_000 }, (_, i) => ({
      season: 1 + Math.floor(i / 100),
      episode: 1 + (i % 100),
      wasWatched: false,
    }));
    const userId = await t.run((ctx) => ctx.db.insert("users", { tokenIdentifier: "discord|100000000000000001" }));
    for (let batch = 0; batch < 8; batch++) {
      await t.run(async (ctx) => {
        for (let i = 0; i < 25; i++) {
          await ctx.db.insert("undo_entries", {
            userId,
            tmdbId: 1399,
            mediaType: "tv",
            description: "marked every episode",
            previousItem: null,
            flippedEpisodes,
            createdAt: old,
            expiresAt: old,
          });
        }
      });
    }
    await t.run((ctx) => ctx.db.insert("link_requests", { state: "old", discordUserId: "100000000000000009", expiresAt: old }));
    await sweep(t);
    expect(await count(t, "undo_entries")).toBe(0);
    expect(await count(t, "link_requests")).toBe(0);
  }, 30_000); // 200 entries of 2,000 episodes: ~4 s alone, past the 5 s default on a busy 2-core machine
});
