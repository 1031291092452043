// The per-user write budget answers only writes that would change something: a refusal for the
// input itself ("Game of Thrones has 8 seasons") or a change of nothing is never hidden behind
// "Slow down", and spends nothing.
import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, cacheGot, deployment, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("the write budget", () => {
  it("answers bad input with what is wrong, not Slow down, and changes nothing after it runs out", async () => {
    const t = deployment();
    await cacheGot(t);
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2026, 0, 1));
      const mark = (season: number, episode: number) =>
        t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1399, season, episodes: [episode], isWatched: true });
      for (let episode = 1; episode <= 8; episode++) await mark(1, episode);
      // Out of budget: a season the show doesn't have is still answered as such.
      await expect(mark(9, 1)).rejects.toMatchObject({
        data: { code: "SEASON_OUT_OF_RANGE", message: expect.stringContaining("8 seasons") },
      });
      // Marking what is already watched changes nothing, so it is answered too.
      expect(await mark(1, 3)).toMatchObject({ changed: 0 });
      // A real write is still held back, and leaves nothing behind.
      await expect(mark(1, 9)).rejects.toMatchObject({ data: { code: "RATE_LIMITED" } });
      const watched = await t.run(async (ctx) => await ctx.db.query("episode_progress").collect());
      expect(watched.map((row) => row.episode).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      vi.advanceTimersByTime(1_000);
      expect(await mark(1, 9)).toMatchObject({ changed: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
