// Styling, runtime checks for untrusted fields, and ANSI-aware wrapping for the sandbox's
// terminal renderer (sandbox/render.ts). No dependencies: escape codes are hand-written and
// switched off entirely (none at all) when colour is off.

/** Looks up the names Discord would show for mentioned ids. */
export interface MentionNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

// ---------------------------------------------------------------------------------------
// Styling

export interface Style {
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

const sgr = (open: number | string, close: number) => (s: string) => (s === "" ? s : `\x1b[${open}m${s}\x1b[${close}m`);

export const COLOR_STYLE: Style = {
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
export const PLAIN_STYLE: Style = {
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
  const s = (stream ?? (typeof process !== "undefined" ? process.stdout : undefined)) as { isTTY?: boolean } | undefined;
  return Boolean(s && s.isTTY);
}

const ANSI_RE = /\x1b\[[0-9;]*m/g;

/** Strip the SGR escape codes this module produces. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, "");
}

export function visibleLength(s: string): number {
  return stripAnsi(s).length;
}

export function padVisible(s: string, width: number): string {
  const n = width - visibleLength(s);
  return n > 0 ? s + " ".repeat(n) : s;
}

// ---------------------------------------------------------------------------------------
// Runtime helpers for untrusted fields

export function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function str(x: unknown): string | undefined {
  if (typeof x === "string") return x;
  if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return String(x);
  return undefined;
}

export function arr(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (isObj(x)) return [x];
  return [];
}

/** Remove terminal control characters from untrusted text (keep newlines, expand tabs). */
export function sanitize(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "  ")
    .replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => (c === "\x1b" ? "␛" : "�"));
}

export function safeJson(x: unknown, max = 300): string {
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
  for (let i = 0; i < word.length;) {
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
    else if (p === "22") {
      state.delete("i1");
      state.delete("i2");
    } else if (p === "3" || p === "4" || p === "9") state.set(p, p);
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
