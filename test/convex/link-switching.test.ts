import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, SECRET, deployment, webUser } from "./setup";
import { startLink, addGuestTitle, accountOf } from "./link-helpers";

describe("already-linked accounts", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
  });

  it("a Discord account linked to another Clerk user is refused until the person confirms a switch", async () => {
    const t = deployment();
    await webUser(t, "user_old").mutation(api.watchlist.setWatchlistMembership, { tmdbId: 603, mediaType: "movie", inWatchlist: true });
    await webUser(t, "user_old").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });

    const { code } = await startLink(t, ALICE);
    const refused = await webUser(t, "user_new").mutation(api.linking.page.redeem, { code });
    expect(refused).toMatchObject({
      status: "needs_switch",
      message: expect.stringContaining("already linked to another Film Fanatic account"),
    });
    expect((await accountOf(t, ALICE)).token).toBe("user_old");
    // The code was not used up by the question.
    expect(await webUser(t, "user_new").mutation(api.linking.page.redeem, { code, confirmSwitch: true })).toMatchObject({
      status: "linked",
    });
    expect((await accountOf(t, ALICE)).token).toBe("user_new");
    // The old web profile keeps its data.
    expect(await webUser(t, "user_old").query(api.watchlist.getWatchlist, {})).toHaveLength(1);
  });

  it("a Clerk user linked to another Discord account is refused until a switch; the other continues as a guest", async () => {
    const t = deployment();
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
    const { code } = await startLink(t, BOB, "bob");
    expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code })).toMatchObject({
      status: "needs_switch",
      message: expect.stringContaining("already linked to another Discord account"),
    });
    expect((await accountOf(t, BOB)).account?.linkedAt).toBeUndefined();
    expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code, confirmSwitch: true })).toMatchObject({
      status: "linked",
    });
    expect((await accountOf(t, BOB)).token).toBe("user_alice");
    expect((await accountOf(t, ALICE)).token).toBe(`discord|${ALICE}`);
  });

  it("the same link again is harmless", async () => {
    const t = deployment();
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
    expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code })).toMatchObject({
      status: "already_linked",
    });
  });
});

describe("/unlink and linking again", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
  });

  it("after unlinking, /account no longer reports the earlier move into the web profile as this profile's", async () => {
    const t = deployment();
    await addGuestTitle(t, ALICE, 603, "The Matrix");
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
    const linked = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(linked.merge).toMatchObject({ state: "done" });
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    const guest = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(guest).toMatchObject({ linkedTo: null, merge: null });
  });

  it("switching the link to another account waits until the guest's data has finished moving into the first", async () => {
    vi.useFakeTimers();
    const t = deployment();
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    await t.run(async (ctx) => {
      for (let id = 1; id <= 1000; id++)
        await ctx.db.insert("watch_items", { userId: guestId, tmdbId: id, mediaType: "movie", inWatchlist: true, updatedAt: id });
    });
    expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code })).toMatchObject({
      status: "linked",
      mergeDone: false,
    });
    const { code } = await startLink(t, ALICE);
    const refused = await webUser(t, "user_bob").mutation(api.linking.page.redeem, { code, confirmSwitch: true });
    expect(refused).toMatchObject({ status: "refused", message: expect.stringContaining("still moving") });
    expect((await accountOf(t, ALICE)).token).toBe("user_alice");

    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const switched = await webUser(t, "user_bob").mutation(api.linking.page.redeem, { code, confirmSwitch: true });
    expect(switched).toMatchObject({ status: "linked" });
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1000);
    vi.useRealTimers();
    // A 1,000-title move: about 2 s alone, longer beside the suite's other large merges.
  }, 30_000);

  it("unlinking keeps the web profile's data and Discord continues on a fresh guest profile; relinking merges that", async () => {
    const t = deployment();
    await addGuestTitle(t, ALICE, 603, "The Matrix");
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });

    expect(await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE })).toEqual({
      status: "unlinked",
      from: "a•••@e•••.com",
    });
    expect((await accountOf(t, ALICE)).token).toBe(`discord|${ALICE}`);
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1);
    const guest = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(guest).toMatchObject({ linkedTo: null, titles: 0 });
    expect(await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ status: "not_linked" });

    await addGuestTitle(t, ALICE, 27205, "Inception");
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
    expect((await accountOf(t, ALICE)).token).toBe("user_alice");
    const titles = (await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).map((w) => w.tmdbId).sort((a, b) => a - b);
    expect(titles).toEqual([603, 27205]);
  });
});
