import { Events, type Client } from "discord.js";
import type { BotContext } from "../commands/types.ts";

export const ready = {
  name: Events.ClientReady,
  once: true,
  execute(client: Client<true>, ctx: BotContext) {
    ctx.logger.info({ user: client.user.tag, guilds: client.guilds.cache.size }, "connected to Discord");
  },
};
