// Buttons and menus whose custom ids no longer decode — from an older version of the bot, or
// forged by a modified client — are refused in one place: a private "out of date" answer, and
// nothing runs. Ids are tampered with in the sandbox's stored message, as an old message would carry them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, webItem, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const at = (user: string) => `as ${user}\nin movie-club #general\n`;
const STALE = "⚠️ That button is out of date — run the command again.";

/** Rewrites the custom id (or a menu option's value) of the newest component on `user`'s newest card that `match` picks. */
function tamper(user: string, match: (component: any) => boolean, change: (component: any) => void): void {
  const messages = s.discord.visibleMessages({ user, guild: "movie-club", channel: "general" });
  for (const message of [...messages].reverse()) {
    for (const row of message.components) {
      const component = row.components.find(match);
      if (component) {
        change(component);
        return;
      }
    }
  }
  throw new Error("no such component");
}

const answers = (events: Event[]) => ofType(events, "reply", "followup", "reply_edit");

describe("component ids that no longer decode", () => {
  it("answer a forged status button privately as out of date and change nothing", async () => {
    await run(s, `${at("ola")}/watch info title:movie:603`);
    tamper(
      "ola",
      (c) => c.label === "Finished",
      (c) => (c.custom_id = "watch:status:movie:603:binged"),
    );
    const events = await run(s, `${at("ola")}click "Finished"`);
    const answer = answers(events).at(-1);
    expect(answer).toMatchObject({ ephemeral: true });
    expect(text(answer)).toBe(STALE);
    expect(await webItem(s, "ola", 603, "movie")).toBeNull();
  });

  it("answer a button in a format the bot no longer writes as out of date", async () => {
    await run(s, `${at("ola")}/watch info title:movie:603`);
    // The list page format before scopes existed: status and type apart, no scope letter.
    tamper(
      "ola",
      (c) => c.label === "Watching",
      (c) => (c.custom_id = "watch:page:123456789012345678:-:-:0:0:1"),
    );
    expect(text(answers(await run(s, `${at("ola")}click "Watching"`)).at(-1))).toBe(STALE);
    tamper(
      "ola",
      (c) => c.label === "Want to watch",
      (c) => (c.custom_id = "nothing:we:know"),
    );
    expect(text(answers(await run(s, `${at("ola")}click "Want to watch"`)).at(-1))).toBe(STALE);
    expect(await webItem(s, "ola", 603, "movie")).toBeNull();
  });

  it("answer a menu choice the menu never offered as out of date", async () => {
    await run(s, `${at("pam")}/watch info title:movie:680`);
    tamper(
      "pam",
      (c) => c.type === 3,
      (c) => (c.options.find((o: any) => o.value === "liked").value = "hated"),
    );
    expect(text(answers(await run(s, `${at("pam")}select "👍 Liked"`)).at(-1))).toBe(STALE);
    expect(await webItem(s, "pam", 680, "movie")).toBeNull();
  });

  it("still run every button whose id decodes, on the same card", async () => {
    await run(s, `${at("pam")}/watch info title:movie:680`);
    const events = await run(s, `${at("pam")}click "Watching"`);
    expect(text(answers(events).at(-1))).toContain("Watching — **Pulp Fiction**");
    expect(await webItem(s, "pam", 680, "movie")).toMatchObject({ progressStatus: "watching" });
  });
});
