// What the web app's custom-list page shows for a status the bot wrote. That page
// (routes/watchlist.tsx, list item card) labels getListItems' raw progressStatus through
// getProgressOption: an exact match in its options, anything else "Watch Later".
import { describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { ProgressStatus } from "../../convex/lib/validators";
import { ALICE, deployment, SECRET, type Deployment } from "./setup";

/** The web app's PROGRESS_OPTIONS (constants/watchlist.ts at ddb18d5), in order. */
const WEB_PROGRESS_OPTIONS = [
  { value: "watch-later", label: "Watch Later" },
  { value: "watching", label: "Watching" },
  { value: "done", label: "Done" },
  { value: "dropped", label: "Dropped" },
] as const;

/** The custom-list page's badge: `getProgressOption(item.progressStatus ?? "watch-later")`, unknown → the first option. */
function customListLabel(raw: string | undefined): string {
  const status = raw ?? "watch-later";
  return (WEB_PROGRESS_OPTIONS.find((o) => o.value === status) ?? WEB_PROGRESS_OPTIONS[0]).label;
}

/** What a person means by each of the bot's statuses, as the web app must show it. */
const EXPECTED: Record<ProgressStatus, string> = {
  "want-to-watch": "Watch Later",
  watching: "Watching",
  finished: "Done",
  dropped: "Dropped",
};

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const SHOW = { tmdbId: 990201, title: "Three Episodes", seasons: [{ season: 1, name: "Season 1", episodeCount: 3 }] };

/** Puts every title into one custom list through the web app and answers the page's labels by tmdbId. */
async function labelsOnListPage(t: Deployment, titles: { tmdbId: number; mediaType: string }[]): Promise<Map<number, string>> {
  // A Discord-only profile is keyed `discord|<id>`: the web app signed in as it sees the bot's rows.
  const web = t.withIdentity({ subject: `discord|${ALICE}` });
  const listId = await web.mutation(api.watchlist.createCustomList, { name: "From Discord" });
  for (const { tmdbId, mediaType } of titles) await web.mutation(api.watchlist.toggleListItem, { listId, tmdbId, mediaType });
  const items = await web.query(api.watchlist.getListItems, { listId });
  return new Map(items.map((item) => [item.tmdbId, customListLabel(item.progressStatus)]));
}

describe("the web app's custom-list page, fed what the bot writes", () => {
  it("reproduces the page's table: its four words, and anything else as Watch Later", () => {
    expect(customListLabel("done")).toBe("Done");
    expect(customListLabel("dropped")).toBe("Dropped");
    expect(customListLabel("finished")).toBe("Watch Later");
    expect(customListLabel("caught-up")).toBe("Watch Later");
    expect(customListLabel(undefined)).toBe("Watch Later");
  });

  it("shows the right label for every status the bot sets, on a movie and on a show", async () => {
    const t = deployment();
    process.env.BOT_WRITE_BURST = "100";
    const statuses = Object.keys(EXPECTED) as ProgressStatus[];
    const titles = statuses.flatMap((status, i) => [
      { status, tmdbId: 800 + i, mediaType: "movie" },
      { status, tmdbId: 900 + i, mediaType: "tv" },
    ]);
    for (const { status, tmdbId, mediaType } of titles) {
      if (mediaType === "tv") await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW, tmdbId, title: `Title ${tmdbId}` });
      await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId, mediaType, progressStatus: status, title: `Title ${tmdbId}` });
    }
    const labels = await labelsOnListPage(t, titles);
    for (const { status, tmdbId } of titles) expect({ status, label: labels.get(tmdbId) }).toEqual({ status, label: EXPECTED[status] });
  });

  it("shows the right label for what adding and marking episodes set by themselves", async () => {
    const t = deployment();
    process.env.BOT_WRITE_BURST = "100";
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW });
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW, tmdbId: 990202 });
    // Added from Discord: want to watch.
    await t.mutation(api.bot.titles.addToWatchlist, { ...as(ALICE), tmdbId: 27205, mediaType: "movie", title: "Inception" });
    // One episode: watching; every episode of an ended show: finished.
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990201, season: 1, episodes: [1], isWatched: true });
    const all = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: 990202, isWatched: true });
    expect(all.statusAfter).toBe("finished");
    const labels = await labelsOnListPage(t, [
      { tmdbId: 27205, mediaType: "movie" },
      { tmdbId: 990201, mediaType: "tv" },
      { tmdbId: 990202, mediaType: "tv" },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ 27205: "Watch Later", 990201: "Watching", 990202: "Done" });
  });

  it("shows Done for a show the bot finished when TMDB said it ended", async () => {
    const t = deployment();
    const seasons = SHOW.seasons;
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW, ongoing: true });
    const caughtUp = await t.mutation(api.bot.episodes.markAllFor, { ...as(ALICE), tmdbId: SHOW.tmdbId, isWatched: true });
    expect(caughtUp.statusAfter).toBe("watching");
    await t.mutation(internal.reminders.airing.recordAiring, {
      tmdbId: SHOW.tmdbId,
      info: { title: SHOW.title, seasons, lastAired: { season: 1, episode: 3 }, ongoing: false },
    });
    await t.finishAllScheduledFunctions(() => undefined);
    const labels = await labelsOnListPage(t, [{ tmdbId: SHOW.tmdbId, mediaType: "tv" }]);
    expect(labels.get(SHOW.tmdbId)).toBe("Done");
  });

  it("still reads every synonym the web app and the seed stored", async () => {
    const t = deployment();
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
    const stored = ["want-to-watch", "watch-later", "plan-to-watch", "caught-up", "finished", "completed", "liked", "done", "dropped"];
    await t.run(async (ctx) => {
      for (const [i, progressStatus] of stored.entries()) {
        await ctx.db.insert("watch_items", { userId, tmdbId: 700 + i, mediaType: "movie", progressStatus, updatedAt: i });
      }
    });
    const read = [];
    for (const i of stored.keys()) {
      const state = await t.query(api.bot.titles.getTitleState, { ...as(ALICE), tmdbId: 700 + i, mediaType: "movie" });
      read.push(state.item?.progressStatus);
    }
    expect(read).toEqual([
      "want-to-watch",
      "want-to-watch",
      "want-to-watch",
      "watching",
      "finished",
      "finished",
      "finished",
      "finished",
      "dropped",
    ]);
  });

  it("shows the right label for what the bot stored before, once the migration ran", async () => {
    const t = deployment();
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, as(ALICE));
    const stored = ["finished", "want-to-watch", "caught-up", "done"];
    await t.run(async (ctx) => {
      // More than one page of the old bot word, so the migration continues.
      for (let i = 0; i < 600; i++)
        await ctx.db.insert("watch_items", { userId, tmdbId: 10_000 + i, mediaType: "movie", progressStatus: "finished", updatedAt: i });
      for (const [i, progressStatus] of stored.entries())
        await ctx.db.insert("watch_items", { userId, tmdbId: 600 + i, mediaType: "movie", progressStatus, updatedAt: 7 });
    });
    vi.useFakeTimers();
    try {
      await t.mutation(internal.migrations.rewriteSeedStatusWords, {});
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    const labels = await labelsOnListPage(
      t,
      stored.map((_, i) => ({ tmdbId: 600 + i, mediaType: "movie" })),
    );
    expect([...labels.values()]).toEqual(["Done", "Watch Later", "Watch Later", "Done"]);
    const rows = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    expect(rows.filter((r) => r.progressStatus === "finished" || r.progressStatus === "want-to-watch")).toEqual([]);
    // Only the bot's words change: caught-up (the web app's own) stays, and no row looks newly touched.
    expect(rows.find((r) => r.tmdbId === 602)).toMatchObject({ progressStatus: "caught-up", updatedAt: 7 });
    expect(rows.find((r) => r.tmdbId === 600)).toMatchObject({ progressStatus: "done", updatedAt: 7 });
    expect(rows.find((r) => r.tmdbId === 601)).toMatchObject({ progressStatus: "watch-later", updatedAt: 7 });
  });
});
