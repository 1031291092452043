import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { quietUntil, parseQuietHours, DAY_MS } from "../../convex/model/reminders";
import { OPEN_DMS_HELP } from "../../convex/model/reminderRows";
import { fakeDiscord } from "./fake-discord";
import { ALICE, BOB, cacheGot, deployment, SECRET, type Deployment } from "./setup";

const DM_CHANNEL = "400000000000000009";
/** Discord at fetch (fake-discord.ts), enough for DMs, and TMDB for the sandbox's weekly show. */
function fakeDiscordAndTmdb() {
  let aired = 3;
  let listed: number | undefined;
  let tmdbRequests = 0;
  const discord = fakeDiscord({
    dmChannel: DM_CHANNEL,
    other: (url) => {
      if (!url.startsWith("https://tmdb.test/3/tv/990101")) return undefined;
      tmdbRequests++;
      const show = {
        id: 990101,
        name: "The Weekly",
        seasons: [{ season_number: 1, episode_count: listed ?? aired, name: "Season 1" }],
        last_episode_to_air: { season_number: 1, episode_number: aired, name: `Week ${aired}` },
      };
      return new Response(JSON.stringify(show), { status: 200 });
    },
  });
  return {
    /** The DMs that landed, each with its recipient. */
    get dms() {
      return discord.inChannel(DM_CHANNEL);
    },
    /** Answers for the next DM posts instead of Discord's (status 0: it lands, the answer is lost). */
    faults: discord.faults.post,
    posts: discord.postAttempts,
    air: (n: number) => (aired = n),
    list: (n: number) => (listed = n),
    tmdbRequests: () => tmdbRequests,
  };
}

async function pass(t: Deployment, ms: number, step = 60_000) {
  for (let spent = 0; spent < ms; spent += step) {
    vi.advanceTimersByTime(step);
    await t.finishInProgressScheduledFunctions();
  }
}

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

/** The language remembered on someone's account, as their last interaction's locale leaves it. */
async function speaks(t: Deployment, who: string, locale: string) {
  await t.run(async (ctx) => {
    const account = await ctx.db
      .query("discord_accounts")
      .withIndex("by_discord", (q) => q.eq("discordUserId", who))
      .unique();
    await ctx.db.patch(account!._id, { locale });
  });
}

async function markGot(t: Deployment, who: string, season: number, episodes: number[]) {
  await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId: 1399, season, episodes, isWatched: true });
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 12, 0) });
  process.env.DISCORD_API_BASE = "https://discord.test/api";
  process.env.DISCORD_TOKEN = "test-token";
  process.env.TMDB_API_URL = "https://tmdb.test/3";
  process.env.TMDB_API_TOKEN = "test-tmdb-token";
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("stalled-show reminders", () => {
  it("send one DM with the next episode once a show has had no mark for 7 days, and nothing when the cron fires again", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1, 2]);
    await pass(t, 6 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(0);

    await pass(t, 2 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(1);
    const dm = discord.dms[0]!;
    expect(dm.recipient).toBe(ALICE);
    expect(dm.body.embeds[0].description).toContain("Up next: **S1E3** · Lord Snow");
    expect(dm.body.embeds[0].description).toContain("71 episodes left");
    expect(dm.body.content).toContain("/remind off");
  });

  it("are written in the language remembered on the person's account, buttons included", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1, 2]);
    await speaks(t, ALICE, "de");
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(1);
    const dm = discord.dms[0]!;
    expect(dm.body.content).toContain("Weiterschauen, wo du aufgehört hast?");
    expect(dm.body.content).toContain("`/erinnerungen aus` stoppt alle");
    expect(dm.body.embeds[0].description).toContain("Als Nächstes: **S1E3** · Lord Snow");
    expect(dm.body.embeds[0].description).toContain("71 Folgen übrig");
    expect(dm.body.components.flatMap((r: any) => r.components.map((c: any) => c.label))).toEqual([
      "S1E3 als gesehen markieren — Game of Thrones",
      "Eine Woche Ruhe",
      "Für diese Serie stoppen",
      "Einstellungen",
    ]);
  });

  it("put every due show of one person into a single DM", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 1396,
      title: "Breaking Bad",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 7 }],
    });
    await markGot(t, ALICE, 1, [1]);
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1396, season: 1, episodes: [1], isWatched: true });
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(1);
    expect(discord.dms[0]!.body.embeds.map((e: any) => e.title)).toEqual(["📺 Game of Thrones", "📺 Breaking Bad"]);
  });

  it("retry a DM whose answer was lost with the same nonce, so it arrives once", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1]);
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    discord.faults.push({ status: 0 }, { status: 503, body: { message: "unavailable" } });
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 2 * 60_000, 1_000);
    expect(discord.posts()).toBe(3);
    expect(discord.dms).toHaveLength(1);
  });

  it("mark someone whose DMs are closed (50007) unreachable without retrying, and tell them how to open DMs when they next use /remind", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1]);
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    discord.faults.push({ status: 403, body: { code: 50007, message: "Cannot send messages to this user" } });
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 10 * 60_000, 10_000);
    expect(discord.posts()).toBe(1);
    // A month of hourly scans: no second attempt.
    await pass(t, 30 * DAY_MS, 60 * 60_000);
    for (let i = 0; i < 3; i++) await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.posts()).toBe(1);

    // Said in the language remembered on their account (here French), not the English OPEN_DMS_HELP.
    await speaks(t, ALICE, "fr");
    const settings = await t.mutation(api.bot.reminders.settings, as(ALICE));
    expect(settings.notice).not.toBe(OPEN_DMS_HELP);
    expect(settings.notice).toMatch(/^📭 Je n’ai pas pu t’envoyer de rappel en MP : tes MP me sont fermés\./);
    expect((await t.mutation(api.bot.reminders.settings, as(ALICE))).notice).toBeNull();
  });

  it("are not sent to someone who turned them off, nor for a show they stopped", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1]);
    await markGot(t, BOB, 1, [1]);
    await t.mutation(api.bot.reminders.setEnabled, { ...as(ALICE), enabled: false });
    await t.mutation(api.bot.reminders.setShow, { ...as(BOB), tmdbId: 1399, enabled: false });
    await pass(t, 9 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(0);
  });

  it("follow someone's own number of days, for shows marked before and after they set it", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 1396,
      title: "Breaking Bad",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 7 }],
    });
    await markGot(t, ALICE, 1, [1]);
    await t.mutation(api.bot.reminders.updateSettings, { ...as(ALICE), days: 3 });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 1396, season: 1, episodes: [1], isWatched: true });
    await pass(t, 2 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(0);
    await pass(t, 1 * DAY_MS + 60 * 60_000, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(1);
    expect(discord.dms[0]!.body.embeds.map((e: any) => e.title)).toEqual(["📺 Game of Thrones", "📺 Breaking Bad"]);
  });

  it("forget the DMs someone was sent when they delete their Discord data", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1]);
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(1);
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE });
    await pass(t, 60_000);
    const left = await t.run(async (ctx) => ({
      sends: await ctx.db.query("reminder_sends").collect(),
      rows: await ctx.db.query("reminders").collect(),
    }));
    expect(left).toEqual({ sends: [], rows: [] });
  });

  it("forget a sent DM after 30 days", async () => {
    const t = deployment();
    fakeDiscordAndTmdb();
    await cacheGot(t);
    await markGot(t, ALICE, 1, [1]);
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    const count = () => t.run(async (ctx) => (await ctx.db.query("reminder_sends").collect()).length);
    await t.mutation(internal.reminders.delivery.prune, {});
    expect(await count()).toBe(1);
    await pass(t, 31 * DAY_MS, DAY_MS);
    await t.mutation(internal.reminders.delivery.prune, {});
    expect(await count()).toBe(0);
  });

  it("refuse settings that make no sense, changing nothing", async () => {
    const t = deployment();
    fakeDiscordAndTmdb();
    await expect(t.mutation(api.bot.reminders.updateSettings, { ...as(ALICE), days: 0 })).rejects.toThrow(/Days must be/);
    await expect(t.mutation(api.bot.reminders.updateSettings, { ...as(ALICE), quiet: "25:00-08:00" })).rejects.toThrow(
      /Quiet hours look like/,
    );
    await expect(t.mutation(api.bot.reminders.updateSettings, { ...as(ALICE), timeZone: "Mars/Olympus" })).rejects.toThrow(
      /not a time zone/,
    );
    const now = await t.mutation(api.bot.reminders.updateSettings, {
      ...as(ALICE),
      days: 3,
      quiet: "22:00-08:00",
      timeZone: "America/New_York",
    });
    expect(now).toMatchObject({ days: 3, quiet: "22:00-08:00", timeZone: "America/New_York", enabled: true });
  });
});

describe("new-episode alerts", () => {
  it("tell a follower who had watched every aired episode that the next one is out, once, and not one who is behind", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 990101,
      title: "The Weekly",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 3 }],
    });
    // Its genres known, as the bot's /watch paths leave them: the stats' facts fetcher (which
    // asks TMDB once ever for a finished title without them) has nothing to add to these counts.
    await t.run(async (ctx) => {
      await ctx.db.insert("title_facts", { mediaType: "tv", tmdbId: 990101, genres: [18], fetchedAt: Date.now() });
    });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990101, season: 1, episodes: [1, 2, 3], isWatched: true });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(BOB), tmdbId: 990101, season: 1, episodes: [1], isWatched: true });
    // The first check notes what has aired; nobody hears anything.
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect(discord.tmdbRequests()).toBe(1);
    expect(discord.dms).toHaveLength(0);

    discord.air(4);
    await pass(t, DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    // One TMDB request per show per day, however many follow it or how often the cron fires.
    expect(discord.tmdbRequests()).toBe(2);
    expect(discord.dms).toHaveLength(1);
    expect(discord.dms[0]!.recipient).toBe(ALICE);
    expect(discord.dms[0]!.body.content).toMatch(/^🆕 S1E4 of \*\*The Weekly\*\* is out\.\n/);
    // Alice's first DM from the bot: it says how to stop them.
    expect(discord.dms[0]!.body.content).toContain("`/remind off` stops them all");
    expect(discord.dms[0]!.body.components[0].components.map((c: any) => c.label)).toEqual(["Mark S1E4 watched", "Stop"]);

    // The new episode can be marked from the alert: the cached show learned it.
    const marked = await t.mutation(api.bot.reminders.markFromDm, { ...as(ALICE), tmdbId: 990101, season: 1, episode: 4 });
    expect(marked.changed).toBe(true);

    await pass(t, DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect(discord.dms).toHaveLength(1);
  });
});

describe("new-episode alerts in the person's language", () => {
  it("tell a Japanese reader in Japanese, with Japanese buttons", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 990101,
      title: "The Weekly",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 3 }],
    });
    await t.run(async (ctx) => {
      await ctx.db.insert("title_facts", { mediaType: "tv", tmdbId: 990101, genres: [18], fetchedAt: Date.now() });
    });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990101, season: 1, episodes: [1, 2, 3], isWatched: true });
    await speaks(t, ALICE, "ja");
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    discord.air(4);
    await pass(t, DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect(discord.dms).toHaveLength(1);
    expect(discord.dms[0]!.body.content).toMatch(/^🆕 \*\*The Weekly\*\* の S1E4 が公開されました。\n/);
    expect(discord.dms[0]!.body.content).toContain("`/リマインダー オフ` ですべて止まり");
    expect(discord.dms[0]!.body.components[0].components.map((c: any) => c.label)).toEqual(["S1E4 を視聴済みにする", "止める"]);
  });
});

describe("stalled reminders and airing", () => {
  it("go on after a new-episode alert: 3 of 7 watched, an alert, then a reminder while it waits unwatched", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    // 7 episodes announced, 3 aired; Alice has watched the 3.
    discord.list(7);
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 990101,
      title: "The Weekly",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 7 }],
    });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990101, season: 1, episodes: [1, 2, 3], isWatched: true });
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    // Caught up: nothing to remind about.
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(0);

    // Day 21: E4 airs and Alice is told — her first DM, so it says how to stop.
    await pass(t, 13 * DAY_MS, 60 * 60_000);
    discord.air(4);
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    expect(discord.dms).toHaveLength(1);
    expect(discord.dms[0]!.body.content).toContain("/remind off");

    // A week on, E4 is still unwatched (28 days since her last mark): she is reminded of it.
    await pass(t, 7 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(2);
    expect(discord.dms[1]!.body.embeds[0].description).toContain("Up next: **S1E4**");
    // Not the first any more: the note is not repeated.
    expect(discord.dms[1]!.body.content).not.toContain("/remind off");
  });

  it("don't offer an episode that hasn't aired yet as the next one", async () => {
    const t = deployment();
    const discord = fakeDiscordAndTmdb();
    // TMDB lists 10 episodes of the season (as it does announced ones), but only 3 have aired.
    discord.list(10);
    await t.mutation(api.bot.shows.cacheShow, {
      secret: SECRET,
      tmdbId: 990101,
      title: "The Weekly",
      seasons: [{ season: 1, name: "Season 1", episodeCount: 10 }],
    });
    await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId: 990101, season: 1, episodes: [1, 2, 3], isWatched: true });
    await t.mutation(internal.reminders.airing.checkAiring, {});
    await pass(t, 60_000, 1_000);
    await pass(t, 8 * DAY_MS, 60 * 60_000);
    await t.mutation(internal.reminders.delivery.scan, {});
    await pass(t, 60_000);
    expect(discord.dms).toHaveLength(0);
  });
});

describe("quiet hours", () => {
  const quiet = parseQuietHours("22:00-08:00")!;

  it("end at 08:00 in the person's own zone, the next morning when it is late evening", () => {
    // 23:30 in New York on 2026-01-05 is 04:30 UTC on the 6th; quiet ends 08:00 EST = 13:00 UTC.
    expect(quietUntil(Date.UTC(2026, 0, 6, 4, 30), "America/New_York", quiet)).toBe(Date.UTC(2026, 0, 6, 13, 0));
    // 03:00 Berlin (CET) is 02:00 UTC; quiet ends 08:00 CET = 07:00 UTC the same day.
    expect(quietUntil(Date.UTC(2026, 0, 6, 2, 0), "Europe/Berlin", quiet)).toBe(Date.UTC(2026, 0, 6, 7, 0));
    expect(quietUntil(Date.UTC(2026, 0, 6, 12, 0), "Europe/Berlin", quiet)).toBeNull();
  });

  it("follow a daylight-saving change in the person's zone", () => {
    // Berlin moves to CEST on 2026-03-29 at 02:00: quiet from 22:00 on the 28th ends at 08:00 CEST = 06:00 UTC.
    expect(quietUntil(Date.UTC(2026, 2, 28, 22, 0), "Europe/Berlin", quiet)).toBe(Date.UTC(2026, 2, 29, 6, 0));
  });
});
