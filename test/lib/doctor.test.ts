// The doctor's comparison of this build's commands with what Discord has registered: Discord's own
// fields and defaults are not differences; anything the definition says differently is.
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { commandDrift, runDoctor } from "../../src/lib/doctor.ts";

/** A command as Discord's API returns it: its ids and version, defaults spelled out or left out, nulls for absent localizations. */
function asDiscordReturnsIt(definition: Record<string, unknown>, i: number): Record<string, unknown> {
  const strip = (option: Record<string, unknown>): Record<string, unknown> => {
    const { required, options, ...rest } = option;
    return {
      ...rest,
      ...(required ? { required } : {}),
      name_localizations: option.name_localizations ?? null,
      description_localizations: option.description_localizations ?? null,
      ...(Array.isArray(options) ? { options: options.map((o) => strip(o as Record<string, unknown>)) } : {}),
    };
  };
  return {
    id: `12345678901234567${i}`,
    application_id: "1036670655396389385",
    version: "1300000000000000000",
    default_member_permissions: null,
    type: 1,
    nsfw: false,
    ...strip(definition),
    handler: 1,
  };
}

describe("commandDrift", () => {
  const definitions = commandDefinitions() as unknown as Record<string, unknown>[];

  it("finds nothing when Discord has exactly these commands, in its own spelling", () => {
    expect(commandDrift(definitions, definitions.map(asDiscordReturnsIt))).toEqual([]);
  });

  it("names the missing, the changed and the extra ones", () => {
    const registered = definitions.map(asDiscordReturnsIt).filter((c) => c.name !== "help");
    const ep = registered.find((c) => c.name === "ep")!;
    const options = ep.options as Record<string, unknown>[];
    ep.options = [{ ...options[0], required: false }, ...options.slice(1)];
    registered.push({ ...registered[0], name: "oldcommand" });
    expect(commandDrift(definitions, registered)).toEqual(["missing /help", "changed /ep", "not in this version /oldcommand"]);
  });
});

describe("the doctor's settings", () => {
  const refuse = (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
  const settings = {
    DISCORD_TOKEN: "x".repeat(30),
    DISCORD_APPLICATION_ID: "1036670655396389385",
    BOT_API_SECRET: "s".repeat(16),
    TMDB_API_TOKEN: "t",
  };

  // Convex's client refuses these addresses when it is created: they must be a settings line, not a crash of npm start or the doctor.
  it.each([
    ["https://happy-otter-123.convex.site", /^CONVEX_URL: .*\.convex\.site.*https:\/\/<name>\.convex\.cloud/],
    ["ftp://happy-otter-123.convex.cloud", /^CONVEX_URL: must start with https:\/\//],
  ])("CONVEX_URL %s is one failure line naming the fix", async (value, line) => {
    const { findings } = await runDoctor({ ...settings, CONVEX_URL: value }, { definitions: [], fetch: refuse, timeoutMs: 200 });
    expect(findings.filter((f) => f.level === "fail").map((f) => f.line)).toEqual([expect.stringMatching(line)]);
  });
});
