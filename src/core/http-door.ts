// Door 2, HTTP interactions: Discord POSTs each interaction to an endpoint, signed with the
// application's Ed25519 key, and takes the interaction's first answer as the HTTP response (within
// 3 s). This module is the endpoint's logic, runtime-neutral (WebCrypto, fetch's Request and
// Response): Convex serves it from an HTTP action (convex/discord/), and src/http-server.ts from
// a small Node server. What each does once the response is out differs — Node keeps going in the
// same process, Convex schedules a function — so that part is handed back as `later`.
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
} from "discord-api-types/v10";
import type { BotContext } from "../commands/types.ts";
import { commandFor, handleInteraction } from "./dispatch.ts";
import { POSTED_BELOW } from "./respond.ts";
import { DiscordRequestError, isDeferral, type FileUpload, type MessageBody, type Transport } from "./transport.ts";

/** Discord gives an endpoint 3 s for the first answer; past this the door defers on the handler's behalf. */
export const IMMEDIATE_BUDGET_MS = 2_500;
/** A signed timestamp further than this from our clock is refused (stale, or replayed later). */
export const TIMESTAMP_TOLERANCE_S = 60;
/** Interactions are small; anything larger is refused before it is read whole. */
const MAX_BODY_BYTES = 256 * 1024;

/** One call the handler made after its first answer, to be sent once the HTTP response is out. */
export type LaterCall =
  | { kind: "callback"; response: APIInteractionResponse }
  | { kind: "editOriginal"; body: MessageBody }
  | { kind: "followUp"; body: MessageBody; files?: readonly FileUpload[] };

/** What is left to do once the HTTP response is sent. */
export type Later =
  /** The handler finished: these calls (follow-ups, edits) go out after the response, in order. */
  | { kind: "deliver"; calls: LaterCall[] }
  /**
   * The handler did not finish within the budget and the response was a deferral (or its first
   * answer): the rest of the work continues. `continueHere` hands the running handler a live
   * transport (Node) and resolves once the handler has finished; a runtime that can't keep
   * running after its response (Convex) runs the interaction again instead, its writes made once
   * by their idempotency keys.
   */
  | {
      kind: "continue";
      continueHere: (live: Transport) => Promise<void>;
      /** What the HTTP response was: a deferral, or the handler's own first answer. */
      response: APIInteractionResponse;
    };

export interface HttpDoorResult {
  response: Response;
  /** The interaction, when one was accepted. */
  interaction?: APIInteraction;
  later?: Later;
}

export interface HttpDoorOptions {
  /** The application's public key (hex), from the Developer Portal. */
  publicKey: string;
  /** The application id: an interaction for another application is refused. */
  applicationId?: string;
  /** False when this delivery was seen before (a replay): it is refused. Default: all are new. */
  claim?: (interactionId: string) => Promise<boolean>;
  now?: () => number;
  immediateBudgetMs?: number;
}

/** Verifies Discord's signature over timestamp + raw body, with WebCrypto's Ed25519. */
export async function verifySignature(publicKeyHex: string, signatureHex: string, timestamp: string, body: Uint8Array): Promise<boolean> {
  const key = hexBytes(publicKeyHex, 32);
  const signature = hexBytes(signatureHex, 64);
  if (key === null || signature === null) return false;
  try {
    const imported = await crypto.subtle.importKey("raw", key as BufferSource, { name: "Ed25519" }, false, ["verify"]);
    const stamp = new TextEncoder().encode(timestamp);
    const message = new Uint8Array(stamp.length + body.length);
    message.set(stamp);
    message.set(body, stamp.length);
    return await crypto.subtle.verify({ name: "Ed25519" }, imported, signature as BufferSource, message as BufferSource);
  } catch {
    return false;
  }
}

function hexBytes(hex: string, length: number): Uint8Array | null {
  if (hex.length !== length * 2 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const unauthorized = () => new Response("invalid request signature", { status: 401 });

/**
 * Answers one POST from Discord: 401 for anything not signed by Discord now (forged, stale,
 * replayed or unsigned), PONG for PING, and otherwise the interaction's first answer — the
 * handler's own when it comes within the budget, else a deferral — with the rest in `later`.
 */
export async function handleHttpInteraction(request: Request, ctx: BotContext, options: HttpDoorOptions): Promise<HttpDoorResult> {
  const now = options.now ?? Date.now;
  // Discord's 3 s count from here: the signature check and the replay claim spend them too.
  const receivedAt = now();
  if (request.method !== "POST") return { response: new Response("method not allowed", { status: 405, headers: { allow: "POST" } }) };
  const signature = request.headers.get("x-signature-ed25519");
  const timestamp = request.headers.get("x-signature-timestamp");
  if (signature === null || timestamp === null || !/^\d{1,12}$/.test(timestamp)) return { response: unauthorized() };
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return { response: new Response("payload too large", { status: 413 }) };
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) return { response: new Response("payload too large", { status: 413 }) };
  if (!(await verifySignature(options.publicKey, signature, timestamp, body))) return { response: unauthorized() };
  if (Math.abs(now() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_S) return { response: unauthorized() };

  let raw: APIInteraction;
  try {
    raw = JSON.parse(new TextDecoder().decode(body)) as APIInteraction;
  } catch {
    return { response: new Response("body is not JSON", { status: 400 }) };
  }
  if (!wellFormed(raw)) return { response: new Response("not an interaction", { status: 400 }) };
  if (options.applicationId !== undefined && raw.application_id !== options.applicationId) return { response: unauthorized() };
  if (raw.type === InteractionType.Ping) return { response: Response.json({ type: InteractionResponseType.Pong }), interaction: raw };
  // A signed delivery seen before is a replay: refused, and nothing runs for it. Autocomplete writes
  // nothing and is answered with suggestions only, so a keystroke skips the claim's write.
  const claimed =
    raw.type === InteractionType.ApplicationCommandAutocomplete || options.claim === undefined || (await options.claim(raw.id));
  if (!claimed) return { response: unauthorized() };

  const buffer = new BufferedTransport();
  const done = handleInteraction(raw, ctx, buffer, { receivedAt }).then(() => "done" as const);
  const budget = Math.max(0, receivedAt + (options.immediateBudgetMs ?? IMMEDIATE_BUDGET_MS) - now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<"late">((resolve) => (timer = setTimeout(resolve, budget, "late")));
  // Answer as soon as the handler is done or has deferred (it does at 1.5 s), or the budget is spent.
  const outcome = await Promise.race([done, buffer.deferred.then(() => "deferred" as const), outOfTime]);
  clearTimeout(timer);

  if (outcome === "done") {
    const [first, ...rest] = buffer.take();
    const response = first?.kind === "callback" ? first.response : null;
    if (response === null) return { response: new Response("no answer", { status: 500 }), interaction: raw };
    return { response: Response.json(response), interaction: raw, later: { kind: "deliver", calls: rest } };
  }
  // Still working: the response is its first answer, or a deferral given for it.
  const first = buffer.takeFirstCallback();
  const response = first ?? deferralFor(raw);
  return {
    response: Response.json(response),
    interaction: raw,
    later: {
      kind: "continue",
      response,
      // Resolves when the handler is done (not merely when what it had sent is out), so a server
      // that drains before stopping waits for the answers still to come.
      continueHere: async (live) => {
        await buffer.goLive(first === undefined ? afterDeferral(live, response) : live);
        await done;
      },
    },
  };
}

/** The deferral the door gives for a handler that has not answered: visible as the command's replies are. */
export function deferralFor(raw: APIInteraction): APIInteractionResponse {
  if (raw.type === InteractionType.MessageComponent) return { type: InteractionResponseType.DeferredMessageUpdate };
  const ephemeral = commandFor(raw)?.ephemeral ?? true;
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
}

/**
 * A transport for an interaction already answered with a deferral (`given`): the handler's own
 * deferral is dropped, and its first answer goes where that deferral leaves room for it — after a
 * deferred reply, an edit of it; after a deferred update of the clicked message, an edit of that
 * message for an update, and a new message for a reply.
 */
export function afterDeferral(live: Transport, given: APIInteractionResponse): Transport {
  return {
    async callback(response) {
      if (isDeferral(response)) return;
      const data = (response as { data?: MessageBody }).data ?? {};
      const { flags: _flags, ...body } = data;
      if (response.type === InteractionResponseType.UpdateMessage) await live.editOriginal(body);
      else if (response.type === InteractionResponseType.ChannelMessageWithSource) {
        if (given.type === InteractionResponseType.DeferredMessageUpdate) await live.followUp(data);
        else if (isEphemeral(given) !== ((data.flags ?? 0) & MessageFlags.Ephemeral) > 0) {
          // An edit can't change visibility (a public draw after a private deferral): a new message, the deferral says so.
          await live.editOriginal(POSTED_BELOW);
          await live.followUp(data);
        } else await live.editOriginal(body);
      }
    },
    editOriginal: (body) => live.editOriginal(body),
    followUp: (body, files) => live.followUp(body, files),
  };
}

function isEphemeral(response: APIInteractionResponse): boolean {
  const flags = (response as { data?: { flags?: number } }).data?.flags ?? 0;
  return (flags & MessageFlags.Ephemeral) > 0;
}

/**
 * A transport for running an interaction again once `given` went out as its HTTP response (the
 * Convex door's re-run): after a deferral, as afterDeferral; after a real answer, the re-run's own
 * first answer is that one again and is dropped, and what follows goes out as it comes.
 */
export function afterResponse(live: Transport, given: APIInteractionResponse): Transport {
  if (isDeferral(given)) return afterDeferral(live, given);
  let answered = false;
  return {
    async callback(response) {
      if (isDeferral(response) || answered) return;
      answered = true;
    },
    editOriginal: (body) => live.editOriginal(body),
    followUp: (body, files) => live.followUp(body, files),
  };
}

/** Discord's "Unknown Webhook": the interaction's response has not been taken in yet. */
const UNKNOWN_WEBHOOK = 10015;
/** "Unknown Message": @original not created yet. */
const UNKNOWN_MESSAGE = 10008;
/** Waits for Discord to take in the HTTP response before the first follow-up or edit lands. */
const NOT_YET_BACKOFF_MS = [100, 250, 500, 1000];

/**
 * Sends the calls a handler made after its first answer, in order. They race the HTTP response
 * to Discord: the first is retried a few times while Discord says the interaction's webhook does
 * not exist yet.
 */
export async function deliver(calls: readonly LaterCall[], live: Transport): Promise<void> {
  let first = true;
  for (const call of calls) {
    const send = () =>
      call.kind === "callback"
        ? live.callback(call.response)
        : call.kind === "editOriginal"
          ? live.editOriginal(call.body)
          : live.followUp(call.body, call.files);
    for (let attempt = 0; ; attempt++) {
      try {
        await send();
        break;
      } catch (error) {
        const notYet = error instanceof DiscordRequestError && (error.code === UNKNOWN_WEBHOOK || error.code === UNKNOWN_MESSAGE);
        if (!first || !notYet || attempt >= NOT_YET_BACKOFF_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, NOT_YET_BACKOFF_MS[attempt]));
      }
    }
    first = false;
  }
}

function wellFormed(raw: unknown): raw is APIInteraction {
  if (typeof raw !== "object" || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return (
    typeof r.type === "number" &&
    typeof r.id === "string" &&
    /^\d{1,20}$/.test(r.id) &&
    typeof r.application_id === "string" &&
    typeof r.token === "string" &&
    r.token.length <= 1000
  );
}

/**
 * Holds the handler's calls until the door knows what its HTTP response is; then either hands
 * them back (`take`) or, once live, sends them and everything after through a real transport.
 */
class BufferedTransport implements Transport {
  private calls: LaterCall[] = [];
  private live: Transport | null = null;
  private markDeferred!: () => void;
  /** Resolves when the handler's first callback is a deferral. */
  readonly deferred = new Promise<void>((resolve) => (this.markDeferred = resolve));

  take(): LaterCall[] {
    const out = this.calls;
    this.calls = [];
    return out;
  }

  /** The first call when it is the interaction's callback (the HTTP response), taken out. */
  takeFirstCallback(): APIInteractionResponse | undefined {
    const first = this.calls[0];
    if (first?.kind !== "callback") return undefined;
    this.calls.shift();
    return first.response;
  }

  /** Sends what was held, in order, then everything after straight through `live`. */
  async goLive(live: Transport): Promise<void> {
    for (let held = this.take(); held.length > 0; held = this.take()) await deliver(held, live);
    this.live = live;
  }

  async callback(response: APIInteractionResponse): Promise<void> {
    if (this.live) return this.live.callback(response);
    if (this.calls.length === 0 && isDeferral(response)) this.markDeferred();
    this.calls.push({ kind: "callback", response });
  }

  async editOriginal(body: MessageBody): Promise<void> {
    if (this.live) return this.live.editOriginal(body);
    this.calls.push({ kind: "editOriginal", body });
  }

  async followUp(body: MessageBody, files?: readonly FileUpload[]): Promise<void> {
    if (this.live) return this.live.followUp(body, files);
    this.calls.push({ kind: "followUp", body, ...(files ? { files } : {}) });
  }
}
