// Terminal rendering of sandbox events for the interactive prompt (`npm run sandbox`).
//
// One case per event type of the union in events.ts. Everything is still defensive: events may
// arrive as JSON from elsewhere and a renderer that throws would take the prompt down with it,
// so every field is checked at run time and odd values are shown rather than trusted. The
// pieces live in render/: styling and wrapping (style.ts), Discord markdown (markdown.ts) and a
// message's body (message.ts).

import type { SandboxEvent, ShownMessage } from "./events.ts";
import { messageBody, type MessageFields } from "./render/message.ts";
import {
  arr,
  COLOR_STYLE,
  defaultColor,
  isObj,
  PLAIN_STYLE,
  safeJson,
  sanitize,
  str,
  visibleLength,
  wrapText,
  type MentionNames,
  type Style,
} from "./render/style.ts";

export type { SandboxEvent } from "./events.ts";
export { renderMarkdown } from "./render/markdown.ts";
export { defaultColor, stripAnsi, wrapText, type MentionNames } from "./render/style.ts";

export interface RenderOptions {
  /** ANSI styling; default: on only if stdout is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** Terminal columns; default 80. */
  width?: number;
  /** Names for mentions (`<#id>` shows as `#general`, as Discord shows it); unknown ids stay ids. */
  names?: MentionNames;
  /** The clock relative timestamps (`<t:…:R>`, "in 2 days") count from; default Date.now. */
  now?: () => number;
}

// ---------------------------------------------------------------------------------------
// Events

const LABELS: Record<SandboxEvent["t"] | "modal", string> = {
  reply: "reply",
  reply_edit: "reply edited",
  followup: "follow-up",
  followup_edit: "follow-up edited",
  modal: "modal",
  autocomplete: "autocomplete",
  message: "message",
  message_edit: "message edited",
  message_delete: "message deleted",
  dm: "DM",
  interaction_failed: "interaction failed",
  discord_error: "Discord error",
  rate_limited: "rate limited",
  rejected: "rejected",
  show: "show",
  error: "error",
  web: "web app",
  restart: "restart",
  fault: "fault",
  scheduled_event: "server event",
  thread: "thread",
  poll_vote: "poll vote",
  link: "link",
  clerk: "Clerk",
};

/** The fields a header reads; any event (or a shown message) may lack any of them. */
interface HeaderFields {
  user?: unknown;
  guild?: unknown;
  channel?: unknown;
  to?: unknown;
  author?: unknown;
  id?: unknown;
}

function place(e: HeaderFields): string {
  const guild = str(e.guild);
  const channel = str(e.channel);
  if (channel === "dm") return "dm";
  return [guild, channel]
    .filter(Boolean)
    .map((x) => sanitize(x!))
    .join(" ");
}

function header(e: HeaderFields, t: string, st: Style, nested = false): string {
  const parts: string[] = [];
  parts.push((LABELS as Record<string, string>)[t] ?? sanitize(t || "event"));
  if (!nested) {
    const user = str(e.user);
    const where = place(e);
    if (t === "dm") {
      const to = str(e.to);
      parts.push(to ? `to ${sanitize(to)}` : "dm");
    } else if (user && where) parts.push(`${sanitize(user)} @ ${where}`);
    else if (user) parts.push(sanitize(user));
    else if (where) parts.push(where);
  } else {
    const author = str(e.author);
    if (author) parts.push(sanitize(author));
  }
  const mid = str(e.id);
  if (mid) parts.push(`id ${sanitize(mid)}`);
  return st.dim(`${nested ? "·" : "──"} ${parts.join(" · ")}`);
}

const DISCORD_HINTS: Record<string, string> = {
  "10003": "unknown channel: the bot used a channel that does not exist (or was deleted)",
  "10008": "unknown message: the bot edited or deleted a message that no longer exists",
  "10062": "unknown interaction: the bot answered too late (after 3 s) or twice; defer slow work",
  "40060": "interaction already acknowledged: the bot replied twice; use followUp/editReply",
  "50001": "missing access: the bot cannot see that channel",
  "50006": "empty message: content, embeds or components are required",
  "50007": "cannot DM this user: they closed their DMs; fall back to a channel or ephemeral reply",
  "50013": "missing permissions in that channel",
  "50035": "invalid form body: a payload limit was exceeded (content 2000, embed sizes, components, custom_id 100)",
};

function flagged(
  icon: string,
  title: string,
  detail: string | undefined,
  hint: string | undefined,
  st: Style,
  color: (s: string) => string,
  width: number,
): string[] {
  const lines = wrapText(color(st.bold(`${icon} ${title}`) + (detail ? `: ${detail}` : "")), width);
  if (hint) lines.push(...wrapText(st.dim(`  hint: ${hint}`), width));
  return lines;
}

/** A message `show` lists, nested under its header; anything that is not an object shows as text. */
function renderShownMessage(raw: unknown, st: Style, width: number): string[] {
  const m: Partial<ShownMessage> & MessageFields & HeaderFields = isObj(raw) ? raw : { content: str(raw) };
  const head = header(m, "message", st, true);
  return [m.ephemeral === true ? `${head} ${st.magenta(st.italic("(only you can see this)"))}` : head, ...messageBody(m, st, width)];
}

function renderEventInner(e: SandboxEvent, st: Style, width: number): string[] {
  const t = str(e.t) ?? "event";
  const lines: string[] = [];
  const head = header(e as HeaderFields, t, st);
  switch (e.t) {
    case "reply":
    case "reply_edit":
    case "followup":
    case "followup_edit":
    case "message":
    case "message_edit":
    case "dm": {
      lines.push(e.ephemeral === true ? `${head} ${st.magenta(st.italic("(only you can see this)"))}` : head);
      lines.push(...messageBody(e, st, width));
      break;
    }
    case "message_delete":
      lines.push(head);
      break;
    case "autocomplete": {
      lines.push(head);
      const choices = arr(e.choices);
      if (choices.length === 0) lines.push(st.dim("  (no suggestions)"));
      const pad = String(choices.length).length;
      choices.forEach((c, i) => {
        const o = isObj(c) ? c : { name: c };
        const name = str(o.name) ?? "?";
        const value = str(o.value);
        const n = String(i + 1).padStart(pad);
        lines.push(
          ...wrapText(
            `  ${st.dim(`${n}.`)} ${sanitize(name)}${value !== undefined && value !== name ? st.dim(`  → ${sanitize(value)}`) : ""}`,
            width,
          ),
        );
      });
      break;
    }
    case "interaction_failed":
      lines.push(head);
      lines.push(
        ...flagged(
          "⚠",
          "This interaction failed",
          str(e.message) ? sanitize(str(e.message)!) : undefined,
          "the bot did not acknowledge within 3 s; defer the reply before slow work",
          st,
          st.red,
          width,
        ),
      );
      break;
    case "discord_error": {
      lines.push(head);
      const code = str(e.code);
      const msg = str(e.message);
      const detail = [code ? `[${sanitize(code)}]` : "", msg ? sanitize(msg) : ""].filter(Boolean).join(" ");
      lines.push(
        ...flagged(
          "✖",
          "Discord rejected the bot's request",
          detail || undefined,
          (code && DISCORD_HINTS[code]) ?? "production Discord would refuse this payload the same way",
          st,
          st.red,
          width,
        ),
      );
      break;
    }
    case "rate_limited": {
      lines.push(head);
      const ra = typeof e.retry_after === "number" ? e.retry_after : Number(str(e.retry_after));
      const detail = Number.isFinite(ra) ? `retry after ${ra}s` : undefined;
      const oldEdits = str(e.code) === "30046";
      lines.push(
        ...flagged(
          "⚠",
          oldEdits ? "Rate limited (429, code 30046)" : "Rate limited (429)",
          detail,
          oldEdits
            ? "edits of a message older than an hour are limited much more strictly; edit less often or post a new message"
            : "the bot sent too much too fast; it must wait retry_after, and batch or slow its messages",
          st,
          st.yellow,
          width,
        ),
      );
      break;
    }
    case "rejected": {
      lines.push(head);
      const reason = str(e.reason);
      lines.push(
        ...flagged(
          "⊘",
          "Discord's client refused this input",
          reason ? sanitize(reason) : undefined,
          "a real user could not send this; check the command's options, choices and limits",
          st,
          st.yellow,
          width,
        ),
      );
      break;
    }
    case "error": {
      const msg = str(e.message) ?? "unknown error";
      lines.push(...wrapText(st.red(st.bold("✖ error: ") + sanitize(msg)), width));
      const line = str(e.line);
      if (line !== undefined && line !== "") {
        lines.push(...wrapText(st.dim(typeof e.line === "number" ? `  at line ${line}` : `  in: ${sanitize(line)}`), width));
      }
      break;
    }
    case "web": {
      const fn = str(e.function) ?? "?";
      const user = str(e.user);
      lines.push(
        st.dim(`── web app · ${user ? `${sanitize(user)} · ` : ""}${sanitize(fn)}${str(e.kind) ? ` (${sanitize(str(e.kind)!)})` : ""}`),
      );
      let json: string;
      try {
        json = JSON.stringify(e.result, null, 2) ?? "null";
      } catch {
        json = safeJson(e.result);
      }
      const all = sanitize(json).split("\n");
      const shown = all.slice(0, 40);
      for (const l of shown) lines.push(...wrapText(`  ${l}`, width));
      if (all.length > shown.length) lines.push(st.dim(`  … ${all.length - shown.length} more lines (use --json for all of it)`));
      break;
    }
    case "poll_vote": {
      lines.push(st.dim(`── poll vote · ${sanitize(str(e.user) ?? "?")} → ${sanitize(str(e.answer) ?? "?")}`));
      break;
    }
    case "thread":
      lines.push(st.dim(`── thread started · #${sanitize(str(e.name) ?? "?")}`));
      break;
    case "scheduled_event": {
      const ev: Partial<typeof e.event> = isObj(e.event) ? e.event : {};
      const what = str(e.action) === "create" ? "created" : str(e.action) === "update" ? "updated" : "deleted";
      lines.push(
        st.dim(
          `── server event ${what} · ${sanitize(str(ev.name) ?? "?")} · ${sanitize(str(ev.start) ?? "?")}${ev.location ? ` · ${sanitize(str(ev.location)!)}` : ""}`,
        ),
      );
      break;
    }
    case "restart": {
      const shards = typeof e.shards === "number" ? e.shards : undefined;
      lines.push(st.dim(`── restart · the bot process stopped and started again${shards && shards > 1 ? ` (${shards} shards)` : ""}`));
      break;
    }
    case "fault": {
      const target = e.target === "tmdb" ? "TMDB" : "Convex";
      const state = str(e.state);
      const what =
        state === "up"
          ? "is back"
          : state === "slow"
            ? `is slow: every call waits ${typeof e.ms === "number" ? `${e.ms / 1000} s` : "?"}`
            : state === "down"
              ? e.target === "tmdb"
                ? "is down: every request's connection is cut"
                : "is down: connections are refused"
              : state === "hang"
                ? "hangs: requests are never answered"
                : state === "drop"
                  ? `loses the answer of the next ${typeof e.count === "number" && e.count > 1 ? `${e.count} mutations` : "mutation"} after applying it`
                  : sanitize(state ?? "?");
      lines.push(st.dim(`── fault · ${target} ${what}`));
      break;
    }
    case "link": {
      lines.push(
        st.dim(
          `── link · ${sanitize(str(e.user) ?? "?")} → Clerk ${sanitize(str(e.clerk_user) ?? "?")} (${sanitize(str(e.status) ?? "?")})`,
        ),
      );
      if (str(e.message)) lines.push(...wrapText(`  ${sanitize(str(e.message)!)}`, width));
      break;
    }
    case "clerk": {
      const what = e.event === "user.deleted" ? "deleted" : e.discord === true ? "signed up with Discord" : "signed up";
      lines.push(
        st.dim(
          `── Clerk · ${sanitize(str(e.user) ?? "?")} ${what} (${sanitize(str(e.clerk_user) ?? "?")}) · webhook: ${sanitize(safeJson(e.result))}`,
        ),
      );
      break;
    }
    case "show": {
      const msgs = arr(e.messages);
      const where = place(e) || "channel";
      lines.push(st.dim(`── ${where} · ${msgs.length} message${msgs.length === 1 ? "" : "s"}`));
      if (msgs.length === 0) lines.push(st.dim("  (no messages)"));
      for (const m of msgs) lines.push(...renderShownMessage(m, st, width));
      break;
    }
    case "modal":
    default: {
      // A modal, or an event type this renderer does not know (JSON from a newer sandbox): its fields as they are.
      lines.push(head);
      const { t: _t, user: _u, guild: _g, channel: _c, ...rest } = e as unknown as Record<string, unknown>;
      if (rest.content !== undefined || rest.embeds !== undefined || rest.components !== undefined) {
        lines.push(...messageBody(rest, st, width));
      } else if (Object.keys(rest).length > 0) {
        lines.push(...wrapText(st.dim(safeJson(rest)), width));
      }
    }
  }
  return lines;
}

/** Render one sandbox event as terminal text (possibly several lines, no trailing newline). */
export function renderEvent(e: SandboxEvent, opts: RenderOptions = {}): string {
  const base = (opts.color ?? defaultColor()) ? COLOR_STYLE : PLAIN_STYLE;
  const st: Style = opts.names || opts.now ? { ...base, names: opts.names, now: opts.now } : base;
  const w = typeof opts.width === "number" && Number.isFinite(opts.width) ? opts.width : 80;
  const width = Math.max(20, Math.min(Math.floor(w), 400));
  try {
    if (!isObj(e)) return st.red(`✖ invalid event: ${safeJson(e)}`);
    return renderEventInner(e, st, width)
      .flatMap((l) => (visibleLength(l) > width ? wrapText(l, width) : [l]))
      .join("\n");
  } catch (err) {
    // Never let a rendering bug take the prompt down: show the raw event instead.
    return st.red(`✖ could not render event (${err instanceof Error ? err.message : String(err)}): ${safeJson(e)}`);
  }
}

/** Labels of the buttons (excluding link buttons) in an event, newest message last. */
export function buttonLabels(e: unknown): string[] {
  return collect(e, "button");
}

/** Labels of the select-menu options in an event. */
export function selectOptionLabels(e: unknown): string[] {
  return collect(e, "option");
}

function collect(e: unknown, kind: "button" | "option"): string[] {
  const out: string[] = [];
  const walk = (c: unknown) => {
    if (!isObj(c)) return;
    if (kind === "button" && c.type === 2 && c.style !== 5) {
      const l = str(c.label);
      if (l) out.push(l);
    }
    if (kind === "option" && c.type === 3) {
      for (const o of arr(c.options)) {
        const l = isObj(o) ? str(o.label) : undefined;
        if (l) out.push(l);
      }
    }
    for (const child of arr(c.components)) walk(child);
  };
  if (!isObj(e)) return out;
  const msgs = e.t === "show" ? arr(e.messages) : [e];
  for (const m of msgs) if (isObj(m)) for (const row of arr(m.components)) walk(row);
  return out;
}
