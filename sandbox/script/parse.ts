// The script language's parser (sandbox/script.ts documents the language and runs it):
// text to typed lines, with a ScriptError naming the line for anything malformed.
import { Locale } from "discord-api-types/v10";
import type { StackFault } from "../stack.ts";

const DISCORD_LOCALES: readonly string[] = Object.values(Locale);

// ---------------------------------------------------------------- types

export interface ScriptArg {
  /** Option name for `name:value`; absent for a bare value. */
  name?: string;
  value: string;
  /** The value was written in double quotes. */
  quoted: boolean;
}

interface LineBase {
  /** 1-based line number in the script text. */
  line: number;
  /** The line as written (comment stripped, trimmed). */
  text: string;
}

export type ScriptLine =
  | (LineBase & { kind: "as"; user: string; locale?: string })
  | (LineBase & { kind: "in"; guild: string; channel: string })
  | (LineBase & { kind: "in_dm" })
  | (LineBase & { kind: "command"; command: string; args: ScriptArg[] })
  | (LineBase & { kind: "autocomplete"; command: string; args: ScriptArg[] })
  | (LineBase & { kind: "click"; label: string })
  | (LineBase & { kind: "select"; label: string })
  | (LineBase & { kind: "wait"; ms: number; duration: string })
  | (LineBase & { kind: "web"; fn: string; args: Record<string, unknown> })
  | (LineBase & { kind: "restart"; what: "bot" })
  | (LineBase & { kind: "fault"; change: StackFault })
  | (LineBase & { kind: "link"; confirmSwitch: boolean })
  | (LineBase & { kind: "clerk"; action: "signup" | "delete"; name: string; discord: boolean })
  | (LineBase & { kind: "dms"; closed: boolean })
  | (LineBase & { kind: "attach"; path: string; size?: number })
  | (LineBase & { kind: "delete_channel"; channel: string })
  | (LineBase & { kind: "delete_message" })
  | (LineBase & { kind: "revoke"; channel: string })
  | (LineBase & { kind: "create_events"; granted: boolean })
  | (LineBase & { kind: "create_threads"; granted: boolean })
  | (LineBase & { kind: "vote"; answer: string })
  | (LineBase & { kind: "show"; channel: string })
  | (LineBase & { kind: "show_dm" });

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = "ScriptError";
  }
}

// ---------------------------------------------------------------- parsing

interface Token {
  raw: string;
  value: string;
  quoted: boolean;
}

/** Splits on whitespace outside double quotes; `\"` and `\\` escape inside quotes. */
function tokenize(s: string, lineNo: number): Token[] {
  const tokens: Token[] = [];
  let raw = "";
  let value = "";
  let quoted = false;
  let inQuote = false;
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (inQuote) {
      raw += ch;
      if (ch === "\\" && (s[i + 1] === '"' || s[i + 1] === "\\")) {
        value += s[i + 1];
        raw += s[i + 1];
        i++;
      } else if (ch === '"') inQuote = false;
      else value += ch;
    } else if (ch === '"') {
      raw += ch;
      inQuote = true;
      quoted = true;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) tokens.push({ raw, value, quoted });
      raw = "";
      value = "";
      quoted = false;
      has = false;
    } else {
      raw += ch;
      value += ch;
      has = true;
    }
  }
  if (inQuote) throw new ScriptError(lineNo, `unterminated double quote in ${JSON.stringify(s)}`);
  if (has) tokens.push({ raw, value, quoted });
  return tokens;
}

/** Removes a trailing ` # comment` (a `#` outside quotes preceded by whitespace and followed by whitespace or the end). */
function stripComment(line: string): string {
  const t = line.trim();
  if (t.startsWith("#")) return "";
  let inQuote = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === "\\" && inQuote) {
      i++;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (ch === "#" && !inQuote && /\s/.test(t[i - 1] ?? "") && (i + 1 === t.length || /\s/.test(t[i + 1]!))) {
      return t.slice(0, i).trim();
    }
  }
  return t;
}

const NAMED_RE = /^([A-Za-z_][\w-]*):/;

function parseArgs(tokens: Token[]): ScriptArg[] {
  return tokens.map((tok) => {
    const m = NAMED_RE.exec(tok.raw);
    if (m) {
      const rest = tok.raw.slice(m[0].length);
      const quoted = rest.includes('"');
      // The value is the token's value minus the "name:" prefix (quotes already removed).
      return { name: m[1]!, value: tok.value.slice(m[0].length), quoted };
    }
    return { value: tok.value, quoted: tok.quoted };
  });
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The longest `wait`: the sandbox clock moves through every due job, so years are plenty. */
export const MAX_WAIT_MS = 5 * 365 * 86_400_000;

/** Parses `500ms`, `10s`, `5m`, `2h`, `3d`, or sums like `1h30m`; null if malformed. */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s.length > 100 || !/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return null;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * UNIT_MS[m[2]!]!;
  return Math.round(total);
}

/** A `web` argument's value: JSON when it parses (numbers, booleans, arrays, objects, null) unless quoted, else the text. */
function webValue(arg: ScriptArg): unknown {
  if (arg.quoted) return arg.value;
  try {
    return JSON.parse(arg.value);
  } catch {
    return arg.value;
  }
}

function singleLabel(rest: string, lineNo: number, what: string): string {
  const r = rest.trim();
  if (!r) throw new ScriptError(lineNo, `${what} needs a label, e.g. ${what} "Mark watched"`);
  if (r.startsWith('"')) {
    const toks = tokenize(r, lineNo);
    if (toks.length !== 1 || !toks[0]!.raw.endsWith('"')) {
      throw new ScriptError(lineNo, `${what} takes one quoted label, e.g. ${what} "Mark watched"`);
    }
    return toks[0]!.value;
  }
  return r;
}

function unquote(s: string, lineNo: number): string {
  const t = s.trim();
  if (t.startsWith('"')) {
    const toks = tokenize(t, lineNo);
    if (toks.length === 1) return toks[0]!.value;
  }
  return t;
}

const KNOWN =
  "as, in, /command, autocomplete, click, select, wait, show, web, link, clerk, restart, dms, attach, delete, revoke, grant, vote, convex, tmdb";

/** The longest `convex slow` / `tmdb slow`: past a minute every call has long given up. */
const MAX_SLOW_MS = 60_000;

/** `convex slow 5s | down | hang | drop [N] | up`, `tmdb slow 3s | down | up`. */
function parseFault(target: "convex" | "tmdb", rest: string, text: string, lineNo: number): StackFault {
  const [what = "", arg, ...more] = rest.toLowerCase().split(/\s+/).filter(Boolean);
  const usage =
    target === "convex"
      ? `"convex slow 5s", "convex down", "convex hang", "convex drop [N]" or "convex up"`
      : `"tmdb slow 3s", "tmdb down" or "tmdb up"`;
  const bad = () => new ScriptError(lineNo, `expected ${usage}, got ${JSON.stringify(text)}`);
  if (more.length > 0) throw bad();
  if (what === "slow") {
    const ms = arg === undefined ? null : parseDuration(arg);
    if (ms === null) throw new ScriptError(lineNo, `${target} slow needs a duration like 3s or 500ms; got ${JSON.stringify(arg ?? "")}`);
    if (ms > MAX_SLOW_MS) throw new ScriptError(lineNo, `${target} slow ${arg} is too long: at most 60s`);
    return { target, fault: { kind: "slow", ms } } as StackFault;
  }
  if (what === "drop" && target === "convex") {
    const count = arg === undefined ? 1 : /^\d{1,4}$/.test(arg) ? Number(arg) : NaN;
    if (!(count >= 1 && count <= 1_000))
      throw new ScriptError(lineNo, `convex drop takes how many mutations' answers to lose, 1–1000; got ${JSON.stringify(arg)}`);
    return { target, fault: { kind: "drop", count } };
  }
  if (arg !== undefined) throw bad();
  if (what === "up") return { target, fault: { kind: "none" } } as StackFault;
  if (what === "down") return { target, fault: { kind: "down" } } as StackFault;
  if (what === "hang" && target === "convex") return { target, fault: { kind: "hang" } };
  throw bad();
}

function parseLine(textLine: string, lineNo: number): ScriptLine | null {
  const text = stripComment(textLine);
  if (!text) return null;
  const base = { line: lineNo, text };
  if (text.startsWith("/")) {
    const toks = tokenize(text, lineNo);
    const command = toks[0]!.value.slice(1);
    if (!command) throw new ScriptError(lineNo, "missing command name after /");
    return { ...base, kind: "command", command, args: parseArgs(toks.slice(1)) };
  }
  const sp = text.search(/\s/);
  const word = (sp === -1 ? text : text.slice(0, sp)).toLowerCase();
  const rest = sp === -1 ? "" : text.slice(sp + 1).trim();
  switch (word) {
    case "as": {
      // `as alice locale:de`: from then on alice's client speaks German (the interactions' `locale`).
      const localized = /^(.+?)\s+locale:(\S+)$/.exec(rest);
      const user = unquote(localized ? localized[1]! : rest, lineNo);
      if (!user) throw new ScriptError(lineNo, "as needs a user name, e.g. as alice");
      if (!localized) return { ...base, kind: "as", user };
      const locale = DISCORD_LOCALES.find((l) => l.toLowerCase() === localized[2]!.toLowerCase());
      if (!locale) throw new ScriptError(lineNo, `locale:${localized[2]} is not a Discord locale — one of ${DISCORD_LOCALES.join(", ")}`);
      return { ...base, kind: "as", user, locale };
    }
    case "in": {
      if (rest.toLowerCase() === "dm") return { ...base, kind: "in_dm" };
      const m = /^(.+?)\s+#(\S+)$/.exec(rest);
      if (!m) throw new ScriptError(lineNo, `expected "in GUILD #CHANNEL" or "in dm", got ${JSON.stringify(text)}`);
      const guild = unquote(m[1]!, lineNo);
      if (!guild) throw new ScriptError(lineNo, "in needs a guild name");
      return { ...base, kind: "in", guild, channel: m[2]! };
    }
    case "autocomplete": {
      if (!rest.startsWith("/")) throw new ScriptError(lineNo, 'expected "autocomplete /command [sub] option:partial"');
      const toks = tokenize(rest, lineNo);
      const command = toks[0]!.value.slice(1);
      if (!command) throw new ScriptError(lineNo, "missing command name after /");
      const args = parseArgs(toks.slice(1));
      if (!args.length) throw new ScriptError(lineNo, 'autocomplete needs the option being typed, e.g. autocomplete /ep show:"break"');
      return { ...base, kind: "autocomplete", command, args };
    }
    case "click":
      return { ...base, kind: "click", label: singleLabel(rest, lineNo, "click") };
    case "select":
      return { ...base, kind: "select", label: singleLabel(rest, lineNo, "select") };
    case "link": {
      const mode = rest.toLowerCase();
      if (mode !== "" && mode !== "switch") throw new ScriptError(lineNo, `expected "link" or "link switch", got ${JSON.stringify(text)}`);
      return { ...base, kind: "link", confirmSwitch: mode === "switch" };
    }
    case "clerk": {
      const toks = tokenize(rest, lineNo).map((tok) => tok.value);
      const [action, name, extra, ...more] = toks;
      const ok =
        (action === "signup" && name && (extra === undefined || extra === "discord") && more.length === 0) ||
        (action === "delete" && name && extra === undefined);
      if (!ok) throw new ScriptError(lineNo, `expected "clerk signup NAME [discord]" or "clerk delete NAME", got ${JSON.stringify(text)}`);
      return { ...base, kind: "clerk", action: action as "signup" | "delete", name: name!, discord: extra === "discord" };
    }
    case "wait": {
      const ms = parseDuration(rest);
      if (ms === null) throw new ScriptError(lineNo, `wait needs a duration like 500ms, 10s, 5m, 2h or 3d; got ${JSON.stringify(rest)}`);
      if (ms > MAX_WAIT_MS)
        throw new ScriptError(lineNo, `wait ${rest} is too long: the sandbox clock moves at most 5 years (1825d) at a time`);
      return { ...base, kind: "wait", ms, duration: rest };
    }
    case "web": {
      const toks = tokenize(rest, lineNo);
      const fn = toks[0]?.value ?? "";
      const m = /^([A-Za-z_][\w/]*)[:.]([A-Za-z_]\w*)$/.exec(fn);
      if (!m)
        throw new ScriptError(
          lineNo,
          `expected "web MODULE:FUNCTION [key:value …]", e.g. web watchlist:getMediaState tmdbId:1399 mediaType:tv; got ${JSON.stringify(text)}`,
        );
      const args: Record<string, unknown> = {};
      for (const arg of parseArgs(toks.slice(1))) {
        if (arg.name === undefined)
          throw new ScriptError(lineNo, `web arguments are key:value pairs; ${JSON.stringify(arg.value)} has no key`);
        if (arg.name in args) throw new ScriptError(lineNo, `web argument "${arg.name}" given twice`);
        args[arg.name] = webValue(arg);
      }
      return { ...base, kind: "web", fn: `${m[1]}:${m[2]}`, args };
    }
    case "attach": {
      // attach FILE [size:30MB] — the file goes with the next command; size: what the payload declares.
      const toks = tokenize(rest, lineNo);
      const size = toks[1] === undefined ? undefined : /^size:(\d+)(kb|mb)?$/i.exec(toks[1].value);
      if (toks.length === 0 || toks.length > 2 || size === null)
        throw new ScriptError(lineNo, `expected "attach FILE [size:N|NKB|NMB]", got ${JSON.stringify(text)}`);
      const unit = size?.[2]?.toLowerCase() === "mb" ? 1024 * 1024 : size?.[2]?.toLowerCase() === "kb" ? 1024 : 1;
      return { ...base, kind: "attach", path: toks[0]!.value, ...(size ? { size: Number(size[1]) * unit } : {}) };
    }
    case "dms": {
      const state = rest.toLowerCase();
      if (state !== "closed" && state !== "open")
        throw new ScriptError(lineNo, `expected "dms closed" or "dms open", got ${JSON.stringify(text)}`);
      return { ...base, kind: "dms", closed: state === "closed" };
    }
    case "delete": {
      if (/^message(\s+board)?$/i.test(rest)) return { ...base, kind: "delete_message" };
      const m = /^#(\S+)$/.exec(rest);
      if (!m) throw new ScriptError(lineNo, `expected "delete #CHANNEL" or "delete message", got ${JSON.stringify(text)}`);
      return { ...base, kind: "delete_channel", channel: m[1]! };
    }
    case "vote":
      return { ...base, kind: "vote", answer: singleLabel(rest, lineNo, "vote") };
    case "grant":
      if (rest.toLowerCase() === "create-threads") return { ...base, kind: "create_threads", granted: true };
      if (rest.toLowerCase() !== "create-events")
        throw new ScriptError(lineNo, `expected "grant create-events" or "grant create-threads", got ${JSON.stringify(text)}`);
      return { ...base, kind: "create_events", granted: true };
    case "revoke": {
      if (rest.toLowerCase() === "create-events") return { ...base, kind: "create_events", granted: false };
      if (rest.toLowerCase() === "create-threads") return { ...base, kind: "create_threads", granted: false };
      const m = /^#(\S+)$/.exec(rest);
      if (!m)
        throw new ScriptError(
          lineNo,
          `expected "revoke #CHANNEL", "revoke create-events" or "revoke create-threads", got ${JSON.stringify(text)}`,
        );
      return { ...base, kind: "revoke", channel: m[1]! };
    }
    case "restart":
      if (rest.toLowerCase() !== "bot") throw new ScriptError(lineNo, `expected "restart bot", got ${JSON.stringify(text)}`);
      return { ...base, kind: "restart", what: "bot" };
    case "convex":
    case "tmdb":
      return { ...base, kind: "fault", change: parseFault(word, rest, text, lineNo) };
    case "show": {
      if (rest.toLowerCase() === "dm") return { ...base, kind: "show_dm" };
      const m = /^#(\S+)$/.exec(rest);
      if (!m) throw new ScriptError(lineNo, `expected "show #CHANNEL" or "show dm", got ${JSON.stringify(text)}`);
      return { ...base, kind: "show", channel: m[1]! };
    }
    default:
      throw new ScriptError(lineNo, `unknown line ${JSON.stringify(text)} (lines start with one of: ${KNOWN})`);
  }
}

/** Parses a whole script; throws ScriptError at the first malformed line. */
export function parseScript(text: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const parsed = parseLine(l, i + 1);
    if (parsed) out.push(parsed);
  });
  return out;
}

// ---------------------------------------------------------------- running
