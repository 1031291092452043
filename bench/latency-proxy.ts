// The network between Discord and whoever serves the application, on loopback: a proxy in front
// of the local Discord that holds every byte for a one-way delay in each direction — REST requests
// and their answers, and the gateway's WebSocket frames both ways. The bot process (gateway door)
// and the deployment's own calls to Discord's REST API (HTTP door) both go through it, so the two
// doors see the same Discord.
//
// The gateway's URL as GET /gateway/bot answers it is rewritten to the proxy's, so discord.js
// connects through it too.
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

export interface LatencyProxy {
  /** Base URL for the REST API through the proxy: `http://127.0.0.1:PORT/api`. */
  apiBase: string;
  oneWayMs: number;
  close(): Promise<void>;
}

const later = (ms: number, fn: () => void) => (ms > 0 ? setTimeout(fn, ms) : setImmediate(fn));

/** Forwards `from`'s bytes to `to`, each chunk `ms` late (same delay for every chunk: order is kept). */
function delayedPipe(from: Duplex, to: Duplex, ms: number): void {
  from.on("data", (chunk: Buffer) => later(ms, () => to.writable && to.write(chunk)));
  from.on("end", () => later(ms, () => to.end()));
  from.on("error", () => later(ms, () => to.destroy()));
  from.on("close", () => later(ms, () => to.destroy()));
}

export async function startLatencyProxy(upstreamPort: number, oneWayMs: number): Promise<LatencyProxy> {
  if (!Number.isFinite(oneWayMs) || oneWayMs < 0 || oneWayMs > 5_000) throw new RangeError(`oneWayMs must be 0–5000, got ${oneWayMs}`);
  const agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
  const sockets = new Set<Socket | Duplex>();
  let port = 0;

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () =>
      later(oneWayMs, () => {
        const upstream = httpRequest(
          { host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            const body: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => body.push(chunk));
            answer.on("end", () => {
              let payload = Buffer.concat(body);
              const headers = { ...answer.headers };
              // discord.js asks where the gateway is: through the proxy, like everything else.
              if (/\/gateway(\/bot)?$/.test(new URL(req.url ?? "/", "http://x").pathname) && answer.statusCode === 200) {
                const json = JSON.parse(payload.toString("utf8")) as { url?: string };
                if (typeof json.url === "string") json.url = `ws://127.0.0.1:${port}`;
                payload = Buffer.from(JSON.stringify(json));
                headers["content-length"] = String(payload.length);
              }
              later(oneWayMs, () => {
                res.writeHead(answer.statusCode ?? 502, headers);
                res.end(payload);
              });
            });
          },
        );
        upstream.on("error", (error) => {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end(`latency proxy: ${error.message}`);
        });
        upstream.end(Buffer.concat(chunks));
      }),
    );
  };

  const server = createServer(forward);
  server.keepAliveTimeout = 60_000;
  server.on("upgrade", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const upstream = connect(upstreamPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    const handshake = Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), head]);
    later(oneWayMs, () => upstream.write(handshake));
    delayedPipe(client, upstream, oneWayMs);
    delayedPipe(upstream, client, oneWayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    oneWayMs,
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
