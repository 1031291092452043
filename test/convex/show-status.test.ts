import { describe, expect, it } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { followedStatus } from "../../convex/model/episodes";
import { isOngoing } from "../../convex/model/showStatus";
import { ALICE, BOB, deployment, SECRET } from "./setup";

describe("a show's status as episodes are marked", () => {
  it("is finished when every episode of an ended show is watched, and watching (caught up) while more are coming", () => {
    expect(followedStatus({ current: "watching", autoStatus: "watching", isWatched: true, watched: 10, total: 10 })).toBe("finished");
    expect(
      followedStatus({ current: "watching", autoStatus: "watching", isWatched: true, watched: 10, total: 10, ongoing: true }),
    ).toBeUndefined();
    expect(followedStatus({ current: undefined, autoStatus: undefined, isWatched: true, watched: 10, total: 10, ongoing: true })).toBe(
      "watching",
    );
    // A status the bot set to finished before more was announced goes back to watching when an episode is unmarked, as before.
    expect(followedStatus({ current: "finished", autoStatus: "finished", isWatched: false, watched: 9, total: 10, ongoing: true })).toBe(
      "watching",
    );
  });

  it("reads TMDB's status words", () => {
    for (const s of ["Returning Series", "In Production", "Planned", "Pilot", " returning series "]) expect(isOngoing(s)).toBe(true);
    for (const s of ["Ended", "Canceled", "", "Something new"]) expect(isOngoing(s)).toBe(false);
  });
});

describe("a followed show that ends", () => {
  it("finishes those it left caught up, keeps a status they chose, and never loses the flag to a structure without it", async () => {
    const t = deployment();
    const seasons = [{ season: 1, name: "Season 1", episodeCount: 3 }];
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, tmdbId: 990101, title: "The Weekly Thing", seasons, ongoing: true });
    const all = { tmdbId: 990101, season: 1, episodes: [1, 2, 3], isWatched: true };
    expect((await t.mutation(api.bot.episodes.markEpisodesFor, { secret: SECRET, discordUserId: ALICE, ...all })).statusAfter).toBe(
      "watching",
    );
    await t.mutation(api.bot.episodes.markEpisodesFor, { secret: SECRET, discordUserId: BOB, ...all });
    // Bob chose Watching himself: his status is his.
    await t.mutation(api.bot.titles.setStatus, {
      secret: SECRET,
      discordUserId: BOB,
      tmdbId: 990101,
      mediaType: "tv",
      progressStatus: "watching",
    });
    // A structure sent without a status keeps the stored one.
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 990101,
      title: "The Weekly Thing",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 3 }],
    });
    expect((await t.run((ctx) => ctx.db.query("shows").first()))?.ongoing).toBe(true);
    // The daily check hears TMDB say it ended, with no new episode.
    await t.mutation(internal.reminders.airing.recordAiring, {
      tmdbId: 990101,
      info: { title: "The Weekly Thing", seasons, lastAired: { season: 1, episode: 3 }, ongoing: false },
    });
    await t.finishAllScheduledFunctions(() => undefined);
    const state = (who: string) =>
      t.query(api.bot.titles.getTitleState, { secret: SECRET, discordUserId: who, tmdbId: 990101, mediaType: "tv" });
    expect((await state(ALICE)).item).toMatchObject({ progressStatus: "finished", progress: 100 });
    expect((await state(BOB)).item).toMatchObject({ progressStatus: "watching" });
  });
});
