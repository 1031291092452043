import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/lib/backend.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, type Event } from "./harness.ts";

// Counts what each command costs by wrapping the bot's own Backend object (the one
// its handlers and title service hold) and reading the TMDB catalog's request count.
let s: Stack;
const calls: string[] = [];
beforeAll(async () => {
  s = await stack();
  const backend = s.bot.ctx.backend as Backend;
  const { query, mutation } = backend;
  const name = (fn: unknown) => String((fn as Record<symbol, unknown>)[Symbol.for("functionName")] ?? "?");
  backend.query = ((fn, args) => (calls.push(`query ${name(fn)}`), query(fn, args))) as Backend["query"];
  backend.mutation = ((fn, args) => (calls.push(`mutation ${name(fn)}`), mutation(fn, args))) as Backend["mutation"];
});
afterAll(async () => {
  await s?.stop();
});

/** Runs one script and says what it cost. */
async function cost(script: string): Promise<{ convex: string[]; tmdb: number; events: Event[] }> {
  // A rested user: the per-user limits are not what this test measures.
  await s.engine.wait(10_000);
  calls.length = 0;
  const before = s.tmdb.requests;
  const events = await run(s, `as rita\nin movie-club #general\n${script}`);
  return { convex: [...calls], tmdb: s.tmdb.requests - before, events };
}

const reply = (events: Event[]) => text(ofType(events, "reply", "reply_edit", "followup").at(-1));

describe("round trips per command", () => {
  it("caches and marks a show Convex hasn't seen in two Convex calls and two TMDB calls, One Piece included", async () => {
    const first = await cost("/ep show:tv:37854 season:1 episode:1");
    expect(reply(first.events)).toContain("S1E1");
    // The write, refused for want of the structure (nothing written), then the same write carrying it.
    expect(first.convex).toEqual(["mutation bot/episodes:markEpisodesFor", "mutation bot/episodes:markEpisodesFor"]);
    // The show's details with seasons 0–19 appended, then its 21st season: two requests.
    expect(first.tmdb).toBe(2);
  });

  it("caches a short show Convex hasn't seen with one TMDB request, and a movie's id given to /ep still gets advice", async () => {
    const chernobyl = await cost("/ep show:tv:87108 season:1 episode:1");
    expect(reply(chernobyl.events)).toContain("Chernobyl");
    expect(chernobyl).toMatchObject({
      convex: ["mutation bot/episodes:markEpisodesFor", "mutation bot/episodes:markEpisodesFor"],
      tmdb: 1,
    });
    const movie = await cost("/ep show:27205 season:1 episode:1");
    expect(reply(movie.events)).toContain("is the movie **Inception**");
  });

  it("makes exactly one Convex call and no TMDB call for warm episode commands and their buttons", async () => {
    const ep = await cost("/ep show:tv:37854 season:1 episode:2");
    expect(ep).toMatchObject({ convex: ["mutation bot/episodes:markEpisodesFor"], tmdb: 0 });
    const next = await cost('click "Mark S1E3"');
    expect(reply(next.events)).toContain("S1E3");
    expect(next).toMatchObject({ convex: ["mutation bot/episodes:markEpisodesFor"], tmdb: 0 });
    const season = await cost("/mark season show:tv:37854 season:2");
    expect(season).toMatchObject({ convex: ["mutation bot/episodes:markAllFor"], tmdb: 0 });
    const undo = await cost('click "Undo"');
    expect(reply(undo.events)).toContain("Undone");
    expect(undo).toMatchObject({ convex: ["mutation bot/undo:undo"], tmdb: 0 });
  });

  it("answers a whole-show marking, job progress included, from its one write", async () => {
    const show = await cost("/mark show show:tv:37854");
    expect(show.convex).toEqual(["mutation bot/episodes:markAllFor"]);
    expect(show.tmdb).toBe(0);
  });

  it("makes exactly one Convex call for warm /watch changes, their buttons and /watch info", async () => {
    await cost("/watch info title:movie:27205");
    for (const script of [
      "/watch add title:movie:27205",
      'click "Finished"',
      'select "👍 Liked"',
      "/watch status title:tv:37854 status:watching",
      "/watch info title:tv:37854",
    ]) {
      const step = await cost(script);
      expect(step.convex, script).toHaveLength(1);
      expect(step.tmdb, script).toBe(0);
    }
  });
  it("renders /ep, /mark by id and their buttons from what Convex stores, with TMDB's cache cold (a restart)", async () => {
    s.bot.ctx.tmdb.clearCache();
    const show = await cost("/mark show show:tv:37854 watched:false");
    expect(reply(show.events)).toContain("One Piece");
    expect(show).toMatchObject({ convex: ["mutation bot/episodes:markAllFor"], tmdb: 0 });
    const ep = await cost("/ep show:tv:37854 season:1 episode:1");
    expect(reply(ep.events)).toContain("S1E1");
    expect(ep).toMatchObject({ convex: ["mutation bot/episodes:markEpisodesFor"], tmdb: 0 });
    const next = await cost('click "Mark S1E2"');
    expect(reply(next.events)).toContain("S1E2");
    expect(next).toMatchObject({ convex: ["mutation bot/episodes:markEpisodesFor"], tmdb: 0 });
  });

  it("draws /watch cards by id, their buttons and Undo from the person's stored item, with TMDB's cache cold", async () => {
    await cost("/watch add title:movie:155");
    s.bot.ctx.tmdb.clearCache();
    const info = await cost("/watch info title:movie:155");
    expect(reply(info.events)).toContain("The Dark Knight");
    expect(info).toMatchObject({ convex: ["query bot/titles:getTitleState"], tmdb: 0 });
    const status = await cost("/watch status title:movie:155 status:watching");
    expect(reply(status.events)).toContain("Watching — **The Dark Knight** (2008)");
    expect(status).toMatchObject({ convex: ["mutation bot/titles:setStatus"], tmdb: 0 });
    const click = await cost('click "Finished"');
    expect(click).toMatchObject({ convex: ["mutation bot/titles:setStatus"], tmdb: 0 });
    const undo = await cost('click "Undo"');
    expect(reply(undo.events)).toContain("Undone — The Dark Knight is back to Watching");
    expect(undo).toMatchObject({ convex: ["mutation bot/undo:undo"], tmdb: 0 });
  });

  it("asks TMDB for a title the person never tracked, once, and stores it with the write", async () => {
    s.bot.ctx.tmdb.clearCache();
    const status = await cost("/watch status title:movie:680 status:watching");
    expect(reply(status.events)).toContain("Watching — **Pulp Fiction**");
    // Refused for want of a stored title (nothing written), then sent with TMDB's details.
    expect(status).toMatchObject({ convex: ["mutation bot/titles:setStatus", "mutation bot/titles:setStatus"], tmdb: 1 });
    const again = await cost('click "Finished"');
    expect(again).toMatchObject({ convex: ["mutation bot/titles:setStatus"], tmdb: 0 });
    // Adding is usually of a title not yet held for this person: it looks TMDB up first, one write.
    s.bot.ctx.tmdb.clearCache();
    const add = await cost("/watch add title:movie:238");
    expect(add).toMatchObject({ convex: ["mutation bot/titles:addToWatchlist"], tmdb: 1 });
  });

  it("sends a show's details and structure at once when Convex lacks both, by id with TMDB's cache cold", async () => {
    s.bot.ctx.tmdb.clearCache();
    const react = await cost("/watch react title:tv:1398 reaction:loved");
    expect(reply(react.events)).toContain("**The Sopranos**");
    // One refusal naming both needs, then one write carrying both, from one TMDB request (details with seasons appended).
    expect(react.convex).toEqual(["mutation bot/titles:setReactionFor", "mutation bot/titles:setReactionFor"]);
    expect(react.tmdb).toBe(1);
  });
});

describe("per-user throttling", () => {
  it("refuses a flood of writes in Convex, with a retry time, and keeps the first eight", async () => {
    await s.engine.wait(10_000);
    const statuses = Array.from(
      { length: 10 },
      (_, i) => `/watch status title:movie:${[27205, 155, 157336, 603, 680, 550, 238, 496243, 129, 438631][i]} status:watching`,
    );
    const events = await run(s, `as sam\nin movie-club #general\n${statuses.join("\n")}`);
    const replies = ofType(events, "reply", "followup").map((e) => text(e));
    expect(replies.filter((r) => r.includes("Slow down a little — try again in 1s."))).toHaveLength(2);
    expect(replies.filter((r) => r.includes("Watching —"))).toHaveLength(8);
  });

  it("limits reads in the process, which costs Convex nothing", async () => {
    await s.engine.wait(10_000);
    calls.length = 0;
    const events = await run(s, `as tom\nin movie-club #general\n${Array.from({ length: 10 }, () => "/help").join("\n")}`);
    expect(ofType(events, "reply").filter((e) => /Slow down a little — try again in \ds/.test(text(e))).length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });
});
