// Runs before each test file (vitest.config.ts's setupFiles). Test files share their worker's module
// cache (isolate: false), so what one file changes process-wide must not reach the next: on leaving a
// file, timers are real again, stubbed globals and mocks are restored, and process.env is exactly
// as it was when the file started.
import { afterAll, vi } from "vitest";

const envAtStart = { ...process.env };

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in envAtStart)) delete process.env[key];
  for (const [key, value] of Object.entries(envAtStart)) if (process.env[key] !== value) process.env[key] = value;
});
