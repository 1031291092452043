// The server's list at its sizes: a full list and every counted member. Each seen count reads one
// index range per counted member, and Convex refuses a transaction past 4,096 of them (convex-test
// enforces the same limit), so the work that counts many titles must fit at the largest sizes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { MEMBERS_COUNTED_MAX } from "../../convex/model/serverList";
import { ALICE, deployment, SECRET, type Deployment } from "./setup";

const GUILD = "300000000000000001";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

/** `count` members who have used the list here (each with a profile whose tracking is read). */
async function members(t: Deployment, count: number) {
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i++) {
      const discordUserId = String(200000000000000000n + BigInt(i));
      const userId = await ctx.db.insert("users", { tokenIdentifier: `discord|${discordUserId}` });
      await ctx.db.insert("discord_accounts", { discordUserId, userId, listPublic: false, remindersEnabled: false, createdAt: 1 });
      await ctx.db.insert("server_list_members", { guildId: GUILD, discordUserId, joinedAt: 1 });
    }
    const list = await ctx.db
      .query("server_lists")
      .withIndex("by_guild", (q) => q.eq("guildId", GUILD))
      .unique();
    await ctx.db.patch(list!._id, { members: list!.members + count });
  });
}

/** One of Alice's own lists (the web app's) with `count` films. */
async function aliceList(t: Deployment, count: number): Promise<Id<"lists">> {
  return await t.run(async (ctx) => {
    const account = await ctx.db
      .query("discord_accounts")
      .withIndex("by_discord", (q) => q.eq("discordUserId", ALICE))
      .unique();
    const id = await ctx.db.insert("lists", { userId: account!.userId, name: "Everything", sortOrder: 0, createdAt: 1, updatedAt: 1 });
    for (let i = 0; i < count; i++)
      await ctx.db.insert("list_items", {
        userId: account!.userId,
        listId: id,
        tmdbId: 1000 + i,
        mediaType: "movie",
        addedAt: i,
        title: `Film ${i}`,
      });
    return id;
  });
}

describe("the server's list at scale", () => {
  beforeEach(() => {
    process.env.BOT_WRITE_BURST = "1000";
    vi.useFakeTimers();
  });
  afterEach(() => {
    delete process.env.BOT_WRITE_BURST;
    vi.useRealTimers();
  });

  it("a Manage Server member brings a long list of their own in a busy server: all of it is added, counted in the background", async () => {
    const t = deployment();
    // Alice's profile and the server's list come with her first use of it.
    await t.mutation(api.bot.serverList.setLock, { ...as(ALICE), guildId: GUILD, locked: false, canManageServer: true });
    await members(t, 40);
    // One of them has seen the list's last film: its count comes from the background recount.
    await t.mutation(api.bot.titles.setStatus, {
      ...as("200000000000000000"),
      tmdbId: 1149,
      mediaType: "movie",
      progressStatus: "finished",
      title: "Film 149",
    });
    const own = await aliceList(t, 150);
    const result = await t.mutation(api.bot.serverList.addFrom, {
      ...as(ALICE),
      guildId: GUILD,
      name: "alice",
      canManageServer: true,
      listId: own,
    });
    expect(result.added).toHaveLength(150);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const page = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(page.listed).toBe(150);
    const last = await t.run(async (ctx) => (await ctx.db.query("server_list_entries").collect()).find((e) => e.tmdbId === 1149));
    expect(last?.seen).toBe(1);
  });

  it("recounts a list with every counted member, step by step", async () => {
    const t = deployment();
    await t.mutation(api.bot.serverList.setLock, { ...as(ALICE), guildId: GUILD, locked: false, canManageServer: true });
    const own = await aliceList(t, 60);
    await t.mutation(api.bot.serverList.addFrom, { ...as(ALICE), guildId: GUILD, name: "alice", canManageServer: true, listId: own });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    await members(t, MEMBERS_COUNTED_MAX - 1);
    // Someone finished the first film; a new member's first use asks for a recount of everything.
    await t.mutation(api.bot.titles.setStatus, {
      ...as("200000000000000000"),
      tmdbId: 1000,
      mediaType: "movie",
      progressStatus: "finished",
      title: "Film 0",
    });
    await t.run(async (ctx) => {
      const list = await ctx.db
        .query("server_lists")
        .withIndex("by_guild", (q) => q.eq("guildId", GUILD))
        .unique();
      await ctx.db.patch(list!._id, { recountRequestedAt: 0, countedAt: 0 });
    });
    await t.mutation(api.bot.serverList.pick, { ...as(ALICE), guildId: GUILD, unseen: false });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const page = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(page.members).toBe(MEMBERS_COUNTED_MAX);
    expect(page.entries[0]).toMatchObject({ tmdbId: 1000, seen: 1 });
    const counted = await t.run(async (ctx) =>
      ctx.db
        .query("server_lists")
        .withIndex("by_guild", (q) => q.eq("guildId", GUILD))
        .unique(),
    );
    expect(counted!.countedAt).toBeGreaterThan(0);
  });
});
