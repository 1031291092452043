import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { LIMITS } from "./limits.ts";
import { codePointLength, truncate } from "./text.ts";

/** The characters an embed counts toward Discord's 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  let n = codePointLength(embed.title ?? "") + codePointLength(embed.description ?? "");
  n += codePointLength(embed.footer?.text ?? "") + codePointLength(embed.author?.name ?? "");
  for (const f of embed.fields ?? []) n += codePointLength(f.name) + codePointLength(f.value);
  return n;
}

function field(f: APIEmbedField): APIEmbedField {
  return {
    name: truncate(f.name, LIMITS.fieldName) || "\u200b",
    value: truncate(f.value, LIMITS.fieldValue) || "\u200b",
    ...(f.inline !== undefined ? { inline: f.inline } : {}),
  };
}

/**
 * An embed cut to every one of Discord's limits: each text to its own, at most
 * 25 fields, and the whole to `budget` characters (6,000 by default) — by
 * dropping the last fields, then shortening the description. Views build
 * within limits on purpose; this is the guarantee when outside text is long.
 */
export function fitEmbed(embed: APIEmbed, budget: number = LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) out.fields = out.fields.slice(0, LIMITS.embedFields).map(field);
  while (embedLength(out) > budget && out.fields && out.fields.length > 0) out.fields = out.fields.slice(0, -1);
  const over = embedLength(out) - budget;
  if (over > 0 && out.description) {
    out.description = truncate(out.description, Math.max(0, codePointLength(out.description) - over));
    if (out.description === "") delete out.description;
  }
  if (embedLength(out) > budget && out.title) {
    out.title = truncate(out.title, Math.max(0, codePointLength(out.title) - (embedLength(out) - budget)));
    if (out.title === "") delete out.title;
  }
  return out;
}
