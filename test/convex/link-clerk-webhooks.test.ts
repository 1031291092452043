import { beforeEach, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, deployment, webUser } from "./setup";
import { SIGNING_SECRET, startLink, addGuestTitle, accountOf, sendWebhook, nextUpdatedAt, discordUser } from "./link-helpers";

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
