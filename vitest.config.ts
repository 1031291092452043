import { defineConfig } from "vitest/config";

// Two projects: Convex functions run under the edge runtime Convex itself uses;
// everything else (bot, TMDB client, Discord sandbox, end-to-end scripts) runs in Node.
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
