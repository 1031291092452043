// The doctor's comparison of this build's commands with what Discord has registered: Discord's own
// fields and defaults are not differences; anything the definition says differently is.
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/commands/index.ts";
import { commandDrift } from "../../src/lib/doctor.ts";

/** A command as Discord's API returns it: its ids and version, defaults spelled out or left out, nulls for absent localizations. */
function asDiscordReturnsIt(definition: Record<string, unknown>, i: number): Record<string, unknown> {
  const strip = (option: Record<string, unknown>): Record<string, unknown> => {
    const { required, options, ...rest } = option;
    return { ...rest, ...(required ? { required } : {}), name_localizations: null, description_localizations: null, ...(Array.isArray(options) ? { options: options.map((o) => strip(o as Record<string, unknown>)) } : {}) };
  };
  return { id: `12345678901234567${i}`, application_id: "1036670655396389385", version: "1300000000000000000", default_member_permissions: null, type: 1, nsfw: false, ...strip(definition), handler: 1 };
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
