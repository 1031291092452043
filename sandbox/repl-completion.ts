// The sandbox prompt's help text and tab completion: the script verbs, with the commands,
// users, channels and lately seen button / select labels the session offers.

import type { SandboxCompletions, SandboxSession } from "./repl-session.ts";

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

// ---------------------------------------------------------------------------------------
// Help

const HELP: [string, string, string][] = [
  ["as NAME", "act as a Discord user (created on first use)", "as alice"],
  ["as NAME locale:LOCALE", "the same, their Discord client in that language", "as dora locale:de"],
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
  [
    "grant create-threads",
    "give the bot Create Public Threads in this server (revoke create-threads takes it away)",
    "grant create-threads",
  ],
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
        return done(n === 1 ? [...channelNames, "create-events", "create-threads"] : []);
      case "grant":
        return done(n === 1 ? ["create-events", "create-threads"] : []);
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
