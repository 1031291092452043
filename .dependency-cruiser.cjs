// Import rules (run by `npm run lint:imports`, checked in .ci/run). They keep the layout
// the design describes: imports point one way, so Convex can use the views and nothing
// else of the bot, and only tests and the benchmark reach the sandbox.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and modules impossible to change alone.",
      from: {},
      // convex/_generated/api.d.ts names every module for typing, so every module that
      // imports `api` forms a type-only loop through it: generated, not ours to fix.
      to: { circular: true, viaOnly: { pathNot: "^convex/_generated/" } },
    },
    {
      name: "convex-imports-only-views",
      severity: "error",
      comment:
        "convex/ runs inside a Convex deployment: of this project it may import only src/views/ and src/i18n/, and the HTTP interactions door (convex/interactions/) the interaction core (src/core/).",
      from: { path: "^convex/", pathNot: "^convex/interactions/" },
      to: { path: "^(src|sandbox|test|bench|scripts)/", pathNot: "^src/(views|i18n)/" },
    },
    {
      name: "convex-door-imports-the-core",
      severity: "error",
      comment: "The Convex door runs the interaction core (src/core/ and what it reaches), never the bot process's own modules.",
      from: { path: "^convex/interactions/" },
      to: {
        path: "^(sandbox|test|bench|scripts)/|^src/(bot|index|start|register|doctor|invite|healthcheck|http-server)\\.ts$|^src/events/",
      },
    },
    {
      name: "core-knows-no-discord-js",
      severity: "error",
      comment:
        "The interaction core (src/core/ and every module it reaches: commands, lib, views) takes Discord's raw payloads and runs in Convex too: no discord.js, directly or through another module.",
      from: { path: "^src/core/" },
      to: { reachable: true, path: "node_modules/(discord\\.js|@discordjs/(?!formatters/))" },
    },
    {
      name: "core-uses-no-node-built-ins",
      severity: "error",
      comment: "The interaction core runs in Convex's runtime: web APIs only (fetch, WebCrypto, CompressionStream), no node: built-ins.",
      from: {
        path: "^src/(core|commands|views)/|^src/lib/(?!convex-http-backend|node-http|doctor|event-loop|logger|env|year-card-render|import-worker)",
      },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "convex-no-discord-js",
      severity: "error",
      comment:
        "discord.js is a Node client library; Convex builds messages from discord-api-types and @discordjs/formatters (through src/views/).",
      from: { path: "^convex/" },
      to: { path: "node_modules/(discord\\.js|@discordjs/(?!formatters/))" },
    },
    {
      name: "views-import-nothing-of-ours",
      severity: "error",
      comment:
        "src/views/ is shared by the bot and Convex: it imports nothing of ours outside itself but the message catalogue (src/i18n/).",
      from: { path: "^src/views/" },
      to: { path: "^(src|sandbox|convex|test|bench|scripts)/", pathNot: "^src/(views|i18n)/" },
    },
    {
      name: "i18n-imports-only-itself-and-intl-messageformat",
      severity: "error",
      comment:
        "src/i18n/ (the message catalogue) runs in Node and in Convex: it imports nothing of ours outside itself, and of npm only intl-messageformat.",
      from: { path: "^src/i18n/" },
      to: {
        dependencyTypesNot: ["type-only"],
        pathNot: "^src/i18n/|node_modules/(intl-messageformat|@formatjs)/",
      },
    },
    {
      name: "views-only-discord-api-types-and-formatters",
      severity: "error",
      comment: "src/views/ must run in Convex too: no discord.js, no node: built-ins, only discord-api-types and @discordjs/formatters.",
      from: { path: "^src/views/" },
      to: {
        dependencyTypesNot: ["local", "type-only"],
        pathNot: "node_modules/(discord-api-types|@discordjs/formatters)/",
      },
    },
    {
      name: "episode-write-path-knows-no-feature",
      severity: "error",
      comment:
        'The episode write path (model/episodes.ts and everything it imports) publishes a "progress changed" event (model/progress.ts); parties, reminders, sessions, boards and linking subscribe in model/progressSubscribers.ts. It must not reach a feature module, directly or through another.',
      from: { path: "^convex/model/episodes\\.ts$" },
      to: {
        reachable: true,
        path: "^convex/(model/(parties|partyMembers|board|sessions|sessionPolls|sessionRsvps|sessionTimes|sessionWatched|reminders|reminderRows|remindersAlerts|shares|link|linkPage|merge|clerkEvents|progressSubscribers)\\.ts$|(bot|sessions|reminders|linking|boards|parties)/)",
      },
    },
    {
      name: "lib-not-commands",
      severity: "error",
      comment: "src/lib is below src/commands: commands use lib, never the other way round.",
      from: { path: "^src/lib/" },
      to: { path: "^src/commands/" },
    },
    {
      name: "sandbox-only-from-tests-and-bench",
      severity: "error",
      comment: "The sandbox is a test double: production code must not depend on it.",
      from: { pathNot: "^(sandbox|test|bench)/" },
      to: { path: "^sandbox/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a cycle or a forbidden edge through types is still one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // TypeScript 7 has no JavaScript API for dependency-cruiser; swc parses the sources.
    parser: "swc",
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
