import { describe, expect, it } from "vitest";
import { validateMessageBody } from "../../sandbox/discord/validate.ts";
import {
  decodeComponentId,
  frontierLines,
  newEpisodeDm,
  partyBoard,
  partyStatus,
  reminderDm,
  restMessageBody,
  watchedTogetherPrompt,
  type BoardMember,
  type MessageView,
  type PartyBoardData,
  type StalledShow,
} from "../../src/views/index.ts";

function discordErrors(view: MessageView): string[] {
  return validateMessageBody(restMessageBody(view)).lines();
}

const labels = (view: MessageView) => view.components.flatMap((row) => row.components.map((c) => ("label" in c ? c.label : "")));
const ids = (view: MessageView) => view.components.flatMap((row) => row.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
const hostile = (n: number) => "*_`|~>#[@everyone](<@123456789012345678>)\\".repeat(Math.ceil(n / 40)).slice(0, n);
const partyId = "j57a8b9c0d1e2f3g4h5j6k7m8n9p0q1r";

function member(i: number, watched: number, total = 10, name = `member ${i}`): BoardMember {
  return {
    discordUserId: String(100_000_000_000_000_000n + BigInt(i)),
    displayName: name,
    watched,
    total,
    position: watched === 0 ? null : { season: 1, episode: watched },
  };
}

const board = (members: BoardMember[], extra: Partial<PartyBoardData> = {}): PartyBoardData => ({
  partyId,
  show: { title: "Severance", posterUrl: "https://image.tmdb.org/t/p/w342/severance.jpg" },
  hostName: "ann",
  members,
  episodeNames: { S1E1: "Good News About Hell", S1E2: "Half Loop", S1E3: "In Perpetuity", S1E4: "The You You Are" },
  ...extra,
});

describe("the party board", () => {
  it("groups members finished, watching and not started, each with a bar and their position", () => {
    const view = partyBoard(board([member(1, 10), member(2, 4), member(3, 0), member(4, 6)]));
    const text = view.embeds[0]!.description!;
    expect(text.indexOf("Finished")).toBeLessThan(text.indexOf("Watching"));
    expect(text.indexOf("Watching")).toBeLessThan(text.indexOf("Not started"));
    expect(text).toContain("▰▰▰▰▰▰▰▰▰▰ **member 1** · S1E10 · 10/10");
    expect(text.indexOf("member 4")).toBeLessThan(text.indexOf("member 2"));
    expect(labels(view)).toEqual(["Join", "We watched together"]);
    expect(ids(view).map((id) => decodeComponentId(id))).toEqual([
      { name: "party:join", args: { partyId } },
      { name: "party:watched", args: { partyId } },
    ]);
  });

  it("names episodes only up to the slowest member, and counts who has reached further", () => {
    const members = [member(1, 2), member(2, 6), member(3, 6), member(4, 4), member(5, 6)];
    const lines = frontierLines(members, { S1E2: "Half Loop", S1E6: "Hide and Seek" });
    expect(lines).toEqual(["Everyone has reached **S1E2** · Half Loop", "Furthest: 3 of 5 have reached **S1E6**"]);
    const text = partyBoard(board(members, { episodeNames: { S1E2: "Half Loop", S1E6: "Hide and Seek" } })).embeds[0]!.description!;
    expect(text).not.toContain("Hide and Seek");
  });

  it("shows 25 members in full and summarises the rest, inside Discord's limits, with the hostile names made inert", () => {
    const members = Array.from({ length: 200 }, (_, i) => member(i, i % 11, 10, hostile(300)));
    const view = partyBoard(
      board(members, {
        name: hostile(500),
        show: { title: hostile(500) },
        hostName: hostile(500),
        nextSessionAt: Date.UTC(2026, 11, 24, 20),
      }),
    );
    expect(discordErrors(view)).toEqual([]);
    const text = view.embeds[0]!.description!;
    expect((text.match(/▰|▱/g) ?? []).length / 10).toBe(25);
    expect(text).toMatch(/…and \d+ more members/);
    expect(text).not.toMatch(/@everyone|<@\d+>/);
    expect(text).toContain("<t:1798142400:f>");
    expect(restMessageBody(view).allowed_mentions).toEqual({ parse: [] });
  });

  it("gives the asker's own line a mark in their private copy, even past the 25 shown", () => {
    const members = Array.from({ length: 60 }, (_, i) => member(i, 10 - (i % 10)));
    const me = members[59]!;
    const text = partyStatus(board(members), me.discordUserId).embeds[0]!.description!;
    expect(text).toContain(`➤ `);
    expect(text).toContain(`__**member 59**__`);
    expect(partyStatus(board(members), me.discordUserId).components).toEqual([]);
  });

  it("invites people to join an empty party", () => {
    expect(partyBoard(board([])).embeds[0]!.description).toContain("Nobody has joined yet");
  });

  it("asks who was there for episodes watched together, with one button that marks them", () => {
    const view = watchedTogetherPrompt({ promptId: partyId, showTitle: "Severance", what: "S1E5–E6", expiresAt: Date.UTC(2026, 0, 1) });
    expect(view.content).toContain(
      "We watched S1E5–E6 of **Severance** — were you there? Click to mark them for yourself (until <t:1767225600:f>).",
    );
    expect(decodeComponentId(ids(view)[0]!)).toEqual({ name: "party:there", args: { promptId: partyId } });
    expect(discordErrors(view)).toEqual([]);
  });
});

describe("a movie party's board", () => {
  const film = (members: BoardMember[], movie: Partial<NonNullable<PartyBoardData["movie"]>> = {}) =>
    board(members, {
      show: { title: "Fight Club" },
      movie: {
        year: 1999,
        runtime: 139,
        providers: { region: "GB", stream: ["Disney Plus"], rent: ["Apple TV"], buy: [] },
        seen: members.filter((m) => m.watched > 0).length,
        ...movie,
      },
    });

  it("shows the film, where to watch it, how many have seen it, and how the night went in counts only", () => {
    const view = partyBoard(
      film([member(1, 1, 1), member(2, 0, 1), member(3, 1, 1)], {
        night: { at: Date.UTC(2026, 11, 4, 20), there: 2, reactions: { loved: 1, liked: 0, mixed: 1, "not-for-me": 0 } },
      }),
    );
    const text = `${view.embeds[0]!.title}\n${view.embeds[0]!.description}`;
    expect(text).toContain("🎬 Fight Club");
    expect(text).toContain("1999 · ⏱️ 2h 19m");
    expect(text).toContain("**Where to watch** (GB): Stream: Disney Plus · Rent: Apple TV");
    expect(text).toContain("👀 2 of 3 members have already seen it");
    expect(text).toContain("2 were there · ❤️ 1 Loved · 😐 1 Mixed");
    expect(text).not.toContain("▰");
    expect(labels(view)).toEqual(["Join", "We watched it"]);
    expect(discordErrors(view)).toEqual([]);
  });

  it("stays inside Discord's limits with 200 hostile names and providers, and marks the asker's own line privately", () => {
    const members = Array.from({ length: 200 }, (_, i) => member(i, i % 2, 1, hostile(300)));
    const names = Array.from({ length: 6 }, () => hostile(60));
    const view = partyBoard(
      film(members, { providers: { region: "US", link: "https://x.test/", stream: names, rent: names, buy: names } }),
    );
    expect(discordErrors(view)).toEqual([]);
    expect(view.embeds[0]!.description).not.toMatch(/@everyone|<@\d+>/);
    const mine = partyStatus(film([member(1, 0, 1), member(2, 1, 1)]), member(1, 0, 1).discordUserId).embeds[0]!.description!;
    expect(mine).toContain("__**member 1**__ (you, not seen yet)");
  });
});

describe("reminder DMs", () => {
  const stalled = (i: number, title = `Show ${i}`): StalledShow => ({
    tmdbId: 1000 + i,
    title,
    next: { season: 2, episode: 3, name: "The Next One" },
    watched: 12,
    total: 20,
    percent: 60,
    idleDays: 9,
  });

  it("name the next episode, what is left and a bar, with Mark watched, Snooze a week, Stop and Settings", () => {
    const view = reminderDm({ shows: [stalled(1, "Severance")], first: true });
    const embed = view.embeds[0]!;
    expect(embed.description).toContain("Up next: **S2E3** · The Next One");
    expect(embed.description).toContain("8 episodes left · last one 9 days ago");
    // Just marked (the DM edited after Mark watched): "today", not "0 days ago".
    expect(reminderDm({ shows: [{ ...stalled(1), idleDays: 0 }], first: false }).embeds[0]!.description).toContain("last one today");
    expect(reminderDm({ shows: [{ ...stalled(1), idleDays: 1 }], first: false }).embeds[0]!.description).toContain("last one yesterday");
    expect(embed.description).toContain("▰");
    expect(labels(view)).toEqual(["Mark S2E3 watched — Severance", "Snooze a week", "Stop for this show", "Settings"]);
    expect(view.content).toContain("`/remind off`");
    expect(decodeComponentId(ids(view)[0]!)).toEqual({ name: "remind:mark", args: { tmdbId: 1001, season: 2, episode: 3 } });
  });

  it("put several shows in one DM, with buttons for four and the rest named", () => {
    const view = reminderDm({ shows: Array.from({ length: 9 }, (_, i) => stalled(i, hostile(400))), first: false });
    expect(discordErrors(view)).toEqual([]);
    expect(view.embeds).toHaveLength(4);
    expect(view.components).toHaveLength(5);
    expect(view.content).toContain("Also waiting:");
    expect(view.content).not.toContain("/remind off");
    expect(view.content).not.toMatch(/@everyone|<@\d+>/);
  });

  it("announce a new episode with Mark watched and Stop", () => {
    const view = newEpisodeDm({ tmdbId: 95396, title: "Severance", episode: { season: 3, episode: 5 } });
    expect(view.content).toBe("🆕 S3E5 of **Severance** is out.");
    expect(labels(view)).toEqual(["Mark S3E5 watched", "Stop"]);
    expect(discordErrors(view)).toEqual([]);
  });
});
