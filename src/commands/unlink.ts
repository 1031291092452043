import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { unlinkCancelButton, unlinkConfirmButton } from "../views/component-ids.ts";
import { ButtonStyle, button, rows } from "../views/components.ts";
import { plain } from "../views/text.ts";
import { command } from "./types.ts";

const NOT_LINKED = "You are not linked to a Film Fanatic account. `/link` links one.";

/**
 * /unlink: the web account keeps everything; Discord continues on a fresh Discord-only profile.
 * Asked first, since Discord's view of the library starts empty afterwards.
 */
export const unlink = command({
  data: defineCommand({ name: "unlink", description: "Unlink your Film Fanatic web account (it keeps its data)" }),
  ephemeral: true,
  reads: ["", "no"],
  async execute(interaction, respond, ctx) {
    const { linkedTo } = await ctx.backend.query(api.bot.linking.linkStatus, { discordUserId: interaction.user.id });
    if (linkedTo === null) {
      await respond.send({ content: NOT_LINKED });
      return;
    }
    await respond.send({
      content:
        `Unlink from **${plain(linkedTo)}**? Your web library keeps everything, but here in Discord you'll start again on an empty Discord-only profile. ` +
        "`/link` links again later.",
      components: rows(
        button({ customId: unlinkConfirmButton.encode({}), label: "Unlink", style: ButtonStyle.Danger }),
        button({ customId: unlinkCancelButton.encode({}), label: "Keep it linked", style: ButtonStyle.Secondary }),
      ),
    });
  },
  components: {
    "unlink:yes": async (interaction, respond, ctx) => {
      const result = await ctx.backend.mutation(api.bot.linking.unlink, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
      });
      const content =
        result.status === "unlinked"
          ? `Unlinked from **${plain(result.from ?? "your Film Fanatic account")}**. Your web library keeps everything; from now on, what you track here starts a fresh Discord-only profile. \`/link\` links again.`
          : result.status === "busy"
            ? "Your Discord history is still moving into your web library. Try again in a minute (`/account` shows how far it is)."
            : NOT_LINKED;
      await respond.send({ content, components: [] });
    },
    "unlink:no": async (interaction, respond, ctx) => {
      const { linkedTo } = await ctx.backend.query(api.bot.linking.linkStatus, { discordUserId: interaction.user.id });
      await respond.send({
        content: linkedTo === null ? NOT_LINKED : `Still linked to **${plain(linkedTo)}** — nothing changed.`,
        components: [],
      });
    },
  },
});
