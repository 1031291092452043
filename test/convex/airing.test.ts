// Aired vs announced episodes and TMDB's own numbering in Convex: progress, the board, stalled
// reminders, new-episode alerts and the airing check all count what has aired, as TMDB numbers it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { boardData } from "../../convex/model/board";
import { airingRetryMs } from "../../convex/model/remindersAlerts";
import { watchedInSession } from "../../convex/model/sessionWatched";
import { fakeDiscord, type FakeMessage } from "./fake-discord";
import { ALICE, BOB, deployment, SECRET, type Deployment } from "./setup";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 5, 12, 0); // 2026-01-05
const GUILD = "300000000000000001";
const CHANNEL = "300000000000000002";
const DM_CHANNEL = "400000000000000009";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

/** Second Wind mid-season: season 1 ended (3), season 2 lists 6 with 3 aired, E4 on 01-08 and E5 on 01-15. */
const MID_SEASON = {
  tmdbId: 990103,
  title: "Second Wind",
  ongoing: true,
  seasons: [
    { season: 1, name: "Season 1", episodeCount: 3 },
    {
      season: 2,
      name: "Season 2",
      episodeCount: 6,
      episodeNames: ["A", "B", "C", "D", "E", "F"],
      aired: 3,
      airDates: ["2026-01-08", "2026-01-15"],
    },
  ],
};
/** Grand Voyage: season 2 numbered E13–E16 by TMDB, two aired. */
const ABSOLUTE = {
  tmdbId: 990104,
  title: "Grand Voyage",
  ongoing: true,
  seasons: [
    { season: 1, name: "Season 1", episodeCount: 12 },
    {
      season: 2,
      name: "Season 2",
      episodeCount: 4,
      episodeNumbers: [13, 14, 15, 16],
      episodeNames: ["E13", "E14", "E15", "E16"],
      aired: 2,
      airDates: ["2026-01-08"],
    },
  ],
};

async function pass(t: Deployment, ms: number, step = 60_000) {
  for (let spent = 0; spent < ms; spent += step) {
    vi.advanceTimersByTime(step);
    await t.finishInProgressScheduledFunctions();
  }
}

const mark = (t: Deployment, who: string, tmdbId: number, season: number, episodes: number[]) =>
  t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId, season, episodes, isWatched: true });
const state = (t: Deployment, who: string, tmdbId: number) =>
  t.query(api.bot.titles.getTitleState, { ...as(who), tmdbId, mediaType: "tv" });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  process.env.DISCORD_API_BASE = "https://discord.test/api";
  process.env.DISCORD_TOKEN = "test-token";
  process.env.TMDB_API_URL = "https://tmdb.test/3";
  process.env.TMDB_API_TOKEN = "test-tmdb-token";
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("progress counts aired episodes", () => {
  it("every aired episode watched is caught up at 100 %, with the next announced one and its date; the date passing makes it next", async () => {
    const t = deployment();
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...MID_SEASON });
    await mark(t, ALICE, 990103, 1, [1, 2, 3]);
    const out = await mark(t, ALICE, 990103, 2, [1, 2, 3]);
    expect(out.progress).toMatchObject({
      watched: 6,
      total: 6,
      percent: 100,
      next: null,
      upcoming: { season: 2, episode: 4, airDate: "2026-01-08" },
    });
    expect(out.statusAfter).toBe("watching");
    await expect(mark(t, ALICE, 990103, 2, [4])).rejects.toThrow(/S2E4 of Second Wind hasn't aired yet — it airs <t:1767830400:D>/);
    // Unmarking an announced episode (marked on the web) is allowed: harmless.
    await expect(
      t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990103, season: 2, episodes: [4], isWatched: false }),
    ).resolves.toBeTruthy();
    // A whole season marks what has aired only.
    const season = await t.mutation(api.bot.episodes.markAllFor, { ...as(BOB), tmdbId: 990103, season: 2, isWatched: true });
    expect(season.requested).toBe(3);

    vi.setSystemTime(Date.UTC(2026, 0, 8, 0, 30));
    // Past 12 hours a write without TMDB's counts refetches the structure, as the bot then does.
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...MID_SEASON });
    expect((await state(t, ALICE, 990103)).progress).toMatchObject({ watched: 6, total: 7, next: { season: 2, episode: 4, name: "D" } });
    await expect(mark(t, ALICE, 990103, 2, [4])).resolves.toMatchObject({ changed: 1 });
  });

  it("an ended show with announced episodes still to air is caught up, not finished", async () => {
    const t = deployment();
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...MID_SEASON, ongoing: false });
    await mark(t, ALICE, 990103, 1, [1, 2, 3]);
    expect((await mark(t, ALICE, 990103, 2, [1, 2, 3])).statusAfter).toBe("watching");
  });

  it("a season TMDB numbers absolutely takes its numbers or places, and a structure of 1,100 episodes stays small", async () => {
    const t = deployment();
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...ABSOLUTE });
    const byNumber = await mark(t, ALICE, 990104, 2, [14]);
    expect(byNumber).toMatchObject({ episodeName: "E14", numbering: { read: "tmdb", episodes: [14] } });
    const byPlace = await mark(t, ALICE, 990104, 2, [1]);
    expect(byPlace).toMatchObject({ episodeName: "E13", numbering: { read: "position", episodes: [13] } });
    await expect(mark(t, ALICE, 990104, 2, [15])).rejects.toThrow(/S2E15 of Grand Voyage hasn't aired yet/);
    await expect(mark(t, ALICE, 990104, 2, [3])).rejects.toThrow(/S2E15 of Grand Voyage hasn't aired yet/);
    await expect(mark(t, ALICE, 990104, 2, [40])).rejects.toThrow(/TMDB numbers season 2 of Grand Voyage E13–E16/);
    const rows = await t.run((ctx) => ctx.db.query("episode_progress").collect());
    expect(rows.map((r) => `S${r.season}E${r.episode}`).sort()).toEqual(["S2E13", "S2E14"]);

    // 20 seasons of 55, numbered absolutely, names and a last season mid-air: far below the 1 MiB document limit.
    const seasons = Array.from({ length: 20 }, (_, i) => ({
      season: i + 1,
      name: `Arc ${i + 1}`,
      episodeCount: 55,
      episodeNames: Array.from({ length: 55 }, (_, e) => `The Crew Sets Sail Into The Unknown Waters, Part ${i * 55 + e + 1}`),
      episodeNumbers: Array.from({ length: 55 }, (_, e) => i * 55 + e + 1),
      ...(i === 19 ? { aired: 40, airDates: Array.from({ length: 15 }, (_, e) => `2026-02-${String(e + 1).padStart(2, "0")}`) } : {}),
    }));
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, tmdbId: 37854, title: "One Piece", seasons });
    const doc = await t.run((ctx) =>
      ctx.db
        .query("shows")
        .withIndex("by_tmdb", (q) => q.eq("tmdbId", 37854))
        .unique(),
    );
    expect(JSON.stringify(doc).length).toBeLessThan(200 * 1024);
  });

  it("a copy stored before aired and announced were told apart is fetched once more, then trusted", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      await ctx.db.insert("shows", {
        tmdbId: 990103,
        title: "Second Wind",
        seasons: [{ season: 2, name: "Season 2", episodeCount: 6 }],
        totalEpisodes: 6,
        ongoing: true,
        fetchedAt: Date.now(),
      });
    });
    await expect(mark(t, ALICE, 990103, 2, [1])).rejects.toThrow(/seasons changed on TMDB/);
    await t.mutation(api.bot.episodes.markEpisodesFor, {
      ...as(ALICE),
      tmdbId: 990103,
      season: 2,
      episodes: [1],
      isWatched: true,
      show: { title: "Second Wind", seasons: [MID_SEASON.seasons[1]!] },
    });
    await expect(mark(t, ALICE, 990103, 2, [2])).resolves.toMatchObject({ changed: 1, progress: { total: 3 } });
  });

  it("refuses airing fields that can't be true", async () => {
    const t = deployment();
    const bad = (season: object) =>
      t.mutation(api.bot.shows.cacheShow, {
        secret: SECRET,
        tmdbId: 5,
        title: "X",
        seasons: [{ season: 1, name: "S", episodeCount: 3, ...season }],
      });
    await expect(bad({ episodeNumbers: [3, 2, 1] })).rejects.toThrow(/impossible episode numbers/);
    await expect(bad({ aired: 4 })).rejects.toThrow(/impossible aired count/);
    await expect(bad({ aired: 1, airDates: ["soon"] })).rejects.toThrow(/impossible air dates/);
  });
});

describe("party boards count aired episodes", () => {
  it("a member who watched every aired episode of the season is at 3/3, not 3/6", async () => {
    const t = deployment();
    fakeDiscord({ dmChannel: DM_CHANNEL });
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...MID_SEASON });
    const whole = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: CHANNEL,
      tmdbId: 990103,
      displayName: "alice",
    });
    await mark(t, ALICE, 990103, 1, [1, 2, 3]);
    await mark(t, ALICE, 990103, 2, [1, 2, 3]);
    const data = await t.run(async (ctx) => {
      const party = (await ctx.db.query("parties").collect()).find((p) => p.tmdbId === 990103)!;
      const showBoard = await boardData(ctx, party);
      const seasonBoard = await boardData(ctx, { ...party, season: 2 });
      return { showBoard, seasonBoard };
    });
    expect(whole).toBeTruthy();
    expect(data.showBoard.members[0]).toMatchObject({ watched: 6, total: 6, position: { season: 2, episode: 3 } });
    expect(data.seasonBoard.members[0]).toMatchObject({ watched: 3, total: 3, position: { season: 2, episode: 3 } });
  });
});

describe("party prompts name aired episodes as TMDB numbers them", () => {
  it("'We watched together' offers the next aired episode (S2E14 after E13), and nothing once the host has seen all that aired", async () => {
    const t = deployment();
    fakeDiscord({ dmChannel: DM_CHANNEL });
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...ABSOLUTE });
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: CHANNEL,
      tmdbId: 990104,
      season: 2,
      displayName: "alice",
    });
    await mark(t, ALICE, 990104, 2, [13]);
    const next = () =>
      t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), guildId: GUILD, channelId: CHANNEL, partyId: party.partyId });
    expect((await next()).what).toBe("S2E14");
    vi.advanceTimersByTime(10 * 60_000);
    await expect(next()).rejects.toThrow(/watched everything/);
    // A session where the host marked nothing asks about the episode after where they were: S2E14, not S3E1.
    const asked = await t.run(async (ctx) => {
      const row = (await ctx.db.query("parties").collect())[0]!;
      return await watchedInSession(ctx, row, { season: 2, episode: 13 });
    });
    expect(asked).toMatchObject({ season: 2, episodes: [14] });
  });
});

describe("stalled reminders and alerts", () => {
  function tmdb(show: () => object) {
    let requests = 0;
    const discord = fakeDiscord({
      dmChannel: DM_CHANNEL,
      other: (url) => {
        if (!url.startsWith("https://tmdb.test/3/tv/")) return undefined;
        requests++;
        const body = show();
        return "status" in body && typeof body.status === "number"
          ? new Response("{}", { status: body.status })
          : new Response(JSON.stringify(body), { status: 200 });
      },
    });
    return { dms: () => discord.inChannel(DM_CHANNEL) as FakeMessage[], requests: () => requests };
  }

  it("a reminder never offers an announced episode: someone caught up on what aired gets none, someone behind gets the aired one", async () => {
    const t = deployment();
    const fake = tmdb(() => ({ id: 990103, name: "Second Wind", seasons: [], last_episode_to_air: null }));
    // S2E4 airs on the 20th, after the reminders fall due (7 days after the marks on the 5th).
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      ...MID_SEASON,
      seasons: [{ ...MID_SEASON.seasons[1]!, airDates: ["2026-01-20"] }],
    });
    await mark(t, ALICE, 990103, 2, [1, 2]);
    await mark(t, BOB, 990103, 2, [1, 2, 3]);
    await pass(t, 8 * DAY, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    const reminders = fake.dms().filter((d) => !String(d.body.content ?? "").startsWith("🆕"));
    expect(reminders.map((d) => d.recipient)).toEqual([ALICE]);
    const text = JSON.stringify(reminders[0]!.body);
    expect(text).toContain("S2E3");
    expect(text).not.toContain("S2E4");
  });

  it("the airing check keeps aired counts current, names an absolutely numbered episode as TMDB does, and its button marks that one", async () => {
    const t = deployment();
    let last = 14;
    const fake = tmdb(() => ({
      id: 990104,
      name: "Grand Voyage",
      status: "Returning Series",
      seasons: [
        { season_number: 1, episode_count: 12, name: "Season 1" },
        { season_number: 2, episode_count: 4, name: "Season 2" },
      ],
      last_episode_to_air: { season_number: 2, episode_number: last, name: `Episode ${last}`, air_date: "2026-01-01" },
      next_episode_to_air: { season_number: 2, episode_number: last + 1, air_date: last === 14 ? "2026-01-12" : "2026-01-19" },
    }));
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...ABSOLUTE });
    await mark(
      t,
      ALICE,
      990104,
      1,
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    await mark(t, ALICE, 990104, 2, [13, 14]);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    // TMDB moved E15 to the 12th: the structure keeps TMDB's date.
    const stored = await t.run((ctx) =>
      ctx.db
        .query("shows")
        .withIndex("by_tmdb", (q) => q.eq("tmdbId", 990104))
        .unique(),
    );
    expect(stored?.seasons[1]).toMatchObject({ aired: 2, airDates: ["2026-01-12"], episodeNumbers: [13, 14, 15, 16] });

    last = 15;
    vi.setSystemTime(Date.UTC(2026, 0, 12, 13, 0));
    await pass(t, DAY, 60 * 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    // The first DM this person gets, so it also says how to stop them.
    expect(fake.dms().map((d) => String(d.body.content).split("\n")[0])).toEqual(["🆕 S2E15 of **Grand Voyage** is out."]);
    expect(fake.dms()[0]!.body.components[0].components[0].label).toBe("Mark S2E15 watched");
    const marked = await t.mutation(api.bot.reminders.markFromDm, { ...as(ALICE), tmdbId: 990104, season: 2, episode: 15 });
    expect(marked.changed).toBe(true);
    expect((await state(t, ALICE, 990104)).progress).toMatchObject({ watched: 15, total: 15, upcoming: { season: 2, episode: 16 } });
  });

  it("with TMDB down the daily check backs off (15 min, 30 min, …) instead of waiting a day, and resumes when TMDB answers", async () => {
    const t = deployment();
    let down = true;
    const fake = tmdb(() =>
      down
        ? { status: 503 }
        : {
            id: 990104,
            name: "Grand Voyage",
            seasons: [{ season_number: 2, episode_count: 4 }],
            last_episode_to_air: { season_number: 2, episode_number: 14 },
          },
    );
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...ABSOLUTE });
    await mark(t, ALICE, 990104, 2, [13]);
    const row = () =>
      t.run((ctx) =>
        ctx.db
          .query("airing_shows")
          .withIndex("by_tmdb", (q) => q.eq("tmdbId", 990104))
          .unique(),
      );
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect((await row())?.failures).toBe(1);
    expect((await row())!.checkAt - Date.now()).toBeLessThanOrEqual(airingRetryMs(1));
    expect(airingRetryMs(1)).toBe(15 * 60_000);
    expect(airingRetryMs(2)).toBe(30 * 60_000);
    expect(airingRetryMs(20)).toBe(DAY);
    await pass(t, 16 * 60_000, 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect((await row())?.failures).toBe(2);
    expect(fake.requests()).toBe(2);

    down = false;
    await pass(t, 31 * 60_000, 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect(fake.requests()).toBe(3);
    expect((await row())?.failures).toBeUndefined();
    expect((await row())?.lastAired).toEqual({ season: 2, episode: 14 });
  });
});
