import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, deployment, SECRET } from "./setup";

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("the bot's API", () => {
  it("refuses a wrong or missing secret and writes nothing", async () => {
    const t = deployment();
    await expect(
      t.mutation(api.bot.titles.addToWatchlist, {
        secret: "wrong-secret-wrong-secret",
        discordUserId: ALICE,
        tmdbId: 27205,
        mediaType: "movie",
      }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(t.query(api.bot.lists.listTitles, { secret: "", discordUserId: ALICE, pageSize: 10 })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    const tables = await t.run(async (ctx) => ({
      users: await ctx.db.query("users").collect(),
      items: await ctx.db.query("watch_items").collect(),
      accounts: await ctx.db.query("discord_accounts").collect(),
    }));
    expect(tables).toEqual({ users: [], items: [], accounts: [] });
  });

  it("refuses everything when the deployment has no secret configured", async () => {
    const t = deployment();
    delete process.env.BOT_API_SECRET;
    await expect(t.mutation(api.bot.profile.ensureProfile, as(ALICE))).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  it("creates one profile per Discord user and reuses it", async () => {
    const t = deployment();
    const first = await t.mutation(api.bot.profile.ensureProfile, { ...as(ALICE), username: "alice" });
    const second = await t.mutation(api.bot.profile.ensureProfile, { ...as(ALICE), username: "alice2" });
    expect(second.userId).toEqual(first.userId);
    expect(first).toMatchObject({ linked: false, listPublic: false });
    const users = await t.run(async (ctx) => await ctx.db.query("users").collect());
    expect(users).toEqual([expect.objectContaining({ tokenIdentifier: `discord|${ALICE}`, name: "alice" })]);
  });

  it("rejects a malformed Discord user id", async () => {
    const t = deployment();
    await expect(t.mutation(api.bot.profile.ensureProfile, as("alice"))).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
  });

  it("adds, reports an existing entry, and removes while keeping progress", async () => {
    const t = deployment();
    const add = await t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie", title: "Inception" });
    expect(add).toMatchObject({ already: false, item: { progressStatus: "want-to-watch", inWatchlist: true } });
    expect(add.undoId).not.toBeNull();
    expect(await t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie" })).toMatchObject({
      already: true,
      undoId: null,
    });
    await t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 27205, mediaType: "movie", reaction: "loved" });
    const removed = await t.mutation(api.bot.titles.removeFromWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie" });
    expect(removed).toMatchObject({ removed: true, item: { inWatchlist: false, reaction: "loved" } });
    const again = await t.mutation(api.bot.titles.removeFromWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie" });
    expect(again.removed).toBe(false);
  });

  it("validates status, reaction and media type before writing", async () => {
    const t = deployment();
    await expect(
      t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 1, mediaType: "movie", progressStatus: "done-ish" }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    await expect(
      t.mutation(api.bot.titles.setReactionFor, { ...as(ALICE), tmdbId: 1, mediaType: "book", reaction: "loved" }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await t.run(async (ctx) => await ctx.db.query("users").collect())).toHaveLength(0);
  });
});
