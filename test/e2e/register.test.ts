import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../src/sandbox/discord/index.ts";

let discord: DiscordSandbox;
beforeAll(async () => {
  discord = new DiscordSandbox();
  await discord.start(0);
});
afterAll(async () => discord?.stop());

function register(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/register.ts"], { env: { ...process.env, ...env } });
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
    expect(out).toContain("Registered 4 commands globally");
    expect(discord.registeredCommands().map((c) => c.name).sort()).toEqual(["ep", "help", "mark", "watch"]);
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

  it("names the missing variables instead of calling Discord", async () => {
    const { code, out } = await register({ DISCORD_TOKEN: "", DISCORD_APPLICATION_ID: "" });
    expect(code).toBe(1);
    expect(out).toContain("DISCORD_APPLICATION_ID");
  });
});
