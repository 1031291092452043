// Undo says what it did (the state it left) and stays on the card it was pressed on; Share keeps the card.
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

const last = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);
const at = (user: string) => `as ${user}\nin movie-club #general\n`;

describe("Undo", () => {
  it("after /ep watched:false says the episode is watched again, on the episode card", async () => {
    await run(s, `${at("uma")}/ep show:1399 season:1 episode:1-3`);
    const unmarked = await run(s, `${at("uma")}/ep show:1399 season:1 episode:3 watched:false`);
    expect(text(last(unmarked))).toContain("↩️ Unwatched **S1E3**");
    const undone = await run(s, `${at("uma")}click "Undo"`);
    const card = last(undone)!;
    expect(text(card)).toContain("↩️ Undone — S1E3 of Game of Thrones is watched again.");
    expect(text(card)).not.toContain("unmarked");
    expect(await webEpisodes(s, "uma", 1399)).toEqual(["S1E1", "S1E2", "S1E3"]);
    // Still the episode card: the show's progress and the next episode to mark, no title-card controls.
    expect(card.embeds[0].title).toBe("Game of Thrones");
    expect(text(card)).toContain("S1E4");
    expect(buttons(card)).toContain("Mark S1E4");
    expect(buttons(card)).not.toContain("Remove from watchlist");
    expect(buttons(card)).not.toContain("Undo");
  });

  it("after /mark show says every episode it marked is unwatched again", async () => {
    await run(s, `${at("vic")}/ep show:1399 season:1 episode:1`);
    const marked = await run(s, `${at("vic")}/mark show show:1399`);
    expect(text(last(marked))).toContain("Marked");
    const undone = await run(s, `${at("vic")}click "Undo"`);
    const card = last(undone)!;
    expect(text(card)).toMatch(/↩️ Undone — \d+ episodes of Game of Thrones are unwatched again\./);
    expect(text(card)).not.toContain("marked every episode");
    expect(await webEpisodes(s, "vic", 1399)).toEqual(["S1E1"]);
  });
});

describe("Undo with TMDB down", () => {
  it("an undo that went through says so, never TMDB's 'nothing was changed'", async () => {
    // Followed through its episodes: Convex stores the show's name, not TMDB's overview.
    await run(s, `${at("ann")}/ep show:1399 season:1 episode:1`);
    // A fresh process: it holds no TMDB details of the show, only Convex does.
    await s.restartBot();
    try {
      const added = await run(s, `${at("ann")}tmdb down\n/watch add title:tv:1399`);
      expect(text(last(added))).toContain("Added **Game of Thrones**");
      const undone = await run(s, `${at("ann")}click "Undo"`);
      expect(text(last(undone))).toContain("↩️ Undone");
      expect(text(last(undone))).not.toContain("nothing was changed");
      expect(await webEpisodes(s, "ann", 1399)).toEqual(["S1E1"]);
    } finally {
      await run(s, "tmdb up");
    }
  });
});

describe("Share", () => {
  it("keeps the person's own card, with its buttons but Share", async () => {
    const events = await run(s, `${at("wes")}/watch react title:movie:496243 reaction:loved\nclick "Share"`);
    const card = ofType(events, "reply")[0]!;
    expect(buttons(card)).toContain("Share");
    const after = ofType(events, "reply_edit").at(-1)!;
    expect(after.content).toBe("📣 Shared with the channel.");
    // The card is still there: the title, the person's reaction, and every button except Share.
    expect(after.embeds).toEqual(card.embeds);
    expect(text(after)).toContain("Parasite");
    expect(buttons(after)).toEqual(buttons(card).filter((label) => label !== "Share"));
    expect(buttons(after)).toContain("Undo");
    const post = ofType(events, "reply", "followup").find((e) => e.ephemeral === false);
    expect(text(post)).toContain("loved **Parasite**");
  });
});

describe("Marking ahead", () => {
  it("offers the episodes before it with a button, and marks them only on the click", async () => {
    const events = await run(s, `${at("xia")}/ep show:1399 season:1 episode:5`);
    const card = last(events)!;
    expect(buttons(card)).toContain("Mark S1E1–E4 too");
    expect(await webEpisodes(s, "xia", 1399)).toEqual(["S1E5"]);
    const clicked = await run(s, `${at("xia")}click "Mark S1E1–E4 too"`);
    expect(text(last(clicked))).toContain("Marked 4 episodes");
    expect(await webEpisodes(s, "xia", 1399)).toEqual(["S1E1", "S1E2", "S1E3", "S1E4", "S1E5"]);
  });

  it("is not offered when something before it is watched, from the start, or when unmarking", async () => {
    const events = await run(
      s,
      `${at("yan")}/ep show:1399 season:1 episode:1\n/ep show:1399 season:1 episode:6\n/ep show:1399 season:2 episode:2-3\n/ep show:1399 season:2 episode:3 watched:false`,
    );
    const cards = ofType(events, "reply");
    expect(buttons(cards[0])).not.toContain("Mark S1E1 too");
    expect(buttons(cards[1]).some((label) => label.includes("too"))).toBe(false);
    expect(buttons(cards[2])).toContain("Mark S2E1 too");
    expect(buttons(cards[3]).some((label) => label.includes("too"))).toBe(false);
  });

  it("with TMDB down, the click marks from the episode list Convex saved, as the card it is on did", async () => {
    await run(s, `${at("zed")}/ep show:1399 season:1 episode:1`);
    // A fresh process: nothing of the show is held in memory, only in Convex.
    await s.restartBot();
    try {
      const events = await run(s, `${at("zed")}tmdb down\n/ep show:1399 season:2 episode:5`);
      expect(buttons(last(events))).toContain("Mark S2E1–E4 too");
      const clicked = await run(s, `${at("zed")}click "Mark S2E1–E4 too"`);
      expect(text(last(clicked))).toContain("Marked 4 episodes");
      expect(await webEpisodes(s, "zed", 1399)).toEqual(["S1E1", "S2E1", "S2E2", "S2E3", "S2E4", "S2E5"]);
    } finally {
      await run(s, "tmdb up");
    }
  });
});
