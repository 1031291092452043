// Stats counters (docs/stats.md): kept by the write paths in the same transactions, counted in the
// year things happened and taken off that year when undone, equal to a full recount from the rows
// after any mix of bot and web app writes, undo and account merges; the repair job rebuilds them.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, BOB, SECRET, deployment, webUser, type Deployment } from "./setup";
import { startLink } from "./link-helpers";
import { SHOW, cacheShow, counters, dropFakeTmdb, recount, useFakeTmdb } from "./stats-helpers";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const JAN_2025 = Date.UTC(2025, 0, 10, 12);
const DAY = 24 * 60 * 60 * 1000;
const FILMS = [603, 604, 605];

async function userOf(t: Deployment, discordUserId: string): Promise<Id<"users">> {
  return (await t.mutation(api.bot.profile.ensureProfile, as(discordUserId))).userId;
}

const mark = (t: Deployment, season: number, episodes: number[], isWatched: boolean) =>
  t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: SHOW.tmdbId, season, episodes, isWatched, cachedOk: true });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(JAN_2025);
  process.env.BOT_WRITE_BURST = "100000";
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.BOT_WRITE_BURST;
});

describe("stats counters", () => {
  it("counts marked episodes with their runtimes, and an unmark comes off the year the episode was counted in", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = await userOf(t, ALICE);
    await mark(t, 1, [1, 2], true); // 2025: 2 × 50 min
    vi.setSystemTime(Date.UTC(2026, 2, 1));
    await mark(t, 2, [1, 2], true); // 2026: 55 + 60 (E2 has no runtime: the season's mean)
    await mark(t, 1, [1], false); // counted in 2025: comes off 2025
    const c = await counters(t, alice);
    expect(c[2025]).toMatchObject({ episodes: 1, minutes: 50, shows: { [SHOW.tmdbId]: 1 } });
    expect(c[2026]).toMatchObject({ episodes: 2, minutes: 115 });
    expect(c[0]).toMatchObject({ episodes: 3, minutes: 165 });
    expect(c).toEqual(await recount(t, alice));
  });

  it("counts a finished film, a finished show and reactions by kind; undoing them takes them off", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = await userOf(t, ALICE);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 603,
      mediaType: "movie",
      progressStatus: "finished",
      title: "The Matrix",
    });
    await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 603, mediaType: "movie", reaction: "loved" });
    await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: SHOW.tmdbId, isWatched: true, cachedOk: true });
    let c = await counters(t, alice);
    expect(c[2025]).toMatchObject({ films: 1, showsFinished: 1, episodes: 10, reactions: { loved: 1 } });
    const changed = await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 603, mediaType: "movie", reaction: "mixed" });
    c = await counters(t, alice);
    expect(c[2025]!.reactions).toEqual({ mixed: 1 });
    await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId: changed.undoId! });
    expect((await counters(t, alice))[2025]!.reactions).toEqual({ loved: 1 });
    await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 603, mediaType: "movie", progressStatus: "watching" });
    expect((await counters(t, alice))[2025]).toMatchObject({ films: 0 });
    expect(await counters(t, alice)).toEqual(await recount(t, alice));
  });

  it("counts the web app's writes too (its contract unchanged)", async () => {
    const t = deployment();
    await cacheShow(t);
    const web = webUser(t, "user_bob");
    const bob = await web.mutation(api.users.store, { name: "Bob" });
    await web.mutation(api.watchlist.markEpisodeWatched, { tmdbId: SHOW.tmdbId, season: 1, episode: 3, isWatched: true });
    await web.mutation(api.watchlist.setProgressStatus, { tmdbId: 604, mediaType: "movie", progressStatus: "finished" });
    await web.mutation(api.watchlist.setReaction, { tmdbId: 604, mediaType: "movie", reaction: "liked" });
    await web.mutation(api.watchlist.upsertWatchlistItem, { tmdbId: 605, mediaType: "movie", status: "completed" });
    expect((await counters(t, bob))[2025]).toMatchObject({ episodes: 1, minutes: 50, films: 2, reactions: { liked: 1 } });
    expect(await counters(t, bob)).toEqual(await recount(t, bob));
  });

  it("a merged guest's counters go, and what moved counts for the web account", async () => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
    try {
      const t = deployment();
      await cacheShow(t);
      const web = webUser(t, "user_alice");
      const clerk = await web.mutation(api.users.store, { name: "Alice" });
      await web.mutation(api.watchlist.markEpisodeWatched, { tmdbId: SHOW.tmdbId, season: 1, episode: 3, isWatched: true });
      await web.mutation(api.watchlist.setReaction, { tmdbId: 603, mediaType: "movie", reaction: "loved" });
      vi.advanceTimersByTime(60_000);
      // The guest's film is newer: it wins the merge (finished, and no reaction).
      const guest = await userOf(t, ALICE);
      await mark(t, 1, [1, 2, 3], true);
      await t.mutation(api.bot.titles.setStatus, {
        ...as(ALICE),
        tmdbId: 603,
        mediaType: "movie",
        progressStatus: "finished",
        title: "The Matrix",
      });
      expect((await counters(t, clerk))[0]).toMatchObject({ episodes: 1, films: 0, reactions: { loved: 1 } });
      vi.setSystemTime(JAN_2025 + DAY);
      const { code } = await startLink(t, ALICE);
      await web.mutation(api.linking.page.redeem, { code });
      await t.finishAllScheduledFunctions(vi.runAllTimers);
      const c = await counters(t, clerk);
      expect(c[0]).toMatchObject({ episodes: 3, films: 1, reactions: {} });
      expect(c).toEqual(await recount(t, clerk));
      expect(await counters(t, guest)).toEqual({});
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("the repair job rebuilds counters that went wrong, page by page", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = await userOf(t, ALICE);
    await mark(t, 1, [1, 2, 3, 4], true);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 603,
      mediaType: "movie",
      progressStatus: "finished",
      title: "The Matrix",
    });
    const right = await counters(t, alice);
    await t.run(async (ctx) => {
      for (const row of await ctx.db.query("stats_totals").collect())
        await ctx.db.patch(row._id, { episodes: 999, films: 7, days: undefined });
      for (const row of await ctx.db.query("stats_titles").collect()) await ctx.db.delete(row._id);
    });
    expect((await counters(t, alice))[0]).toMatchObject({ episodes: 999, films: 7 });
    await t.mutation(internal.migrations.repairStats, { userId: alice });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await counters(t, alice)).toEqual(right);
    expect(await t.run(async (ctx) => await ctx.db.query("stats_repairs").collect())).toEqual([]);
  });

  it("a repair keeps each title's counting year (a 2025 reaction on a film finished in 2026 stays in 2025)", async () => {
    const t = deployment();
    const alice = await userOf(t, ALICE);
    await t.mutation(api.bot.titles.setReactionFor, {
      ...as(ALICE),
      tmdbId: 605,
      mediaType: "movie",
      reaction: "loved",
      title: "Film 605",
    });
    vi.setSystemTime(Date.UTC(2026, 1, 1));
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 605,
      mediaType: "movie",
      progressStatus: "finished",
      title: "Film 605",
    });
    const right = await counters(t, alice);
    expect(right[2025]).toMatchObject({ reactions: { loved: 1 }, films: 0 });
    expect(right[2026]).toMatchObject({ reactions: {}, films: 1 });
    await t.mutation(internal.migrations.repairStats, { userId: alice });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await counters(t, alice)).toEqual(right);
  });

  it("writes while a repair runs are neither lost nor counted twice", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = await userOf(t, ALICE);
    await mark(t, 1, [1, 2], true);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 603,
      mediaType: "movie",
      progressStatus: "finished",
      title: "The Matrix",
    });
    // The first page runs now (the counters are cleared); the walk's pages wait while she keeps going.
    await t.mutation(internal.migrations.repairStats, { userId: alice });
    expect((await t.run(async (ctx) => await ctx.db.query("stats_repairs").first()))?.phase).toBe("titles");
    vi.advanceTimersByTime(60_000);
    await mark(t, 1, [3], true);
    await mark(t, 1, [1], false);
    await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 603, mediaType: "movie", progressStatus: "watching" });
    await t.mutation(api.bot.titles.setReactionFor, {
      ...as(ALICE),
      tmdbId: 604,
      mediaType: "movie",
      reaction: "liked",
      title: "Film 604",
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const c = await counters(t, alice);
    expect(c[0]).toMatchObject({ episodes: 2, films: 0, reactions: { liked: 1 } });
    expect(c).toEqual(await recount(t, alice));
  });

  it("the deployment-wide backfill gives every user counters from their rows", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = await userOf(t, ALICE);
    await t.run(async (ctx) => {
      for (let e = 1; e <= 6; e++)
        await ctx.db.insert("episode_progress", {
          userId: alice,
          tmdbId: SHOW.tmdbId,
          season: 1,
          episode: e,
          isWatched: true,
          updatedAt: JAN_2025 - 400 * DAY,
        });
      await ctx.db.insert("watch_items", {
        userId: alice,
        tmdbId: 603,
        mediaType: "movie",
        progressStatus: "done",
        reaction: "loved",
        updatedAt: JAN_2025 - 400 * DAY,
      });
    });
    await t.mutation(internal.migrations.backfillStats, {});
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const c = await counters(t, alice);
    expect(c[2023]).toMatchObject({ episodes: 6, minutes: 300, films: 1, reactions: { loved: 1 } });
    expect(c).toEqual(await recount(t, alice));
  });
});

type Op =
  | { kind: "mark"; season: number; episodes: number[]; watched: boolean }
  | { kind: "markAll"; watched: boolean }
  | {
      kind: "film";
      tmdbId: number;
      status: "finished" | "watching" | "want-to-watch";
      facts: { runtime?: number; genres: number[] } | null;
    }
  | { kind: "facts"; tmdbId: number; runtime?: number; genres: number[] }
  | { kind: "fetch" }
  | { kind: "react"; tmdbId: number; mediaType: "movie" | "tv"; reaction: "loved" | "liked" | "mixed" | "not-for-me" | null }
  | { kind: "webMark"; season: number; episode: number; watched: boolean }
  | { kind: "webStatus"; tmdbId: number; status: "finished" | "watching" }
  | { kind: "undo" }
  | { kind: "time"; days: number }
  | { kind: "link" };

const factsArb = fc.record(
  { runtime: fc.integer({ min: 1, max: 240 }), genres: fc.uniqueArray(fc.constantFrom(18, 28, 35, 878), { maxLength: 3 }) },
  { requiredKeys: ["genres"] },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("mark" as const),
    season: fc.constant(1),
    episodes: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
    watched: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("mark" as const),
    season: fc.constant(2),
    episodes: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    watched: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("markAll" as const), watched: fc.boolean() }),
  fc.record({
    kind: fc.constant("film" as const),
    tmdbId: fc.constantFrom(...FILMS),
    status: fc.constantFrom("finished" as const, "watching" as const, "want-to-watch" as const),
    facts: fc.option(factsArb, { nil: null }),
  }),
  // Facts arriving late (or changing) for a film or the show, and the fetcher running.
  fc
    .record({ kind: fc.constant("facts" as const), tmdbId: fc.constantFrom(...FILMS, SHOW.tmdbId) })
    .chain((r) => factsArb.map((f) => ({ ...r, ...f }))),
  fc.record({ kind: fc.constant("fetch" as const) }),
  fc.record({
    kind: fc.constant("react" as const),
    tmdbId: fc.constantFrom(...FILMS),
    mediaType: fc.constant("movie" as const),
    reaction: fc.constantFrom("loved" as const, "liked" as const, "mixed" as const, "not-for-me" as const, null),
  }),
  fc.record({
    kind: fc.constant("webMark" as const),
    season: fc.constant(1),
    episode: fc.integer({ min: 1, max: 6 }),
    watched: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("webStatus" as const),
    tmdbId: fc.constantFrom(...FILMS, SHOW.tmdbId),
    status: fc.constantFrom("finished" as const, "watching" as const),
  }),
  fc.record({ kind: fc.constant("undo" as const) }),
  fc.record({ kind: fc.constant("time" as const), days: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("link" as const) }),
);

describe("stats counters, property", () => {
  beforeEach(() => {
    // Linking's confirmation follow-up goes nowhere here.
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    useFakeTmdb();
  });
  afterEach(dropFakeTmdb);

  it("equal a full recount from the rows after any mix of bot and web writes, undo, a merge, time passing, films with and without facts and facts arriving late; repair agrees", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 20 }), async (ops) => {
        vi.setSystemTime(JAN_2025);
        const t = deployment();
        await cacheShow(t);
        const web = webUser(t, "user_alice");
        // Alice's Discord profile (a guest until a "link" step merges it) and her web account.
        const guest = await userOf(t, ALICE);
        const clerk = await web.mutation(api.users.store, { name: "Alice" });
        let linked = false;
        // She shares in a server: its leaderboard follows her counters.
        await t.mutation(api.bot.stats.setStatsShare, { ...as(ALICE), guildId: "400000000000000001", on: true, name: "Alice" });
        let undoId: string | null = null;
        for (const op of ops) {
          vi.advanceTimersByTime(60_000);
          const run = async (): Promise<{ undoId?: string | null } | null> => {
            switch (op.kind) {
              case "mark":
                return await mark(t, op.season, op.episodes, op.watched);
              case "markAll":
                return await t.mutation(api.bot.episodes.markAllFor, {
                  ...as(ALICE),
                  tmdbId: SHOW.tmdbId,
                  isWatched: op.watched,
                  cachedOk: true,
                });
              case "film":
                return await t.mutation(api.bot.titles.setStatus, {
                  ...as(ALICE),
                  tmdbId: op.tmdbId,
                  mediaType: "movie",
                  progressStatus: op.status,
                  title: `Film ${op.tmdbId}`,
                  ...(op.facts === null ? {} : { facts: op.facts }),
                });
              case "facts":
                await t.mutation(internal.stats.facts.storeFacts, {
                  tmdbId: op.tmdbId,
                  mediaType: op.tmdbId === SHOW.tmdbId ? "tv" : "movie",
                  ...(op.runtime === undefined ? {} : { runtime: op.runtime }),
                  genres: op.genres,
                });
                return null;
              case "fetch":
                await t.finishAllScheduledFunctions(vi.runAllTimers);
                return null;
              case "react":
                return await t.mutation(api.bot.titles.setReactionFor, {
                  ...as(ALICE),
                  tmdbId: op.tmdbId,
                  mediaType: op.mediaType,
                  reaction: op.reaction,
                  title: `Film ${op.tmdbId}`,
                });
              case "webMark":
                await web.mutation(api.watchlist.markEpisodeWatched, {
                  tmdbId: SHOW.tmdbId,
                  season: op.season,
                  episode: op.episode,
                  isWatched: op.watched,
                });
                return null;
              case "webStatus":
                await web.mutation(api.watchlist.setProgressStatus, {
                  tmdbId: op.tmdbId,
                  mediaType: op.tmdbId === SHOW.tmdbId ? "tv" : "movie",
                  progressStatus: op.status,
                });
                return null;
              case "undo":
                if (undoId !== null) await t.mutation(api.bot.undo.undo, { ...as(ALICE), undoId });
                return null;
              case "time":
                vi.advanceTimersByTime(op.days * DAY);
                return null;
              case "link":
                if (!linked) {
                  const { code } = await startLink(t, ALICE);
                  await web.mutation(api.linking.page.redeem, { code });
                  await t.finishAllScheduledFunctions(vi.runAllTimers);
                  linked = true;
                }
                return null;
            }
          };
          try {
            const result = await run();
            if (result !== null && "undoId" in result) undoId = result.undoId ?? null;
          } catch (error) {
            // A refusal (nothing to undo, undo too old, the show isn't stale-checked) changes nothing.
            if (!JSON.stringify((error as { data?: unknown }).data ?? "").includes("code")) throw error;
          }
        }
        await t.finishAllScheduledFunctions(vi.runAllTimers);
        for (const userId of linked ? [clerk] : [guest, clerk]) {
          const expected = await recount(t, userId);
          expect(await counters(t, userId)).toEqual(expected);
          await t.mutation(internal.migrations.repairStats, { userId });
          await t.finishAllScheduledFunctions(vi.runAllTimers);
          expect(await counters(t, userId)).toEqual(expected);
        }
        // A merged guest leaves no counters behind.
        if (linked) expect(await counters(t, guest)).toEqual({});
        // The leaderboard's "this year" row is the year's counters of whoever Discord's Alice is now.
        const year = (await recount(t, linked ? clerk : guest))[new Date().getUTCFullYear()];
        const board = await t.query(api.bot.stats.serverStats, { ...as(BOB), guildId: "400000000000000001", period: "year" });
        const value = (entries: { value: number }[]) => entries[0]?.value ?? 0;
        expect({ episodes: value(board.episodes), minutes: value(board.minutes), films: value(board.films) }).toEqual({
          episodes: year?.episodes ?? 0,
          minutes: year?.minutes ?? 0,
          films: year?.films ?? 0,
        });
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
