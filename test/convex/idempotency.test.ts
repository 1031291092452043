import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { IDEMPOTENCY_TTL_MS } from "../../convex/model/idempotency";
import { ALICE, BOB, cacheGot, deployment, SECRET, type Deployment } from "./setup";

const interaction = (key?: string) => ({
  applicationId: "300000000000000001",
  token: "interaction-token",
  ...(key === undefined ? {} : { key }),
});
const mark = (t: Deployment, episode: number, isWatched: boolean, key?: string) =>
  t.mutation(api.bot.episodes.markEpisodesFor, {
    secret: SECRET,
    discordUserId: ALICE,
    tmdbId: 1399,
    season: 1,
    episodes: [episode],
    isWatched,
    interaction: interaction(key),
  });
const rows = (t: Deployment) =>
  t.run(async (ctx) => ({
    watched: (await ctx.db.query("episode_progress").collect()).filter((r) => r.isWatched).map((r) => `S${r.season}E${r.episode}`),
    undo: (await ctx.db.query("undo_entries").collect()).length,
    keys: (await ctx.db.query("bot_idempotency").collect()).length,
  }));

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 1, 12) }));
afterEach(() => vi.useRealTimers());

describe("a bot write retried with the same idempotency key", () => {
  it("answers the repeat with the first result and applies the write once", async () => {
    const t = deployment();
    await cacheGot(t);
    const first = await mark(t, 1, true, "400000000000000001:0");
    const repeat = await mark(t, 1, true, "400000000000000001:0");
    expect(repeat).toEqual(first);
    expect(await rows(t)).toEqual({ watched: ["S1E1"], undo: 1, keys: 1 });
  });

  it("does not run the handler again: a repeat arriving after a later change leaves that change alone", async () => {
    const t = deployment();
    await cacheGot(t);
    const first = await mark(t, 2, true, "400000000000000002:0");
    // Alice unmarks it in a later interaction; then the first interaction's lost answer is retried.
    await mark(t, 2, false, "400000000000000003:0");
    expect(await mark(t, 2, true, "400000000000000002:0")).toEqual(first);
    expect((await rows(t)).watched).toEqual([]);
    expect((await rows(t)).undo).toBe(2);
  });

  it("runs writes with different keys (or none) each time", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 3, true, "400000000000000004:0");
    await mark(t, 3, false, "400000000000000004:1");
    await mark(t, 3, true);
    expect(await rows(t)).toMatchObject({ watched: ["S1E3"], undo: 3, keys: 2 });
  });

  it("never hands one person's result to another who sends the same key", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 6, true, "400000000000000006:0");
    const bobs = await t.mutation(api.bot.episodes.markEpisodesFor, {
      secret: SECRET,
      discordUserId: BOB,
      tmdbId: 1399,
      season: 1,
      episodes: [7],
      isWatched: true,
      interaction: interaction("400000000000000006:0"),
    });
    expect(JSON.stringify(bobs)).toContain("7");
    expect((await rows(t)).undo).toBe(2);
  });

  it("ignores a malformed key rather than storing it", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 4, true, "not-a-key");
    expect((await rows(t)).keys).toBe(0);
  });

  it("forgets keys once the interaction's 15 minutes are over: the daily sweep deletes them", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 5, true, "400000000000000005:0");
    vi.advanceTimersByTime(IDEMPOTENCY_TTL_MS + 1);
    await t.mutation(internal.housekeeping.jobs.sweepExpired, {});
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect((await rows(t)).keys).toBe(0);
  });
});

describe("a retried bot service write (the bot retries every write whose answer was lost, these too)", () => {
  const service = (key: string) => ({ secret: SECRET, interaction: interaction(key) });

  it("/account export: the retry of a start whose answer was lost gets the same lease, not 'an export is already running'", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 1, true);
    const first = await t.mutation(api.bot.linking.startExport, { ...service("400000000000000010:0"), discordUserId: ALICE });
    expect(first.started).toBe(true);
    const repeat = await t.mutation(api.bot.linking.startExport, { ...service("400000000000000010:0"), discordUserId: ALICE });
    expect(repeat).toEqual(first);
    // A new interaction's export is still refused while that one runs.
    expect((await t.mutation(api.bot.linking.startExport, { ...service("400000000000000011:0"), discordUserId: ALICE })).started).toBe(
      false,
    );
  });

  it("Delete my Discord data: the retry answers 'deleted', not 'there was nothing to delete'", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 1, true);
    const first = await t.mutation(api.bot.linking.deleteDiscordData, { ...service("400000000000000012:0"), discordUserId: ALICE });
    expect(first.deleted).toBe(true);
    expect(await t.mutation(api.bot.linking.deleteDiscordData, { ...service("400000000000000012:0"), discordUserId: ALICE })).toEqual(
      first,
    );
  });

  it("never hands one person's service result to another who sends the same key", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 1, true);
    await t.mutation(api.bot.linking.deleteDiscordData, { ...service("400000000000000013:0"), discordUserId: ALICE });
    expect(await t.mutation(api.bot.linking.deleteDiscordData, { ...service("400000000000000013:0"), discordUserId: BOB })).toEqual({
      deleted: false,
      library: "none",
    });
  });
});
