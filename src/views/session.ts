// Watch-along sessions: the echo before Confirm, the session post with its RSVP buttons, the
// reminder and start posts (which ping only the members who said Going) and the "did you watch"
// prompt after. Times are Discord timestamps, which each member sees in their own zone.
import { time, TimestampStyles } from "@discordjs/formatters";
import type { APIAllowedMentions, RESTPatchAPIChannelMessageJSONBody, RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { partyThereButton, sessionConfirmButton, sessionRsvpButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { message, NO_MENTIONS, restMessageBody, type MessageView } from "./message.ts";
import { LIMITS } from "./limits.ts";
import { label, plain, truncate } from "./text.ts";

export type RsvpAnswer = "going" | "maybe" | "cant";

export const RSVP_LABEL: Record<RsvpAnswer, string> = { going: "Going", maybe: "Maybe", cant: "Can't" };

/** Discord allows 100 users in allowed_mentions; 2,000 characters of content hold about 80 mentions. */
export const SESSION_MENTIONS_MAX = 80;

const when = (at: number) => `${time(new Date(at), TimestampStyles.LongDateTime)} (${time(new Date(at), TimestampStyles.RelativeTime)})`;
/**
 * A time in a message that stays in the channel after it: the date and time alone, as "(in 2
 * hours)" would read "(3 days ago)" once it has passed.
 */
const lasting = (at: number) => time(new Date(at), TimestampStyles.LongDateTime);

/** Discord's limits on a native poll: the question and each answer's text. */
export const POLL_QUESTION_MAX = 300;
export const POLL_ANSWER_MAX = 55;

/** "its 3 Going / Maybe / Can't answers carry over", for a session moved to a new time. */
export function carriedAnswers(count: number): string {
  return `its ${count} Going / Maybe / Can't answer${count === 1 ? " carries" : "s carry"} over`;
}

/**
 * What `/party schedule` read, for the person to confirm before anything is saved. `replaces`:
 * the scheduled session the new time takes over from; `keptWeekly`: repeat: wasn't given, so
 * that session's weekly repeat carries over.
 */
export function sessionEcho(args: {
  partyId: string;
  partyLabel: string;
  at: number;
  wall: string;
  weekly: boolean;
  replaces: { at: number; weekly: boolean; answers: number } | null;
  keptWeekly?: boolean;
  /** remind: came with it: that party setting is saved already, only the time waits for Confirm. */
  reminderSaved?: boolean;
}): MessageView {
  const replaces = args.replaces;
  const lines = [
    `🗓️ Watch-along for **${plain(args.partyLabel, 150)}**: ${when(args.at)}${args.weekly ? ", every week" : ""}.`,
    `That's ${plain(args.wall, 80)} where you are; everyone sees it in their own time zone.`,
    ...(replaces !== null
      ? [
          `This replaces the session on ${time(new Date(replaces.at), TimestampStyles.LongDateTime)}${replaces.answers > 0 ? `; ${carriedAnswers(replaces.answers)}` : ""}.`,
        ]
      : []),
    ...(replaces?.weekly && args.keptWeekly ? ["It stays weekly, like the one it replaces (`repeat:once` for just this time)."] : []),
    ...(replaces?.weekly && !args.weekly ? ["Just this once: the one it replaces repeated every week."] : []),
    args.reminderSaved
      ? "The reminder setting above is saved already; the new time is scheduled only when you press **Confirm**."
      : "Nothing is scheduled until you press **Confirm**.",
  ];
  return message({
    content: lines.join("\n"),
    components: rows(
      button({
        customId: sessionConfirmButton.encode({ partyId: args.partyId, at: args.at, weekly: args.weekly }),
        label: "Confirm",
        style: ButtonStyle.Success,
      }),
    ),
  });
}

/**
 * The session's post in the party's channel: when, and Going / Maybe / Can't. A session moved
 * to a new time says from when, and pings those still Going (only them, as the reminder does).
 */
export function sessionPost(args: {
  sessionId: string;
  partyLabel: string;
  at: number;
  weekly: boolean;
  hostName?: string;
  moved?: { from: number; answers: number; going: readonly string[] };
}): RESTPostAPIChannelMessageJSONBody {
  const lines = [
    `🗓️ **Watch-along: ${plain(args.partyLabel, 150)}** — ${when(args.at)}${args.weekly ? " · every week" : ""}`,
    ...(args.moved
      ? [
          `Moved from ${time(new Date(args.moved.from), TimestampStyles.LongDateTime)}${args.moved.answers > 0 ? ": Going / Maybe / Can't answers carry over — change yours below if that changes anything." : "."}`,
        ]
      : []),
    `${args.hostName !== undefined ? `Scheduled by ${plain(args.hostName, 80)}. ` : ""}Will you be there? Those who say **Going** get a ping before it starts.`,
  ];
  // Fewer than the reminder's: the post's own text takes more of the 2,000 characters.
  const ping = mentions(args.moved?.going ?? [], 60);
  const view = message({
    content: `${lines.join("\n")}${ping.line}`,
    components: rows(
      button({
        customId: sessionRsvpButton.encode({ sessionId: args.sessionId, answer: "going" }),
        label: RSVP_LABEL.going,
        style: ButtonStyle.Success,
        emoji: { name: "✅" },
      }),
      button({
        customId: sessionRsvpButton.encode({ sessionId: args.sessionId, answer: "maybe" }),
        label: RSVP_LABEL.maybe,
        emoji: { name: "🤔" },
      }),
      button({
        customId: sessionRsvpButton.encode({ sessionId: args.sessionId, answer: "cant" }),
        label: RSVP_LABEL.cant,
        emoji: { name: "❌" },
      }),
    ),
  });
  return { ...restMessageBody(view), allowed_mentions: ping.allowed };
}

/**
 * What became of a session whose post is out of date: moved to a new time, cancelled, or started;
 * or posted again for the same time (moved away and back), so answers go on the newer post.
 */
export type SessionPostNow = { movedTo: number } | { cancelled: true; partyEnded?: true } | { started: true } | { reposted: true };

/** The session's post once it no longer takes answers: says why, and has no buttons left. */
export function sessionPostClosed(args: { partyLabel: string; at: number; now: SessionPostNow }): RESTPatchAPIChannelMessageJSONBody {
  const why =
    "movedTo" in args.now
      ? `➡️ **Moved** to ${lasting(args.now.movedTo)} — answer on the new post below.`
      : "cancelled" in args.now
        ? "partyEnded" in args.now
          ? "❌ **Cancelled** — the watch party has ended."
          : "❌ **Cancelled.**"
        : "reposted" in args.now
          ? "🔁 **Posted again** below — answer on the new post."
          : "🍿 **Started** — Going / Maybe / Can't are closed.";
  return {
    content: `🗓️ **Watch-along: ${plain(args.partyLabel, 150)}** — ${time(new Date(args.at), TimestampStyles.LongDateTime)}\n${why}`,
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
  };
}

/** A line mentioning exactly `going` (never roles, never everyone), and allowed_mentions naming those users and nobody else. */
function mentions(going: readonly string[], max = SESSION_MENTIONS_MAX): { line: string; allowed: APIAllowedMentions } {
  const pinged = going.filter((id) => /^\d{15,22}$/.test(id)).slice(0, max);
  const more = going.length - pinged.length;
  if (pinged.length === 0) return { line: "", allowed: NO_MENTIONS };
  return {
    line: `\n${pinged.map((id) => `<@${id}>`).join(" ")}${more > 0 ? ` and ${more} more` : ""}`,
    allowed: { parse: [], users: pinged },
  };
}

/** A post that pings exactly `going`: the mentions in it and nobody else. */
function pingGoing(text: string, going: readonly string[]): RESTPostAPIChannelMessageJSONBody {
  const ping = mentions(going);
  return { content: `${text}${ping.line}`, embeds: [], components: [], allowed_mentions: ping.allowed };
}

/** "15 minutes", "1 hour", "2 hours 30 minutes": a reminder's lead time. */
export function leadTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    ...(hours > 0 ? [`${hours} hour${hours === 1 ? "" : "s"}`] : []),
    ...(rest > 0 || hours === 0 ? [`${rest} minute${rest === 1 ? "" : "s"}`] : []),
  ];
  return parts.join(" ");
}

/**
 * The reminder, `minutes` (the session's lead time) before it starts. It stays in the channel, so
 * the lead is counted from the post itself ("in 15 minutes", true of its own timestamp) rather than
 * a relative timestamp that would read "starts 3 days ago" later; a lead of 12 hours or more names
 * the day too.
 */
export function sessionReminder(args: {
  partyLabel: string;
  at: number;
  minutes: number;
  going: readonly string[];
}): RESTPostAPIChannelMessageJSONBody {
  const at = time(new Date(args.at), args.minutes >= 12 * 60 ? TimestampStyles.ShortDateTime : TimestampStyles.ShortTime);
  return pingGoing(`⏰ **${plain(args.partyLabel, 150)}** starts in ${leadTime(args.minutes)}, at ${at}.`, args.going);
}

export function sessionStart(args: { partyLabel: string; going: readonly string[] }): RESTPostAPIChannelMessageJSONBody {
  return pingGoing(`🍿 **${plain(args.partyLabel, 150)}** is starting now — grab your snacks!`, args.going);
}

/** A cancelled session, in the channel: pings exactly those who said Going (as the reminder would have). */
export function sessionCancelled(args: { partyLabel: string; at: number; going: readonly string[] }): RESTPostAPIChannelMessageJSONBody {
  return pingGoing(
    `❌ The watch-along of **${plain(args.partyLabel, 150)}** on ${time(new Date(args.at), TimestampStyles.LongDateTime)} is cancelled.`,
    args.going,
  );
}

/**
 * After a session: "Did you watch S1E5–E6?" — each member who clicks gets those episodes marked,
 * until a date and time (the prompt's hours may run past midnight).
 */
export function sessionAfter(args: {
  promptId: string;
  showTitle: string;
  what: string;
  expiresAt: number;
}): RESTPostAPIChannelMessageJSONBody {
  return restMessageBody(
    message({
      content: `🍿 Did you watch ${args.what} of **${plain(args.showTitle, 150)}**? Click to mark ${/[–,]/.test(args.what) ? "them" : "it"} for yourself (until ${time(new Date(args.expiresAt), TimestampStyles.ShortDateTime)}).`,
      components: rows(
        button({ customId: partyThereButton.encode({ promptId: args.promptId }), label: "I was there", style: ButtonStyle.Success }),
      ),
    }),
  );
}

/** After a movie night: "Did you watch *Title*?" — each click marks the film finished for whoever clicks. */
export function movieNightAfter(args: { promptId: string; title: string; expiresAt: number }): RESTPostAPIChannelMessageJSONBody {
  return restMessageBody(
    message({
      content: `🍿 Did you watch **${plain(args.title, 150)}**? Click to mark it finished for yourself (until ${time(new Date(args.expiresAt), TimestampStyles.ShortDateTime)}).`,
      components: rows(
        button({ customId: partyThereButton.encode({ promptId: args.promptId }), label: "I was there", style: ButtonStyle.Success }),
      ),
    }),
  );
}

/** The board's line under "Next session": who is going, and how many maybe / can't. */
export function rsvpSummary(rsvps: ReadonlyArray<{ name: string; answer: RsvpAnswer }>): string {
  const going = rsvps.filter((r) => r.answer === "going");
  const maybe = rsvps.filter((r) => r.answer === "maybe").length;
  const cant = rsvps.filter((r) => r.answer === "cant").length;
  const names = going.slice(0, 10).map((r) => plain(r.name, 40));
  const goingText =
    going.length === 0
      ? "nobody going yet"
      : `✅ ${going.length} going (${names.join(", ")}${going.length > names.length ? `, +${going.length - names.length}` : ""})`;
  return `${goingText} · 🤔 ${maybe} maybe · ❌ ${cant} can't`;
}

/** "Choosing the night": a native poll of proposed times; the content shows each in everyone's own zone. */
export function sessionPoll(args: {
  partyLabel: string;
  options: ReadonlyArray<{ at: number; label: string }>;
  hours: number;
}): RESTPostAPIChannelMessageJSONBody {
  const lines = args.options.map(
    (o, i) => `${i + 1}. ${time(new Date(o.at), TimestampStyles.LongDateTime)} — “${plain(o.label, POLL_ANSWER_MAX)}”`,
  );
  // A poll's question and answers show no markdown: plain lines, without bidirectional controls, cut to Discord's limits.
  const ask = "When do we watch ?";
  return {
    content: truncate(
      `🗳️ When do we watch **${plain(args.partyLabel, 150)}**? Vote for every night that works; in your own time zone:\n${lines.join("\n")}`,
      LIMITS.content,
    ),
    poll: {
      question: { text: `When do we watch ${label(args.partyLabel, POLL_QUESTION_MAX - ask.length)}?` },
      answers: args.options.map((o) => ({ poll_media: { text: label(o.label, POLL_ANSWER_MAX) } })),
      duration: args.hours,
      allow_multiselect: true,
    },
    allowed_mentions: NO_MENTIONS,
  };
}

/** A poll that closed after its party ended: nothing to confirm, and nobody pinged. */
export function sessionPollPartyEnded(args: { partyLabel: string }): RESTPostAPIChannelMessageJSONBody {
  return {
    content: `🗳️ The poll for **${plain(args.partyLabel, 150)}** has closed, but the watch party has ended — there is nothing to schedule.`,
    allowed_mentions: NO_MENTIONS,
  };
}

/**
 * When the poll has closed: the winning time with Confirm for the host (who alone is pinged), or
 * why there is none. Confirm keeps the repeat of a session it replaces, as `/party schedule` does.
 * `hostId` null: nobody hosts the party now (its last member left), so nobody is pinged, and
 * someone with Manage Server — or whoever joins next, and so hosts it — can confirm. The post
 * stays in the channel, so the time shows without "in 2 days".
 */
export function sessionPollResult(args: {
  partyId: string;
  partyLabel: string;
  hostId: string | null;
  winner: { at: number; votes: number } | null;
  passed: boolean;
}): RESTPostAPIChannelMessageJSONBody {
  if (args.winner === null) {
    return {
      content: `🗳️ Nobody voted in the poll for **${plain(args.partyLabel, 150)}** — schedule a night with /party schedule.`,
      allowed_mentions: NO_MENTIONS,
    };
  }
  const when = lasting(args.winner.at);
  if (args.passed) {
    return {
      content: `🗳️ The poll for **${plain(args.partyLabel, 150)}** picked ${when}, which has passed — schedule another night with /party schedule.`,
      allowed_mentions: NO_MENTIONS,
    };
  }
  const host = args.hostId !== null && /^\d{15,22}$/.test(args.hostId) ? args.hostId : null;
  const who =
    host !== null
      ? `<@${host}>, press **Confirm**`
      : "Nobody hosts the party now: someone with **Manage Server** (or whoever joins it next, and so hosts it) can press **Confirm**";
  const view = message({
    content: `🗳️ The poll for **${plain(args.partyLabel, 150)}** picked ${when} with ${args.winner.votes} vote${args.winner.votes === 1 ? "" : "s"}. ${who} to schedule it — those who voted for it will be down as Going.`,
    components: rows(
      button({
        customId: sessionConfirmButton.encode({ partyId: args.partyId, at: args.winner.at }),
        label: "Confirm",
        style: ButtonStyle.Success,
      }),
    ),
  });
  return { ...restMessageBody(view), allowed_mentions: host !== null ? { parse: [], users: [host] } : NO_MENTIONS };
}
