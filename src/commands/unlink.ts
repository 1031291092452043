import { api } from "../../convex/_generated/api.js";
import { defineCommand } from "../lib/command-options.ts";
import { unlinkCancelButton, unlinkConfirmButton } from "../views/component-ids.ts";
import { ButtonStyle, button, rows } from "../views/components.ts";
import { plain } from "../views/text.ts";
import { command, forPerson } from "./types.ts";

/**
 * /unlink: the web account keeps everything; Discord continues on a fresh Discord-only profile.
 * Asked first, since Discord's view of the library starts empty afterwards.
 */
export const unlink = command({
  data: defineCommand({ name: "unlink", description: "Unlink your Film Fanatic web account (it keeps its data)" }),
  ephemeral: true,
  reads: ["", "no"],
  async execute(interaction, respond, ctx) {
    const t = forPerson(ctx);
    const { linkedTo } = await ctx.backend.query(api.bot.linking.linkStatus, { discordUserId: interaction.user.id });
    if (linkedTo === null) {
      await respond.send({ content: t("account.unlink.notLinked") });
      return;
    }
    await respond.send({
      content: t("account.unlink.question", { name: plain(linkedTo) }),
      components: rows(
        button({ customId: unlinkConfirmButton.encode({}), label: t("account.unlink.button.confirm"), style: ButtonStyle.Danger }),
        button({ customId: unlinkCancelButton.encode({}), label: t("account.unlink.button.cancel"), style: ButtonStyle.Secondary }),
      ),
    });
  },
  components: {
    "unlink:yes": async (interaction, respond, ctx) => {
      const t = forPerson(ctx);
      const result = await ctx.backend.mutation(api.bot.linking.unlink, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
      });
      const content =
        result.status === "unlinked"
          ? t("account.unlink.done", { name: plain(result.from ?? t("account.unlink.yourAccount")) })
          : result.status === "busy"
            ? t("account.unlink.busy")
            : t("account.unlink.notLinked");
      await respond.send({ content, components: [] });
    },
    "unlink:no": async (interaction, respond, ctx) => {
      const t = forPerson(ctx);
      const { linkedTo } = await ctx.backend.query(api.bot.linking.linkStatus, { discordUserId: interaction.user.id });
      await respond.send({
        content: linkedTo === null ? t("account.unlink.notLinked") : t("account.unlink.kept", { name: plain(linkedTo) }),
        components: [],
      });
    },
  },
});
