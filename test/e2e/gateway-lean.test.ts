// The gateway door reads INTERACTION_CREATE raw: discord.js builds no Interaction of its own for it
// (nothing would read it, and it costs CPU on every interaction — bench/README.md, "CPU per interaction").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { botProcess, ofType, run, stack, text } from "./harness.ts";

let s: Stack | undefined;
beforeAll(async () => {
  if (botProcess) s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

describe.skipIf(!botProcess)("the gateway door", () => {
  it("answers commands, clicks and keystrokes without discord.js building an Interaction or caching its people", async () => {
    const built: string[] = [];
    s!.bot.client.on("interactionCreate", (interaction) => built.push(interaction.id));
    const events = await run(s!, `as alice\nin movie-club #general\nautocomplete /ep show:thrones\n/ep 1399 1 3\nclick "Mark S1E4"`);
    expect(ofType(events, "autocomplete")[0]!.choices.length).toBeGreaterThan(0);
    expect(text(ofType(events, "reply_edit", "reply").at(-1))).toContain("S1E4");
    expect(built).toEqual([]);
    // The bot's own member is the only one kept (the directory reads its permissions).
    for (const guild of s!.bot.client.guilds.cache.values())
      expect([...guild.members.cache.keys()].filter((id) => id !== s!.bot.client.user!.id)).toEqual([]);
  });
});
