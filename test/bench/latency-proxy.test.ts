import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startLatencyProxy, type LatencyProxy } from "../../bench/latency-proxy.ts";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";

const ONE_WAY_MS = 60;
let discord: DiscordSandbox;
let proxy: LatencyProxy;

beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
  proxy = await startLatencyProxy(discord.port, ONE_WAY_MS);
});
afterAll(async () => {
  await proxy.close();
  await discord.stop();
});

describe("the bench's Discord latency proxy", () => {
  it("holds a REST request and its answer each one-way delay, and points GET /gateway/bot at itself", async () => {
    const started = performance.now();
    const response = await fetch(`${proxy.apiBase}/v10/gateway/bot`, { headers: { authorization: `Bot ${discord.token}` } });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { url: string };
    expect(elapsed).toBeGreaterThanOrEqual(2 * ONE_WAY_MS - 5);
    expect(body.url).toBe(proxy.apiBase.replace(/^http/, "ws").replace(/\/api$/, ""));
    expect(body.url).not.toBe(discord.gatewayUrl);
  });

  it("carries the gateway's WebSocket through, each frame a one-way delay late", async () => {
    const url = proxy.apiBase.replace(/^http/, "ws").replace(/\/api$/, "");
    const started = performance.now();
    const hello = await new Promise<{ op: number }>((resolve, reject) => {
      const ws = new WebSocket(`${url}/?v=10&encoding=json`);
      ws.once("message", (data) => {
        resolve(JSON.parse(String(data)) as { op: number });
        ws.close();
      });
      ws.once("error", reject);
    });
    // The handshake there and back, then HELLO on its way back.
    expect(hello.op).toBe(10);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * ONE_WAY_MS - 5);
  });
});
