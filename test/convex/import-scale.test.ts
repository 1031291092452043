// A generated TV Time-like history (20,000 episodes over 300 shows) goes through the whole import
// pipeline: staged, matched with each show looked up once (and never again), applied with every
// transaction inside Convex's limits, equal to the file; imported again it changes nothing; undone
// it leaves the library exactly as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { ImportEntry } from "../../convex/lib/importEntry";
import { indexStore } from "../../sandbox/indexed-store";
import { ALICE, deployment } from "./setup";
import { APP, apply, as, expectNoFailures, importEntries, installStub, library, settle, type Stub } from "./import-helpers";

const SHOWS = Number(process.env.IMPORT_TEST_SHOWS ?? 300);
// The size, 20,000 episodes over 300 shows (about 30 s here with the index candidate sets
// below), and 3,000 (10 a show): a page then holds many small titles, which is what went past
// Convex's index-range limit once. IMPORT_TEST_EPISODES=N runs only that size.
const SIZES = process.env.IMPORT_TEST_EPISODES ? [Number(process.env.IMPORT_TEST_EPISODES)] : [20_000, 3_000];

/** Show i (TVDB 1000+i) has EPISODES / SHOWS watched episodes (one more for the first few), 20 a season. */
function history(EPISODES: number): ImportEntry[] {
  const entries: ImportEntry[] = [];
  for (let i = 0; i < SHOWS; i++) {
    const count = Math.floor(EPISODES / SHOWS) + (i < EPISODES % SHOWS ? 1 : 0);
    entries.push({
      key: `tv:tvdb:${1000 + i}`,
      mediaType: "tv",
      ids: { tvdb: 1000 + i },
      title: `Show ${i}`,
      episodes: Array.from({ length: count }, (_, e) => ({
        season: Math.floor(e / 20) + 1,
        episode: (e % 20) + 1,
        watchedAt: Date.UTC(2024, 0, 1),
      })),
    });
  }
  return entries;
}

describe.each(SIZES)("importing a %i-episode history", (EPISODES) => {
  let stub: Stub;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 6, 20));
    stub = installStub();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("imports every episode within Convex's limits, looks each show up once ever, re-imports as 0 changes and undoes exactly", async () => {
    const t = deployment();
    // convex-test walks every document of the deployment on every indexed query: with 20,000
    // episode rows each page's lookups grew with everything written before it (quadratic overall).
    // The candidate sets return the same documents in the same order, as a deployment's index does.
    await indexStore(t);
    const entries = history(EPISODES);
    const preview = await importEntries(t, ALICE, entries);
    expect(preview.counts).toMatchObject({ shows: SHOWS, episodes: EPISODES, movies: 0, ambiguous: 0, unmatched: 0 });
    // Each show once, by its TVDB id.
    expect(stub.tmdb).toHaveLength(SHOWS);
    expect(new Set(stub.tmdb).size).toBe(SHOWS);
    // The reply was edited with the preview, and nothing is in the library yet.
    expect(stub.edits.at(-1)?.embeds?.[0]?.description).toContain(`${SHOWS} shows`);
    expect((await library(t)).items).toHaveLength(0);

    const done = await apply(t, ALICE, preview.runId);
    await expectNoFailures(t);
    expect(done).toMatchObject({ state: "done", changes: SHOWS });
    const after = await library(t);
    expect(after.items).toHaveLength(SHOWS);
    expect(after.items.every((i) => i.progressStatus === "watching" && i.title?.startsWith("Show "))).toBe(true);
    const watched = new Set(after.episodes.filter((e) => e.isWatched).map((e) => `${e.tmdbId}:${e.season}:${e.episode}`));
    const wanted = new Set(entries.flatMap((e) => e.episodes!.map((x) => `${50000 + e.ids.tvdb! - 1000}:${x.season}:${x.episode}`)));
    expect(watched).toEqual(wanted);
    expect(after.episodes).toHaveLength(EPISODES);
    // No 5-minute Undo records are left behind by the import's own writes.
    expect(await t.run(async (ctx) => (await ctx.db.query("undo_entries").collect()).length)).toBe(0);

    // The same file again: no TMDB call, no change.
    stub.tmdb.length = 0;
    const again = await importEntries(t, ALICE, entries);
    expect(stub.tmdb).toEqual([]);
    const second = await apply(t, ALICE, again.runId);
    expect(second).toMatchObject({ state: "done", changes: 0 });
    expect(stub.edits.at(-1)?.embeds?.[0]?.description).toContain("0 changes");
    expect(await library(t)).toEqual(after);

    // Undo the first import: the library is as it was (empty).
    await t.mutation(api.bot.imports.undo, { ...as(ALICE), runId: preview.runId, reply: { applicationId: APP, token: "token-3" } });
    await settle(t);
    await expectNoFailures(t);
    expect(await t.query(api.bot.imports.view, { ...as(ALICE), runId: preview.runId })).toMatchObject({ state: "undone" });
    expect(await library(t)).toEqual({ items: [], episodes: [], summaries: [] });
  }, 240_000);
});
