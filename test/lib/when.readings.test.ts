// Times that used to be read wrongly, silently: a zone typed into the time, "21h", a day with no
// time of day, numeric dates in the wrong order, and suggestions that were already past.
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/lib/when.ts";
import { dateOrder } from "../../src/lib/when-words.ts";

const BERLIN = "Europe/Berlin";
/** Monday 7 December 2026, 20:59 in Berlin. */
const MONDAY_2059 = Date.UTC(2026, 11, 7, 19, 59);

describe("a zone typed into the time", () => {
  it("is refused with any day word, not read in the saved zone", () => {
    for (const text of [
      "tomorrow 8pm EST",
      "tomorrow 20:00 +05:00",
      "tonight 9pm PST",
      "tomorrow 8pm UTC",
      "today 22:00 GMT+2",
      "friday 21:00 +0530",
    ]) {
      expect(parseWhen(text, { zone: BERLIN, now: MONDAY_2059 }), text).toMatchObject({
        ok: false,
        reason: "unreadable",
        message: expect.stringContaining("leave the zone out"),
      });
    }
    // A duration and "now" carry no zone of their own.
    expect(parseWhen("in 2 hours", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({ ok: true, at: MONDAY_2059 + 2 * 3_600_000 });
    expect(parseWhen("tomorrow 8pm", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({
      ok: true,
      wall: "Tue 8 Dec 2026, 20:00 (Europe/Berlin)",
    });
  });
});

describe("21h, the French and German way to write 21:00", () => {
  it("is a time of day, with or without minutes", () => {
    const at = (text: string) => parseWhen(text, { zone: BERLIN, now: MONDAY_2059 });
    expect(at("21h")).toMatchObject({ ok: true, relative: false, wall: "Mon 7 Dec 2026, 21:00 (Europe/Berlin)" });
    expect(at("21h30")).toMatchObject({ ok: true, relative: false, wall: "Mon 7 Dec 2026, 21:30 (Europe/Berlin)" });
    expect(at("friday 21h")).toMatchObject({ ok: true, wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)" });
    expect(at("2026-12-24 18h00")).toMatchObject({ ok: true, wall: "Thu 24 Dec 2026, 18:00 (Europe/Berlin)" });
    // 9h is 09:00 (the 24-hour clock), tomorrow since today's has passed.
    expect(at("9h")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 09:00 (Europe/Berlin)" });
  });

  it("stays a duration after in, or before from now", () => {
    for (const text of ["in 21h", "in 2 hours", "21h from now"]) {
      const expected = text === "in 2 hours" ? 2 : 21;
      expect(parseWhen(text, { zone: BERLIN, now: MONDAY_2059 }), text).toMatchObject({
        ok: true,
        relative: true,
        at: MONDAY_2059 + expected * 3_600_000,
      });
    }
  });
});

describe("a day without a time of day", () => {
  it("is refused however it is said, with a time to add", () => {
    for (const text of ["next week", "in 3 days", "next month", "in 2 weeks", "friday", "tomorrow"]) {
      const result = parseWhen(text, { zone: BERLIN, now: MONDAY_2059 });
      expect(result, text).toMatchObject({ ok: false, reason: "ambiguous", message: expect.stringContaining("At what time") });
      // The suggestion is read, and is ahead.
      if (!result.ok)
        expect(parseWhen(result.suggestions![0]!, { zone: BERLIN, now: MONDAY_2059 }), result.suggestions![0]).toMatchObject({ ok: true });
    }
    expect(parseWhen("next week 20:00", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({
      ok: true,
      wall: "Mon 14 Dec 2026, 20:00 (Europe/Berlin)",
    });
  });
});

describe("suggestions", () => {
  it("are times still ahead: at 20:59, tonight is not tonight 20:00", () => {
    const result = parseWhen("tonight", { zone: BERLIN, now: MONDAY_2059 });
    expect(result).toMatchObject({ ok: false, suggestions: ["tonight 21:30"] });
    expect(parseWhen("tonight 21:30", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({
      ok: true,
      wall: "Mon 7 Dec 2026, 21:30 (Europe/Berlin)",
    });
    // Late at night, tomorrow evening.
    const late = Date.UTC(2026, 11, 7, 22, 50); // 23:50 in Berlin
    expect(parseWhen("tonight", { zone: BERLIN, now: late })).toMatchObject({ ok: false, suggestions: ["tomorrow 20:00"] });
    // Earlier in the day, the evening.
    expect(parseWhen("tonight", { zone: BERLIN, now: Date.UTC(2026, 11, 7, 12) })).toMatchObject({
      ok: false,
      suggestions: ["tonight 20:00"],
    });
  });

  it("are all ahead, for any day word at any time of day", () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const now = Date.UTC(2026, 11, 7, 0, 0) + minute * 60_000;
      for (const text of ["tonight", "today", "friday", "tomorrow", "next week", "8:30", "today 9:15", "today 21:00"]) {
        const result = parseWhen(text, { zone: BERLIN, now });
        if (!result.ok)
          for (const s of result.suggestions ?? [])
            expect(parseWhen(s, { zone: BERLIN, now }), `${text} → ${s} at ${new Date(now).toISOString()}`).toMatchObject({ ok: true });
      }
    }
  });
});

describe("numeric dates, by the person's locale", () => {
  it("reads 11/12 day first for a German locale and month first in the US", () => {
    expect(parseWhen("11/12 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "de" })).toMatchObject({
      ok: true,
      wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)",
    });
    expect(parseWhen("11/12 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "en-GB" })).toMatchObject({
      ok: true,
      wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)",
    });
    expect(parseWhen("11/12 21:00", { zone: "America/New_York", now: MONDAY_2059, locale: "en-US" })).toMatchObject({
      ok: true,
      wall: "Fri 12 Nov 2027, 21:00 (America/New_York)",
    });
    expect(parseWhen("11/12/2026 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "fr" })).toMatchObject({
      ok: true,
      wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)",
    });
  });

  it("refuses an order nothing settles, with the unambiguous way to write it", () => {
    // en-US is Discord's default English: in Berlin it doesn't say the person writes month first.
    for (const locale of [undefined, "en-US"]) {
      const result = parseWhen("11/12 21:00", { zone: BERLIN, now: MONDAY_2059, locale });
      expect(result, String(locale)).toMatchObject({ ok: false, reason: "ambiguous" });
      if (!result.ok) expect(result.message).toContain("2026-12-11 or 2027-11-12");
    }
  });

  it("reads a date only one order allows, and refuses one no order allows", () => {
    expect(parseWhen("25/12 21:00", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({
      ok: true,
      wall: "Fri 25 Dec 2026, 21:00 (Europe/Berlin)",
    });
    expect(parseWhen("12/25 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "de" })).toMatchObject({
      ok: true,
      wall: "Fri 25 Dec 2026, 21:00 (Europe/Berlin)",
    });
    expect(parseWhen("31/02 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "de" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("isn't a date"),
    });
  });

  it("reads a dotted date (11.12.) day first, and leaves 20.30 a time", () => {
    expect(parseWhen("11.12. 21:00", { zone: BERLIN, now: MONDAY_2059 })).toMatchObject({
      ok: true,
      wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)",
    });
    expect(parseWhen("11.12.2026 21:00", { zone: BERLIN, now: MONDAY_2059, locale: "en-US" })).toMatchObject({
      ok: true,
      wall: "Fri 11 Dec 2026, 21:00 (Europe/Berlin)",
    });
  });

  it("knows which locales settle the order", () => {
    expect(dateOrder("de", BERLIN)).toBe("DM");
    expect(dateOrder("pt-BR", "America/Sao_Paulo")).toBe("DM");
    expect(dateOrder("en-US", "America/Chicago")).toBe("MD");
    expect(dateOrder("en-US", BERLIN)).toBeNull();
    expect(dateOrder("ja", "Asia/Tokyo")).toBe("MD");
    expect(dateOrder(undefined, BERLIN)).toBeNull();
    // Year-month-day languages settle nothing, dots included.
    expect(dateOrder("hu", "Europe/Budapest")).toBeNull();
    expect(parseWhen("11.12. 21:00", { zone: "Europe/Budapest", now: MONDAY_2059, locale: "hu" })).toMatchObject({
      ok: false,
      reason: "ambiguous",
    });
  });
});

describe("tonight with a small-hours time", () => {
  /** Monday 7 December 2026, 23:49 in Berlin (14:49 in Los Angeles, Tuesday 07:49 in Tokyo). */
  const LATE = Date.UTC(2026, 11, 7, 22, 49);
  const at = (text: string, zone = BERLIN, now = LATE) => parseWhen(text, { zone, now });

  it("is the coming night after midnight, never noon and never this morning", () => {
    for (const text of ["tonight 00:30", "tonight 12:30", "00:30 tonight", "tonight 12:30am", "tonight at 0:30"]) {
      expect(at(text), text).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 00:30 (Europe/Berlin)" });
      expect(at(text, "America/Los_Angeles"), text).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 00:30 (America/Los_Angeles)" });
      // Tuesday morning in Tokyo: tonight's small hours are Wednesday's.
      expect(at(text, "Asia/Tokyo"), text).toMatchObject({ ok: true, wall: "Wed 9 Dec 2026, 00:30 (Asia/Tokyo)" });
    }
    expect(at("tonight 1am")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 01:00 (Europe/Berlin)" });
    expect(at("tonight 2am")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 02:00 (Europe/Berlin)" });
    expect(at("tonight 01:00")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 01:00 (Europe/Berlin)" });
    expect(at("tonight 12am")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 00:00 (Europe/Berlin)" });
    expect(at("tonight 12:00", "America/Los_Angeles")).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 00:00 (America/Los_Angeles)" });
  });

  it("said in the small hours is this night's, and one already gone is refused with the next night's", () => {
    const early = Date.UTC(2026, 11, 8, 0, 10); // Tuesday 01:10 in Berlin
    expect(at("tonight 2am", BERLIN, early)).toMatchObject({ ok: true, wall: "Tue 8 Dec 2026, 02:00 (Europe/Berlin)" });
    expect(at("tonight 00:30", BERLIN, early)).toMatchObject({ ok: false, reason: "past", suggestions: ["2026-12-09 00:30"] });
  });

  it("asks about an hour that could be after midnight or the afternoon", () => {
    expect(at("tonight 1:30")).toMatchObject({
      ok: false,
      reason: "ambiguous",
      message: expect.stringContaining("01:30 after midnight or 13:30"),
      suggestions: ["2026-12-08 01:30"],
    });
  });

  it("leaves evening times as they were", () => {
    expect(at("tonight 11:30", "America/Los_Angeles")).toMatchObject({ ok: true, wall: "Mon 7 Dec 2026, 23:30 (America/Los_Angeles)" });
    expect(at("tonight 9pm", "America/Los_Angeles")).toMatchObject({ ok: true, wall: "Mon 7 Dec 2026, 21:00 (America/Los_Angeles)" });
    expect(at("tonight 23:55")).toMatchObject({ ok: true, wall: "Mon 7 Dec 2026, 23:55 (Europe/Berlin)" });
  });
});

describe("what was typed, quoted back", () => {
  const at = (text: string) => parseWhen(text, { zone: BERLIN, now: MONDAY_2059 });

  it("never carries bidirectional or other invisible controls, and names a run of only those", () => {
    for (const mark of ["\u202e", "\u2066", "\u200f", "\u200b\u200b"]) {
      const result = at(`tomorrow 21:00${mark}`);
      expect(result, JSON.stringify(mark)).toMatchObject({
        ok: false,
        reason: "unreadable",
        message: expect.stringContaining("invisible characters (U+"),
      });
      if (!result.ok) expect(result.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff]/u);
    }
    const mixed = at("tomorrow 21:00 ab\u202ecd");
    expect(mixed).toMatchObject({ ok: false, message: expect.stringContaining('not "abcd"') });
    const zone = parseWhen("21:00", { zone: "Mars\u202e/Olympus", now: MONDAY_2059 });
    expect(zone).toMatchObject({ ok: false, reason: "zone" });
    if (!zone.ok) expect(zone.message).not.toContain("\u202e");
  });

  it("is markdown-inert", () => {
    expect(at("tomorrow 21:00 **bold** <@123>")).toMatchObject({ ok: false, message: expect.stringContaining("\\*\\*bold\\*\\*") });
  });
});

describe("durations", () => {
  const at = (text: string) => parseWhen(text, { zone: BERLIN, now: MONDAY_2059 });

  it("more than a year ahead are refused as too far, not asked for a time of day", () => {
    for (const text of ["in 400 days", "in 2 years", "in 13 months"]) {
      expect(at(text), text).toMatchObject({ ok: false, reason: "too-far", message: expect.stringContaining("more than a year ahead") });
    }
  });

  it("back from now are refused as past, with the same span forward", () => {
    expect(at("in -3h")).toMatchObject({
      ok: false,
      reason: "past",
      message: expect.stringContaining("3 hours ago"),
      suggestions: ["in 3h"],
    });
    expect(at("3 hours ago")).toMatchObject({ ok: false, reason: "past", suggestions: ["in 3 hours"] });
    expect(at("in -2 days")).toMatchObject({ ok: false, reason: "past", message: expect.stringContaining("counts forward from now") });
  });
});
