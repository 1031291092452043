import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import type { BotContext } from "../../src/commands/types.ts";
import { startHttpDoor } from "../../src/http-server.ts";
// This file's Discord traffic is held to Discord's spec, as every end-to-end test's is.
import "./held-to-spec.ts";

let discord: DiscordSandbox;
beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
});
afterAll(async () => discord?.stop());

const root = resolve(import.meta.dirname, "../..");
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;

function register(
  env: Record<string, string>,
  options: { cwd?: string; onlyThese?: boolean; args?: string[] } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const base = options.onlyThese ? { PATH: process.env.PATH ?? "" } : process.env;
    const child = spawn(process.execPath, ["--import", tsx, join(root, "src/register.ts"), ...(options.args ?? [])], {
      cwd: options.cwd ?? root,
      env: { ...base, ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("npm run register", () => {
  it("deploys every command globally", async () => {
    const { code, out } = await register({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApiBase,
    });
    expect(code).toBe(0);
    expect(out).toContain("Registered 13 commands globally");
    expect(
      discord
        .registeredCommands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(["account", "ep", "help", "import", "link", "list", "mark", "party", "remind", "stats", "unlink", "upcoming", "watch"]);
  });

  it("registers every command for server and user installs, usable in servers, the bot's DM and group DMs — except /party and /list, which need the bot in the server", async () => {
    const { code } = await register({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApiBase,
    });
    expect(code).toBe(0);
    for (const command of discord.registeredCommands()) {
      if (command.name === "party" || command.name === "list") expect(command).toMatchObject({ integration_types: [0], contexts: [0] });
      else expect(command, command.name).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
  });

  it("reads its variables from .env like npm start, with exported ones winning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ff-register-"));
    const guild = discord.guild("env-guild");
    writeFileSync(
      join(dir, ".env"),
      `DISCORD_TOKEN=${discord.token}\nDISCORD_APPLICATION_ID=${discord.applicationId}\nDISCORD_API_BASE=http://127.0.0.1:9/api\nDEV_GUILD_ID=${guild.id}\n`,
    );
    const { code, out } = await register({ DISCORD_API_BASE: discord.restApiBase }, { cwd: dir, onlyThese: true });
    expect(out).toContain(`Registered 13 commands in guild ${guild.id}`);
    expect(code).toBe(0);
  });

  it("deploys to one development guild", async () => {
    const guild = discord.guild("dev-guild");
    const { code } = await register({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApiBase,
      DEV_GUILD_ID: guild.id,
    });
    expect(code).toBe(0);
    expect(discord.registeredCommands(guild.id).some((c) => c.guild_id === guild.id && c.name === "ep")).toBe(true);
  });

  it("says in one line, without a stack trace or the request, when Discord refuses the token", async () => {
    const { code, out } = await register({
      DISCORD_TOKEN: "MTIzNDU2Nzg5.wrong.token-for-this-bot",
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApiBase,
    });
    expect(code).toBe(1);
    expect(out).toBe(
      "Discord refused DISCORD_TOKEN — copy the bot token again (Developer Portal → your application → Bot → Reset Token).\n",
    );
  });

  it("names the missing variables instead of calling Discord", async () => {
    const { code, out } = await register({ DISCORD_TOKEN: "", DISCORD_APPLICATION_ID: "" });
    expect(code).toBe(1);
    expect(out).toContain("DISCORD_APPLICATION_ID: missing — the application id");
    expect(out).not.toMatch(/expected string|received undefined/i);
  });

  describe("--endpoint: HTTP interactions instead of the gateway", () => {
    const env = () => ({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restApiBase,
    });
    /** An endpoint server (src/http-server.ts) checking signatures with `publicKey`; PINGs need nothing else. */
    const door = (publicKey: string) => startHttpDoor({ ctx: {} as BotContext, publicKey, apiBase: discord.restApiBase });

    it("sets the Interactions Endpoint URL once Discord has checked it answers, and --gateway clears it", async () => {
      const server = await door(discord.applicationKeys.publicKeyHex);
      try {
        const set = await register(env(), { args: ["--endpoint", server.url] });
        expect(set.code).toBe(0);
        expect(set.out).toContain(`Set the Interactions Endpoint URL to ${server.url}`);
        expect(await application()).toMatchObject({
          interactions_endpoint_url: server.url,
          verify_key: discord.applicationKeys.publicKeyHex,
        });
        const cleared = await register(env(), { args: ["--gateway"] });
        expect(cleared.code).toBe(0);
        expect(cleared.out).toContain("over the gateway again");
        expect(await application()).toMatchObject({ interactions_endpoint_url: null });
      } finally {
        await server.close();
      }
    });

    it("says in one line why Discord refused an endpoint that checks another application's key, and leaves the setting alone", async () => {
      const other = await door("11".repeat(32));
      try {
        const refused = await register(env(), { args: ["--endpoint", other.url] });
        expect(refused.code).toBe(1);
        expect(refused.out.trim().split("\n").at(-1)).toMatch(
          /^Discord could not verify http:\/\/127\.0\.0\.1:\d+\/ as an interactions endpoint: .*DISCORD_PUBLIC_KEY/,
        );
        expect(await application()).toMatchObject({ interactions_endpoint_url: null });
      } finally {
        await other.close();
      }
    });

    it("refuses a URL that is not one before calling Discord", async () => {
      const bad = await register(env(), { args: ["--endpoint", "ftp://example.com/x"] });
      expect(bad.code).toBe(1);
      expect(bad.out).toContain("--endpoint takes the HTTPS URL Discord should POST interactions to");
    });

    async function application() {
      const response = await fetch(`${discord.restApiBase}/v10/applications/@me`, { headers: { authorization: `Bot ${discord.token}` } });
      return (await response.json()) as Record<string, unknown>;
    }
  });
});
