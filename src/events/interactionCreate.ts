// Door 1, the gateway: discord.js receives INTERACTION_CREATE, and the raw payload goes to the
// interaction core, whose answers go back over the interaction's REST routes. discord.js is used
// for the connection (sharding, resumes, heartbeats) and the Guilds cache the directory reads.
import { GatewayDispatchEvents, type APIInteraction } from "discord-api-types/v10";
import type { Client } from "discord.js";
import type { BotContext } from "../commands/types.ts";
import { handleInteraction } from "../core/dispatch.ts";
import { restTransport } from "../core/transport.ts";

/** Calls `track` with each interaction's handling, as it starts (stop() waits for them). */
export function listenForInteractions(
  client: Client,
  ctx: BotContext,
  options: { apiBase: string; accepting: () => boolean; track: (work: Promise<void>) => void },
): void {
  client.ws.on(GatewayDispatchEvents.InteractionCreate as never, (raw: APIInteraction) => {
    // Once stopping, nothing new starts: Discord gives the interaction to no one, as for a bot that is down.
    if (!options.accepting()) return;
    const receivedAt = Date.now();
    options.track(
      handleInteraction(
        raw,
        ctx,
        restTransport({ id: raw.id, applicationId: raw.application_id, token: raw.token }, { apiBase: options.apiBase }),
        { receivedAt },
      ),
    );
  });
}
