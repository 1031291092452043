// The HTTP door's pieces people meet through it: whose signature gets in, and where an answer
// goes once the door has deferred the interaction.
import { webcrypto } from "node:crypto";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType as T,
  InteractionType,
  MessageFlags,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/commands/types.ts";
import { afterDeferral, afterResponse, handleHttpInteraction, verifySignature } from "../../src/core/http-door.ts";
import { startHttpDoor } from "../../src/http-server.ts";
import type { MessageBody, Transport } from "../../src/core/transport.ts";

describe("verifySignature", () => {
  it("accepts Discord's signature over timestamp + body, and nothing else", async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as unknown as webcrypto.CryptoKeyPair;
    const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b as ArrayBuffer).toString("hex");
    const publicKey = hex(await webcrypto.subtle.exportKey("raw", keys.publicKey));
    const body = new TextEncoder().encode('{"type":1}');
    const signature = hex(
      await webcrypto.subtle.sign({ name: "Ed25519" }, keys.privateKey, new TextEncoder().encode("1700000000" + '{"type":1}')),
    );
    expect(await verifySignature(publicKey, signature, "1700000000", body)).toBe(true);
    // Another timestamp, another body, a flipped bit, a malformed key or signature: refused.
    expect(await verifySignature(publicKey, signature, "1700000001", body)).toBe(false);
    expect(await verifySignature(publicKey, signature, "1700000000", new TextEncoder().encode('{"type":2}'))).toBe(false);
    expect(await verifySignature(publicKey, (signature[0] === "0" ? "1" : "0") + signature.slice(1), "1700000000", body)).toBe(false);
    expect(await verifySignature("zz" + publicKey.slice(2), signature, "1700000000", body)).toBe(false);
    expect(await verifySignature(publicKey, signature.slice(2), "1700000000", body)).toBe(false);
  });
});

describe("afterDeferral", () => {
  const recorder = () => {
    const calls: [string, MessageBody][] = [];
    const live: Transport = {
      callback: async (r) => void calls.push(["callback", r as never]),
      editOriginal: async (b) => void calls.push(["edit", b]),
      followUp: async (b) => void calls.push(["followUp", b]),
    };
    return { calls, live };
  };

  it("after a deferred reply, the reply is the edit of it; the handler's own deferral is dropped", async () => {
    const { calls, live } = recorder();
    const t = afterDeferral(live, { type: T.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    await t.callback({ type: T.DeferredChannelMessageWithSource, data: {} });
    await t.callback({ type: T.ChannelMessageWithSource, data: { content: "done", flags: MessageFlags.Ephemeral } });
    expect(calls).toEqual([["edit", { content: "done" }]]);
  });

  it("after a private deferral, a public answer (a /list pick's draw) is a new public message, and the deferral says so", async () => {
    const { calls, live } = recorder();
    const t = afterDeferral(live, { type: T.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    await t.callback({ type: T.ChannelMessageWithSource, data: { content: "🎲 Heat" } });
    expect(calls).toEqual([
      ["edit", expect.objectContaining({ content: "⬇️ Posted below." })],
      ["followUp", { content: "🎲 Heat" }],
    ]);
  });

  it("after a deferred update of a clicked message, an update edits it and a new reply stays a new (private) message", async () => {
    const { calls, live } = recorder();
    const t = afterDeferral(live, { type: T.DeferredMessageUpdate });
    await t.callback({ type: T.UpdateMessage, data: { content: "card" } });
    await t.callback({ type: T.ChannelMessageWithSource, data: { content: "⚠️ refused", flags: MessageFlags.Ephemeral } });
    expect(calls).toEqual([
      ["edit", { content: "card" }],
      ["followUp", { content: "⚠️ refused", flags: MessageFlags.Ephemeral }],
    ]);
  });
});

describe("handleHttpInteraction", () => {
  it("a handler still running after the door's deferral: continueHere resolves only once its answer is out (so a server drains it)", async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as unknown as webcrypto.CryptoKeyPair;
    const publicKey = Buffer.from(await webcrypto.subtle.exportKey("raw", keys.publicKey)).toString("hex");
    const body = JSON.stringify({
      type: InteractionType.ApplicationCommand,
      id: "1300000000000000001",
      application_id: "1300000000000000002",
      token: "token",
      guild_id: "1300000000000000003",
      channel_id: "1300000000000000004",
      member: { user: { id: "1300000000000000005", username: "ada" }, permissions: "0", roles: [] },
      data: {
        type: ApplicationCommandType.ChatInput,
        name: "party",
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: "list" }],
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = Buffer.from(
      await webcrypto.subtle.sign({ name: "Ed25519" }, keys.privateKey, new TextEncoder().encode(timestamp + body)),
    ).toString("hex");
    const request = new Request("http://door/", {
      method: "POST",
      headers: { "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
      body,
    });
    // The server's facts take a while (a slow Discord), then the handler answers (here: "slow down").
    const ctx = {
      backend: { query: async () => null, mutation: async () => null },
      tmdb: { withDeadline: () => ({}) },
      titles: { withDeadline: () => ({}) },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      limiter: { take: () => 5_000 },
      directory: { prepare: () => new Promise<void>((resolve) => setTimeout(resolve, 200)) },
    } as unknown as BotContext;
    const result = await handleHttpInteraction(request, ctx, { publicKey, immediateBudgetMs: 20 });
    expect(await result.response.json()).toEqual({ type: T.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(result.later?.kind).toBe("continue");
    const edits: MessageBody[] = [];
    const live: Transport = {
      callback: async () => undefined,
      editOriginal: async (b) => void edits.push(b),
      followUp: async (b) => void edits.push(b),
    };
    if (result.later?.kind !== "continue") return;
    await result.later.continueHere(live);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.content).toMatch(/Slow down/);
  });
});

describe("afterResponse (the Convex door's re-run)", () => {
  it("after a real first answer, drops the re-run's repeat of it and sends what follows", async () => {
    const calls: [string, unknown][] = [];
    const live: Transport = {
      callback: async (r) => void calls.push(["callback", r]),
      editOriginal: async (b) => void calls.push(["edit", b]),
      followUp: async (b) => void calls.push(["followUp", b]),
    };
    const t = afterResponse(live, { type: T.ChannelMessageWithSource, data: { content: "picked" } });
    await t.callback({ type: T.DeferredChannelMessageWithSource, data: {} });
    await t.callback({ type: T.ChannelMessageWithSource, data: { content: "picked" } });
    await t.followUp({ content: "and one more" });
    expect(calls).toEqual([["followUp", { content: "and one more" }]]);
  });
});

describe("the Node endpoint (npm run serve)", () => {
  it("answers an oversized body 413, as the Convex door does, with or without Content-Length", async () => {
    const door = await startHttpDoor({ ctx: {} as BotContext, publicKey: "11".repeat(32), apiBase: "http://127.0.0.1:9/api" });
    try {
      const big = "x".repeat(300_000);
      const declared = await fetch(door.url, { method: "POST", body: big });
      expect(declared.status).toBe(413);
      const streamed = await fetch(door.url, {
        method: "POST",
        body: new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(big));
            c.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(413);
    } finally {
      await door.close();
    }
  });
});
