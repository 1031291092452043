// The invite links: what `npm run invite` and `npm run doctor` print. The permissions are the
// ones the bot (and Convex, posting as the bot) actually uses, named flag by flag, so the
// number in the link is computed, never copied.
import { OAuth2Scopes, PermissionFlagsBits } from "discord-api-types/v10";

/** Every permission the bot uses in a server channel, and what for. */
export const BOT_PERMISSIONS = [
  ["View Channel", PermissionFlagsBits.ViewChannel, "see the channel a party board, session post or poll goes to"],
  ["Send Messages", PermissionFlagsBits.SendMessages, "post party boards, session posts, reminders in channels and shares"],
  ["Embed Links", PermissionFlagsBits.EmbedLinks, "the board's and a share's embed (title, poster, progress)"],
  ["Read Message History", PermissionFlagsBits.ReadMessageHistory, "read a poll's results when it closes, and find a board again"],
  ["Create Polls", PermissionFlagsBits.SendPolls, "/party poll's native Discord poll"],
  ["Create Events", PermissionFlagsBits.CreateEvents, "list watch-along sessions among the server's events (optional)"],
] as const;

/** The permissions integer for the invite link. */
export function botPermissions(): bigint {
  return BOT_PERMISSIONS.reduce((sum, [, flag]) => sum | flag, 0n);
}

/** "Add to server": the bot user and its commands, with exactly the permissions above. */
export function serverInviteUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "));
  url.searchParams.set("permissions", botPermissions().toString());
  url.searchParams.set("integration_type", "0");
  return url.toString();
}

/** "Add to my account" (user install): the commands only, usable in any DM. */
export function userInstallUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", OAuth2Scopes.ApplicationsCommands);
  url.searchParams.set("integration_type", "1");
  return url.toString();
}

/** The lines `npm run invite` prints (and the doctor after its checks). */
export function inviteLines(applicationId: string): string[] {
  return [
    `Add the bot to a server (scopes bot + applications.commands; ${BOT_PERMISSIONS.map(([name]) => name).join(", ")}):`,
    `  ${serverInviteUrl(applicationId)}`,
    "Add it to your own account (user install; tick User Install under Installation in the Developer Portal first):",
    `  ${userInstallUrl(applicationId)}`,
  ];
}
