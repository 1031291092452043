import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { convexHttpBackend } from "../../src/lib/convex-http-backend.ts";
import { describeError } from "../../src/lib/errors.ts";
import { startConvexHttpEndpoint, type ConvexCall, type ConvexHttpEndpoint } from "../../sandbox/convex-http.ts";
import { EmbeddedConvex } from "../../sandbox/engine.ts";

const secret = randomBytes(24).toString("hex");
const alice = "100000000000000001";
let engine: EmbeddedConvex;
let endpoint: ConvexHttpEndpoint;
const calls: ConvexCall[] = [];

beforeAll(async () => {
  engine = await EmbeddedConvex.start({ secret, crons: [] });
  endpoint = await startConvexHttpEndpoint({ engine, latencyMs: 1 });
  endpoint.onCall((call) => calls.push(call));
});
afterAll(async () => {
  await endpoint.close();
  await engine.stop();
});

describe("the loopback Convex HTTP endpoint over the embedded engine", () => {
  it("gives each call its injected time as a whole by default, and refuses a latency mode it doesn't know", async () => {
    expect(endpoint.latencyMode).toBe("call");
    await expect(startConvexHttpEndpoint({ engine, latencyMs: 1, latencyMode: "sometimes" as never })).rejects.toThrow(
      /latencyMode must be "call" or "added"/,
    );
  });

  it("runs a mutation and then a query sent by the production ConvexHttpClient", async () => {
    const backend = convexHttpBackend(endpoint.url, secret);
    const changed = await backend.mutation(api.bot.profile.setListVisibility, { discordUserId: alice, listPublic: true });
    expect(changed).toEqual({ listPublic: true });
    // The mutation's write is what the query reads back.
    const profile = await backend.mutation(api.bot.profile.ensureProfile, { discordUserId: alice });
    expect(profile).toMatchObject({ listPublic: true, linked: false });
    const page = await backend.query(api.bot.lists.listTitles, { discordUserId: alice, pageSize: 10 });
    expect(page).toMatchObject({ items: [] });
    expect(calls.slice(-3).map((c) => [c.kind, c.path, c.ok])).toEqual([
      ["mutation", "bot/profile:setListVisibility", true],
      ["mutation", "bot/profile:ensureProfile", true],
      ["query", "bot/lists:listTitles", true],
    ]);
  });

  it("hands a function's ConvexError to the client as a ConvexError with its data", async () => {
    const backend = convexHttpBackend(endpoint.url, "not-the-shared-secret-at-all");
    const error = await backend.query(api.bot.lists.listTitles, { discordUserId: alice, pageSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: string }>).data).toMatchObject({ code: "FORBIDDEN" });
    expect(describeError(error)).toMatchObject({ code: "FORBIDDEN" });
    expect(calls.at(-1)).toMatchObject({ path: "bot/lists:listTitles", ok: false, errorCode: "FORBIDDEN" });
  });

  it("answers a call to a function that does not exist with a plain error, not a ConvexError", async () => {
    const backend = convexHttpBackend(endpoint.url, secret);
    const missing = makeFunctionReference<"query", { secret: string; discordUserId: string }>("bot:noSuchFunction");
    const error = await backend.query(missing, { discordUserId: alice }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConvexError);
  });

  it("goes down (connections refused) and comes back on the same URL; drops a mutation's answer after applying it", async () => {
    const post = () =>
      fetch(`${endpoint.url}/api/query`, { method: "POST", body: JSON.stringify({ path: "bot/health:status", args: [{ secret }] }) });
    await endpoint.setFault({ kind: "down" });
    const refused = await new Promise<unknown>((resolve) =>
      connect(endpoint.port, "127.0.0.1")
        .once("error", resolve)
        .once("connect", () => resolve(null)),
    );
    await endpoint.setFault({ kind: "none" });
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    expect((await post()).status).toBe(200);

    await endpoint.setFault({ kind: "drop", count: 1 });
    const before = calls.length;
    const lost = await fetch(`${endpoint.url}/api/mutation`, {
      method: "POST",
      body: JSON.stringify({ path: "bot/profile:setListVisibility", args: [{ secret, discordUserId: alice, listPublic: false }] }),
    }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    expect(calls.slice(before)).toMatchObject([{ path: "bot/profile:setListVisibility", ok: true }]);
    expect(endpoint.fault).toEqual({ kind: "none" });
    await expect(endpoint.setFault({ kind: "slow", ms: -1 })).rejects.toThrow(RangeError);
  });

  it("refuses a body that is not Convex's wire format with 400", async () => {
    const response = await fetch(`${endpoint.url}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "not a path", args: [{}] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BadJsonBody" });
    expect((await fetch(`${endpoint.url}/api/action`, { method: "POST", body: "{}" })).status).toBe(404);
  });
});
