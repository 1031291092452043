// The README's "Run it for real" steps, driven against the sandbox's stand-ins as far as they go
// offline: a Convex deployment (the embedded engine behind its HTTP endpoint, with the deployment's
// variables set), Discord (loopback), TMDB (the catalog server). `.env` is written as step 2 says,
// the commands registered with `npm run register`, then `npm run doctor` must pass — and report each
// planted fault with its one-line fix.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { botPermissions } from "../../src/lib/doctor-invite.ts";
import { SandboxClerk } from "../../sandbox/clerk.ts";
import { startConvexHttpEndpoint, type ConvexHttpEndpoint } from "../../sandbox/convex-http.ts";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import type { BotContext } from "../../src/commands/types.ts";
import { startHttpDoor } from "../../src/http-server.ts";
// This file's Discord traffic is held to Discord's spec, as every end-to-end test's is.
import "./held-to-spec.ts";
import { EmbeddedConvex } from "../../sandbox/engine.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../../sandbox/tmdb-server.ts";

const root = resolve(import.meta.dirname, "../..");
const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const secret = randomBytes(24).toString("hex");

let discord: DiscordSandbox;
let engine: EmbeddedConvex;
let convex: ConvexHttpEndpoint;
let tmdb: TmdbCatalogServer;
let clerk: SandboxClerk;

/** Every setting the deployment's health check asks for (README steps 2 and 3), Clerk's from the Clerk stand-in. */
const deploymentEnv = () => ({
  DISCORD_API_BASE: discord.restApiBase,
  DISCORD_TOKEN: discord.token,
  TMDB_API_TOKEN: "catalog-token",
  ...clerk.deploymentEnv(),
  CONVEX_CLERK_ISSUER_URL: clerk.issuer,
});

beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
  clerk = await SandboxClerk.start();
  engine = await EmbeddedConvex.start({ secret, env: deploymentEnv() });
  clerk.attach(engine);
  convex = await startConvexHttpEndpoint({ engine });
  tmdb = await startTmdbCatalogServer({ port: 0 });
}, 60_000);
afterAll(async () => {
  await discord?.stop();
  await convex?.close();
  await tmdb?.close();
  await engine?.stop();
  await clerk?.close();
});

/** The bot's `.env` for this setup, with faults planted by overriding (an empty value unsets). */
function dotenv(overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.restApiBase,
    CONVEX_URL: convex.url,
    BOT_API_SECRET: secret,
    TMDB_API_URL: tmdb.url,
    TMDB_API_TOKEN: "catalog-token",
    ...overrides,
  };
  return (
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n"
  );
}

/** `npm run <script>` (its tsx command) in a directory holding only `.env`, with nothing exported. */
function npmRun(script: string, envFile: string, args: string[] = []): Promise<{ code: number | null; out: string }> {
  const [, file] = /tsx\s+(\S+)/.exec(scripts[script]!)!;
  const dir = mkdtempSync(join(tmpdir(), "ff-doctor-"));
  writeFileSync(join(dir, ".env"), envFile);
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", tsx, join(root, file!), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => done({ code, out }));
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const failures = (out: string) => out.split("\n").filter((line) => line.startsWith("✗"));

describe("npm run doctor", () => {
  it("passes on a correct setup, after npm run register, and prints the invite links", async () => {
    const registered = await npmRun("register", dotenv());
    expect(registered.out).toContain(`Registered ${commandDefinitions().length} commands globally`);
    const { code, out } = await npmRun("doctor", dotenv());
    expect(failures(out), out).toEqual([]);
    expect(out).toContain("✓ Discord: the token is accepted");
    expect(out).toContain(`✓ Convex: ${convex.url} answers and accepts BOT_API_SECRET`);
    expect(out).toContain("✓ TMDB:");
    expect(out).toContain(`✓ Commands: all ${commandDefinitions().length} registered globally and up to date`);
    expect(out).toContain(`client_id=${discord.applicationId}&scope=bot+applications.commands&permissions=${botPermissions()}`);
    expect(out).toContain("All checks passed");
    expect(code).toBe(0);
    // Step 3: Clerk's webhook, signed with the secret the deployment has, is accepted, and links
    // someone who signed in to Film Fanatic with Discord.
    const signup = await clerk.signup("ann", discord.user("ann").id);
    expect(signup.status).toBe(200);
  }, 60_000);

  it("reports each planted fault in one line saying what to do, and exits 1", async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    const [wrongToken, wrongSecret, noTmdb, noConvex] = await Promise.all([
      npmRun("doctor", dotenv({ DISCORD_TOKEN: "MTIzNDU2Nzg5.wrong.token-for-this-bot" })),
      npmRun("doctor", dotenv({ BOT_API_SECRET: "not-the-deployment-secret-0123" })),
      npmRun("doctor", dotenv({ TMDB_API_TOKEN: "" })),
      npmRun("doctor", dotenv({ CONVEX_URL: unreachable })),
    ]);
    expect(failures(wrongToken.out), wrongToken.out).toEqual([
      "✗ Discord: DISCORD_TOKEN was refused — copy the bot token again (Developer Portal → your application → Bot → Reset Token) into DISCORD_TOKEN",
    ]);
    expect(failures(wrongSecret.out), wrongSecret.out).toEqual([
      "✗ Convex: the deployment refused BOT_API_SECRET — set the same value in both places: npx convex env set --prod BOT_API_SECRET '<the value of BOT_API_SECRET here>'",
    ]);
    expect(failures(noTmdb.out), noTmdb.out).toEqual([
      "✗ TMDB_API_TOKEN: missing — titles can't be looked up without it: a TMDB API Read Access Token (themoviedb.org → Settings → API)",
    ]);
    expect(failures(noConvex.out), noConvex.out).toEqual([
      expect.stringMatching(new RegExp(`^✗ Convex: could not reach ${unreachable} \\(.*ECONNREFUSED.*\\) — check CONVEX_URL`)),
    ]);
    for (const run of [wrongToken, wrongSecret, noTmdb, noConvex]) {
      expect(run.code).toBe(1);
      expect(run.out).not.toMatch(/\n\s+at /); // no stack trace
    }
  }, 90_000);

  it("says when the registered commands are stale, and warns when they are registered both in DEV_GUILD_ID and globally", async () => {
    const rest = new REST({ api: discord.restApiBase }).setToken(discord.token);
    // An older version's commands: /help missing, /ep's description different.
    const older = commandDefinitions()
      .filter((c) => c.name !== "help")
      .map((c) => (c.name === "ep" ? { ...c, description: "Mark an episode (old wording)" } : c));
    await rest.put(Routes.applicationCommands(discord.applicationId), { body: older });
    const stale = await npmRun("doctor", dotenv());
    expect(failures(stale.out), stale.out).toEqual([
      "✗ Commands: the ones registered globally are out of date (missing /help; changed /ep) — run: npm run register",
    ]);
    expect(stale.code).toBe(1);

    const guild = discord.guild("dev-server");
    await npmRun("register", dotenv({ DEV_GUILD_ID: guild.id }));
    const twice = await npmRun("doctor", dotenv({ DEV_GUILD_ID: guild.id }));
    expect(failures(twice.out), twice.out).toEqual([]);
    expect(twice.out).toContain(`! Commands: registered both in guild ${guild.id} and globally, so they show twice there`);
    expect(twice.code).toBe(0);

    // The fix it names works: clear the global ones, and the warning is gone.
    const cleared = await npmRun("register", dotenv({ DEV_GUILD_ID: guild.id }), ["--clear-global"]);
    expect(cleared.out).toContain("Removed every command registered globally");
    const invite = await npmRun("invite", dotenv({ DEV_GUILD_ID: guild.id }));
    expect(invite.out).not.toContain("show twice");
    expect(invite.out).toContain(
      `https://discord.com/oauth2/authorize?client_id=${discord.applicationId}&scope=applications.commands&integration_type=1`,
    );
    expect(invite.code).toBe(0);
    await npmRun("register", dotenv());
  }, 120_000);

  it("warns that a bot process gets nothing while the application has an Interactions Endpoint URL, naming the fix", async () => {
    const server = await startHttpDoor({
      ctx: {} as BotContext,
      publicKey: discord.applicationKeys.publicKeyHex,
      apiBase: discord.restApiBase,
    });
    try {
      expect((await npmRun("register", dotenv(), ["--endpoint", server.url])).code).toBe(0);
      const http = await npmRun("doctor", dotenv());
      expect(http.out).toContain(
        `! Discord: interactions go to the Interactions Endpoint URL ${server.url}, not to a bot process's gateway connection`,
      );
      expect(http.out).toContain("npm run register -- --gateway");
    } finally {
      await npmRun("register", dotenv(), ["--gateway"]);
      await server.close();
    }
    const gateway = await npmRun("doctor", dotenv());
    expect(gateway.out).not.toContain("Interactions Endpoint URL");
  }, 120_000);

  it("names the deployment's own settings that are missing, with the command that sets each", async () => {
    const partial: Record<string, string> = deploymentEnv();
    delete partial.CLERK_PUBLISHABLE_KEY;
    delete partial.TMDB_API_TOKEN;
    const bare = await EmbeddedConvex.start({ secret, env: partial });
    const endpoint = await startConvexHttpEndpoint({ engine: bare });
    try {
      const { code, out } = await npmRun("doctor", dotenv({ CONVEX_URL: endpoint.url }));
      expect(failures(out), out).toEqual([
        "✗ Convex: the deployment setting TMDB_API_TOKEN is missing (needed for the daily new-episode check) — run: npx convex env set --prod TMDB_API_TOKEN <value>",
        "✗ Convex: the deployment setting CLERK_PUBLISHABLE_KEY is missing (needed for the /link page's sign-in) — run: npx convex env set --prod CLERK_PUBLISHABLE_KEY <value>",
      ]);
      expect(code).toBe(1);
    } finally {
      await endpoint.close();
      await bare.stop();
    }
  }, 60_000);
});
