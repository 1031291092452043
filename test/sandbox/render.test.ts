import { afterEach, describe, expect, it, vi } from "vitest";
import { buttonLabels, renderEvent, renderMarkdown, selectOptionLabels, stripAnsi, type SandboxEvent } from "../../sandbox/render.ts";

const ESC = "\x1b";
const plain = (e: unknown, width = 80) => renderEvent(e as SandboxEvent, { color: false, width });

const episodeEmbed = {
  title: "Breaking Bad",
  url: "https://www.themoviedb.org/tv/1396",
  color: 0xe5a00d,
  author: { name: "Film Fanatic" },
  description: "Progress ▰▰▰▱▱ 3/5 · █████░░░░░",
  fields: [
    { name: "Season", value: "1", inline: true },
    { name: "Episode", value: "3", inline: true },
    { name: "Next up", value: "S1E4 *Cancer Man*", inline: true },
    { name: "Overview", value: "Walt and Jesse clean up." },
  ],
  footer: { text: "Data from TMDB" },
  thumbnail: { url: "https://image.tmdb.org/t/p/w185/poster.jpg" },
};

const buttonsRow = {
  type: 1,
  components: [
    { type: 2, style: 1, label: "Mark S1E4", custom_id: "ep:1396:1:4" },
    { type: 2, style: 4, label: "Undo", custom_id: "undo", disabled: true },
    { type: 2, style: 5, label: "TMDB", url: "https://www.themoviedb.org/tv/1396" },
  ],
};

const selectRow = {
  type: 1,
  components: [
    {
      type: 3,
      custom_id: "season",
      placeholder: "Pick a season",
      options: [
        { label: "Season 1", value: "1", description: "7 episodes", default: true },
        { label: "Season 2", value: "2" },
      ],
    },
  ],
};

const reply = (extra: Record<string, unknown> = {}): SandboxEvent =>
  ({
    t: "reply",
    interaction_id: "9001",
    source: "/ep",
    user: "alice",
    guild: "movie-club",
    channel: "#general",
    ephemeral: false,
    content: "Marked **Breaking Bad** S1E3 as watched",
    embeds: [episodeEmbed],
    components: [buttonsRow, selectRow],
    mentions: { everyone: false, users: [], roles: [] },
    id: "1001",
    ...extra,
  }) as SandboxEvent;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("renderEvent", () => {
  it("shows who and where in a header line", () => {
    const out = plain(reply());
    const first = out.split("\n")[0]!;
    expect(first).toContain("reply");
    expect(first).toContain("alice @ movie-club #general");
    expect(first).toContain("1001");
  });

  it("marks ephemeral replies, and only those", () => {
    expect(plain(reply({ ephemeral: true }))).toContain("(only you can see this)");
    expect(plain(reply({ ephemeral: false }))).not.toContain("only you can see this");
    expect(plain({ t: "followup", ephemeral: true, content: "hi" })).toContain("(only you can see this)");
  });

  it("draws embeds with a left bar, title, description, fields and footer", () => {
    const out = plain(reply());
    const lines = out.split("\n");
    const boxed = lines.filter((l) => l.startsWith("│"));
    expect(boxed.some((l) => l.includes("Breaking Bad") && l.includes("↗ https://www.themoviedb.org/tv/1396"))).toBe(true);
    expect(boxed.some((l) => l.includes("Film Fanatic"))).toBe(true);
    // progress bars pass through untouched
    expect(boxed.some((l) => l.includes("Progress ▰▰▰▱▱ 3/5 · █████░░░░░"))).toBe(true);
    // inline fields side by side when there is room
    const names = boxed.find((l) => l.includes("Season"))!;
    expect(names).toContain("Episode");
    expect(names).toContain("Next up");
    const values = boxed[boxed.indexOf(names) + 1]!;
    expect(values).toMatch(/1\s+3\s+S1E4 Cancer Man/);
    // non-inline field stacked
    const overview = boxed.findIndex((l) => l.includes("Overview"));
    expect(boxed[overview + 1]).toContain("Walt and Jesse clean up.");
    expect(boxed.some((l) => l.includes("Data from TMDB"))).toBe(true);
    expect(boxed.some((l) => l.includes("thumbnail: https://image.tmdb.org/t/p/w185/poster.jpg"))).toBe(true);
  });

  it("stacks inline fields when the terminal is narrow", () => {
    const out = plain(reply({ components: [] }), 30);
    const lines = out.split("\n");
    const season = lines.findIndex((l) => l.includes("Season") && !l.includes("Episode"));
    expect(season).toBeGreaterThan(-1);
    expect(lines.some((l) => l.includes("Season") && l.includes("Episode"))).toBe(false);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
  });

  it("renders buttons as chips and select menus with their options", () => {
    const out = plain(reply());
    expect(out).toContain("[ Mark S1E4 ]");
    expect(out).toContain("[ Undo (disabled) ]");
    expect(out).toContain("[ TMDB ↗ ]");
    expect(out).toMatch(/\[ Mark S1E4 \] \[ Undo \(disabled\) \] \[ TMDB ↗ \]/);
    expect(out).toContain("[▾ Pick a season]");
    expect(out).toMatch(/● Season 1 — 7 episodes/);
    expect(out).toMatch(/◦ Season 2/);
  });

  it("dims disabled buttons when colouring", () => {
    const out = renderEvent(reply(), { color: true });
    expect(out).toContain(`${ESC}[2m[ Undo ]${ESC}[22m`);
  });

  it("renders markdown lightly", () => {
    const out = plain({
      t: "message",
      guild: "movie-club",
      channel: "#general",
      content: "**Bold** and *italic* and `code` and \\*not italic\\* ||Walt dies|| [TMDB](https://tmdb.org)",
    });
    const body = out.split("\n")[1]!;
    expect(body).toContain("Bold and italic and `code` and *not italic*");
    expect(body).not.toContain("Walt dies");
    expect(body).toContain("▒▒▒");
    expect(body).toContain("TMDB (https://tmdb.org)");
    expect(renderMarkdown("```\nlet x = 1\n```")).toBe("  let x = 1");
    expect(renderMarkdown("> quoted\n- item")).toBe("▎ quoted\n• item");
    const coloured = renderMarkdown("**b** ||secret||", { color: true });
    expect(coloured).toContain(`${ESC}[1mb${ESC}[22m`);
    expect(stripAnsi(coloured)).toContain("secret"); // dimmed, not hidden, when colouring
  });

  it("lists autocomplete choices with numbers", () => {
    const out = plain({
      t: "autocomplete",
      user: "alice",
      choices: [
        { name: "Breaking Bad (2008)", value: "1396" },
        { name: "Better Call Saul", value: "Better Call Saul" },
      ],
    });
    expect(out).toMatch(/1\. Breaking Bad \(2008\)\s+→ 1396/);
    expect(out).toMatch(/2\. Better Call Saul$/m);
    expect(plain({ t: "autocomplete", choices: [] })).toContain("(no suggestions)");
  });

  it("flags Discord errors, failed interactions, rate limits and refusals with a hint", () => {
    const de = plain({ t: "discord_error", code: 50007, message: "Cannot send messages to this user" });
    expect(de).toContain("[50007] Cannot send messages to this user");
    expect(de).toMatch(/hint: .*DMs/);
    const failed = plain({ t: "interaction_failed", user: "bob", guild: "g", channel: "#x" });
    expect(failed).toContain("This interaction failed");
    expect(failed).toMatch(/hint: .*3 s/);
    const rl = plain({ t: "rate_limited", retry_after: 1.5 });
    expect(rl).toContain("429");
    expect(rl).toContain("retry after 1.5s");
    expect(rl).toContain("hint:");
    expect(plain({ t: "rejected", reason: "season must be at least 1" })).toContain("season must be at least 1");
  });

  it("shows errors in red", () => {
    const out = renderEvent({ t: "error", message: "unknown verb 'frobnicate'", line: 4 }, { color: true });
    expect(out).toContain(`${ESC}[31m`);
    expect(stripAnsi(out)).toContain("unknown verb 'frobnicate'");
    expect(stripAnsi(out)).toContain("line 4");
  });

  it("highlights who a message would ping", () => {
    const out = plain(reply({ mentions: { everyone: true, users: ["111"], roles: ["222"] } }));
    expect(out).toContain("pings: @everyone @111 @&222");
    expect(plain(reply())).not.toContain("pings:");
  });

  it("shows mentioned channels, people and roles by name, as Discord does, and unknown ids as ids", () => {
    const names = {
      user: (id: string) => ({ "111": "bob" })[id],
      channel: (id: string) => ({ "333": "general" })[id],
      role: (id: string) => ({ "222": "Movie Night" })[id],
    };
    const e = reply({
      content: "Board in <#333>, hosted by <@111> for <@&222>; see <#999>",
      mentions: { everyone: false, users: ["111"], roles: ["222"] },
    });
    const out = renderEvent(e as SandboxEvent, { color: false, names });
    expect(out).toContain("Board in #general, hosted by @bob for @Movie Night; see #999");
    expect(out).toContain("pings: @bob @Movie Night");
    // Without names (or when a lookup throws) the ids are shown.
    expect(plain(e)).toContain("Board in #333, hosted by @111 for @&222");
    const broken = {
      user: () => {
        throw new Error("gone");
      },
      channel: () => undefined,
      role: () => undefined,
    };
    expect(renderEvent(e as SandboxEvent, { color: false, names: broken })).toContain("hosted by @111");
  });

  it("words relative timestamps from the sandbox clock, as Discord does", () => {
    const now = Date.UTC(2026, 10, 26, 12);
    const at = (ms: number) => reply({ content: `starts <t:${Math.floor((now + ms) / 1000)}:R>` });
    const render = (ms: number) => renderEvent(at(ms) as SandboxEvent, { color: false, now: () => now });
    expect(render(26 * 3_600_000)).toContain("starts tomorrow");
    expect(render(3 * 86_400_000)).toContain("starts in 3 days");
    expect(render(-2 * 3_600_000)).toContain("starts 2 hours ago");
    expect(render(30_000)).toContain("starts in 30 seconds");
    // At a unit's edge the larger unit takes over, never "in 60 minutes" or "in 24 hours".
    expect(render(59 * 60_000 + 50_000)).toContain("starts in 1 hour");
    expect(render(23.9 * 3_600_000)).toContain("starts tomorrow");
    expect(render(29.9 * 86_400_000)).toContain("starts next month");
    expect(render(364 * 86_400_000)).toContain("starts next year");
  });

  it("renders DMs, deletions and show", () => {
    expect(plain({ t: "dm", to: "bob", content: "S2E1 airs tonight" })).toMatch(/DM · to bob[\s\S]*S2E1 airs tonight/);
    expect(plain({ t: "message_delete", guild: "g", channel: "#c", id: "77" })).toContain("id 77");
    const show = plain({
      t: "show",
      guild: "movie-club",
      channel: "#general",
      messages: [
        { id: "1", content: "first" },
        { id: "2", embeds: [{ title: "second" }], mentions: { everyone: false, users: [], roles: [] } },
      ],
    });
    expect(show).toContain("movie-club #general · 2 messages");
    expect(show.indexOf("first")).toBeLessThan(show.indexOf("second"));
    expect(plain({ t: "show", channel: "dm", messages: [] })).toContain("(no messages)");
  });

  it("never crashes on missing or odd fields", () => {
    const circular: Record<string, unknown> = { t: "mystery" };
    circular.self = circular;
    const weird: unknown[] = [
      null,
      undefined,
      42,
      "reply",
      [],
      {},
      { t: 5 },
      { t: "reply" },
      { t: "reply", content: null, embeds: null, components: null, mentions: null },
      {
        t: "followup",
        content: 12,
        embeds: [null, 3, { fields: "x", footer: 3, color: "red", title: { nope: 1 } }, { fields: [null, { inline: true }] }],
        components: [null, "x", { type: 1, components: [null, { type: 2 }, { type: 3, options: [null, 4] }] }, { type: 99 }],
        mentions: { users: "x", roles: [null, {}] },
      },
      { t: "autocomplete", choices: [null, 1, { name: 2 }] },
      { t: "show", messages: "nope" },
      { t: "show", messages: [null, "text", { components: {} }] },
      { t: "discord_error" },
      { t: "rate_limited", retry_after: "soon" },
      { t: "error" },
      { t: "reply", content: "bad \x1b[31mescape\x07 and \u0000 control" },
      circular,
    ];
    for (const e of weird) {
      const out = renderEvent(e as SandboxEvent, { color: false, width: 5 });
      expect(typeof out).toBe("string");
      expect(out).not.toContain(ESC);
      expect(typeof renderEvent(e as SandboxEvent, { color: true, width: Number.NaN })).toBe("string");
    }
  });

  it("writes no escape codes at all without colour (NO_COLOR or color: false)", () => {
    vi.stubEnv("NO_COLOR", "1");
    vi.stubEnv("FORCE_COLOR", "1");
    const events: SandboxEvent[] = [
      reply({ ephemeral: true, mentions: { everyone: true, users: ["1"], roles: [] } }),
      { t: "error", line: 3, message: "boom" },
      { t: "discord_error", status: 400, code: 50035, message: "Invalid Form Body", method: "POST", route: "/channels/1/messages" },
      {
        t: "autocomplete",
        user: "alice",
        channel: "#general",
        interaction_id: "9",
        source: "/ep",
        option: "show",
        value: "b",
        choices: [{ name: "a", value: "b" }],
      },
    ];
    for (const e of events) {
      expect(renderEvent(e)).not.toContain(ESC);
      expect(renderEvent(e, { color: false })).not.toContain(ESC);
    }
    // explicit colour still wins, and the embed bar takes the embed's colour
    expect(renderEvent(reply(), { color: true })).toContain(`${ESC}[38;2;229;160;13m│`);
  });

  it("shows a web call's function and its result as JSON, and a restart", () => {
    const web = plain({
      t: "web",
      user: "alice",
      function: "watchlist:getMediaState",
      kind: "query",
      args: { tmdbId: 1399 },
      result: { status: "watching" },
      line: 2,
    });
    expect(web).toContain("web app · alice · watchlist:getMediaState (query)");
    expect(web).toContain('"status": "watching"');
    expect(plain({ t: "restart", what: "bot", shards: 2 })).toContain("the bot process stopped and started again (2 shards)");
    expect(
      plain({
        t: "followup_edit",
        user: "alice",
        channel: "#general",
        interaction_id: "1",
        source: "/ep",
        id: "5",
        content: "edited",
        embeds: [],
        components: [],
        ephemeral: false,
        mentions: { everyone: false, users: [], roles: [] },
      }),
    ).toMatch(/^── follow-up edited/);
  });

  it("explains a 30046 as the old-message edit limit", () => {
    const out = plain({
      t: "rate_limited",
      method: "PATCH",
      route: "/channels/1/messages/2",
      bucket: "b",
      retry_after: 12.5,
      global: false,
      scope: "user",
      code: 30046,
    });
    expect(out).toContain("Rate limited (429, code 30046): retry after 12.5s");
    expect(out).toContain("older than an hour");
  });

  it("keeps lines within the width, styles included", () => {
    const long = "word ".repeat(60) + "https://example.com/" + "x".repeat(120);
    for (const color of [false, true]) {
      const out = renderEvent(
        {
          t: "message",
          id: "1",
          channel: "#general",
          ephemeral: false,
          mentions: { everyone: false, users: [], roles: [] },
          components: [],
          content: `**${long}**`,
          embeds: [{ description: long, fields: [{ name: "n", value: long }] }],
        },
        { color, width: 40 },
      );
      for (const l of out.split("\n")) expect(stripAnsi(l).length).toBeLessThanOrEqual(40);
    }
  });

  it("collects clickable button labels and select options", () => {
    expect(buttonLabels(reply())).toEqual(["Mark S1E4", "Undo"]);
    expect(selectOptionLabels(reply())).toEqual(["Season 1", "Season 2"]);
    expect(buttonLabels({ t: "show", messages: [{ components: [buttonsRow] }] })).toEqual(["Mark S1E4", "Undo"]);
    expect(buttonLabels(null)).toEqual([]);
  });
});
