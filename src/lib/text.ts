import { escapeMarkdown } from "discord.js";

/** Discord's hard limits that rendering must stay inside. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  choiceName: 100,
  customId: 100,
} as const;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Text from TMDB or from people, made safe to show: markdown escaped, mention
 * syntax broken with a zero-width space so it can never ping or even look like
 * one (allowed_mentions already stops the ping), and cut to fit.
 */
export function plain(text: string, max: number = LIMITS.content): string {
  // Masked links, headings and lists too: TMDB text must not add links or reshape a reply.
  const escaped = escapeMarkdown(text.replace(/\s+/g, " ").trim(), { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/@(everyone|here)/gi, "@\u200b$1")
    .replace(/<(@[!&]?|#)(\d+)>/g, "<\u200b$1$2>");
  return truncate(escaped, max);
}

/** A label for places that render no markdown (buttons, choices): only cut to fit. */
export function label(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, " ").trim(), max) || "…";
}

/** A progress bar drawn with blocks, e.g. ▰▰▰▰▱▱▱▱▱▱ for 0.4. */
export function progressBar(fraction: number, width = 10): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const filled = clamped >= 1 ? width : Math.min(width - 1, Math.round(clamped * width));
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}

export function episodeCode(season: number, episode: number): string {
  return `S${season}E${episode}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
