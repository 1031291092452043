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
 * attach export.json              # the file goes with the next command's attachment option (size:30MB: the size it declares)
 * revoke #general                 # the bot loses View Channel/Send Messages there (50001)
 * grant create-events             # the bot may create Discord Events in this server; revoke create-events
 * grant create-threads            # the bot may start public threads in this server; revoke create-threads
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
import { PermissionFlagsBits } from "discord-api-types/v10";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { SandboxUsageError } from "./discord/errors.ts";
import type { DiscordSandbox, SandboxMessage } from "./discord/index.ts";
import type { StackFault } from "./stack.ts";
import type { Emit, SandboxEvent, ScriptErrorEvent, ShowEvent } from "./events.ts";

export type { Emit } from "./events.ts";
import { parseScript, ScriptError, type ScriptLine } from "./script/parse.ts";

export { MAX_WAIT_MS, parseDuration, parseScript, ScriptError, type ScriptArg, type ScriptLine } from "./script/parse.ts";

export interface ScriptHooks {
  /** Moves the sandbox clock forward, running whatever falls due. */
  wait(ms: number): Promise<void>;
  /** Calls the web app's function `module:name` as this user's web identity. */
  web?(userName: string, fn: string, args: Record<string, unknown>): Promise<{ kind: "query" | "mutation"; result: unknown }>;
  /** Completes account linking for this user through the link page and the sandbox sign-in. */
  link?(
    actor: { user: string; guild?: string; channel?: string },
    options: { confirmSwitch: boolean },
  ): Promise<{ clerkUser: string; status: string; message: string }>;
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
export async function runLine(
  line: ScriptLine,
  state: RunnerState,
  sandbox: DiscordSandbox,
  hooks: ScriptHooks,
  emit: Emit,
): Promise<void> {
  try {
    switch (line.kind) {
      case "as":
        state.user = line.user;
        if (line.locale) sandbox.user(line.user).locale = line.locale;
        else sandbox.user(line.user);
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
        const r = sandbox.resolveArgs(
          actor,
          line.command,
          line.args.map((a) => ({ name: a.name, value: a.value })),
        );
        await sandbox.runCommand(actor, r.command, r.options);
        return;
      }
      case "autocomplete": {
        const actor = actorOf(line, state);
        const r = sandbox.resolveArgs(
          actor,
          line.command,
          line.args.map((a) => ({ name: a.name, value: a.value })),
        );
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
        if (!hooks.link)
          throw new ScriptError(line.line, "link is not available here (it needs the sandbox's Clerk and the embedded Convex engine)");
        await sandbox.waitForIdle();
        const linked = await hooks.link(actor, { confirmSwitch: line.confirmSwitch });
        emit({ t: "link", user: actor.user, clerk_user: linked.clerkUser, status: linked.status, message: linked.message });
        await sandbox.waitForIdle();
        return;
      }
      case "clerk": {
        if (!hooks.clerk)
          throw new ScriptError(line.line, "clerk is not available here (it needs the sandbox's Clerk and the embedded Convex engine)");
        sandbox.user(line.name);
        await sandbox.waitForIdle();
        const { clerkUser, result } = await hooks.clerk(line.action, line.name, line.discord);
        emit({
          t: "clerk",
          event: line.action === "signup" ? "user.created" : "user.deleted",
          user: line.name,
          clerk_user: clerkUser,
          discord: line.discord,
          result,
        });
        await sandbox.waitForIdle();
        return;
      }
      case "attach": {
        actorOf(line, state);
        let data: Buffer;
        try {
          data = await readFile(line.path);
        } catch {
          throw new ScriptError(line.line, `can't read ${line.path}`);
        }
        sandbox.cdn.attach(basename(line.path), data, line.size);
        return;
      }
      case "dms": {
        const actor = actorOf(line, state, false);
        sandbox.setDmsClosed(actor.user, line.closed);
        return;
      }
      case "delete_message": {
        const actor = actorOf(line, state);
        if (!sandbox.deleteNewestPost(actor))
          throw new ScriptError(
            line.line,
            "delete message: the bot has posted nothing of its own here (replies to commands are not posts)",
          );
        await sandbox.waitForIdle();
        return;
      }
      case "delete_channel":
      case "revoke": {
        if (!state.guild)
          throw new ScriptError(
            line.line,
            `${line.kind === "revoke" ? "revoke" : "delete"} #${line.channel} needs a guild: add "in GUILD #CHANNEL" first`,
          );
        if (line.kind === "revoke") sandbox.revokeChannel(state.guild, line.channel);
        else if (!sandbox.deleteChannel(state.guild, line.channel))
          throw new ScriptError(line.line, `there is no #${line.channel} in ${state.guild}`);
        await sandbox.waitForIdle();
        return;
      }
      case "vote":
        sandbox.vote(actorOf(line, state), line.answer);
        await sandbox.waitForIdle();
        return;
      case "create_events": {
        if (!state.guild)
          throw new ScriptError(
            line.line,
            `${line.granted ? "grant" : "revoke"} create-events needs a guild: add "in GUILD #CHANNEL" first`,
          );
        sandbox.setCreateEvents(state.guild, line.granted);
        await sandbox.waitForIdle();
        return;
      }
      case "create_threads": {
        if (!state.guild)
          throw new ScriptError(
            line.line,
            `${line.granted ? "grant" : "revoke"} create-threads needs a guild: add "in GUILD #CHANNEL" first`,
          );
        sandbox.setCreateEvents(state.guild, line.granted, PermissionFlagsBits.CreatePublicThreads);
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
        if (!hooks.fault)
          throw new ScriptError(line.line, `${line.change.target} faults are not available here (they need the sandbox's stack)`);
        await sandbox.waitForIdle();
        await hooks.fault(line.change);
        const { fault } = line.change;
        emit({
          t: "fault",
          target: line.change.target,
          state: fault.kind === "none" ? "up" : fault.kind,
          ...(fault.kind === "slow" ? { ms: fault.ms } : fault.kind === "drop" ? { count: fault.count } : {}),
        });
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
