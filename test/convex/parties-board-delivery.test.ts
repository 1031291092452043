import { describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { ALICE, BOB, cacheGot, deployment, withFakeDiscord } from "./setup";
import { CHANNEL, HOST_DM, fakeBoards, pass, as, here, startGot, mark } from "./parties-helpers";

describe("delivering a party's board to Discord", () => {
  let discord: ReturnType<typeof fakeBoards>;
  withFakeDiscord(() => {
    discord = fakeBoards();
  });

  it("waits retry_after on a 429 and backs off on a 5xx, then lands the final state", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.faults.edit.push({ status: 429, body: { message: "You are being rate limited.", retry_after: 3, global: false } });
    discord.faults.edit.push({ status: 502, body: { message: "Bad Gateway" } });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 2_500);
    expect(discord.board()).not.toContain("S1E1");
    await pass(t, 10_000);
    expect(discord.board()).toContain("**alice** · S1E1");
    expect(discord.boards()).toHaveLength(1);
  });

  it("posts a deleted board again, once", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.boards()[0]!.deleted = true;
    await mark(t, ALICE, 1, [1, 2]);
    await pass(t, 3_000);
    expect(discord.boards()).toHaveLength(1);
    expect(discord.board()).toContain("**alice** · S1E2");
  });

  it("replaces a board Discord will no longer edit (30046) with a fresh post and deletes the old one", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    const old = discord.boards()[0]!;
    // Discord answers it as a 429 that carries code 30046; waiting would not free the message soon.
    discord.faults.edit.push({
      status: 429,
      body: {
        code: 30046,
        retry_after: 20,
        global: false,
        message: "Maximum number of edits to messages older than 1 hour reached. Try again later.",
      },
    });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(old.deleted).toBe(true);
    expect(discord.boards()).toHaveLength(1);
    expect(discord.board()).toContain("**alice** · S1E1");
  });

  it("does not post twice when the post landed but its answer was lost (enforce_nonce)", async () => {
    const t = deployment();
    await cacheGot(t);
    // The first post reaches Discord but the action sees a 5xx: the retry sends the same nonce.
    discord.faults.post.push({ lands: true, status: 504, body: { message: "upstream timeout" } });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await pass(t, 10_000);
    expect(discord.messages.filter((m) => m.channelId === CHANNEL)).toHaveLength(1);
    expect(discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages") && !r.path.includes(HOST_DM))).toHaveLength(
      2,
    );
  });

  it("re-runs a publish that died after posting (the watchdog), and the retried post with the same nonce posts nothing new", async () => {
    const t = deployment();
    await cacheGot(t);
    // The post lands, but the action dies before it can record it (its answer is unreadable).
    discord.faults.post.push({ lands: true, status: 200, body: { channel_id: CHANNEL } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await pass(t, 3_000);
    expect(discord.boards()).toHaveLength(1);
    const recorded = async () => (await t.run(async (ctx) => await ctx.db.query("parties").first()))!.boardMessageId;
    expect(await recorded()).toBeUndefined();
    await pass(t, 60_000);
    errors.mockRestore();
    expect(await recorded()).toBe(discord.boards()[0]!.id);
    expect(discord.boards()).toHaveLength(1);
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(discord.board()).toContain("**alice** · S1E1");
  });

  it("pauses on a deleted channel or a lost permission, tells the host by DM and on their next /party, and resumes when asked", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.faults.edit.push({ status: 403, body: { code: 50013, message: "Missing Permissions" } });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(discord.dms()).toHaveLength(1);
    expect(discord.dms()[0]!.body.content).toContain("missing a permission");
    // Paused: further marks publish nothing.
    const before = discord.requests.length;
    await mark(t, ALICE, 1, [2]);
    await pass(t, 5_000);
    expect(discord.requests.length).toBe(before);
    // Still missing in the board's channel (Discord's app_permissions say so): not resumed, and said so once.
    const blocked = await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here, canPostHere: false });
    expect(blocked).toMatchObject({ resumed: false, notices: [expect.stringContaining("I still can't post in")] });
    await pass(t, 3_000);
    expect(discord.requests.length).toBe(before);
    // Fixed: resumed, without also reporting the board as stopped.
    const status = await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here, canPostHere: true });
    expect(status).toMatchObject({ resumed: true, notices: [] });
    await pass(t, 3_000);
    expect(discord.board()).toContain("**alice** · S1E2");
    expect((await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).notices).toEqual([]);
  });

  it("tells a new host on their next /party that the board they inherited is paused", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.run((ctx) =>
      ctx.db.patch(party.partyId as Id<"parties">, {
        paused: { reason: "I can no longer see <#300000000000000002> (View Channel).", at: Date.now(), hostTold: true },
      }),
    );
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    const next = await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    expect(next.notices).toEqual([expect.stringContaining("has stopped")]);
  });
});
