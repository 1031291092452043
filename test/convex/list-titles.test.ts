// listTitles as the bot's /watch list reads it: scope, every vocabulary, and one answer
// for every reason another member's list can't be shown.
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, deployment, SECRET } from "./setup";

const CAROL = "100000000000000003";
const DAVE = "100000000000000004";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

describe("listTitles", () => {
  it("shows the watchlist by default (inWatchlist true or unset) and everything tracked with scope all", async () => {
    const t = deployment();
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
    await t.run(async (ctx) => {
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 1,
        mediaType: "movie",
        inWatchlist: true,
        progressStatus: "watch-later",
        updatedAt: 3,
      });
      await ctx.db.insert("watch_items", { userId, tmdbId: 2, mediaType: "movie", status: "plan-to-watch", updatedAt: 2 });
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 3,
        mediaType: "movie",
        inWatchlist: false,
        progressStatus: "want-to-watch",
        updatedAt: 1,
      });
    });
    const watchlist = await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10 });
    expect(watchlist.items.map((i) => i.tmdbId)).toEqual([1, 2]);
    const all = await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10, scope: "all", progressStatus: "want-to-watch" });
    expect(all.items.map((i) => [i.tmdbId, i.progressStatus])).toEqual([
      [1, "want-to-watch"],
      [2, "want-to-watch"],
      [3, "want-to-watch"],
    ]);
    // The web app's word for the same filter finds the same rows.
    const webWord = await t.query(api.bot.lists.listTitles, { ...as(ALICE), pageSize: 10, scope: "all", progressStatus: "watch-later" });
    expect(webWord.items.map((i) => i.tmdbId)).toEqual([1, 2, 3]);
  });

  it("answers private, unknown and empty lists of another member with the same LIST_UNAVAILABLE", async () => {
    const t = deployment();
    await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
    await t.mutation(api.bot.profile.ensureProfile, as(CAROL));
    await t.mutation(api.bot.profile.setListVisibility, { ...as(CAROL), listPublic: true }); // public but tracks nothing
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(DAVE));
    await t.run(async (ctx) => {
      await ctx.db.insert("watch_items", {
        userId,
        tmdbId: 9,
        mediaType: "movie",
        inWatchlist: true,
        progressStatus: "done",
        updatedAt: 1,
      });
    });
    const errors = [];
    for (const owner of [ALICE, BOB, CAROL]) {
      errors.push(
        await t.query(api.bot.lists.listTitles, { ...as(DAVE), ownerDiscordUserId: owner, pageSize: 5 }).then(
          () => null,
          (e: { data: unknown }) => e.data,
        ),
      );
    }
    expect(errors[0]).toEqual({ code: "LIST_UNAVAILABLE", message: "There's no list to show for them — it's private or empty." });
    expect(errors).toEqual([errors[0], errors[0], errors[0]]);
    // Dave's own list and, once public, his list for others.
    expect((await t.query(api.bot.lists.listTitles, { ...as(DAVE), pageSize: 5 })).items).toHaveLength(1);
    await t.mutation(api.bot.profile.setListVisibility, { ...as(DAVE), listPublic: true });
    const shown = await t.query(api.bot.lists.listTitles, { ...as(ALICE), ownerDiscordUserId: DAVE, pageSize: 5 });
    expect(shown.items.map((i) => i.progressStatus)).toEqual(["finished"]);
    // A visible list with nothing under a filter is just an empty page.
    expect(
      (await t.query(api.bot.lists.listTitles, { ...as(ALICE), ownerDiscordUserId: DAVE, pageSize: 5, progressStatus: "dropped" })).items,
    ).toEqual([]);
  });
});
