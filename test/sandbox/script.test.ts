import { once } from "node:events";
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  GatewayIntentBits,
  MessageFlags,
  StringSelectMenuBuilder,
} from "discord.js";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import { parseDuration, parseScript, runScript, runScriptText, ScriptError, type ScriptHooks } from "../../sandbox/script.ts";

describe("parseScript", () => {
  it("parses acting, places, commands, buttons, waits, shows, web calls and restarts", () => {
    const lines = parseScript(
      [
        "# setup",
        "as alice",
        "in Film Club #general",
        "",
        "/ep 1399 1 3",
        'click "Mark watched"',
        'select "Season 2"',
        "restart bot",
        "wait 3d",
        "show #general",
        "in dm",
        "show dm",
      ].join("\n"),
    );
    expect(lines.map((l) => l.kind)).toEqual(["as", "in", "command", "click", "select", "restart", "wait", "show", "in_dm", "show_dm"]);
    expect(lines[1]).toMatchObject({ kind: "in", guild: "Film Club", channel: "general", line: 3 });
    expect(lines[2]).toMatchObject({ kind: "command", command: "ep", line: 5, args: [{ value: "1399" }, { value: "1" }, { value: "3" }] });
    expect(lines[3]).toMatchObject({ kind: "click", label: "Mark watched" });
    expect(lines[6]).toMatchObject({ kind: "wait", ms: 3 * 86_400_000 });
  });

  it("reads web arguments as JSON when they parse and as text otherwise (quoted values stay text)", () => {
    const [line] = parseScript(
      'web watchlist.markSeasonEpisodesWatched tmdbId:1399 season:1 episodes:[1,2,3] isWatched:true title:Dark note:"42"',
    );
    expect(line).toMatchObject({
      kind: "web",
      fn: "watchlist:markSeasonEpisodesWatched",
      args: { tmdbId: 1399, season: 1, episodes: [1, 2, 3], isWatched: true, title: "Dark", note: "42" },
    });
    expect(() => parseScript("web markEpisodeWatched")).toThrow(/line 1: expected "web MODULE:FUNCTION/);
    expect(() => parseScript("web watchlist:getMediaState 1399")).toThrow(/line 1: web arguments are key:value pairs/);
  });

  it("parses the faults: closed DMs, a revoked channel, a deleted channel, a deleted post", () => {
    expect(parseScript("dms closed\ndms open\nrevoke #general\ndelete #general\ndelete message board\ndelete message")).toMatchObject([
      { kind: "dms", closed: true },
      { kind: "dms", closed: false },
      { kind: "revoke", channel: "general" },
      { kind: "delete_channel", channel: "general" },
      { kind: "delete_message" },
      { kind: "delete_message" },
    ]);
    expect(() => parseScript("delete everything")).toThrow(/line 1: expected "delete #CHANNEL" or "delete message"/);
    expect(() => parseScript("dms maybe")).toThrow(/expected "dms closed" or "dms open"/);
  });

  it("reads link, link switch and the clerk verbs, and names the line of a malformed one", () => {
    expect(
      parseScript('as alice\nlink\nlink switch\nclerk signup erin discord\nclerk signup "Dee Dee"\nclerk delete erin').slice(1),
    ).toMatchObject([
      { kind: "link", confirmSwitch: false },
      { kind: "link", confirmSwitch: true },
      { kind: "clerk", action: "signup", name: "erin", discord: true },
      { kind: "clerk", action: "signup", name: "Dee Dee", discord: false },
      { kind: "clerk", action: "delete", name: "erin", discord: false },
    ]);
    expect(() => parseScript("link now")).toThrow(/line 1: expected "link" or "link switch"/);
    expect(() => parseScript("clerk signup")).toThrow(/line 1: expected "clerk signup NAME \[discord\]"/);
    expect(() => parseScript("clerk delete erin discord")).toThrow(/line 1: expected/);
  });

  it("parses the Convex and TMDB fault verbs, and names the forms when one is malformed", () => {
    expect(
      parseScript("convex slow 5s\nconvex down\nconvex hang\nconvex drop\nconvex drop 3\nconvex up\ntmdb down\ntmdb slow 3s\ntmdb up").map(
        (l) => (l.kind === "fault" ? l.change : l.kind),
      ),
    ).toEqual([
      { target: "convex", fault: { kind: "slow", ms: 5_000 } },
      { target: "convex", fault: { kind: "down" } },
      { target: "convex", fault: { kind: "hang" } },
      { target: "convex", fault: { kind: "drop", count: 1 } },
      { target: "convex", fault: { kind: "drop", count: 3 } },
      { target: "convex", fault: { kind: "none" } },
      { target: "tmdb", fault: { kind: "down" } },
      { target: "tmdb", fault: { kind: "slow", ms: 3_000 } },
      { target: "tmdb", fault: { kind: "none" } },
    ]);
    expect(() => parseScript("convex sideways")).toThrow(
      /line 1: expected "convex slow 5s", "convex down", "convex hang", "convex drop \[N\]" or "convex up"/,
    );
    expect(() => parseScript("convex slow")).toThrow(/line 1: convex slow needs a duration/);
    expect(() => parseScript("tmdb slow 2m")).toThrow(/line 1: tmdb slow 2m is too long/);
    expect(() => parseScript("tmdb hang")).toThrow(/line 1: expected "tmdb slow 3s", "tmdb down" or "tmdb up"/);
    expect(() => parseScript("convex drop 0")).toThrow(/convex drop takes/);
    expect(() => parseScript("convex down now")).toThrow(/line 1: expected/);
  });

  it("refuses a wait beyond a few years as a script error", () => {
    expect(parseScript("wait 1825d")[0]).toMatchObject({ kind: "wait", ms: 1825 * 86_400_000 });
    expect(() => parseScript("wait 1826d")).toThrow(/line 1: wait 1826d is too long/);
    expect(() => parseScript("wait 99999999999999999999999d")).toThrow(/too long/);
    expect(() => parseScript(`wait ${"9".repeat(400)}d`)).toThrow(/line 1: wait needs a duration/);
  });

  it("answers any text with lines or a ScriptError naming a line, never anything else", () => {
    const verbs = [
      "as",
      "in",
      "/ep",
      "/watch add",
      "autocomplete /ep",
      "click",
      "select",
      "wait",
      "show",
      "web",
      "restart",
      "dms",
      "delete",
      "revoke",
      "link",
      "clerk",
      "clerk signup",
      "convex",
      "convex slow",
      "tmdb",
      "#",
    ];
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom(...verbs),
          fc.string({ unit: fc.constantFrom("a", "1", " ", '"', "\\", ":", "#", "[", "]", ".", "d", "ms", "\u{1F600}"), maxLength: 60 }),
        )
        .map(([v, rest]) => `${v} ${rest}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.join("\n");
        try {
          const parsed = parseScript(text);
          for (const l of parsed) expect(l.line).toBeGreaterThanOrEqual(1);
        } catch (e) {
          expect(e).toBeInstanceOf(ScriptError);
          expect((e as ScriptError).line).toBeGreaterThanOrEqual(1);
          expect((e as ScriptError).line).toBeLessThanOrEqual(Math.max(1, lines.length));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("parses a wait of any digits quickly and refuses what is too long", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,400}(\.\d{1,5})?(ms|s|m|h|d)$/), (duration) => {
        try {
          const [l] = parseScript(`wait ${duration}`);
          expect(l).toMatchObject({ kind: "wait" });
          expect((l as { ms: number }).ms).toBeLessThanOrEqual(5 * 365 * 86_400_000);
        } catch (e) {
          expect((e as Error).message).toMatch(/too long|needs a duration/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps bare values in order and splits name:value pairs", () => {
    const [line] = parseScript("/watch add title:Dark 2017 status:watching");
    expect(line).toMatchObject({
      command: "watch",
      args: [{ value: "add" }, { name: "title", value: "Dark" }, { value: "2017" }, { name: "status", value: "watching" }],
    });
  });

  it("reads double-quoted values with spaces, both bare and named", () => {
    const [line] = parseScript('/watch add title:"The Bear" "Breaking Bad" note:"say \\"hi\\"" # trailing comment');
    expect(line).toMatchObject({
      args: [
        { value: "add", quoted: false },
        { name: "title", value: "The Bear", quoted: true },
        { value: "Breaking Bad", quoted: true },
        { name: "note", value: 'say "hi"', quoted: true },
      ],
    });
  });

  it("treats a token that starts with a digit as a bare value even with a colon", () => {
    const [line] = parseScript("/party schedule 20:30");
    expect(line).toMatchObject({ args: [{ value: "schedule" }, { value: "20:30" }] });
  });

  it("keeps # inside quotes and in channel names, and drops # comments", () => {
    const lines = parseScript('in "My Guild" #watch-party # where we meet\n/watch add title:"#1 Show"');
    expect(lines[0]).toMatchObject({ kind: "in", guild: "My Guild", channel: "watch-party" });
    expect(lines[1]).toMatchObject({ args: [{ value: "add" }, { name: "title", value: "#1 Show" }] });
  });

  it("parses autocomplete with the typed option last", () => {
    const [line] = parseScript('autocomplete /ep show:"breaking b"');
    expect(line).toMatchObject({ kind: "autocomplete", command: "ep", args: [{ name: "show", value: "breaking b" }] });
  });

  it("understands every duration unit", () => {
    expect(["500ms", "10s", "5m", "2h", "3d", "1h30m"].map(parseDuration)).toEqual([
      500, 10_000, 300_000, 7_200_000, 259_200_000, 5_400_000,
    ]);
    expect(parseDuration("soon")).toBeNull();
  });

  it("names the line of a malformed line", () => {
    const bad = (text: string) => {
      try {
        parseScript(text);
      } catch (e) {
        return e as ScriptError;
      }
      throw new Error("expected a ScriptError");
    };
    expect(bad("as alice\n\nfly away")).toMatchObject({ line: 3, message: expect.stringMatching(/^line 3: unknown line "fly away"/) });
    expect(bad("as alice\nwait forever")).toMatchObject({ line: 2, message: expect.stringContaining("duration") });
    expect(bad('as bob\nin Film Club #general\n/watch add title:"oops')).toMatchObject({
      line: 3,
      message: expect.stringContaining("unterminated"),
    });
    expect(bad("in Film Club general")).toMatchObject({ line: 1 });
    expect(bad("click")).toMatchObject({ line: 1, message: expect.stringContaining("label") });
    expect(bad("autocomplete /ep")).toMatchObject({ line: 1 });
    expect(bad("show general")).toMatchObject({ line: 1 });
  });
});

// ---------------------------------------------------------------- running against a real client

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function startBot() {
  const sandbox = new DiscordSandbox({ ackDeadlineMs: 1000 });
  await sandbox.start();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.restApiBase } });
  client.on(
    "interactionCreate",
    (i) =>
      void (async () => {
        if (i.isAutocomplete()) {
          const typed = i.options.getFocused();
          await i.respond([{ name: `Breaking Bad (${typed})`, value: "1396" }]);
        } else if (i.isChatInputCommand() && i.commandName === "ep") {
          const show = i.options.getString("show", true);
          const season = i.options.getInteger("season", true);
          const episode = i.options.getInteger("episode", true);
          await i.reply({
            content: `Marked ${show} S${season}E${episode}`,
            flags: MessageFlags.Ephemeral,
            components: [
              new ActionRowBuilder<ButtonBuilder>().addComponents(
                new ButtonBuilder()
                  .setCustomId(`next:${show}:${season}:${episode + 1}`)
                  .setLabel("Next episode")
                  .setStyle(ButtonStyle.Primary),
              ),
            ],
          });
        } else if (i.isChatInputCommand() && i.commandName === "watch") {
          const sub = i.options.getSubcommand();
          await i.reply({
            content: `${sub} ${i.options.getString("title", true)}`,
            components: [
              new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
                new StringSelectMenuBuilder()
                  .setCustomId("status")
                  .addOptions({ label: "Watching", value: "watching" }, { label: "Finished", value: "finished" }),
              ),
            ],
          });
        } else if (i.isButton()) {
          const [, show, season, episode] = i.customId.split(":");
          await i.update({ content: `Marked ${show} S${season}E${episode}`, components: [] });
        } else if (i.isStringSelectMenu()) {
          await i.update({ content: `status ${i.values[0]}`, components: [] });
        }
      })(),
  );
  const ready = once(client, "clientReady");
  await client.login(sandbox.token);
  await ready;
  await client.application!.commands.set([
    {
      name: "ep",
      description: "Mark an episode",
      options: [
        { type: ApplicationCommandOptionType.String, name: "show", description: "Show", required: true, autocomplete: true },
        { type: ApplicationCommandOptionType.Integer, name: "season", description: "Season", required: true, min_value: 1 },
        { type: ApplicationCommandOptionType.Integer, name: "episode", description: "Episode", required: true, min_value: 1 },
      ],
    },
    {
      name: "watch",
      description: "Watchlist",
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: "add",
          description: "Add a title",
          options: [{ type: ApplicationCommandOptionType.String, name: "title", description: "Title", required: true }],
        },
      ],
    },
  ]);
  cleanup = async () => {
    await client.destroy();
    await sandbox.stop();
  };
  return sandbox;
}

const hooks = (log: string[]): ScriptHooks => ({
  async wait(ms) {
    log.push(`wait ${ms}`);
  },
  async restart() {
    log.push("restart");
    return { shards: 1 };
  },
});

describe("runScript", () => {
  it("runs a script against the real client and reports every event with its line", async () => {
    const sandbox = await startBot();
    const events: any[] = [];
    const log: string[] = [];
    await runScriptText(
      [
        "as alice",
        "in Film Club #general",
        "/ep 1399 1 3",
        'click "Next episode"',
        'autocomplete /ep show:"break"',
        '/watch add "The Bear"',
        'select "Finished"',
        "/ep show:Dark season:0 episode:1   # out of range: rejected, the script goes on",
        "restart bot",
        "wait 2h",
        "show #general",
      ].join("\n"),
      sandbox,
      hooks(log),
      (e) => events.push(e),
    );
    const brief = events.map((e) => `${e.line} ${e.t}`);
    expect(brief).toEqual(["3 reply", "4 reply_edit", "5 autocomplete", "6 reply", "7 reply_edit", "8 rejected", "9 restart", "11 show"]);
    expect(events[0]).toMatchObject({
      user: "alice",
      guild: "Film Club",
      channel: "#general",
      content: "Marked 1399 S1E3",
      ephemeral: true,
    });
    expect(events[1]).toMatchObject({ content: "Marked 1399 S1E4", components: [] });
    expect(events[2]).toMatchObject({ option: "show", value: "break", choices: [{ name: "Breaking Bad (break)", value: "1396" }] });
    expect(events[3]).toMatchObject({ content: "add The Bear" });
    expect(events[4]).toMatchObject({ content: "status finished" });
    expect(events[6]).toMatchObject({ t: "restart", what: "bot", shards: 1 });
    expect(events[7].messages.map((m: { content: string }) => m.content)).toEqual(["Marked 1399 S1E4", "status finished"]);
    expect(log).toEqual(["restart", `wait ${2 * 3_600_000}`]);
  });

  it("stops at a command that is not registered, emitting an error that names the line", async () => {
    const sandbox = await startBot();
    const events: any[] = [];
    const run = runScript(parseScript("as bob\nin Film Club #general\n/party start\n/ep 1 1 1"), sandbox, hooks([]), (e) => events.push(e));
    await expect(run).rejects.toBeInstanceOf(ScriptError);
    expect(events).toEqual([{ t: "error", line: 3, message: expect.stringMatching(/^line 3: \/party is not a registered command.*\/ep/) }]);
  });

  it("reports an unknown option and acting before 'as' as errors", async () => {
    const sandbox = await startBot();
    const events: any[] = [];
    await expect(
      runScriptText("as bob\nin Film Club #general\n/ep show:x seson:1 episode:1", sandbox, hooks([]), (e) => events.push(e)),
    ).rejects.toThrow(/line 3: \/ep has no option "seson"/);
    await expect(runScriptText('in Film Club #general\nclick "Go"', sandbox, hooks([]), (e) => events.push(e))).rejects.toThrow(
      /line 2: no acting user/,
    );
    await expect(runScriptText('as bob\nin dm\nclick "Go"', sandbox, hooks([]), (e) => events.push(e))).rejects.toThrow(
      /line 3: no button "Go"/,
    );
    expect(events.map((e) => e.t)).toEqual(["error", "error", "error"]);
  });

  it("reports a malformed line as an error event before running anything", async () => {
    const sandbox = await startBot();
    const events: any[] = [];
    await expect(
      runScriptText("as bob\nin Film Club #general\n/ep 1 1 1\ndance", sandbox, hooks([]), (e) => events.push(e)),
    ).rejects.toThrow(/line 4/);
    expect(events).toEqual([{ t: "error", line: 4, message: expect.stringContaining("unknown line") }]);
  });

  it("only lets the user who got an ephemeral reply press its buttons", async () => {
    const sandbox = await startBot();
    const events: any[] = [];
    const run = runScriptText('as alice\nin Film Club #general\n/ep 1399 1 3\nas bob\nclick "Next episode"', sandbox, hooks([]), (e) =>
      events.push(e),
    );
    await expect(run).rejects.toThrow(/line 5: no button "Next episode" on any message bob can see/);
    expect(events.map((e) => e.t)).toEqual(["reply", "error"]);
  });
});
