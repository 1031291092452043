/**
 * The application's settings the Developer Portal holds that change how Discord talks to it: its
 * signing key pair (a fresh one per run; `verify_key` is its public half) and its Interactions
 * Endpoint URL. With an endpoint set, every interaction is POSTed there, signed, instead of going
 * over the gateway, and the endpoint's response is applied as the interaction's callback.
 */
import {
  generateApplicationKeys,
  HttpInteractionsDelivery,
  urlEndpoint,
  type ApplicationKeys,
  type DeliveryResult,
} from "./http-delivery.ts";
import type { InteractionRec } from "./interactions.ts";
import type { Log } from "./types.ts";

export type HttpDelivery = (payload: Record<string, unknown>, it: InteractionRec) => Promise<void>;

export class ApplicationSettings {
  private keys: ApplicationKeys | undefined;
  /** The Interactions Endpoint URL (PATCH /applications/@me), or null: the gateway. */
  private endpointUrl: string | null = null;
  /** How interactions are delivered by HTTP, once an endpoint is set (null: over the gateway). */
  delivery: HttpDelivery | null = null;

  constructor(private readonly host: { applicationId: string; now: () => number; restApiBase: () => string; log: Log }) {}

  async start(): Promise<void> {
    this.keys ??= await generateApplicationKeys();
  }

  get applicationKeys(): ApplicationKeys {
    if (!this.keys) throw new Error("start() the Discord sandbox first");
    return this.keys;
  }

  url(): string | null {
    return this.endpointUrl;
  }

  /** As the Developer Portal does: a URL is saved only once it answers as an endpoint must. Returns the problems, or none. */
  async setEndpointUrl(url: string | null): Promise<string[]> {
    if (url !== null) {
      const problems = await new HttpInteractionsDelivery(this.applicationKeys, urlEndpoint(url), this.host.now)
        .probe(this.host.applicationId)
        .catch((error: unknown) => [`it could not be reached (${error instanceof Error ? error.message : String(error)})`]);
      if (problems.length > 0) return problems;
    }
    this.endpointUrl = url;
    return [];
  }

  /**
   * Delivers every interaction through `delivery` from now on: probed first (PING → PONG, a bad
   * signature → 401) and refused with the reasons if it fails.
   */
  async useDelivery(delivery: HttpInteractionsDelivery): Promise<void> {
    const problems = await delivery.probe(this.host.applicationId);
    if (problems.length > 0) throw new Error(`Discord would not accept this interactions endpoint: ${problems.join("; ")}`);
    this.delivery = async (payload, it) => {
      let answered!: () => void;
      it.answering = new Promise<void>((resolve) => (answered = resolve));
      try {
        await this.deliverOnce(delivery, payload, it);
      } finally {
        answered();
      }
    };
  }

  private async deliverOnce(delivery: HttpInteractionsDelivery, payload: Record<string, unknown>, it: InteractionRec): Promise<void> {
    const log = this.host.log;
    let result: DeliveryResult;
    try {
      result = await delivery.post(payload);
    } catch (error) {
      log("warn", "interactions endpoint unreachable", { id: it.id, error: String(error) });
      return;
    }
    if (result.status !== 200 || result.callback === undefined) {
      // Discord shows "This interaction failed" when the endpoint does not answer 200 with a callback.
      log("warn", "interactions endpoint refused a delivery", { id: it.id, status: result.status, text: result.text?.slice(0, 200) });
      return;
    }
    // The response is the callback: applied exactly as the REST route applies one.
    let response: Response;
    try {
      response = await fetch(`${this.host.restApiBase()}/v10/interactions/${it.id}/${encodeURIComponent(it.token)}/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(result.callback),
      });
    } catch (error) {
      // Delivered with `void`: a loopback failure here (a reset connection under heavy load) must not crash the process.
      log("warn", "the endpoint's callback could not be applied", { id: it.id, error: String(error) });
      return;
    }
    if (!response.ok)
      log("warn", "the endpoint's callback was refused", {
        id: it.id,
        status: response.status,
        text: (await response.text()).slice(0, 300),
      });
    else await response.body?.cancel();
  }
}
