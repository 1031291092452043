// What the sandbox prompt (repl.ts) drives: one Discord sandbox session that runs script lines
// and emits events, and the names it offers for tab completion.

import type { SandboxEvent } from "./events.ts";
import type { MentionNames } from "./render.ts";

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
