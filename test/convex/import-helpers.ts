// A stubbed TMDB (counting its calls) and Discord for the import pipeline's tests, and the steps of
// an import as the bot drives them: start, stage in chunks, finish, wait, apply, undo.
import { expect, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { ImportEntry } from "../../convex/lib/importEntry";
import { stagingCalls } from "../../convex/imports/limits";
import { SECRET, type Deployment } from "./setup";

export const APP = "100000000000000999";
export const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

export interface Stub {
  /** TMDB requests by path ("/find/81189", "/search/movie"). */
  tmdb: string[];
  /** Bodies of the reply edits Convex sent, in order. */
  edits: { content?: string; embeds?: { description?: string }[]; components?: unknown[] }[];
  dms: unknown[];
  /** TMDB answers 429 to this many requests first. */
  rateLimited: number;
}

/** TMDB's answers: /find by TVDB id (shows 1000+i → TMDB 50000+i), IMDb (tt…), and /search by title. */
export function installStub(search: Record<string, { id: number; title: string; release_date: string }[]> = {}): Stub {
  const stub: Stub = { tmdb: [], edits: [], dms: [], rateLimited: 0 };
  process.env.TMDB_API_URL = "https://tmdb.test/3";
  process.env.TMDB_API_TOKEN = "tmdb-token";
  process.env.DISCORD_API_BASE = "https://discord.test/api";
  process.env.DISCORD_TOKEN = "bot-token";
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    if (url.host === "tmdb.test") {
      stub.tmdb.push(url.pathname.replace(/^\/3/, ""));
      if (stub.rateLimited > 0) {
        stub.rateLimited--;
        return json({ status_code: 25 }, 429, { "retry-after": "1" });
      }
      const find = /^\/3\/find\/(.+)$/.exec(url.pathname);
      if (find) {
        const id = find[1]!;
        const tvdb = url.searchParams.get("external_source") === "tvdb_id" ? Number(id) : NaN;
        const tv =
          tvdb >= 1000 && tvdb < 2000 ? [{ id: 50000 + tvdb - 1000, name: `Show ${tvdb - 1000}`, first_air_date: "2010-01-01" }] : [];
        const movie = id === "tt0133093" ? [{ id: 603, title: "The Matrix", release_date: "1999-03-31" }] : [];
        return json({ movie_results: movie, tv_results: tv, person_results: [] });
      }
      const searched = /^\/3\/search\/(movie|tv)$/.exec(url.pathname);
      if (searched) return json({ page: 1, results: search[url.searchParams.get("query") ?? ""] ?? [], total_pages: 1, total_results: 0 });
      return json({ status_code: 34 }, 404);
    }
    if (url.host === "discord.test") {
      if (init?.method === "PATCH" && url.pathname.includes("/webhooks/")) stub.edits.push(JSON.parse(String(init.body)));
      else if (url.pathname.endsWith("/users/@me/channels")) return json({ id: "300000000000000001", type: 1 });
      else if (url.pathname.includes("/channels/")) stub.dms.push(JSON.parse(String(init?.body)));
      return json({ id: "400000000000000001" });
    }
    throw new Error(`unexpected fetch ${input}`);
  });
  return stub;
}

/** Runs every scheduled function (matching, applying, edits) to the end. */
export const settle = (t: Deployment) => t.finishAllScheduledFunctions(vi.runAllTimers, 5_000);

/** Reads and stages a file's entries as the bot does, and waits for the preview. */
export async function importEntries(t: Deployment, user: string, entries: ImportEntry[]) {
  const started = await t.mutation(api.bot.imports.start, {
    ...as(user),
    source: "tvtime",
    fileName: "history.zip",
    rows: entries.length,
    skipped: 0,
  });
  if (!("runId" in started)) throw new Error(started.busy);
  for (const parts of stagingCalls(entries)) await t.mutation(api.bot.imports.stage, { ...as(user), runId: started.runId, parts });
  await t.mutation(api.bot.imports.finish, { ...as(user), runId: started.runId, reply: { applicationId: APP, token: "token-1" } });
  await settle(t);
  const view = await t.query(api.bot.imports.view, { ...as(user), runId: started.runId });
  expect(view.state).toBe("preview");
  return view;
}

export async function apply(t: Deployment, user: string, runId: string) {
  await t.mutation(api.bot.imports.apply, { ...as(user), runId, reply: { applicationId: APP, token: "token-2" } });
  await settle(t);
  return await t.query(api.bot.imports.view, { ...as(user), runId });
}

/** Everything in the person's library, for comparing before and after. */
export async function library(t: Deployment) {
  return await t.run(async (ctx) => ({
    items: await ctx.db.query("watch_items").collect(),
    episodes: await ctx.db.query("episode_progress").collect(),
    summaries: (await ctx.db.query("episode_summaries").collect()).map(({ updatedAt: _u, ...rest }) => rest),
  }));
}

/** No scheduled function failed (a transaction over Convex's limits fails its function). */
export async function expectNoFailures(t: Deployment) {
  const jobs = await t.run(async (ctx) => await ctx.db.system.query("_scheduled_functions").collect());
  expect(jobs.filter((j) => j.state.kind === "failed").map((j) => [j.name, j.state])).toEqual([]);
}
