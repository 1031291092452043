// The calendar feed: /upcoming feed's private URL, served by GET /calendar/<token>.ics as iCalendar
// that a parser (ical.js) reads; stable UIDs across a reschedule; a wrong or reset token is 404.
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { FEED_MEMBERSHIPS_MAX } from "../../convex/upcoming/feed";
import { fakeDiscord } from "./fake-discord";
import { ALICE, BOB, deployment, measure, SECRET, type Deployment } from "./setup";

/** Monday 5 January 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 0, 5, 12, 0);
const SITE = "https://happy-otter-123.convex.site";
const GUILD = "300000000000000001";
const CHANNEL = "300000000000000002";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const salt = (c: string) => c.repeat(43);

const SHOW = {
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
      airDates: ["2026-01-08", "2026-01-15"],
    },
  ],
};

async function followSecondWind(t: Deployment, who = ALICE) {
  await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...SHOW } as never);
  await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId: 990103, season: 2, episodes: [1, 2, 3], isWatched: true });
}

const feed = (t: Deployment, who: string, s: string, reset = false) =>
  t.mutation(api.bot.upcoming.feed, { ...as(who), salt: salt(s), ...(reset ? { reset } : {}) });

async function get(t: Deployment, url: string) {
  const response = await t.fetch(url.slice(SITE.length), { method: "GET" });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    cache: response.headers.get("cache-control"),
    text: await response.text(),
  };
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      allDay: event.startDate.isDate,
      sequence: event.sequence,
    };
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  process.env.CONVEX_SITE_URL = SITE;
  process.env.DISCORD_API_BASE = "https://discord.test/api";
  process.env.DISCORD_TOKEN = "bot-token";
  fakeDiscord({ dmChannel: "400000000000000009" });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete process.env.CONVEX_SITE_URL;
  delete process.env.DISCORD_API_BASE;
  delete process.env.DISCORD_TOKEN;
});

describe("the calendar feed", () => {
  it("gives a private URL with a 256-bit token, the same one when asked again, and serves the followed shows' episodes as all-day events", async () => {
    const t = deployment();
    await followSecondWind(t);
    const first = await feed(t, ALICE, "a");
    expect(first.created).toBe(true);
    expect(first.url).toMatch(new RegExp(`^${SITE}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const again = await feed(t, ALICE, "b");
    expect(again).toMatchObject({ url: first.url, created: false });
    // The table never holds the token.
    const token = first.url.slice(`${SITE}/calendar/`.length, -4);
    const stored = JSON.stringify(await t.run((ctx) => ctx.db.query("calendar_feeds").collect()));
    expect(stored).not.toContain(token);
    // Nor does the record of answered writes, though a retried interaction gets the same URL.
    const interaction = { applicationId: "300000000000000009", token: "tok", key: "500000000000000001:0" };
    const keyed = await t.mutation(api.bot.upcoming.feed, { ...as(BOB), salt: salt("c"), interaction });
    const retried = await t.mutation(api.bot.upcoming.feed, { ...as(BOB), salt: salt("c"), interaction });
    expect(retried.url).toBe(keyed.url);
    const answered = JSON.stringify(await t.run((ctx) => ctx.db.query("bot_idempotency").collect()));
    expect(answered).not.toContain(keyed.url.slice(`${SITE}/calendar/`.length, -4));

    const served = await get(t, first.url);
    expect(served.status).toBe(200);
    expect(served.type).toBe("text/calendar; charset=utf-8");
    expect(served.cache).toMatch(/private/);
    const list = events(served.text);
    expect(list).toEqual([
      expect.objectContaining({ uid: "tv-990103-s2e4@film-fanatic.discord", summary: "Second Wind · S2E4 · Dead Reckoning", allDay: true }),
      expect.objectContaining({ uid: "tv-990103-s2e5@film-fanatic.discord", allDay: true }),
    ]);
    expect(list[0]!.start.toString()).toBe("2026-01-08");
    expect(served.text).toContain("DTSTART;VALUE=DATE:20260108");
    expect(served.text).toContain("X-PUBLISHED-TTL:PT1H");
  });

  it("speaks the language the person last used the bot in (discord_accounts.locale), English before that", async () => {
    const t = deployment();
    await followSecondWind(t);
    const { url } = await feed(t, ALICE, "d");
    expect(events((await get(t, url)).text)[0]!.description).toBe(
      "S2E4 of Second Wind airs on January 8, 2026 (TMDB's date). Mark it in Discord with /ep 990103 2 4.",
    );
    await t.run(async (ctx) => {
      const account = await ctx.db
        .query("discord_accounts")
        .withIndex("by_discord", (q) => q.eq("discordUserId", ALICE))
        .unique();
      await ctx.db.patch(account!._id, { locale: "de" });
    });
    const served = (await get(t, url)).text;
    expect(served).toContain("X-WR-CALNAME:Film Fanatic — demnächst");
    expect(events(served)[0]!.description).toBe(
      "S2E4 von Second Wind läuft am 8. Januar 2026 (Datum laut TMDB). Markier sie in Discord mit /folge 990103 2 4.",
    );
  });

  it("includes the person's scheduled session (title, no mentions), and keeps its UID when it is rescheduled: only the time and SEQUENCE change", async () => {
    const t = deployment();
    await followSecondWind(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: CHANNEL,
      tmdbId: 990103,
      name: "Friday club",
      displayName: "alice",
    });
    await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
    const schedule = (at: number) =>
      t.mutation(api.bot.sessions.schedule, {
        ...as(ALICE),
        guildId: GUILD,
        channelId: CHANNEL,
        partyId: party.partyId,
        at,
        weekly: false,
        canManageServer: false,
        canCreateEvents: false,
      });
    const first = Date.UTC(2026, 0, 9, 20, 0);
    await schedule(first);
    const { url } = await feed(t, ALICE, "c");
    const before = events((await get(t, url)).text).find((e) => e.uid.startsWith("session-"))!;
    expect(before.summary).toBe("🍿 Watch-along: Friday club · Second Wind");
    expect(before.description).not.toMatch(/<@/);
    expect(before.description).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}`);
    expect(before.start.toJSDate().getTime()).toBe(first);

    vi.setSystemTime(NOW + 60 * 60 * 1000);
    const moved = Date.UTC(2026, 0, 10, 19, 30);
    await schedule(moved);
    const after = events((await get(t, url)).text).find((e) => e.uid.startsWith("session-"))!;
    expect(after.uid).toBe(before.uid);
    expect(after.start.toJSDate().getTime()).toBe(moved);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    // A member who isn't in the party doesn't get it.
    const bob = await feed(t, BOB, "d");
    expect(events((await get(t, bob.url)).text).some((e) => e.uid.startsWith("session-"))).toBe(false);
  });

  it("answers 404 for a wrong token, a malformed path, and the old URL after Reset link (the new one works)", async () => {
    const t = deployment();
    await followSecondWind(t);
    const old = await feed(t, ALICE, "e");
    expect((await get(t, old.url)).status).toBe(200);
    expect((await get(t, `${SITE}/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
    expect((await get(t, `${SITE}/calendar/short.ics`)).status).toBe(404);
    expect((await get(t, old.url.replace(".ics", ".txt"))).status).toBe(404);
    const reset = await feed(t, ALICE, "f", true);
    expect(reset.created).toBe(true);
    expect(reset.url).not.toBe(old.url);
    const gone = await get(t, old.url);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toMatch(/BEGIN:VCALENDAR/);
    expect((await get(t, reset.url)).status).toBe(200);
    // Asking again after the reset shows the new URL.
    expect((await feed(t, ALICE, "g")).url).toBe(reset.url);
  });

  it("dies with 'Delete my Discord data', and stays dead when the person comes back (a new link is made)", async () => {
    const t = deployment();
    await followSecondWind(t);
    const old = await feed(t, ALICE, "j");
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE });
    expect(await t.run((ctx) => ctx.db.query("calendar_feeds").collect())).toEqual([]);
    expect((await get(t, old.url)).status).toBe(404);
    vi.setSystemTime(NOW + 60_000);
    await followSecondWind(t);
    const fresh = await feed(t, ALICE, "k");
    expect(fresh.created).toBe(true);
    expect((await get(t, old.url)).status).toBe(404);
    expect((await get(t, fresh.url)).status).toBe(200);
  });

  it("refuses a malformed salt and a deployment with no site URL, writing nothing", async () => {
    const t = deployment();
    await expect(t.mutation(api.bot.upcoming.feed, { ...as(ALICE), salt: "short" })).rejects.toThrow(/malformed/);
    delete process.env.CONVEX_SITE_URL;
    await expect(feed(t, ALICE, "h")).rejects.toThrow(/no site URL/);
    // The URL is the credential: not handed out over plain http (loopback aside, for the sandbox).
    process.env.CONVEX_SITE_URL = "http://calendar.example.com";
    await expect(feed(t, ALICE, "h")).rejects.toThrow(/needs an https site URL/);
    expect(await t.run((ctx) => ctx.db.query("calendar_feeds").collect())).toEqual([]);
  });

  it(`reads a bounded number of documents: followed shows capped, at most ${FEED_MEMBERSHIPS_MAX} party memberships`, async () => {
    const t = deployment();
    process.env.BOT_WRITE_BURST = "100000";
    try {
      for (let i = 0; i < 80; i++) {
        const tmdbId = 991000 + i;
        await t.mutation(api.bot.shows.cacheShow, {
          secret: SECRET,
          tmdbId,
          title: `Show ${i}`,
          ongoing: true,
          seasons: [{ season: 1, name: "Season 1", episodeCount: 2, aired: 1, airDates: ["2026-01-20"] }],
        } as never);
        await t.mutation(api.bot.episodes.markEpisodesFor, { ...as(ALICE), tmdbId, season: 1, episodes: [1], isWatched: true });
      }
      const { url } = await feed(t, ALICE, "i");
      const { result, costs } = await measure(() => get(t, url));
      expect(events(result.text)).toHaveLength(50);
      const read = costs.find((c) => c.functionName.includes("calendar"))!.documentsRead;
      expect(read).toBeLessThanOrEqual(2 + 60 + 60 + 3 * FEED_MEMBERSHIPS_MAX);
    } finally {
      delete process.env.BOT_WRITE_BURST;
    }
  });
});
