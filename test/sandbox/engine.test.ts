import { afterEach, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { SandboxClock } from "../../sandbox/clock.ts";
import { EmbeddedConvex, nextCronDelay, UnsupportedCronError } from "../../sandbox/engine.ts";

describe("the sandbox clock", () => {
  let clock: SandboxClock | undefined;
  afterEach(() => clock?.uninstall());

  it("fires engine timers due in a skipped span, in order, and moves Date.now with them", async () => {
    clock = new SandboxClock();
    clock.install();
    const fired: [string, number][] = [];
    const start = Date.now();
    clock.inEngine(() => {
      setTimeout(() => fired.push(["2h", Date.now() - start]), 2 * 3_600_000);
      setTimeout(() => fired.push(["5m", Date.now() - start]), 5 * 60_000);
      setTimeout(() => fired.push(["3d", Date.now() - start]), 3 * 86_400_000);
    });
    await clock.advance(3 * 3_600_000);
    expect(fired.map(([name]) => name)).toEqual(["5m", "2h"]);
    expect(fired[0]![1]).toBeGreaterThanOrEqual(5 * 60_000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(clock.pendingTimers()).toBe(1);
  });

  it("keeps an engine timer more than 24.8 days ahead (Node's setTimeout limit) until it is due", async () => {
    clock = new SandboxClock();
    clock.install();
    const start = Date.now();
    let firedAt: number | null = null;
    clock.inEngine(() => {
      setTimeout(() => (firedAt = Date.now() - start), 30 * 86_400_000);
    });
    // Real time passes: a month-away timer must not fire "right after Confirm".
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(firedAt).toBeNull();
    await clock.advance(29 * 86_400_000);
    expect(firedAt).toBeNull();
    await clock.advance(86_400_000);
    expect(firedAt).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("leaves timers outside the engine on real time", async () => {
    clock = new SandboxClock();
    clock.install();
    let fired = false;
    const timer = setTimeout(() => (fired = true), 60_000);
    await clock.advance(120_000);
    expect(fired).toBe(false);
    clearTimeout(timer);
  });
});

describe("cron schedules", () => {
  it("computes the delay to the next interval, hourly and daily run", () => {
    const now = Date.UTC(2026, 10, 24, 10, 30);
    expect(nextCronDelay({ type: "interval", minutes: 15 }, now)).toBe(15 * 60_000);
    expect(nextCronDelay({ type: "hourly", minuteUTC: 45 }, now)).toBe(15 * 60_000);
    expect(nextCronDelay({ type: "daily", hourUTC: 9, minuteUTC: 0 }, now)).toBe(22.5 * 3_600_000);
  });

  it("runs weekly, monthly and cron-string schedules too (2026-11-24 is a Tuesday)", () => {
    const now = Date.UTC(2026, 10, 24, 10, 30);
    expect(nextCronDelay({ type: "weekly", dayOfWeek: "thursday", hourUTC: 10, minuteUTC: 30 }, now)).toBe(2 * 86_400_000);
    expect(nextCronDelay({ type: "monthly", day: 1, hourUTC: 0 }, now)).toBe(Date.UTC(2026, 11, 1) - now);
    expect(nextCronDelay({ type: "cron", cron: "*/20 * * * *" }, now)).toBe(10 * 60_000);
  });

  it("refuses a schedule it can't run, naming the cron, instead of skipping it", () => {
    const now = Date.UTC(2026, 10, 24, 10, 30);
    expect(() => nextCronDelay({ type: "cron", cron: "every tuesday" }, now, "boardPublisher")).toThrow(/"boardPublisher".*can't run/);
    expect(() => nextCronDelay({ type: "fortnightly" } as never, now, "digest")).toThrow(UnsupportedCronError);
    expect(() => nextCronDelay({ type: "interval", seconds: 0 }, now)).toThrow(/positive/);
  });
});

describe("the embedded Convex engine", () => {
  let engine: EmbeddedConvex | undefined;
  afterEach(async () => engine?.stop());

  it("runs scheduled chunks of a large episode change as the clock moves", async () => {
    engine = await EmbeddedConvex.start({ secret: "engine-test-secret-0123456789" });
    const backend = engine.backend();
    await backend.mutation(api.bot.shows.cacheShow, {
      tmdbId: 900_100,
      title: "Endless",
      seasons: Array.from({ length: 5 }, (_, i) => ({ season: i + 1, name: `Season ${i + 1}`, episodeCount: 1_000 })),
    });
    const outcome = await backend.mutation(api.bot.episodes.markAllFor, {
      discordUserId: "100000000000000009",
      tmdbId: 900_100,
      isWatched: true,
    });
    expect(outcome.jobId).not.toBeNull();
    await engine.wait(1_000);
    const job = await backend.query(api.bot.episodes.getEpisodeJob, { discordUserId: "100000000000000009", jobId: outcome.jobId! });
    expect(job).toMatchObject({ state: "done", applied: 5_000 });
  });

  it("stops start-up with a clear message when a cron can't run", async () => {
    await expect(
      EmbeddedConvex.start({
        secret: "engine-test-secret-0123456789",
        crons: [{ name: "reminders:scan", args: [{}], schedule: { type: "cron", cron: "61 * * * *" } }],
      }),
    ).rejects.toThrow(/"reminders:scan" has a schedule the sandbox's embedded engine can't run/);
  });

  it("gives Convex functions the deployment's settings without writing them into process.env", async () => {
    const before = { secret: process.env.BOT_API_SECRET, base: process.env.DISCORD_API_BASE };
    engine = await EmbeddedConvex.start({ secret: "engine-test-secret-0123456789", env: { DISCORD_API_BASE: "http://127.0.0.1:9/api" } });
    // The bot API checks BOT_API_SECRET inside the engine: the call only succeeds if it sees it.
    await engine.backend().query(api.bot.lists.listTitles, { discordUserId: "100000000000000009", pageSize: 5 } as never);
    expect(process.env.BOT_API_SECRET).toBe(before.secret);
    expect(process.env.DISCORD_API_BASE).toBe(before.base);
  });

  it("leaves process.env writable as usual once an engine has run (the test runner sets variables between files)", async () => {
    engine = await EmbeddedConvex.start({ secret: "engine-test-secret-0123456789", env: { SANDBOX_ENV_PROBE: "deployment" } });
    await engine.backend().query(api.bot.lists.listTitles, { discordUserId: "100000000000000009", pageSize: 5 } as never);
    process.env.SANDBOX_ENV_PROBE = "first";
    process.env.SANDBOX_ENV_PROBE = "second"; // an existing variable, written again
    Object.defineProperty(process.env, "SANDBOX_ENV_PROBE_2", { value: "x", writable: true, enumerable: true, configurable: true });
    try {
      expect(process.env.SANDBOX_ENV_PROBE).toBe("second");
      expect(process.env.SANDBOX_ENV_PROBE_2).toBe("x");
      // Inside the engine the deployment's value still wins.
      expect(await engine.run(async () => process.env.SANDBOX_ENV_PROBE)).toBe("deployment");
    } finally {
      delete process.env.SANDBOX_ENV_PROBE;
      delete process.env.SANDBOX_ENV_PROBE_2;
    }
    expect("SANDBOX_ENV_PROBE" in process.env).toBe(false);
  });

  it("refuses a caller without the secret, like a deployment", async () => {
    engine = await EmbeddedConvex.start({ secret: "engine-test-secret-0123456789" });
    await expect(
      engine.run((t) =>
        t.query(api.bot.lists.listTitles, { secret: "nope-nope-nope-nope", discordUserId: "100000000000000009", pageSize: 5 }),
      ),
    ).rejects.toThrow(/secret/);
  });
});
