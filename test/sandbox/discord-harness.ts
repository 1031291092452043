// The Discord sandbox with a real discord.js client logged in, for test/sandbox/discord-*.test.ts:
// a few registered commands and the handlers that answer them.
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
import { DiscordSandbox, type DiscordSandboxOptions } from "../../sandbox/discord/index.ts";
import type { EventOf, SandboxEvent } from "../../sandbox/events.ts";

export const GUILD = "Film Club";
export const HERE = { user: "alice", guild: GUILD, channel: "#general" };

export const COMMANDS: ApplicationCommandDataResolvable[] = [
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
    options: [
      { type: ApplicationCommandOptionType.Integer, name: "count", description: "How many", required: true, min_value: 1, max_value: 10 },
    ],
  },
];

export type Handler = (i: Interaction) => Promise<void>;

export const HANDLERS: Record<string, Handler> = {
  async ping(i) {
    if (i.isChatInputCommand()) await i.reply("pong");
  },
  async ep(i) {
    if (i.isAutocomplete()) {
      const typed = i.options.getFocused();
      const n = typed === "many" ? 30 : 3;
      await i.respond(Array.from({ length: n }, (_, k) => ({ name: `${typed} ${k + 1}`, value: `${typed}-${k + 1}` }))).catch(() => {});
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
    const embed = new EmbedBuilder()
      .setTitle("Too long")
      .setDescription("x".repeat(4000))
      .addFields({ name: "more", value: "y".repeat(1000) }, { name: "again", value: "z".repeat(1000) });
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

export interface Harness {
  sandbox: DiscordSandbox;
  client: Client;
  seen: string[];
}

export let current: Harness | null = null;

export async function startBot(opts: DiscordSandboxOptions = {}): Promise<Harness> {
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

/** Stops the bot and the sandbox a test started (each test file runs it after every test). */
export async function stopBot(): Promise<void> {
  if (!current) return;
  await current.client.destroy();
  await current.sandbox.stop();
  current = null;
}

export const of = <T extends SandboxEvent["t"]>(events: SandboxEvent[], t: T) => events.filter((e): e is EventOf<T> => e.t === t);
