// The bot's message records in the sandbox world: a new message from a create body and an edit
// body applied to one, with the flags Discord keeps and who they ping. World (world.ts) stores
// them and announces them on the gateway.

import { MessageFlags, MessageType } from "discord-api-types/v10";
import { computeMentions, NO_MENTIONS, type AllowedMentions, type Mentions } from "./mentions.ts";
import { discordTimestamp, type MessageInteraction, type SandboxChannel, type SandboxMessage } from "./types.ts";

export interface NewMessageOptions {
  interaction?: MessageInteraction;
  ephemeral?: boolean;
  loading?: boolean;
  attachments?: any[];
  reference?: SandboxMessage | null;
}

/** A new message record with this id in `channel`, from a create body. */
export function messageRecord(
  id: string,
  channel: SandboxChannel,
  body: Record<string, any>,
  opts: NewMessageOptions,
  now: () => number,
): SandboxMessage {
  const ephemeral = Boolean(opts.ephemeral);
  const kept = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;
  const flags =
    (typeof body.flags === "number" ? body.flags & kept : 0) |
    (ephemeral ? MessageFlags.Ephemeral : 0) |
    (opts.loading ? MessageFlags.Loading : 0);
  const it = opts.interaction;
  const visibleTo = ephemeral && it ? it.user : null;
  const m: SandboxMessage = {
    id,
    channelId: channel.id,
    guildId: channel.guildId,
    content: typeof body.content === "string" ? body.content : "",
    embeds: Array.isArray(body.embeds) ? body.embeds.map((e: any) => ({ type: "rich", ...e })) : [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: opts.attachments ?? [],
    flags,
    ephemeral,
    loading: Boolean(opts.loading),
    visibleToId: visibleTo?.id ?? null,
    visibleTo: visibleTo?.name ?? null,
    createdAt: discordTimestamp(now()),
    editedAt: null,
    interactionId: it?.id ?? null,
    interaction: it ?? null,
    allowedMentions: body.allowed_mentions ?? null,
    mentions: NO_MENTIONS,
    type: it
      ? it.kind === "command"
        ? MessageType.ChatInputCommand
        : MessageType.Default
      : opts.reference
        ? MessageType.Reply
        : MessageType.Default,
    messageReference: opts.reference
      ? {
          message_id: opts.reference.id,
          channel_id: opts.reference.channelId,
          ...(opts.reference.guildId ? { guild_id: opts.reference.guildId } : {}),
        }
      : null,
    deleted: false,
  };
  m.mentions = mentionsFor(m, body.allowed_mentions);
  return m;
}

/** Applies an edit body (fields present replace; mentions recomputed when content changes). */
export function applyEditBody(m: SandboxMessage, body: Record<string, any>, attachments: any[] | undefined, now: () => number): void {
  if ("content" in body) m.content = typeof body.content === "string" ? body.content : "";
  if ("embeds" in body) m.embeds = Array.isArray(body.embeds) ? body.embeds.map((e: any) => ({ type: "rich", ...e })) : [];
  if ("components" in body) m.components = Array.isArray(body.components) ? body.components : [];
  if (attachments) m.attachments = attachments;
  else if ("attachments" in body && Array.isArray(body.attachments)) {
    const keep = new Set(body.attachments.map((a: any) => String(a.id)));
    m.attachments = m.attachments.filter((a) => keep.has(String(a.id)));
  }
  if (typeof body.flags === "number") {
    const changeable = MessageFlags.SuppressEmbeds;
    m.flags = (m.flags & ~changeable) | (body.flags & changeable);
  }
  const wasLoading = m.loading;
  m.loading = false;
  m.flags &= ~MessageFlags.Loading;
  m.editedAt = wasLoading ? null : discordTimestamp(now());
  if ("content" in body || "allowed_mentions" in body || wasLoading) {
    m.allowedMentions = body.allowed_mentions ?? null;
    m.mentions = mentionsFor(m, body.allowed_mentions ?? null);
  }
}

/** Who a message pings; ephemeral and loading messages ping nobody. */
function mentionsFor(m: SandboxMessage, allowed: AllowedMentions | null | undefined): Mentions {
  if (m.ephemeral || m.loading) return { everyone: false, users: [], roles: [] };
  // Every stored message is the bot's own, so replying to one never pings a person here.
  return computeMentions(m.content, allowed ?? null, { repliedUserId: null });
}
