import { Webhook } from "standardwebhooks";
import { api } from "../../convex/_generated/api";
import { hashCode } from "../../convex/model/link";
import { SECRET, webUser, type Deployment } from "./setup";

/** Shared by the link-*.test.ts files: /link codes, Clerk webhooks and what a Discord user owns. */
export const SIGNING_SECRET = `whsec_${btoa("sandbox-signing-secret-0123456789")}`;

export function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** What /link does in the bot: a fresh code, registered by its hash. */
export async function startLink(t: Deployment, discordUserId: string, discordName = "alice") {
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

export async function addGuestTitle(t: Deployment, discordUserId: string, tmdbId: number, title: string) {
  await t.mutation(api.bot.titles.addToWatchlist, { secret: SECRET, discordUserId, tmdbId, mediaType: "movie", title });
}

export async function markGot(t: Deployment, discordUserId: string, season: number, episodes: number[]) {
  await t.mutation(api.bot.episodes.markEpisodesFor, { secret: SECRET, discordUserId, tmdbId: 1399, season, episodes, isWatched: true });
}

export async function webEpisodes(t: Deployment, clerkId: string, tmdbId = 1399) {
  const rows = await webUser(t, clerkId).query(api.watchlist.getAllWatchedEpisodes, { tmdbId });
  return rows
    .filter((r) => r.isWatched)
    .map((r) => `S${r.season}E${r.episode}`)
    .sort();
}

export async function accountOf(t: Deployment, discordUserId: string) {
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
export async function sendWebhook(
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
export const nextUpdatedAt = () => ++clock;

export const discordUser = (clerkId: string, discordUserId: string | null, connection: { id?: string; created_at?: number } = {}) => ({
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
