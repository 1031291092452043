// How the core's answers reach Discord: the interaction's one callback, edits of the original
// response, and follow-ups. Both doors use the REST routes Discord gives every interaction
// (no bot token needed: the interaction's token is the credential); the HTTP door answers the
// callback in its HTTP response instead (see http-door.ts). Sent with fetch by default: it runs in
// Node and in Convex's runtime alike; the Node doors inject a leaner sender (src/lib/node-http.ts).
import {
  InteractionResponseType,
  type APIAllowedMentions,
  type APIEmbed,
  type APIInteractionResponse,
  type APIMessageTopLevelComponent,
} from "discord-api-types/v10";

/** The body of an interaction message: a reply, an edit or a follow-up. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  allowed_mentions?: APIAllowedMentions;
  /** MessageFlags (Ephemeral); ignored by edits. */
  flags?: number;
}

/** A file sent with a follow-up (multipart). */
export interface FileUpload {
  name: string;
  data: Uint8Array;
  contentType?: string;
}

/** Where an interaction's answers go. */
export interface Transport {
  /** The interaction's one callback: a reply, an update of the clicked message, a deferral, or choices. */
  callback(response: APIInteractionResponse): Promise<void>;
  /** Edits the original response (after a deferral, or the clicked message after a deferred update). */
  editOriginal(body: MessageBody): Promise<void>;
  /** A further message, once the interaction has been answered. */
  followUp(body: MessageBody, files?: readonly FileUpload[]): Promise<void>;
}

/** Discord refused a request: its HTTP status and JSON error code (10062 unknown interaction, 50035 …). */
export class DiscordRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
    readonly route: string,
  ) {
    super(`${message} (${status}${code === null ? "" : ` code ${code}`}, ${route})`);
    this.name = "DiscordRequestError";
  }
}

/** One HTTP request of an answer, as the transport sends it. */
export interface RestRequest {
  method: "POST" | "PATCH";
  url: string;
  headers: Record<string, string>;
  body: string | FormData;
  /** The attempt's limit: past it the sender gives up (throws). */
  timeoutMs: number;
}

/** Discord's answer to it: the body is read only when the request was refused. */
export interface RestReply {
  status: number;
  statusText: string;
  /** The retry-after header of a refusal. */
  retryAfter: string | null;
  /** The body of a refusal ("" for a success). */
  text: string;
}

/** Sends one request; throws when Discord could not be reached (or did not answer in time). */
export type RestSender = (request: RestRequest) => Promise<RestReply>;

/** The default sender: fetch, which every runtime has (Node's doors inject a leaner one). */
export function fetchSender(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): RestSender {
  return async ({ method, url, headers, body, timeoutMs }) => {
    const response = await fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, statusText: response.statusText, retryAfter: null, text: "" };
    }
    const text = await response.text().catch(() => "");
    return { status: response.status, statusText: response.statusText, retryAfter: response.headers.get("retry-after"), text };
  };
}

export interface RestOptions {
  /** Without the version: https://discord.com/api */
  apiBase: string;
  /** How requests go out (default: fetchSender with `fetch`). */
  send?: RestSender;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Per attempt. */
  timeoutMs?: number;
}

/** 429s are waited out up to this much in all: past it the answer would be too late anyway. */
const MAX_RATE_LIMIT_WAIT_MS = 5_000;
/** Tries at most (429s waited out, and 5xx, which Discord asks to retry). */
const MAX_ATTEMPTS = 6;
/** Between attempts after a 5xx. */
const SERVER_ERROR_BACKOFF_MS = 250;
/** Discord's "Interaction has already been acknowledged". */
const ALREADY_ACKNOWLEDGED = 40060;
const DEFAULT_TIMEOUT_MS = 8_000;

/** A transport that sends everything over REST (the gateway door, and the HTTP door once its response is out). */
export function restTransport(interaction: { id: string; applicationId: string; token: string }, options: RestOptions): Transport {
  const base = `${options.apiBase.replace(/\/+$/, "")}/v10`;
  const token = encodeURIComponent(interaction.token);
  const send = request(options);
  return {
    callback: (response) => send("POST", `${base}/interactions/${interaction.id}/${token}/callback`, response),
    editOriginal: (body) => send("PATCH", `${base}/webhooks/${interaction.applicationId}/${token}/messages/@original`, body),
    followUp: (body, files) => send("POST", `${base}/webhooks/${interaction.applicationId}/${token}`, body, files),
  };
}

/** One REST request: JSON (or multipart with files), a 429 waited out once or twice, any other refusal thrown. */
function request(options: RestOptions) {
  const sendOne = options.send ?? fetchSender(options.fetch);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (method: "POST" | "PATCH", url: string, json: unknown, files: readonly FileUpload[] = []): Promise<void> => {
    let waited = 0;
    let serverErrors = 0;
    for (let attempt = 1; ; attempt++) {
      let body: string | FormData;
      const headers: Record<string, string> = {};
      if (files.length === 0) {
        body = JSON.stringify(json);
        headers["content-type"] = "application/json";
      } else {
        const form = new FormData();
        const withAttachments = { ...(json as object), attachments: files.map((f, id) => ({ id: String(id), filename: f.name })) };
        form.append("payload_json", JSON.stringify(withAttachments));
        files.forEach((f, i) =>
          form.append(`files[${i}]`, new Blob([f.data as BlobPart], { type: f.contentType ?? "application/octet-stream" }), f.name),
        );
        body = form;
      }
      let response: RestReply;
      try {
        response = await sendOne({ method, url, headers, body, timeoutMs });
      } catch (error) {
        throw new DiscordRequestError(
          0,
          null,
          `Discord could not be reached: ${error instanceof Error ? error.message : String(error)}`,
          routeOf(method, url),
        );
      }
      if (response.status >= 200 && response.status < 300) return;
      const text = response.text;
      let parsed: { code?: unknown; message?: unknown; retry_after?: unknown } = {};
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        // not JSON: the status says enough
      }
      if (response.status === 429 && attempt < MAX_ATTEMPTS) {
        const retryAfterMs = typeof parsed.retry_after === "number" ? parsed.retry_after * 1000 : Number(response.retryAfter) * 1000;
        if (Number.isFinite(retryAfterMs) && retryAfterMs >= 0 && waited + retryAfterMs <= MAX_RATE_LIMIT_WAIT_MS) {
          waited += retryAfterMs;
          await sleep(retryAfterMs);
          continue;
        }
      }
      // A 5xx may come after Discord posted the message: a follow-up (a POST that creates one) is not
      // sent twice. The callback is (a second one is refused as "already acknowledged"), and edits are idempotent.
      const createsMessage = method === "POST" && !url.endsWith("/callback");
      if (response.status >= 500 && !createsMessage && attempt < MAX_ATTEMPTS && serverErrors++ < 2) {
        await sleep(SERVER_ERROR_BACKOFF_MS * serverErrors);
        continue;
      }
      const code = typeof parsed.code === "number" ? parsed.code : null;
      // A callback retried after a lost answer: the first one went through.
      if (serverErrors > 0 && code === ALREADY_ACKNOWLEDGED) return;
      const message =
        typeof parsed.message === "string" ? parsed.message.slice(0, 300) : response.statusText || "Discord refused the request";
      throw new DiscordRequestError(response.status, code, message, routeOf(method, url));
    }
  };
}

/** A request's route for an error, the token left out (built only when one is thrown). */
function routeOf(method: string, url: string): string {
  return `${method} ${url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/]+/, "/$1/$2/:token")}`;
}

/** Whether a callback is a deferral (the answer follows as an edit). */
export function isDeferral(response: APIInteractionResponse): boolean {
  return (
    response.type === InteractionResponseType.DeferredChannelMessageWithSource ||
    response.type === InteractionResponseType.DeferredMessageUpdate
  );
}
