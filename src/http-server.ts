// Door 2 in Node: the HTTP interactions endpoint as a small stateless server, for running replicas
// behind a load balancer without a gateway connection (and without Convex's HTTP actions). Same
// core, same endpoint logic as the Convex door (src/core/http-door.ts); what differs is that this
// process keeps running a handler after its response is out, so nothing is run twice.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotContext } from "./commands/types.ts";
import { deliver, handleHttpInteraction, TIMESTAMP_TOLERANCE_S } from "./core/http-door.ts";
import { restTransport } from "./core/transport.ts";
import { nodeRestSender } from "./lib/node-http.ts";

export interface HttpDoorServerOptions {
  ctx: BotContext;
  publicKey: string;
  applicationId?: string;
  /** Discord REST base for follow-ups and edits (without the version). */
  apiBase: string;
  port?: number;
  host?: string;
  /** The clock signatures' timestamps are checked against (default Date.now). */
  now?: () => number;
}

export interface HttpDoorServer {
  server: Server;
  url: string;
  /** Stops taking requests and waits for the handlers still running (up to `drainMs`). */
  close(drainMs?: number): Promise<void>;
}

/**
 * Delivery ids seen within the timestamp tolerance: a replay of a signed request is refused. Per
 * process — behind a load balancer, a replay reaching another replica still changes nothing,
 * because every write carries the interaction's idempotency key.
 */
function replayGuard(now: () => number) {
  const seen = new Map<string, number>();
  return async (id: string): Promise<boolean> => {
    const at = now();
    if (seen.size > 50_000 || (seen.size > 0 && seen.values().next().value! < at - 2 * TIMESTAMP_TOLERANCE_S * 1000)) {
      for (const [key, when] of seen) if (when < at - 2 * TIMESTAMP_TOLERANCE_S * 1000) seen.delete(key);
    }
    if (seen.has(id)) return false;
    seen.set(id, at);
    return true;
  };
}

export async function startHttpDoor(options: HttpDoorServerOptions): Promise<HttpDoorServer> {
  const now = options.now ?? (() => Date.now());
  const claim = replayGuard(now);
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const p = work
      .catch((error: unknown) => options.ctx.logger.error({ err: error }, "interaction failed after its response"))
      .finally(() => running.delete(p));
    running.add(p);
  };

  const server = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse) {
    try {
      const request = await toRequest(req);
      if (request === null) {
        // Answered as the Convex door answers it (interactions are small), before reading any more of it.
        res.writeHead(413, { connection: "close" }).end("payload too large");
        return;
      }
      const result = await handleHttpInteraction(request, options.ctx, {
        publicKey: options.publicKey,
        ...(options.applicationId ? { applicationId: options.applicationId } : {}),
        claim,
        now,
      });
      const body = Buffer.from(await result.response.arrayBuffer());
      res.writeHead(result.response.status, { ...Object.fromEntries(result.response.headers), "content-length": body.length });
      res.end(body);
      const raw = result.interaction;
      if (raw === undefined || result.later === undefined) return;
      const live = restTransport(
        { id: raw.id, applicationId: raw.application_id, token: raw.token },
        {
          apiBase: options.apiBase,
          send: nodeRestSender,
        },
      );
      // The response is on its way: what the handler does next goes out over REST, from this process.
      track(result.later.kind === "deliver" ? deliver(result.later.calls, live) : result.later.continueHere(live));
    } catch (error) {
      options.ctx.logger.error({ err: error }, "interactions endpoint failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  // Whether Convex is reachable, as the bot process watches it: during an outage commands answer at once.
  options.ctx.backend?.watch?.(options.ctx.logger);
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host ?? "127.0.0.1"}:${port}/`,
    async close(drainMs = 10_000) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all([...running]), new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
      clearTimeout(timer);
      options.ctx.backend?.unwatch?.();
    },
  };
}

const MAX_BODY_BYTES = 256 * 1024;

/** The request as fetch's Request, or null when its body is over MAX_BODY_BYTES. */
async function toRequest(req: IncomingMessage): Promise<Request | null> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Read to the end (dropping the rest), so the answer still goes out on this connection.
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge) return null;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  return new Request(`http://localhost${req.url ?? "/"}`, {
    method: req.method ?? "GET",
    headers,
    ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
  });
}
