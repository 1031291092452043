// `npm run sandbox`: the whole bot offline. Interactive by default; `--script FILE [--json]`
// runs a script and exits; `--demo` preloads a small server.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEMO_SCRIPT } from "./demo.ts";
import { renderEvent } from "./render.ts";
import type { SandboxEvent } from "./events.ts";
import { runRepl, type SandboxSession } from "./repl.ts";
import { UnsupportedCronError } from "./engine.ts";
import { stackHooks } from "./hooks.ts";
import { createRunnerState, parseScript, runLine, runScript, ScriptError, type ScriptLine } from "./script.ts";
import { interactionsMode, startStack, type InteractionsMode, type Stack } from "./stack.ts";

async function preloadDemo(stack: Stack): Promise<void> {
  await runScript(parseScript(DEMO_SCRIPT), stack.discord, stackHooks(stack), () => {});
}

/** Where the prompt starts, so the first command a newcomer types works. */
const START_AS = { user: "alice", guild: "movie-club", channel: "general" } as const;

async function session(stack: Stack): Promise<SandboxSession> {
  const state = createRunnerState();
  const hooks = stackHooks(stack);
  // Events a line emits itself (`show`) rather than through the sandbox.
  const listeners = new Set<(event: SandboxEvent) => void>();
  for (const line of parseScript(`as ${START_AS.user}\nin ${START_AS.guild} #${START_AS.channel}`))
    await runLine(line, state, stack.discord, hooks, () => {});
  return {
    async execute(text) {
      let lines: ScriptLine[];
      try {
        lines = parseScript(text);
      } catch (error) {
        throw new Error(error instanceof ScriptError ? error.detail : String(error));
      }
      for (const line of lines) {
        try {
          await runLine(line, state, stack.discord, hooks, (event) => listeners.forEach((l) => l(event)));
        } catch (error) {
          throw new Error(error instanceof ScriptError ? error.detail : error instanceof Error ? error.message : String(error));
        }
      }
      await stack.discord.waitForIdle();
    },
    onEvent(listener) {
      const forward = (event: SandboxEvent) => listener(event);
      stack.discord.on("event", forward);
      listeners.add(listener);
      return () => {
        stack.discord.off("event", forward);
        listeners.delete(listener);
      };
    },
    mentionNames: () => stack.discord.mentionNames(),
    now: () => stack.engine.clock.now(),
    completions() {
      const commands = stack.discord.registeredCommands().map((c) => {
        const subs = (c.options ?? []).filter((o) => o.type === 1);
        return {
          name: c.name,
          options: (c.options ?? []).filter((o) => o.type !== 1 && o.type !== 2).map((o) => o.name),
          subcommands: subs.map((s) => ({ name: s.name, options: (s.options ?? []).map((o) => o.name) })),
        };
      });
      // People and places met so far, plus the demo names so a fresh prompt has something to offer.
      const users = new Set(["alice", "bob", "carol", ...stack.discord.userNames()]);
      const channels = new Set(["movie-club #general", ...stack.discord.channelPlaces()]);
      return { commands, users: [...users], channels: [...channels] };
    },
    prompt() {
      const where =
        state.channel === "dm" ? "dm" : state.guild ? `${state.guild} #${state.channel}` : "nowhere (try: in movie-club #general)";
      return `${state.user ?? "nobody (try: as alice)"} @ ${where}`;
    },
    async close() {
      await stack.stop();
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      script: { type: "string" },
      json: { type: "boolean", default: false },
      demo: { type: "boolean", default: false },
      shards: { type: "string", default: "1" },
      interactions: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log("npm run sandbox [-- --demo] [-- --shards N] [-- --interactions gateway|http|http-node] [-- --script FILE [--json]]");
    return;
  }
  // gateway: the bot process, as `npm start`; http: Discord POSTs interactions to the deployment, no bot process;
  // http-node: to the Node endpoint server (src/http-server.ts).
  let interactions: InteractionsMode;
  try {
    interactions = interactionsMode(values.interactions ?? process.env.SANDBOX_INTERACTIONS);
  } catch (error) {
    console.error(`--${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const shards = Number(values.shards);
  if (!/^\d{1,2}$/.test(values.shards ?? "") || shards < 1 || shards > 64) {
    console.error(`--shards takes a number from 1 to 64, got ${JSON.stringify(values.shards)}`);
    process.exit(2);
  }

  // Parse the script before starting anything: a malformed line fails fast, naming the line.
  let script: ScriptLine[] | undefined;
  if (values.script !== undefined) {
    const text = await readFile(values.script, "utf8").catch((error: NodeJS.ErrnoException) => {
      console.error(`Cannot read script ${values.script}: ${error.code ?? error.message}`);
      process.exit(2);
    });
    try {
      script = parseScript(text);
    } catch (error) {
      if (error instanceof ScriptError) {
        if (values.json) console.log(JSON.stringify({ t: "error", line: error.line, message: error.message }));
        console.error(`${values.script}: ${error.message}`);
        process.exit(2);
      }
      throw error;
    }
  }

  // The bot reaches the embedded engine over HTTP, as `npm start` reaches a deployment (so `convex …` faults work).
  const stack = await startStack({ shards, convexHttp: true, interactions });
  if (values.demo) await preloadDemo(stack);

  if (script !== undefined) {
    const print = values.json
      ? (event: SandboxEvent) => process.stdout.write(`${JSON.stringify(event)}\n`)
      : (event: SandboxEvent) =>
          process.stdout.write(`${renderEvent(event, { names: stack.discord.mentionNames(), now: () => stack.engine.clock.now() })}\n`);
    let code = 0;
    try {
      await runScript(script, stack.discord, stackHooks(stack), print);
    } catch (error) {
      code = 1;
      if (!(error instanceof ScriptError)) console.error(error);
      else console.error(`${values.script}: ${error.message}`);
    }
    await stack.stop();
    process.exit(code);
  }

  // The prompt prints its own greeting with the verbs.
  console.log(
    interactions === "gateway"
      ? "A local Discord, the real bot, an embedded Convex and an offline TMDB are running on loopback."
      : `A local Discord, an embedded Convex and an offline TMDB are running on loopback. No bot process: Discord POSTs each interaction to ${interactions === "http" ? "the deployment's /discord/interactions" : "the Node endpoint (npm run serve)"}.`,
  );
  if (values.demo) console.log("Demo loaded: alice, bob and carol in movie-club #general.");
  const prompt = await session(stack);
  console.log(
    `You are ${START_AS.user} in ${START_AS.guild} #${START_AS.channel}: try /ep 1399 1 3. Change with "as NAME" and "in GUILD #CHANNEL" (or "in dm").`,
  );
  await runRepl(prompt);
  process.exit(0);
}

void main().catch((error) => {
  // A cron the engine can't run is a configuration problem: its message says which and why.
  console.error(error instanceof UnsupportedCronError ? error.message : error);
  process.exit(1);
});
