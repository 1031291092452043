// The production image and install, read from the files that define them: the image runs what
// `npm start` runs (src/start.ts, so SHARD_COUNT is honoured) on Node 24 as a non-root user with a
// health check; .dockerignore keeps out what production never needs; every package production code
// imports is a dependency (so `npm ci --omit=dev` can run it) and nothing else is.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { heartbeatProblem, STALE_MS } from "../src/lib/doctor-health.ts";

const root = resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};
/** Dockerfile instructions, comments and line continuations resolved. */
const instructions = read("Dockerfile")
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));
const lastStage = instructions.slice(instructions.findLastIndex((line) => line.startsWith("FROM ")));

describe("the Dockerfile", () => {
  it("runs src/start.ts, as npm start does, so sharding is honoured", () => {
    const cmd = lastStage.filter((line) => line.startsWith("CMD ")).at(-1)!;
    expect(JSON.parse(cmd.slice(4))).toEqual(["node", "--import", "tsx", "src/start.ts"]);
    expect(pkg.scripts.start).toBe("tsx src/start.ts");
  });

  it("is Node 24 in every stage, as engines and .nvmrc say", () => {
    const bases = instructions.filter((line) => line.startsWith("FROM ")).map((line) => line.split(/\s+/)[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toBe("node:24-bookworm-slim");
    expect(read(".nvmrc").trim()).toBe("24");
    expect(pkg.engines.node).toBe(">=24");
  });

  it("installs production dependencies only, runs as a non-root user and has a health check that exists", () => {
    expect(instructions.some((line) => line.includes("npm ci --omit=dev"))).toBe(true);
    expect(lastStage.filter((line) => line.startsWith("USER ")).at(-1)).toBe("USER node");
    const health = lastStage.find((line) => line.startsWith("HEALTHCHECK "))!;
    const script = /"(src\/[^"]+\.ts)"/.exec(health)![1]!;
    expect(readdirSync(join(root, "src"))).toContain(script.replace("src/", ""));
  });

  it("gets a build context without node_modules, tests, the sandbox, the benchmark or .env", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim());
    for (const path of ["node_modules", ".git", "test", "sandbox", "bench", ".env"]) expect(ignored, path).toContain(path);
  });
});

/** Bare package names imported (or, for files such as fonts, resolved with require.resolve) by the .ts files under `dir` (recursively), skipping `skip`. */
function importedPackages(dir: string, skip: (path: string) => boolean): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(root.length + 1);
    if (!entry.isFile() || !path.endsWith(".ts") || skip(path)) continue;
    const source = readFileSync(join(root, path), "utf8");
    const specs = [
      ...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^".][^"]*)"/gm),
      ...source.matchAll(/require\.resolve\("([^".][^"]*)"\)/g),
    ];
    for (const [, spec] of specs) {
      if (spec!.startsWith("node:")) continue;
      found.add(spec!.startsWith("@") ? spec!.split("/").slice(0, 2).join("/") : spec!.split("/")[0]!);
    }
  }
  return found;
}

describe("package.json", () => {
  it("lists every package the bot and the Convex functions import as a dependency, and only those (with tsx, which runs them)", () => {
    const production = new Set([
      ...importedPackages("src", () => false),
      ...importedPackages("convex", (path) => path.startsWith("convex/_generated/")),
      "tsx",
    ]);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...production].sort());
  });
});

describe("the health check", () => {
  it("is healthy while every shard's heartbeat is fresh, and says why not otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "ff-health-"));
    expect(heartbeatProblem(dir)).toBe("not connected to Discord yet (no shard heartbeat)");
    writeFileSync(join(dir, "shard-0"), "");
    writeFileSync(join(dir, "shard-1"), "");
    expect(heartbeatProblem(dir)).toBeNull();
    const old = (Date.now() - STALE_MS - 5_000) / 1000;
    utimesSync(join(dir, "shard-1"), old, old);
    expect(heartbeatProblem(dir)).toMatch(/^shard-1 has not been connected for \d+ s$/);
  });
});

describe("CI", () => {
  it("runs the README's test command, on the Node the README, engines and .nvmrc name", () => {
    const ci = read(".ci/run");
    const readmeTest = /npm ci && (npm test)\b/.exec(read("README.md"))![1]!;
    const commands = ci.split("\n").filter((line) => line.trim() && !line.trim().startsWith("#"));
    expect(commands.at(-1)).toBe(readmeTest);
    expect(ci).toMatch(/node -v[^\n]*v24\.\*/);
    expect(ci).toContain('npm pack "node-linux-$arch@24"');
    expect(read("README.md")).toMatch(/Node(\.js)? 24/);
  });
});

describe("the README's Run it for real", () => {
  const section = /## Run it for real\n([\s\S]*?)\n## /.exec(read("README.md"))![1]!;

  it("is at most six numbered steps, each naming scripts that exist", () => {
    const steps = section.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(steps.map((line) => Number(line.split(".")[0]))).toEqual([1, 2, 3, 4, 5, 6].slice(0, steps.length));
    expect(steps.length).toBeLessThanOrEqual(6);
    for (const [, script] of section.matchAll(/npm run (\w+)/g)) expect(Object.keys(pkg.scripts), script).toContain(script);
  });

  it("says up front that this convex/ replaces the web app's functions, and sends Convex commands to production", () => {
    const intro = section.slice(0, section.indexOf("1. "));
    expect(intro).toContain("replaces the web app's Convex");
    expect(intro).toContain("docs/web-api.md");
    expect(intro).toContain("stop deploying its own `convex/`");
    for (const line of section.split("\n").filter((l) => /npx convex (env set|run) /.test(l))) expect(line).toContain("--prod");
    expect(readdirSync(join(root, "docs"))).toContain("deploy.md");
  });
});
