// The HTTP door's pieces people meet through it: whose signature gets in, and where an answer
// goes once the door has deferred the interaction.
import { webcrypto } from "node:crypto";
import { InteractionResponseType as T, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { afterDeferral, verifySignature } from "../../src/core/http-door.ts";
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
