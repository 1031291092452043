// The directory of a door without a gateway cache (the HTTP doors): nothing known beyond the
// interaction itself, so handlers fall back to the channel it was used in; membership is asked of
// Discord's REST API with the bot token.
import type { GuildDirectory } from "../commands/types.ts";

const SNOWFLAKE = /^\d{1,20}$/;

export function restDirectory(options: { apiBase: string; token: string | undefined; fetch?: typeof fetch }): GuildDirectory {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = `${options.apiBase.replace(/\/+$/, "")}/v10`;
  return {
    visibleChannelIds: () => null,
    botPermissionsIn: () => null,
    channelName: () => undefined,
    async isMember(guildId, userId) {
      if (options.token === undefined || !SNOWFLAKE.test(guildId) || !SNOWFLAKE.test(userId)) return false;
      const response = await fetchImpl(`${base}/guilds/${guildId}/members/${userId}`, {
        headers: { authorization: `Bot ${options.token}` },
        signal: AbortSignal.timeout(3_000),
      }).catch(() => null);
      await response?.body?.cancel().catch(() => undefined);
      return response?.ok === true;
    },
  };
}
