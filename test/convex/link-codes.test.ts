import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { hashCode } from "../../convex/model/link";
import { linkPageResponse } from "../../convex/model/linkPage";
import { ALICE, BOB, SECRET, cacheGot, deployment, webUser } from "./setup";
import { SIGNING_SECRET, newCode, startLink, addGuestTitle, markGot, webEpisodes, accountOf } from "./link-helpers";

describe("/link codes redeemed on the link page", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    process.env.CLERK_WEBHOOK_SIGNING_SECRET = SIGNING_SECRET;
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("the link page names the Discord account by its unique @username, which a copied display name can't imitate", async () => {
    const t = deployment();
    const code = newCode();
    // Mallory's /link, with her display name set to look like Alice's.
    await t.mutation(api.bot.linking.startLink, {
      secret: SECRET,
      discordUserId: BOB,
      username: "mallory",
      codeHash: await hashCode(code),
      discordName: "alice",
    });
    expect(await t.query(api.linking.page.preview, { code })).toMatchObject({ ok: true, discordName: "alice", discordUsername: "mallory" });
    const env = {
      CLERK_PUBLISHABLE_KEY: `pk_live_${btoa("clerk.example.com$")}`,
      CONVEX_CLOUD_URL: "https://happy-otter-123.convex.cloud",
    };
    const page = await linkPageResponse(env, "nonce").text();
    expect(page).toContain('id="discord-username"');
    expect(page).toContain('"@" + p.discordUsername');
  });

  it("a valid code links the Discord account and the guest's titles and episodes show on the web", async () => {
    const t = deployment();
    await cacheGot(t);
    await addGuestTitle(t, ALICE, 603, "The Matrix");
    await markGot(t, ALICE, 1, [1, 2, 3]);
    const { code, pageUrl } = await startLink(t, ALICE);
    expect(pageUrl).toBe("https://happy-otter-123.convex.site/link");

    expect(await t.query(api.linking.page.preview, { code })).toMatchObject({ ok: true, discordName: "alice" });
    const result = await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    expect(result).toMatchObject({ status: "linked", mergeDone: true });

    const { account, token } = await accountOf(t, ALICE);
    expect(token).toBe("user_alice");
    expect(account?.linkedVia).toBe("code");
    const watchlist = await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {});
    expect(watchlist.map((w) => w.tmdbId)).toEqual([603]);
    expect(await webUser(t, "user_alice").query(api.watchlist.getMediaState, { tmdbId: 1399, mediaType: "tv" })).toMatchObject({
      progressStatus: "watching",
    });
    expect(await webEpisodes(t, "user_alice")).toEqual(["S1E1", "S1E2", "S1E3"]);
    // The guest profile is gone.
    expect(
      await t.run(
        async (ctx) =>
          await ctx.db
            .query("users")
            .withIndex("by_token", (q) => q.eq("tokenIdentifier", `discord|${ALICE}`))
            .first(),
      ),
    ).toBeNull();
  });

  it("moves the guest's party membership to the linked profile and refreshes that party's board", async () => {
    // The board publish this schedules stays on the fake clock, so it can't fire inside a later test.
    vi.useFakeTimers();
    const t = deployment();
    await cacheGot(t);
    const here = { guildId: "500000000000000001", channelId: "600000000000000001" };
    await t.mutation(api.bot.parties.start, { secret: SECRET, discordUserId: BOB, ...here, tmdbId: 1399, displayName: "bob" });
    await t.mutation(api.bot.parties.join, { secret: SECRET, discordUserId: ALICE, ...here, displayName: "alice" });
    // Alice's web account already has more of the show than her guest profile.
    await webUser(t, "user_alice").mutation(api.watchlist.markSeasonEpisodesWatched, {
      tmdbId: 1399,
      season: 1,
      episodes: [1, 2, 3, 4, 5],
      isWatched: true,
    });
    const boardVersion = async () => (await t.run(async (ctx) => await ctx.db.query("parties").first()))!.boardVersion ?? 0;
    const before = await boardVersion();

    const { code } = await startLink(t, ALICE);
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });

    const { token } = await accountOf(t, ALICE);
    const member = await t.run(
      async (ctx) =>
        await ctx.db
          .query("party_members")
          .withIndex("by_member", (q) => q.eq("discordUserId", ALICE))
          .first(),
    );
    const webProfile = await t.run(
      async (ctx) =>
        await ctx.db
          .query("users")
          .withIndex("by_token", (q) => q.eq("tokenIdentifier", token!))
          .first(),
    );
    expect(member?.userId).toBe(webProfile?._id);
    expect(await boardVersion()).toBeGreaterThan(before);
  });

  /** Alice redeems her /link code on the web; returns the Discord requests the confirmation made. */
  async function linkAliceRecordingDiscord() {
    const t = deployment();
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    const requests: { url: string; body: any }[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      requests.push({ url, body: JSON.parse(init.body as string) });
      return new Response(JSON.stringify({ id: "400000000000000001" }), { status: 200 });
    });
    vi.useFakeTimers();
    const { code } = await startLink(t, ALICE);
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    return { t, requests };
  }

  it("confirms in Discord with a follow-up on the /link interaction", async () => {
    const { requests } = await linkAliceRecordingDiscord();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe("https://discord.test/api/v10/webhooks/300000000000000001/interaction-token-abc");
    expect(requests[0]!.body).toMatchObject({ flags: 64 });
    expect(requests[0]!.body.content).toContain("Linked to Film Fanatic account **a•••@e•••.com**");
  });

  it("names the web account in Discord without its email, so redeeming someone else's code doesn't hand them your address", async () => {
    const { t, requests } = await linkAliceRecordingDiscord();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body.content).not.toContain("alice@example.com");
    expect(requests[0]!.body.content).not.toContain("example.com");
    expect(await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE })).toEqual({
      status: "unlinked",
      from: "a•••@e•••.com",
    });
  });

  it("confirms by DM when the follow-up can't be delivered", async () => {
    const t = deployment();
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      if (url.includes("/webhooks/")) return new Response(JSON.stringify({ code: 10015, message: "Unknown Webhook" }), { status: 404 });
      if (url.endsWith("/users/@me/channels")) return new Response(JSON.stringify({ id: "500000000000000001", type: 1 }), { status: 200 });
      return new Response(JSON.stringify({ id: "400000000000000001" }), { status: 200 });
    });
    vi.useFakeTimers();
    const { code } = await startLink(t, ALICE);
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(urls.map((u) => u.replace("https://discord.test/api/v10", ""))).toEqual([
      "/webhooks/300000000000000001/interaction-token-abc",
      "/users/@me/channels",
      "/channels/500000000000000001/messages",
    ]);
  });

  it("an expired code is refused and links nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = deployment();
    const { code } = await startLink(t, ALICE);
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    const result = await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    expect(result).toMatchObject({ status: "refused", message: expect.stringContaining("expired") });
    expect((await accountOf(t, ALICE)).account?.linkedAt).toBeUndefined();
  });

  it("a code works once: the second use is refused", async () => {
    const t = deployment();
    const { code } = await startLink(t, ALICE);
    expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code })).toMatchObject({ status: "linked" });
    expect(await webUser(t, "user_mallory").mutation(api.linking.page.redeem, { code })).toMatchObject({
      status: "refused",
      message: expect.stringContaining("already been used"),
    });
    expect((await accountOf(t, ALICE)).token).toBe("user_alice");
  });

  it("a forged or malformed code is refused and changes nothing", async () => {
    const t = deployment();
    await startLink(t, ALICE);
    for (const code of [newCode(), "not-a-code", "", "x".repeat(5000)]) {
      expect(await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code })).toMatchObject({
        status: "refused",
        message: expect.stringContaining("not valid"),
      });
      expect(await t.query(api.linking.page.preview, { code })).toMatchObject({ ok: false, problem: "invalid" });
    }
    expect((await accountOf(t, ALICE)).account?.linkedAt).toBeUndefined();
  });

  it("a code only ever links the Discord user it was made for, and a newer code replaces it", async () => {
    const t = deployment();
    await addGuestTitle(t, ALICE, 603, "The Matrix");
    const bobs = await startLink(t, BOB, "bob");
    // Someone holding Bob's code sees whose account it is before anything happens…
    expect(await t.query(api.linking.page.preview, { code: bobs.code })).toMatchObject({ ok: true, discordName: "bob" });
    // …and redeeming it links Bob's Discord account, never the redeemer's own.
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code: bobs.code });
    expect((await accountOf(t, BOB)).token).toBe("user_alice");
    expect((await accountOf(t, ALICE)).token).toBe(`discord|${ALICE}`);

    const first = await startLink(t, ALICE);
    const second = await startLink(t, ALICE);
    expect(await webUser(t, "user_carol").mutation(api.linking.page.redeem, { code: first.code })).toMatchObject({ status: "refused" });
    expect(await webUser(t, "user_carol").mutation(api.linking.page.redeem, { code: second.code })).toMatchObject({ status: "linked" });
  });

  it("redeeming needs a signed-in web user", async () => {
    const t = deployment();
    const { code } = await startLink(t, ALICE);
    await expect(t.mutation(api.linking.page.redeem, { code })).rejects.toThrow(/Unauthorized/);
    expect(await t.query(api.linking.page.preview, { code })).toMatchObject({ ok: true });
  });
});
