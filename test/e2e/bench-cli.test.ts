import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], { encoding: "utf8", timeout: 60_000 });

describe("npm run bench's flags", () => {
  it("--help prints every flag, the fault phase's included, and exits 0 without running anything", () => {
    const result = bench("--help");
    expect(result.status).toBe(0);
    for (const flag of [
      "--convex-latency",
      "--tmdb-latency",
      "--users",
      "--steps",
      "--fault-outage",
      "--doors",
      "--door-users",
      "--door-actions",
      "--discord-latency",
      "--doors-only",
      "--no-party-board",
      "--out",
      "--help",
    ])
      expect(result.stdout).toContain(flag);
    expect(result.stderr).not.toContain("[bench]");
  });

  it("refuses a fault outage it can't run, naming the flag", () => {
    const result = bench("--fault-outage", "1000");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--fault-outage must be a whole number from 0 to 120");
  });

  it("refuses a door it doesn't have, and user counts it can't run, naming the flag", () => {
    const door = bench("--doors", "gateway,carrier-pigeon");
    expect(door.status).toBe(2);
    expect(door.stderr).toContain("--doors must be gateway,http, gateway, http or none");
    const users = bench("--door-users", "50,0");
    expect(users.status).toBe(2);
    expect(users.stderr).toContain("--door-users must be up to 4 whole numbers from 1 to 1000");
  });
});

describe("npm run bench -- --doors-only", () => {
  it("runs the HTTP door with no bot process: one HTTP action per interaction, no call to Convex's HTTP API", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--doors-only", "--doors", "http", "--door-users", "2", "--door-actions", "1"],
      { encoding: "utf8", timeout: 170_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const { doors } = JSON.parse(result.stdout) as {
      doors: {
        gateway: unknown;
        http: Record<
          string,
          { interactions: number; outcomes: Record<string, number>; convex: Record<string, number>; botProcess: unknown }
        >;
      };
    };
    expect(doors.gateway).toBeNull();
    const run = doors.http["2"]!;
    expect(run.interactions).toBeGreaterThan(0);
    expect(run.outcomes.interaction_failed ?? 0).toBe(0);
    expect(run.convex.httpActionsPerInteraction).toBe(1);
    expect(run.convex.httpApiCallsPerInteraction).toBe(0);
    expect(run.botProcess).toBeNull();
    // The table on stderr.
    expect(result.stderr).toContain("http @2");
  }, 180_000);
});
