import { ready } from "./ready.ts";

/** The gateway events the bot listens to through discord.js; interactions come raw (interactionCreate.ts). */
export const events = [ready];
