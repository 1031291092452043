import { RESTJSONErrorCodes } from "discord-api-types/v10";
import { afterEach, describe, expect, it, vi } from "vitest";
import { discordConfig, editMessage, postMessage, sendDirectMessage } from "../../convex/lib/discord";

const CHANNEL = "200000000000000001";
const USER = "100000000000000001";

/** Discord at fetch: records each request and answers from the queue. */
function stubDiscord(...answers: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  const requests: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  const fake = vi.fn(async (url: string, init: RequestInit) => {
    requests.push({
      url,
      method: init.method!,
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(init.body as string) : undefined,
    });
    const answer = answers.shift() ?? { status: 500 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  });
  vi.stubGlobal("fetch", fake);
  return requests;
}

describe("convex/lib/discord.ts, the one module that calls Discord REST", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });

  const configure = () => {
    process.env.DISCORD_API_BASE = "https://discord.test/api/";
    process.env.DISCORD_TOKEN = "bot-token";
  };

  it("posts to the configured base URL with the bot token and answers with the message", async () => {
    configure();
    const requests = stubDiscord({ status: 200, body: { id: "300000000000000001", channel_id: CHANNEL, content: "hi" } });
    const result = await postMessage(CHANNEL, { content: "hi", allowed_mentions: { parse: [] } });
    expect(result).toMatchObject({ ok: true, data: { id: "300000000000000001" } });
    expect(requests).toEqual([
      expect.objectContaining({
        url: `https://discord.test/api/v10/channels/${CHANNEL}/messages`,
        method: "POST",
        headers: expect.objectContaining({ authorization: "Bot bot-token", "content-type": "application/json" }),
        body: { content: "hi", allowed_mentions: { parse: [] } },
      }),
    ]);
  });

  it("surfaces a 429's retry_after to the caller instead of waiting or throwing", async () => {
    configure();
    stubDiscord({
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 1.25, global: false },
      headers: { "x-ratelimit-scope": "shared" },
    });
    expect(await editMessage(CHANNEL, "300000000000000001", { content: "board" })).toEqual({
      ok: false,
      kind: "rate_limited",
      retryAfterMs: 1250,
      global: false,
      scope: "shared",
    });
  });

  it("surfaces Discord's error codes typed, and tells server trouble apart", async () => {
    configure();
    stubDiscord(
      { status: 403, body: { code: RESTJSONErrorCodes.MissingPermissions, message: "Missing Permissions" } },
      { status: 502, body: { message: "Bad Gateway" } },
    );
    expect(await postMessage(CHANNEL, { content: "x" })).toEqual({
      ok: false,
      kind: "refused",
      status: 403,
      code: 50013,
      message: "Missing Permissions",
    });
    expect(await postMessage(CHANNEL, { content: "x" })).toMatchObject({ ok: false, kind: "unavailable", status: 502 });
  });

  it("opens a DM channel before sending, and reports a closed inbox as 50007 without posting", async () => {
    configure();
    const requests = stubDiscord(
      { status: 200, body: { id: "400000000000000001", type: 1 } },
      { status: 200, body: { id: "300000000000000002", channel_id: "400000000000000001" } },
      { status: 400, body: { code: RESTJSONErrorCodes.CannotSendMessagesToThisUser, message: "Cannot send messages to this user" } },
    );
    expect(await sendDirectMessage(USER, { content: "New episode!" })).toMatchObject({ ok: true });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /api/v10/users/@me/channels",
      "POST /api/v10/channels/400000000000000001/messages",
    ]);
    expect(requests[0]!.body).toEqual({ recipient_id: USER });
    const closed = await sendDirectMessage(USER, { content: "New episode!" });
    expect(closed).toMatchObject({ ok: false, kind: "refused", code: RESTJSONErrorCodes.CannotSendMessagesToThisUser });
    expect(requests).toHaveLength(3);
  });

  it("reports a connection failure as unavailable", async () => {
    configure();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
    );
    expect(await postMessage(CHANNEL, { content: "x" })).toMatchObject({ ok: false, kind: "unavailable", status: null });
  });

  it("refuses to start without its configuration, and never puts a non-id into a URL", async () => {
    expect(() => discordConfig({})).toThrow(/DISCORD_API_BASE/);
    expect(() => discordConfig({ DISCORD_API_BASE: "discord.com", DISCORD_TOKEN: "t" })).toThrow(/not a URL/);
    configure();
    const requests = stubDiscord();
    expect(() => postMessage("../../guilds/1", { content: "x" })).toThrow(/not a Discord id/);
    expect(requests).toHaveLength(0);
  });
});
