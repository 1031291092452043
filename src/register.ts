// Deploys the slash commands: globally, or to one guild with DEV_GUILD_ID (instant, for development).
// Reads the same environment as the bot (src/lib/env.ts), `.env` included; exported variables win.
// `--clear-global` removes the global registration, `--clear-guild` DEV_GUILD_ID's (commands
// registered in both places show twice in that server). `--endpoint URL` also sets the
// application's Interactions Endpoint URL (Discord then POSTs interactions there instead of the
// gateway; it checks the URL answers first), `--gateway` clears it. Any failure is one line saying what to do.
import { DiscordAPIError, HTTPError, REST, Routes } from "discord.js";
import { commandDefinitions } from "./commands/index.ts";
import { EnvError, loadRegisterEnv, type RegisterEnv } from "./lib/env.ts";

const args = process.argv.slice(2);
const clear = args.includes("--clear-global") ? "global" : args.includes("--clear-guild") ? "guild" : null;
const endpointAt = args.indexOf("--endpoint");
/** The Interactions Endpoint URL to set, null to clear it (--gateway), undefined to leave it. */
const endpoint: string | null | undefined = endpointAt >= 0 ? (args[endpointAt + 1] ?? "") : args.includes("--gateway") ? null : undefined;
const unknown = args.filter(
  (arg, i) => !["--clear-global", "--clear-guild", "--endpoint", "--gateway"].includes(arg) && !(endpointAt >= 0 && i === endpointAt + 1),
);
if (unknown.length > 0 || args.includes("--help")) {
  console.error(
    "Usage: npm run register [-- --clear-global | --clear-guild] [-- --endpoint https://<deployment>.convex.site/discord/interactions | --gateway]  (registers globally, or in DEV_GUILD_ID when it is set)",
  );
  process.exit(unknown.length > 0 && !args.includes("--help") ? 1 : 0);
}
if (typeof endpoint === "string" && !validEndpoint(endpoint)) {
  console.error(
    `--endpoint takes the HTTPS URL Discord should POST interactions to (e.g. https://<deployment>.convex.site/discord/interactions), not ${JSON.stringify(endpoint.slice(0, 100))}.`,
  );
  process.exit(1);
}

/** https (or http on this machine, for the sandbox and local testing), at most Discord's 2,048 characters. */
function validEndpoint(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || (parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname));
  } catch {
    return false;
  }
}

let env: RegisterEnv;
try {
  env = loadRegisterEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error("npm run register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DEV_GUILD_ID).");
  console.error(error.message);
  process.exit(1);
}
if (clear === "guild" && !env.DEV_GUILD_ID) {
  console.error("--clear-guild removes DEV_GUILD_ID's commands: set DEV_GUILD_ID to that server's id.");
  process.exit(1);
}

/** The one line a failed request becomes. */
function reason(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return "Discord refused DISCORD_TOKEN — copy the bot token again (Developer Portal → your application → Bot → Reset Token).";
    if (error.code === 10002 || error.status === 404)
      return `Discord knows no application ${env.DISCORD_APPLICATION_ID} for this token — set DISCORD_APPLICATION_ID to the id under General Information.`;
    if (error.code === 50001 || error.status === 403)
      return `The bot can't register commands in guild ${env.DEV_GUILD_ID} — invite it there first (npm run invite) or unset DEV_GUILD_ID.`;
    if (error.code === 50035 && error.message.includes("interactions_endpoint_url"))
      return `Discord could not verify ${endpoint} as an interactions endpoint: it must answer a signed PING with PONG and refuse a bad signature with 401. Is DISCORD_PUBLIC_KEY set on that deployment to this application's public key, and is the URL right?`;
    if (error.code === 50035)
      return `Discord refused the command definitions (${error.message.split("\n")[0]}) — this is a bug in this version; please report it.`;
    return `Discord answered ${error.status}: ${error.message.split("\n")[0]}`;
  }
  if (error instanceof HTTPError) return `Discord answered ${error.status} — try again in a minute.`;
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `Could not reach Discord at ${env.DISCORD_API_BASE} (${message}) — check this machine's network, and DISCORD_API_BASE if you set it.`;
}

const rest = new REST({ api: env.DISCORD_API_BASE, retries: 1, timeout: 10_000 }).setToken(env.DISCORD_TOKEN);
const guildId = clear === "global" ? undefined : env.DEV_GUILD_ID;
const body = clear ? [] : commandDefinitions();
const route = guildId
  ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, guildId)
  : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
const where = guildId ? `in guild ${guildId}` : "globally";
try {
  await rest.put(route, { body });
} catch (error) {
  console.error(reason(error));
  process.exit(1);
}
if (clear) console.log(`Removed every command registered ${where}.`);
else console.log(`Registered ${body.length} commands ${where}: ${body.map((c) => `/${c.name}`).join(" ")}`);
if (endpoint !== undefined) {
  try {
    await rest.patch(Routes.currentApplication(), { body: { interactions_endpoint_url: endpoint } });
  } catch (error) {
    console.error(reason(error));
    process.exit(1);
  }
  console.log(
    endpoint === null
      ? "Cleared the Interactions Endpoint URL: Discord delivers interactions over the gateway again (run the bot process: npm start)."
      : `Set the Interactions Endpoint URL to ${endpoint}: Discord POSTs interactions there now; no bot process is needed.`,
  );
}
