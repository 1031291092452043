import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ff-sandbox-"));

function sandbox(args: string[], script: string) {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, ["--import", "tsx", "sandbox/main.ts", ...args, "--script", file, "--json"], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const events = result.stdout
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, any>);
  return { status: result.status, events, stderr: result.stderr };
}

/** `npm run sandbox` at the interactive prompt, fed `input` on stdin (a transcript comes back). */
function prompt(input: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", HOME: dir },
  });
}

describe("npm run sandbox -- --script FILE --json", () => {
  it("prints one JSON event per line for the design's example script and exits 0", () => {
    const { status, events } = sandbox(
      [],
      `as alice\nin movie-club #general\n/ep 1399 1 3\nautocomplete /ep show:thrones\nclick "Mark S1E4"\n`,
    );
    expect(status).toBe(0);
    expect(events.map((e) => e.t)).toEqual(["reply", "autocomplete", "reply_edit"]);
    expect(JSON.stringify(events[2])).toContain("Cripples, Bastards, and Broken Things");
  });

  it("exits non-zero naming a malformed line, before running anything", () => {
    const { status, events, stderr } = sandbox([], `as alice\nin movie-club #general\nfrobnicate the bot\n/ep 1399 1 3\n`);
    expect(status).not.toBe(0);
    expect(events).toEqual([expect.objectContaining({ t: "error", line: 3 })]);
    expect(stderr).toContain("line 3");
  });

  it("exits non-zero when a line fails while running", () => {
    const { status, events } = sandbox([], `/ep 1399 1 3\n`);
    expect(status).toBe(1);
    expect(events.at(-1)).toMatchObject({ t: "error", line: 1 });
  });

  it("preloads a populated server with --demo", () => {
    const { status, events } = sandbox(
      ["--demo"],
      `as bob\nin movie-club #general\n/watch list\nas carol\nin movie-club #general\n/watch list user:alice\n`,
    );
    expect(status).toBe(0);
    const [bobs, alices] = events.filter((e) => e.t === "reply");
    expect(JSON.stringify(bobs)).toContain("Chernobyl");
    expect(JSON.stringify(alices)).toContain("Game of Thrones");
  });

  it("runs the interactive prompt on piped input and renders replies readably", () => {
    const result = prompt("as alice\nin movie-club #general\n/ep 1399 1 3\nquit\n");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("alice @ movie-club #general › /ep 1399 1 3");
    expect(result.stdout).toContain("✅ Watched S1E3 · Lord Snow");
    expect(result.stdout).toContain("[ Mark S1E4 ]");
  });

  it("shows channel mentions by name and session times relative to the sandbox clock, as Discord would", () => {
    const result = prompt('/party start show:1399\n/party schedule when:"in 72h" zone:Europe/Berlin\nquit\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/It will appear in\s+#general/);
    expect(result.stdout).toMatch(/\(in 3 days\)/);
  });
});

describe("the interactive prompt for a newcomer", () => {
  it("starts as alice in movie-club #general, so the first example works as typed", () => {
    const result = prompt("/ep 1399 1 3\nquit\n");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("You are alice in movie-club #general: try /ep 1399 1 3.");
    expect(result.stdout).toContain("alice @ movie-club #general › /ep 1399 1 3");
    expect(result.stdout).toContain("✅ Watched S1E3 · Lord Snow");
  });

  it("answers a wait of centuries with a script error naming the line, not a crash", () => {
    const { status, events } = sandbox([], `as alice\nin movie-club #general\nwait 99999d\n`);
    expect(status).not.toBe(0);
    expect(events).toEqual([expect.objectContaining({ t: "error", line: 3, message: expect.stringContaining("too long") })]);
  });
});

describe("npm start without configuration", () => {
  it("names what is missing and points to the sandbox", () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|CONVEX_|BOT_API|TMDB_)/.test(k)));
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/start.ts"], { encoding: "utf8", timeout: 30_000, env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DISCORD_TOKEN");
    expect(result.stderr).toContain("npm run sandbox");
  });
});
