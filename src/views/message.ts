import type { APIAllowedMentions, APIEmbed, RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import type { Row } from "./components.ts";
import { embedLength, fitEmbed } from "./embeds.ts";
import { LIMITS } from "./limits.ts";
import { truncate } from "./text.ts";

/** A message as either runtime sends it: the bot as an interaction reply, Convex over REST. */
export interface MessageView {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
}

/** Nobody is pinged by anything the app posts. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

/** A message inside Discord's limits: content cut to 2,000, embeds to 10 and 6,000 characters together. */
export function message(view: { content?: string; embeds?: APIEmbed[]; components?: Row[] }): MessageView {
  // Embeds share one budget: later ones are cut first, and dropped when nothing is left for them.
  let budget: number = LIMITS.embedTotal;
  const fitted: APIEmbed[] = [];
  for (const embed of (view.embeds ?? []).slice(0, LIMITS.embeds)) {
    const f = fitEmbed(embed, budget);
    const size = embedLength(f);
    if (size > budget || (size === 0 && budget === 0)) break;
    budget -= size;
    fitted.push(f);
  }
  return {
    ...(view.content !== undefined ? { content: truncate(view.content, LIMITS.content) } : {}),
    embeds: fitted,
    components: (view.components ?? []).slice(0, LIMITS.actionRows),
  };
}

/** The body of a channel message Convex posts or edits over REST. */
export function restMessageBody(
  view: MessageView,
  extra: Pick<RESTPostAPIChannelMessageJSONBody, "nonce" | "enforce_nonce"> = {},
): RESTPostAPIChannelMessageJSONBody {
  return { content: view.content ?? "", embeds: view.embeds, components: view.components, allowed_mentions: NO_MENTIONS, ...extra };
}
