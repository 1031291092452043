import { describe, expect, it } from "vitest";
import { followedStatus } from "../../convex/model/episodes";
import { isOngoing } from "../../convex/model/showStatus";

describe("a show's status as episodes are marked", () => {
  it("is finished when every episode of an ended show is watched, and watching (caught up) while more are coming", () => {
    expect(followedStatus({ current: "watching", autoStatus: "watching", isWatched: true, watched: 10, total: 10 })).toBe("finished");
    expect(followedStatus({ current: "watching", autoStatus: "watching", isWatched: true, watched: 10, total: 10, ongoing: true })).toBeUndefined();
    expect(followedStatus({ current: undefined, autoStatus: undefined, isWatched: true, watched: 10, total: 10, ongoing: true })).toBe("watching");
    // A status the bot set to finished before more was announced goes back to watching when an episode is unmarked, as before.
    expect(followedStatus({ current: "finished", autoStatus: "finished", isWatched: false, watched: 9, total: 10, ongoing: true })).toBe("watching");
  });

  it("reads TMDB's status words", () => {
    for (const s of ["Returning Series", "In Production", "Planned", "Pilot", " returning series "]) expect(isOngoing(s)).toBe(true);
    for (const s of ["Ended", "Canceled", "", "Something new"]) expect(isOngoing(s)).toBe(false);
  });
});
