// The interaction core runs in two runtimes: the bot process (Node) and Convex's own (for HTTP
// interactions, convex/interactions/door.ts). Bundled the way Convex bundles a deployment — its
// own esbuild, for a runtime with web APIs and no Node built-ins — it must need neither discord.js
// nor any node: module. (The import rules say the same of each import; this checks the whole graph.)
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "neutral",
    format: "esm",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("the interaction core", () => {
  it("bundles for Convex's runtime with no discord.js and no Node built-ins, from the core and from the deployment's HTTP router", async () => {
    for (const entry of ["src/core/dispatch.ts", "src/core/http-door.ts", "convex/http.ts"]) {
      const inputs = await inputsOf(entry);
      expect(inputs.some((path) => path.startsWith("src/commands/"))).toBe(true);
      expect(inputs.filter((path) => /node_modules\/(discord\.js|@discordjs\/(?!formatters))/.test(path))).toEqual([]);
      expect(inputs.filter((path) => path.startsWith("node:") || !path.includes("/"))).toEqual([]);
    }
  });

  it("bundles the import file readers (src/lib/import) for Convex's runtime too: web APIs and fflate only", async () => {
    const inputs = await inputsOf("src/lib/import/index.ts");
    expect(inputs.some((path) => path.includes("node_modules/fflate/"))).toBe(true);
    expect(inputs.filter((path) => path.startsWith("node:") || !path.includes("/"))).toEqual([]);
  });

  it("would see discord.js where it is: the gateway door (src/bot.ts) needs it", async () => {
    const inputs = await inputsOf("src/bot.ts").catch((error: unknown) => String(error));
    // Bundling the gateway door for that runtime fails or pulls discord.js: the check above would see it.
    expect(typeof inputs === "string" ? inputs : inputs.join("\n")).toMatch(/discord\.js|node:|Could not resolve/);
  });
});
