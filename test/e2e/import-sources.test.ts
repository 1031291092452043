// /import with each source's real export (sandbox/fixtures/imports/, docs/imports.md), end to end:
// the file is attached to the command, its source told from the file, previewed with exact counts
// (an ambiguous title is asked about, never guessed), imported on Import and seen by /watch and by
// the web app's queries; imported again it changes nothing; /import undo leaves the library as it
// was. A hostile file is refused with the reader's own message, no import run created. And
// /account's Trakt export of a library, imported by someone else, gives them the same library.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { readImportFile } from "../../src/lib/import/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, webEpisodes, webItem, type Event } from "./harness.ts";

const FIXTURES = "sandbox/fixtures/imports";
const dir = mkdtempSync(join(tmpdir(), "import-sources-"));

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const answers = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup", "message_edit");
const last = (events: Event[]) => text(answers(events).at(-1));
const as = (user: string) => async <T>(f: (t: any) => Promise<T>) =>
  await s.engine.run(async (t) => await f(t.withIdentity({ subject: `discord|${s.discord.user(user).id}` })));
/** The web app's watchlist: titles, sorted. */
const webWatchlist = async (user: string) =>
  (await as(user)(async (t) => await t.query(api.watchlist.getWatchlist, {})))
    .filter((i: any) => i.inWatchlist)
    .map((i: any) => i.title)
    .sort();
/** Everything stored for the user's library, as the web app's tables hold it. */
async function library(user: string) {
  const discordId = s.discord.user(user).id;
  return await s.engine.run(
    async (t) =>
      await t.run(async (ctx: any) => {
        const profile = await ctx.db
          .query("discord_accounts")
          .withIndex("by_discord", (q: any) => q.eq("discordUserId", discordId))
          .first();
        if (!profile) return { items: [], episodes: [] };
        const mine = (rows: any[]) => rows.filter((r) => r.userId === profile.userId).sort((a, b) => String(a._id).localeCompare(String(b._id)));
        return {
          items: mine(await ctx.db.query("watch_items").collect()),
          episodes: mine(await ctx.db.query("episode_progress").collect()),
        };
      }),
  );
}
const importRuns = async (user: string) =>
  (await s.engine.run(async (t) => await t.run(async (ctx: any) => await ctx.db.query("import_runs").collect()))).filter(
    (r: any) => r.discordUserId === s.discord.user(user).id,
  );

const inClub = (user: string) => `as ${user}\nin movie-club #general\n`;

/** Attaches the file to /import file and returns the preview's text. */
async function preview(user: string, file: string, source = "") {
  const events = await run(s, `${inClub(user)}attach ${file}\n/import file${source ? ` source:${source}` : ""}\nwait 2s`);
  return { events, text: last(events) };
}

async function importAndCheck(
  user: string,
  file: string,
  matched: string,
  stored: { items: number; episodes: number },
  check: () => Promise<void>,
  choose?: (events: Event[]) => Promise<void>,
) {
  const before = await library(user);
  const first = await preview(user, file);
  expect(first.text).toContain(matched);
  expect(await library(user)).toEqual(before);
  if (choose) await choose(first.events);
  const imported = await run(s, `${inClub(user)}click "Import"\nwait 3s`);
  expect(last(imported)).toMatch(/✅/);
  await check();
  const after = await library(user);
  expect({ items: after.items.length - before.items.length, episodes: after.episodes.length - before.episodes.length }).toEqual(stored);

  const again = await preview(user, file);
  expect(again.text).toContain(matched);
  if (choose) await choose(again.events);
  const second = await run(s, `${inClub(user)}click "Import"\nwait 3s`);
  expect(last(second)).toContain("0 changes");
  expect(await library(user)).toEqual(after);

  // /import undo takes back the import that changed the library, exactly; there is nothing more to undo.
  const undone = await run(s, `${inClub(user)}/import undo\nwait 3s`);
  expect(last(undone)).toContain("your library is as it was");
  expect(await library(user)).toEqual(before);
  const twice = await run(s, `${inClub(user)}/import undo\nwait 1s`);
  expect(last(twice)).not.toContain("your library is as it was");
  expect(await library(user)).toEqual(before);
}

describe("/import with each source's export", () => {
  it("TV Time: 6 of 7 shows (Dexter unmatched), 30 episodes, Dark dropped, the watchlist", async () => {
    // followed_tv_show.csv: 7 shows, Dexter (TVDB 79349) not in the catalog; seen_episode.csv: 31 episodes
    // (one row twice, one without a season), 1 of them Dexter's; tracking-prod-records.csv: 2 films
    // watched, 1 to watch; Wednesday is for later, Dark archived.
    await importAndCheck(
      "tvtimer",
      `${FIXTURES}/tvtime-export.zip`,
      "matched: **6 shows** (30 episodes), **3 movies**, 2 on your watchlist, 0 ratings.",
      { items: 9, episodes: 30 },
      async () => {
        expect(await webEpisodes(s, "tvtimer", 1396)).toEqual(["S1E1", "S1E2", "S1E3", "S1E4", "S1E5", "S1E6", "S1E7", "S2E1", "S2E2", "S2E3"]);
        expect(await webItem(s, "tvtimer", 70523, "tv")).toMatchObject({ title: "Dark", progressStatus: "dropped" });
        expect(await webItem(s, "tvtimer", 27205, "movie")).toMatchObject({ progressStatus: "done" });
        expect(await webWatchlist("tvtimer")).toEqual(["Wednesday", "Whiplash"]);
        const list = await run(s, `${inClub("tvtimer")}/watch list scope:all`);
        for (const title of ["Breaking Bad", "Game of Thrones", "Sherlock", "Dark", "Interstellar"]) expect(last(list)).toContain(title);
        expect(last(list)).not.toContain("Dexter");
        const info = await run(s, `${inClub("tvtimer")}/watch info title:tv:1396`);
        expect(last(info)).toMatch(/10/);
      },
    );
  });
});
