// Real TMDB shapes through the whole bot (issue: aired vs announced episodes, TMDB's own episode
// numbers, shows with nothing aired). The offline catalog reproduces each: Second Wind (990103) is
// mid-season (season 2 lists 6 episodes, 3 aired, one more weekly), Grand Voyage (990104) numbers
// its episodes absolutely (season 3 is E25–E32, E25–E26 aired), First Light (990105) has nothing
// aired (its first episode airs 10 days after the sandbox starts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webEpisodes, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const at = (user: string) => `as ${user}\nin movie-club #general\n`;
const last = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);
const replies = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup");
/** `<t:…:R>` for 00:00 UTC of the day `days` after the sandbox clock's today. */
const DAY = 24 * 60 * 60 * 1000;
const dayStamp = (days: number) => {
  const today = new Date(new Date(s.engine.clock.now()).toISOString().slice(0, 10) + "T00:00:00Z").getTime();
  return Math.floor((today + days * DAY) / 1000);
};

describe("a show in the middle of a season (TMDB lists episodes that haven't aired)", () => {
  it("marking every aired episode is caught up (not 75 %), Up next says when the next airs, and the unaired one is refused with its date", async () => {
    const events = await run(s, `${at("mia")}/ep 990103 1 all\n/ep 990103 2 all`);
    const season2 = replies(events).at(-1);
    expect(text(season2)).toContain("✅ Marked 3 episodes. (season 2)");
    expect(text(season2)).toContain("9/9 episodes · 100%");
    expect(text(season2)).not.toContain("/12");
    // Caught up on a returning show: still Watching, and the next episode is announced, not offered.
    expect(text(season2)).toMatch(/All caught up — \*\*S2E4\*\* airs <t:\d+:R>\./);
    expect(buttons(season2)).not.toContain("Mark S2E4");

    const early = await run(s, `${at("mia")}/ep 990103 2 4`);
    expect(text(last(early))).toMatch(
      /S2E4 of Second Wind hasn't aired yet — it airs <t:\d+:D> \(<t:\d+:R>\)\. Season 2 has aired through S2E3: nothing was marked\./,
    );
    expect(await webEpisodes(s, "mia", 990103)).not.toContain("S2E4");

    const info = await run(s, `${at("mia")}/watch info title:tv:990103`);
    expect(text(last(info))).toContain("Status: ▶️ Watching");
    expect(text(last(info))).toContain(`**S2E4** airs <t:${dayStamp(7)}:R>`);
  });

  it("Up next names the next aired episode, never an announced one, and the next one once it airs", async () => {
    const events = await run(s, `${at("noa")}/ep 990103 1 all\n/ep 990103 2 1-2`);
    expect(text(last(events))).toContain("8/9 episodes");
    expect(text(last(events))).toContain("**S2E3** · Dead Reckoning");
    expect(buttons(last(events))).toContain("Mark S2E3");
    const marked = await run(s, `${at("noa")}click "Mark S2E3"`);
    expect(text(last(marked))).toMatch(/All caught up — \*\*S2E4\*\* airs/);
  });
});

describe("a season TMDB numbers absolutely (S3E25–S3E32)", () => {
  it("/ep takes TMDB's number or the place in the season, says which it used, and refuses one not aired", async () => {
    const byNumber = await run(s, `${at("kai")}/ep 990104 3 26`);
    expect(text(last(byNumber))).toContain("✅ Watched **S3E26**");
    expect(text(last(byNumber))).toContain("read 26 as TMDB's episode number");
    const byPlace = await run(s, `${at("kai")}/ep 990104 3 1`);
    expect(text(last(byPlace))).toContain("✅ Watched **S3E25**");
    expect(text(last(byPlace))).toContain("Read 1 as episode 1 of season 3 in order, which TMDB numbers E25.");
    expect(await webEpisodes(s, "kai", 990104)).toEqual(["S3E25", "S3E26"]);
    const unaired = await run(s, `${at("kai")}/ep 990104 3 27`);
    expect(text(last(unaired))).toMatch(/S3E27 of Grand Voyage hasn't aired yet — it airs <t:\d+:D>/);
    const nowhere = await run(s, `${at("kai")}/ep 990104 3 40`);
    expect(text(last(nowhere))).toContain("TMDB numbers season 3 of Grand Voyage E25–E32 (8 episodes); there is no episode 40");
  });

  it("progress and the new-episode alert use TMDB's numbers: caught up on E26, the alert names S3E27 and its button marks it", async () => {
    const before = await run(s, `${at("lea")}/ep 990104 1 all\n/ep 990104 2 all\n/ep 990104 3 all`);
    expect(text(last(before))).toContain("26/26 episodes · 100%");
    expect(text(last(before))).toMatch(/All caught up — \*\*S3E27\*\* airs/);
    const dms: Event[] = [];
    const listener = (e: Event) => {
      if (e.t === "dm" && e.to === "lea") dms.push(e);
    };
    s.discord.on("event", listener);
    try {
      await run(s, "wait 8d");
    } finally {
      s.discord.off("event", listener);
    }
    const alert = dms.find((e) => String(e.content).includes("Grand Voyage"));
    // Her first DM from the bot, so it also says how to stop them.
    expect(String(alert?.content).split("\n")[0]).toBe("🆕 S3E27 of **Grand Voyage** is out.");
    expect(alert?.content).toContain("`/remind off`");
    expect(buttons(alert)).toContain("Mark S3E27 watched");
    const events = await run(s, `as lea\nin dm\nclick "Mark S3E27 watched"`);
    expect(text(ofType(events, "reply_edit", "message_edit").at(-1))).toContain("✅ Marked S3E27 of **Grand Voyage**.");
    expect(await webEpisodes(s, "lea", 990104)).toContain("S3E27");
  });
});

describe("a show with nothing aired yet", () => {
  it("has nothing to mark, and its card says when the first episode airs", async () => {
    const events = await run(s, `${at("ola")}/ep 990105 1 1\n/ep 990105 1 all\n/watch add title:tv:990105\n/watch info title:tv:990105`);
    const [one, all] = replies(events);
    expect(text(one)).toMatch(
      /S1E1 of First Light hasn't aired yet — it airs <t:\d+:D> \(<t:\d+:R>\)\. Nothing of that season has aired yet: nothing was marked\./,
    );
    expect(text(all)).toMatch(/Nothing of First Light season 1 has aired yet — S1E1 airs <t:\d+:D>/);
    expect(await webEpisodes(s, "ola", 990105)).toEqual([]);
    const info = last(events);
    expect(text(info)).toContain("No episode has aired yet — nothing to mark.");
    expect(text(info)).toMatch(/Nothing has aired yet — \*\*S1E1\*\* airs <t:\d+:R>\./);
    expect(buttons(info)).not.toContain("Mark S1E1");
  });
});

describe("with TMDB slow", () => {
  it("/ep's autocomplete offers the person's saved shows in time, instead of nothing", async () => {
    await run(s, `${at("vik")}/ep show:tv:1396 season:1 episode:1`);
    s.tmdb.setFaults({ delayMs: 3_000 });
    try {
      const events = await run(s, `${at("vik")}autocomplete /ep show:breaking`);
      expect(ofType(events, "autocomplete")[0]!.choices).toEqual([{ name: "Breaking Bad · TV · saved (TMDB is down)", value: "tv:1396" }]);
    } finally {
      s.tmdb.setFaults({});
    }
  });
});

describe("with TMDB down", () => {
  it("/ep on a show Convex has cached still works and says it used the saved episode list; autocomplete offers the person's saved shows; an uncached show gets a clear message", async () => {
    await run(s, `${at("uma")}/ep show:tv:1396 season:1 episode:1`);
    s.tmdb.setFaults({ serverError: 100_000 });
    try {
      // Past the 12 hours after which Convex wants TMDB's word on the show again.
      const events = await run(
        s,
        `wait 13h\n${at("uma")}/ep show:tv:1396 season:1 episode:2\nautocomplete /ep show:breaking\n/ep show:tv:1438 season:1 episode:1`,
      );
      const [marked, uncached] = replies(events);
      expect(text(marked)).toContain("✅ Watched **S1E2**");
      expect(text(marked)).toContain("TMDB isn't answering right now, so this uses the episode list I saved earlier");
      expect(ofType(events, "autocomplete")[0]!.choices).toEqual([{ name: "Breaking Bad · TV · saved (TMDB is down)", value: "tv:1396" }]);
      expect(text(uncached)).toContain("TMDB is not answering right now — nothing was changed.");
    } finally {
      s.tmdb.setFaults({});
    }
  });

  it("/watch add of a title the person has stored still works (past the bot's own TMDB cache); one nobody stored gets a clear message", async () => {
    await run(
      s,
      `${at("vic")}/watch add title:movie:157336
/watch status title:movie:157336 status:finished`,
    );
    s.tmdb.setFaults({ serverError: 100_000 });
    try {
      const events = await run(
        s,
        `wait 7h
${at("vic")}/watch add title:movie:157336
/watch add title:movie:155`,
      );
      const [stored, unknown] = replies(events);
      expect(text(stored)).toContain("Interstellar");
      expect(text(stored)).toContain("already on your watchlist");
      expect(text(unknown)).toContain("TMDB is not answering right now — nothing was changed.");
    } finally {
      s.tmdb.setFaults({});
    }
  });
});
