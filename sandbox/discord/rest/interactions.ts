/**
 * Answering interactions: the callback (reply, defer, update, autocomplete, modal) and the
 * interaction webhook (follow-ups, editing or deleting @original and follow-ups).
 */
import { InteractionResponseType as Response, InteractionType, MessageFlags } from "discord-api-types/v10";
import { DiscordErrors, FormErrors } from "../errors.ts";
import type { InteractionRec } from "../interactions.ts";
import { messageBody, messageObject } from "../serialize.ts";
import type { SandboxMessage } from "../types.ts";
import { validateAutocompleteResult, validateModal } from "../validate.ts";
import { attachmentsFrom, checkEdit, checkNewMessage, interactionPlace } from "./messages.ts";
import type { RequestCtx, Result, Route, RestCore } from "./router.ts";

const ALLOWED: Record<InteractionRec["kind"], Response[]> = {
  autocomplete: [Response.ApplicationCommandAutocompleteResult],
  component: [
    Response.ChannelMessageWithSource,
    Response.DeferredChannelMessageWithSource,
    Response.DeferredMessageUpdate,
    Response.UpdateMessage,
    Response.Modal,
  ],
  command: [Response.ChannelMessageWithSource, Response.DeferredChannelMessageWithSource, Response.Modal],
};

export function interactionRoutes(route: Route, core: RestCore): void {
  const { world, interactions, config } = core;

  const byToken = (ctx: RequestCtx): InteractionRec => {
    if (ctx.params.app !== config.applicationId) throw DiscordErrors.unknownWebhook();
    const it = interactions.withToken(ctx.params.token!);
    if (!it) throw DiscordErrors.invalidWebhookToken();
    ctx.place = { ...it.ctx.place, interaction_id: it.id };
    if (interactions.expired(it)) throw DiscordErrors.invalidWebhookToken();
    return it;
  };

  const webhookMessage = (it: InteractionRec, id: string): SandboxMessage => {
    if (!it.acked) throw DiscordErrors.unknownWebhook();
    let m: SandboxMessage | undefined;
    if (id === "@original") {
      const updatesComponentMessage =
        it.kind === "component" && (it.ackType === Response.DeferredMessageUpdate || it.ackType === Response.UpdateMessage);
      const mid = updatesComponentMessage ? it.componentMessageId : it.originalMessageId;
      m = mid ? world.message(mid) : undefined;
    } else if (id === it.originalMessageId || it.followupIds.includes(id) || id === it.componentMessageId) {
      m = world.message(id);
    }
    if (!m || m.deleted) throw DiscordErrors.unknownMessage();
    return m;
  };

  route("POST", "/interactions/:id/:token/callback", false, (ctx) => callback(core, ctx));

  route("POST", "/webhooks/:app/:token", false, async (ctx) => {
    const it = byToken(ctx);
    await it.answering;
    if (!it.acked) throw DiscordErrors.unknownWebhook();
    // The bot has answered its deferral (even if this attempt is refused below).
    interactions.markDeferredResolved(it);
    const body = ctx.body;
    const attachments = attachmentsFrom(core, ctx, it.ctx.channel.id);
    checkNewMessage(body, attachments);
    const place = interactionPlace(it);
    const original = it.originalMessageId ? world.message(it.originalMessageId) : undefined;
    let m: SandboxMessage;
    if (it.ackType === Response.DeferredChannelMessageWithSource && original && original.loading && !original.deleted) {
      // Discord: the first followup after a deferred reply replaces the "thinking" message.
      world.applyEdit(original, body, attachments);
      m = original;
      core.emit({ t: "reply_edit", ...place, ...messageBody(m) });
    } else {
      const ephemeral = ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      m = world.createMessage(it.ctx.channel, body, { interaction: it.meta, ephemeral, attachments });
      it.followupIds.push(m.id);
      core.emit({ t: "followup", ...place, ...messageBody(m) });
    }
    if (ctx.query.get("wait") === "false") return { status: 204 };
    return { status: 200, body: messageObject(world, m) };
  });
  route("GET", "/webhooks/:app/:token/messages/:message", false, (ctx) => {
    const it = byToken(ctx);
    return { status: 200, body: messageObject(world, webhookMessage(it, ctx.params.message!)) };
  });
  route("PATCH", "/webhooks/:app/:token/messages/:message", false, async (ctx) => {
    const it = byToken(ctx);
    await it.answering;
    if (it.acked) interactions.markDeferredResolved(it);
    const m = webhookMessage(it, ctx.params.message!);
    const attachments = attachmentsFrom(core, ctx, m.channelId);
    checkEdit(m, ctx.body, [], attachments);
    world.applyEdit(m, ctx.body, attachments);
    const isOriginal = ctx.params.message === "@original" || m.id === it.originalMessageId || m.id === it.componentMessageId;
    core.emit({ t: isOriginal ? "reply_edit" : "followup_edit", ...interactionPlace(it), ...messageBody(m) });
    return { status: 200, body: messageObject(world, m) };
  });
  route("DELETE", "/webhooks/:app/:token/messages/:message", false, (ctx) => {
    const it = byToken(ctx);
    if (it.acked) interactions.markDeferredResolved(it);
    const m = webhookMessage(it, ctx.params.message!);
    world.deleteMessage(m);
    core.emit({ t: "message_delete", ...it.ctx.place, id: m.id, interaction_id: it.id });
    return { status: 204 };
  });
}

function callback(core: RestCore, ctx: RequestCtx): Result {
  const { world, interactions } = core;
  const it = interactions.get(ctx.params.id!);
  if (!it || it.token !== ctx.params.token) throw DiscordErrors.unknownInteraction();
  ctx.place = { ...it.ctx.place, interaction_id: it.id };
  if (it.failed || interactions.expired(it)) throw DiscordErrors.unknownInteraction();
  if (it.acked) throw DiscordErrors.alreadyAcknowledged();
  const body = ctx.body;
  const type = body?.type;
  const allowed = ALLOWED[it.kind];
  if (!allowed.includes(type)) {
    const errs = new FormErrors();
    errs.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", `Value must be one of {${allowed.join(", ")}} for this interaction.`);
    throw DiscordErrors.invalidForm(errs);
  }
  const data = body.data ?? {};
  const place = interactionPlace(it);
  let message: SandboxMessage | null = null;
  switch (type as Response) {
    case Response.ChannelMessageWithSource: {
      const attachments = attachmentsFrom(core, ctx, it.ctx.channel.id);
      checkNewMessage(data, attachments, ["data"]);
      const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      message = world.createMessage(it.ctx.channel, data, { interaction: it.meta, ephemeral, attachments });
      it.originalMessageId = message.id;
      interactions.markAcked(it, type);
      core.emit({ t: "reply", ...place, ...messageBody(message) });
      break;
    }
    case Response.DeferredChannelMessageWithSource: {
      const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      message = world.createMessage(it.ctx.channel, {}, { interaction: it.meta, ephemeral, loading: true });
      it.originalMessageId = message.id;
      interactions.markAcked(it, type);
      core.emit({ t: "reply", ...place, ...messageBody(message), deferred: true });
      break;
    }
    case Response.DeferredMessageUpdate:
      interactions.markAcked(it, type);
      break;
    case Response.UpdateMessage: {
      const target = it.componentMessageId ? world.message(it.componentMessageId) : undefined;
      if (!target || target.deleted) throw DiscordErrors.unknownMessage();
      const attachments = attachmentsFrom(core, ctx, it.ctx.channel.id);
      checkEdit(target, data, ["data"], attachments);
      world.applyEdit(target, data, attachments);
      message = target;
      interactions.markAcked(it, type);
      core.emit({ t: "reply_edit", ...place, ...messageBody(target) });
      break;
    }
    case Response.ApplicationCommandAutocompleteResult: {
      const errs = validateAutocompleteResult(body.data, it.focused?.type);
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
      interactions.markAcked(it, type);
      core.emit({
        t: "autocomplete",
        ...it.ctx.place,
        interaction_id: it.id,
        source: it.source,
        option: it.focused?.name ?? "",
        value: it.focused?.value ?? "",
        choices: (body.data.choices as any[]).map((c) => ({ name: c.name, value: c.value })),
      });
      break;
    }
    case Response.Modal: {
      const errs = validateModal(body.data);
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
      interactions.markAcked(it, type);
      core.emit({
        t: "modal",
        ...it.ctx.place,
        interaction_id: it.id,
        source: it.source,
        custom_id: data.custom_id,
        title: data.title,
        components: data.components,
      });
      break;
    }
  }
  if (ctx.query.get("with_response") !== "true") return { status: 204 };
  const resource: Record<string, unknown> = { type };
  if (message) resource.message = messageObject(world, message);
  return {
    status: 200,
    body: {
      interaction: {
        id: it.id,
        type:
          it.kind === "command"
            ? InteractionType.ApplicationCommand
            : it.kind === "component"
              ? InteractionType.MessageComponent
              : InteractionType.ApplicationCommandAutocomplete,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: type === Response.DeferredChannelMessageWithSource,
        response_message_ephemeral: message?.ephemeral ?? false,
      },
      resource,
    },
  };
}
