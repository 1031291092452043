// Deploys the slash commands: globally, or to one guild with DEV_GUILD_ID (instant, for development).
import { REST, Routes } from "discord.js";
import { z } from "zod";
import { commandDefinitions } from "./commands/index.ts";

const env = z
  .object({
    DISCORD_TOKEN: z.string().min(10),
    DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/),
    DISCORD_API_BASE: z.string().url().default("https://discord.com/api"),
    DEV_GUILD_ID: z.string().regex(/^\d{15,22}$/).optional(),
  })
  .safeParse(process.env);

if (!env.success) {
  console.error("npm run register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DEV_GUILD_ID):");
  for (const issue of env.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_API_BASE, DEV_GUILD_ID } = env.data;
const rest = new REST({ api: DISCORD_API_BASE }).setToken(DISCORD_TOKEN);
const body = commandDefinitions();
const route = DEV_GUILD_ID
  ? Routes.applicationGuildCommands(DISCORD_APPLICATION_ID, DEV_GUILD_ID)
  : Routes.applicationCommands(DISCORD_APPLICATION_ID);
await rest.put(route, { body });
console.log(`Registered ${body.length} commands ${DEV_GUILD_ID ? `in guild ${DEV_GUILD_ID}` : "globally"}: ${body.map((c) => `/${c.name}`).join(" ")}`);
