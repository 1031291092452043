// /import in the sandbox: a Film Fanatic export attached to the command is previewed with exact
// counts, imported on Import (seen by /watch and by the web app), imported again as 0 changes and
// undone exactly; an oversized attachment is refused before it is downloaded, nothing written.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, webEpisodes, webItem, type Event } from "./harness.ts";

const DAY = 24 * 60 * 60 * 1000;
const dir = mkdtempSync(join(tmpdir(), "import-e2e-"));
const exportFile = join(dir, "film-fanatic-export.json");
const bigFile = join(dir, "big.json");

let s: Stack;
beforeAll(async () => {
  s = await stack();
  const at = Date.now() - 30 * DAY;
  // An /account export (src/lib/account-export.ts), as another Film Fanatic profile made it.
  writeFileSync(
    exportFile,
    JSON.stringify({
      exportedAt: new Date().toISOString(),
      discordUserId: "100000000000000077",
      watch_items: [
        {
          tmdbId: 27205,
          mediaType: "movie",
          title: "Inception",
          progressStatus: "done",
          reaction: "loved",
          inWatchlist: false,
          progress: 100,
          updatedAt: at,
        },
        {
          tmdbId: 603,
          mediaType: "movie",
          title: "The Matrix",
          progressStatus: "watch-later",
          inWatchlist: true,
          progress: 0,
          updatedAt: at,
        },
        { tmdbId: 1399, mediaType: "tv", title: "Game of Thrones", progressStatus: "watching", inWatchlist: false, updatedAt: at },
      ],
      episodes: [1, 2, 3].map((episode) => ({ tmdbId: 1399, season: 1, episode, updatedAt: at })),
      lists: [],
      list_items: [],
      reminders: [],
      complete: true,
    }),
  );
  writeFileSync(bigFile, "{}");
});
afterAll(async () => {
  await s?.stop();
});

const answers = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup", "message_edit");
const last = (events: Event[]) => text(answers(events).at(-1));
const library = async (user: string) => ({
  got: await webEpisodes(s, user, 1399),
  inception: await webItem(s, user, 27205, "movie"),
  matrix: await webItem(s, user, 603, "movie"),
  watchlist: await s.engine.run(async (t) =>
    (await t.withIdentity({ subject: `discord|${s.discord.user(user).id}` }).query(api.watchlist.getWatchlist, {}))
      .map((i) => i.tmdbId)
      .sort((a, b) => a - b),
  ),
});

describe("/import", () => {
  it("previews a Film Fanatic export with exact counts, imports it on Import, re-imports as 0 changes and undoes exactly", async () => {
    const before = await library("alice");
    const preview = await run(s, `as alice\nin movie-club #general\nattach ${exportFile}\n/import file\nwait 2s`);
    expect(last(preview)).toContain("matched: **1 show** (3 episodes), **2 movies**, 1 on your watchlist, 1 rating.");
    expect(last(preview)).toContain("Nothing is written to your library until you press **Import**.");
    expect(await library("alice")).toEqual(before);

    const imported = await run(s, `as alice\nin movie-club #general\nclick "Import"\nwait 2s\n/watch list scope:all`);
    expect(text(ofType(imported, "reply", "reply_edit", "message_edit").find((e) => text(e).includes("✅")))).toContain("3 titles changed");
    expect(last(imported)).toMatch(/Inception/);
    expect(last(imported)).toMatch(/The Matrix/);
    expect(last(imported)).toMatch(/Game of Thrones/);
    const after = await library("alice");
    expect(after.got).toEqual(["S1E1", "S1E2", "S1E3"]);
    expect(after.inception).toMatchObject({ progressStatus: "done", reaction: "loved" });
    expect(after.matrix).toMatchObject({ inWatchlist: true, progressStatus: "watch-later" });
    expect(after.watchlist).toEqual([603]);
    const info = await run(s, `as alice\nin movie-club #general\n/watch info title:movie:27205`);
    expect(last(info)).toMatch(/Finished/);

    const again = await run(s, `as alice\nin movie-club #general\nattach ${exportFile}\n/import file\nwait 2s\nclick "Import"\nwait 2s`);
    expect(last(again)).toContain("0 changes");
    expect(await library("alice")).toEqual(after);

    const undone = await run(s, `as alice\nin movie-club #general\n/import undo\nwait 2s`);
    expect(last(undone)).toContain("your library is as it was");
    expect(await library("alice")).toEqual(before);
  });

  it("answers the Import button on /account with how to import", async () => {
    const events = await run(s, `as carol\nin movie-club #general\n/account\nclick "Import"`);
    expect(last(events)).toContain("Use `/import file` and attach your export");
  });

  it("refuses an oversized attachment before downloading it, writing nothing", async () => {
    const downloads = s.discord.cdn.downloads;
    const events = await run(s, `as bob\nin movie-club #general\nattach ${bigFile} size:30MB\n/import file`);
    expect(last(events)).toContain("an import file can be at most 25 MB. Nothing was imported.");
    expect(s.discord.cdn.downloads).toBe(downloads);
    const runs = await s.engine.run(async (t) => await t.run(async (ctx) => await ctx.db.query("import_runs").collect()));
    expect(runs.filter((r) => r.discordUserId === s.discord.user("bob").id)).toEqual([]);
  });
});
