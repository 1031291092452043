// The server's list at its sizes: seen counts read every counted member's tracking per title, so
// the work a transaction does must stay inside Convex's 4,096 index ranges however many members
// are counted (up to MEMBERS_COUNTED_MAX) and however long the list brought in is.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { MEMBERS_COUNTED_MAX } from "../../convex/model/serverList";
import { deployment, SECRET, type Deployment } from "./setup";

const GUILD = "300000000000000001";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const member = (i: number) => `1000000000000${String(10_000 + i)}`;
const film = (tmdbId: number) => ({ tmdbId, mediaType: "movie" as const, title: `Film ${tmdbId}` });

/** `count` members each suggest one of `titles` films (5000, 5001, …), so each is counted for "seen". */
async function members(t: Deployment, count: number, titles: number) {
  for (let i = 0; i < count; i++)
    await t.mutation(api.bot.serverList.add, {
      ...as(member(i)),
      guildId: GUILD,
      name: `m${i}`,
      canManageServer: false,
      title: film(5000 + (i % titles)),
    });
}

const finish = (t: Deployment, who: string, tmdbId: number) =>
  t.mutation(api.bot.titles.setStatus, { ...as(who), tmdbId, mediaType: "movie", progressStatus: "finished", title: `Film ${tmdbId}` });

const entries = (t: Deployment) => t.run(async (ctx) => await ctx.db.query("server_list_entries").collect());

/** Runs the recount the list asked for, step by step as the scheduler would; returns how many steps. */
async function recount(t: Deployment): Promise<number> {
  const list = await t.run(async (ctx) => (await ctx.db.query("server_lists").first())!);
  let args: { guildId: string; generation: number; afterSeq: number } | undefined = {
    guildId: GUILD,
    generation: list.recountGeneration,
    afterSeq: 0,
  };
  let steps = 0;
  while (args !== undefined && steps < 100) {
    const before = await t.run(async (ctx) => (await ctx.db.system.query("_scheduled_functions").collect()).length);
    await t.mutation(internal.serverList.jobs.recountSeen, args);
    steps++;
    const after = await t.run(async (ctx) => await ctx.db.system.query("_scheduled_functions").collect());
    const next = after.slice(before).find((f) => f.name.includes("recountSeen"));
    args = next?.args[0] as typeof args;
  }
  return steps;
}

describe("the server's list at size", () => {
  beforeEach(() => {
    process.env.BOT_WRITE_BURST = "100000";
  });
  afterEach(() => {
    delete process.env.BOT_WRITE_BURST;
  });

  it("recounts who has seen what with the most members counted, in steps Convex accepts", async () => {
    const t = deployment();
    await members(t, MEMBERS_COUNTED_MAX, 25);
    // Seen after they were suggested: only a recount brings the stored counts up to date.
    await finish(t, member(3), 5000);
    await finish(t, member(4), 5000);
    await finish(t, member(5), 5024);
    const list = await t.run(async (ctx) => (await ctx.db.query("server_lists").first())!);
    expect(list.members).toBe(MEMBERS_COUNTED_MAX);
    expect(await recount(t)).toBe(3);
    const seen = Object.fromEntries((await entries(t)).map((e) => [e.tmdbId, e.seen]));
    expect(seen[5000]).toBe(2);
    expect(seen[5024]).toBe(1);
    expect(await t.run(async (ctx) => (await ctx.db.query("server_lists").first())!.countedAt)).toBeDefined();
  }, 120_000);

  it("brings a long list of a member with Manage Server onto a busy server's list, counted in the background", async () => {
    const t = deployment();
    await members(t, 60, 60);
    const admin = member(0);
    await finish(t, member(7), 9099);
    const listId = await t.run(async (ctx) => {
      const account = (await ctx.db
        .query("discord_accounts")
        .withIndex("by_discord", (q) => q.eq("discordUserId", admin))
        .unique())!;
      const id = await ctx.db.insert("lists", { userId: account.userId, name: "Big", sortOrder: 0, createdAt: 1, updatedAt: 1 });
      for (let k = 0; k < 100; k++)
        await ctx.db.insert("list_items", {
          userId: account.userId,
          listId: id,
          tmdbId: 9000 + k,
          mediaType: "movie",
          addedAt: k,
          title: `B${k}`,
        });
      return id;
    });
    const result = await t.mutation(api.bot.serverList.addFrom, {
      ...as(admin),
      guildId: GUILD,
      name: "m0",
      canManageServer: true,
      listId,
    });
    expect(result.added).toHaveLength(100);
    expect(result.left).toBe(0);
    // The titles past what one transaction can count are counted by the recount it asked for.
    const list = await t.run(async (ctx) => (await ctx.db.query("server_lists").first())!);
    expect(list.listed).toBe(160);
    await recount(t);
    expect((await entries(t)).find((e) => e.tmdbId === 9099)?.seen).toBe(1);
  }, 120_000);
});
