import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { hashCode } from "../../convex/model/link";
import { linkPageResponse } from "../../convex/model/linkPage";
import { indexStore } from "../../sandbox/indexed-store";
import { ALICE, BOB, SECRET, cacheGot, deployment, webUser, type Deployment } from "./setup";

const SIGNING_SECRET = `whsec_${btoa("sandbox-signing-secret-0123456789")}`;

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** What /link does in the bot: a fresh code, registered by its hash. */
async function startLink(t: Deployment, discordUserId: string, discordName = "alice") {
  const code = newCode();
  const started = await t.mutation(api.bot.linking.startLink, {
    secret: SECRET,
    discordUserId,
    codeHash: await hashCode(code),
    discordName,
    avatarUrl: "https://cdn.discordapp.com/embed/avatars/0.png",
    applicationId: "300000000000000001",
    interactionToken: "interaction-token-abc",
  });
  return { code, ...started };
}

async function addGuestTitle(t: Deployment, discordUserId: string, tmdbId: number, title: string) {
  await t.mutation(api.bot.titles.addToWatchlist, { secret: SECRET, discordUserId, tmdbId, mediaType: "movie", title });
}

async function markGot(t: Deployment, discordUserId: string, season: number, episodes: number[]) {
  await t.mutation(api.bot.episodes.markEpisodesFor, { secret: SECRET, discordUserId, tmdbId: 1399, season, episodes, isWatched: true });
}

async function webEpisodes(t: Deployment, clerkId: string, tmdbId = 1399) {
  const rows = await webUser(t, clerkId).query(api.watchlist.getAllWatchedEpisodes, { tmdbId });
  return rows
    .filter((r) => r.isWatched)
    .map((r) => `S${r.season}E${r.episode}`)
    .sort();
}

async function accountOf(t: Deployment, discordUserId: string) {
  return await t.run(async (ctx) => {
    const account = await ctx.db
      .query("discord_accounts")
      .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
      .unique();
    const user = account ? await ctx.db.get(account.userId) : null;
    return { account, token: user?.tokenIdentifier ?? null };
  });
}

/** A Clerk webhook as Clerk sends it (standardwebhooks signature, svix-* headers). */
async function sendWebhook(
  t: Deployment,
  type: string,
  data: Record<string, unknown>,
  options: { secret?: string; at?: Date; id?: string } = {},
) {
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  const body = JSON.stringify({ type, object: "event", data });
  const signature = new Webhook(options.secret ?? SIGNING_SECRET).sign(id, at, body);
  return await t.fetch("/clerk/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
    body,
  });
}

/** Clerk's `updated_at`: each payload made here is newer than the one before, as Clerk's would be. */
let clock = Date.now();
const nextUpdatedAt = () => ++clock;

const discordUser = (clerkId: string, discordUserId: string | null, connection: { id?: string; created_at?: number } = {}) => ({
  id: clerkId,
  object: "user",
  first_name: "Alice",
  email_addresses: [{ id: "idn_1", email_address: "alice@example.com" }],
  primary_email_address_id: "idn_1",
  external_accounts:
    discordUserId === null
      ? []
      : [
          {
            object: "external_account",
            id: connection.id ?? `idn_discord_${discordUserId}`,
            provider: "oauth_discord",
            provider_user_id: discordUserId,
            ...connection,
          },
        ],
  updated_at: nextUpdatedAt(),
});

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
  });

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
    const titles = (await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).map((w) => w.tmdbId).sort();
    expect(titles).toEqual([27205, 603]);
  });
});

describe("Clerk webhooks", () => {
  beforeEach(() => {
    process.env.CLERK_WEBHOOK_SIGNING_SECRET = SIGNING_SECRET;
  });

  it("a user who signs up with Discord is linked with no step, their guest data merged", async () => {
    const t = deployment();
    await addGuestTitle(t, ALICE, 603, "The Matrix");
    const response = await sendWebhook(t, "user.created", discordUser("user_alice", ALICE));
    expect(response.status).toBe(200);
    const { account, token } = await accountOf(t, ALICE);
    expect(token).toBe("user_alice");
    expect(account?.linkedVia).toBe("oauth");
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1);
  });

  it("a Discord user who never used the bot gets an account linked straight to their Clerk profile", async () => {
    const t = deployment();
    await sendWebhook(t, "user.created", discordUser("user_bob", BOB));
    expect((await accountOf(t, BOB)).token).toBe("user_bob");
  });

  it("a Discord connection Clerk has not verified links nothing", async () => {
    const t = deployment();
    const user = discordUser("user_bob", BOB);
    const unverified = {
      ...user,
      external_accounts: user.external_accounts.map((a) => ({ ...a, verification: { status: "unverified", strategy: "oauth_discord" } })),
    };
    await sendWebhook(t, "user.created", unverified);
    expect((await accountOf(t, BOB)).account).toBeNull();
    await sendWebhook(t, "user.updated", {
      ...user,
      updated_at: nextUpdatedAt(),
      external_accounts: user.external_accounts.map((a) => ({ ...a, verification: { status: "verified", strategy: "oauth_discord" } })),
    });
    expect((await accountOf(t, BOB)).token).toBe("user_bob");
  });

  it("a webhook with a bad signature is refused and changes nothing", async () => {
    const t = deployment();
    const response = await sendWebhook(t, "user.created", discordUser("user_alice", ALICE), {
      secret: `whsec_${btoa("someone-else-entirely-0123456")}`,
    });
    expect(response.status).toBe(400);
    expect((await accountOf(t, ALICE)).account).toBeNull();
  });

  it("a replayed webhook with a stale timestamp is refused", async () => {
    const t = deployment();
    const response = await sendWebhook(t, "user.created", discordUser("user_alice", ALICE), { at: new Date(Date.now() - 10 * 60_000) });
    expect(response.status).toBe(400);
    expect((await accountOf(t, ALICE)).account).toBeNull();
  });

  it("user.deleted unlinks and Discord continues on a fresh guest profile", async () => {
    const t = deployment();
    await sendWebhook(t, "user.created", discordUser("user_alice", ALICE));
    const response = await sendWebhook(t, "user.deleted", { id: "user_alice", object: "user", deleted: true });
    expect(response.status).toBe(200);
    const { account, token } = await accountOf(t, ALICE);
    expect(token).toBe(`discord|${ALICE}`);
    expect(account?.linkedAt).toBeUndefined();
  });

  it("never moves a Discord account someone already linked to another Clerk user", async () => {
    const t = deployment();
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    await webUser(t, "user_first").mutation(api.linking.page.redeem, { code: (await startLink(t, ALICE)).code });
    await sendWebhook(t, "user.created", discordUser("user_second", ALICE));
    expect((await accountOf(t, ALICE)).token).toBe("user_first");
  });

  it("a Discord connection swapped for another in Clerk moves the link it made", async () => {
    const t = deployment();
    await sendWebhook(t, "user.created", discordUser("user_alice", ALICE));
    await sendWebhook(t, "user.updated", discordUser("user_alice", BOB));
    expect((await accountOf(t, ALICE)).token).toBe(`discord|${ALICE}`);
    expect((await accountOf(t, BOB)).token).toBe("user_alice");
  });

  it("disconnecting Discord in Clerk removes a link that connection made", async () => {
    const t = deployment();
    await sendWebhook(t, "user.created", discordUser("user_alice", ALICE));
    await sendWebhook(t, "user.updated", discordUser("user_alice", null));
    expect((await accountOf(t, ALICE)).token).toBe(`discord|${ALICE}`);
  });
});

describe("merging a large guest library", () => {
  beforeEach(() => {
    process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    // The confirmation's follow-up (asserted above) goes nowhere here.
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("merges 5,000 titles with overlaps in chunks inside Convex's limits: nothing lost, newer wins, episodes a union", async () => {
    vi.useFakeTimers();
    const t = deployment();
    // Same documents, same order, same limits and read counts; only convex-test's walk over every
    // document on each indexed lookup is skipped (it made this test take 80–145 s).
    await indexStore(t);
    const base = Date.now() - 1_000_000;
    // The guest: 5,000 titles (ids 1..5000), 40 shows with 10 watched episodes each (S1E1–E10).
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    for (let start = 1; start <= 5000; start += 1000) {
      await t.run(async (ctx) => {
        for (let id = start; id < start + 1000; id++) {
          await ctx.db.insert("watch_items", {
            userId: guestId,
            tmdbId: id,
            mediaType: "movie",
            inWatchlist: true,
            progressStatus: "watching",
            reaction: "loved",
            title: `Guest ${id}`,
            updatedAt: base + id,
          });
        }
      });
    }
    await t.run(async (ctx) => {
      for (let show = 100_001; show <= 100_040; show++) {
        for (let e = 1; e <= 10; e++)
          await ctx.db.insert("episode_progress", {
            userId: guestId,
            tmdbId: show,
            season: 1,
            episode: e,
            isWatched: true,
            updatedAt: base,
          });
      }
    });
    // The Clerk user: titles 4001..6000 (1,000 overlap), updated at base+4500 — so guest wins for 4501..5000;
    // and episodes S1E8–E15 of the same 40 shows.
    const clerkId = await webUser(t, "user_alice").mutation(api.users.store, { name: "Alice" });
    await t.run(async (ctx) => {
      for (let id = 4001; id <= 6000; id++) {
        await ctx.db.insert("watch_items", {
          userId: clerkId,
          tmdbId: id,
          mediaType: "movie",
          inWatchlist: true,
          progressStatus: "done",
          rating: 7,
          updatedAt: base + 4500,
        });
      }
      for (let show = 100_001; show <= 100_040; show++) {
        for (let e = 8; e <= 15; e++)
          await ctx.db.insert("episode_progress", {
            userId: clerkId,
            tmdbId: show,
            season: 1,
            episode: e,
            isWatched: true,
            updatedAt: base,
          });
      }
    });

    const { code } = await startLink(t, ALICE);
    const result = await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    expect(result).toMatchObject({ status: "linked", mergeDone: false });
    const during = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(during.merge).toMatchObject({ state: "running", text: expect.stringMatching(/in progress: [\d,]+ items moved so far/) });

    await t.finishAllScheduledFunctions(vi.runAllTimers);

    const job = await t.run(async (ctx) => await ctx.db.query("link_merges").first());
    expect(job).toMatchObject({ state: "done", attempts: 0 });
    const items = await t.run(
      async (ctx) =>
        await ctx.db
          .query("watch_items")
          .withIndex("by_user", (q) => q.eq("userId", clerkId))
          .collect(),
    );
    expect(items).toHaveLength(6000);
    const byId = new Map(items.map((i) => [i.tmdbId, i]));
    expect(byId.get(1)).toMatchObject({ progressStatus: "watching", title: "Guest 1" }); // guest only
    expect(byId.get(4200)).toMatchObject({ progressStatus: "done", title: "Guest 4200", rating: 7 }); // Clerk newer; guest's title fills in
    expect(byId.get(4800)).toMatchObject({ progressStatus: "watching", reaction: "loved", rating: 7, updatedAt: base + 4800 }); // guest newer
    expect(byId.get(6000)).toMatchObject({ progressStatus: "done" }); // Clerk only
    for (const show of [100_001, 100_040]) {
      expect(await webEpisodes(t, "user_alice", show)).toEqual(Array.from({ length: 15 }, (_, i) => `S1E${i + 1}`).sort());
    }
    const leftovers = await t.run(async (ctx) => ({
      guest: await ctx.db.get(guestId),
      items: await ctx.db
        .query("watch_items")
        .withIndex("by_user", (q) => q.eq("userId", guestId))
        .first(),
      episodes: await ctx.db
        .query("episode_progress")
        .withIndex("by_user", (q) => q.eq("userId", guestId))
        .first(),
      summaries: await ctx.db
        .query("episode_summaries")
        .withIndex("by_user_show", (q) => q.eq("userId", guestId))
        .first(),
    }));
    expect(leftovers).toEqual({ guest: null, items: null, episodes: null, summaries: null });
    const after = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    // The web app stored this profile (users.store) with a name and no email.
    expect(after).toMatchObject({ linkedTo: "Alice", titles: 6000, watchedEpisodes: 600 });
  }, 600_000);

  it("a failed step is retried later from where the job stopped", async () => {
    vi.useFakeTimers();
    const t = deployment();
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    await t.run(async (ctx) => {
      for (let id = 1; id <= 1000; id++)
        await ctx.db.insert("watch_items", { userId: guestId, tmdbId: id, mediaType: "movie", updatedAt: id });
    });
    const { code } = await startLink(t, ALICE);
    await webUser(t, "user_alice").mutation(api.linking.page.redeem, { code });
    const job = (await t.run(async (ctx) => await ctx.db.query("link_merges").first()))!;
    // A step that failed (e.g. a conflict or a deploy) is recorded and retried with backoff.
    await t.mutation(internal.linking.merge.mergeFailed, { jobId: job._id, error: "simulated failure" });
    expect(await t.run(async (ctx) => await ctx.db.get(job._id))).toMatchObject({
      state: "running",
      attempts: 1,
      lastError: "simulated failure",
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await t.run(async (ctx) => await ctx.db.get(job._id))).toMatchObject({ state: "done", moved: 1000 });
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1000);
  }, 120_000);
});
