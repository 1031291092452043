// The import pipeline after a job stalls: undo keeps what the person changed after the import last
// wrote (not after the undo started), the daily sweep fails and deletes runs that stopped moving
// instead of being held by them, and the busy check /import makes before downloading a file.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, deployment } from "./setup";
import { APP, apply, as, expectNoFailures, importEntries, installStub, settle } from "./import-helpers";

const NOW = Date.UTC(2026, 6, 20);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const FILM = { key: "movie:tmdb:11", mediaType: "movie" as const, ids: { tmdb: 11 }, watched: true };

describe("import runs that stall", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    installStub();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("undoing a stalled import keeps what the person changed after it last wrote", async () => {
    const t = deployment();
    const preview = await importEntries(t, ALICE, [FILM]);
    await apply(t, ALICE, preview.runId);
    // Its job stopped before it could finish (as a page that kept failing leaves it).
    const runId = preview.runId as Id<"import_runs">;
    await t.run(async (ctx) => await ctx.db.patch(runId, { state: "applying", finishedAt: undefined }));
    vi.setSystemTime(NOW + 2 * HOUR);
    await t.mutation(api.bot.titles.setStatus, {
      ...as(ALICE),
      tmdbId: 11,
      mediaType: "movie",
      title: "Film 11",
      progressStatus: "want-to-watch",
    });
    // A new import finds it stuck and marks it failed; its undo comes an hour later.
    expect(
      await t.mutation(api.bot.imports.start, { ...as(ALICE), source: "imdb", fileName: "y.csv", rows: 1, skipped: 0 }),
    ).toHaveProperty("runId");
    expect((await t.query(api.bot.imports.view, { ...as(ALICE), runId })).state).toBe("failed");
    vi.setSystemTime(NOW + 3 * HOUR);
    await t.mutation(api.bot.imports.undo, { ...as(ALICE), runId, reply: { applicationId: APP, token: "undo" } });
    await settle(t);
    await expectNoFailures(t);
    expect(await t.query(api.bot.imports.view, { ...as(ALICE), runId })).toMatchObject({ state: "undone", kept: 1 });
    const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 11, mediaType: "movie" });
    expect(state.item).toMatchObject({ progressStatus: "want-to-watch" });
  });

  it("the daily sweep fails and deletes runs that stopped moving, and pages past ones still running", async () => {
    const t = deployment();
    const preview = await importEntries(t, ALICE, [FILM]);
    await apply(t, ALICE, preview.runId);
    const runId = preview.runId as Id<"import_runs">;
    // Six runs whose jobs stopped long ago (each with a staged title and a stored token), one still moving.
    const { stuck, moving } = await t.run(async (ctx) => {
      const { _id, _creationTime, ...run } = (await ctx.db.get(runId))!;
      const part = (await ctx.db
        .query("import_entries")
        .withIndex("by_run", (q) => q.eq("runId", runId))
        .first())!;
      const { _id: _p, _creationTime: _c, ...entry } = part;
      const clone = async (expiresAt: number, touchedAt: number) => {
        const id = await ctx.db.insert("import_runs", { ...run, state: "applying", expiresAt, touchedAt, finishedAt: undefined });
        await ctx.db.insert("import_entries", { ...entry, runId: id });
        return id;
      };
      const stuck = [];
      for (let i = 0; i < 6; i++) stuck.push(await clone(NOW + i, NOW));
      const moving = await clone(NOW - 1, NOW + 3 * DAY);
      return { stuck, moving };
    });
    vi.setSystemTime(NOW + 3 * DAY);
    await t.mutation(internal.housekeeping.jobs.sweepExpired, {});
    await settle(t);
    await expectNoFailures(t);
    const left = await t.run(async (ctx) => ({
      runs: (await ctx.db.query("import_runs").collect()).map((r) => r._id),
      entries: (await ctx.db.query("import_entries").collect()).map((e) => e.runId),
    }));
    for (const id of [...stuck, runId]) expect(left.runs).not.toContain(id);
    expect(left.runs).toEqual([moving]);
    expect(left.entries).toEqual([moving]);
  });

  it("tells /import before the download whether an import of the person's is still going", async () => {
    const t = deployment();
    expect(await t.query(api.bot.imports.busy, as(ALICE))).toBeNull();
    const preview = await importEntries(t, ALICE, [FILM]);
    // An unanswered preview gives way to a new import.
    expect(await t.query(api.bot.imports.busy, as(ALICE))).toBeNull();
    await t.run(async (ctx) => await ctx.db.patch(preview.runId as Id<"import_runs">, { state: "applying" }));
    expect(await t.query(api.bot.imports.busy, as(ALICE))).toBe("running");
    await t.run(async (ctx) => await ctx.db.patch(preview.runId as Id<"import_runs">, { state: "undoing" }));
    expect(await t.query(api.bot.imports.busy, as(ALICE))).toBe("undoing");
    // Stopped for over an hour: the next start marks it failed, so nothing holds the person back.
    vi.setSystemTime(NOW + 2 * HOUR);
    expect(await t.query(api.bot.imports.busy, as(ALICE))).toBeNull();
  });

  it("says how many unmatched titles there are when the CSV holds only the first 5,000", async () => {
    const t = deployment();
    const nowhere = {
      key: "movie:title:nowhere|2001",
      mediaType: "movie" as const,
      ids: {},
      title: "Nowhere At All",
      year: 2001,
      watchlist: true,
    };
    const preview = await importEntries(t, ALICE, [nowhere]);
    const runId = preview.runId as Id<"import_runs">;
    expect(await t.query(api.bot.imports.unmatched, { ...as(ALICE), runId })).toMatchObject({
      total: 1,
      items: [{ title: "Nowhere At All" }],
    });
    await t.run(async (ctx) => {
      const { _id, _creationTime, ...entry } = (await ctx.db
        .query("import_entries")
        .withIndex("by_run", (q) => q.eq("runId", runId))
        .first())!;
      for (let i = 1; i <= 5_000; i++) await ctx.db.insert("import_entries", { ...entry, key: `movie:title:nowhere ${i}|`, index: i });
      const run = (await ctx.db.get(runId))!;
      await ctx.db.patch(runId, { counts: { ...run.counts, unmatched: 5_001 } });
    });
    const listed = await t.query(api.bot.imports.unmatched, { ...as(ALICE), runId });
    expect(listed.items).toHaveLength(5_000);
    expect(listed.total).toBe(5_001);
  });
});
