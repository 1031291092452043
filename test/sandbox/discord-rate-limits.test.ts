import { afterEach, describe, expect, it } from "vitest";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { GUILD, HERE, of, startBot, stopBot } from "./discord-harness.ts";

afterEach(stopBot);

describe("Discord sandbox: rate limits, as discord.js meets them", () => {
  it("lets discord.js ride out injected 429s and still delivers the reply", async () => {
    const { sandbox } = await startBot({ injectedRetryAfterMs: 50 });
    sandbox.injectRateLimits(3);
    const r = await sandbox.runCommand(HERE, "ping");
    const limited = of(r.events, "rate_limited");
    expect(limited).toHaveLength(3);
    expect(limited[0]).toMatchObject({ retry_after: 0.05, global: false, scope: "user", injected: true });
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
  });

  it("holds back channel posts over the per-channel limit and discord.js waits them out", async () => {
    const { sandbox } = await startBot({ channelMessageLimit: { count: 2, windowMs: 300 } });
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    await sandbox.runCommand(HERE, "say", { count: 5 });
    // On a loaded machine the bot's waits can outlast the settle window: wait for the last post.
    for (let i = 0; i < 100 && of(events, "message").length < 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(of(events, "message").map((e) => e.content)).toEqual(["message 1", "message 2", "message 3", "message 4", "message 5"]);
    expect(of(events, "rate_limited")).toHaveLength(0);
  });

  it("answers edits of a message older than an hour past the stricter limit with 429 and code 30046", async () => {
    let now = Date.UTC(2026, 10, 1, 12);
    // A roomy channel bucket, so only the old-message limit can refuse.
    const { sandbox } = await startBot({ now: () => now, channelMessageLimit: { count: 50, windowMs: 5_000 } });
    const ch = sandbox.channel(GUILD, "general");
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${sandbox.restApiBase}/v10${path}`, {
        method,
        headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const posted = (await (await call("POST", `/channels/${ch.id}/messages`, { content: "board" })).json()) as { id: string };
    const edit = () => call("PATCH", `/channels/${ch.id}/messages/${posted.id}`, { content: "board, edited" });
    // A young message takes edits at the channel's pace.
    for (let i = 0; i < 6; i++) expect((await edit()).status).toBe(200);
    now += 2 * 3_600_000;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await edit()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await edit();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      code: 30046,
      message: expect.stringContaining("older than 1 hour"),
      retry_after: expect.any(Number),
    });
  });

  it("answers a burst past the channel limit with 429, retry_after and rate-limit headers", async () => {
    const { sandbox } = await startBot({ channelMessageLimit: { count: 2, windowMs: 1000 } });
    const ch = sandbox.channel(GUILD, "general");
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    const post = () =>
      fetch(`${sandbox.restApiBase}/v10/channels/${ch.id}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "hi" }),
      });
    const first = await post();
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    await post();
    const third = await post();
    expect(third.status).toBe(429);
    const body = (await third.json()) as { retry_after: number; global: boolean; message: string };
    expect(body).toMatchObject({ message: "You are being rate limited.", global: false });
    expect(body.retry_after).toBeGreaterThan(0);
    expect(third.headers.get("x-ratelimit-scope")).toBe("user");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(of(events, "rate_limited")[0]).toMatchObject({ guild: GUILD, channel: "#general" });
  });
});
