import { defineConfig } from "vitest/config";

// Two projects: Convex functions run under the edge runtime Convex itself uses;
// everything else (bot, TMDB client, Discord sandbox, end-to-end scripts) runs in Node.
//
// Both run file after file in a worker's module cache (isolate: false) instead of importing
// convex/, convex-test, discord.js and the sandbox afresh for each of ~120 files: that was a third
// of the suite's CPU time. test/isolation.setup.ts gives each file a clean slate anyway (real
// timers, no stubbed globals or mocks, process.env as it was); the sandbox restores what it patches
// (the clock's Date.now and setTimeout) when its stack stops.
export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which
    // then sits through every real-time wait (Convex deadlines, Discord rate limits, child processes
    // starting) one file after another. Three keep both cores busy while one of them waits.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "convex",
          include: ["test/convex/**/*.test.ts"],
          environment: "edge-runtime",
          server: { deps: { inline: ["convex-test"] } },
          // The scale files take seconds each; sharing the cores with other workers must not time them out.
          testTimeout: 30_000,
          isolate: false,
          setupFiles: ["test/isolation.setup.ts"],
        },
      },
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/convex/**"],
          environment: "node",
          testTimeout: 30_000,
          isolate: false,
          setupFiles: ["test/isolation.setup.ts"],
        },
      },
    ],
  },
});
