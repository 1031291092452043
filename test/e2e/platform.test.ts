import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import type { Stack } from "../../sandbox/stack.ts";
import { TitleService } from "../../src/lib/titles.ts";
import { TmdbClient } from "../../src/lib/tmdb.ts";
import { botProcess, buttons, ofType, run, stack, text, webEpisodes } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

describe("the real bot through the sandbox", () => {
  it("answers /ep 1399 1 3 with the episode's name, the show's progress and a button for the next one", async () => {
    const events = await run(s, `as alice\nin movie-club #general\n/ep 1399 1 3`);
    const [reply] = ofType(events, "reply");
    expect(reply).toMatchObject({ user: "alice", guild: "movie-club", channel: "#general", ephemeral: true });
    expect(text(reply)).toContain("S1E3** · Lord Snow");
    expect(text(reply)).toContain("1/73 episodes");
    expect(buttons(reply)).toContain("Mark S1E4");
    expect(reply!.mentions).toEqual({ everyone: false, users: [], roles: [] });
  });

  it("offers Game of Thrones when someone types 'thrones'", async () => {
    const [choices] = ofType(await run(s, `as alice\nin movie-club #general\nautocomplete /ep show:thrones`), "autocomplete");
    expect(choices!.choices[0]).toEqual({ name: "Game of Thrones (2011) · TV", value: "tv:1399" });
  });

  it("marks the next episode from the button and moves the button on", async () => {
    const events = await run(s, `as dave\nin movie-club #general\n/ep 1399 1 3\nclick "Mark S1E4"`);
    const after = ofType(events, "reply_edit", "reply").at(-1);
    expect(text(after)).toContain("Cripples, Bastards, and Broken Things");
    expect(buttons(after)).toContain("Mark S1E5");
  });

  it("rejects a season outside the registered range before the bot sees it", async () => {
    const events = await run(s, `as alice\nin movie-club #general\n/ep 1399 500 1`);
    expect(ofType(events, "rejected")).toHaveLength(1);
    expect(ofType(events, "reply", "interaction_failed")).toHaveLength(0);
  });

  it("defers a command whose TMDB lookup is slow instead of failing it", async () => {
    s.tmdb.setFaults({ delayMs: 2_000 });
    try {
      const events = await run(s, `as erin\nin movie-club #general\n/watch info title:movie:438631`);
      expect(ofType(events, "interaction_failed")).toHaveLength(0);
      expect(ofType(events, "reply")[0]).toMatchObject({ deferred: true });
      expect(text(ofType(events, "reply_edit").at(-1))).toContain("Dune");
    } finally {
      s.tmdb.setFaults({});
    }
  });

  // 429s on the bot's REST callback: over HTTP the first answer is the HTTP response itself.
  it.skipIf(!botProcess)("rides out a burst of 429s without losing the reply", async () => {
    s.discord.injectRateLimits(3);
    const events = await run(s, `as frank\nin movie-club #general\n/ep 1399 1 1`);
    expect(ofType(events, "rate_limited").length).toBeGreaterThan(0);
    expect(text(ofType(events, "reply", "reply_edit").at(-1))).toContain("S1E1");
  });

  // A gateway connection: only the bot process has one.
  it.skipIf(!botProcess)("resumes a dropped gateway connection and still answers", async () => {
    s.discord.dropGatewayConnection({ resumable: true });
    const events = await run(s, `as gina\nin movie-club #general\n/ep 1399 1 2`);
    expect(ofType(events, "interaction_failed")).toHaveLength(0);
    expect(text(ofType(events, "reply", "reply_edit").at(-1))).toContain("S1E2");
  });

  it("explains TMDB being down and writes nothing", async () => {
    s.tmdb.setFaults({ serverError: 50 });
    try {
      const events = await run(s, `as hank\nin movie-club #general\n/ep 1396 1 1`);
      const error = ofType(events, "reply", "followup", "reply_edit").at(-1);
      expect(error).toMatchObject({ ephemeral: true });
      expect(text(error)).toMatch(/TMDB/);
      expect(ofType(events, "interaction_failed")).toHaveLength(0);
    } finally {
      s.tmdb.setFaults({});
    }
    const state = await run(s, `as hank\nin movie-club #general\n/watch list`);
    expect(text(ofType(state, "reply")[0])).toContain("Your watchlist is empty");
    expect(await webEpisodes(s, "hank", 1396)).toEqual([]);
  });

  it("shows /help with examples", async () => {
    const [reply] = ofType(await run(s, `as alice\nin dm\n/help`), "reply");
    expect(text(reply)).toContain("/ep 1399 1 3");
  });

  it("lets a restarted bot reuse the show structure Convex already holds instead of refetching every season", async () => {
    await run(s, `as ivan\nin movie-club #general\n/ep 37854 1 1`);
    const tmdb = new TmdbClient({ baseUrl: s.tmdb.url });
    const restarted = new TitleService(tmdb);
    const show = await tmdb.tv(37854);
    const backend = s.engine.backend();
    const before = s.tmdb.requests;
    // Convex checks the counts inside the write itself: no season is fetched, no extra round trip.
    const outcome = await restarted.shows.write(show, (sync) =>
      backend.mutation(api.bot.episodes.markEpisodesFor, {
        discordUserId: s.discord.user("ivan").id,
        ...sync,
        tmdbId: 37854,
        season: 1,
        episodes: [2],
        isWatched: true,
      }),
    );
    expect(outcome.changed).toBe(1);
    expect(s.tmdb.requests - before).toBe(0);
  });
});
