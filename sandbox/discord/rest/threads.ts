/**
 * Threads, as far as watch parties use them: the bot starts a public thread from a message
 * (POST /channels/{channel.id}/messages/{message.id}/threads). The thread is a channel of type 11
 * under the message's channel, announced by a `thread` event; posting in it is not modelled.
 */
import {
  ChannelType,
  type ChannelFlags,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  type APIThreadChannel,
} from "discord-api-types/v10";
import { DiscordErrors, DiscordHttpError, FormErrors } from "../errors.ts";
import { channelById } from "./messages.ts";
import type { Route, RestCore } from "./router.ts";

const ARCHIVE_MINUTES: readonly number[] = [60, 1440, 4320, 10080];

export function threadRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  /** Message id → the thread started from it (Discord allows one per message). */
  const started = new Map<string, APIThreadChannel>();

  route("POST", "/channels/:channel/messages/:message/threads", true, (ctx) => {
    const ch = channelById(core, ctx.params.channel!, ctx);
    if (ch.type !== ChannelType.GuildText) throw DiscordErrors.missingPermissions();
    const m = world.message(ctx.params.message!);
    if (!m || m.deleted || m.ephemeral || m.channelId !== ch.id) throw DiscordErrors.unknownMessage();
    const perms = world.channelPermissions(ch, world.botUser.id);
    if (!(perms & PermissionFlagsBits.ViewChannel) || !(perms & PermissionFlagsBits.CreatePublicThreads))
      throw DiscordErrors.missingPermissions();
    const body = (ctx.body ?? {}) as { name?: unknown; auto_archive_duration?: unknown };
    const errs = new FormErrors();
    const name = typeof body.name === "string" ? body.name.trim() : "";
    if (typeof body.name !== "string") errs.add(["name"], "BASE_TYPE_REQUIRED", "This field is required");
    else if (name.length < 1 || [...body.name].length > 100)
      errs.add(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    const archive: unknown = body.auto_archive_duration ?? 4320;
    if (typeof archive !== "number" || !ARCHIVE_MINUTES.includes(archive))
      errs.add(["auto_archive_duration"], "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
    if (!errs.empty) throw DiscordErrors.invalidForm(errs);
    if (started.has(m.id))
      throw new DiscordHttpError(
        400,
        RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
        "A thread has already been created for this message",
      );
    const now = core.config.now();
    const thread: APIThreadChannel = {
      id: world.ids.next(now),
      type: ChannelType.PublicThread,
      guild_id: ch.guildId!,
      parent_id: ch.id,
      owner_id: world.botUser.id,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0 as ChannelFlags,
      thread_metadata: {
        archived: false,
        auto_archive_duration: archive as ThreadAutoArchiveDuration,
        archive_timestamp: new Date(now).toISOString(),
        locked: false,
        create_timestamp: new Date(now).toISOString(),
      },
    };
    started.set(m.id, thread);
    core.emit({ t: "thread", ...world.channelPlace(ch), id: thread.id, name, message_id: m.id, auto_archive_duration: archive as number });
    return { status: 201, body: thread };
  });
}
