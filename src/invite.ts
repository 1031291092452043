// `npm run invite`: the links that add the bot to a server (scopes bot + applications.commands,
// exactly the permissions it uses) and to someone's own account (user install). With a token it
// also warns when the commands are registered both to DEV_GUILD_ID and globally (they show twice).
import { commandDefinitions } from "./commands/index.ts";
import { inviteLines } from "./lib/doctor-invite.ts";
import { checkCommands, checkDiscord } from "./lib/doctor.ts";
import { discordSchema, envProblems, presentValues, processEnv } from "./lib/env.ts";

const source = processEnv();
let applicationId = /^\d{15,22}$/.test(source.DISCORD_APPLICATION_ID?.trim() ?? "") ? source.DISCORD_APPLICATION_ID!.trim() : undefined;
const settings = discordSchema.safeParse(presentValues(source));
if (settings.success) {
  // With a token: the application it belongs to, and how its commands are registered.
  const input = { env: settings.data, definitions: commandDefinitions() };
  const discord = await checkDiscord(input);
  for (const finding of discord.findings) if (finding.level !== "ok") console.error(`! ${finding.line}`);
  if (discord.identity) {
    applicationId = discord.identity.applicationId;
    for (const finding of await checkCommands(input, applicationId)) if (finding.level !== "ok") console.error(`! ${finding.line}`);
  }
}
if (!applicationId) {
  const problem =
    envProblems(discordSchema.pick({ DISCORD_APPLICATION_ID: true }).required(), source)[0] ?? "DISCORD_APPLICATION_ID: missing";
  console.error(`npm run invite needs the application id — ${problem}`);
  process.exit(1);
}
for (const line of inviteLines(applicationId)) console.log(line);
