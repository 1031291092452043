/** What message-carrying routes share: Discord's payload checks, uploaded files, channel buckets. */
import { PermissionFlagsBits } from "discord-api-types/v10";
import { DiscordErrors, FormErrors } from "../errors.ts";
import type { InteractionRec } from "../interactions.ts";
import type { SandboxChannel, SandboxMessage } from "../types.ts";
import { isEmptyMessage, validateMessageBody } from "../validate.ts";
import type { RequestCtx, RestCore } from "./router.ts";

export function checkMessage(body: any, prefix: string[] = []): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const errs = new FormErrors();
    errs.add(prefix, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    throw DiscordErrors.invalidForm(errs);
  }
  const errs = validateMessageBody(body, { prefix });
  if (!errs.empty) throw DiscordErrors.invalidForm(errs);
}

/** Validates a new message and refuses an empty one. */
export function checkNewMessage(body: any, attachments: any[] | undefined, prefix: string[] = []): void {
  checkMessage(body, prefix);
  if (isEmptyMessage({ ...body, attachments: attachments ?? body.attachments })) throw DiscordErrors.emptyMessage();
}

/** Validates an edit and checks the merged message would not be empty. */
export function checkEdit(m: SandboxMessage, body: any, prefix: string[] = [], newAttachments?: any[]): void {
  checkMessage(body, prefix);
  const merged = {
    content: "content" in body ? body.content : m.loading ? "" : m.content,
    embeds: "embeds" in body ? body.embeds : m.embeds,
    components: "components" in body ? body.components : m.components,
    attachments: newAttachments ?? ("attachments" in body ? body.attachments : m.attachments),
  };
  if (isEmptyMessage(merged)) throw DiscordErrors.emptyMessage();
}

/** Attachment objects for the files uploaded with this request (undefined when none). */
export function attachmentsFrom(core: RestCore, ctx: RequestCtx, channelId: string): any[] | undefined {
  if (!ctx.files.length) return undefined;
  const meta: any[] = Array.isArray(ctx.body.attachments) ? ctx.body.attachments : [];
  return ctx.files.map((f, i) => {
    const idx = /\[(\d+)\]/.exec(f.field)?.[1] ?? String(i);
    const m = meta.find((a) => String(a.id) === idx) ?? {};
    const id = core.world.ids.next(core.config.now());
    const filename = m.filename ?? f.filename;
    const attachment = {
      id,
      filename,
      size: f.data.length,
      url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
      proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
      content_type: f.contentType,
      ...(m.description ? { description: m.description } : {}),
    };
    // The bytes, for tests that read back what the bot sent (`message(id).attachments[i].data`);
    // not enumerable, so never serialised into events or payloads.
    Object.defineProperty(attachment, "data", { value: f.data, enumerable: false });
    return attachment;
  });
}

/** Counts a create/edit against the channel's bucket (429 when used up). */
export function limitChannel(core: RestCore, ctx: RequestCtx, ch: SandboxChannel): void {
  const r = core.limits.takeChannelMessage(ch.id);
  ctx.rate = r;
  // A bot that used up the bucket may be holding requests until it resets.
  if (r.remaining === 0) core.activity.busy(r.resetAt + 150);
}

export function channelById(core: RestCore, id: string, ctx: RequestCtx): SandboxChannel {
  const ch = core.world.channelById(id);
  if (!ch) throw DiscordErrors.unknownChannel();
  ctx.place = { ...core.world.channelPlace(ch) };
  // The bot must see a guild channel to use it at all (a revoked channel answers 50001).
  if (ch.guildId && !(core.world.channelPermissions(ch, core.world.botUser.id) & PermissionFlagsBits.ViewChannel))
    throw DiscordErrors.missingAccess();
  return ch;
}

/** Posting in a guild channel needs Send Messages there (50013 otherwise). */
export function checkCanSend(core: RestCore, ch: SandboxChannel): void {
  if (ch.guildId && !(core.world.channelPermissions(ch, core.world.botUser.id) & PermissionFlagsBits.SendMessages))
    throw DiscordErrors.missingPermissions();
}

export function interactionPlace(it: InteractionRec) {
  return { ...it.ctx.place, interaction_id: it.id, source: it.source };
}
