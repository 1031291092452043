import { once } from "node:events";
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type ApplicationCommandDataResolvable,
  type Interaction,
} from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox, type DiscordSandboxOptions } from "../../sandbox/discord/index.ts";
import type { EventOf, SandboxEvent } from "../../sandbox/events.ts";

const GUILD = "Film Club";
const HERE = { user: "alice", guild: GUILD, channel: "#general" };

const COMMANDS: ApplicationCommandDataResolvable[] = [
  { name: "ping", description: "Replies pong" },
  {
    name: "ep",
    description: "Mark an episode watched",
    options: [
      { type: ApplicationCommandOptionType.String, name: "show", description: "Show", required: true, autocomplete: true },
      { type: ApplicationCommandOptionType.Integer, name: "season", description: "Season", required: true, min_value: 1, max_value: 50 },
      { type: ApplicationCommandOptionType.Integer, name: "episode", description: "Episode", required: true, min_value: 1 },
    ],
  },
  { name: "bigembed", description: "Replies with an oversized embed" },
  { name: "silent", description: "Never answers" },
  {
    name: "shout",
    description: "Says @everyone",
    options: [{ type: ApplicationCommandOptionType.Boolean, name: "safe", description: "Use allowed_mentions parse []", required: true }],
  },
  { name: "dmme", description: "Sends you a DM" },
  { name: "post", description: "Posts in this channel" },
  { name: "counter", description: "A button counter" },
  { name: "slow", description: "Defers, then edits" },
  { name: "late", description: "Answers after the deadline" },
  {
    name: "say",
    description: "Posts messages in this channel",
    options: [{ type: ApplicationCommandOptionType.Integer, name: "count", description: "How many", required: true, min_value: 1, max_value: 10 }],
  },
];

type Handler = (i: Interaction) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
  async ping(i) {
    if (i.isChatInputCommand()) await i.reply("pong");
  },
  async ep(i) {
    if (i.isAutocomplete()) {
      const typed = i.options.getFocused();
      const n = typed === "many" ? 30 : 3;
      await i
        .respond(Array.from({ length: n }, (_, k) => ({ name: `${typed} ${k + 1}`, value: `${typed}-${k + 1}` })))
        .catch(() => {});
    } else if (i.isChatInputCommand()) {
      const show = i.options.getString("show", true);
      await i.reply({
        content: `${show} S${i.options.getInteger("season", true)}E${i.options.getInteger("episode", true)}`,
        flags: MessageFlags.Ephemeral,
      });
    }
  },
  async bigembed(i) {
    if (!i.isChatInputCommand()) return;
    const embed = new EmbedBuilder().setTitle("Too long").setDescription("x".repeat(4000)).addFields({ name: "more", value: "y".repeat(1000) }, { name: "again", value: "z".repeat(1000) });
    try {
      await i.reply({ embeds: [embed] });
    } catch (e) {
      await i.reply({ content: `failed: ${(e as DiscordAPIError).code}`, flags: MessageFlags.Ephemeral });
    }
  },
  async silent() {},
  async shout(i) {
    if (!i.isChatInputCommand()) return;
    const safe = i.options.getBoolean("safe", true);
    await i.reply(safe ? { content: "@everyone look!", allowedMentions: { parse: [] } } : { content: "@everyone look!" });
  },
  async dmme(i) {
    if (!i.isChatInputCommand()) return;
    try {
      await i.user.send("psst");
      await i.reply({ content: "sent", flags: MessageFlags.Ephemeral });
    } catch (e) {
      await i.reply({ content: `could not DM you (${(e as DiscordAPIError).code})`, flags: MessageFlags.Ephemeral });
    }
  },
  async post(i) {
    if (!i.isChatInputCommand()) return;
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      await i.client.rest.post(Routes.channelMessages(i.channelId), { body: { content: "hello" } });
      await i.editReply("posted");
    } catch (e) {
      await i.editReply(`could not post (${(e as DiscordAPIError).code})`);
    }
  },
  async counter(i) {
    const row = (n: number) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(`counter:${n}`).setLabel("Increment").setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setURL("https://example.com").setLabel("Docs").setStyle(ButtonStyle.Link),
      );
    if (i.isChatInputCommand()) await i.reply({ content: "count 0", components: [row(0)] });
    else if (i.isButton()) {
      const n = Number(i.customId.split(":")[1]) + 1;
      await i.update({ content: `count ${n}`, components: [row(n)] });
    }
  },
  async late(i) {
    if (!i.isChatInputCommand()) return;
    await new Promise((r) => setTimeout(r, 400));
    await i.reply("too late").catch(() => {});
  },
  async say(i) {
    if (!i.isChatInputCommand() || !i.channel?.isSendable()) return;
    const n = i.options.getInteger("count", true);
    await i.reply({ content: `posting ${n}`, flags: MessageFlags.Ephemeral });
    for (let k = 1; k <= n; k++) await i.channel.send(`message ${k}`);
  },
  async slow(i) {
    if (!i.isChatInputCommand()) return;
    await i.deferReply();
    await new Promise((r) => setTimeout(r, 100));
    await i.editReply("done thinking");
  },
};

interface Harness {
  sandbox: DiscordSandbox;
  client: Client;
  seen: string[];
}

let current: Harness | null = null;

async function startBot(opts: DiscordSandboxOptions = {}): Promise<Harness> {
  const sandbox = new DiscordSandbox({ ackDeadlineMs: 1000, ...opts });
  await sandbox.start();
  sandbox.channel(GUILD, "general");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: sandbox.restApiBase },
    // discord.js spaces IDENTIFYs 5 s apart; the re-identify test should not wait for that.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
  const seen: string[] = [];
  client.on("interactionCreate", (i) => {
    const name = i.isMessageComponent() ? i.customId.split(":")[0]! : "commandName" in i ? i.commandName : "";
    seen.push(`${i.type}:${name}`);
    void HANDLERS[name]?.(i);
  });
  const ready = once(client, "clientReady");
  await client.login(sandbox.token);
  await ready;
  await client.application!.commands.set(COMMANDS);
  current = { sandbox, client, seen };
  return current;
}

afterEach(async () => {
  if (!current) return;
  await current.client.destroy();
  await current.sandbox.stop();
  current = null;
});

const of = <T extends SandboxEvent["t"]>(events: SandboxEvent[], t: T) => events.filter((e): e is EventOf<T> => e.t === t);

describe("Discord sandbox with a real discord.js client", () => {
  it("registers commands over REST and delivers a slash command reply", async () => {
    const { sandbox } = await startBot();
    expect(sandbox.registeredCommands().map((c) => c.name)).toContain("ping");
    const r = await sandbox.runCommand(HERE, "ping");
    const [reply] = of(r.events, "reply");
    expect(reply).toMatchObject({ t: "reply", user: "alice", guild: GUILD, channel: "#general", content: "pong", ephemeral: false, source: "/ping" });
    expect(sandbox.messages(sandbox.channel(GUILD, "general").id).map((m) => m.content)).toEqual(["pong"]);
  });

  it("fills bare values into options in registered order", async () => {
    const { sandbox } = await startBot();
    const r = await sandbox.runCommand(HERE, "ep", {}, { positional: ["1399", "1", "3"] });
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "1399 S1E3", ephemeral: true });
    const m = sandbox.messages(sandbox.channel(GUILD, "general").id).at(-1)!;
    expect(m.visibleTo).toBe("alice");
  });

  it("rejects an option outside its registered range before the bot sees it", async () => {
    const { sandbox, seen } = await startBot();
    const r = await sandbox.runCommand(HERE, "ep", { show: "Dark", season: "0", episode: "1" });
    expect(r.interactionId).toBeNull();
    expect(r.rejected).toMatch(/season.*at least 1/);
    expect(r.events).toEqual([expect.objectContaining({ t: "rejected", user: "alice", source: "/ep" })]);
    expect(seen).toEqual([]);
  });

  it("rejects a value of the wrong type and a missing required option", async () => {
    const { sandbox } = await startBot();
    expect((await sandbox.runCommand(HERE, "ep", { show: "Dark", season: "two", episode: "1" })).rejected).toMatch(/integer/);
    expect((await sandbox.runCommand(HERE, "ep", { show: "Dark", season: 1 })).rejected).toMatch(/missing required option "episode"/);
  });

  it("throws a usage error for a command that is not registered or an option that does not exist", async () => {
    const { sandbox } = await startBot();
    await expect(sandbox.runCommand(HERE, "nope")).rejects.toThrow(/\/nope is not a registered command/);
    await expect(sandbox.runCommand(HERE, "ping", { loud: true })).rejects.toThrow(/has no option "loud"/);
  });

  it("reports an oversized embed as a discord_error with Discord's form errors", async () => {
    const { sandbox } = await startBot();
    const r = await sandbox.runCommand(HERE, "bigembed");
    const [err] = of(r.events, "discord_error");
    expect(err).toMatchObject({ status: 400, code: 50035, message: "Invalid Form Body", user: "alice", route: expect.stringContaining("/callback") });
    expect(JSON.stringify(err!.errors)).toContain("MAX_EMBED_SIZE_EXCEEDED");
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "failed: 50035", ephemeral: true });
  });

  it("emits interaction_failed when the bot never acknowledges", async () => {
    const { sandbox } = await startBot({ ackDeadlineMs: 200 });
    const started = Date.now();
    const r = await sandbox.runCommand(HERE, "silent");
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(r.events).toEqual([expect.objectContaining({ t: "interaction_failed", user: "alice", source: "/silent" })]);
  });

  it("answers an acknowledgement after the deadline with Unknown interaction", async () => {
    const { sandbox } = await startBot({ ackDeadlineMs: 200 });
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    await sandbox.runCommand(HERE, "late");
    await sandbox.waitForIdle();
    await new Promise((r) => setTimeout(r, 300));
    await sandbox.waitForIdle();
    expect(events.map((e) => e.t)).toEqual(["interaction_failed", "discord_error"]);
    expect(of(events, "discord_error")[0]).toMatchObject({ status: 404, code: 10062, message: "Unknown interaction" });
  });

  it("refuses a second acknowledgement with 40060", async () => {
    const { sandbox, client } = await startBot();
    client.on("interactionCreate", (i) => void (async () => {
      if (!i.isChatInputCommand() || i.commandName !== "ping") return;
      await new Promise((r) => setTimeout(r, 20));
      // discord.js guards against double replies, so go around it with raw REST.
      await client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: "again" } }, auth: false })
        .catch(() => {});
    })());
    const r = await sandbox.runCommand(HERE, "ping");
    expect(of(r.events, "reply")).toHaveLength(1);
    expect(of(r.events, "discord_error")[0]).toMatchObject({ status: 400, code: 40060, message: "Interaction has already been acknowledged." });
  });

  it("lets discord.js ride out injected 429s and still delivers the reply", async () => {
    const { sandbox } = await startBot({ injectedRetryAfterMs: 50 });
    sandbox.injectRateLimits(3);
    const r = await sandbox.runCommand(HERE, "ping");
    const limited = of(r.events, "rate_limited");
    expect(limited).toHaveLength(3);
    expect(limited[0]).toMatchObject({ retry_after: 0.05, global: false, scope: "user", injected: true });
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
  });

  it("holds back channel posts over the per-channel limit and discord.js waits them out", async () => {
    const { sandbox } = await startBot({ channelMessageLimit: { count: 2, windowMs: 300 } });
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    await sandbox.runCommand(HERE, "say", { count: 5 });
    // On a loaded machine the bot's waits can outlast the settle window: wait for the last post.
    for (let i = 0; i < 100 && of(events, "message").length < 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(of(events, "message").map((e) => e.content)).toEqual(["message 1", "message 2", "message 3", "message 4", "message 5"]);
    expect(of(events, "rate_limited")).toHaveLength(0);
  });

  it("answers edits of a message older than an hour past the stricter limit with 429 and code 30046", async () => {
    let now = Date.UTC(2026, 10, 1, 12);
    // A roomy channel bucket, so only the old-message limit can refuse.
    const { sandbox } = await startBot({ now: () => now, channelMessageLimit: { count: 50, windowMs: 5_000 } });
    const ch = sandbox.channel(GUILD, "general");
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${sandbox.restApiBase}/v10${path}`, {
        method,
        headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const posted = (await (await call("POST", `/channels/${ch.id}/messages`, { content: "board" })).json()) as { id: string };
    const edit = () => call("PATCH", `/channels/${ch.id}/messages/${posted.id}`, { content: "board, edited" });
    // A young message takes edits at the channel's pace.
    for (let i = 0; i < 6; i++) expect((await edit()).status).toBe(200);
    now += 2 * 3_600_000;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await edit()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await edit();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 30046, message: expect.stringContaining("older than 1 hour"), retry_after: expect.any(Number) });
  });

  it("answers a burst past the channel limit with 429, retry_after and rate-limit headers", async () => {
    const { sandbox } = await startBot({ channelMessageLimit: { count: 2, windowMs: 1000 } });
    const ch = sandbox.channel(GUILD, "general");
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    const post = () =>
      fetch(`${sandbox.restApiBase}/v10/channels/${ch.id}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "hi" }),
      });
    const first = await post();
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    await post();
    const third = await post();
    expect(third.status).toBe(429);
    const body = (await third.json()) as { retry_after: number; global: boolean; message: string };
    expect(body).toMatchObject({ message: "You are being rate limited.", global: false });
    expect(body.retry_after).toBeGreaterThan(0);
    expect(third.headers.get("x-ratelimit-scope")).toBe("user");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(of(events, "rate_limited")[0]).toMatchObject({ guild: GUILD, channel: "#general" });
  });

  it("resumes after a dropped gateway connection without losing an interaction sent meanwhile", async () => {
    const { sandbox, client } = await startBot({ ackDeadlineMs: 3000 });
    const resumed = once(client, "shardResume");
    expect(sandbox.dropGatewayConnection()).toBe(1);
    const r = await sandbox.runCommand(HERE, "ping");
    await resumed;
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
    expect(sandbox.connectedSessions).toBe(1);
  });

  it("identifies again when the dropped session cannot be resumed", async () => {
    const { sandbox, client } = await startBot();
    const ready = once(client, "shardReady");
    sandbox.dropGatewayConnection({ resumable: false });
    await ready;
    const r = await sandbox.runCommand(HERE, "ping");
    expect(of(r.events, "reply")[0]).toMatchObject({ content: "pong" });
  });

  it("refuses DMs to a user who closed them with 50007", async () => {
    const { sandbox } = await startBot();
    const open = await sandbox.runCommand(HERE, "dmme");
    expect(of(open.events, "dm")[0]).toMatchObject({ t: "dm", to: "alice", channel: "dm", content: "psst" });
    sandbox.setDmsClosed("alice", true);
    const closed = await sandbox.runCommand(HERE, "dmme");
    expect(of(closed.events, "discord_error")[0]).toMatchObject({ status: 403, code: 50007, message: "Cannot send messages to this user", to: "alice" });
    expect(of(closed.events, "reply")[0]).toMatchObject({ content: "could not DM you (50007)" });
  });

  it("refuses the bot's posts in a channel it was revoked from with 50001, while its interaction replies still work", async () => {
    const { sandbox, client } = await startBot();
    expect(of((await sandbox.runCommand(HERE, "post")).events, "reply_edit")[0]).toMatchObject({ content: "posted" });
    sandbox.revokeChannel(GUILD, "general");
    const r = await sandbox.runCommand(HERE, "post");
    expect(of(r.events, "discord_error")[0]).toMatchObject({ status: 403, code: 50001, message: "Missing Access", guild: GUILD, channel: "#general" });
    expect(of(r.events, "reply_edit")[0]).toMatchObject({ content: "could not post (50001)" });
    const channel = client.channels.cache.get(sandbox.channel(GUILD, "general").id);
    expect(channel && "permissionOverwrites" in channel ? channel.permissionOverwrites.cache.get(sandbox.applicationId)?.deny.has("SendMessages") : undefined).toBe(true);
  });

  it("lets a member delete the bot's newest post (not its replies); editing it afterwards answers 10008", async () => {
    const { sandbox } = await startBot();
    await sandbox.runCommand(HERE, "say", { count: 2 });
    const ch = sandbox.channel(GUILD, "general");
    const posts = sandbox.messages(ch.id).filter((m) => !m.ephemeral);
    const events: SandboxEvent[] = [];
    sandbox.on("event", (e) => events.push(e));
    expect(sandbox.deleteNewestPost(HERE)?.content).toBe("message 2");
    expect(of(events, "message_delete")).toEqual([expect.objectContaining({ user: "alice", guild: GUILD, channel: "#general", id: posts.at(-1)!.id })]);
    const res = await fetch(`${sandbox.restApiBase}/v10/channels/${ch.id}/messages/${posts.at(-1)!.id}`, {
      method: "PATCH",
      headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "still here?" }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 10008 });
    expect(sandbox.messages(ch.id).filter((m) => !m.ephemeral).map((m) => m.content)).toEqual(["message 1"]);
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

  it("returns autocomplete choices and rejects more than 25 of them", async () => {
    const { sandbox } = await startBot({ ackDeadlineMs: 300 });
    const ok = await sandbox.runAutocomplete(HERE, "ep", "show", "dark", { season: "1" });
    expect(of(ok.events, "autocomplete")[0]).toMatchObject({ option: "show", value: "dark", choices: [{ name: "dark 1", value: "dark-1" }, { name: "dark 2", value: "dark-2" }, { name: "dark 3", value: "dark-3" }] });
    const many = await sandbox.runAutocomplete(HERE, "ep", "show", "many");
    const [err] = of(many.events, "discord_error");
    expect(err).toMatchObject({ code: 50035 });
    expect(JSON.stringify(err!.errors)).toContain("Must be 25 or fewer in length.");
    expect(of(many.events, "autocomplete")).toHaveLength(0);
  });

  it("round-trips a button: reply with a button, click it by label, see the update", async () => {
    const { sandbox } = await startBot();
    const first = await sandbox.runCommand(HERE, "counter");
    const reply = of(first.events, "reply")[0]!;
    expect(reply.content).toBe("count 0");
    const click = await sandbox.click(HERE, "Increment");
    expect(of(click.events, "reply_edit")[0]).toMatchObject({ id: reply.id, content: "count 1", source: 'click "Increment"' });
    const again = await sandbox.click(HERE, "increment");
    expect(of(again.events, "reply_edit")[0]).toMatchObject({ content: "count 2" });
    expect((await sandbox.click(HERE, "Docs")).rejected).toMatch(/link/);
    await expect(sandbox.click(HERE, "Nope")).rejects.toThrow(/no button "Nope".*"Increment"/);
    await expect(sandbox.click({ ...HERE, user: "bob", channel: "#other" }, "Increment")).rejects.toThrow(/no button/);
  });

  it("reports a deferred reply and its later edit", async () => {
    const { sandbox } = await startBot();
    const r = await sandbox.runCommand(HERE, "slow");
    expect(r.events.map((e) => e.t)).toEqual(["reply", "reply_edit"]);
    expect(r.events[0]).toMatchObject({ deferred: true, content: null });
    expect(r.events[1]).toMatchObject({ content: "done thinking", id: (r.events[0] as { id: string }).id });
  });

  it("answers unknown routes with Discord's 404 body", async () => {
    const { sandbox } = await startBot();
    const res = await fetch(`${sandbox.restApiBase}/v10/nowhere`, { headers: { authorization: `Bot ${sandbox.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "404: Not Found", code: 0 });
  });

  it("refuses a wrong bot token on the gateway with close code 4004", async () => {
    const sandbox = new DiscordSandbox();
    await sandbox.start();
    try {
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.restApiBase } });
      // REST is checked first: a bad token is a 401 there, which discord.js reports as TokenInvalid.
      await expect(client.login("wrong-token")).rejects.toThrow(/token/i);
      await client.destroy();
      const { WebSocket } = await import("ws");
      const ws = new WebSocket(`${sandbox.gatewayUrl}/?v=10&encoding=json`);
      ws.on("message", (d) => {
        const p = JSON.parse(String(d));
        if (p.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
      });
      const [code] = (await once(ws, "close")) as [number];
      expect(code).toBe(4004);
    } finally {
      await sandbox.stop();
    }
  });

  it("accepts multipart uploads and answers with_response like Discord", async () => {
    const { sandbox, client } = await startBot();
    await client.application!.commands.create({ name: "file", description: "Replies with a file" });
    let resourceContent: string | undefined;
    client.on("interactionCreate", (i) => void (async () => {
      if (!i.isChatInputCommand() || i.commandName !== "file") return;
      const r = await i.reply({ content: "here", files: [{ attachment: Buffer.from("hello"), name: "a.txt" }], withResponse: true });
      resourceContent = r.resource?.message?.content;
      await i.followUp({ content: "and a followup", flags: MessageFlags.Ephemeral });
      await i.editReply({ content: "here (edited)" });
    })());
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
    client.on("interactionCreate", (i) => void (async () => {
      if (!i.isChatInputCommand() || i.commandName !== "file") return;
      limit = i.attachmentSizeLimit;
      try {
        await i.reply({ content: "here", files: [{ attachment: Buffer.from("eleven bytes"), name: "a.txt" }] });
      } catch (e) {
        refused = e;
        await i.reply({ content: "too big" });
      }
    })());
    const r = await sandbox.runCommand(HERE, "file");
    expect(limit).toBe(10);
    expect(refused).toMatchObject({ status: 413, code: 40005 });
    expect(r.events.filter((e) => e.t === "reply")).toMatchObject([{ content: "too big" }]);
  });

  it("runs commands in a DM and in a guild created after the bot logged in", async () => {
    const { sandbox, client } = await startBot();
    const dm = await sandbox.runCommand({ user: "carol" }, "ping");
    expect(of(dm.events, "reply")[0]).toMatchObject({ user: "carol", channel: "dm", content: "pong" });
    expect(of(dm.events, "reply")[0]!.guild).toBeUndefined();
    const guildCreated = once(client, "guildCreate");
    const r = await sandbox.runCommand({ user: "carol", guild: "Late Night", channel: "movies" }, "ping");
    await guildCreated;
    expect(client.guilds.cache.get(sandbox.guild("Late Night").id)?.name).toBe("Late Night");
    expect(of(r.events, "reply")[0]).toMatchObject({ guild: "Late Night", channel: "#movies", content: "pong" });
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

  it("validates command registrations the way Discord does", async () => {
    const { client } = await startBot();
    const err = await client.application!.commands
      .set([{ name: "Bad Name", description: "" }, { name: "ok", description: "fine", options: [
        { type: ApplicationCommandOptionType.String, name: "a", description: "a" },
        { type: ApplicationCommandOptionType.String, name: "b", description: "b", required: true },
      ] }])
      .catch((e: unknown) => e as DiscordAPIError);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50035);
    expect((err as DiscordAPIError).message).toMatch(/name/);
    expect((err as DiscordAPIError).message).toMatch(/Required options must be placed before non-required options/);
  });

  it("speaks zlib-stream transport compression when a client asks for it", async () => {
    const sandbox = new DiscordSandbox();
    await sandbox.start();
    try {
      const zlib = await import("node:zlib");
      const { WebSocket } = await import("ws");
      const ws = new WebSocket(`${sandbox.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
      const inflate = zlib.createInflate();
      const payloads: any[] = [];
      let buf = "";
      inflate.on("data", (d: Buffer) => {
        buf += d.toString();
        try {
          payloads.push(JSON.parse(buf));
          buf = "";
        } catch {
          /* partial */
        }
      });
      ws.on("message", (d: Buffer) => {
        inflate.write(d);
        inflate.flush(zlib.constants.Z_SYNC_FLUSH);
      });
      await once(ws, "open");
      await new Promise((r) => setTimeout(r, 50));
      ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1, properties: {} } }));
      await new Promise((r) => setTimeout(r, 100));
      expect(payloads.map((p) => p.op)).toEqual([10, 0]);
      expect(payloads[1]).toMatchObject({ t: "READY", s: 1, d: { application: { id: sandbox.applicationId } } });
      ws.close(1000);
    } finally {
      await sandbox.stop();
    }
  });

  it("sends user, channel, role, number and choice options inside subcommand groups the way discord.js reads them", async () => {
    const { sandbox, client } = await startBot();
    await client.application!.commands.create({
      name: "party",
      description: "Watch parties",
      options: [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: "invite",
          description: "Invites",
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: "send",
              description: "Send an invite",
              options: [
                { type: ApplicationCommandOptionType.User, name: "who", description: "Who", required: true },
                { type: ApplicationCommandOptionType.Channel, name: "where", description: "Where", required: true },
                { type: ApplicationCommandOptionType.String, name: "mood", description: "Mood", required: true, choices: [{ name: "Cozy night", value: "cozy" }, { name: "Marathon", value: "marathon" }] },
                { type: ApplicationCommandOptionType.Role, name: "ping", description: "Role" },
                { type: ApplicationCommandOptionType.Number, name: "hours", description: "Hours", min_value: 0.5 },
              ],
            },
          ],
        },
      ],
    });
    client.on("interactionCreate", (i) => void (async () => {
      if (!i.isChatInputCommand() || i.commandName !== "party") return;
      const who = i.options.getUser("who", true);
      const member = i.options.getMember("who");
      const where = i.options.getChannel("where", true);
      const role = i.options.getRole("ping");
      await i.reply(
        [i.options.getSubcommandGroup(), i.options.getSubcommand(), who.username, member ? "member" : "not-member", where.name, i.options.getString("mood"), role?.name, i.options.getNumber("hours"), i.guild?.name, i.member?.user.username].join("|"),
      );
    })());
    sandbox.join(GUILD, "bob");
    const r = await sandbox.runCommand(HERE, "party invite send", { who: "@bob", where: "#general", mood: "cozy night", ping: "@everyone", hours: "1.5" });
    expect(of(r.events, "reply")[0]!.content).toBe("invite|send|bob|member|general|cozy|@everyone|1.5|Film Club|alice");
    const bad = await sandbox.runCommand(HERE, "party invite send", { who: "bob", where: "#nowhere", mood: "cozy" });
    expect(bad.rejected).toMatch(/no channel "#nowhere"/);
    const low = await sandbox.runCommand(HERE, "party", { who: "bob", where: "#general", mood: "Marathon", hours: 0.25 }, { positional: ["invite", "send"] });
    expect(low.rejected).toMatch(/hours.*at least 0.5/);
    await expect(sandbox.runCommand(HERE, "party invite")).rejects.toThrow(/needs a subcommand: one of send/);
  });

  it("stops waiting for a deferred reply's edit once the bot's edit was refused", async () => {
    const { sandbox, client } = await startBot();
    await client.application!.commands.create({ name: "toolong", description: "Defers, then edits with too much text" });
    client.on("interactionCreate", (i) => void (async () => {
      if (!i.isChatInputCommand() || i.commandName !== "toolong") return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply("x".repeat(2001)).catch(() => {});
    })());
    const started = Date.now();
    const r = await sandbox.runCommand(HERE, "toolong");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.events.map((e) => e.t)).toEqual(["reply", "discord_error"]);
    expect(r.events[0]).toMatchObject({ deferred: true, ephemeral: true, content: null });
    expect(r.events[1]).toMatchObject({ code: 50035, user: "alice", errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } });
  });
});
