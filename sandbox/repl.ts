// The interactive prompt of `npm run sandbox`: a node:readline loop over an abstract
// SandboxSession (the Discord sandbox + script line executor), printing every event it emits
// through renderEvent, with persistent history and tab completion.

import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import * as readline from "node:readline";
import { buttonLabels, defaultColor, renderEvent, selectOptionLabels, type MentionNames } from "./render.ts";
import type { SandboxEvent } from "./events.ts";

export type { SandboxEvent } from "./events.ts";

export interface SandboxCompletions {
  commands: { name: string; options: string[]; subcommands?: { name: string; options: string[] }[] }[];
  users: string[];
  /** "#general", or "guild #general" when the guild is known. */
  channels: string[];
}

export interface SandboxSession {
  /** Runs one script line; throws an Error with a message on a bad line. */
  execute(line: string): Promise<void>;
  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (event: SandboxEvent) => void): () => void;
  /** Names for tab completion. */
  completions(): SandboxCompletions;
  /** Where the acting user is, e.g. "alice @ movie-club #general". */
  prompt(): string;
  /** Names for mentions in rendered messages (`<#id>` as `#general`). */
  mentionNames?(): MentionNames;
  /** The sandbox clock, for relative timestamps ("in 2 days"). */
  now?(): number;
  close(): Promise<void>;
}

export interface ReplIo {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** History file; default ~/.film-fanatic-sandbox-history; "" keeps history in memory only. */
  historyFile?: string;
  /** ANSI colour; default: output is a TTY and NO_COLOR is unset. */
  color?: boolean;
}

export const DEFAULT_HISTORY_FILE = join(homedir(), ".film-fanatic-sandbox-history");
export const HISTORY_MAX = 500;

export const VERBS = [
  "as",
  "in",
  "autocomplete",
  "click",
  "select",
  "wait",
  "show",
  "web",
  "link",
  "clerk",
  "restart",
  "dms",
  "revoke",
  "grant",
  "vote",
  "delete",
  "convex",
  "tmdb",
  "help",
  "quit",
  "exit",
];

const WAIT_SUGGESTIONS = ["500ms", "10s", "30s", "5m", "15m", "1h", "2h", "6h", "1d", "3d", "7d"];
const MAX_REMEMBERED_LABELS = 50;

// ---------------------------------------------------------------------------------------
// Help

const HELP: [string, string, string][] = [
  ["as NAME", "act as a Discord user (created on first use)", "as alice"],
  ["in GUILD #CHANNEL | in dm", "act in a server channel, or in a DM with the bot", "in movie-club #general"],
  ["/cmd [sub] [opt:value …]", "run a slash command (bare values fill options in order)", "/ep 1399 1 3"],
  ["autocomplete /cmd opt:part", "list the suggestions the bot offers for an option", "autocomplete /ep show:break"],
  ['click "LABEL"', "press a button on the newest bot message here", 'click "Mark S1E4"'],
  ['select "OPTION"', "pick an option in the newest select menu here", 'select "Season 2"'],
  ["wait DURATION", "move the sandbox clock forward (ms, s, m, h, d; up to 5 years); due jobs run", "wait 2h"],
  ["show #CHANNEL | show dm", "print the messages there now", "show #general"],
  [
    "web MODULE:FUNCTION [key:value …]",
    "call the web app's API (watchlist:*, users:*) as the acting user",
    "web watchlist:getMediaState tmdbId:1399 mediaType:tv",
  ],
  ["link | link switch", "link the acting user's Film Fanatic account: /link, the link page, the sandbox sign-in", "link"],
  [
    "clerk signup NAME [discord] | clerk delete NAME",
    "a Clerk sign-up (with Discord: linked automatically) or deletion, as a signed webhook",
    "clerk signup erin discord",
  ],
  ["restart bot", "stop the bot process and start it again", "restart bot"],
  [
    "convex slow DURATION | down | hang | drop [N] | up",
    "make Convex slow, unreachable or silent, or lose the next write's answer after applying it",
    "convex down",
  ],
  ["tmdb slow DURATION | down | up", "make TMDB slow or unreachable", "tmdb down"],
  ["dms closed | dms open", "the acting user's DMs refuse the bot (50007), or accept it again", "dms closed"],
  ["revoke #CHANNEL", "take the bot's permission to see and post in a channel here", "revoke #general"],
  ["grant create-events", "give the bot Create Events in this server (revoke create-events takes it away)", "grant create-events"],
  ['vote "ANSWER"', "vote in the newest poll here that has this answer", 'vote "Fri 27 Nov 21:00"'],
  ["delete #CHANNEL", "delete a channel here and its messages", "delete #general"],
  ["delete message board", "delete the bot's newest post here (a board, a share)", "delete message board"],
  ["help", "this list", "help"],
  ["quit | exit", "close the sandbox (also Ctrl-C on an empty line, Ctrl-D)", "quit"],
];

export function helpText(session?: SandboxSession, color = false, width = Number.POSITIVE_INFINITY): string {
  const b = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const d = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const w0 = Math.max(...HELP.map((h) => h[0].length));
  const w1 = Math.max(...HELP.map((h) => h[1].length));
  const widest = Math.max(...HELP.map((h) => 2 + w0 + 2 + w1 + 2 + `e.g. ${h[2]}`.length));
  const lines = [b("Sandbox script verbs") + d(" (one per line; # starts a comment; Tab completes; docs/sandbox.md has the details)")];
  for (const [syntax, what, example] of HELP) {
    // One row per verb when the terminal is wide enough; otherwise the syntax, then what it does.
    if (widest <= width) lines.push(`  ${b(syntax.padEnd(w0))}  ${what.padEnd(w1)}  ${d(`e.g. ${example}`)}`);
    else lines.push(`  ${b(syntax)}`, `      ${what} ${d(`(e.g. ${example})`)}`);
  }
  if (session) {
    const names = safeCompletions(session).commands.map((c) => `/${c.name}`);
    if (names.length > 0) lines.push(`${b("Commands:")} ${names.join(" ")}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------
// Completion

function safeCompletions(session: SandboxSession): SandboxCompletions {
  let c: Partial<SandboxCompletions> | undefined;
  try {
    c = session.completions();
  } catch {
    c = undefined;
  }
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  const commands = (Array.isArray(c?.commands) ? c.commands : [])
    .filter((cmd) => cmd && typeof cmd.name === "string")
    .map((cmd) => ({
      name: cmd.name.replace(/^\//, ""),
      options: strings(cmd.options),
      subcommands: (Array.isArray(cmd.subcommands) ? cmd.subcommands : [])
        .filter((s) => s && typeof s.name === "string")
        .map((s) => ({ name: s.name, options: strings(s.options) })),
    }));
  return { commands, users: strings(c?.users), channels: strings(c?.channels) };
}

/** Split the text before the cursor into finished words and the fragment being typed. */
function splitForCompletion(line: string): { words: string[]; fragment: string } {
  const words: string[] = [];
  let cur = "";
  let started = false;
  let inQuote = false;
  for (const ch of line) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && /\s/.test(ch)) {
      if (started) words.push(cur);
      cur = "";
      started = false;
      continue;
    }
    cur += ch;
    started = true;
  }
  return { words, fragment: cur };
}

function parseChannels(channels: string[]): { guild?: string; name: string }[] {
  return channels.map((c) => {
    const m = /^(.*\S)\s+(#\S.*)$/.exec(c.trim());
    if (m) return { guild: m[1]!, name: m[2]! };
    const t = c.trim();
    return { name: t === "dm" || t.startsWith("#") ? t : `#${t}` };
  });
}

const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;

function commandCandidates(words: string[], fragment: string, commands: SandboxCompletions["commands"]): string[] {
  const name = (words[0] ?? "").replace(/^\//, "").toLowerCase();
  const cmd = commands.find((c) => c.name.toLowerCase() === name);
  if (!cmd || fragment.includes(":")) return [];
  const rest = words.slice(1);
  const subs = cmd.subcommands ?? [];
  const sub = subs.find((s) => s.name === rest[0]);
  const used = new Set(rest.filter((w) => w.includes(":")).map((w) => w.slice(0, w.indexOf(":"))));
  const opts = (list: string[]) => list.filter((o) => !used.has(o)).map((o) => `${o}:`);
  if (subs.length > 0 && !sub) {
    return rest.length === 0 ? [...subs.map((s) => s.name), ...opts(cmd.options)] : opts(cmd.options);
  }
  return opts((sub ?? cmd).options);
}

/**
 * readline completer: candidates for the fragment at the end of `line` (the text before the
 * cursor), and that fragment. `lastLabels` are button labels seen lately (for `click "`),
 * `lastOptions` select-menu option labels (for `select "`; defaults to `lastLabels`).
 */
export function completeLine(
  line: string,
  session: SandboxSession,
  lastLabels: string[],
  lastOptions: string[] = lastLabels,
): [string[], string] {
  const { words, fragment } = splitForCompletion(line);
  const done = (cands: string[]): [string[], string] => {
    const seen = new Set<string>();
    const hits = cands.filter((c) => c.startsWith(fragment) && !seen.has(c) && (seen.add(c), true));
    return [hits, fragment];
  };
  try {
    const comp = safeCompletions(session);
    const slashNames = comp.commands.map((c) => `/${c.name}`);
    const channels = parseChannels(comp.channels);
    const channelNames = channels.map((c) => c.name).filter((n) => n !== "dm");

    if (words.length === 0) {
      return done(fragment.startsWith("/") ? slashNames : [...VERBS, ...slashNames]);
    }
    const verb = words[0]!;
    const n = words.length;
    switch (verb.toLowerCase()) {
      case "as":
        return done(n === 1 ? comp.users : []);
      case "in": {
        if (n === 1) {
          if (fragment.startsWith("#")) return done(channelNames);
          return done(["dm", ...channels.flatMap((c) => (c.guild ? [c.guild] : []))]);
        }
        if (n === 2 && words[1] !== "dm") {
          const inGuild = channels.filter((c) => c.guild === words[1]).map((c) => c.name);
          return done(inGuild.length > 0 ? inGuild : channels.filter((c) => !c.guild).map((c) => c.name));
        }
        return done([]);
      }
      case "show":
        return done(n === 1 ? ["dm", ...channelNames] : []);
      case "click":
        return done(n === 1 ? lastLabels.map(quote) : []);
      case "select":
        return done(n === 1 ? lastOptions.map(quote) : []);
      case "wait":
        return done(n === 1 ? WAIT_SUGGESTIONS : []);
      case "restart":
        return done(n === 1 ? ["bot"] : []);
      case "convex":
        return done(n === 1 ? ["slow", "down", "hang", "drop", "up"] : n === 2 && words[1] === "slow" ? ["2s", "5s", "10s"] : []);
      case "tmdb":
        return done(n === 1 ? ["slow", "down", "up"] : n === 2 && words[1] === "slow" ? ["1s", "3s", "10s"] : []);
      case "dms":
        return done(n === 1 ? ["closed", "open"] : []);
      case "revoke":
        return done(n === 1 ? [...channelNames, "create-events"] : []);
      case "grant":
        return done(n === 1 ? ["create-events"] : []);
      case "delete":
        return done(n === 1 ? ["message", ...channelNames] : n === 2 && words[1] === "message" ? ["board"] : []);
      case "autocomplete":
        if (n === 1) return done(slashNames);
        return done(commandCandidates(words.slice(1), fragment, comp.commands));
      default:
        if (verb.startsWith("/")) return done(commandCandidates(words, fragment, comp.commands));
        return done([]);
    }
  } catch {
    return [[], fragment];
  }
}

// ---------------------------------------------------------------------------------------
// History

function loadHistory(file: string): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .slice(-HISTORY_MAX);
  } catch {
    return [];
  }
}

function saveHistory(file: string, lines: string[]): boolean {
  if (!file) return true;
  try {
    writeFileSync(file, lines.slice(-HISTORY_MAX).join("\n") + "\n", { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// The loop

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

function mergeLabels(fresh: string[], old: string[]): string[] {
  return [...new Set([...fresh, ...old])].slice(0, MAX_REMEMBERED_LABELS);
}

/**
 * Run the interactive prompt until `quit`/`exit`, Ctrl-C on an empty line, or end of input;
 * then close the session. Lines are executed strictly in order, one at a time.
 */
export async function runRepl(session: SandboxSession, io: ReplIo = {}): Promise<void> {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stdout;
  const color = io.color ?? defaultColor(output);
  const historyFile = io.historyFile ?? DEFAULT_HISTORY_FILE;
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  const width = () => {
    const cols = (output as { columns?: number }).columns;
    return typeof cols === "number" && cols > 0 ? cols : 80;
  };
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const cyan = (s: string) => (color ? `\x1b[36m${s}\x1b[39m` : s);

  const history = loadHistory(historyFile);
  let historyWritable = true;
  const remember = (line: string) => {
    if (history[history.length - 1] !== line) history.push(line);
    if (history.length > HISTORY_MAX) history.splice(0, history.length - HISTORY_MAX);
    if (historyWritable) historyWritable = saveHistory(historyFile, history);
  };

  let labels: string[] = [];
  let options: string[] = [];

  const promptText = () => {
    let where = "";
    try {
      where = session.prompt();
    } catch {
      where = "";
    }
    return `${cyan(typeof where === "string" && where ? where : "sandbox")} › `;
  };

  const rl = readline.createInterface({
    input,
    output,
    terminal,
    prompt: promptText(),
    history: [...history].reverse(),
    historySize: HISTORY_MAX,
    removeHistoryDuplicates: true,
    completer: (line: string) => completeLine(line, session, labels, options),
  });

  let busy = false;
  let rlClosed = false;
  let stopping = false;
  let errorsThisLine: string[] = [];

  const write = (text: string) => {
    try {
      output.write(text.endsWith("\n") ? text : `${text}\n`);
    } catch {
      // output gone (EPIPE…): nothing sensible left to do with the text
    }
  };

  // Events may arrive while the user is typing (scheduled jobs, crons): print above the prompt.
  const print = (text: string) => {
    if (terminal && !busy && !rlClosed) {
      readline.clearLine(output, 0);
      readline.cursorTo(output, 0);
      write(text);
      rl.prompt(true);
    } else write(text);
  };

  const unsubscribe = session.onEvent((event) => {
    let text: string;
    try {
      text = renderEvent(event, {
        color,
        width: width(),
        names: session.mentionNames?.(),
        now: session.now ? () => session.now!() : undefined,
      });
      const b = buttonLabels(event);
      const o = selectOptionLabels(event);
      if (b.length > 0) labels = mergeLabels(b, labels);
      if (o.length > 0) options = mergeLabels(o, options);
      if (event && event.t === "error" && typeof event.message === "string") errorsThisLine.push(event.message);
    } catch (err) {
      text = red(`✖ could not render event: ${errorMessage(err)}`);
    }
    print(text);
  });

  const queue: string[] = [];
  let draining = false;
  let finished = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const onSigint = () => stop();
  const usesProcessSignal = !terminal && input === process.stdin;
  if (usesProcessSignal) process.on("SIGINT", onSigint);

  const finish = async () => {
    if (finished) return;
    finished = true;
    stopping = true;
    if (usesProcessSignal) process.removeListener("SIGINT", onSigint);
    if (!rlClosed) rl.close();
    unsubscribe();
    if (historyWritable) saveHistory(historyFile, history);
    try {
      await session.close();
    } catch (err) {
      write(red(`✖ closing the sandbox failed: ${errorMessage(err)}`));
    }
    resolveDone();
  };

  function stop() {
    stopping = true;
    queue.length = 0;
    if (!draining) void finish();
    else if (!rlClosed) rl.close();
  }

  const handle = async (raw: string) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    remember(line);
    // Without a terminal nothing echoes the input: print prompt + line so the output reads
    // as a transcript (`npm run sandbox < script.txt`).
    if (!terminal) write(`${promptText()}${line}`);
    const verb = (line.split(/\s+/)[0] ?? "").toLowerCase();
    if (verb === "quit" || verb === "exit" || verb === ".exit") {
      stop();
      return;
    }
    if (verb === "help" || verb === "?" || verb === ".help") {
      write(helpText(session, color, width()));
      return;
    }
    busy = true;
    errorsThisLine = [];
    try {
      await session.execute(line);
    } catch (err) {
      const msg = errorMessage(err);
      // The session may already have reported it as an `error` event: don't say it twice.
      if (!errorsThisLine.includes(msg)) write(red(`✖ ${msg}`));
    } finally {
      busy = false;
    }
  };

  const drain = async () => {
    if (draining || finished) return;
    draining = true;
    try {
      while (!stopping && queue.length > 0) await handle(queue.shift()!);
    } finally {
      draining = false;
    }
    if (stopping || rlClosed) {
      await finish();
      return;
    }
    if (terminal) {
      rl.setPrompt(promptText());
      rl.prompt();
    }
  };

  rl.on("line", (line: string) => {
    if (stopping) return;
    queue.push(line);
    void drain();
  });
  rl.on("close", () => {
    rlClosed = true;
    if (!draining) void finish();
  });
  rl.on("SIGINT", () => {
    if (rl.line.length > 0 && !busy) {
      // Like a shell: Ctrl-C abandons the line being typed; on an empty line it quits.
      write("^C");
      rl.write(null, { ctrl: true, name: "e" });
      rl.write(null, { ctrl: true, name: "u" });
      rl.prompt();
      return;
    }
    write("");
    stop();
  });

  if (terminal) {
    const banner = "Film Fanatic sandbox. Type help for the verbs, Tab to complete, quit to leave.";
    write(color ? `\x1b[2m${banner}\x1b[22m` : banner);
    rl.prompt();
  }
  return done;
}
