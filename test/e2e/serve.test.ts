// `npm run serve` as the README describes it: the HTTP interactions endpoint in its own process,
// with its settings in the environment, against the sandbox's Discord (which POSTs signed
// interactions to it once its Interactions Endpoint URL is set) and the embedded Convex over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpInteractionsDelivery, urlEndpoint } from "../../sandbox/discord/http-delivery.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text } from "./harness.ts";

const root = resolve(import.meta.dirname, "../..");
/** The file `npm run serve` runs, read from package.json so the test follows the script. */
const entry = join(root, /tsx\s+(\S+)/.exec(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.serve)![1]!);
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;

let s: Stack;
let child: ChildProcess | undefined;
beforeAll(async () => {
  s = await stack({ convexHttp: true, interactions: "gateway" });
});
afterAll(async () => {
  child?.kill("SIGTERM");
  await s?.stop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function serve(env: Record<string, string>): Promise<{ out: string; exited: number | null }> {
  return new Promise((done) => {
    child = spawn(process.execPath, ["--import", tsx, entry], { cwd: root, env: { PATH: process.env.PATH ?? "", ...env } });
    let out = "";
    const finish = (exited: number | null) => done({ out, exited });
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("serving Discord's HTTP interactions")) finish(null);
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("close", (code) => finish(code));
  });
}

describe("npm run serve", () => {
  it("refuses to start without the application's public key, saying where to find it", async () => {
    const { out, exited } = await serve({ DISCORD_TOKEN: s.discord.token, CONVEX_URL: s.convex!.url, BOT_API_SECRET: s.engine.secret });
    expect(exited).toBe(1);
    expect(out).toContain("npm run serve needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID");
  });

  it("answers the sandbox's signed interactions once it is the application's endpoint: no gateway involved", async () => {
    const port = await freePort();
    const { out, exited } = await serve({
      DISCORD_TOKEN: s.discord.token,
      DISCORD_APPLICATION_ID: s.discord.applicationId,
      DISCORD_PUBLIC_KEY: s.discord.applicationKeys.publicKeyHex,
      DISCORD_API_BASE: s.discord.restApiBase,
      CONVEX_URL: s.convex!.url,
      BOT_API_SECRET: s.engine.secret,
      TMDB_API_URL: s.tmdb.url,
      PORT: String(port),
      LOG_LEVEL: "info",
    });
    expect(exited, out).toBeNull();
    await s.discord.setInteractionsEndpoint(
      new HttpInteractionsDelivery(s.discord.applicationKeys, urlEndpoint(`http://127.0.0.1:${port}/`), () => s.engine.clock.now()),
    );
    const events = await run(s, `as nia\nin movie-club #general\n/ep 1399 1 1\nclick "Mark S1E2"`);
    expect(ofType(events, "interaction_failed")).toEqual([]);
    expect(text(ofType(events, "reply").at(0))).toContain("Watched **S1E1**");
    expect(text(ofType(events, "reply_edit", "reply").at(-1))).toContain("Watched **S1E2**");
  });
});
