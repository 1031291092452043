// The interactive prompt of `npm run sandbox`: a node:readline loop over an abstract
// SandboxSession (the Discord sandbox + script line executor), printing every event it emits
// through renderEvent, with persistent history and tab completion.

import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import * as readline from "node:readline";
import { completeLine, helpText } from "./repl-completion.ts";
import type { SandboxSession } from "./repl-session.ts";
import { buttonLabels, defaultColor, renderEvent, selectOptionLabels } from "./render.ts";

export type { SandboxEvent } from "./events.ts";
export type { SandboxCompletions, SandboxSession } from "./repl-session.ts";
export { VERBS, completeLine, helpText } from "./repl-completion.ts";

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
const MAX_REMEMBERED_LABELS = 50;

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
