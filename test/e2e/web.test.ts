import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEvent } from "../../sandbox/render.ts";
import type { SandboxEvent } from "../../sandbox/events.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { botProcess, ofType, run, stack, text } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

describe("the web verb: the web app's API as the acting user's web identity", () => {
  it("shows an episode marked on the web in /watch info on Discord", async () => {
    const events = await run(
      s,
      [
        "as alice",
        "in movie-club #general",
        "/ep 1399 1 1",
        "web watchlist:markEpisodeWatched tmdbId:1399 season:1 episode:2 isWatched:true",
        "/watch info title:tv:1399",
      ].join("\n"),
    );
    const [web] = ofType(events, "web");
    expect(web).toMatchObject({
      t: "web",
      user: "alice",
      function: "watchlist:markEpisodeWatched",
      kind: "mutation",
      args: { tmdbId: 1399, season: 1, episode: 2, isWatched: true },
      line: 4,
    });
    const info = ofType(events, "reply").at(-1);
    expect(text(info)).toMatch(/2\/73 episodes/);
    expect(renderEvent(web as SandboxEvent, { color: false })).toContain("web app · alice · watchlist:markEpisodeWatched (mutation)");
  });

  it("answers a web query with what the web app's client would read", async () => {
    const events = await run(s, "as alice\nin movie-club #general\nweb watchlist:getAllWatchedEpisodes tmdbId:1399");
    const [web] = ofType(events, "web");
    expect(web!.kind).toBe("query");
    expect((web!.result as Array<{ season: number; episode: number }>).map((e) => `S${e.season}E${e.episode}`).sort()).toEqual([
      "S1E1",
      "S1E2",
    ]);
  });

  it("names the function and the problem when a call can't be made", async () => {
    const unknown = run(s, "as alice\nin movie-club #general\nweb watchlist:markEverything tmdbId:1");
    await expect(unknown).rejects.toThrow(
      /line 3: web watchlist:markEverything: no such query or mutation \(watchlist has: .*markEpisodeWatched/,
    );
    const badArgs = run(
      s,
      "as alice\nin movie-club #general\nweb watchlist:markEpisodeWatched tmdbId:one season:1 episode:2 isWatched:true",
    );
    await expect(badArgs).rejects.toThrow(/line 3: web watchlist:markEpisodeWatched: tmdbId should be a number, got "one"/);
    const missing = run(s, "as alice\nin movie-club #general\nweb watchlist:markEpisodeWatched tmdbId:1399 season:1 episode:2");
    await expect(missing).rejects.toThrow(/line 3: web watchlist:markEpisodeWatched: missing argument isWatched/);
    const botOnly = run(s, "as alice\nin movie-club #general\nweb bot/lists:listTitles");
    await expect(botOnly).rejects.toThrow(/web bot\/lists:listTitles: the web app's API is watchlist:\*, users:\*/);
    const stranger = run(s, "as zed\nin movie-club #general\nweb watchlist:getAllWatchedEpisodes tmdbId:1399");
    await expect(stranger).rejects.toThrow(/zed has no Film Fanatic profile yet/);
  });
});

describe("restart bot", () => {
  // Restarting the bot process: over HTTP interactions there is none.
  it.skipIf(!botProcess)("restarts the bot mid-script and the next command is answered from what Convex kept", async () => {
    const events = await run(s, "as bob\nin movie-club #general\n/ep 1396 1 1\nrestart bot\n/ep 1396 1 2");
    expect(ofType(events, "restart")).toEqual([expect.objectContaining({ t: "restart", what: "bot", shards: 1, line: 4 })]);
    expect(ofType(events, "interaction_failed")).toHaveLength(0);
    expect(text(ofType(events, "reply").at(-1))).toMatch(/2\/62 episodes/);
  });
});
