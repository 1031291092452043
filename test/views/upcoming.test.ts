// /upcoming's messages: pages, day headings, Mark watched buttons and the feed's link, always
// inside Discord's limits.
import { describe, expect, it } from "vitest";
import { validateMessageBody } from "../../sandbox/discord/validate.ts";
import { translator } from "../../src/i18n/index.ts";
import { decodeComponentId, restMessageBody, type MessageView } from "../../src/views/index.ts";
import { dayLabel, feedView, upcomingView, UPCOMING_PAGE_ITEMS, type UpcomingListing } from "../../src/views/upcoming.ts";

const problems = (view: MessageView) => validateMessageBody(restMessageBody(view)).lines();
const labels = (view: MessageView) => view.components.flatMap((row) => row.components.map((c) => ("label" in c ? c.label : "")));

function listing(count: number, extra: Partial<UpcomingListing> = {}): UpcomingListing {
  const items = Array.from({ length: count }, (_, i) => ({
    tmdbId: 1000 + i,
    title: `A show with a long, long name that goes on for a while ${"x".repeat(60)} ${i}`,
    season: 1,
    episode: i + 1,
    name: "An episode name that is also long ".repeat(3),
    at: Date.UTC(2026, 11, 9 + Math.floor(i / 3)),
    aired: i < 2,
    next: i < 2,
    ...(i === 0 ? { partyChannelId: "300000000000000002" } : {}),
  }));
  const days = new Map<string, typeof items>();
  for (const item of items) {
    const day = new Date(item.at).toISOString().slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return {
    zone: "Europe/Berlin",
    zoneKnown: true,
    days: [...days.entries()].map(([day, list]) => ({ day, items: list })),
    outNow: [],
    shows: count,
    uncached: 0,
    truncated: false,
    ...extra,
  };
}

describe("/upcoming episodes' message", () => {
  it("names days in words, in the reader's locale, whatever zone the process runs in", () => {
    expect(dayLabel("2026-12-08")).toBe("Tuesday, December 8");
    expect(dayLabel("2027-01-01", translator("en-GB"))).toBe("Friday 1 January");
    expect(dayLabel("2026-12-08", translator("de"))).toBe("Dienstag, 8. Dezember");
    expect(dayLabel("2026-12-08", translator("ja"))).toBe("12月8日火曜日");
  });

  it("is in the reader's language: heading, days, notes, footer and buttons", () => {
    const t = translator("de");
    const view = upcomingView(listing(40, { uncached: 2 }), { days: 60, page: 1 }, t);
    const embed = view.embeds[0]!;
    expect(embed.title).toBe("📅 Die nächsten 60 Tage");
    expect(embed.description).toContain("**Mittwoch, 9. Dezember**");
    expect(embed.description).toContain("🍿 Watchparty in <#300000000000000002>");
    expect(embed.description).toContain("Für 2 Serien, denen du folgst, ist noch kein Sendeplan gespeichert");
    expect(embed.footer?.text).toBe("Tage in Europe/Berlin · Sendetermine von TMDB · Seite 1 von 3");
    expect(labels(view)).toContain("Weiter ▶");
    expect(labels(view)).toEqual(expect.arrayContaining([expect.stringMatching(/^S1E1 als gesehen markieren · A show/)]));
    expect(problems(view)).toEqual([]);
    const feed = feedView({ url: "https://example.convex.site/calendar/x.ics", created: true }, undefined, translator("ja"));
    expect(feed.content).toContain("**あなたのカレンダーフィード**");
    expect(labels(feed)).toEqual(["リンクを再発行"]);
  });

  it("pages a long listing within Discord's limits, with Mark watched on the aired ones the person is up to, and the party's channel", () => {
    const long = listing(40);
    const first = upcomingView(long, { days: 60, page: 1 });
    expect(problems(first)).toEqual([]);
    expect(first.embeds[0]!.footer!.text).toContain("page 1 of 3");
    expect(first.embeds[0]!.description).toContain("🍿 party in <#300000000000000002>");
    expect(first.embeds[0]!.description).toContain("**Wednesday, December 9**");
    expect(labels(first)).toEqual([
      expect.stringMatching(/^Mark S1E1 watched · A show/),
      expect.stringMatching(/^Mark S1E2 watched/),
      "◀ Previous",
      "Next ▶",
    ]);
    const next = first.components.at(-1)!.components.at(-1)!;
    expect("custom_id" in next && decodeComponentId(next.custom_id)).toMatchObject({ name: "upcoming:page", args: { days: 60, page: 2 } });
    const last = upcomingView(long, { days: 60, page: 3 });
    expect(problems(last)).toEqual([]);
    expect((last.embeds[0]!.description!.match(/^• /gm) ?? []).length).toBe(40 - 2 * UPCOMING_PAGE_ITEMS);
    expect(labels(last)).toEqual(["◀ Previous", "Next ▶"]);
  });

  it("says what to do next when nothing is followed, or nothing airs in the window", () => {
    expect(upcomingView(listing(0, { shows: 0 }), { days: 14, page: 1 }).embeds[0]!.description).toContain(
      "You don't follow any shows yet",
    );
    const quiet = upcomingView(listing(0, { shows: 3, zoneKnown: false, zone: "UTC" }), { days: 14, page: 1 });
    expect(quiet.embeds[0]!.description).toContain(
      "Nothing airs in the next 14 days for the 3 shows you follow. Look further ahead with `/upcoming episodes days:60`.",
    );
    expect(quiet.embeds[0]!.footer!.text).toContain("Days in UTC — set your zone with /remind settings timezone:");
  });

  it("shows the feed's link with Reset link", () => {
    const view = feedView({ url: `https://happy-otter-123.convex.site/calendar/${"a".repeat(43)}.ics`, created: true });
    expect(problems(view)).toEqual([]);
    expect(view.content).toContain("```\nhttps://happy-otter-123.convex.site/calendar/");
    expect(labels(view)).toEqual(["Reset link"]);
  });
});
