// /upcoming in Convex: the next episodes of the shows someone follows, by day in their time zone,
// from the cached schedule only, tagged with this server's parties; reads bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { byDay, FINISHED_SHOWS_MAX, WATCHING_SHOWS_MAX } from "../../convex/upcoming/schedule";
import { ALICE, BOB, deployment, measure, SECRET, type Deployment } from "./setup";

/** Monday 5 January 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 0, 5, 12, 0);
const GUILD = "300000000000000001";
const CHANNEL = "300000000000000002";
const OTHER_GUILD = "300000000000000011";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

/** Season 1 ended (3); season 2 lists 6, 3 aired, E4 on 2026-01-08, E5 on 01-15, E6 on 03-20. */
const SECOND_WIND = {
  tmdbId: 990103,
  title: "Second Wind",
  ongoing: true,
  seasons: [
    { season: 1, name: "Season 1", episodeCount: 3 },
    {
      season: 2,
      name: "Season 2",
      episodeCount: 6,
      episodeNames: ["A", "B", "C", "Dead Reckoning", "E", "F"],
      aired: 3,
      airDates: ["2026-01-08", "2026-01-15", "2026-03-20"],
    },
  ],
};

/** A show with one aired episode and the next on `date`. */
const weeklyShow = (tmdbId: number, date: string, ongoing = true) => ({
  tmdbId,
  title: `Show ${tmdbId}`,
  ongoing,
  seasons: [{ season: 1, name: "Season 1", episodeCount: 2, aired: 1, airDates: [date] }],
});

const cache = (t: Deployment, show: object) => t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...show } as never);
const mark = (t: Deployment, who: string, tmdbId: number, season: number, episodes: number[]) =>
  t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId, season, episodes, isWatched: true });
const upcoming = (t: Deployment, who: string, days = 14, place?: { guildId: string; channelId: string }) =>
  t.query(api.bot.upcoming.episodes, { ...as(who), days, ...(place ? { place } : {}) });

async function caughtUpOnSecondWind(t: Deployment, who = ALICE) {
  await cache(t, SECOND_WIND);
  await mark(t, who, 990103, 1, [1, 2, 3]);
  await mark(t, who, 990103, 2, [1, 2, 3]);
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.BOT_WRITE_BURST;
});

describe("/upcoming episodes", () => {
  it("lists the next episode on its day in the person's zone: 00:00 UTC on the 8th is the 8th in Tokyo and the 7th in Los Angeles", async () => {
    const t = deployment();
    await caughtUpOnSecondWind(t);
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Asia/Tokyo" });
    const tokyo = await upcoming(t, ALICE);
    expect(tokyo.zone).toBe("Asia/Tokyo");
    expect(tokyo.days).toEqual([
      {
        day: "2026-01-08",
        items: [
          expect.objectContaining({
            tmdbId: 990103,
            season: 2,
            episode: 4,
            name: "Dead Reckoning",
            at: Date.UTC(2026, 0, 8),
            aired: false,
            next: false,
          }),
        ],
      },
      { day: "2026-01-15", items: [expect.objectContaining({ season: 2, episode: 5 })] },
    ]);
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "America/Los_Angeles" });
    const la = await upcoming(t, ALICE);
    expect(la.days.map((d) => d.day)).toEqual(["2026-01-07", "2026-01-14"]);
    // days: bounds the window; E6 (March) is outside 14 days but inside 60 from the 20th of January.
    expect((await upcoming(t, ALICE, 3)).days.map((d) => d.day)).toEqual(["2026-01-07"]);
    expect((await upcoming(t, ALICE, 60)).days.map((d) => d.day)).toEqual(["2026-01-07", "2026-01-14"]);
    vi.setSystemTime(Date.UTC(2026, 0, 25));
    expect((await upcoming(t, ALICE, 60)).days.at(-1)?.day).toBe("2026-03-19");
  });

  it("a time of 23:30 UTC falls on the next day in Tokyo and on the same day in UTC", () => {
    const at = Date.UTC(2026, 11, 9, 23, 30);
    expect(byDay([{ at }], "Asia/Tokyo")[0]!.day).toBe("2026-12-10");
    expect(byDay([{ at }], "UTC")[0]!.day).toBe("2026-12-09");
    expect(byDay([{ at }], "America/New_York")[0]!.day).toBe("2026-12-09");
  });

  it("without a zone, days are UTC's and the answer says the zone is not known", async () => {
    const t = deployment();
    await caughtUpOnSecondWind(t);
    const answer = await upcoming(t, ALICE);
    expect(answer).toMatchObject({ zone: "UTC", zoneKnown: false, shows: 1 });
    expect(answer.days[0]!.day).toBe("2026-01-08");
  });

  it("once the date comes, the episode has aired and is marked as the one the person is up to (the Mark watched button)", async () => {
    const t = deployment();
    await caughtUpOnSecondWind(t);
    await cache(t, weeklyShow(990200, "2026-01-08"));
    vi.setSystemTime(Date.UTC(2026, 0, 8, 9, 0));
    const answer = await upcoming(t, ALICE);
    expect(answer.days[0]).toEqual({
      day: "2026-01-08",
      items: [expect.objectContaining({ tmdbId: 990103, season: 2, episode: 4, aired: true, next: true })],
    });
    // Not followed (never marked, no status): not listed.
    expect(answer.days.flatMap((d) => d.items).some((i) => i.tmdbId === 990200)).toBe(false);
    // Someone who is behind on it sees it aired, but it is not the one they are up to.
    await cache(t, SECOND_WIND);
    await mark(t, BOB, 990103, 1, [1]);
    const bob = await upcoming(t, BOB);
    expect(bob.days[0]!.items[0]).toMatchObject({ episode: 4, aired: true, next: false });
    expect(bob.outNow).toEqual([]);
  });

  it("an aired episode TMDB already calls aired (no date kept) is 'out now' for someone one behind", async () => {
    const t = deployment();
    await cache(t, {
      ...SECOND_WIND,
      seasons: [SECOND_WIND.seasons[0], { ...SECOND_WIND.seasons[1], aired: 4, airDates: ["2026-01-15"] }],
    });
    await mark(t, ALICE, 990103, 1, [1, 2, 3]);
    await mark(t, ALICE, 990103, 2, [1, 2, 3]);
    const answer = await upcoming(t, ALICE);
    expect(answer.outNow).toEqual([expect.objectContaining({ tmdbId: 990103, season: 2, episode: 4, name: "Dead Reckoning" })]);
    expect(answer.days.map((d) => d.items.map((i) => i.episode))).toEqual([[5]]);
  });

  it("leaves out dropped shows, want-to-watch ones and finished shows that ended; keeps a finished show still airing", async () => {
    const t = deployment();
    await caughtUpOnSecondWind(t);
    const status = (tmdbId: number, progressStatus: string) =>
      t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId, mediaType: "tv", progressStatus });
    await cache(t, weeklyShow(990201, "2026-01-09"));
    await cache(t, weeklyShow(990202, "2026-01-09"));
    await cache(t, weeklyShow(990203, "2026-01-09", false));
    await cache(t, weeklyShow(990204, "2026-01-09"));
    await status(990201, "watching");
    await status(990202, "finished");
    await status(990203, "finished");
    await status(990204, "want-to-watch");
    const listed = async () => new Set((await upcoming(t, ALICE)).days.flatMap((d) => d.items.map((i) => i.tmdbId)));
    expect(await listed()).toEqual(new Set([990103, 990201, 990202]));
    await status(990103, "dropped");
    await status(990201, "dropped");
    expect(await listed()).toEqual(new Set([990202]));
  });

  it("tags a show with a watch party of this server the person can see, and only there", async () => {
    const t = deployment();
    await caughtUpOnSecondWind(t);
    await t.mutation(api.bot.parties.start, { ...as(BOB), guildId: GUILD, channelId: CHANNEL, tmdbId: 990103, displayName: "bob" });
    const here = await upcoming(t, ALICE, 14, { guildId: GUILD, channelId: "300000000000000099" });
    expect(here.days[0]!.items[0]!.partyChannelId).toBe(CHANNEL);
    const elsewhere = await upcoming(t, ALICE, 14, { guildId: OTHER_GUILD, channelId: "300000000000000012" });
    expect(elsewhere.days[0]!.items[0]!.partyChannelId).toBeUndefined();
    const dm = await upcoming(t, ALICE);
    expect(dm.days[0]!.items[0]!.partyChannelId).toBeUndefined();
    // A party in a channel they can't see is not revealed.
    const hidden = await t.query(api.bot.upcoming.episodes, {
      ...as(ALICE),
      days: 14,
      place: { guildId: GUILD, channelId: "300000000000000099", visibleChannelIds: ["300000000000000099"] },
    });
    expect(hidden.days[0]!.items[0]!.partyChannelId).toBeUndefined();
  });

  it("refuses days outside 1–60 with a sentence", async () => {
    const t = deployment();
    await expect(upcoming(t, ALICE, 0)).rejects.toThrow(/days must be a whole number from 1 to 60/);
    await expect(upcoming(t, ALICE, 61)).rejects.toThrow(/from 1 to 60/);
    await expect(upcoming(t, ALICE, 2.5)).rejects.toThrow(/from 1 to 60/);
  });

  it("someone who never used the bot gets an empty answer, not an error", async () => {
    const t = deployment();
    expect(await upcoming(t, ALICE)).toMatchObject({ days: [], outNow: [], shows: 0 });
  });

  it(`reads a bounded number of documents however many shows someone follows (${WATCHING_SHOWS_MAX} + ${FINISHED_SHOWS_MAX} at most)`, async () => {
    const t = deployment();
    process.env.BOT_WRITE_BURST = "100000";
    const many = 90;
    for (let i = 0; i < many; i++) {
      await cache(t, weeklyShow(991000 + i, `2026-01-${String(6 + (i % 20)).padStart(2, "0")}`));
      await mark(t, ALICE, 991000 + i, 1, [1]);
    }
    for (let i = 0; i < 20; i++) {
      await cache(t, weeklyShow(992000 + i, "2026-01-09"));
      await t.mutation(api.bot.titles.setStatus, { ...as(ALICE), tmdbId: 992000 + i, mediaType: "tv", progressStatus: "finished" });
    }
    await t.mutation(api.bot.parties.start, { ...as(BOB), guildId: GUILD, channelId: CHANNEL, tmdbId: 991000, displayName: "bob" });
    const { result, costs } = await measure(() => upcoming(t, ALICE, 60, { guildId: GUILD, channelId: CHANNEL }));
    expect(result.shows).toBe(WATCHING_SHOWS_MAX + FINISHED_SHOWS_MAX);
    const read = costs.find((c) => c.functionName.includes("upcoming"))!.documentsRead;
    // 1 account + 60 watch items + 60 shows + 50 summaries + parties (≤ 25).
    expect(read).toBeLessThanOrEqual(1 + 2 * (WATCHING_SHOWS_MAX + FINISHED_SHOWS_MAX) + WATCHING_SHOWS_MAX + 25);
    expect(read).toBeGreaterThan(100);
  });
});
