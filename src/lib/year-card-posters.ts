// Posters for the year in review card: fetched only from TMDB's image server (the configured image
// base), all within one deadline, each checked to be a small JPEG or PNG; whatever doesn't arrive
// in time (or at all: the offline sandbox has no images) is drawn as a coloured tile instead.
// Runtime-neutral (fetch and btoa only): the interaction core also runs in Convex.

/** How long all posters together may take: the card must still answer within the interaction. */
export const POSTER_DEADLINE_MS = 1_500;
/** A w342 poster is 20–60 KB; anything much larger is not one. */
const MAX_POSTER_BYTES = 400_000;

const TYPES: Record<string, string> = { "image/jpeg": "image/jpeg", "image/jpg": "image/jpeg", "image/png": "image/png" };

/** The bytes as base64, in chunks (a spread of 400 KB would overflow the call stack). */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Data URIs for the posters that could be fetched in time, by URL. `imageBase` is TMDB's image base
 * (TMDB_IMAGE_BASE); a URL outside it is never requested.
 */
export async function fetchPosters(
  urls: readonly string[],
  options: { imageBase: string; fetch?: typeof fetch; deadlineMs?: number },
): Promise<Map<string, string>> {
  const base = `${options.imageBase.replace(/\/+$/, "")}/`;
  const wanted = [...new Set(urls)].filter((url) => url.startsWith(base) && !url.slice(base.length).includes(".."));
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  const send = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.deadlineMs ?? POSTER_DEADLINE_MS);
  try {
    await Promise.all(
      wanted.map(async (url) => {
        try {
          const response = await send(url, { signal: controller.signal });
          const type = TYPES[(response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase()];
          if (!response.ok || type === undefined) return;
          const bytes = new Uint8Array(await response.arrayBuffer());
          if (bytes.length === 0 || bytes.length > MAX_POSTER_BYTES) return;
          out.set(url, `data:${type};base64,${base64(bytes)}`);
        } catch {
          // Unreachable, refused or too late: this one is a tile.
        }
      }),
    );
  } finally {
    clearTimeout(timer);
  }
  return out;
}
