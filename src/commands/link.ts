import type { APIUser } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { linkCard } from "../views/account.ts";
import { command, forPerson } from "./types.ts";

/**
 * /link: a one-time code (128 random bits, made here; Convex keeps only its SHA-256) and a
 * button to the link page the deployment serves. The code rides in the URL's fragment, so
 * it never reaches a server log. The page does the rest with the web app's own Clerk sign-in;
 * this process never sees a Clerk token. The confirmation arrives as a follow-up to this
 * reply (or a DM once the interaction has expired).
 */
export const link = command({
  data: defineCommand({ name: "link", description: "Link your Film Fanatic web account, so Discord and the website share one library" }),
  ephemeral: true,
  async execute(interaction, respond, ctx) {
    const code = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const codeHash = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code))));
    const user = interaction.user;
    const started = await ctx.backend.mutation(api.bot.linking.startLink, {
      discordUserId: user.id,
      username: user.username,
      codeHash,
      discordName: user.displayName,
      avatarUrl: avatarUrl(interaction.member?.user ?? interaction.raw.user),
      applicationId: interaction.applicationId,
      interactionToken: interaction.token,
    });
    await respond.send(
      linkCard({ code, pageUrl: started.pageUrl, expiresAt: started.expiresAt, linkedTo: started.linkedTo }, forPerson(ctx)),
    );
  },
});

/** RFC 4648 base64url without padding. */
function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The user's avatar on Discord's CDN (128 px), or the default one Discord gives them. */
function avatarUrl(user: APIUser | undefined): string {
  if (user?.avatar)
    return `https://cdn.discordapp.com/avatars/${user.id}/${user.avatar}.${user.avatar.startsWith("a_") ? "gif" : "webp"}?size=128`;
  const index = user && /^\d{1,20}$/.test(user.id) ? Number((BigInt(user.id) >> 22n) % 6n) : 0;
  return `https://cdn.discordapp.com/embed/avatars/${index}.png`;
}
