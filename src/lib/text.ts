// Text safety lives in the runtime-neutral views (src/views/text.ts), shared with Convex;
// the bot's modules import it from here.
import { codePointLength, graphemes } from "../views/text.ts";

export { LIMITS } from "../views/limits.ts";
export { codePointLength, episodeCode, graphemes, label, plain, plural, progressBar, truncate } from "../views/text.ts";

/**
 * The longest run of whole grapheme clusters from the start of `text` that fits in `max`
 * code points, with no ellipsis (for text sent on, like a search query): never half a
 * surrogate pair, a split ZWJ emoji or a letter without its marks.
 */
export function cutGraphemes(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  let kept = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const size = codePointLength(g);
    if (used + size > max) break;
    kept += g;
    used += size;
  }
  return kept;
}
