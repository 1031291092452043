// Discord-flavoured markdown, mentions and timestamps as terminal text (sandbox/render.ts).
import { COLOR_STYLE, PLAIN_STYLE, sanitize, stripAnsi, type MentionNames, type Style } from "./style.ts";

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
export function lookup(st: Style, kind: keyof MentionNames, id: string): string | undefined {
  try {
    const name = st.names?.[kind](id);
    return name === undefined || name === "" ? undefined : sanitize(name);
  } catch {
    return undefined;
  }
}
export const nameOf = (st: Style, kind: keyof MentionNames, id: string): string => lookup(st, kind, id) ?? id;

/** Render inline Discord markdown on one line. */
export function renderInline(text: string, st: Style): string {
  const saved: string[] = [];
  const protect = (s: string) => `${PH_OPEN}${saved.push(s) - 1}${PH_CLOSE}`;

  // 1. Escapes and code spans, scanned left to right (code spans keep backslashes).
  let s = "";
  for (let i = 0; i < text.length;) {
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
    (_m, label: string, url: string) => (st.on ? st.underline(label) : label) + protect(st.dim(` (${url})`)),
  );
  s = s.replace(/<(https?:\/\/[^\s>]+)>/g, (_m, url: string) => protect(url));
  s = s.replace(/<@!?(\d+)>/g, (_m, uid: string) => protect(st.blue(`@${nameOf(st, "user", uid)}`)));
  s = s.replace(/<@&(\d+)>/g, (_m, rid: string) =>
    protect(st.blue(lookup(st, "role", rid) !== undefined ? `@${nameOf(st, "role", rid)}` : `@&${rid}`)),
  );
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
  const restore = (x: string) => x.replace(new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, "g"), (_m, n: string) => saved[Number(n)] ?? "");
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

export function renderMd(raw: string, st: Style): string {
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
