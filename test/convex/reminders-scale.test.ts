import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { DAY_MS } from "../../convex/model/reminders";
import { indexStore } from "../../sandbox/indexed-store";
import { deployment, measure } from "./setup";

const USERS = 1_000;
const SHOWS_PER_USER = 100; // 100,000 watch items, every one a show being watched
const NOW = Date.UTC(2026, 0, 20, 12, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the reminder scan at scale", () => {
  it("reads close to the due count among 100,000 watched shows, inside transaction limits, and sends each due reminder once when the cron fires twice", async () => {
    const t = deployment();
    // convex-test walks every document on every indexed query; 200,000 documents would make this
    // test take most of an hour. The candidate sets return the same documents in the same order.
    await indexStore(t);
    // 100 shows of 20 episodes; user u is due on show u % 100 only (1% of their items).
    await t.run(async (ctx) => {
      for (let s = 0; s < SHOWS_PER_USER; s++) {
        await ctx.db.insert("shows", {
          tmdbId: 5_000 + s,
          title: `Show ${s}`,
          seasons: [{ season: 1, name: "Season 1", episodeCount: 20 }],
          totalEpisodes: 20,
          fetchedAt: NOW,
        });
      }
    });
    const BATCH = 40; // users per seeding transaction: 40 × (100 items + 100 reminder rows) stays under 16,000 writes
    for (let first = 0; first < USERS; first += BATCH) {
      await t.run(async (ctx) => {
        for (let u = first; u < first + BATCH; u++) {
          const userId: Id<"users"> = await ctx.db.insert("users", { tokenIdentifier: `discord|${200000000000000000n + BigInt(u)}` });
          await ctx.db.insert("discord_accounts", {
            discordUserId: String(200000000000000000n + BigInt(u)),
            userId,
            listPublic: false,
            remindersEnabled: true,
            createdAt: NOW - 60 * DAY_MS,
          });
          for (let s = 0; s < SHOWS_PER_USER; s++) {
            const tmdbId = 5_000 + s;
            const due = s === u % SHOWS_PER_USER;
            await ctx.db.insert("watch_items", {
              userId,
              tmdbId,
              mediaType: "tv",
              inWatchlist: true,
              progressStatus: s % 2 === 0 ? "watching" : "caught-up",
              updatedAt: NOW - 10 * DAY_MS,
            });
            // Due ones were last marked 10 days ago; the rest more recently (due in 1–6 days).
            const lastMarkedAt = due ? NOW - 10 * DAY_MS : NOW - (1 + (s % 6)) * DAY_MS;
            await ctx.db.insert("reminders", { userId, tmdbId, muted: false, lastMarkedAt, dueAt: lastMarkedAt + 7 * DAY_MS });
            if (due)
              await ctx.db.insert("episode_summaries", {
                userId,
                tmdbId,
                seasons: [{ season: 1, episodes: [1, 2, 3] }],
                watchedCount: 3,
                updatedAt: lastMarkedAt,
              });
          }
        }
      });
    }
    const DUE = USERS;

    // The cron fires twice; each run pages until nothing is due.
    const { costs } = await measure(async () => {
      for (let run = 0; run < 2; run++) {
        let more = true;
        while (more) more = (await t.mutation(internal.reminders.delivery.scan, {})).more;
      }
    });
    const sends = await t.run(async (ctx) => await ctx.db.query("reminder_sends").collect());
    expect(sends).toHaveLength(DUE);
    const reminded = sends.flatMap((s) => s.tmdbIds.map((id) => `${s.userId}:${id}`));
    expect(new Set(reminded).size).toBe(DUE);

    const read = costs.reduce((sum, c) => sum + c.documentsRead, 0);
    const ratio = read / DUE;
    console.log(
      `reminder scan: ${read} documents read for ${DUE} due of ${USERS * SHOWS_PER_USER} (${ratio.toFixed(2)} per due reminder) in ${costs.length} transactions`,
    );
    // Per due reminder: its row (found by the page, then with its user's other due rows), the
    // account, the watch item, the show and the summary — never the 99,000 rows not yet due.
    expect(ratio).toBeLessThanOrEqual(10);
    expect(Math.max(...costs.map((c) => c.documentsRead))).toBeLessThan(4_096);
    // The second firing found nothing: one empty page.
    expect(costs.at(-1)!.documentsRead).toBe(0);
  }, 600_000);
});
