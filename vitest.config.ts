import { defineConfig } from "vitest/config";

// Three projects: Convex functions run under the edge runtime Convex itself uses; everything else
// (bot, TMDB client, Discord sandbox, end-to-end scripts) runs in Node; and the end-to-end scripts
// run once more with interactions delivered over HTTP to the deployment instead of the gateway.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "convex",
          include: ["test/convex/**/*.test.ts"],
          environment: "edge-runtime",
          server: { deps: { inline: ["convex-test"] } },
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
        },
      },
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/convex/**"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
