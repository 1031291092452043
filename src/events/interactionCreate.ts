// Door 1, the gateway: discord.js receives INTERACTION_CREATE, and the raw payload goes to the
// interaction core, whose answers go back over the interaction's REST routes. discord.js is used
// for the connection (sharding, resumes, heartbeats) and the Guilds cache the directory reads.
import { GatewayDispatchEvents, type APIInteraction } from "discord-api-types/v10";
import type { Client } from "discord.js";
import type { BotContext } from "../commands/types.ts";
import { handleInteraction } from "../core/dispatch.ts";
import { restTransport, type RestSender } from "../core/transport.ts";
import { nodeRestSender } from "../lib/node-http.ts";

/** discord.js's per-client action for INTERACTION_CREATE (internal: its typings mark `actions` private). */
interface InteractionCreateAction {
  handle(data: unknown): unknown;
}

/** Calls `track` with each interaction's handling, as it starts (stop() waits for them). */
export function listenForInteractions(
  client: Client,
  ctx: BotContext,
  options: { apiBase: string; accepting: () => boolean; track: (work: Promise<void>) => void; send?: RestSender },
): void {
  const rest = { apiBase: options.apiBase, send: options.send ?? nodeRestSender };
  client.ws.on(GatewayDispatchEvents.InteractionCreate as never, (raw: APIInteraction) => {
    // Once stopping, nothing new starts: Discord gives the interaction to no one, as for a bot that is down.
    if (!options.accepting()) return;
    const receivedAt = Date.now();
    options.track(
      handleInteraction(raw, ctx, restTransport({ id: raw.id, applicationId: raw.application_id, token: raw.token }, rest), {
        receivedAt,
      }),
    );
  });
  // discord.js would also build its own Interaction object from every INTERACTION_CREATE — caching
  // the channel, the user and the member on the way — and emit it as `interactionCreate`, which
  // nothing here reads: the raw payload above is the bot's. Its action is switched off for this
  // client alone (bench/README.md, "CPU per interaction": about 3 % of each interaction's CPU).
  const actions = (client as unknown as { actions?: { InteractionCreate?: InteractionCreateAction } }).actions;
  if (actions?.InteractionCreate) actions.InteractionCreate.handle = () => undefined;
}
