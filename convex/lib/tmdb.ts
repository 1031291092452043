// The one place Convex code calls TMDB (today: the daily new-episode check, model/remindersAlerts.ts).
// TMDB_API_URL (default https://api.themoviedb.org/3, or the sandbox's offline catalog) and
// TMDB_API_TOKEN (a read access token) come from the Convex environment. Nothing here throws for
// an answer TMDB gives: callers get the body or why not.

/** Per request: an action must not hang on a stalled connection. */
const TIMEOUT_MS = 10_000;

export type TmdbResult = { ok: true; body: unknown } | { ok: false; message: string };

/** The deployment's TMDB settings, checked; a clear error when the token is missing or the URL wrong. */
export function tmdbConfig(env: Record<string, string | undefined> = process.env): { base: string; token: string } {
  const base = env.TMDB_API_URL?.trim() || "https://api.themoviedb.org/3";
  const token = env.TMDB_API_TOKEN?.trim();
  if (!token)
    throw new Error("Set TMDB_API_TOKEN (a TMDB API read access token) in the Convex deployment's environment for new-episode alerts.");
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`TMDB_API_URL is not a URL: ${base.slice(0, 100)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("TMDB_API_URL must be an http(s) URL.");
  return { base: base.replace(/\/+$/, ""), token };
}

/** GET /tv/{id}: a show's details, with last_episode_to_air. */
export async function showDetails(tmdbId: number, options: { fetch?: typeof fetch } = {}): Promise<TmdbResult> {
  if (!Number.isSafeInteger(tmdbId) || tmdbId <= 0) throw new Error(`not a TMDB id: ${tmdbId}`);
  const { base, token } = tmdbConfig();
  const send = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await send(`${base}/tv/${tmdbId}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      signal: controller.signal,
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, message: `TMDB answered ${response.status}` };
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch {
      return { ok: false, message: "TMDB answered with something that is not JSON" };
    }
  } catch (error) {
    return {
      ok: false,
      message: controller.signal.aborted ? `TMDB did not answer within ${TIMEOUT_MS} ms` : `could not reach TMDB: ${String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
