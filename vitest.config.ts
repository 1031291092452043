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
          // A worker runs file after file in one module cache instead of importing convex/, discord.js
          // and the sandbox afresh for each (a third of the project's CPU time). Safe: these files mock
          // no modules, and what one changes globally (the sandbox clock's Date.now and setTimeout,
          // process.env's deployment-scoped proxy) is restored by its stack's stop or stays transparent.
          isolate: false,
        },
      },
    ],
  },
});
