/**
 * The one event type of the sandbox: what `--json` prints one per line, what the prompt renders,
 * what the script runner emits and what tests assert on. Discord's events come from the Discord
 * sandbox (discord/events.ts); the script runner adds its own (`show`, `error`, `web`, `restart`, `fault`).
 * Every event a script produced carries the `line` it came from.
 */
import type { DiscordEvent, EventPlace } from "./discord/events.ts";

export type { DiscordEvent, EventPlace } from "./discord/events.ts";

/** A message as `show` prints it. */
export interface ShownMessage {
  id: string;
  content: string | null;
  embeds: unknown[];
  components: unknown[];
  ephemeral: boolean;
  edited: boolean;
}

/** `show #channel` / `show dm`: the messages there now, as the acting user sees them. */
export interface ShowEvent extends EventPlace {
  t: "show";
  channel: string;
  to?: string;
  messages: ShownMessage[];
}

/** A script line that could not be done; the script stops there. */
export interface ScriptErrorEvent {
  t: "error";
  line: number;
  message: string;
}

/** `web FUNCTION …`: the web app's call as the acting user's web identity, and its answer. */
export interface WebEvent {
  t: "web";
  user: string;
  /** `watchlist:markEpisodeWatched`. */
  function: string;
  kind: "query" | "mutation";
  args: Record<string, unknown>;
  result: unknown;
}

/** `restart bot`: the bot process was stopped and started again. */
export interface RestartEvent {
  t: "restart";
  what: "bot";
  /** Shards that reconnected. */
  shards: number;
}

/** `convex …` / `tmdb …`: a fault was switched on (or off: `up`). */
export interface FaultEvent {
  t: "fault";
  target: "convex" | "tmdb";
  state: "up" | "slow" | "down" | "hang" | "drop";
  /** `slow`: how long every call waits. */
  ms?: number;
  /** `drop`: how many mutations' answers will be lost. */
  count?: number;
}

/** `link`: account linking completed through the link page and the sandbox sign-in. */
export interface LinkEvent {
  t: "link";
  user: string;
  /** The Clerk user id now linked (what `web` acts as from here). */
  clerk_user: string;
  status: string;
  message: string;
}

/** `clerk signup NAME [discord]` / `clerk delete NAME`: a signed Clerk webhook reached the deployment. */
export interface ClerkEvent {
  t: "clerk";
  event: "user.created" | "user.deleted";
  user: string;
  clerk_user: string;
  discord: boolean;
  result: unknown;
}

export type SandboxEvent = (DiscordEvent | ShowEvent | ScriptErrorEvent | WebEvent | RestartEvent | FaultEvent | LinkEvent | ClerkEvent) & {
  line?: number;
};

/** The event type(s) whose `t` is `T` (e.g. `EventOf<"reply">`). */
export type EventOf<T extends SandboxEvent["t"]> = SandboxEvent extends infer E
  ? E extends { t: infer U }
    ? T extends U
      ? E & { t: T }
      : never
    : never
  : never;

export type Emit = (event: SandboxEvent) => void;
