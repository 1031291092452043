/**
 * Sandbox scripts: parsing and running the line language docs/sandbox.md describes.
 *
 * ```
 * # a comment
 * as alice
 * in Film Club #general
 * /ep 1399 1 3                    # bare values fill options in registered order
 * /watch add title:"The Bear"     # name:value, double quotes for spaces
 * autocomplete /ep show:break     # the last argument is the option being typed
 * click "Mark watched"
 * select "Season 2"
 * wait 3d                         # 500ms, 10s, 5m, 2h, 3d (and sums like 1h30m); at most 5 years
 * show #general                   # or: show dm
 * web watchlist:markEpisodeWatched tmdbId:1399 season:1 episode:2 isWatched:true
 * restart bot                     # every shard's bot process stops and starts again
 * dms closed                      # the acting user's DMs refuse the bot (50007); dms open
 * revoke #general                 # the bot loses View Channel/Send Messages there (50001)
 * grant create-events             # the bot may create Discord Events in this server; revoke create-events
 * vote "Fri 27 Nov 21:00"         # vote in the newest poll here that has this answer
 * delete #general                 # the channel is gone (10003)
 * delete message board            # a member deletes the bot's newest post here (10008 on its next edit)
 * convex down                     # Convex faults (the bot over HTTP): slow 5s, down, hang, drop [N], up
 * tmdb slow 3s                    # TMDB faults: down, slow DURATION, up
 * in dm
 * ```
 *
 * The full language is documented for users in docs/sandbox.md.
 *
 * - `parseScript(text)` → ScriptLine[]; a malformed line throws ScriptError naming the line.
 * - `runScript(lines, sandbox, hooks, emit)` runs them in order. Every sandbox event emitted
 *   while it runs is passed to `emit` with the script `line` that was running added; `show`
 *   lines emit `{ t: "show", … }`. At the first failing line it emits
 *   `{ t: "error", line, message }` and throws that ScriptError. When it returns, the sandbox
 *   is idle.
 * - `runScriptText(text, …)` = parse (emitting `error` for a malformed line) + run.
 * - `runLine(line, state, sandbox, hooks, emit)` runs one line (for an interactive prompt): it
 *   emits only the line's own events (`show`) — subscribe to `sandbox.on("event")` for the
 *   rest — and throws ScriptError on failure.
 *
 * What is an `error` (the script stops): unknown line, no `as` before acting, no `in` before
 * a command, command not registered (or not visible here), unknown subcommand or option,
 * too many values, no button/select option with that label, `show #x` without a guild.
 * What is not: values Discord's client would refuse (out of range, wrong type, missing
 * required option, disabled button) — those produce a `rejected` event and the script goes on.
 */
import { SandboxUsageError } from "./discord/errors.ts";
import type { DiscordSandbox, SandboxMessage } from "./discord/index.ts";
import type { StackFault } from "./stack.ts";
import type { Emit, SandboxEvent, ScriptErrorEvent, ShowEvent } from "./events.ts";

export type { Emit } from "./events.ts";

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
  | (LineBase & { kind: "as"; user: string })
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
  | (LineBase & { kind: "delete_channel"; channel: string })
  | (LineBase & { kind: "delete_message" })
  | (LineBase & { kind: "revoke"; channel: string })
  | (LineBase & { kind: "create_events"; granted: boolean })
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

export interface ScriptHooks {
  /** Moves the sandbox clock forward, running whatever falls due. */
  wait(ms: number): Promise<void>;
  /** Calls the web app's function `module:name` as this user's web identity. */
  web?(userName: string, fn: string, args: Record<string, unknown>): Promise<{ kind: "query" | "mutation"; result: unknown }>;
  /** Completes account linking for this user through the link page and the sandbox sign-in. */
  link?(actor: { user: string; guild?: string; channel?: string }, options: { confirmSwitch: boolean }): Promise<{ clerkUser: string; status: string; message: string }>;
  /** Clerk sign-up (with a Discord connection or not) or deletion, sent to the deployment as a signed webhook. */
  clerk?(action: "signup" | "delete", name: string, withDiscord: boolean): Promise<{ clerkUser: string; result: unknown }>;
  /** Restarts the bot process (every shard); resolves when it is connected again. */
  restart?(): Promise<{ shards: number }>;
  /** Switches a Convex or TMDB fault on or off. */
  fault?(change: StackFault): Promise<void>;
}

/** Where the script is acting: set by `as` and `in`. */
export interface RunnerState {
  user: string | null;
  /** Guild name, or null in a DM / before any `in`. */
  guild: string | null;
  /** Channel name without `#`, "dm", or null before any `in`. */
  channel: string | null;
}

export function createRunnerState(): RunnerState {
  return { user: null, guild: null, channel: null };
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

const KNOWN = "as, in, /command, autocomplete, click, select, wait, show, web, link, clerk, restart, dms, delete, revoke, grant, vote, convex, tmdb";

/** The longest `convex slow` / `tmdb slow`: past a minute every call has long given up. */
const MAX_SLOW_MS = 60_000;

/** `convex slow 5s | down | hang | drop [N] | up`, `tmdb slow 3s | down | up`. */
function parseFault(target: "convex" | "tmdb", rest: string, text: string, lineNo: number): StackFault {
  const [what = "", arg, ...more] = rest.toLowerCase().split(/\s+/).filter(Boolean);
  const usage = target === "convex" ? `"convex slow 5s", "convex down", "convex hang", "convex drop [N]" or "convex up"` : `"tmdb slow 3s", "tmdb down" or "tmdb up"`;
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
    if (!(count >= 1 && count <= 1_000)) throw new ScriptError(lineNo, `convex drop takes how many mutations' answers to lose, 1–1000; got ${JSON.stringify(arg)}`);
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
      const user = unquote(rest, lineNo);
      if (!user) throw new ScriptError(lineNo, "as needs a user name, e.g. as alice");
      return { ...base, kind: "as", user };
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
      const ok = (action === "signup" && name && (extra === undefined || extra === "discord") && more.length === 0) || (action === "delete" && name && extra === undefined);
      if (!ok) throw new ScriptError(lineNo, `expected "clerk signup NAME [discord]" or "clerk delete NAME", got ${JSON.stringify(text)}`);
      return { ...base, kind: "clerk", action: action as "signup" | "delete", name: name!, discord: extra === "discord" };
    }
    case "wait": {
      const ms = parseDuration(rest);
      if (ms === null) throw new ScriptError(lineNo, `wait needs a duration like 500ms, 10s, 5m, 2h or 3d; got ${JSON.stringify(rest)}`);
      if (ms > MAX_WAIT_MS) throw new ScriptError(lineNo, `wait ${rest} is too long: the sandbox clock moves at most 5 years (1825d) at a time`);
      return { ...base, kind: "wait", ms, duration: rest };
    }
    case "web": {
      const toks = tokenize(rest, lineNo);
      const fn = toks[0]?.value ?? "";
      const m = /^([A-Za-z_][\w/]*)[:.]([A-Za-z_]\w*)$/.exec(fn);
      if (!m) throw new ScriptError(lineNo, `expected "web MODULE:FUNCTION [key:value …]", e.g. web watchlist:getMediaState tmdbId:1399 mediaType:tv; got ${JSON.stringify(text)}`);
      const args: Record<string, unknown> = {};
      for (const arg of parseArgs(toks.slice(1))) {
        if (arg.name === undefined) throw new ScriptError(lineNo, `web arguments are key:value pairs; ${JSON.stringify(arg.value)} has no key`);
        if (arg.name in args) throw new ScriptError(lineNo, `web argument "${arg.name}" given twice`);
        args[arg.name] = webValue(arg);
      }
      return { ...base, kind: "web", fn: `${m[1]}:${m[2]}`, args };
    }
    case "dms": {
      const state = rest.toLowerCase();
      if (state !== "closed" && state !== "open") throw new ScriptError(lineNo, `expected "dms closed" or "dms open", got ${JSON.stringify(text)}`);
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
      if (rest.toLowerCase() !== "create-events") throw new ScriptError(lineNo, `expected "grant create-events", got ${JSON.stringify(text)}`);
      return { ...base, kind: "create_events", granted: true };
    case "revoke": {
      if (rest.toLowerCase() === "create-events") return { ...base, kind: "create_events", granted: false };
      const m = /^#(\S+)$/.exec(rest);
      if (!m) throw new ScriptError(lineNo, `expected "revoke #CHANNEL" or "revoke create-events", got ${JSON.stringify(text)}`);
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

function actorOf(line: ScriptLine, state: RunnerState, needPlace = true) {
  if (!state.user) throw new ScriptError(line.line, `no acting user: add an "as NAME" line before ${JSON.stringify(line.text)}`);
  if (needPlace && !state.channel) {
    throw new ScriptError(line.line, `nowhere to act: add "in GUILD #CHANNEL" or "in dm" before ${JSON.stringify(line.text)}`);
  }
  return state.channel === "dm" || !state.guild
    ? { user: state.user }
    : { user: state.user, guild: state.guild, channel: state.channel ?? undefined };
}

function showMessages(messages: SandboxMessage[]): ShowEvent["messages"] {
  return messages.map((m) => ({
    id: m.id,
    content: m.loading ? null : m.content,
    embeds: m.embeds,
    components: m.components,
    ephemeral: m.ephemeral,
    edited: m.editedAt !== null,
  }));
}

/**
 * Runs one line. Emits the line's own events (`show`) through `emit`; sandbox events go to
 * `sandbox.on("event")` listeners. Throws ScriptError when the line cannot be done.
 */
export async function runLine(line: ScriptLine, state: RunnerState, sandbox: DiscordSandbox, hooks: ScriptHooks, emit: Emit): Promise<void> {
  try {
    switch (line.kind) {
      case "as":
        state.user = line.user;
        sandbox.user(line.user);
        if (state.guild) sandbox.join(state.guild, line.user);
        return;
      case "in":
        state.guild = line.guild;
        state.channel = line.channel;
        sandbox.channel(line.guild, line.channel);
        if (state.user) sandbox.join(line.guild, state.user);
        await sandbox.waitForIdle();
        return;
      case "in_dm":
        state.guild = null;
        state.channel = "dm";
        return;
      case "command": {
        const actor = actorOf(line, state);
        const r = sandbox.resolveArgs(actor, line.command, line.args.map((a) => ({ name: a.name, value: a.value })));
        await sandbox.runCommand(actor, r.command, r.options);
        return;
      }
      case "autocomplete": {
        const actor = actorOf(line, state);
        const r = sandbox.resolveArgs(actor, line.command, line.args.map((a) => ({ name: a.name, value: a.value })));
        const focused = r.names[r.names.length - 1];
        if (!focused) throw new ScriptError(line.line, "the last argument must be the option being typed, e.g. show:break");
        const { [focused]: partial, ...others } = r.options;
        await sandbox.runAutocomplete(actor, r.command, focused, String(partial ?? ""), others);
        return;
      }
      case "click":
        await sandbox.click(actorOf(line, state), line.label);
        return;
      case "select":
        await sandbox.select(actorOf(line, state), line.label);
        return;
      case "web": {
        const actor = actorOf(line, state, false);
        if (!hooks.web) throw new ScriptError(line.line, "web is not available here (it needs the embedded Convex engine)");
        await sandbox.waitForIdle();
        const { kind, result } = await hooks.web(actor.user, line.fn, line.args);
        emit({ t: "web", user: actor.user, function: line.fn, kind, args: line.args, result: result ?? null });
        await sandbox.waitForIdle();
        return;
      }
      case "link": {
        const actor = actorOf(line, state);
        if (!hooks.link) throw new ScriptError(line.line, "link is not available here (it needs the sandbox's Clerk and the embedded Convex engine)");
        await sandbox.waitForIdle();
        const linked = await hooks.link(actor, { confirmSwitch: line.confirmSwitch });
        emit({ t: "link", user: actor.user, clerk_user: linked.clerkUser, status: linked.status, message: linked.message });
        await sandbox.waitForIdle();
        return;
      }
      case "clerk": {
        if (!hooks.clerk) throw new ScriptError(line.line, "clerk is not available here (it needs the sandbox's Clerk and the embedded Convex engine)");
        sandbox.user(line.name);
        await sandbox.waitForIdle();
        const { clerkUser, result } = await hooks.clerk(line.action, line.name, line.discord);
        emit({ t: "clerk", event: line.action === "signup" ? "user.created" : "user.deleted", user: line.name, clerk_user: clerkUser, discord: line.discord, result });
        await sandbox.waitForIdle();
        return;
      }
      case "dms": {
        const actor = actorOf(line, state, false);
        sandbox.setDmsClosed(actor.user, line.closed);
        return;
      }
      case "delete_message": {
        const actor = actorOf(line, state);
        if (!sandbox.deleteNewestPost(actor)) throw new ScriptError(line.line, "delete message: the bot has posted nothing of its own here (replies to commands are not posts)");
        await sandbox.waitForIdle();
        return;
      }
      case "delete_channel":
      case "revoke": {
        if (!state.guild) throw new ScriptError(line.line, `${line.kind === "revoke" ? "revoke" : "delete"} #${line.channel} needs a guild: add "in GUILD #CHANNEL" first`);
        if (line.kind === "revoke") sandbox.revokeChannel(state.guild, line.channel);
        else if (!sandbox.deleteChannel(state.guild, line.channel)) throw new ScriptError(line.line, `there is no #${line.channel} in ${state.guild}`);
        await sandbox.waitForIdle();
        return;
      }
      case "vote":
        sandbox.vote(actorOf(line, state), line.answer);
        await sandbox.waitForIdle();
        return;
      case "create_events": {
        if (!state.guild) throw new ScriptError(line.line, `${line.granted ? "grant" : "revoke"} create-events needs a guild: add "in GUILD #CHANNEL" first`);
        sandbox.setCreateEvents(state.guild, line.granted);
        await sandbox.waitForIdle();
        return;
      }
      case "restart": {
        if (!hooks.restart) throw new ScriptError(line.line, "restart is not available here (it needs the bot running in the sandbox)");
        await sandbox.waitForIdle();
        const { shards } = await hooks.restart();
        emit({ t: "restart", what: "bot", shards });
        return;
      }
      case "fault": {
        if (!hooks.fault) throw new ScriptError(line.line, `${line.change.target} faults are not available here (they need the sandbox's stack)`);
        await sandbox.waitForIdle();
        await hooks.fault(line.change);
        const { fault } = line.change;
        emit({ t: "fault", target: line.change.target, state: fault.kind === "none" ? "up" : fault.kind, ...(fault.kind === "slow" ? { ms: fault.ms } : fault.kind === "drop" ? { count: fault.count } : {}) });
        return;
      }
      case "wait":
        await hooks.wait(line.ms);
        await sandbox.waitForIdle();
        return;
      case "show": {
        if (!state.guild) {
          throw new ScriptError(line.line, `show #${line.channel} needs a guild: add "in GUILD #CHANNEL" first`);
        }
        const g = sandbox.guild(state.guild);
        const ch = g.channels.get(line.channel);
        const msgs = ch ? sandbox.messages(ch.id).filter((m) => !m.ephemeral || (state.user !== null && m.visibleTo === state.user)) : [];
        const ev: ShowEvent = { t: "show", guild: g.name, channel: `#${line.channel}`, messages: showMessages(msgs) };
        if (state.user) ev.user = state.user;
        emit(ev);
        return;
      }
      case "show_dm": {
        const actor = actorOf(line, state, false);
        const ch = sandbox.dm(actor.user);
        emit({ t: "show", user: actor.user, channel: "dm", to: actor.user, messages: showMessages(sandbox.messages(ch.id)) });
        return;
      }
    }
  } catch (e) {
    if (e instanceof ScriptError) throw e;
    if (e instanceof SandboxUsageError) throw new ScriptError(line.line, e.message);
    throw new ScriptError(line.line, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Runs a parsed script against the sandbox. Sandbox events are forwarded to `emit` (with the
 * running `line` added); stops at the first failing line, emitting `{ t: "error", line,
 * message }` and throwing the ScriptError. Resolves once the sandbox is idle after the last line.
 */
export async function runScript(lines: ScriptLine[], sandbox: DiscordSandbox, hooks: ScriptHooks, emit: Emit): Promise<void> {
  const state = createRunnerState();
  let current: number | undefined;
  const forward = (e: SandboxEvent) => emit(current === undefined ? e : { ...e, line: current });
  sandbox.on("event", forward);
  try {
    for (const line of lines) {
      current = line.line;
      try {
        await runLine(line, state, sandbox, hooks, (e) => emit({ ...e, line: line.line }));
      } catch (e) {
        const err = e instanceof ScriptError ? e : new ScriptError(line.line, e instanceof Error ? e.message : String(e));
        emit({ t: "error", line: err.line, message: err.message } satisfies ScriptErrorEvent);
        throw err;
      }
    }
    current = undefined;
    await sandbox.waitForIdle();
  } finally {
    sandbox.off("event", forward);
  }
}

/** Parses and runs script text; a malformed line is reported as an `error` event and thrown. */
export async function runScriptText(text: string, sandbox: DiscordSandbox, hooks: ScriptHooks, emit: Emit): Promise<void> {
  let lines: ScriptLine[];
  try {
    lines = parseScript(text);
  } catch (e) {
    if (e instanceof ScriptError) emit({ t: "error", line: e.line, message: e.message } satisfies ScriptErrorEvent);
    throw e;
  }
  await runScript(lines, sandbox, hooks, emit);
}
