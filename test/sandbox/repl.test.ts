import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { completeLine, helpText, runRepl, type SandboxSession } from "../../sandbox/repl.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class FakeSession implements SandboxSession {
  executed: string[] = [];
  closed = 0;
  user = "nobody";
  where = "dm";
  running = 0;
  maxRunning = 0;
  completionsThrow = false;
  private listeners = new Set<(e: SandboxEvent) => void>();

  emit(e: SandboxEvent) {
    for (const l of this.listeners) l(e);
  }

  async execute(line: string): Promise<void> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await sleep(line.startsWith("/slow") ? 30 : 1);
      this.executed.push(line);
      const [verb, ...rest] = line.split(" ");
      if (verb === "as") this.user = rest.join(" ");
      else if (verb === "in") this.where = rest.join(" ");
      else if (verb === "/ep") {
        this.emit({
          t: "reply",
          id: "1",
          interaction_id: "2",
          source: "/ep",
          embeds: [],
          user: this.user,
          channel: "#general",
          guild: "movie-club",
          ephemeral: true,
          content: "Marked **S1E3** watched",
          components: [{ type: 1, components: [{ type: 2, style: 1, label: "Mark S1E4", custom_id: "next" }] }],
          mentions: { everyone: false, users: [], roles: [] },
        });
      } else if (verb === "reported") {
        this.emit({ t: "error", message: "already reported", line: 1 });
        throw new Error("already reported");
      } else if (verb === "bad") throw new Error(`unknown verb '${verb}'`);
    } finally {
      this.running--;
    }
  }

  onEvent(listener: (e: SandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  completions() {
    if (this.completionsThrow) throw new Error("not ready");
    return {
      commands: [
        { name: "ep", options: ["show", "season", "episode"] },
        { name: "track", options: ["title"] },
        {
          name: "list",
          options: [],
          subcommands: [
            { name: "add", options: ["title", "note"] },
            { name: "remove", options: ["title"] },
          ],
        },
      ],
      users: ["alice", "alex", "bob"],
      channels: ["movie-club #general", "movie-club #watch-party", "film-nerds #general"],
    };
  }

  prompt(): string {
    return `${this.user} @ ${this.where}`;
  }

  async close(): Promise<void> {
    this.closed++;
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ff-repl-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function streams(tty = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  if (tty) {
    Object.assign(input, { isTTY: true });
    Object.assign(output, { isTTY: true, columns: 100 });
  }
  let text = "";
  output.on("data", (d: Buffer) => (text += d.toString("utf8")));
  return { input, output, text: () => text };
}

async function run(lines: string[], session = new FakeSession(), historyFile = join(dir, "history")) {
  const s = streams();
  const done = runRepl(session, { input: s.input, output: s.output, historyFile, color: false });
  s.input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return { session, out: s.text() };
}

describe("runRepl", () => {
  it("executes lines in order, one at a time, printing events as they arrive", async () => {
    const { session, out } = await run(["as alice", "in movie-club #general", "# a comment", "", "/slow thing", "/ep 1399 1 3", "wait 2h"]);
    expect(session.executed).toEqual(["as alice", "in movie-club #general", "/slow thing", "/ep 1399 1 3", "wait 2h"]);
    expect(session.maxRunning).toBe(1);
    // without a terminal the output is a transcript: prompt + line, then what it produced
    expect(out).toContain("nobody @ dm › as alice\n");
    expect(out).toMatch(/alice @ movie-club #general › \/ep 1399 1 3\n── reply/);
    expect(out).toContain("(only you can see this)");
    expect(out).toContain("Marked S1E3 watched");
    expect(out).toContain("[ Mark S1E4 ]");
    expect(out).not.toContain("\x1b");
    expect(session.closed).toBe(1);
  });

  it("shows help without sending it to the session", async () => {
    const session = new FakeSession();
    const { out } = await run(["help"], session);
    expect(session.executed).toEqual([]);
    for (const verb of [
      "as NAME",
      "in GUILD #CHANNEL",
      "/cmd",
      "autocomplete",
      'click "LABEL"',
      "select",
      "wait DURATION",
      "show",
      "web MODULE:FUNCTION",
      "restart bot",
      "quit",
    ]) {
      expect(out).toContain(verb);
    }
    expect(out).toContain('click "Mark S1E4"');
    expect(out).toContain("/ep /track /list");
    expect(helpText()).toContain("wait 2h");
  });

  it("lays help out in two lines per verb on a narrow terminal, one row on a wide one", () => {
    const narrow = helpText(undefined, false, 80);
    expect(narrow).toContain("  as NAME\n      act as a Discord user (created on first use) (e.g. as alice)");
    const wide = helpText(undefined, false, 400);
    expect(wide.split("\n").find((l) => l.includes("as NAME"))).toMatch(/as NAME\s+act as a Discord user.*e\.g\. as alice/);
  });

  it("advertises only verbs that work and commands that are registered", () => {
    const help = helpText();
    expect(help).toMatch(/^\s*link \| link switch\b/m);
    expect(help).not.toContain("/track");
    expect(help).toContain("autocomplete /ep show:break");
    const registered = {
      ...new FakeSession(),
      completions: () => ({
        commands: [
          { name: "ep", options: ["show"] },
          { name: "watch", options: [] },
        ],
        users: [],
        channels: [],
      }),
    };
    expect(helpText(registered as unknown as SandboxSession)).toContain("Commands: /ep /watch");
  });

  it("prints a failing line's error and carries on", async () => {
    const { session, out } = await run(["bad line", "as bob", "reported twice", "as carol"]);
    expect(session.executed).toEqual(["bad line", "as bob", "reported twice", "as carol"]);
    expect(out).toContain("✖ unknown verb 'bad'");
    expect(out.split("already reported").length - 1).toBe(1); // event shown, thrown copy not repeated
    expect(out).toContain("bob @ dm › reported twice\n");
    expect(session.closed).toBe(1);
  });

  it("stops at quit and closes the session once", async () => {
    const { session } = await run(["as alice", "quit", "as bob"]);
    expect(session.executed).toEqual(["as alice"]);
    expect(session.closed).toBe(1);
    const again = await run(["exit"]);
    expect(again.session.closed).toBe(1);
  });

  it("stops listening to events once closed", async () => {
    const session = new FakeSession();
    const s = streams();
    const done = runRepl(session, { input: s.input, output: s.output, historyFile: "", color: false });
    s.input.end("quit\n");
    await done;
    const before = s.text();
    session.emit({
      t: "message",
      id: "3",
      channel: "#general",
      content: "late",
      embeds: [],
      components: [],
      ephemeral: false,
      mentions: { everyone: false, users: [], roles: [] },
    });
    expect(s.text()).toBe(before);
  });

  it("appends to the history file, keeping the last 500 lines", async () => {
    const file = join(dir, "history");
    writeFileSync(file, Array.from({ length: 499 }, (_, i) => `wait ${i}s`).join("\n") + "\n");
    await run(["as alice", "as alice", "show #general"], new FakeSession(), file);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(500);
    expect(lines.slice(-2)).toEqual(["as alice", "show #general"]);
    expect(lines[0]).toBe("wait 1s");
  });

  it("survives a missing or unwritable history file", async () => {
    const { session } = await run(["as alice"], new FakeSession(), join(dir, "no", "such", "dir", "history"));
    expect(session.executed).toEqual(["as alice"]);
    const onDir = await run(["as bob"], new FakeSession(), dir); // a directory: unreadable and unwritable
    expect(onDir.session.executed).toEqual(["as bob"]);
  });

  it("in a terminal: recalls history, completes button labels from rendered events, Ctrl-C quits", async () => {
    const file = join(dir, "history");
    writeFileSync(file, "as bob\n");
    const session = new FakeSession();
    const s = streams(true);
    const done = runRepl(session, { input: s.input, output: s.output, historyFile: file, color: false });
    const executedCount = async (n: number) => {
      for (let i = 0; i < 500 && session.executed.length < n; i++) await sleep(5);
    };
    s.input.write("\x1b[A\r"); // up arrow: last line of the loaded history
    await executedCount(1);
    s.input.write("/ep 1399 1 3\r");
    await executedCount(2); // its reply (with the button) has been rendered
    s.input.write('click "Ma');
    s.input.write("\t");
    s.input.write("\r");
    await executedCount(3);
    s.input.write("\x03"); // Ctrl-C on an empty line
    await done;
    expect(s.text()).toContain("bob @ dm › ");
    expect(session.executed).toEqual(["as bob", "/ep 1399 1 3", 'click "Mark S1E4"']);
    expect(session.closed).toBe(1);
    expect(readFileSync(file, "utf8").trim().split("\n")).toEqual(["as bob", "/ep 1399 1 3", 'click "Mark S1E4"']);
  });
});

describe("completeLine", () => {
  const session = new FakeSession();
  const c = (line: string, labels: string[] = [], options?: string[]) => completeLine(line, session, labels, options);

  it("completes verbs and command names at the start of a line", () => {
    const [all, frag] = c("");
    expect(frag).toBe("");
    expect(all).toEqual(
      expect.arrayContaining([
        "as",
        "in",
        "autocomplete",
        "click",
        "select",
        "wait",
        "show",
        "web",
        "restart",
        "help",
        "quit",
        "exit",
        "/ep",
        "/track",
        "/list",
      ]),
    );
    expect(all).toEqual(expect.arrayContaining(["link", "clerk"]));
    expect(c("a")).toEqual([["as", "autocomplete"], "a"]);
    expect(c("/")).toEqual([["/ep", "/track", "/list"], "/"]);
    expect(c("/t")).toEqual([["/track"], "/t"]);
    expect(c("qu")).toEqual([["quit"], "qu"]);
  });

  it("completes user names after as", () => {
    expect(c("as al")).toEqual([["alice", "alex"], "al"]);
    expect(c("as ")).toEqual([["alice", "alex", "bob"], ""]);
    expect(c("as alice ")).toEqual([[], ""]);
  });

  it("completes guilds and #channels after in, and channels after show", () => {
    expect(c("in ")).toEqual([["dm", "movie-club", "film-nerds"], ""]);
    expect(c("in movie-club ")).toEqual([["#general", "#watch-party"], ""]);
    expect(c("in movie-club #w")).toEqual([["#watch-party"], "#w"]);
    expect(c("in film-nerds #")).toEqual([["#general"], "#"]);
    expect(c("show #")).toEqual([["#general", "#watch-party"], "#"]);
    expect(c("show d")).toEqual([["dm"], "d"]);
  });

  it("completes subcommands and opt: names, skipping options already given", () => {
    expect(c("/ep ")).toEqual([["show:", "season:", "episode:"], ""]);
    expect(c("/ep se")).toEqual([["season:"], "se"]);
    expect(c("/ep season:1 ")).toEqual([["show:", "episode:"], ""]);
    expect(c("/ep season:")).toEqual([[], "season:"]);
    expect(c("/list ")).toEqual([["add", "remove"], ""]);
    expect(c("/list a")).toEqual([["add"], "a"]);
    expect(c("/list add ")).toEqual([["title:", "note:"], ""]);
    expect(c('/list add title:"The Wire" ')).toEqual([["note:"], ""]);
    expect(c("/nope ")).toEqual([[], ""]);
    expect(c("autocomplete /t")).toEqual([["/track"], "/t"]);
    expect(c("autocomplete /track ")).toEqual([["title:"], ""]);
    expect(c("autocomplete /list remove t")).toEqual([["title:"], "t"]);
  });

  it("completes quoted button labels after click and option labels after select", () => {
    const labels = ["Mark S1E4", "Mark all", "Undo"];
    expect(c("click ", labels)).toEqual([['"Mark S1E4"', '"Mark all"', '"Undo"'], ""]);
    expect(c('click "Ma', labels)).toEqual([['"Mark S1E4"', '"Mark all"'], '"Ma']);
    expect(c('click "Mark S', labels)).toEqual([['"Mark S1E4"'], '"Mark S']);
    expect(c('select "S', labels, ["Season 1", "Season 2"])).toEqual([['"Season 1"', '"Season 2"'], '"S']);
    expect(c("wait 1")).toEqual([["10s", "15m", "1h", "1d"], "1"]);
  });

  it("returns no candidates rather than throwing when completions fail", () => {
    const broken = new FakeSession();
    broken.completionsThrow = true;
    expect(completeLine("as a", broken, [])).toEqual([[], "a"]);
    expect(completeLine("cli", broken, [])).toEqual([["click"], "cli"]);
  });
});
