// /import with each source's real export (sandbox/fixtures/imports/, docs/imports.md), end to end:
// the file is attached to the command, its source told from the file, previewed with exact counts
// (an ambiguous title is asked about, never guessed), imported on Import and seen by /watch and by
// the web app's queries; imported again it changes nothing; /import undo leaves the library as it
// was. A hostile file is refused with the reader's own message, no import run created. And
// /account's Trakt export of a library, imported by someone else, gives them the same library.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { readImportFile } from "../../src/lib/import/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webEpisodes, webItem, type Event } from "./harness.ts";

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
const as =
  (user: string) =>
  async <T>(f: (t: any) => Promise<T>) =>
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
        const mine = (rows: any[]) =>
          rows.filter((r) => r.userId === profile.userId).sort((a, b) => String(a._id).localeCompare(String(b._id)));
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

/** Attaches the file to /import file, without `source:` (it is told from the file), and returns the preview. */
async function preview(user: string, file: string) {
  const events = await run(s, `${inClub(user)}attach ${file}\n/import file\nwait 2s`);
  return { events, text: last(events) };
}

async function importAndCheck(
  user: string,
  file: string,
  /** What the preview must say (its source, told from the file; the counts; what is unmatched). */
  says: string[],
  stored: { items: number; episodes: number },
  check: () => Promise<void>,
  choose?: (events: Event[]) => Promise<void>,
) {
  const before = await library(user);
  const first = await preview(user, file);
  for (const line of says) expect(first.text).toContain(line);
  expect(await library(user)).toEqual(before);
  if (choose) await choose(first.events);
  const imported = await run(s, `${inClub(user)}click "Import"\nwait 3s`);
  expect(last(imported)).toMatch(/✅/);
  await check();
  const after = await library(user);
  expect({ items: after.items.length - before.items.length, episodes: after.episodes.length - before.episodes.length }).toEqual(stored);

  const again = await preview(user, file);
  for (const line of says) expect(again.text).toContain(line);
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
      [
        "Import from TV Time",
        "matched: **6 shows** (30 episodes), **3 movies**, 2 on your watchlist, 0 ratings.",
        "**1 unmatched**",
        "• Dexter — tvdb 79349",
        "1 line of the file could not be read.",
      ],
      { items: 9, episodes: 30 },
      async () => {
        expect(await webEpisodes(s, "tvtimer", 1396)).toEqual([
          "S1E1",
          "S1E2",
          "S1E3",
          "S1E4",
          "S1E5",
          "S1E6",
          "S1E7",
          "S2E1",
          "S2E2",
          "S2E3",
        ]);
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

  it("Trakt: 4 shows (22 episodes), 6 films, the watchlist, ratings as reactions", async () => {
    // 4 shows with 22 watched episodes (Chernobyl by its TVDB id); films watched 4 (Paddington 2 by
    // its TMDB id, which is taken as it is: not looked up, so not unmatched), watchlist
    // Oppenheimer, Dune: Part Two, Arcane (The Bear is watched); ratings The Matrix 9, Parasite 10,
    // Severance 9; an episode's rating and a season on the watchlist are the 2 lines skipped.
    await importAndCheck(
      "trakter",
      `${FIXTURES}/trakt-export.zip`,
      [
        "Import from Trakt",
        "matched: **4 shows** (22 episodes), **6 movies**, 3 on your watchlist, 3 ratings.",
        "2 lines of the file could not be read.",
      ],
      { items: 10, episodes: 22 },
      async () => {
        expect(await webItem(s, "trakter", 496243, "movie")).toMatchObject({
          title: "Parasite",
          progressStatus: "done",
          reaction: "loved",
        });
        expect(await webItem(s, "trakter", 95396, "tv")).toMatchObject({ reaction: "loved", progressStatus: "watching" });
        expect(await webWatchlist("trakter")).toEqual(["Arcane", "Dune: Part Two", "Oppenheimer"]);
        const list = await run(s, `${inClub("trakter")}/watch list scope:all`);
        for (const title of ["Parasite", "The Matrix", "Severance", "The Bear", "Oppenheimer"]) expect(last(list)).toContain(title);
        const info = await run(s, `${inClub("trakter")}/watch info title:movie:496243`);
        expect(last(info)).toMatch(/Finished/);
      },
    );
  });

  it("Letterboxd: asks which 'The Lord of the Rings' is meant, imports the one chosen; 5★ is loved", async () => {
    // watched.csv / diary.csv: 6 films (one "The Lord of the Rings" with no year, one "Paddington 2"
    // the catalog lacks); ratings.csv Pulp Fiction 5★, Whiplash 4½★, Spirited Away 4★;
    // watchlist.csv Oppenheimer, Barbie, Joker.
    let asked = 0;
    await importAndCheck(
      "boxder",
      `${FIXTURES}/letterboxd-export.zip`,
      [
        "Import from Letterboxd",
        "matched: **0 shows** (0 episodes), **7 movies**, 3 on your watchlist, 3 ratings.",
        "**1 ambiguous**",
        "**1 unmatched**",
        "• Paddington 2 (2017)",
      ],
      { items: 8, episodes: 0 },
      async () => {
        expect(await webItem(s, "boxder", 120, "movie")).toMatchObject({ progressStatus: "done" });
        expect(await webItem(s, "boxder", 122, "movie")).toBeNull();
        expect(await webItem(s, "boxder", 680, "movie")).toMatchObject({
          title: "Pulp Fiction",
          progressStatus: "done",
          reaction: "loved",
        });
        expect(await webWatchlist("boxder")).toEqual(["Barbie", "Joker", "Oppenheimer"]);
        const list = await run(s, `${inClub("boxder")}/watch list scope:all`);
        for (const title of ["Pulp Fiction", "Whiplash", "Spirited Away", "The Fellowship of the Ring"])
          expect(last(list)).toContain(title);
        expect(last(list)).not.toContain("Return of the King");
        const info = await run(s, `${inClub("boxder")}/watch info title:movie:680`);
        expect(last(info)).toMatch(/Finished/);
      },
      async (events) => {
        // The preview asks, with both candidates (never a guess): nothing of it is in the library yet.
        const menu = answers(events)
          .at(-1)
          ?.components?.flatMap((row: any) => row.components)
          .find((c: any) => c.type === 3);
        expect(menu?.options?.map((o: any) => o.label)).toEqual([
          "The Lord of the Rings: The Fellowship of the Ring (2001)",
          "The Lord of the Rings: The Return of the King (2003)",
          "Skip it",
        ]);
        asked++;
        await run(s, `${inClub("boxder")}select "The Lord of the Rings: The Fellowship of the Ring (2001)"\nwait 1s`);
      },
    );
    expect(asked).toBe(2);
  });

  it("IMDb ratings: films and shows by IMDb id, ratings as reactions, the episode row skipped", async () => {
    // 7 rows: 4 films (Paddington 2's tt4468740 unknown to the catalog), 2 shows, 1 episode (skipped).
    await importAndCheck(
      "imdber",
      `${FIXTURES}/imdb-ratings.csv`,
      [
        "Import from IMDb",
        "matched: **2 shows** (0 episodes), **3 movies**, 0 on your watchlist, 5 ratings.",
        "• Paddington 2 (2017) — tt4468740",
        "1 line of the file could not be read.",
      ],
      { items: 5, episodes: 0 },
      async () => {
        expect(await webItem(s, "imdber", 278, "movie")).toMatchObject({
          title: "The Shawshank Redemption",
          progressStatus: "done",
          reaction: "loved",
        });
        expect(await webItem(s, "imdber", 1396, "tv")).toMatchObject({ reaction: "loved" });
        expect(await webWatchlist("imdber")).toEqual([]);
        const info = await run(s, `${inClub("imdber")}/watch info title:movie:278`);
        expect(last(info)).toMatch(/Finished/);
      },
    );
  });

  it("Film Fanatic's own export: statuses, reactions, episodes; Avatar 'watching' and Titanic skipped", async () => {
    await importAndCheck(
      "fanatic",
      `${FIXTURES}/filmfanatic-export.json`,
      [
        "Import from Film Fanatic",
        "matched: **3 shows** (15 episodes), **3 movies**, 1 on your watchlist, 3 ratings.",
        "2 lines of the file could not be read.",
      ],
      { items: 6, episodes: 15 },
      async () => {
        expect(await webItem(s, "fanatic", 2316, "tv")).toMatchObject({ progressStatus: "dropped" });
        expect(await webItem(s, "fanatic", 27205, "movie")).toMatchObject({ progressStatus: "done", reaction: "loved" });
        expect(await webEpisodes(s, "fanatic", 66732)).toHaveLength(3);
        expect(await webWatchlist("fanatic")).toEqual(["The Matrix"]);
      },
    );
  });
});

describe("/import refusals", () => {
  // Each refused with the reader's own message (src/lib/import), before any import run exists.
  const readerSays = async (bytes: Uint8Array, name: string) =>
    await readImportFile(bytes, name).then(
      () => "",
      (e: Error) => e.message,
    );

  it("refuses a zip bomb generated here, and a CSV that isn't UTF-8, creating no import run", async () => {
    // 40 MB of one byte compresses ~1,000×: far past the 200× any export is.
    const bomb = join(dir, "tvtime-export.zip");
    writeFileSync(bomb, zipSync({ "seen_episode.csv": new Uint8Array(40 * 1024 * 1024).fill(48) }, { level: 9 }));
    // An IMDb ratings CSV saved by a spreadsheet in Windows-1252 ("Amélie" with é as 0xE9).
    const latin = join(dir, "ratings.csv");
    const head = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating\n";
    const row = "tt0211915,9,2022-08-14,Am\u00e9lie,Am\u00e9lie,https://www.imdb.com/title/tt0211915/,Movie,8.3\n";
    writeFileSync(latin, Buffer.from(head + row, "latin1"));

    for (const file of [bomb, latin]) {
      const said = await readerSays(readFileSync(file), file.split("/").at(-1)!);
      expect(said).toMatch(file === bomb ? /zip bomb/ : /isn't UTF-8 text/);
      const events = await run(s, `${inClub("mallory")}attach ${file}\n/import file\nwait 2s`);
      expect(last(events)).toContain(said);
      expect(answers(events).every((e) => e.ephemeral !== false)).toBe(true);
      expect(buttons(answers(events).at(-1))).not.toContain("Import");
    }
    expect(await importRuns("mallory")).toEqual([]);
    expect(await library("mallory")).toEqual({ items: [], episodes: [] });
  });
});

describe("/account's Trakt export, imported by someone else", () => {
  it("gives them the same library (statuses, reactions, watchlist, episodes)", async () => {
    const made = await run(
      s,
      `${inClub("trakt-giver")}/watch add title:movie:603
/watch status title:movie:157336 status:finished
/watch react title:movie:157336 reaction:loved
/watch status title:movie:27205 status:finished
/watch react title:movie:27205 reaction:mixed
/ep 1399 1 1-3
/watch react title:tv:1399 reaction:liked
/account
click "Trakt JSON"`,
    );
    const sent = ofType(made, "followup").find((e) => e.attachments?.length);
    expect(sent?.attachments.map((a: any) => a.filename)).toEqual(["trakt-export.zip"]);
    const zip = join(dir, "trakt-export.zip");
    writeFileSync(zip, (s.discord.message(sent!.id)!.attachments[0] as any).data);

    const got = await run(s, `${inClub("trakt-taker")}attach ${zip}\n/import file\nwait 2s`);
    expect(last(got)).toContain("Import from Trakt");
    expect(last(got)).toContain("matched: **1 show** (3 episodes), **3 movies**, 1 on your watchlist, 3 ratings.");
    await run(s, `${inClub("trakt-taker")}click "Import"\nwait 3s`);

    const same = async (user: string) => {
      const { items, episodes } = await library(user);
      return {
        items: items
          .map((i: any) => ({
            tmdbId: i.tmdbId,
            mediaType: i.mediaType,
            title: i.title,
            progressStatus: i.progressStatus,
            reaction: i.reaction,
            inWatchlist: !!i.inWatchlist,
          }))
          .sort((a: any, b: any) => a.tmdbId - b.tmdbId),
        episodes: episodes
          .filter((e: any) => e.isWatched)
          .map((e: any) => `${e.tmdbId}:S${e.season}E${e.episode}`)
          .sort(),
      };
    };
    const giver = await same("trakt-giver");
    expect(giver.items).toHaveLength(4);
    expect(await same("trakt-taker")).toEqual(giver);
  });
});
