import { createHash, randomBytes } from "node:crypto";
import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { linkCard } from "../views/account.ts";
import { command } from "./types.ts";

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
    const code = randomBytes(16).toString("base64url");
    const codeHash = createHash("sha256").update(code).digest("hex");
    const user = interaction.user;
    const started = await ctx.backend.mutation(api.bot.linking.startLink, {
      discordUserId: user.id,
      username: user.username,
      codeHash,
      discordName: user.displayName,
      avatarUrl: user.displayAvatarURL({ size: 128 }),
      applicationId: interaction.applicationId,
      interactionToken: interaction.token,
    });
    await respond.send(linkCard({ code, pageUrl: started.pageUrl, expiresAt: started.expiresAt, linkedTo: started.linkedTo }));
  },
});
