// A bot message's body as terminal text: content, embeds, components, poll, attachments and
// pings (sandbox/render.ts). Every field is checked at run time: odd values are shown, not trusted.
import { lookup, nameOf, renderInline, renderMd } from "./markdown.ts";
import { arr, isObj, padVisible, sanitize, str, visibleLength, wrapText, type Style } from "./style.ts";

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

function mentionsLine(raw: unknown, st: Style): string | undefined {
  if (!isObj(raw)) return undefined;
  const pings: string[] = [];
  if (raw.everyone === true) pings.push("@everyone");
  for (const u of arr(raw.users)) {
    const s = str(u) ?? (isObj(u) ? (str(u.id) ?? str(u.name)) : undefined);
    if (s) pings.push(`@${nameOf(st, "user", sanitize(s))}`);
  }
  for (const r of arr(raw.roles)) {
    const s = str(r) ?? (isObj(r) ? (str(r.id) ?? str(r.name)) : undefined);
    if (s) pings.push(lookup(st, "role", s) !== undefined ? `@${nameOf(st, "role", s)}` : `@&${sanitize(s)}`);
  }
  if (pings.length === 0) return undefined;
  return st.yellow(st.bold(`pings: ${pings.join(" ")}`));
}

/** Body of anything that carries a bot message: content, embeds, components, attachments, pings. */
/** What a message body reads; events and shown messages carry some of these, each checked at run time. */
export interface MessageFields {
  deferred?: unknown;
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  poll?: unknown;
  attachments?: unknown;
  files?: unknown;
  mentions?: unknown;
}

export function messageBody(e: MessageFields, st: Style, width: number): string[] {
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
    const name = isObj(a) ? (str(a.filename) ?? str(a.name) ?? str(a.url)) : str(a);
    lines.push(st.dim(`📎 ${name ? sanitize(name) : "attachment"}`));
  }
  if (lines.length === 0) lines.push(st.dim("(empty message)"));
  const pings = mentionsLine(e.mentions, st);
  if (pings) lines.push(pings);
  return lines;
}
