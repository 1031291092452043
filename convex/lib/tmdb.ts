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

/** A GET against TMDB, waiting out a 429's Retry-After (at most `retries` times, each wait capped at 10 s). */
export async function tmdbGet(
  path: `/${string}`,
  query: Record<string, string> = {},
  options: { fetch?: typeof fetch; retries?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<TmdbResult & { status?: number }> {
  const { base, token } = tmdbConfig();
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const url = `${base}${path}${Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : ""}`;
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await send(url, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.status === 429 && attempt < (options.retries ?? 3)) {
        const seconds = Number(response.headers.get("retry-after"));
        await sleep(Number.isFinite(seconds) && seconds >= 0 ? Math.min(10_000, Math.ceil(seconds * 1000)) : 1000);
        continue;
      }
      if (!response.ok) return { ok: false, message: `TMDB answered ${response.status}`, status: response.status };
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
}

/** GET /find/{id}?external_source=…: the movies and shows TMDB knows by a TVDB or IMDb id. */
export function findByExternalId(id: string, source: "tvdb_id" | "imdb_id", options: { fetch?: typeof fetch } = {}) {
  if (source === "tvdb_id" ? !/^[1-9]\d{0,9}$/.test(id) : !/^tt\d{1,10}$/.test(id)) throw new Error(`not a ${source}: ${id.slice(0, 20)}`);
  return tmdbGet(`/find/${id}`, { external_source: source }, options);
}

/** GET /search/movie or /search/tv by title, narrowed to a year when given. */
export function searchTitles(mediaType: "movie" | "tv", title: string, year: number | undefined, options: { fetch?: typeof fetch } = {}) {
  const query: Record<string, string> = { query: title.slice(0, 200), include_adult: "false" };
  if (year !== undefined) query[mediaType === "movie" ? "primary_release_year" : "first_air_date_year"] = String(year);
  return tmdbGet(`/search/${mediaType}`, query, options);
}

/** GET /movie/{id} or /tv/{id}: whether a TMDB id exists, with its title. */
export function titleDetails(mediaType: "movie" | "tv", tmdbId: number, options: { fetch?: typeof fetch } = {}) {
  if (!Number.isSafeInteger(tmdbId) || tmdbId <= 0) throw new Error(`not a TMDB id: ${tmdbId}`);
  return tmdbGet(`/${mediaType}/${tmdbId}`, {}, options);
}
