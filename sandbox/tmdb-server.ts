// Offline TMDB: serves the catalog in data/tmdb/ over loopback with TMDB v3's
// routes, shapes and error bodies, so the real TmdbClient runs unchanged in the
// sandbox and in tests. Faults (down, hang, 429, 500, malformed bodies, delay) can be
// switched on to exercise the client's failure handling.
//
//   npx tsx sandbox/tmdb-server.ts [port]     # prints the base URL to use as TMDB_API_URL

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import {
  loadTmdbCatalog,
  MAX_PAGE,
  PAGE_SIZE,
  searchCatalog,
  type JsonObject,
  type SearchEntry,
  type TmdbCatalog,
} from "./tmdb-catalog.ts";

export interface TmdbFaults {
  /** TMDB can't be reached: every connection is cut as soon as its request arrives. */
  down?: boolean;
  /** Never answer (the connection stays open until the client gives up). */
  hang?: boolean;
  /** The next `count` requests get 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit?: { count: number; retryAfterSeconds: number };
  /** The next N requests get 500. */
  serverError?: number;
  /** The next N requests get a 200 whose body breaks the schema. */
  malformed?: number;
  /** What a malformed body is: valid JSON of the wrong shape (default), or not JSON at all. */
  malformedBody?: "wrong_shape" | "not_json";
  /** Wait this long before answering every request. */
  delayMs?: number;
}

export interface TmdbCatalogServer {
  /** "http://127.0.0.1:PORT/3" — pass as the client's baseUrl. */
  url: string;
  port: number;
  /** Requests received so far, faulted ones included. */
  readonly requests: number;
  setFaults(faults: TmdbFaults): void;
  close(): Promise<void>;
}

export interface TmdbCatalogServerOptions {
  port?: number;
  host?: string;
  /** Defaults to data/tmdb/ in this repository. */
  dataDir?: string;
  /**
   * The clock shows marked `_sandbox_airing` air on (the sandbox's, so `wait 7d` airs an episode);
   * defaults to real time. Their first episodes have aired when the server starts.
   */
  now?: () => number;
}

type CatalogShow = { details: JsonObject; seasons: Map<number, JsonObject> };
interface AiringClock {
  now: () => number;
  startedAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A show that airs on the clock, as TMDB would describe it now: every listed episode with its
 * date (announced ones too — TMDB's episode_count includes them), last_episode_to_air and
 * next_episode_to_air. The bot must tell aired from announced by those, as with real TMDB.
 */
export function airingView(show: CatalogShow, clock: AiringClock): CatalogShow {
  const plan = show.details._sandbox_airing as { season: number; aired_at_start: number; every_days: number } | undefined;
  const season = plan ? show.seasons.get(plan.season) : undefined;
  if (!plan || !season) return show;
  const all = (season.episodes as JsonObject[]) ?? [];
  const every = plan.every_days * DAY_MS;
  const airsAt = (n: number) => clock.startedAt + (n - plan.aired_at_start) * every;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const episodes = all.map((e, i) => ({ ...e, air_date: day(airsAt(i + 1)) }));
  // As TMDB does, by date: an episode has aired from its (UTC) air date on.
  const today = day(clock.now());
  const aired = episodes.filter((e) => e.air_date <= today).length;
  const seasonView = { ...season, air_date: episodes[0]?.air_date ?? null, episodes };
  const seasons = new Map(show.seasons);
  seasons.set(plan.season, seasonView);
  const summaries = (show.details.seasons as JsonObject[]).map((s) =>
    s.season_number === plan.season ? { ...s, air_date: seasonView.air_date } : s,
  );
  // A season before the airing one has aired whole: its last episode stands when nothing of this one has.
  const earlier = [...show.seasons.entries()]
    .filter(([n]) => n > 0 && n < plan.season)
    .sort((a, b) => a[0] - b[0])
    .at(-1)?.[1];
  const last = episodes[aired - 1] ?? (earlier ? ((earlier.episodes as JsonObject[]).at(-1) ?? null) : null);
  const first =
    [...show.seasons.entries()].filter(([n]) => n > 0 && n < plan.season).length > 0
      ? show.details.first_air_date
      : (episodes[0]?.air_date ?? "");
  const details: JsonObject = {
    ...show.details,
    seasons: summaries,
    first_air_date: first,
    last_air_date: last?.air_date ?? null,
    last_episode_to_air: last,
    next_episode_to_air: episodes[aired] ?? null,
  };
  return { details, seasons };
}

// ---------------------------------------------------------------------------
// HTTP

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** TMDB's own error bodies. */
const notFound = (): Reply => ({
  status: 404,
  body: { success: false, status_code: 34, status_message: "The resource you requested could not be found." },
});

const invalidPage = (): Reply => ({
  status: 400,
  body: {
    success: false,
    status_code: 22,
    status_message: "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
  },
});

const ok = (body: unknown): Reply => ({ status: 200, body });

const SEARCH_KINDS: Record<string, ReadonlySet<SearchEntry["mediaType"]>> = {
  multi: new Set(["movie", "tv", "person"]),
  movie: new Set(["movie"]),
  tv: new Set(["tv"]),
  person: new Set(["person"]),
};

function searchRoute(catalog: TmdbCatalog, kind: string, params: URLSearchParams): Reply {
  const pageParam = params.get("page") ?? "1";
  const page = Number(pageParam);
  if (!/^\d+$/.test(pageParam) || page < 1 || page > MAX_PAGE) return invalidPage();
  // As TMDB: /search/movie narrows by primary_release_year, /search/tv by first_air_date_year.
  const year = params.get(kind === "movie" ? "primary_release_year" : kind === "tv" ? "first_air_date_year" : "") ?? "";
  const hits = searchCatalog(catalog, params.get("query") ?? "", SEARCH_KINDS[kind]!).filter(
    (e) => !/^\d{4}$/.test(year) || String(e.result.release_date ?? e.result.first_air_date ?? "").startsWith(year),
  );
  const results = hits
    .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    .map((e) => (kind === "multi" ? { ...e.result, media_type: e.mediaType } : e.result));
  return ok({ page, results, total_pages: Math.max(1, Math.ceil(hits.length / PAGE_SIZE)), total_results: hits.length });
}

/** /tv/{id}, honouring append_to_response=season/N,… as TMDB does. */
function showRoute(catalog: TmdbCatalog, id: number, params: URLSearchParams, clock: AiringClock): Reply {
  const stored = catalog.shows.get(id);
  if (!stored) return notFound();
  const show = airingView(stored, clock);
  const body: JsonObject = { ...show.details };
  for (const extra of (params.get("append_to_response") ?? "").split(",")) {
    const season = /^season\/(\d+)$/.exec(extra.trim());
    const details = season ? show.seasons.get(Number(season[1])) : undefined;
    if (details) body[extra.trim()] = details;
  }
  return ok(body);
}

/**
 * /find/{id}?external_source=tvdb_id|imdb_id, as TMDB answers it: every kind's array, the titles
 * data/tmdb/external-ids.json gives that id (as search results); an unknown source is a 400.
 */
function findRoute(catalog: TmdbCatalog, id: string, params: URLSearchParams): Reply {
  const source = params.get("external_source");
  if (source !== "tvdb_id" && source !== "imdb_id") {
    return {
      status: 400,
      body: { success: false, status_code: 5, status_message: "Invalid parameters: Your request parameters are incorrect." },
    };
  }
  const hits: { mediaType: "movie" | "tv"; id: number }[] =
    source === "tvdb_id"
      ? /^\d+$/.test(id)
        ? (catalog.external.tvdb.get(Number(id)) ?? []).map((tmdbId) => ({ mediaType: "tv" as const, id: tmdbId }))
        : []
      : (catalog.external.imdb.get(id) ?? []);
  const result = (hit: { mediaType: "movie" | "tv"; id: number }) =>
    catalog.search.find((e) => e.mediaType === hit.mediaType && e.id === hit.id)?.result;
  const of = (mediaType: "movie" | "tv") =>
    hits.flatMap((h) => {
      const found = h.mediaType === mediaType ? result(h) : undefined;
      return found === undefined ? [] : [{ ...found, media_type: mediaType }];
    });
  return ok({ movie_results: of("movie"), person_results: [], tv_results: of("tv"), tv_episode_results: [], tv_season_results: [] });
}

function route(catalog: TmdbCatalog, path: string, params: URLSearchParams, clock: AiringClock): Reply {
  let m: RegExpExecArray | null;
  if ((m = /^\/3\/find\/([^/]{1,40})\/?$/.exec(path))) return findRoute(catalog, decodeURIComponent(m[1]!), params);
  if ((m = /^\/3\/search\/(multi|movie|tv|person)\/?$/.exec(path))) return searchRoute(catalog, m[1]!, params);
  if ((m = /^\/3\/movie\/(\d+)\/?$/.exec(path))) return found(catalog.movies.get(Number(m[1])));
  if ((m = /^\/3\/movie\/(\d+)\/watch\/providers\/?$/.exec(path))) {
    // As TMDB: a known movie without providers anywhere answers with empty results.
    const id = Number(m[1]);
    return catalog.movies.has(id) ? ok({ id, results: catalog.watchProviders.get(id) ?? {} }) : notFound();
  }
  if ((m = /^\/3\/tv\/(\d+)\/?$/.exec(path))) return showRoute(catalog, Number(m[1]), params, clock);
  if ((m = /^\/3\/tv\/(\d+)\/season\/(\d+)\/?$/.exec(path))) {
    const show = catalog.shows.get(Number(m[1]));
    return found(show ? airingView(show, clock).seasons.get(Number(m[2])) : undefined);
  }
  if ((m = /^\/3\/person\/(\d+)\/?$/.exec(path))) return found(catalog.people.get(Number(m[1])));
  return notFound();
}

function found(body: JsonObject | undefined): Reply {
  return body ? ok(body) : notFound();
}

/** A 200 that no TMDB schema accepts: ids are strings, required lists are not lists. */
const WRONG_SHAPE_BODY = {
  id: "not-a-number",
  title: null,
  name: null,
  page: "one",
  results: "none",
  total_pages: -1,
  total_results: -1,
  seasons: "eight",
  season_number: -1,
  episodes: null,
};

function send(res: ServerResponse, reply: Reply): void {
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

export async function startTmdbCatalogServer(opts: TmdbCatalogServerOptions = {}): Promise<TmdbCatalogServer> {
  const catalog = await loadTmdbCatalog(opts.dataDir);
  const now = opts.now ?? (() => Date.now());
  const clock: AiringClock = { now, startedAt: now() };
  const host = opts.host ?? "127.0.0.1";
  let faults: TmdbFaults = {};
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Consumes one planned fault, if any is due, in a fixed order. */
  function takeFault(): Reply | undefined {
    const { rateLimit } = faults;
    if (rateLimit && rateLimit.count > 0) {
      faults = { ...faults, rateLimit: { ...rateLimit, count: rateLimit.count - 1 } };
      return {
        status: 429,
        headers: { "retry-after": String(rateLimit.retryAfterSeconds) },
        body: { success: false, status_code: 25, status_message: "Your request count (#) is over the allowed limit of (40)." },
      };
    }
    if ((faults.serverError ?? 0) > 0) {
      faults = { ...faults, serverError: faults.serverError! - 1 };
      return {
        status: 500,
        body: { success: false, status_code: 11, status_message: "Internal error: Something went wrong, contact TMDb." },
      };
    }
    if ((faults.malformed ?? 0) > 0) {
      faults = { ...faults, malformed: faults.malformed! - 1 };
      return { status: 200, body: faults.malformedBody === "not_json" ? '{"id": 1399, "name": "Game of Thr' : WRONG_SHAPE_BODY };
    }
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    if (faults.down) return void req.socket.destroy();
    if (faults.hang) return; // leave the request open; close() tears the socket down
    if (faults.delayMs) await wait(faults.delayMs);
    if (res.destroyed) return;
    const fault = takeFault();
    if (fault) return send(res, fault);
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(res, { status: 405, body: { success: false, status_code: 3, status_message: "Method not allowed." } });
    }
    // api_key, language and Authorization are accepted and ignored: the catalog is public and English.
    const url = new URL(req.url ?? "/", "http://catalog.invalid");
    send(res, route(catalog, url.pathname, url.searchParams, clock));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { success: false, status_code: 11, status_message: String(error) } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/3`,
    port,
    get requests() {
      return requests;
    },
    setFaults(next: TmdbFaults) {
      faults = { ...next };
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // hung and keep-alive connections would otherwise hold close() open
      });
    },
  };
}

// Standalone: serve the catalog until interrupted.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = process.argv[2] ? Number(process.argv[2]) : 0;
  const server = await startTmdbCatalogServer({ port });
  console.log(`TMDB catalog listening: TMDB_API_URL=${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
