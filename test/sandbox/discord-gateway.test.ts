import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { Client, GatewayIntentBits } from "discord.js";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import { HERE, of, startBot, stopBot } from "./discord-harness.ts";

afterEach(stopBot);

describe("Discord sandbox: the gateway (sessions, resume, identify, compression, tokens)", () => {
  it("resumes after a dropped gateway connection without losing an interaction sent meanwhile", async () => {
    const { sandbox, client } = await startBot({ ackDeadlineMs: 3000 });
    const resumed = once(client, "shardResume");
    expect(sandbox.dropGatewayConnection()).toBe(1);
    const r = await sandbox.runCommand(HERE, "ping");
    await resumed;
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
    expect(sandbox.connectedSessions).toBe(1);
  });

  it("identifies again when the dropped session cannot be resumed", async () => {
    const { sandbox, client } = await startBot();
    const ready = once(client, "shardReady");
    sandbox.dropGatewayConnection({ resumable: false });
    await ready;
    const r = await sandbox.runCommand(HERE, "ping");
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
  });

  it("refuses a wrong bot token on the gateway with close code 4004", async () => {
    const sandbox = new DiscordSandbox();
    await sandbox.start();
    try {
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.restApiBase } });
      // REST is checked first: a bad token is a 401 there, which discord.js reports as TokenInvalid.
      await expect(client.login("wrong-token")).rejects.toThrow(/token/i);
      await client.destroy();
      const { WebSocket } = await import("ws");
      const ws = new WebSocket(`${sandbox.gatewayUrl}/?v=10&encoding=json`);
      ws.on("message", (d) => {
        const p = JSON.parse(String(d));
        if (p.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
      });
      const [code] = (await once(ws, "close")) as [number];
      expect(code).toBe(4004);
    } finally {
      await sandbox.stop();
    }
  });

  it("speaks zlib-stream transport compression when a client asks for it", async () => {
    const sandbox = new DiscordSandbox();
    await sandbox.start();
    try {
      const zlib = await import("node:zlib");
      const { WebSocket } = await import("ws");
      const ws = new WebSocket(`${sandbox.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
      const inflate = zlib.createInflate();
      const payloads: any[] = [];
      let buf = "";
      inflate.on("data", (d: Buffer) => {
        buf += d.toString();
        try {
          payloads.push(JSON.parse(buf));
          buf = "";
        } catch {
          /* partial */
        }
      });
      ws.on("message", (d: Buffer) => {
        inflate.write(d);
        inflate.flush(zlib.constants.Z_SYNC_FLUSH);
      });
      await once(ws, "open");
      await new Promise((r) => setTimeout(r, 50));
      ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1, properties: {} } }));
      await new Promise((r) => setTimeout(r, 100));
      expect(payloads.map((p) => p.op)).toEqual([10, 0]);
      expect(payloads[1]).toMatchObject({ t: "READY", s: 1, d: { application: { id: sandbox.applicationId } } });
      ws.close(1000);
    } finally {
      await sandbox.stop();
    }
  });
});
