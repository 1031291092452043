import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import { SpecCheck } from "../../sandbox/discord/spec/check.ts";
import type { RestExchange } from "../../sandbox/discord/spec/conformance.ts";

// What test/e2e/held-to-spec.ts runs after each end-to-end test: these show it passes real
// traffic and names every departure, so a sandbox answer that drifts from the spec fails a test.

let sandbox: DiscordSandbox | undefined;
let stopWatching: (() => void) | undefined;
afterEach(async () => {
  stopWatching?.();
  await sandbox?.stop();
  sandbox = undefined;
});

async function call(method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${sandbox!.restApiBase}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${sandbox!.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.arrayBuffer();
  return res.status;
}

const exchange = (over: Partial<RestExchange>): RestExchange => ({
  method: "POST",
  path: "/channels/1/messages",
  query: {},
  request: { content: "hi" },
  status: 200,
  response: undefined,
  ...over,
});

describe("holding a test's Discord traffic to the spec", () => {
  it("records every sandbox made after it starts watching, from its first request, and passes what conforms", async () => {
    const check = new SpecCheck();
    stopWatching = check.watchEverySandbox();
    sandbox = new DiscordSandbox();
    await sandbox.start();
    const channel = sandbox.channel("Film Club", "general");
    expect(await call("GET", "/gateway/bot")).toBe(200);
    expect(await call("GET", "/applications/@me")).toBe(200);
    expect(
      await call("POST", `/channels/${channel.id}/messages`, {
        content: "Friday?",
        embeds: [{ title: "t", fields: [{ name: "a", value: "1" }] }],
      }),
    ).toBe(200);
    expect(await call("POST", `/channels/${channel.id}/messages`, { content: "x".repeat(2001) })).toBe(400);
    expect(await call("GET", "/channels/999/messages/1")).toBe(404);
    expect(check.take()).toBeUndefined();
    expect(check.checked).toBe(5);
    // The channel's CHANNEL_CREATE and the message's MESSAGE_CREATE, held to the REST schemas of a channel and a message.
    expect(check.checkedDispatches).toBeGreaterThanOrEqual(2);
    // What was checked is not checked again.
    expect(check.take()).toBeUndefined();
  });

  it("answers every read route the bot, discord.js or the doctor may call as the spec says", async () => {
    const check = new SpecCheck();
    stopWatching = check.watchEverySandbox();
    sandbox = new DiscordSandbox();
    await sandbox.start();
    const channel = sandbox.channel("Film Club", "general");
    const guild = sandbox.guild("Film Club");
    const alice = sandbox.user("alice");
    const app = sandbox.applicationId;
    expect(await call("POST", `/channels/${channel.id}/messages`, { content: "hi" })).toBe(200);
    expect(await call("PUT", `/applications/${app}/commands`, [{ name: "ep", description: "Mark episodes" }])).toBe(200);
    const reads = [
      "/gateway",
      "/users/@me",
      `/users/${alice.id}`,
      "/applications/@me",
      "/oauth2/applications/@me",
      `/applications/${app}/commands`,
      `/applications/${app}/guilds/${guild.id}/commands`,
      `/channels/${channel.id}`,
      `/channels/${channel.id}/messages`,
      `/guilds/${guild.id}`,
      `/guilds/${guild.id}?with_counts=true`,
      `/guilds/${guild.id}/channels`,
      `/guilds/${guild.id}/roles`,
      `/guilds/${guild.id}/members`,
      `/guilds/${guild.id}/scheduled-events`,
    ];
    for (const path of reads) expect(await call("GET", path), path).toBe(200);
    expect(check.take()).toBeUndefined();
    expect(check.checked).toBe(reads.length + 2);
  });

  it("reports an answer missing a field the spec requires: route, status, side, field, how often and an example", () => {
    const check = new SpecCheck();
    const message = { id: "2", channel_id: "1", content: "hi" };
    check.add(exchange({ path: "/channels/1/messages", response: message }));
    check.add(exchange({ path: "/channels/7/messages", response: message }));
    check.add(exchange({ method: "GET", path: "/gateway/bot", request: undefined, response: { url: "ws://127.0.0.1", shards: 1 } }));
    const report = check.take()!;
    expect(report).toMatch(/^3 of 3 REST exchanges and gateway events depart from Discord's OpenAPI spec/);
    expect(report).toContain("- the response of POST /channels/{channel_id}/messages → 200 (2×, e.g. POST /channels/1/messages):");
    expect(report).toContain("    / must have required property 'author'");
    expect(report).toContain(
      "- the response of GET /gateway/bot → 200 (1×, e.g. GET /gateway/bot):\n    / must have required property 'session_start_limit'",
    );
  });

  it("reports a request the spec does not allow, and an answer with a status the route does not have", () => {
    const check = new SpecCheck();
    check.add(exchange({ request: { content: 5 }, status: 404, response: { code: 10003, message: "Unknown Channel" } }));
    check.add(exchange({ method: "DELETE", path: "/channels/1/messages/2", request: undefined, status: 201, response: undefined }));
    const report = check.take()!;
    expect(report).toContain(
      "- the request of POST /channels/{channel_id}/messages → 404 (1×, e.g. POST /channels/1/messages):\n    /content must be string",
    );
    expect(report).toContain("- the response of DELETE /channels/{channel_id}/messages/{message_id} → 201");
    expect(report).toContain("the spec lists no 201 answer");
  });

  it("reads a form error's string codes as Discord sends them, and still holds the rest of its tree to the spec", () => {
    const check = new SpecCheck();
    const formError = (fieldError: object) => ({
      code: 50035,
      message: "Invalid Form Body",
      errors: { content: { _errors: [fieldError] } },
    });
    check.add(
      exchange({ status: 400, response: formError({ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }) }),
    );
    expect(check.take()).toBeUndefined();
    check.add(exchange({ status: 400, response: formError({ code: "BASE_TYPE_MAX_LENGTH" }) }));
    expect(check.take()).toContain("/errors/content/_errors/0 must have required property 'message'");
  });

  it("reports a gateway event whose object departs from the REST schema of the same object", () => {
    const check = new SpecCheck();
    check.addDispatch({ t: "MESSAGE_CREATE", d: { id: "2", channel_id: "1", content: "hi" } });
    check.addDispatch({ t: "GUILD_ROLE_UPDATE", d: { guild_id: "1", role: { id: "3", name: "bot" } } });
    check.addDispatch({ t: "TYPING_START", d: {} });
    const report = check.take()!;
    expect(report).toMatch(/^2 of 3 REST exchanges and gateway events depart/);
    expect(report).toContain("- the gateway event MESSAGE_CREATE (1×, e.g. MESSAGE_CREATE):");
    expect(report).toContain("    / must have required property 'author'");
    expect(report).toContain(
      "- the gateway event GUILD_ROLE_UPDATE (1×, e.g. GUILD_ROLE_UPDATE):\n    /role must have required property 'permissions'",
    );
  });

  it("stops recording sandboxes made after it stops watching", async () => {
    const check = new SpecCheck();
    check.watchEverySandbox()();
    sandbox = new DiscordSandbox();
    await sandbox.start();
    await call("GET", "/gateway/bot");
    expect(check.take()).toBeUndefined();
    expect(check.checked).toBe(0);
  });
});
