// Terminal rendering of sandbox events for the interactive prompt (`npm run sandbox`).
//
// Everything here is defensive: events come from the sandbox as loosely typed JSON and a
// renderer that throws would take the prompt down with it, so every field is checked at
// runtime and odd values are shown rather than trusted. No dependencies: ANSI styling is
// hand-written and switched off entirely (no escape codes at all) when colour is off.

import type { SandboxEvent } from "./events.ts";

export type { SandboxEvent } from "./events.ts";

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

/** Looks up the names Discord would show for mentioned ids. */
export interface MentionNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

// ---------------------------------------------------------------------------------------
// Styling

interface Style {
  on: boolean;
  names?: MentionNames;
  now?: () => number;
  bold(s: string): string;
  dim(s: string): string;
  italic(s: string): string;
  underline(s: string): string;
  strike(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  gray(s: string): string;
  rgb(color: number, s: string): string;
}

const sgr = (open: number | string, close: number) => (s: string) =>
  s === "" ? s : `\x1b[${open}m${s}\x1b[${close}m`;

const COLOR_STYLE: Style = {
  on: true,
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  italic: sgr(3, 23),
  underline: sgr(4, 24),
  strike: sgr(9, 29),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  magenta: sgr(35, 39),
  cyan: sgr(36, 39),
  gray: sgr(90, 39),
  rgb: (color, s) => {
    const c = Math.max(0, Math.min(0xffffff, Math.trunc(color)));
    return sgr(`38;2;${(c >> 16) & 255};${(c >> 8) & 255};${c & 255}`, 39)(s);
  },
};

const id = (s: string) => s;
const PLAIN_STYLE: Style = {
  on: false,
  bold: id,
  dim: id,
  italic: id,
  underline: id,
  strike: id,
  red: id,
  green: id,
  yellow: id,
  blue: id,
  magenta: id,
  cyan: id,
  gray: id,
  rgb: (_c, s) => s,
};

/** Whether to colour by default: NO_COLOR (any non-empty value) wins, then FORCE_COLOR, then TTY. */
export function defaultColor(stream?: { isTTY?: boolean } | NodeJS.WritableStream): boolean {
  const env = typeof process !== "undefined" ? process.env : {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  if (env.TERM === "dumb") return false;
  const s = (stream ?? (typeof process !== "undefined" ? process.stdout : undefined)) as
    | { isTTY?: boolean }
    | undefined;
  return Boolean(s && s.isTTY);
}

const ANSI_RE = /\x1b\[[0-9;]*m/g;

/** Strip the SGR escape codes this module produces. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, "");
}

function visibleLength(s: string): number {
  return stripAnsi(s).length;
}

function padVisible(s: string, width: number): string {
  const n = width - visibleLength(s);
  return n > 0 ? s + " ".repeat(n) : s;
}

// ---------------------------------------------------------------------------------------
// Runtime helpers for untrusted fields

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  if (typeof x === "string") return x;
  if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return String(x);
  return undefined;
}

function arr(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (isObj(x)) return [x];
  return [];
}

/** Remove terminal control characters from untrusted text (keep newlines, expand tabs). */
function sanitize(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "  ")
    .replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => (c === "\x1b" ? "␛" : "�"));
}

function safeJson(x: unknown, max = 300): string {
  let s: string;
  try {
    s = JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(x);
  } catch {
    s = String(x);
  }
  s = sanitize(s);
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

// ---------------------------------------------------------------------------------------
// Wrapping (ANSI-aware; wide characters count as one column)

/** Split a string into visible chunks of at most `width` columns, keeping escape codes. */
function hardBreak(word: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  let len = 0;
  for (let i = 0; i < word.length; ) {
    if (word[i] === "\x1b") {
      const m = /^\x1b\[[0-9;]*m/.exec(word.slice(i));
      if (m) {
        cur += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (len >= width) {
      out.push(cur);
      cur = "";
      len = 0;
    }
    const cp = word.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    cur += ch;
    len += 1;
    i += ch.length;
  }
  if (cur !== "" || out.length === 0) out.push(cur);
  return out;
}

/** The SGR sequence that recreates the state left by a run of SGR sequences ("" if plain). */
function activeStyle(codes: string[]): string {
  const state = new Map<string, string>();
  for (const code of codes) {
    const p = code.slice(2, -1);
    if (p === "" || p === "0") state.clear();
    else if (p === "1" || p === "2") state.set(`i${p}`, p);
    else if (p === "22") (state.delete("i1"), state.delete("i2"));
    else if (p === "3" || p === "4" || p === "9") state.set(p, p);
    else if (p === "23" || p === "24" || p === "29") state.delete(p[1]!);
    else if (p === "39") state.delete("fg");
    else state.set("fg", p);
  }
  return [...state.values()].map((p) => `\x1b[${p}m`).join("");
}

/** Word-wrap each line of `text` to `width` visible columns. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (visibleLength(line) <= w) {
      out.push(line);
      continue;
    }
    const indent = /^ */.exec(stripAnsi(line))?.[0] ?? "";
    const hangIndent = indent.length < w / 2 ? indent : "";
    const pieces: string[] = [];
    let cur = "";
    let curLen = 0;
    const flush = () => {
      pieces.push(cur.replace(/ +$/, ""));
      cur = hangIndent;
      curLen = hangIndent.length;
    };
    for (const tok of line.split(/( +)/)) {
      if (tok === "") continue;
      const tl = visibleLength(tok);
      if (/^ +$/.test(tok)) {
        if (curLen + tl <= w) {
          cur += tok;
          curLen += tl;
        } else if (curLen > hangIndent.length) flush();
        continue;
      }
      if (curLen + tl <= w) {
        cur += tok;
        curLen += tl;
        continue;
      }
      if (curLen > hangIndent.length) flush();
      if (curLen + tl <= w) {
        cur += tok;
        curLen += tl;
        continue;
      }
      const chunks = hardBreak(tok, Math.max(1, w - curLen));
      for (let i = 0; i < chunks.length; i++) {
        cur += chunks[i];
        curLen += visibleLength(chunks[i]!);
        if (i < chunks.length - 1) flush();
      }
    }
    if (stripAnsi(cur).trim() !== "" || pieces.length === 0) pieces.push(cur.replace(/ +$/, ""));
    // Keep styling intact across the breaks: reset at each line end, replay what was opened.
    const seen: string[] = [];
    for (const p of pieces) {
      const codes = p.match(ANSI_RE) ?? [];
      const open = activeStyle(seen);
      out.push(open || codes.length > 0 ? `${open}${p}\x1b[0m` : p);
      seen.push(...codes);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Markdown (Discord flavour, lightly)

const PH_OPEN = "\uE000";
const PH_CLOSE = "\uE001";

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
/** Each unit's size in seconds and where the next larger one takes over (moment's thresholds, which Discord's wording follows). */
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["second", 1, 45],
  ["minute", 60, 45 * 60],
  ["hour", 3_600, 22 * 3_600],
  ["day", 86_400, 26 * 86_400],
  ["month", 30 * 86_400, 320 * 86_400],
  ["year", 365 * 86_400, Number.POSITIVE_INFINITY],
];

/** "in 2 days", "3 hours ago": as Discord words a relative timestamp. */
function relativeTime(ms: number, now: number): string {
  const seconds = (ms - now) / 1000;
  const [unit, size] = RELATIVE_UNITS.find(([, , below]) => Math.abs(seconds) < below)!;
  return RELATIVE.format(Math.max(unit === "second" ? 0 : 1, Math.round(Math.abs(seconds) / size)) * Math.sign(seconds || 1), unit);
}

function formatTimestamp(unix: string, style: string | undefined, now: () => number): string {
  const ms = Number(unix) * 1000;
  if (!Number.isFinite(ms)) return unix;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return unix;
  if (style === "R") {
    const at = now();
    return Number.isFinite(at) ? relativeTime(ms, at) : unix;
  }
  const iso = d.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  switch (style) {
    case "d":
    case "D":
      return date;
    case "t":
    case "T":
      return `${time} UTC`;
    default:
      return `${date} ${time} UTC`;
  }
}

/** The name Discord would show for a mentioned id, or the id when it isn't known. */
function lookup(st: Style, kind: keyof MentionNames, id: string): string | undefined {
  try {
    const name = st.names?.[kind](id);
    return name === undefined || name === "" ? undefined : sanitize(name);
  } catch {
    return undefined;
  }
}
const nameOf = (st: Style, kind: keyof MentionNames, id: string): string => lookup(st, kind, id) ?? id;

/** Render inline Discord markdown on one line. */
function renderInline(text: string, st: Style): string {
  const saved: string[] = [];
  const protect = (s: string) => `${PH_OPEN}${saved.push(s) - 1}${PH_CLOSE}`;

  // 1. Escapes and code spans, scanned left to right (code spans keep backslashes).
  let s = "";
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[^\w\s]/.test(text[i + 1]!)) {
      s += protect(text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === "`") {
      let n = 0;
      while (text[i + n] === "`") n++;
      const fence = "`".repeat(n);
      let j = text.indexOf(fence, i + n);
      while (j !== -1 && text[j + n] === "`") j = text.indexOf(fence, j + 1);
      if (j !== -1 && j > i + n) {
        let code = text.slice(i + n, j);
        if (n >= 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim()) code = code.slice(1, -1);
        s += protect(st.on ? st.cyan(code) : `\`${code}\``);
        i = j + n;
        continue;
      }
      s += protect(fence);
      i += n;
      continue;
    }
    s += c;
    i++;
  }

  // 2. Links, mentions, emoji, timestamps.
  s = s.replace(
    /\[([^\]\n]+)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    (_m, label: string, url: string) =>
      (st.on ? st.underline(label) : label) + protect(st.dim(` (${url})`)),
  );
  s = s.replace(/<(https?:\/\/[^\s>]+)>/g, (_m, url: string) => protect(url));
  s = s.replace(/<@!?(\d+)>/g, (_m, uid: string) => protect(st.blue(`@${nameOf(st, "user", uid)}`)));
  s = s.replace(/<@&(\d+)>/g, (_m, rid: string) => protect(st.blue(lookup(st, "role", rid) !== undefined ? `@${nameOf(st, "role", rid)}` : `@&${rid}`)));
  s = s.replace(/<#(\d+)>/g, (_m, cid: string) => protect(st.blue(`#${nameOf(st, "channel", cid)}`)));
  s = s.replace(/<\/([\w -]+):\d+>/g, (_m, name: string) => protect(st.blue(`/${name}`)));
  s = s.replace(/<a?:(\w+):\d+>/g, (_m, name: string) => protect(`:${name}:`));
  s = s.replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_m, unix: string, style?: string) =>
    protect(st.underline(formatTimestamp(unix, style, st.now ?? Date.now))),
  );
  s = s.replace(/@(everyone|here)\b/g, (m) => protect(st.yellow(m)));

  // 3. Emphasis.
  s = s.replace(/\|\|(.+?)\|\|/g, (_m, inner: string) =>
    st.on ? st.dim(`▒${inner}▒`) : "▒".repeat(Math.max(3, Math.min(20, stripAnsi(inner).length))),
  );
  s = s.replace(/\*\*\*(?=\S)(.+?)\*\*\*/g, (_m, t: string) => st.bold(st.italic(t)));
  s = s.replace(/\*\*(?=\S)(.+?)\*\*/g, (_m, t: string) => st.bold(t));
  s = s.replace(/__(?=\S)(.+?)__/g, (_m, t: string) => st.underline(t));
  s = s.replace(/~~(?=\S)(.+?)~~/g, (_m, t: string) => (st.on ? st.strike(t) : `~~${t}~~`));
  s = s.replace(/\*(?=[^\s*])(.+?)\*/g, (_m, t: string) => st.italic(t));
  s = s.replace(/(^|[^\w])_(?=[^\s_])(.+?)_(?![\w])/g, (_m, pre: string, t: string) => pre + st.italic(t));

  // 4. Restore protected pieces (they may nest: a link's URL inside nothing else, so one pass
  //    per nesting level is plenty).
  const restore = (x: string) =>
    x.replace(new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, "g"), (_m, n: string) => saved[Number(n)] ?? "");
  let prev = "";
  while (prev !== s && s.includes(PH_OPEN)) {
    prev = s;
    s = restore(s);
  }
  return s;
}

/** Render Discord markdown (block structure + inline) into terminal lines joined by "\n". */
export function renderMarkdown(text: string, opts: { color?: boolean } = {}): string {
  return renderMd(text, opts.color ? COLOR_STYLE : PLAIN_STYLE);
}

function renderMd(raw: string, st: Style): string {
  const text = sanitize(raw);
  const out: string[] = [];
  let inCode = false;
  let quoteRest = false;
  for (const line of text.split("\n")) {
    const fence = /^\s*```(.*)$/.exec(line);
    if (fence && !(fence[1] ?? "").includes("```")) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push("  " + (st.on ? st.cyan(line) : line));
      continue;
    }
    let l = line;
    let prefix = "";
    if (quoteRest) prefix = st.gray("▎ ");
    else if (/^>>> ?/.test(l)) {
      quoteRest = true;
      l = l.replace(/^>>> ?/, "");
      prefix = st.gray("▎ ");
    } else if (/^> /.test(l) || l === ">") {
      l = l.slice(2);
      prefix = st.gray("▎ ");
    }
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,3}) +(.*)$/.exec(l))) {
      out.push(prefix + st.bold(renderInline(m[2] ?? "", st)));
    } else if ((m = /^-# +(.*)$/.exec(l))) {
      out.push(prefix + st.dim(renderInline(m[1] ?? "", st)));
    } else if ((m = /^(\s*)[-*] +(.*)$/.exec(l))) {
      out.push(prefix + (m[1] ?? "") + "• " + renderInline(m[2] ?? "", st));
    } else {
      out.push(prefix + renderInline(l, st));
    }
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------
// Embeds

const DEFAULT_EMBED_COLOR = 0x4f545c;
const INLINE_MIN_COL = 14;

function renderEmbed(raw: unknown, st: Style, width: number): string[] {
  const e = isObj(raw) ? raw : {};
  const inner = Math.max(12, Math.min(width, 80) - 2);
  const lines: string[] = [];
  const wrapMd = (s: string, w: number) => wrapText(renderMd(s, st), w);

  const author = isObj(e.author) ? str(e.author.name) : undefined;
  if (author) lines.push(...wrapText(st.bold(sanitize(author)), inner));

  const title = str(e.title);
  const url = str(e.url);
  if (title) {
    const t = st.bold(renderInline(sanitize(title), st));
    lines.push(...wrapText(url ? `${t} ${st.dim(`↗ ${sanitize(url)}`)}` : t, inner));
  } else if (url) lines.push(st.dim(`↗ ${sanitize(url)}`));

  const description = str(e.description);
  if (description) lines.push(...wrapMd(description, inner));

  const fields = arr(e.fields).map((f) => (isObj(f) ? f : {}));
  if (fields.length > 0) {
    if (lines.length > 0) lines.push("");
    const rows: (typeof fields)[] = [];
    for (const f of fields) {
      const last = rows[rows.length - 1];
      if (f.inline === true && last && last.length < 3 && last.every((x) => x.inline === true)) last.push(f);
      else rows.push([f]);
    }
    const fieldLines = (f: Record<string, unknown>, w: number) => {
      const name = str(f.name) ?? "";
      const value = str(f.value) ?? "";
      const ls: string[] = [];
      if (name) ls.push(...wrapText(st.bold(renderInline(sanitize(name), st)), w));
      if (value) ls.push(...wrapMd(value, w));
      return ls;
    };
    const gap = 3;
    for (const row of rows) {
      // Discord lays inline fields on a three-column grid; keep that so rows line up.
      const colW = Math.floor((inner - gap * 2) / 3);
      if (row.length === 1 || colW < INLINE_MIN_COL) {
        for (const f of row) lines.push(...fieldLines(f, inner));
        continue;
      }
      const cols = row.map((f) => fieldLines(f, colW));
      const height = Math.max(...cols.map((c) => c.length));
      for (let i = 0; i < height; i++) {
        const cells = cols.map((c, j) => {
          const cell = c[i] ?? "";
          return j === cols.length - 1 ? cell : padVisible(cell, colW);
        });
        lines.push(cells.join(" ".repeat(gap)).replace(/ +$/, ""));
      }
    }
  }

  const image = isObj(e.image) ? str(e.image.url) : undefined;
  const thumb = isObj(e.thumbnail) ? str(e.thumbnail.url) : undefined;
  if (thumb) lines.push(...wrapText(st.dim(`thumbnail: ${sanitize(thumb)}`), inner));
  if (image) lines.push(...wrapText(st.dim(`image: ${sanitize(image)}`), inner));

  const footer = isObj(e.footer) ? str(e.footer.text) : undefined;
  const ts = str(e.timestamp);
  if (footer || ts) {
    if (lines.length > 0) lines.push("");
    const text = [footer ? sanitize(footer) : "", ts ? sanitize(ts) : ""].filter(Boolean).join(" · ");
    lines.push(...wrapText(st.dim(text), inner));
  }

  if (lines.length === 0) lines.push(st.dim("(empty embed)"));
  const color = typeof e.color === "number" && Number.isFinite(e.color) ? e.color : DEFAULT_EMBED_COLOR;
  const bar = st.rgb(color, "│");
  return lines.map((l) => (l === "" ? bar : `${bar} ${l}`));
}

// ---------------------------------------------------------------------------------------
// Components

function emojiText(raw: unknown): string {
  if (!isObj(raw)) return "";
  const name = str(raw.name);
  if (!name) return "";
  return raw.id ? `:${sanitize(name)}:` : sanitize(name);
}

function buttonChip(b: Record<string, unknown>, st: Style): { chip: string; link?: string } {
  const label = str(b.label);
  const emoji = emojiText(b.emoji);
  const style = typeof b.style === "number" ? b.style : 2;
  const url = str(b.url);
  const isLink = style === 5 || (url !== undefined && !str(b.custom_id));
  let text = [emoji, label ? sanitize(label) : ""].filter(Boolean).join(" ") || "?";
  if (isLink) text += " ↗";
  const disabled = b.disabled === true;
  if (!st.on) {
    return { chip: `[ ${text}${disabled ? " (disabled)" : ""} ]`, link: isLink ? url : undefined };
  }
  let chip = `[ ${text} ]`;
  if (disabled) chip = st.dim(chip);
  else if (style === 1) chip = st.bold(st.blue(chip));
  else if (style === 3) chip = st.bold(st.green(chip));
  else if (style === 4) chip = st.bold(st.red(chip));
  else if (isLink) chip = st.blue(chip);
  else chip = st.bold(chip);
  return { chip, link: isLink ? url : undefined };
}

const SELECT_KIND: Record<number, string> = { 5: "user", 6: "role", 7: "user or role", 8: "channel" };

function renderSelect(s: Record<string, unknown>, st: Style, width: number): string[] {
  const type = typeof s.type === "number" ? s.type : 3;
  const placeholder = str(s.placeholder);
  const disabled = s.disabled === true;
  let head = `[▾ ${placeholder ? sanitize(placeholder) : "Make a selection"}]`;
  if (SELECT_KIND[type]) head += ` ${st.dim(`(${SELECT_KIND[type]} select)`)}`;
  if (disabled) head = st.on ? st.dim(head) : `${head} (disabled)`;
  else head = st.bold(head);
  const lines = [head];
  for (const o of arr(s.options)) {
    const opt = isObj(o) ? o : {};
    const label = str(opt.label) ?? str(opt.value) ?? "?";
    const emoji = emojiText(opt.emoji);
    const desc = str(opt.description);
    const mark = opt.default === true ? "●" : "◦";
    const text = `${emoji ? `${emoji} ` : ""}${sanitize(label)}${desc ? st.dim(` — ${sanitize(desc)}`) : ""}`;
    lines.push(...wrapText(`   ${mark} ${disabled ? st.dim(text) : text}`, width));
  }
  return lines;
}

function renderComponents(raw: unknown, st: Style, width: number): string[] {
  const lines: string[] = [];
  const renderRow = (children: unknown[]) => {
    let chips: string[] = [];
    const links: string[] = [];
    const flushChips = () => {
      if (chips.length === 0) return;
      let cur = "";
      for (const c of chips) {
        if (cur && visibleLength(cur) + 1 + visibleLength(c) > width) {
          lines.push(cur);
          cur = c;
        } else cur = cur ? `${cur} ${c}` : c;
      }
      if (cur) lines.push(cur);
      for (const l of links) lines.push(...wrapText(st.dim(`  ↗ ${l}`), width));
      chips = [];
      links.length = 0;
    };
    for (const child of children) {
      if (!isObj(child)) continue;
      const c = child;
      const type = typeof c.type === "number" ? c.type : undefined;
      if (type === 2 || (type === undefined && (c.label !== undefined || c.style !== undefined))) {
        const { chip, link } = buttonChip(c, st);
        chips.push(chip);
        if (link) links.push(`${str(c.label) ? sanitize(str(c.label)!) + ": " : ""}${sanitize(link)}`);
      } else {
        flushChips();
        lines.push(...renderComponent(c, st, width));
      }
    }
    flushChips();
  };
  for (const row of arr(raw)) {
    if (!isObj(row)) continue;
    const r = row;
    if (r.type === 1 || (r.type === undefined && Array.isArray(r.components))) renderRow(arr(r.components));
    else renderRow([r]);
  }
  return lines;
}

function renderComponent(c: Record<string, unknown>, st: Style, width: number): string[] {
  const type = typeof c.type === "number" ? c.type : undefined;
  if (type !== undefined && [3, 5, 6, 7, 8].includes(type)) return renderSelect(c, st, width);
  if (type === 10 && str(c.content)) return wrapText(renderMd(str(c.content)!, st), width);
  if (type === 14) return [st.dim("─".repeat(Math.min(width, 40)))];
  if (Array.isArray(c.components)) return renderComponents(c.components, st, width);
  return [st.dim(`[component${type !== undefined ? ` type ${type}` : ""}]`)];
}

// ---------------------------------------------------------------------------------------
// Events

const LABELS: Record<string, string> = {
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
  poll_vote: "poll vote",
};

function place(e: Record<string, unknown>): string {
  const guild = str(e.guild);
  const channel = str(e.channel);
  if (channel === "dm") return "dm";
  return [guild, channel].filter(Boolean).map((x) => sanitize(x!)).join(" ");
}

function header(e: Record<string, unknown>, t: string, st: Style, nested = false): string {
  const parts: string[] = [];
  parts.push(LABELS[t] ?? sanitize(t || "event"));
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

function mentionsLine(raw: unknown, st: Style): string | undefined {
  if (!isObj(raw)) return undefined;
  const pings: string[] = [];
  if (raw.everyone === true) pings.push("@everyone");
  for (const u of arr(raw.users)) {
    const s = str(u) ?? (isObj(u) ? str(u.id) ?? str(u.name) : undefined);
    if (s) pings.push(`@${nameOf(st, "user", sanitize(s))}`);
  }
  for (const r of arr(raw.roles)) {
    const s = str(r) ?? (isObj(r) ? str(r.id) ?? str(r.name) : undefined);
    if (s) pings.push(lookup(st, "role", s) !== undefined ? `@${nameOf(st, "role", s)}` : `@&${sanitize(s)}`);
  }
  if (pings.length === 0) return undefined;
  return st.yellow(st.bold(`pings: ${pings.join(" ")}`));
}

/** Body of anything that carries a bot message: content, embeds, components, attachments, pings. */
function messageBody(e: Record<string, unknown>, st: Style, width: number): string[] {
  const lines: string[] = [];
  if (e.deferred === true && e.content == null && arr(e.embeds).length === 0) {
    lines.push(st.dim(st.italic("Film Fanatic is thinking…")));
  }
  const content = str(e.content);
  if (content) lines.push(...wrapText(renderMd(content, st), width));
  for (const embed of arr(e.embeds)) lines.push(...renderEmbed(embed, st, width));
  lines.push(...renderComponents(e.components, st, width));
  if (isObj(e.poll)) {
    const poll = e.poll as Record<string, any>;
    lines.push(st.bold(`📊 ${sanitize(str(poll.question?.text) ?? "")}`));
    for (const a of arr(poll.answers)) if (isObj(a)) lines.push(`   ○ ${sanitize(str((a as any).poll_media?.text) ?? "")}`);
    lines.push(st.dim(`   vote with: vote "ANSWER" · ends ${sanitize(str(poll.expiry) ?? "?")}`));
  }
  for (const a of arr(e.attachments ?? e.files)) {
    const name = isObj(a) ? str(a.filename) ?? str(a.name) ?? str(a.url) : str(a);
    lines.push(st.dim(`📎 ${name ? sanitize(name) : "attachment"}`));
  }
  if (lines.length === 0) lines.push(st.dim("(empty message)"));
  const pings = mentionsLine(e.mentions, st);
  if (pings) lines.push(pings);
  return lines;
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

function flagged(icon: string, title: string, detail: string | undefined, hint: string | undefined, st: Style, color: (s: string) => string, width: number): string[] {
  const lines = wrapText(color(st.bold(`${icon} ${title}`) + (detail ? `: ${detail}` : "")), width);
  if (hint) lines.push(...wrapText(st.dim(`  hint: ${hint}`), width));
  return lines;
}

function renderEventInner(e: Record<string, unknown>, st: Style, width: number, nested: boolean): string[] {
  const t = str(e.t) ?? (nested ? "message" : "event");
  const lines: string[] = [];
  const head = header(e, t, st, nested);
  switch (t) {
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
          ...wrapText(`  ${st.dim(`${n}.`)} ${sanitize(name)}${value !== undefined && value !== name ? st.dim(`  → ${sanitize(value)}`) : ""}`, width),
        );
      });
      break;
    }
    case "interaction_failed":
      lines.push(head);
      lines.push(
        ...flagged("⚠", "This interaction failed", str(e.message) ? sanitize(str(e.message)!) : undefined,
          "the bot did not acknowledge within 3 s; defer the reply before slow work", st, st.red, width),
      );
      break;
    case "discord_error": {
      lines.push(head);
      const code = str(e.code);
      const msg = str(e.message);
      const detail = [code ? `[${sanitize(code)}]` : "", msg ? sanitize(msg) : ""].filter(Boolean).join(" ");
      lines.push(
        ...flagged("✖", "Discord rejected the bot's request", detail || undefined,
          (code && DISCORD_HINTS[code]) ?? "production Discord would refuse this payload the same way", st, st.red, width),
      );
      break;
    }
    case "rate_limited": {
      lines.push(head);
      const ra = typeof e.retry_after === "number" ? e.retry_after : Number(str(e.retry_after));
      const detail = Number.isFinite(ra) ? `retry after ${ra}s` : undefined;
      const oldEdits = str(e.code) === "30046";
      lines.push(
        ...flagged("⚠", oldEdits ? "Rate limited (429, code 30046)" : "Rate limited (429)", detail,
          oldEdits
            ? "edits of a message older than an hour are limited much more strictly; edit less often or post a new message"
            : "the bot sent too much too fast; it must wait retry_after, and batch or slow its messages", st, st.yellow, width),
      );
      break;
    }
    case "rejected": {
      lines.push(head);
      const reason = str(e.reason);
      lines.push(
        ...flagged("⊘", "Discord's client refused this input", reason ? sanitize(reason) : undefined,
          "a real user could not send this; check the command's options, choices and limits", st, st.yellow, width),
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
      lines.push(st.dim(`── web app · ${user ? `${sanitize(user)} · ` : ""}${sanitize(fn)}${str(e.kind) ? ` (${sanitize(str(e.kind)!)})` : ""}`));
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
    case "scheduled_event": {
      const ev = (e.event ?? {}) as Record<string, unknown>;
      const what = str(e.action) === "create" ? "created" : str(e.action) === "update" ? "updated" : "deleted";
      lines.push(st.dim(`── server event ${what} · ${sanitize(str(ev.name) ?? "?")} · ${sanitize(str(ev.start) ?? "?")}${ev.location ? ` · ${sanitize(str(ev.location)!)}` : ""}`));
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
        state === "up" ? "is back" : state === "slow" ? `is slow: every call waits ${typeof e.ms === "number" ? `${e.ms / 1000} s` : "?"}` : state === "down" ? (e.target === "tmdb" ? "is down: every request's connection is cut" : "is down: connections are refused") : state === "hang" ? "hangs: requests are never answered" : state === "drop" ? `loses the answer of the next ${typeof e.count === "number" && e.count > 1 ? `${e.count} mutations` : "mutation"} after applying it` : sanitize(state ?? "?");
      lines.push(st.dim(`── fault · ${target} ${what}`));
      break;
    }
    case "link": {
      lines.push(st.dim(`── link · ${sanitize(str(e.user) ?? "?")} → Clerk ${sanitize(str(e.clerk_user) ?? "?")} (${sanitize(str(e.status) ?? "?")})`));
      if (str(e.message)) lines.push(...wrapText(`  ${sanitize(str(e.message)!)}`, width));
      break;
    }
    case "clerk": {
      const what = e.event === "user.deleted" ? "deleted" : e.discord === true ? "signed up with Discord" : "signed up";
      lines.push(st.dim(`── Clerk · ${sanitize(str(e.user) ?? "?")} ${what} (${sanitize(str(e.clerk_user) ?? "?")}) · webhook: ${sanitize(safeJson(e.result))}`));
      break;
    }
    case "show": {
      const msgs = arr(e.messages);
      const where = place(e) || "channel";
      lines.push(st.dim(`── ${where} · ${msgs.length} message${msgs.length === 1 ? "" : "s"}`));
      if (msgs.length === 0) lines.push(st.dim("  (no messages)"));
      for (const m of msgs) {
        const mm = isObj(m) ? m : { content: str(m) };
        lines.push(...renderEventInner({ t: "message", ...mm }, st, width, true));
      }
      break;
    }
    default: {
      lines.push(head);
      const { t: _t, user: _u, guild: _g, channel: _c, ...rest } = e;
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
    return renderEventInner(e as unknown as Record<string, unknown>, st, width, false)
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
