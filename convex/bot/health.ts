// The bot's health check: answers only with the right BOT_API_SECRET (a wrong one is FORBIDDEN),
// and says which of the deployment's own settings are missing, so `npm run doctor`, the bot's
// start-up check and its readiness poll can name what to fix. Reads no table: it costs nothing.
import { v } from "convex/values";
import { botServiceQuery } from "../lib/botFunctions";

/** Deployment settings and what each one is for; a missing one is named with its purpose. */
const SETTINGS = [
  ["DISCORD_API_BASE", "party boards, session posts and reminder DMs (Convex posts them itself)"],
  ["DISCORD_TOKEN", "party boards, session posts and reminder DMs (Convex posts them itself)"],
  ["TMDB_API_TOKEN", "the daily new-episode check"],
  ["CLERK_WEBHOOK_SIGNING_SECRET", "linking people who sign in to Film Fanatic with Discord (Clerk webhooks)"],
  ["CLERK_PUBLISHABLE_KEY", "the /link page's sign-in"],
] as const;

export const status = botServiceQuery({
  args: {},
  returns: v.object({
    ok: v.literal(true),
    clerkIssuer: v.boolean(),
    missing: v.array(v.object({ name: v.string(), purpose: v.string() })),
  }),
  handler: async () => {
    const env = process.env;
    const missing: { name: string; purpose: string }[] = SETTINGS.filter(([name]) => !env[name]?.trim()).map(([name, purpose]) => ({
      name,
      purpose,
    }));
    const clerkIssuer = Boolean((env.CONVEX_CLERK_ISSUER_URL ?? env.CLERK_JWT_ISSUER_DOMAIN)?.trim());
    if (!clerkIssuer) missing.push({ name: "CONVEX_CLERK_ISSUER_URL", purpose: "the web app's sign-in (and /link)" });
    return { ok: true as const, clerkIssuer, missing };
  },
});
