import { afterEach, describe, expect, it } from "vitest";
import { MessageFlags } from "discord.js";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { GUILD, HERE, of, startBot, stopBot } from "./discord-harness.ts";

afterEach(stopBot);

describe("Discord sandbox: messages, DMs, channels, uploads and errors over REST", () => {
  it("reports an oversized embed as a discord_error with Discord's form errors", async () => {
    const { sandbox } = await startBot();
    const r = await sandbox.runCommand(HERE, "bigembed");
    const [err] = of(r.events, "discord_error");
    expect(err).toMatchObject({
      status: 400,
      code: 50035,
      message: "Invalid Form Body",
      user: "alice",
      route: expect.stringContaining("/callback"),
    });
    expect(JSON.stringify(err!.errors)).toContain("MAX_EMBED_SIZE_EXCEEDED");
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "failed: 50035", ephemeral: true });
  });

  it("refuses DMs to a user who closed them with 50007", async () => {
    const { sandbox } = await startBot();
    const open = await sandbox.runCommand(HERE, "dmme");
    expect(of(open.events, "dm")[0]).toMatchObject({ t: "dm", to: "alice", channel: "dm", content: "psst" });
    sandbox.setDmsClosed("alice", true);
    const closed = await sandbox.runCommand(HERE, "dmme");
    expect(of(closed.events, "discord_error")[0]).toMatchObject({
      status: 403,
      code: 50007,
      message: "Cannot send messages to this user",
      to: "alice",
    });
    expect(of(closed.events, "reply")[0]).toMatchObject({ content: "could not DM you (50007)" });
  });

  it("refuses the bot's posts in a channel it was revoked from with 50001, while its interaction replies still work", async () => {
    const { sandbox, client } = await startBot();
    expect(of((await sandbox.runCommand(HERE, "post")).events, "reply_edit")[0]).toMatchObject({ content: "posted" });
    sandbox.revokeChannel(GUILD, "general");
    const r = await sandbox.runCommand(HERE, "post");
    expect(of(r.events, "discord_error")[0]).toMatchObject({
      status: 403,
      code: 50001,
      message: "Missing Access",
      guild: GUILD,
      channel: "#general",
    });
    expect(of(r.events, "reply_edit")[0]).toMatchObject({ content: "could not post (50001)" });
    const channel = client.channels.cache.get(sandbox.channel(GUILD, "general").id);
    expect(
      channel && "permissionOverwrites" in channel
        ? channel.permissionOverwrites.cache.get(sandbox.applicationId)?.deny.has("SendMessages")
        : undefined,
    ).toBe(true);
  });

  it("lets a member delete the bot's newest post (not its replies); editing it afterwards answers 10008", async () => {
    const { sandbox } = await startBot();
    await sandbox.runCommand(HERE, "say", { count: 2 });
    const ch = sandbox.channel(GUILD, "general");
    const posts = sandbox.messages(ch.id).filter((m) => !m.ephemeral);
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    expect(sandbox.deleteNewestPost(HERE)?.content).toBe("message 2");
    expect(of(events, "message_delete")).toEqual([
      expect.objectContaining({ user: "alice", guild: GUILD, channel: "#general", id: posts.at(-1)!.id }),
    ]);
    const res = await fetch(`${sandbox.restApiBase}/v10/channels/${ch.id}/messages/${posts.at(-1)!.id}`, {
      method: "PATCH",
      headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "still here?" }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 10008 });
    expect(
      sandbox
        .messages(ch.id)
        .filter((m) => !m.ephemeral)
        .map((m) => m.content),
    ).toEqual(["message 1"]);
    // The ephemeral "posting 2" reply is not a post: with only replies left, there is nothing to delete.
    sandbox.deleteNewestPost(HERE);
    expect(sandbox.deleteNewestPost(HERE)).toBeNull();
  });

  it("deletes a channel: the bot's cache forgets it and posting there answers 10003 Unknown Channel", async () => {
    const { sandbox, client } = await startBot();
    const id = sandbox.channel(GUILD, "trivia").id;
    await sandbox.waitForIdle();
    expect(client.channels.cache.has(id)).toBe(true);
    expect(sandbox.deleteChannel(GUILD, "trivia")).toBe(true);
    // CHANNEL_DELETE travels over the gateway: give the client a moment to apply it.
    for (let i = 0; i < 50 && client.channels.cache.has(id); i++) await new Promise((r) => setTimeout(r, 20));
    expect(client.channels.cache.has(id)).toBe(false);
    const res = await fetch(`${sandbox.restApiBase}/v10/channels/${id}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "anyone?" }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 10003 });
  });

  it("reports who @everyone would ping under allowed_mentions", async () => {
    const { sandbox } = await startBot();
    const safe = await sandbox.runCommand(HERE, "shout", { safe: true });
    expect(of(safe.events, "reply")[0]!.mentions).toEqual({ everyone: false, users: [], roles: [] });
    const loud = await sandbox.runCommand(HERE, "shout", { safe: "false" });
    expect(of(loud.events, "reply")[0]!.mentions).toEqual({ everyone: true, users: [], roles: [] });
  });

  it("answers unknown routes with Discord's 404 body", async () => {
    const { sandbox } = await startBot();
    const res = await fetch(`${sandbox.restApiBase}/v10/nowhere`, { headers: { authorization: `Bot ${sandbox.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "404: Not Found", code: 0 });
  });

  it("accepts multipart uploads and answers with_response like Discord", async () => {
    const { sandbox, client } = await startBot();
    await client.application!.commands.create({ name: "file", description: "Replies with a file" });
    let resourceContent: string | undefined;
    client.on(
      "interactionCreate",
      (i) =>
        void (async () => {
          if (!i.isChatInputCommand() || i.commandName !== "file") return;
          const r = await i.reply({ content: "here", files: [{ attachment: Buffer.from("hello"), name: "a.txt" }], withResponse: true });
          resourceContent = r.resource?.message?.content;
          await i.followUp({ content: "and a followup", flags: MessageFlags.Ephemeral });
          await i.editReply({ content: "here (edited)" });
        })(),
    );
    const r = await sandbox.runCommand(HERE, "file");
    expect(r.events.map((e) => e.t)).toEqual(["reply", "followup", "reply_edit"]);
    expect(r.events[0]).toMatchObject({ content: "here", attachments: [{ filename: "a.txt", size: 5 }] });
    expect(r.events[1]).toMatchObject({ content: "and a followup", ephemeral: true });
    expect(r.events[2]).toMatchObject({ content: "here (edited)", attachments: [{ filename: "a.txt" }] });
    expect(resourceContent).toBe("here");
  });

  it("refuses files over the attachment size limit it tells interactions about (413, code 40005), as Discord does", async () => {
    const { sandbox, client } = await startBot({ attachmentSizeLimit: 10 });
    await client.application!.commands.create({ name: "file", description: "Replies with a file" });
    let limit: number | undefined;
    let refused: unknown;
    client.on(
      "interactionCreate",
      (i) =>
        void (async () => {
          if (!i.isChatInputCommand() || i.commandName !== "file") return;
          limit = i.attachmentSizeLimit;
          try {
            await i.reply({ content: "here", files: [{ attachment: Buffer.from("eleven bytes"), name: "a.txt" }] });
          } catch (e) {
            refused = e;
            await i.reply({ content: "too big" });
          }
        })(),
    );
    const r = await sandbox.runCommand(HERE, "file");
    expect(limit).toBe(10);
    expect(refused).toMatchObject({ status: 413, code: 40005 });
    expect(r.events.filter((e) => e.t === "reply")).toMatchObject([{ content: "too big" }]);
  });

  it("posts and edits channel messages through discord.js with message events", async () => {
    const { sandbox, client } = await startBot();
    const ch = sandbox.channel(GUILD, "board");
    const channel = await client.channels.fetch(ch.id);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    const sent = await channel.send({ content: "<@123456789012345678> party at 8", allowedMentions: { users: [] } });
    await sent.edit({ content: "party at 9", embeds: [{ title: "Board" }] });
    await sent.delete();
    await sandbox.waitForIdle();
    expect(events.map((e) => e.t)).toEqual(["message", "message_edit", "message_delete"]);
    expect(events[0]).toMatchObject({ guild: GUILD, channel: "#board", mentions: { everyone: false, users: [], roles: [] } });
    expect(events[1]).toMatchObject({ content: "party at 9", embeds: [{ title: "Board", type: "rich" }] });
    expect(sandbox.messages(ch.id)).toEqual([]);
  });
});
