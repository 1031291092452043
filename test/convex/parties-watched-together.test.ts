import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, BOB, deployment, withFakeDiscord } from "./setup";
import { CAROL, fakeBoards, as, here, startGot } from "./parties-helpers";

describe("We watched together", () => {
  withFakeDiscord(() => {
    // Discord answers at fetch; these tests read the deployment, not the messages.
    fakeBoards();
  });

  it("marks whoever asked and whoever clicks I was there, nobody else, and not after the prompt expires", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    const prompt = await t.mutation(api.bot.parties.watched, { ...as(ALICE), ...here, episodes: [5, 6] });
    expect(prompt).toMatchObject({ what: "S1E5–E6", markedForYou: 2 });
    const bobs = await t.mutation(api.bot.parties.there, { ...as(BOB), promptId: prompt.promptId });
    expect(bobs).toMatchObject({ changed: 2, joined: false });
    // Only alice, who asked, and bob, who clicked, have anything watched.
    const summaries = await t.run(async (ctx) => await ctx.db.query("episode_summaries").collect());
    expect(summaries.filter((x) => x.watchedCount > 0)).toEqual([
      expect.objectContaining({ watchedCount: 2 }),
      expect.objectContaining({ watchedCount: 2 }),
    ]);
    // Carol was in the room but never pressed Join: her click joins her and marks them.
    expect(await t.mutation(api.bot.parties.there, { ...as(CAROL), promptId: prompt.promptId, displayName: "carol" })).toMatchObject({
      changed: 2,
      joined: true,
    });
    const members = await t.run(async (ctx) => await ctx.db.query("party_members").collect());
    expect(members.map((m) => [m.discordUserId, m.displayName]).sort(([a], [b]) => a!.localeCompare(b!))).toEqual([
      [ALICE, "alice"],
      [BOB, "bob"],
      [CAROL, "carol"],
    ]);
    // A full party can't take someone else, but their click still marks the episodes.
    const { partyId } = prompt.party;
    await t.run(async (ctx) => ctx.db.patch(partyId as Id<"parties">, { memberCount: 200 }));
    const DAN = "100000000000000004";
    expect(await t.mutation(api.bot.parties.there, { ...as(DAN), promptId: prompt.promptId, displayName: "dan" })).toMatchObject({
      changed: 2,
      joined: false,
      partyFull: true,
    });
    vi.advanceTimersByTime(7 * 60 * 60 * 1000);
    await expect(t.mutation(api.bot.parties.there, { ...as(ALICE), promptId: prompt.promptId })).rejects.toMatchObject({
      data: { message: expect.stringContaining("expired") },
    });
  });

  it("takes a second We watched together within a minute for a double click, but not a press right after /party watched", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    const asked = await t.mutation(api.bot.parties.watched, { ...as(ALICE), ...here, episodes: [1] });
    expect(asked.what).toBe("S1E1");
    // The button right after a /party watched: a different question, asked.
    const first = await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId });
    expect(first.what).toBe("S1E2");
    await expect(t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId })).rejects.toMatchObject({
      data: { message: expect.stringContaining("You asked about S1E2 a moment ago") },
    });
    vi.advanceTimersByTime(61_000);
    expect((await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId })).what).toBe("S1E3");
  });
});
