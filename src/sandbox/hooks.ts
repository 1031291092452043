import type { ScriptHooks } from "./script.ts";
import type { Stack } from "./stack.ts";

/** What script lines need from a running stack: the clock, the web app's API, the bot process. */
export function stackHooks(stack: Stack): ScriptHooks {
  return {
    wait: (ms) => stack.engine.wait(ms),
    async web(userName, fn, args) {
      const discordUserId = stack.discord.user(userName).id;
      const subject = await stack.engine.webIdentityOf(discordUserId);
      if (subject === null) {
        throw new Error(`web ${fn}: ${userName} has no Film Fanatic profile yet (run a bot command as ${userName} first, e.g. /watch list)`);
      }
      return await stack.engine.callAsWebUser(subject, fn, args);
    },
    async restart() {
      await stack.restartBot();
      return { shards: stack.bots.length };
    },
  };
}
