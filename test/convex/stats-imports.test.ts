// An import counts in the stats like any other write, and undoing it takes exactly that back out:
// the counters equal a full recount from the rows after the import and after its undo.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { ImportEntry } from "../../convex/lib/importEntry";
import { APP, apply, as, expectNoFailures, importEntries, installStub, settle } from "./import-helpers";
import { ALICE, deployment } from "./setup";
import { cacheShow, counters, recount, SHOW } from "./stats-helpers";

const NOW = Date.UTC(2026, 6, 20);

describe("stats and imports", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    installStub();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("an imported film, rating and episodes count, and undoing the import uncounts them", async () => {
    const t = deployment();
    await cacheShow(t);
    const alice = (await t.mutation(api.bot.profile.ensureProfile, as(ALICE))).userId;
    const entries: ImportEntry[] = [
      {
        key: "movie:tmdb:603",
        mediaType: "movie",
        ids: { tmdb: 603 },
        watched: true,
        watchedAt: NOW - 1000,
        rating: 9,
        ratedAt: NOW - 1000,
      },
      {
        key: `tv:tmdb:${SHOW.tmdbId}`,
        mediaType: "tv",
        ids: { tmdb: SHOW.tmdbId },
        episodes: [
          { season: 1, episode: 1 },
          { season: 1, episode: 2 },
        ],
      },
    ];
    const preview = await importEntries(t, ALICE, entries);
    await apply(t, ALICE, preview.runId);
    const counted = await counters(t, alice);
    expect(counted).toEqual(await recount(t, alice));
    expect(counted[2026]).toMatchObject({ films: 1, episodes: 2, reactions: { loved: 1 } });

    vi.setSystemTime(NOW + 60_000);
    await t.mutation(api.bot.imports.undo, { ...as(ALICE), reply: { applicationId: APP, token: "undo" } });
    await settle(t);
    await expectNoFailures(t);
    expect(await counters(t, alice)).toEqual({});
    expect(await recount(t, alice)).toEqual({});
  });
});
