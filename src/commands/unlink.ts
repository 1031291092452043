import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { plain } from "../views/text.ts";
import { command } from "./types.ts";

/** /unlink: the web account keeps everything; Discord continues on a fresh Discord-only profile. */
export const unlink = command({
  data: defineCommand({ name: "unlink", description: "Unlink your Film Fanatic web account (it keeps its data)" }),
  ephemeral: true,
  async execute(interaction, respond, ctx) {
    const result = await ctx.backend.mutation(api.linking.unlink, { discordUserId: interaction.user.id, username: interaction.user.username });
    const content =
      result.status === "unlinked"
        ? `Unlinked from **${plain(result.from ?? "your Film Fanatic account")}**. Your web library keeps everything; from now on, what you track here starts a fresh Discord-only profile. \`/link\` links again.`
        : result.status === "busy"
          ? "Your Discord history is still moving into your web library. Try again in a minute (`/account` shows how far it is)."
          : "You are not linked to a Film Fanatic account. `/link` links one.";
    await respond.send({ content });
  },
});
