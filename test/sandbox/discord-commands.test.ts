import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { ApplicationCommandOptionType, DiscordAPIError, MessageFlags } from "discord.js";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { GUILD, HERE, of, startBot, stopBot } from "./discord-harness.ts";

afterEach(stopBot);

describe("Discord sandbox: slash commands, options, autocomplete, components and acknowledgements", () => {
  it("registers commands over REST and delivers a slash command reply", async () => {
    const { sandbox } = await startBot();
    expect(sandbox.registeredCommands().map((c) => c.name)).toContain("ping");
    const r = await sandbox.runCommand(HERE, "ping");
    const [reply] = of(r.events, "reply");
    expect(reply).toMatchObject({
      t: "reply",
      user: "alice",
      guild: GUILD,
      channel: "#general",
      content: "pong",
      ephemeral: false,
      source: "/ping",
    });
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
    client.on(
      "interactionCreate",
      (i) =>
        void (async () => {
          if (!i.isChatInputCommand() || i.commandName !== "ping") return;
          await new Promise((r) => setTimeout(r, 20));
          // discord.js guards against double replies, so go around it with raw REST.
          await client.rest
            .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: "again" } }, auth: false })
            .catch(() => {});
        })(),
    );
    const r = await sandbox.runCommand(HERE, "ping");
    expect(of(r.events, "reply")).toHaveLength(1);
    expect(of(r.events, "discord_error")[0]).toMatchObject({
      status: 400,
      code: 40060,
      message: "Interaction has already been acknowledged.",
    });
  });

  it("returns autocomplete choices and rejects more than 25 of them", async () => {
    const { sandbox } = await startBot({ ackDeadlineMs: 300 });
    const ok = await sandbox.runAutocomplete(HERE, "ep", "show", "dark", { season: "1" });
    expect(of(ok.events, "autocomplete")[0]).toMatchObject({
      option: "show",
      value: "dark",
      choices: [
        { name: "dark 1", value: "dark-1" },
        { name: "dark 2", value: "dark-2" },
        { name: "dark 3", value: "dark-3" },
      ],
    });
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

  it("validates command registrations the way Discord does", async () => {
    const { client } = await startBot();
    const err = await client
      .application!.commands.set([
        { name: "Bad Name", description: "" },
        {
          name: "ok",
          description: "fine",
          options: [
            { type: ApplicationCommandOptionType.String, name: "a", description: "a" },
            { type: ApplicationCommandOptionType.String, name: "b", description: "b", required: true },
          ],
        },
      ])
      .catch((e: unknown) => e as DiscordAPIError);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50035);
    expect((err as DiscordAPIError).message).toMatch(/name/);
    expect((err as DiscordAPIError).message).toMatch(/Required options must be placed before non-required options/);
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
                {
                  type: ApplicationCommandOptionType.String,
                  name: "mood",
                  description: "Mood",
                  required: true,
                  choices: [
                    { name: "Cozy night", value: "cozy" },
                    { name: "Marathon", value: "marathon" },
                  ],
                },
                { type: ApplicationCommandOptionType.Role, name: "ping", description: "Role" },
                { type: ApplicationCommandOptionType.Number, name: "hours", description: "Hours", min_value: 0.5 },
              ],
            },
          ],
        },
      ],
    });
    client.on(
      "interactionCreate",
      (i) =>
        void (async () => {
          if (!i.isChatInputCommand() || i.commandName !== "party") return;
          const who = i.options.getUser("who", true);
          const member = i.options.getMember("who");
          const where = i.options.getChannel("where", true);
          const role = i.options.getRole("ping");
          await i.reply(
            [
              i.options.getSubcommandGroup(),
              i.options.getSubcommand(),
              who.username,
              member ? "member" : "not-member",
              where.name,
              i.options.getString("mood"),
              role?.name,
              i.options.getNumber("hours"),
              i.guild?.name,
              i.member?.user.username,
            ].join("|"),
          );
        })(),
    );
    sandbox.join(GUILD, "bob");
    const r = await sandbox.runCommand(HERE, "party invite send", {
      who: "@bob",
      where: "#general",
      mood: "cozy night",
      ping: "@everyone",
      hours: "1.5",
    });
    expect(of(r.events, "reply")[0]!.content).toBe("invite|send|bob|member|general|cozy|@everyone|1.5|Film Club|alice");
    const bad = await sandbox.runCommand(HERE, "party invite send", { who: "bob", where: "#nowhere", mood: "cozy" });
    expect(bad.rejected).toMatch(/no channel "#nowhere"/);
    const low = await sandbox.runCommand(
      HERE,
      "party",
      { who: "bob", where: "#general", mood: "Marathon", hours: 0.25 },
      { positional: ["invite", "send"] },
    );
    expect(low.rejected).toMatch(/hours.*at least 0.5/);
    await expect(sandbox.runCommand(HERE, "party invite")).rejects.toThrow(/needs a subcommand: one of send/);
  });

  it("stops waiting for a deferred reply's edit once the bot's edit was refused", async () => {
    const { sandbox, client } = await startBot();
    await client.application!.commands.create({ name: "toolong", description: "Defers, then edits with too much text" });
    client.on(
      "interactionCreate",
      (i) =>
        void (async () => {
          if (!i.isChatInputCommand() || i.commandName !== "toolong") return;
          await i.deferReply({ flags: MessageFlags.Ephemeral });
          await i.editReply("x".repeat(2001)).catch(() => {});
        })(),
    );
    const started = Date.now();
    const r = await sandbox.runCommand(HERE, "toolong");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.events.map((e) => e.t)).toEqual(["reply", "discord_error"]);
    expect(r.events[0]).toMatchObject({ deferred: true, ephemeral: true, content: null });
    expect(r.events[1]).toMatchObject({ code: 50035, user: "alice", errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } });
  });
});
