// The interaction REST transport behaves the same whichever sender carries it: fetch (the default,
// as in Convex's runtime) or the Node doors' pooled undici sender (src/lib/node-http.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordRequestError, restTransport, type RestSender } from "../../src/core/transport.ts";
import { nodeRestSender } from "../../src/lib/node-http.ts";

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** The answers the fake Discord gives, in order (then 204s). */
let script: ((res: ServerResponse) => void)[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        contentType: req.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const next = script.shift();
      if (next) next(res);
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) =>
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

const senders: [string, RestSender | undefined][] = [
  ["fetch (the default)", undefined],
  ["the Node doors' undici sender", nodeRestSender],
];

describe.each(senders)("restTransport over %s", (_name, send) => {
  const waits: number[] = [];
  const transport = (token = "tok/en") =>
    restTransport(
      { id: "111", applicationId: "222", token },
      { apiBase: base, send, timeoutMs: 500, sleep: async (ms) => void waits.push(ms) },
    );

  it("posts the callback as JSON to the interaction's route, the token escaped", async () => {
    seen.length = 0;
    await transport().callback({ type: 1 });
    expect(seen).toEqual([
      { method: "POST", url: "/api/v10/interactions/111/tok%2Fen/callback", contentType: "application/json", body: '{"type":1}' },
    ]);
  });

  it("edits the original response with PATCH on the webhook route", async () => {
    seen.length = 0;
    script = [json(200, { id: "1" })];
    await transport().editOriginal({ content: "hi" });
    expect(seen[0]).toMatchObject({ method: "PATCH", url: "/api/v10/webhooks/222/tok%2Fen/messages/@original", body: '{"content":"hi"}' });
  });

  it("waits out a 429 for as long as Discord says (body or header), then sends again", async () => {
    seen.length = 0;
    waits.length = 0;
    script = [json(429, { retry_after: 0.25, message: "slow down" }), json(429, {}, { "retry-after": "1" })];
    await transport().followUp({ content: "x" });
    expect(waits).toEqual([250, 1000]);
    expect(seen).toHaveLength(3);
  });

  it("retries a 5xx and takes 'already acknowledged' afterwards as the first one having gone through", async () => {
    seen.length = 0;
    script = [
      (res) => res.writeHead(502).end("bad gateway"),
      json(400, { code: 40060, message: "Interaction has already been acknowledged." }),
    ];
    await expect(transport().callback({ type: 1 })).resolves.toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it("does not send a follow-up twice after a 5xx: the message may have been posted", async () => {
    seen.length = 0;
    script = [(res) => res.writeHead(502).end("bad gateway"), json(200, { id: "2" })];
    await expect(transport().followUp({ content: "once" })).rejects.toBeInstanceOf(DiscordRequestError);
    expect(seen).toHaveLength(1);
  });

  it("throws Discord's refusal with its status, code and message, the token kept out of the route", async () => {
    script = [json(404, { code: 10062, message: "Unknown interaction" })];
    const error = await transport()
      .callback({ type: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordRequestError);
    expect(error).toMatchObject({
      status: 404,
      code: 10062,
      route: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/v10\/interactions\/111\/:token\/callback$/),
    });
    expect(String((error as Error).message)).toContain("Unknown interaction");
  });

  it("says Discord could not be reached when the answer takes longer than the attempt's limit", async () => {
    script = [(res) => setTimeout(() => res.writeHead(204).end(), 1_500)];
    const started = Date.now();
    const error = await transport()
      .callback({ type: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0 });
    expect(String((error as Error).message)).toMatch(/could not be reached/);
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it("says Discord could not be reached when nothing listens", async () => {
    const gone = restTransport({ id: "1", applicationId: "2", token: "t" }, { apiBase: "http://127.0.0.1:9/api", send, timeoutMs: 2_000 });
    await expect(gone.callback({ type: 1 })).rejects.toMatchObject({ status: 0 });
  });

  it("sends a follow-up with a file as multipart, the file listed as an attachment", async () => {
    seen.length = 0;
    await transport().followUp({ content: "your export" }, [
      { name: "export.json", data: new TextEncoder().encode("{}"), contentType: "application/json" },
    ]);
    expect(seen[0]!.contentType).toMatch(/^multipart\/form-data/);
    expect(seen[0]!.body).toContain('"attachments":[{"id":"0","filename":"export.json"}]');
    expect(seen[0]!.body).toContain('filename="export.json"');
  });
});
