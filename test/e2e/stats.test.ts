// /stats end to end (docs/stats.md): the numbers after /ep marks, another member's stats only where
// they share them, the server's leaderboard, and the year in review as a PNG attachment.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { nodeCardRenderer } from "../../src/lib/year-card-render.ts";
import type { CardRenderer } from "../../src/views/year-card.ts";
import { INTERACTIONS, ofType, run, stack, text, type Event } from "./harness.ts";

/** What the doors drew, newest last: the SVG (to read the numbers back) and the PNG sent. */
const drawn: { key: string; svg: string; png: Uint8Array }[] = [];
const real = nodeCardRenderer();
const recording: CardRenderer = {
  async png(key, svg) {
    const png = await real.png(key, svg);
    drawn.push({ key, svg, png });
    return png;
  },
};

let s: Stack;
beforeAll(async () => {
  s = await stack({ cards: recording });
});
afterAll(async () => {
  await s?.stop();
});

const at = (user: string) => `as ${user}\nin movie-club #general\n`;
const replies = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup");
const last = (events: Event[]) => replies(events).at(-1);

/** The width and height in a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("/stats", () => {
  it("shows the episodes marked with /ep, and their hours", async () => {
    const events = await run(s, `${at("kim")}/ep 1399 1 1-3\n/stats show`);
    expect(ofType(events, "error")).toEqual([]);
    const card = last(events);
    expect(card).toMatchObject({ ephemeral: true });
    expect(text(card)).toMatch(/Your stats — all time/);
    expect(card!.embeds[0].fields).toEqual(expect.arrayContaining([{ name: "Episodes", value: "3", inline: true }]));
    expect(text(card)).toContain("Game of Thrones — 3 episodes");
    // Hours from TMDB's episode runtimes (the offline catalog's, as the bot cached them with the show).
    const catalog = JSON.parse(readFileSync(new URL("../../data/tmdb/tv/1399.json", import.meta.url), "utf8"));
    const minutes = (catalog["season/1"].episodes as { runtime: number }[]).slice(0, 3).reduce((sum, e) => sum + e.runtime, 0);
    expect(minutes).toBeGreaterThan(0);
    const hours = card!.embeds[0].fields.find((f: { name: string }) => f.name === "Hours watched").value;
    expect(hours).toBe(`${Math.round(minutes / 6) / 10} h`);
  });

  it("a film finished with /watch status adds its runtime to the hours and its genres to the top genres", async () => {
    const catalog = JSON.parse(readFileSync(new URL("../../data/tmdb/movie/603.json", import.meta.url), "utf8"));
    expect(catalog.runtime).toBeGreaterThan(0);
    const events = await run(s, `${at("max")}/watch status title:movie:603 status:finished\n/stats show`);
    expect(ofType(events, "error")).toEqual([]);
    const fields = last(events)!.embeds[0].fields as { name: string; value: string }[];
    const value = (name: string) => fields.find((f) => f.name === name)?.value;
    expect(value("Films")).toBe("1");
    expect(value("Hours watched")).toBe(`${Math.round(catalog.runtime / 6) / 10} h`);
    const genres = (catalog.genres as { name: string }[]).map((g) => `${g.name} (1)`);
    expect(genres.length).toBeGreaterThan(0);
    expect(value("Top genres")).toBe(genres.join(" · "));
  });

  it("refuses another member's stats privately until they share them here; then shows them", async () => {
    await run(s, `${at("lou")}/ep 1399 1 1-2`);
    const refused = await run(s, `${at("kim")}/stats show user:lou`);
    expect(last(refused)).toMatchObject({ ephemeral: true });
    expect(text(last(refused))).toContain("don't share their stats in this server");
    expect(text(last(refused))).not.toMatch(/Episodes/);

    const shared = await run(s, `${at("lou")}/stats share state:on\n${at("kim")}/stats show user:lou`);
    expect(text(replies(shared)[0])).toContain("You now share your stats in this server");
    const card = last(shared);
    expect(text(card)).toMatch(/lou's stats — all time/i);
    expect(card!.embeds[0].fields).toEqual(expect.arrayContaining([{ name: "Episodes", value: "2", inline: true }]));
    expect(card!.mentions).toEqual({ everyone: false, users: [], roles: [] });
  });

  it("/stats server lists those who share, by episodes, and pings nobody", async () => {
    const events = await run(s, `${at("kim")}/stats share state:on\n/ep 1399 2 1-4\n/stats server period:year`);
    expect(ofType(events, "error")).toEqual([]);
    const board = last(events);
    const episodes = board!.embeds[0].fields.find((f: { name: string }) => f.name === "Episodes").value as string;
    // kim: 3 + 4 = 7 episodes, lou: 2.
    expect(episodes.split("\n")).toEqual([expect.stringMatching(/^1\. kim — 7$/i), expect.stringMatching(/^2\. lou — 2$/i)]);
    expect(board!.mentions).toEqual({ everyone: false, users: [], roles: [] });
  });

  it.runIf(INTERACTIONS !== "http")("/stats year replies with a PNG card of the numbers, and Share posts it publicly", async () => {
    drawn.length = 0;
    const events = await run(s, `${at("kim")}/stats year\nclick "Share"`);
    expect(ofType(events, "error")).toEqual([]);
    const file = replies(events).find((e) => e.attachments?.length && e.ephemeral);
    expect(file?.attachments[0]).toMatchObject({ filename: `film-fanatic-${new Date().getUTCFullYear()}.png` });
    expect(file!.attachments[0].size).toBeLessThanOrEqual(10 * 1024 * 1024);
    const card = drawn[0]!;
    expect(file!.attachments[0].size).toBe(card.png.byteLength);
    expect(pngSize(card.png)).toEqual({ width: 1200, height: 675 });
    // The numbers drawn are kim's: 7 episodes, 1 show (Game of Thrones) with 7 of them.
    expect(card.svg).toContain(">7</text>");
    expect(card.svg).toContain(">episodes</text>");
    expect(card.svg).toContain(">Game of Thrones</text>");
    expect(card.svg).toMatch(/>7 episodes · [\d.]+ h<\/text>/);

    const shared = replies(events).find((e) => e.attachments?.length && !e.ephemeral);
    expect(shared).toBeDefined();
    expect(text(shared)).toMatch(/kim's \d{4} in review/i);
    expect(shared!.mentions).toEqual({ everyone: false, users: [], roles: [] });
    // The same figures: the second drawing came from the cache (same bytes).
    expect(drawn[1]?.png).toBe(card.png);
  });

  it.runIf(INTERACTIONS !== "http")("the year card speaks the person's language; its Share post, the server's (en-US here)", async () => {
    drawn.length = 0;
    const events = await run(s, `as kim locale:de\nin movie-club #general\n/stats year\nclick "Teilen"`);
    expect(ofType(events, "error")).toEqual([]);
    const own = replies(events).find((e) => e.attachments?.length && e.ephemeral);
    expect(text(own)).toMatch(/Dein Jahresrückblick \d{4}\. \*\*Teilen\*\* postet ihn in diesem Kanal\./);
    expect(drawn[0]!.svg).toMatch(/>kim: Jahresrückblick \d{4}<\/text>/);
    expect(drawn[0]!.svg).toMatch(/>7 Folgen · [\d,]+ Std\.<\/text>/);
    const shared = replies(events).find((e) => e.attachments?.length && !e.ephemeral);
    expect(text(shared)).toMatch(/^🎬 kim's \d{4} in review$/);
    expect(drawn[1]!.svg).toMatch(/>kim&apos;s \d{4} in review<\/text>/);
    expect(drawn[1]!.svg).toContain(">Most watched</text>");
  });

  it.runIf(INTERACTIONS === "http")(
    "/stats year over the deployment's door (no renderer there) answers with the numbers instead",
    async () => {
      const events = await run(s, `${at("kim")}/stats year`);
      expect(ofType(events, "error")).toEqual([]);
      const answer = last(events);
      expect(answer?.attachments ?? []).toEqual([]);
      expect(text(answer)).toContain("The image can't be drawn here; your numbers:");
      expect(answer!.embeds[0].fields).toEqual(expect.arrayContaining([{ name: "Episodes", value: "7", inline: true }]));
    },
  );
});
