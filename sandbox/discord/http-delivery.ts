/**
 * HTTP interactions, as Discord delivers them to an application with an Interactions Endpoint
 * URL: each interaction POSTed to the endpoint, signed with the application's Ed25519 key (a fresh
 * key pair per run) over X-Signature-Timestamp + the raw body. The endpoint's HTTP response is the
 * interaction's callback, applied exactly as a POST to /interactions/:id/:token/callback would be
 * (it is sent there, on the sandbox's own REST server). Setting an endpoint first checks it the way
 * Discord does: a PING must get PONG, and a request with a bad signature must get 401.
 */
import { webcrypto } from "node:crypto";
import { InteractionResponseType, InteractionType } from "discord-api-types/v10";

/** Where deliveries go: the embedded engine's HTTP router, or a server on loopback. */
export type InteractionsEndpoint = (request: Request) => Promise<Response>;

export interface DeliveryResult {
  status: number;
  /** The callback the endpoint answered with, when it answered 200 with JSON. */
  callback?: unknown;
  text?: string;
}

/** The application's signing key pair (Discord keeps the private half) and its public key in hex. */
export interface ApplicationKeys {
  pair: webcrypto.CryptoKeyPair;
  publicKeyHex: string;
}

export async function generateApplicationKeys(): Promise<ApplicationKeys> {
  const pair = (await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as unknown as webcrypto.CryptoKeyPair;
  const raw = new Uint8Array(await webcrypto.subtle.exportKey("raw", pair.publicKey));
  return { pair, publicKeyHex: Buffer.from(raw).toString("hex") };
}

/** An endpoint at a URL, reached with fetch. */
export function urlEndpoint(url: string): InteractionsEndpoint {
  return (request) =>
    fetch(url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      duplex: "half",
      signal: AbortSignal.timeout(5_000),
    } as RequestInit);
}

export class HttpInteractionsDelivery {
  constructor(
    private readonly keys: ApplicationKeys,
    private readonly endpoint: InteractionsEndpoint,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The public key as the Developer Portal shows it (hex). */
  get publicKeyHex(): string {
    return this.keys.publicKeyHex;
  }

  /** POSTs a payload, signed (or deliberately mis-signed, as Discord's probes are, or not signed at all). */
  async post(payload: unknown, options: { badSignature?: boolean; unsigned?: boolean; timestamp?: number } = {}): Promise<DeliveryResult> {
    const body = JSON.stringify(payload);
    const timestamp = String(options.timestamp ?? Math.floor(this.now() / 1000));
    const signed = new Uint8Array(
      await webcrypto.subtle.sign({ name: "Ed25519" }, this.keys.pair.privateKey, new TextEncoder().encode(timestamp + body)),
    );
    if (options.badSignature) signed[0] = signed[0]! ^ 0xff;
    const response = await this.endpoint(
      new Request("http://discord.invalid/interactions", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
          ...(options.unsigned ? {} : { "x-signature-ed25519": Buffer.from(signed).toString("hex"), "x-signature-timestamp": timestamp }),
        },
        body,
      }),
    );
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, text };
    try {
      return { status: 200, callback: JSON.parse(text) };
    } catch {
      return { status: 200, text };
    }
  }

  /**
   * What Discord checks before it saves an Interactions Endpoint URL: PING answered with PONG, and
   * a bad signature refused with 401. Returns the problems (none: the endpoint is accepted).
   */
  async probe(applicationId: string): Promise<string[]> {
    const ping = { id: "1", application_id: applicationId, type: InteractionType.Ping, token: "probe", version: 1 };
    const problems: string[] = [];
    const pong = await this.post(ping);
    if (pong.status !== 200 || (pong.callback as { type?: unknown } | undefined)?.type !== InteractionResponseType.Pong)
      problems.push(`PING was answered ${pong.status} ${pong.text ?? JSON.stringify(pong.callback)}, not PONG`);
    const forged = await this.post({ ...ping, id: "2" }, { badSignature: true });
    if (forged.status !== 401) problems.push(`a request with a bad signature was answered ${forged.status}, not 401`);
    return problems;
  }
}
