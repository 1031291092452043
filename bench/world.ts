// Everything around the bot, on loopback, in the benchmark's own process: the Discord sandbox,
// the embedded Convex engine behind a Convex HTTP endpoint with an injected round trip, and the
// offline TMDB catalog with an injected delay. The bot itself runs in a child process
// (bot-process.ts) and reaches all three over HTTP, as it would in production.
import { randomBytes } from "node:crypto";
import { REST, Routes } from "discord.js";
import { commandDefinitions } from "../src/commands/index.ts";
import { SandboxClock } from "../src/sandbox/clock.ts";
import { startConvexHttpEndpoint, type ConvexHttpEndpoint } from "../src/sandbox/convex-http.ts";
import { DiscordSandbox } from "../src/sandbox/discord/index.ts";
import { EmbeddedConvex } from "../src/sandbox/engine.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../src/sandbox/tmdb-server.ts";

export interface World {
  discord: DiscordSandbox;
  engine: EmbeddedConvex;
  convex: ConvexHttpEndpoint;
  tmdb: TmdbCatalogServer;
  /** BOT_API_SECRET, shared by the bot process and the embedded deployment. */
  secret: string;
  stop(): Promise<void>;
}

export async function startWorld(options: { convexLatencyMs: number; tmdbLatencyMs: number; ackDeadlineMs?: number }): Promise<World> {
  const secret = randomBytes(24).toString("hex");
  const clock = new SandboxClock();
  const discord = new DiscordSandbox({ now: () => clock.now(), ackDeadlineMs: options.ackDeadlineMs });
  await discord.start(0);
  discord.setMaxListeners(0);
  const engine = await EmbeddedConvex.start({ secret, clock, env: { DISCORD_API_BASE: discord.restApiBase, DISCORD_TOKEN: discord.token } });
  const convex = await startConvexHttpEndpoint({ engine, latencyMs: options.convexLatencyMs });
  const tmdb = await startTmdbCatalogServer({ port: 0 });
  tmdb.setFaults({ delayMs: options.tmdbLatencyMs });
  // Deploy the commands as `npm run register` does.
  const rest = new REST({ api: discord.restApiBase }).setToken(discord.token);
  await rest.put(Routes.applicationCommands(discord.applicationId), { body: commandDefinitions() });
  return {
    discord,
    engine,
    convex,
    tmdb,
    secret,
    async stop() {
      await discord.stop().catch(() => undefined);
      await convex.close().catch(() => undefined);
      await tmdb.close().catch(() => undefined);
      await engine.stop();
    },
  };
}
