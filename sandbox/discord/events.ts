/**
 * Observable sandbox events (emitted as `sandbox.on("event", e)`), per docs/sandbox.md's
 * contract. Names are people's names as used in scripts (`user`, `to`, `guild`); `channel` is
 * `#name` for guild channels or `dm`.
 */
import type { Mentions } from "./mentions.ts";

/** Where an event happened and who acted. */
export interface EventPlace {
  /** Acting user's name (the sandbox name, e.g. "alice"). */
  user?: string;
  /** Guild name, absent in DMs. */
  guild?: string;
  /** `#channel` or `dm`. */
  channel?: string;
}

/** The visible parts of a bot message. */
export interface MessageBody {
  id: string;
  content: string | null;
  embeds: unknown[];
  components: unknown[];
  ephemeral: boolean;
  /** Who the message actually pings (see mentions.ts; ephemeral messages ping nobody). */
  mentions: Mentions;
  attachments?: Array<{ id: string; filename: string; size: number }>;
  /** A native poll on the message (rest/polls.ts): question, answers, expiry, results. */
  poll?: unknown;
}

/** reply / reply_edit / followup / followup_edit: messages tied to an interaction. */
export interface InteractionMessageEvent extends EventPlace, MessageBody {
  t: "reply" | "reply_edit" | "followup" | "followup_edit";
  user: string;
  channel: string;
  interaction_id: string;
  /** What the user did: `/watch add`, `click "Next"`, `select "Season 2"`. */
  source: string;
  /** On `reply`: the interaction was deferred (type 5) — content is null until a `reply_edit`. */
  deferred?: boolean;
}

/** message / message_edit: bot posts and edits in channels (guild channels and DMs). */
export interface ChannelMessageEvent extends EventPlace, MessageBody {
  t: "message" | "message_edit";
  channel: string;
  /** For DMs: the recipient's name. */
  to?: string;
}

/** dm: the bot posted in a user's DM channel (not as an interaction response). */
export interface DmEvent extends MessageBody {
  t: "dm";
  channel: "dm";
  to: string;
}

export interface MessageDeleteEvent extends EventPlace {
  t: "message_delete";
  channel: string;
  id: string;
  to?: string;
  interaction_id?: string;
}

export interface AutocompleteEvent extends EventPlace {
  t: "autocomplete";
  user: string;
  channel: string;
  interaction_id: string;
  source: string;
  option: string;
  value: string;
  choices: Array<{ name: string; value: string | number }>;
}

export interface ModalEvent extends EventPlace {
  t: "modal";
  user: string;
  channel: string;
  interaction_id: string;
  source: string;
  custom_id: string;
  title: string;
  components: unknown[];
}

export interface InteractionFailedEvent extends EventPlace {
  t: "interaction_failed";
  user: string;
  channel: string;
  interaction_id: string;
  source: string;
  message: string;
}

export interface DiscordErrorEvent extends EventPlace {
  t: "discord_error";
  status: number;
  code: number;
  message: string;
  method: string;
  route: string;
  errors?: unknown;
  interaction_id?: string;
}

export interface RateLimitedEvent extends EventPlace {
  t: "rate_limited";
  method: string;
  route: string;
  bucket: string;
  /** Seconds, as in Discord's body. */
  retry_after: number;
  global: false;
  scope: "user";
  injected?: true;
  /** Discord's JSON error code when the 429 carries one: 30046 for edits of messages older than an hour. */
  code?: number;
}

/** The bot started a public thread from a message (rest/threads.ts). */
export interface ThreadEvent extends EventPlace {
  t: "thread";
  /** The thread channel's id and name. */
  id: string;
  name: string;
  /** The message it was started from, in `channel`. */
  message_id: string;
  auto_archive_duration: number;
}

/** A Guild Scheduled Event was created, edited or deleted (rest/scheduled-events.ts). */
export interface ScheduledEventEvent extends EventPlace {
  t: "scheduled_event";
  guild: string;
  action: "create" | "update" | "delete";
  event: {
    id: string;
    name: string;
    description: string | null;
    location: string | null;
    start: string;
    end: string | null;
    status: number;
  };
}

/** Someone voted in a poll (the `vote` script line). */
export interface PollVoteEvent extends EventPlace {
  t: "poll_vote";
  user: string;
  channel: string;
  id: string;
  answer: string;
}

/** An invocation Discord's client would refuse to send; the bot never sees it. */
export interface RejectedEvent extends EventPlace {
  t: "rejected";
  user: string;
  channel: string;
  source: string;
  reason: string;
}

export type DiscordEvent =
  | InteractionMessageEvent
  | ChannelMessageEvent
  | DmEvent
  | MessageDeleteEvent
  | AutocompleteEvent
  | ModalEvent
  | InteractionFailedEvent
  | DiscordErrorEvent
  | RateLimitedEvent
  | RejectedEvent
  | ScheduledEventEvent
  | ThreadEvent
  | PollVoteEvent;

/** The event type(s) whose `t` can be `T`, narrowed to that `t` (e.g. `EventOf<"reply">`). */
export type EventOf<T extends DiscordEvent["t"]> = DiscordEvent extends infer E
  ? E extends { t: infer U }
    ? T extends U
      ? E & { t: T }
      : never
    : never
  : never;

/** What an acting call (runCommand, click, …) resolves with. */
export interface ActResult {
  /** Every event emitted from the start of the action until it settled. */
  events: DiscordEvent[];
  /** The interaction dispatched, or null when it was rejected before reaching the bot. */
  interactionId: string | null;
  /** The rejection reason, when Discord's client would not have sent it. */
  rejected: string | null;
}
