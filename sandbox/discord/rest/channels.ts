/** Channels and their messages: reading, posting (DMs included), editing, deleting, reactions. */
import { ChannelType } from "discord-api-types/v10";
import { DiscordErrors, FormErrors } from "../errors.ts";
import { channelObject, messageBody, messageObject } from "../serialize.ts";
import type { SandboxChannel, SandboxMessage } from "../types.ts";
import { attachmentsFrom, channelById, checkCanSend, checkEdit, checkNewMessage, limitChannel } from "./messages.ts";
import { checkPoll, createPoll, pollObject } from "./polls.ts";
import type { Route, RestCore } from "./router.ts";
import { threadRoutes } from "./threads.ts";

/** How long Discord remembers a post's nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export function channelRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  threadRoutes(route, core);
  const nonces = new Map<string, { id: string; at: number }>();
  const channelMessage = (ch: SandboxChannel, id: string): SandboxMessage => {
    const m = world.message(id);
    if (!m || m.deleted || m.ephemeral || m.channelId !== ch.id) throw DiscordErrors.unknownMessage();
    return m;
  };

  route("GET", "/channels/:channel", true, (ctx) => ({
    status: 200,
    body: channelObject(world, channelById(core, ctx.params.channel!, ctx)),
  }));
  route("POST", "/channels/:channel/typing", true, (ctx) => {
    channelById(core, ctx.params.channel!, ctx);
    return { status: 204 };
  });
  route("GET", "/channels/:channel/messages", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    const limit = Math.min(100, Math.max(1, Number(ctx.query.get("limit") ?? 50) || 50));
    let list = world.messages(ch.id).filter((m) => !m.ephemeral);
    const before = ctx.query.get("before");
    const after = ctx.query.get("after");
    const around = ctx.query.get("around");
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
    if (around) {
      const idx = list.findIndex((m) => BigInt(m.id) >= BigInt(around));
      const mid = idx === -1 ? list.length : idx;
      const half = Math.floor(limit / 2);
      list = list.slice(Math.max(0, mid - half), Math.max(0, mid - half) + limit);
      return { status: 200, body: list.reverse().map((m) => messageObject(world, m)) };
    }
    const picked = after && !before ? list.slice(0, limit) : list.slice(-limit);
    return { status: 200, body: picked.reverse().map((m) => messageObject(world, m)) };
  });
  route("POST", "/channels/:channel/messages", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    if (ch.type === ChannelType.DM) {
      const u = world.userById(ch.recipientId ?? "");
      if (!u || u.dmsClosed) throw DiscordErrors.cannotDm();
    }
    checkCanSend(core, ch);
    limitChannel(core, ctx, ch);
    if (ch.guildId) core.limits.takeServerError();
    const body = ctx.body;
    const attachments = attachmentsFrom(core, ctx, ch.id);
    checkNewMessage(body, attachments);
    if (body.poll !== undefined && body.poll !== null) checkPoll(body.poll);
    if (typeof body.nonce === "string" && body.nonce.length > 25) {
      const errs = new FormErrors();
      errs.add(["nonce"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
      throw DiscordErrors.invalidForm(errs);
    }
    // enforce_nonce: the same nonce again within a few minutes returns the first message and creates nothing.
    const nonceKey =
      body.enforce_nonce === true && (typeof body.nonce === "string" || typeof body.nonce === "number") ? `${ch.id}:${body.nonce}` : null;
    const earlier = nonceKey === null ? undefined : nonces.get(nonceKey);
    const first = earlier !== undefined && core.config.now() - earlier.at < NONCE_WINDOW_MS ? world.message(earlier.id) : undefined;
    if (first !== undefined && !first.deleted) return { status: 200, body: messageObject(world, first) };
    let reference: SandboxMessage | null = null;
    const ref = body.message_reference;
    if (ref && ref.message_id) {
      const target = world.message(String(ref.message_id));
      if (!target || target.deleted || target.ephemeral || target.channelId !== (ref.channel_id ?? ch.id)) {
        if (ref.fail_if_not_exists !== false) {
          const errs = new FormErrors();
          errs.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
          throw DiscordErrors.invalidForm(errs);
        }
      } else reference = target;
    }
    const m = world.createMessage(ch, body, { attachments, reference });
    if (nonceKey !== null) nonces.set(nonceKey, { id: m.id, at: core.config.now() });
    if (body.poll !== undefined && body.poll !== null) createPoll(world, m, body.poll, core.config.now());
    const poll = pollObject(world, m.id, core.config.now());
    const place = world.channelPlace(ch);
    if (ch.type === ChannelType.DM) core.emit({ t: "dm", channel: "dm", to: place.to!, ...messageBody(m), ...(poll ? { poll } : {}) });
    else core.emit({ t: "message", ...place, ...messageBody(m), ...(poll ? { poll } : {}) });
    return { status: 200, body: { ...messageObject(world, m), ...(poll ? { poll } : {}) } };
  });
  route("GET", "/channels/:channel/messages/:message", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    const m = channelMessage(ch, ctx.params.message!);
    const poll = pollObject(world, m.id, core.config.now());
    return { status: 200, body: { ...messageObject(world, m), ...(poll ? { poll } : {}) } };
  });
  route("PATCH", "/channels/:channel/messages/:message", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    const m = channelMessage(ch, ctx.params.message!);
    if (ctx.body && typeof ctx.body === "object" && "poll" in ctx.body) {
      const errs = new FormErrors();
      errs.add(["poll"], "POLL_NOT_EDITABLE", "Polls cannot be edited.");
      throw DiscordErrors.invalidForm(errs);
    }
    limitChannel(core, ctx, ch);
    if (ch.guildId) core.limits.takeServerError();
    if (core.config.now() - Date.parse(m.createdAt) > 3_600_000) core.limits.takeOldMessageEdit(ch.id);
    const attachments = attachmentsFrom(core, ctx, ch.id);
    checkEdit(m, ctx.body, [], attachments);
    world.applyEdit(m, ctx.body, attachments);
    core.emit({ t: "message_edit", ...world.channelPlace(ch), ...messageBody(m) });
    return { status: 200, body: messageObject(world, m) };
  });
  route("DELETE", "/channels/:channel/messages/:message", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    const m = channelMessage(ch, ctx.params.message!);
    world.deleteMessage(m);
    core.emit({ t: "message_delete", ...world.channelPlace(ch), id: m.id });
    return { status: 204 };
  });

  // Reactions are accepted, not modelled.
  for (const method of ["PUT", "DELETE"]) {
    route(method, "/channels/:channel/messages/:message/reactions/:emoji/@me", true, (ctx) => {
      channelMessage(channelById(core, ctx.params.channel!, ctx), ctx.params.message!);
      return { status: 204 };
    });
  }
}
