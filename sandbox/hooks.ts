import { linkAsUser } from "./clerk.ts";
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
        throw new Error(
          `web ${fn}: ${userName} has no Film Fanatic profile yet (run a bot command as ${userName} first, e.g. /watch list)`,
        );
      }
      return await stack.engine.callAsWebUser(subject, fn, args);
    },
    async link(actor, options) {
      const linked = await linkAsUser(stack.discord, stack.clerk, actor, options);
      // What the link scheduled (the confirmation, a large merge's next chunks) runs now.
      await stack.engine.wait(0);
      return linked;
    },
    async clerk(action, name, withDiscord) {
      const discordUserId = withDiscord ? stack.discord.user(name).id : null;
      const outcome = action === "signup" ? await stack.clerk.signup(name, discordUserId) : await stack.clerk.deleteUser(name);
      if (outcome.status >= 300) throw new Error(`clerk ${action} ${name}: the webhook was refused (${outcome.status})`);
      await stack.engine.wait(0);
      return { clerkUser: outcome.user.id, result: outcome.body };
    },
    fault: (change) => stack.fault(change),
    async restart() {
      await stack.restartBot();
      return { shards: stack.bots.length };
    },
  };
}
