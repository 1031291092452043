// `npm start` as the README describes it: configuration in a `.env` file, nothing exported.
// The production entry runs in its own process, in a directory holding only that file,
// against loopback stand-ins for Discord (the sandbox) and Convex.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
// This file's Discord traffic is held to Discord's spec, as every end-to-end test's is.
import "./held-to-spec.ts";
import { heartbeatProblem } from "../../src/lib/doctor-health.ts";

const root = resolve(import.meta.dirname, "../..");
/** The file `npm start` runs, read from package.json so the test follows the script. */
const entry = join(root, /tsx\s+(\S+)/.exec(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start)![1]!);
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;

let discord: DiscordSandbox;
let convex: Server;
let convexUrl: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
  // Convex's HTTP API answers every call; connecting to Discord needs none.
  convex = createServer((_req, res) => res.end(JSON.stringify({ status: "success", value: null, logLines: [] })));
  await new Promise<void>((done) => convex.listen(0, "127.0.0.1", done));
  convexUrl = `http://127.0.0.1:${(convex.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});
afterAll(async () => {
  await discord?.stop();
  await new Promise<void>((done) => convex.close(() => done()));
});

function dotenv(overrides: Record<string, string> = {}): string {
  const values = {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_BASE: discord.restApiBase,
    CONVEX_URL: convexUrl,
    BOT_API_SECRET: "a-loopback-secret-of-32-characters",
    TMDB_API_URL: "http://127.0.0.1:9/3",
    LOG_LEVEL: "info",
    ...overrides,
  };
  return `# written by the test\n${Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n")}\n`;
}

/** Starts the production entry in a fresh directory holding only `.env`; resolves with its output once it logs `until`. */
function startBot(envFile: string, exported: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ff-start-"));
  writeFileSync(join(dir, ".env"), envFile);
  const child = spawn(process.execPath, ["--import", tsx, entry], { cwd: dir, env: { PATH: process.env.PATH ?? "", ...exported } });
  children.push(child);
  let out = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the bot did not connect:\n${out}`)), 25_000);
    const read = (chunk: Buffer) => {
      out += chunk;
      if (out.includes("connected to Discord")) {
        clearTimeout(timer);
        done(out);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`the bot exited (${code}):\n${out}`));
    });
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts the production entry and waits for it to exit by itself: its code, its output, how long it took. */
function startAndExit(envFile: string, exported: Record<string, string> = {}): Promise<{ code: number | null; out: string; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), "ff-start-"));
  writeFileSync(join(dir, ".env"), envFile);
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", tsx, entry], { cwd: dir, env: { PATH: process.env.PATH ?? "", ...exported } });
  children.push(child);
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (out += chunk));
  return new Promise((done) => child.on("exit", (code) => done({ code, out, ms: Date.now() - started })));
}

/** A Convex deployment whose bot API refuses the secret, as a real one answers (560 + ConvexError data). */
async function refusingConvex(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(560, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        status: "error",
        errorMessage: "The bot API secret is wrong.",
        errorData: { code: "FORBIDDEN", message: "The bot API secret is wrong." },
        logLines: [],
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe("npm start refuses to run a broken setup, with a one-line reason and a non-zero exit", () => {
  it("a token Discord refuses", async () => {
    const { code, out, ms } = await startAndExit(dotenv({ DISCORD_TOKEN: "MTIzNDU2Nzg5.wrong.token-for-this-bot" }));
    expect(code).toBe(1);
    expect(out.trim()).toBe(
      "Discord: DISCORD_TOKEN was refused — copy the bot token again (Developer Portal → your application → Bot → Reset Token) into DISCORD_TOKEN",
    );
    expect(ms).toBeLessThan(30_000);
  });

  it("a Discord it can't reach", async () => {
    const base = `http://127.0.0.1:${await closedPort()}/api`;
    const { code, out, ms } = await startAndExit(dotenv({ DISCORD_API_BASE: base }));
    expect(code).toBe(1);
    expect(out.trim()).toMatch(new RegExp(`^Discord: could not reach ${base} \\(.*ECONNREFUSED.*\\) — check this machine's network`));
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(ms).toBeLessThan(30_000);
  });

  it("a BOT_API_SECRET the Convex deployment refuses", async () => {
    const deployment = await refusingConvex();
    try {
      const { code, out, ms } = await startAndExit(dotenv({ CONVEX_URL: deployment.url }));
      expect(code).toBe(1);
      expect(out.trim()).toBe(
        "Convex: the deployment refused BOT_API_SECRET — set the same value in both places: npx convex env set --prod BOT_API_SECRET '<the value of BOT_API_SECRET here>'",
      );
      expect(ms).toBeLessThan(30_000);
    } finally {
      await deployment.close();
    }
  });

  it("a missing setting says 'missing', not the validator's wording", async () => {
    const { code, out } = await startAndExit("# nothing set\n");
    expect(code).toBe(1);
    expect(out).toContain("DISCORD_TOKEN: missing — the bot's token");
    expect(out).toContain("CONVEX_URL: missing");
    expect(out).not.toMatch(/expected string|received undefined/i);
  });
});

describe("npm start", () => {
  it("reads its configuration from .env when nothing is exported, and connects to Discord", async () => {
    const before = discord.connectedSessions;
    const out = await startBot(dotenv());
    expect(out).toContain("connected to Discord");
    expect(discord.connectedSessions).toBeGreaterThan(before);
  });

  it("keeps a heartbeat in HEALTH_DIR while connected, which the image's health check reads", async () => {
    const healthDir = join(mkdtempSync(join(tmpdir(), "ff-health-")), "beats");
    const check = () =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const probe = spawn(process.execPath, ["--import", tsx, join(root, "src/healthcheck.ts")], {
          env: { PATH: process.env.PATH ?? "", HEALTH_DIR: healthDir },
        });
        let out = "";
        probe.stderr.on("data", (chunk) => (out += chunk));
        probe.on("close", (code) => done({ code, out }));
      });
    expect(await check()).toEqual({ code: 1, out: "not connected to Discord yet (no shard heartbeat)\n" });
    await startBot(dotenv({ HEALTH_DIR: healthDir }));
    expect(await check()).toEqual({ code: 0, out: "" });
  });

  it("a heartbeat an earlier run left (a shard that no longer runs) doesn't keep the restarted bot unhealthy", async () => {
    const healthDir = mkdtempSync(join(tmpdir(), "ff-health-"));
    // The container restarted with fewer shards: shard-1's file is from the run before.
    writeFileSync(join(healthDir, "shard-1"), "0");
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(join(healthDir, "shard-1"), old, old);
    await startBot(dotenv({ HEALTH_DIR: healthDir }));
    // The first heartbeat is written on ready; let it land.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heartbeatProblem(healthDir)).toBeNull();
  });

  it("lets an exported variable win over the same one in .env", async () => {
    // The file's token is wrong; only the exported one lets the bot in.
    const out = await startBot(dotenv({ DISCORD_TOKEN: "a-wrong-token-from-the-file" }), { DISCORD_TOKEN: discord.token });
    expect(out).toContain("connected to Discord");
  });
});
