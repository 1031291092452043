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
          // Files share a worker's module cache instead of importing convex/, discord.js and the
          // sandbox afresh for each of ~70 files. Safe here: these tests mock no modules, and
          // whatever a file changes globally (the sandbox clock's Date.now and setTimeout) it restores
          // when its stack stops. (The convex project stays isolated: its tests mock and fake timers.)
          isolate: false,
        },
      },
    ],
  },
});
