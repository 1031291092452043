// Deploys the slash commands: globally, or to one guild with DEV_GUILD_ID (instant, for development).
// Reads the same environment as the bot (src/lib/env.ts), `.env` included; exported variables win.
import { REST, Routes } from "discord.js";
import { commandDefinitions } from "./commands/index.ts";
import { EnvError, loadRegisterEnv } from "./lib/env.ts";

let env;
try {
  env = loadRegisterEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error("npm run register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DEV_GUILD_ID).");
  console.error(error.message);
  process.exit(1);
}

const rest = new REST({ api: env.DISCORD_API_BASE }).setToken(env.DISCORD_TOKEN);
const body = commandDefinitions();
const route = env.DEV_GUILD_ID
  ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, env.DEV_GUILD_ID)
  : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
await rest.put(route, { body });
console.log(`Registered ${body.length} commands ${env.DEV_GUILD_ID ? `in guild ${env.DEV_GUILD_ID}` : "globally"}: ${body.map((c) => `/${c.name}`).join(" ")}`);
