// The one place Convex code calls Discord REST. Everything the deployment posts on
// its own (party boards, session reminders, DMs) goes through these functions from
// internal actions, so the base URL, the token, rate limits and Discord's error
// codes are handled in one place. DISCORD_API_BASE (e.g. https://discord.com/api,
// or the sandbox's loopback URL) and DISCORD_TOKEN come from the Convex environment.
//
// Nothing here throws for an answer Discord gives: callers get a typed result and
// decide (wait retry_after, pause a party on a lost channel, stop DMing a closed
// inbox). Only a missing or malformed configuration throws.
import {
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type APIGuildScheduledEvent,
  type APIMessage,
  type APIThreadChannel,
  type RESTPatchAPIGuildScheduledEventJSONBody,
  type RESTPostAPIGuildScheduledEventJSONBody,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessagesThreadsJSONBody,
} from "discord-api-types/v10";

export const DISCORD_API_VERSION = 10;
/** Per attempt: an action must not hang on a stalled connection. */
const TIMEOUT_MS = 10_000;

export type DiscordResult<T> =
  | { ok: true; data: T }
  /** 429: wait retryAfterMs before trying this route again (global: the whole bot is limited). */
  | { ok: false; kind: "rate_limited"; retryAfterMs: number; global: boolean; scope: string | null }
  /** Discord refused the request; `code` says why (50007 closed DMs, 10003 unknown channel, 50013 missing permissions, …). */
  | { ok: false; kind: "refused"; status: number; code: RESTJSONErrorCodes | null; message: string }
  /** 5xx, a timeout or no connection: worth retrying later with backoff. */
  | { ok: false; kind: "unavailable"; status: number | null; message: string };

export interface DiscordConfig {
  /** Without the version: https://discord.com/api */
  apiBase: string;
  token: string;
}

/** The deployment's Discord settings, checked; a clear error when they are missing or wrong. */
export function discordConfig(env: Record<string, string | undefined> = process.env): DiscordConfig {
  const apiBase = env.DISCORD_API_BASE?.trim();
  const token = env.DISCORD_TOKEN?.trim();
  if (!apiBase || !token) {
    throw new Error("Set DISCORD_API_BASE (e.g. https://discord.com/api) and DISCORD_TOKEN in the Convex deployment's environment.");
  }
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new Error(`DISCORD_API_BASE is not a URL: ${apiBase.slice(0, 100)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("DISCORD_API_BASE must be an http(s) URL.");
  return { apiBase: apiBase.replace(/\/+$/, ""), token };
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** One request to Discord's REST API, answered with a typed result. */
export async function discordRequest<T>(
  method: Method,
  route: `/${string}`,
  options: { body?: unknown; config?: DiscordConfig; fetch?: typeof fetch } = {},
): Promise<DiscordResult<T>> {
  const { apiBase, token } = options.config ?? discordConfig();
  const send = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await send(`${apiBase}/v${DISCORD_API_VERSION}${route}`, {
      method,
      headers: {
        authorization: `Bot ${token}`,
        "user-agent": "DiscordBot (https://github.com/film-fanatic, 0.1.0)",
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    const message = controller.signal.aborted
      ? `Discord did not answer within ${TIMEOUT_MS} ms`
      : `could not reach Discord: ${String(error)}`;
    return { ok: false, kind: "unavailable", status: null, message };
  } finally {
    clearTimeout(timer);
  }
  const body = parseJson(text);
  if (response.ok) return { ok: true, data: (response.status === 204 ? null : body) as T };
  if (response.status === 429) {
    // 30046 (too many edits of a message older than an hour) comes as a 429, but waiting doesn't
    // free that message soon: callers get it as a refusal and replace the message instead.
    if (numberField(body, "code") === RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached) {
      return {
        ok: false,
        kind: "refused",
        status: 429,
        code: RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached,
        message: typeof (body as { message?: unknown }).message === "string" ? (body as { message: string }).message : "",
      };
    }
    const seconds = numberField(body, "retry_after") ?? Number(response.headers.get("retry-after"));
    return {
      ok: false,
      kind: "rate_limited",
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1000,
      global: (body as { global?: unknown } | null)?.global === true || response.headers.get("x-ratelimit-global") === "true",
      scope: response.headers.get("x-ratelimit-scope"),
    };
  }
  const message =
    typeof (body as { message?: unknown } | null)?.message === "string" ? (body as { message: string }).message : text.slice(0, 200);
  if (response.status >= 500) return { ok: false, kind: "unavailable", status: response.status, message };
  const code = numberField(body, "code");
  return {
    ok: false,
    kind: "refused",
    status: response.status,
    code: code === null || code === 0 ? null : (code as RESTJSONErrorCodes),
    message,
  };
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function numberField(body: unknown, key: string): number | null {
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

type Options = { config?: DiscordConfig; fetch?: typeof fetch };

export function postMessage(channelId: string, message: RESTPostAPIChannelMessageJSONBody, options: Options = {}) {
  return discordRequest<APIMessage>("POST", Routes.channelMessages(snowflake(channelId)) as `/${string}`, { ...options, body: message });
}

export function editMessage(channelId: string, messageId: string, message: RESTPatchAPIChannelMessageJSONBody, options: Options = {}) {
  return discordRequest<APIMessage>("PATCH", Routes.channelMessage(snowflake(channelId), snowflake(messageId)) as `/${string}`, {
    ...options,
    body: message,
  });
}

export function deleteMessage(channelId: string, messageId: string, options: Options = {}) {
  return discordRequest<null>("DELETE", Routes.channelMessage(snowflake(channelId), snowflake(messageId)) as `/${string}`, options);
}

/** A follow-up to an interaction (valid while its 15-minute token is); no bot token needed, Discord's route carries the token. */
export function interactionFollowUp(
  applicationId: string,
  interactionToken: string,
  message: RESTPostAPIChannelMessageJSONBody & { flags?: number },
  options: Options = {},
) {
  if (!/^[\x21-\x7e]{1,500}$/.test(interactionToken)) throw new Error("not an interaction token");
  return discordRequest<APIMessage>(
    "POST",
    Routes.webhook(snowflake(applicationId), encodeURIComponent(interactionToken)) as `/${string}`,
    { ...options, body: message },
  );
}

/** Sends a DM: opens (or reuses) the DM channel, then posts. A closed inbox answers refused with code 50007. */
export async function sendDirectMessage(
  userId: string,
  message: RESTPostAPIChannelMessageJSONBody,
  options: Options = {},
): Promise<DiscordResult<APIMessage>> {
  const channel = await discordRequest<APIChannel>("POST", Routes.userChannels() as `/${string}`, {
    ...options,
    body: { recipient_id: snowflake(userId) },
  });
  if (!channel.ok) return channel;
  return await postMessage(channel.data.id, message, options);
}

export function getMessage(channelId: string, messageId: string, options: Options = {}) {
  return discordRequest<APIMessage>("GET", Routes.channelMessage(snowflake(channelId), snowflake(messageId)) as `/${string}`, options);
}

/** Starts a public thread from a message; needs Create Public Threads there (50013 otherwise). */
export function startThreadFromMessage(
  channelId: string,
  messageId: string,
  thread: RESTPostAPIChannelMessagesThreadsJSONBody,
  options: Options = {},
) {
  return discordRequest<APIThreadChannel>("POST", Routes.threads(snowflake(channelId), snowflake(messageId)) as `/${string}`, {
    ...options,
    body: thread,
  });
}

/** Guild Scheduled Events (watch-along sessions, model/sessions.ts). Creating one needs Create Events. */
export function createScheduledEvent(guildId: string, event: RESTPostAPIGuildScheduledEventJSONBody, options: Options = {}) {
  return discordRequest<APIGuildScheduledEvent>("POST", Routes.guildScheduledEvents(snowflake(guildId)) as `/${string}`, {
    ...options,
    body: event,
  });
}

export function editScheduledEvent(
  guildId: string,
  eventId: string,
  event: RESTPatchAPIGuildScheduledEventJSONBody,
  options: Options = {},
) {
  return discordRequest<APIGuildScheduledEvent>(
    "PATCH",
    Routes.guildScheduledEvent(snowflake(guildId), snowflake(eventId)) as `/${string}`,
    { ...options, body: event },
  );
}

export function deleteScheduledEvent(guildId: string, eventId: string, options: Options = {}) {
  return discordRequest<null>("DELETE", Routes.guildScheduledEvent(snowflake(guildId), snowflake(eventId)) as `/${string}`, options);
}

/** Ids go into URLs: anything but a snowflake is a bug upstream, not something to send. */
function snowflake(id: string): string {
  if (!/^\d{15,22}$/.test(id)) throw new Error(`not a Discord id: ${id.slice(0, 40)}`);
  return id;
}

/** Refusals that mean "stop trying" for this target rather than "try again later". */
export const PERMANENT_REFUSALS: ReadonlySet<RESTJSONErrorCodes> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);
