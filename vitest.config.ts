import { defineConfig } from "vitest/config";

// Three projects: Convex functions run under the edge runtime Convex itself uses; everything else
// (bot, TMDB client, Discord sandbox, end-to-end scripts) runs in Node; and the end-to-end scripts
// run once more with interactions delivered over HTTP to the deployment instead of the gateway.
//
// The first two run file after file in a worker's module cache (isolate: false) instead of
// importing convex/, convex-test, discord.js and the sandbox afresh for each of ~120 files: that
// was a third of the suite's CPU time. test/isolation.setup.ts gives each file a clean slate anyway
// (real timers, no stubbed globals or mocks, process.env as it was); the sandbox restores what it
// patches (the clock's Date.now and setTimeout) when its stack stops. The HTTP project keeps each
// file isolated: its mode is read from its environment when the harness is imported.
export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which
    // then sits through every real-time wait (Convex deadlines, Discord rate limits, child processes
    // starting) one file after another. Four keep both cores busy while others wait: the whole suite,
    // the HTTP pass included, ran in 179 s on a quiet 2-core machine (216 s with three).
    maxWorkers: 4,
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
        // The end-to-end scenarios again, with Discord delivering interactions by HTTP POST to the
        // deployment's endpoint (no bot process). Scenarios about the process itself skip here
        // (test/e2e/harness.ts: botProcess); the files that are only about it are left out.
        test: {
          name: "e2e-http",
          include: ["test/e2e/**/*.test.ts"],
          exclude: [
            "test/e2e/{http-door,serve,shards,stop-drain,round-trips,throttle-shards,start-shards,production-start,production-stop,cli,doctor,register,bench-cli}.test.ts",
          ],
          environment: "node",
          env: { SANDBOX_INTERACTIONS: "http" },
          testTimeout: 30_000,
          setupFiles: ["test/e2e/spec.setup.ts"],
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
          setupFiles: ["test/isolation.setup.ts", "test/e2e/spec.setup.ts"],
        },
      },
    ],
  },
});
