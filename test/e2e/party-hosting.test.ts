// Watch parties as members meet them (issue 17): who may put a board where, who sees which party,
// a party whose host is gone, the host's tools, and which party a command means.
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxMessage } from "../../sandbox/discord/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

/** The newest board in a channel (the bot's own post with a Join button). */
function board(s: Stack, channel = "general"): SandboxMessage | undefined {
  const ch = s.discord.channel("movie-club", channel);
  return s.discord
    .messages(ch.id)
    .filter(
      (m) => !m.deleted && !m.ephemeral && m.interaction === null && JSON.stringify(m.components).includes('"custom_id":"party:join:'),
    )
    .at(-1);
}
const boardText = (m: SandboxMessage | undefined) =>
  [m?.embeds[0]?.title, m?.embeds[0]?.description, m?.embeds[0]?.footer?.text].join("\n");
const replies = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup");
const lastReply = (events: Event[]) => text(replies(events).at(-1));
const parties = (s: Stack) => s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("parties").collect()));
const at = (user: string, channel = "general") => `as ${user}\nin movie-club #${channel}\n`;

describe("watch parties: permissions, visibility, hosting", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("puts a board only where the member may post: a read-only channel is refused, by option or in place, naming why", async () => {
    s = await stack();
    s.discord.makeReadOnly("movie-club", "announcements", ["mod"]);
    let events = await run(s, `${at("alice")}/party start show:1399 channel:#announcements`);
    const news = s.discord.channel("movie-club", "announcements").id;
    expect(lastReply(events)).toContain(`You can't post in <#${news}> (you don't have **Send Messages** there)`);
    expect(lastReply(events)).toContain("nothing was created");
    events = await run(s, `${at("alice", "announcements")}/party start show:1399`);
    expect(lastReply(events)).toContain("You can't post in");
    expect(await parties(s)).toEqual([]);
    // Someone who may post there can.
    events = await run(s, `${at("mod")}/party start show:1399 channel:#announcements\nwait 3s`);
    expect(lastReply(events)).toContain("You're hosting");
    expect(board(s, "announcements")).toBeDefined();
  });

  it("shows a party in a private channel only to those who can see it: list, autocomplete and join by id", async () => {
    s = await stack();
    s.discord.makePrivate("movie-club", "staff", ["alice"]);
    await run(
      s,
      `${at("alice", "staff")}/party start show:1399 name:"Staff night"\nwait 3s\n${at("carol")}/party start show:1398\nwait 3s`,
    );
    const secret = (await parties(s)).find((p) => p.name === "Staff night")!;
    const events = await run(
      s,
      `${at("bob")}/party list\nautocomplete /party join party:\n/party join party:${secret._id}\n/party status party:"Staff night"`,
    );
    const [list, join, status] = replies(events).map((e) => text(e));
    expect(list).toContain("The Sopranos");
    expect(list).not.toContain("Staff night");
    const choices = ofType(events, "autocomplete").at(-1)?.choices as { name: string }[];
    expect(choices.map((c) => c.name).join("|")).not.toContain("Staff night");
    expect(choices).toHaveLength(1);
    expect(join).toContain("I can't find that watch party");
    expect(status).toContain("I can't find that watch party");
    // alice can see #staff: she is shown it from #general too.
    const hers = await run(s, `${at("alice")}/party list`);
    expect(lastReply(hers)).toContain("Staff night");
  });

  it("a host who deletes their data: a remaining member hosts, the name leaves the board, and the show's party can be started again", async () => {
    s = await stack();
    await run(s, `${at("alice")}/party start show:1399 season:1\nwait 3s\n${at("bob")}/party join\n/ep 1399 1 1-2\nwait 3s`);
    expect(boardText(board(s))).toContain("Hosted by alice · 2 members");
    let events = await run(s, `${at("alice")}/account\nclick "Delete my Discord data…"\nclick "Yes, delete it"\nwait 5s`);
    expect(lastReply(events)).toMatch(/deleted/i);
    const now = boardText(board(s));
    expect(now).toContain("Hosted by bob · 1 member");
    expect(now).not.toContain("alice");
    // bob, who was only a member, can run the party now: rename it, end it …
    events = await run(s, `${at("bob")}/party rename name:"Bob's Thrones"\n/party end\nwait 3s`);
    expect(
      replies(events)
        .map((e) => text(e))
        .join("\n"),
    ).toContain("has ended");
    // … and the show's party can be started in the channel again.
    events = await run(s, `${at("alice")}/party start show:1399 season:1\nwait 3s`);
    expect(lastReply(events)).toContain("You're hosting");
    expect(boardText(board(s))).toContain("Hosted by alice · 1 member");
  });

  it("a party its last member leaves waits for the next to join, who hosts it", async () => {
    s = await stack();
    let events = await run(s, `${at("alice")}/party start show:1399\nwait 3s\n/party leave\nwait 3s`);
    expect(lastReply(events)).toContain("whoever joins next hosts it");
    expect(boardText(board(s))).toContain("Nobody hosts it now: whoever joins next does");
    events = await run(s, `${at("bob")}click "Join"\nwait 3s`);
    expect(lastReply(events)).toContain("so you host it now");
    expect(boardText(board(s))).toContain("Hosted by bob · 1 member");
  });

  it("lets the host hand the party over, remove a member (after confirming) and rename it; the board follows", async () => {
    s = await stack();
    await run(s, `${at("alice")}/party start show:1399\nwait 3s\n${at("bob")}/party join\n${at("carol")}/party join\nwait 3s`);
    // Not the host: refused, nothing asked.
    let events = await run(s, `${at("bob")}/party remove member:@carol`);
    expect(lastReply(events)).toContain("Only the party's host, or someone with Manage Server");
    events = await run(s, `${at("alice")}/party remove member:@carol`);
    expect(lastReply(events)).toContain("Take **carol** out of");
    expect(buttons(replies(events).at(-1))).toEqual(["Remove carol", "Cancel"]);
    events = await run(s, `${at("alice")}click "Cancel"\nwait 3s`);
    expect(lastReply(events)).toBe("Nothing changed.");
    expect(boardText(board(s))).toContain("carol");
    events = await run(s, `${at("alice")}/party remove member:@carol\nclick "Remove carol"\nwait 3s`);
    expect(lastReply(events)).toContain("**carol** is no longer in");
    expect(boardText(board(s))).not.toContain("carol");
    events = await run(s, `${at("alice")}/party rename name:"Thrones Thursdays"\nwait 3s`);
    expect(lastReply(events)).toContain("is now **Thrones Thursdays · Game of Thrones**");
    expect(boardText(board(s))).toContain("Thrones Thursdays · Game of Thrones");
    events = await run(s, `${at("alice")}/party host member:@bob\nclick "Make bob host"\nwait 3s`);
    expect(lastReply(events)).toContain("**bob** hosts **Thrones Thursdays · Game of Thrones** now");
    expect(boardText(board(s))).toContain("Hosted by bob · 2 members");
  });

  it("doesn't tell the host to join their own party, and picks the party someone is in when a channel has two", async () => {
    s = await stack();
    let events = await run(s, `${at("alice")}/party start show:1399\nwait 3s`);
    expect(lastReply(events)).toContain("you're on its board");
    events = await run(s, `${at("alice")}/party join`);
    expect(lastReply(events)).toContain("You're already in **Game of Thrones** — you host it.");
    await run(s, `${at("carol")}/party start show:1398\nwait 3s\n${at("bob")}/party join party:"Game of Thrones"`);
    // bob is in one of the two: his status and leave mean it, without asking which.
    events = await run(s, `${at("bob")}/party status\n/party leave`);
    const [status, leave] = replies(events).map((e) => text(e));
    expect(status).toContain("Game of Thrones");
    expect(leave).toContain("You left **Game of Thrones**");
  });

  it("caps the parties one member hosts at 3, naming them", async () => {
    s = await stack();
    const events = await run(
      s,
      `${at("alice", "one")}/party start show:1399\n${at("alice", "two")}/party start show:1399\n${at("alice", "three")}/party start show:1399\n${at("alice", "four")}/party start show:1399`,
    );
    expect(lastReply(events)).toMatch(
      /You already host 3 watch parties, the most one person can host at once: \*\*Game of Thrones\*\* \(<#\d+>\)/,
    );
    expect(await parties(s)).toHaveLength(3);
  });
});
