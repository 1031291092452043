// Clerk's webhooks applied once and in order; a person's own unlink holds against them; a
// forced unlink during a move doesn't orphan the account; the link confirmation's escaping.
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { hashCode } from "../../convex/model/link";
import { ALICE, SECRET, deployment, webUser, type Deployment } from "./setup";

const SIGNING_SECRET = `whsec_${btoa("sandbox-signing-secret-0123456789")}`;

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

async function linkByCode(t: Deployment, discordUserId: string, clerkId: string) {
  const code = newCode();
  await t.mutation(api.bot.linking.startLink, { secret: SECRET, discordUserId, codeHash: await hashCode(code), discordName: "alice" });
  return await webUser(t, clerkId).mutation(api.linking.page.redeem, { code });
}

/** A Clerk webhook as Clerk sends it: signed now (a redelivery is signed afresh), with its svix-id. */
async function deliver(t: Deployment, type: string, data: Record<string, unknown>, svixId = `msg_${Math.random().toString(36).slice(2)}`) {
  const at = new Date();
  const body = JSON.stringify({ type, object: "event", data });
  const signature = new Webhook(SIGNING_SECRET).sign(svixId, at, body);
  const response = await t.fetch("/clerk/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": svixId,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
    body,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: string }).result;
}

const T0 = 1_780_000_000_000;

/** Alice's Clerk user at `updatedAt`, with her Discord connection (or none). */
function alice(updatedAt: number, discord: { id?: string; created_at?: number } | null = {}) {
  return {
    id: "user_alice",
    object: "user",
    first_name: "Alice",
    email_addresses: [{ id: "idn_email", email_address: "alice@example.com" }],
    primary_email_address_id: "idn_email",
    external_accounts:
      discord === null
        ? []
        : [
            {
              object: "external_account",
              id: "idn_discord_1",
              provider: "oauth_discord",
              provider_user_id: ALICE,
              verification: { status: "verified", strategy: "oauth_discord" },
              ...discord,
            },
          ],
    updated_at: updatedAt,
  };
}

async function linkedTo(t: Deployment, discordUserId = ALICE): Promise<string | null> {
  return await t.run(async (ctx) => {
    const account = await ctx.db
      .query("discord_accounts")
      .withIndex("by_discord", (q) => q.eq("discordUserId", discordUserId))
      .unique();
    if (account === null) return "no account";
    const user = await ctx.db.get(account.userId);
    if (user === null) return "a missing profile";
    return account.linkedAt === undefined ? null : user.tokenIdentifier;
  });
}

beforeEach(() => {
  process.env.CLERK_WEBHOOK_SIGNING_SECRET = SIGNING_SECRET;
  process.env.CONVEX_SITE_URL = "https://happy-otter-123.convex.site";
  process.env.DISCORD_API_BASE = "https://discord.test/api";
  process.env.DISCORD_TOKEN = "bot-token";
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Clerk webhooks applied once and in order", () => {
  it("a redelivered older user.updated (same svix-id, fresh signature) doesn't link again what was unlinked since", async () => {
    const t = deployment();
    expect(await deliver(t, "user.updated", alice(T0 + 1), "msg_first")).toBe("linked");
    // Alice disconnects Discord in Clerk: the link it made goes.
    expect(await deliver(t, "user.updated", alice(T0 + 2, null), "msg_second")).toBe("unlinked 1");
    expect(await linkedTo(t)).toBeNull();
    // Svix delivers the first event again.
    expect(await deliver(t, "user.updated", alice(T0 + 1), "msg_first")).toBe("duplicate");
    expect(await linkedTo(t)).toBeNull();
  });

  it("an older user.updated arriving late (another svix-id) is not applied over a newer one", async () => {
    const t = deployment();
    expect(await deliver(t, "user.updated", alice(T0 + 5, null))).toBe("no discord account");
    expect(await deliver(t, "user.updated", alice(T0 + 3))).toBe("ignored (older than what was applied)");
    expect(await linkedTo(t)).toBe("no account");
    // The next real change is applied.
    expect(await deliver(t, "user.updated", alice(T0 + 6))).toBe("linked");
    expect(await linkedTo(t)).toBe("user_alice");
  });

  it("a user.updated arriving after user.deleted doesn't link the deleted user again, however new it claims to be", async () => {
    const t = deployment();
    expect(await deliver(t, "user.created", alice(T0 + 1))).toBe("linked");
    expect(await deliver(t, "user.deleted", { id: "user_alice", object: "user", deleted: true })).toBe("unlinked 1");
    expect(await deliver(t, "user.updated", alice(T0 + 2))).toBe("ignored (user deleted)");
    expect(await deliver(t, "user.updated", alice(Date.now() + 60_000))).toBe("ignored (user deleted)");
    expect(await linkedTo(t)).toBeNull();
  });

  it("an event without updated_at can't be placed in order and changes nothing", async () => {
    const t = deployment();
    const { updated_at: _, ...undated } = alice(T0);
    expect(await deliver(t, "user.updated", undated)).toBe("ignored (no updated_at)");
    expect(await linkedTo(t)).toBe("no account");
  });

  it("forgets handled deliveries after a week, a few at a time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = deployment();
    await deliver(t, "user.updated", alice(T0 + 1), "msg_old");
    vi.setSystemTime(Date.now() + 8 * 86_400_000);
    await t.mutation(internal.linking.clerk.applyClerkEvent, {
      type: "session.created",
      clerkUserId: "user_alice",
      svixId: "msg_new",
      discordUserId: null,
    });
    const ids = await t.run(async (ctx) => (await ctx.db.query("clerk_webhook_deliveries").collect()).map((d) => d.svixId));
    expect(ids).toEqual(["msg_new"]);
  });
});

describe("a person's unlink holds against Clerk's webhooks", () => {
  it("/unlink followed by a Clerk profile edit (user.updated) leaves the account unlinked", async () => {
    const t = deployment();
    // Alice signed in to the web app with Discord: linked automatically.
    expect(await deliver(t, "user.created", alice(T0 + 1, { created_at: T0 }))).toBe("linked");
    await t.mutation(api.bot.titles.addToWatchlist, {
      secret: SECRET,
      discordUserId: ALICE,
      tmdbId: 603,
      mediaType: "movie",
      title: "The Matrix",
    });
    expect(await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ status: "unlinked" });
    // What she tracks in Discord from now on stays on her Discord-only profile.
    await t.mutation(api.bot.titles.addToWatchlist, {
      secret: SECRET,
      discordUserId: ALICE,
      tmdbId: 27205,
      mediaType: "movie",
      title: "Inception",
    });

    // She changes her name on the website; Clerk still lists the Discord connection.
    expect(await deliver(t, "user.updated", { ...alice(Date.now(), { created_at: T0 }), first_name: "Alicia" })).toBe(
      "kept unlinked (the person unlinked)",
    );
    expect(await linkedTo(t)).toBeNull();
    const account = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(account).toMatchObject({ linkedTo: null, titles: 1 });
    expect((await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).map((w) => w.tmdbId)).toEqual([603]);
  });

  it("after “Delete my Discord data”, a profile edit doesn't make the account again", async () => {
    const t = deployment();
    expect(await deliver(t, "user.created", alice(T0 + 1))).toBe("linked");
    expect(await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE })).toMatchObject({
      deleted: true,
      library: "kept",
    });
    expect(await deliver(t, "user.updated", alice(T0 + 2))).toBe("kept unlinked (the person unlinked)");
    expect(await linkedTo(t)).toBe("no account");
  });

  it("linking again with /link ends the hold: later webhooks follow the connection as before", async () => {
    const t = deployment();
    await deliver(t, "user.created", alice(T0 + 1));
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    expect(await linkByCode(t, ALICE, "user_alice")).toMatchObject({ status: "linked" });
    expect(await t.run(async (ctx) => await ctx.db.query("discord_unlinks").collect())).toEqual([]);
    expect(await deliver(t, "user.updated", alice(T0 + 2))).toBe("already_linked");
    expect(await linkedTo(t)).toBe("user_alice");
  });

  it("connecting Discord anew in Clerk after the unlink links again", async () => {
    const t = deployment();
    await deliver(t, "user.created", alice(T0 + 1, { id: "idn_discord_1" }));
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    expect(await deliver(t, "user.updated", alice(T0 + 2, { id: "idn_discord_1" }))).toBe("kept unlinked (the person unlinked)");
    // She removes the connection in Clerk and connects Discord again: a new connection.
    await deliver(t, "user.updated", alice(T0 + 3, null));
    expect(await deliver(t, "user.updated", alice(T0 + 4, { id: "idn_discord_2" }))).toBe("linked");
    expect(await linkedTo(t)).toBe("user_alice");
  });

  it("a connection made after Clerk reported the old one gone links again, even when the payloads carry no connection ids", async () => {
    const t = deployment();
    const bare = { id: undefined };
    await deliver(t, "user.created", alice(T0 + 1, bare));
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    expect(await deliver(t, "user.updated", alice(T0 + 2, bare))).toBe("kept unlinked (the person unlinked)");
    expect(await deliver(t, "user.updated", alice(T0 + 3, null))).toBe("no discord account");
    expect(await deliver(t, "user.updated", alice(T0 + 4, bare))).toBe("linked");
  });

  it("a connection Clerk says was made after the unlink counts as new even without an id we saw before", async () => {
    const t = deployment();
    expect(await linkByCode(t, ALICE, "user_alice")).toMatchObject({ status: "linked" });
    await t.mutation(api.bot.linking.unlink, { secret: SECRET, discordUserId: ALICE });
    expect(await deliver(t, "user.updated", alice(T0 + 1, { created_at: T0 }))).toBe("kept unlinked (the person unlinked)");
    expect(await deliver(t, "user.updated", alice(T0 + 2, { created_at: Date.now() + 1_000 }))).toBe("linked");
  });
});

describe("an unlink forced by Clerk while the Discord history is still moving", () => {
  async function aliceMidMerge() {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
    const t = deployment();
    const guestId = await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE }).then((r) => r.userId);
    await t.run(async (ctx) => {
      for (let id = 1; id <= 1000; id++)
        await ctx.db.insert("watch_items", { userId: guestId, tmdbId: id, mediaType: "movie", inWatchlist: true, updatedAt: id });
    });
    expect(await deliver(t, "user.created", alice(T0 + 1))).toBe("linked");
    const job = await t.run(async (ctx) => await ctx.db.query("link_merges").first());
    expect(job).toMatchObject({ state: "running" });
    return t;
  }

  it("user.deleted mid-merge is queued: when the move ends the account continues on a profile that exists", async () => {
    const t = await aliceMidMerge();
    const result = await deliver(t, "user.deleted", { id: "user_alice", object: "user", deleted: true });
    // Meanwhile /account says what is going on.
    const during = await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE });
    expect(during.merge?.text).toMatch(/in progress: .* this account is unlinked once the move is done$/);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await linkedTo(t)).toBeNull();
    expect(result).toBe("unlinked 0, 1 queued until their Discord history has moved");
    // Nothing was lost on the way: the history moved into the web profile.
    expect(await webUser(t, "user_alice").query(api.watchlist.getWatchlist, {})).toHaveLength(1000);
    // And Discord works again on the fresh guest profile.
    await t.mutation(api.bot.titles.addToWatchlist, {
      secret: SECRET,
      discordUserId: ALICE,
      tmdbId: 603,
      mediaType: "movie",
      title: "The Matrix",
    });
    expect(await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ linkedTo: null, titles: 1 });
  }, 60_000);

  it("disconnecting Discord in Clerk mid-merge is queued the same way", async () => {
    const t = await aliceMidMerge();
    const result = await deliver(t, "user.updated", alice(T0 + 2, null));
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await linkedTo(t)).toBeNull();
    expect(result).toBe("unlinked 0, 1 queued");
  }, 60_000);

  it("connecting Discord again in Clerk before the move ends cancels the queued unlink: the newest state wins", async () => {
    const t = await aliceMidMerge();
    expect(await deliver(t, "user.updated", alice(T0 + 2, null))).toBe("unlinked 0, 1 queued");
    // She connects Discord again (a newer event) while her history is still moving.
    expect(await deliver(t, "user.updated", alice(T0 + 3, { id: "idn_discord_2", created_at: T0 + 3 }))).toBe("already_linked");
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await linkedTo(t)).toBe("user_alice");
  }, 60_000);

  it("linking with /link before the move ends cancels an unlink Clerk queued behind it", async () => {
    const t = await aliceMidMerge();
    expect(await deliver(t, "user.updated", alice(T0 + 2, null))).toBe("unlinked 0, 1 queued");
    expect(await linkByCode(t, ALICE, "user_alice")).toMatchObject({ status: "already_linked" });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await linkedTo(t)).toBe("user_alice");
  }, 60_000);

  it("the repair check finds accounts pointing at a missing profile and puts them back on a guest profile", async () => {
    const t = deployment();
    await linkByCode(t, ALICE, "user_alice");
    await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: "100000000000000009" });
    // An account left by the old race: pointing at a profile since deleted.
    await t.run(async (ctx) => {
      const account = (await ctx.db
        .query("discord_accounts")
        .withIndex("by_discord", (q) => q.eq("discordUserId", ALICE))
        .unique())!;
      const ghost = await ctx.db.insert("users", { tokenIdentifier: `discord|${ALICE}` });
      await ctx.db.delete(ghost);
      await ctx.db.patch(account._id, { userId: ghost });
    });
    expect(await linkedTo(t)).toBe("a missing profile");

    const dry = await t.mutation(internal.linking.repair.repairOrphanedAccounts, { dryRun: true });
    expect(dry).toEqual({ checked: 2, orphaned: [ALICE], repaired: false, isDone: true });
    expect(await linkedTo(t)).toBe("a missing profile");

    expect(await t.mutation(internal.linking.repair.repairOrphanedAccounts, {})).toEqual({
      checked: 2,
      orphaned: [ALICE],
      repaired: true,
      isDone: true,
    });
    expect(await linkedTo(t)).toBeNull();
    expect(await t.query(api.bot.linking.account, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ linkedTo: null, titles: 0 });
    expect(await t.mutation(internal.linking.repair.repairOrphanedAccounts, {})).toMatchObject({ orphaned: [] });
  });
});

describe("the link confirmation", () => {
  it("shows the web account's name as text: a masked link or a mention in it stays inert", async () => {
    const t = deployment();
    const sent: string[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      if (url.includes("/interaction-token-abc")) sent.push((JSON.parse(init.body as string) as { content: string }).content);
      return new Response(JSON.stringify({ id: "400000000000000001" }), { status: 200 });
    });
    vi.useFakeTimers();
    const code = newCode();
    await t.mutation(api.bot.linking.startLink, {
      secret: SECRET,
      discordUserId: ALICE,
      codeHash: await hashCode(code),
      discordName: "alice",
      applicationId: "300000000000000001",
      interactionToken: "interaction-token-abc",
    });
    // A web account with no email and a name that is markdown.
    const name = "[Claim your Nitro](https://evil.example/x) @everyone **now**";
    await t.withIdentity({ subject: "user_mallory", name }).mutation(api.linking.page.redeem, { code });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(sent).toHaveLength(1);
    const content = sent[0]!;
    expect(content).toContain("Linked to Film Fanatic account **");
    expect(content).not.toMatch(/(^|[^\\])\[Claim your Nitro\]\(/);
    expect(content).not.toContain("@everyone");
    expect(content).toContain("\\*\\*now\\*\\*");
  });
});

describe("one /account export at a time", () => {
  it("a second export while one is being prepared is refused, and allowed again once it is done or its lease lapsed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = deployment();
    await t.mutation(api.bot.profile.ensureProfile, { secret: SECRET, discordUserId: ALICE });
    const first = await t.mutation(api.bot.linking.startExport, { secret: SECRET, discordUserId: ALICE });
    expect(first).toMatchObject({ started: true });
    expect(await t.mutation(api.bot.linking.startExport, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ started: false });
    await t.mutation(api.bot.linking.finishExport, { secret: SECRET, discordUserId: ALICE, lease: (first as { lease: number }).lease });
    const second = await t.mutation(api.bot.linking.startExport, { secret: SECRET, discordUserId: ALICE });
    expect(second).toMatchObject({ started: true });
    // A bot that died mid-export holds nobody up for longer than the lease.
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    expect(await t.mutation(api.bot.linking.startExport, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ started: true });
    // An old lease handed back late doesn't end the newer export.
    await t.mutation(api.bot.linking.finishExport, { secret: SECRET, discordUserId: ALICE, lease: (second as { lease: number }).lease });
    expect(await t.mutation(api.bot.linking.startExport, { secret: SECRET, discordUserId: ALICE })).toMatchObject({ started: false });
  });
});
