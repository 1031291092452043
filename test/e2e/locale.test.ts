// The same script, acted by people whose Discord speaks German and Japanese: every reply, button,
// menu and suggestion of /help, /ep, /mark, /watch, /upcoming, /stats, /account, /remind and the shared errors is in
// their language — no English catalogue string of those commands reaches them — and numbers are
// written their way.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { CATALOGUES, translator, type MessageKey } from "../../src/i18n/index.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

/** The catalogue keys of the localised commands: /help, /ep, /mark, /watch, /upcoming, /stats, /remind, their cards, Undo and the shared errors. */
const VERTICALS = [
  "help.",
  "episode.",
  "episodeSpec.",
  "progress.",
  "guess.",
  "status.",
  "reaction.",
  "error.",
  "media.",
  "autocomplete.",
  "watch.",
  "undo.",
  "titles.",
  "upcoming.",
  "stats.",
  "account.",
  "reminders.",
];
// TMDB's genre names (stats.genre.<id>) are also TMDB's own words on title cards, which show TMDB's
// data as TMDB gives it (TMDB in the person's language is not built yet): not the bot's strings there.
const keys = (Object.keys(CATALOGUES.en.messages) as MessageKey[]).filter(
  (k) => VERTICALS.some((p) => k.startsWith(p)) && !/^stats\.genre\.\d+$/.test(k),
);
/** English words TMDB's own data shows too (the offline catalogue names One Piece's episodes "Episode 1", …): not the bot's. */
const TMDB_WORDS = new Set(["Episode"]);

/** The literal words of a message (placeholders left out), cut into phrases: lines, code spans and dash-separated parts. */
function phrases(elements: MessageFormatElement[], into: string[] = []): string[] {
  let run_ = "";
  const flush = () => {
    for (const piece of run_.split(/\n|`[^`]*`| — | · |\*\*|[()“”"]/)) {
      const phrase = piece.trim().replace(/[.,:;!?…]+$/, "");
      if (/[A-Za-z]{3}/.test(phrase) && phrase.length >= 4) into.push(phrase);
    }
    run_ = "";
  };
  for (const element of elements) {
    if (element.type === TYPE.literal) run_ += element.value;
    else {
      flush();
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) phrases(option.value, into);
    }
  }
  flush();
  return into;
}

/** What the person saw: every message's text, its buttons and menus, and the suggestions they were offered. */
function seen(events: Event[]): string {
  const parts: string[] = [];
  for (const event of ofType(events, "reply", "reply_edit", "followup")) {
    parts.push(text(event), ...buttons(event));
    for (const row of event.components ?? [])
      for (const c of row.components ?? [])
        if (c.type === 3) parts.push(c.placeholder ?? "", ...(c.options ?? []).map((o: { label: string }) => o.label));
  }
  for (const event of ofType(events, "autocomplete")) parts.push(...event.choices.map((c: { name: string }) => c.name));
  return parts.join("\n");
}

function script(user: string, locale: string): string {
  const t = translator(locale);
  return [
    "in movie-club #general",
    `as ${user} locale:${locale}`,
    "/help",
    "/ep 1399 1 3",
    `click "${t("episode.button.markNext", { episode: "S1E4" })}"`,
    "/ep show:thrones season:1 episode:1",
    `click "${t("episode.confirm", { isWatched: "true", what: "S1E1" })}"`,
    "/mark season show:1399 season:2",
    `click "${t("episode.button.undo")}"`,
    "autocomplete /ep show:thro",
    "/ep 37854 1 1",
    "/ep 1399 1 zz",
    // A fresh write budget for the /watch part (eight writes at once, then one a second).
    "wait 10s",
    "/watch add title:movie:27205",
    `click "${t("status.watching")}"`,
    `select "❤️ ${t("reaction.loved")}"`,
    `click "${t("episode.button.undo")}"`,
    "/watch info title:tv:1399",
    "/watch list scope:all",
    "autocomplete /watch add title:incep",
    "/watch privacy visible:false",
    '/watch info title:"zzzz no such film"',
    "/upcoming episodes",
    "/upcoming feed",
    `click "${t("upcoming.button.reset")}"`,
    `click "${t("upcoming.button.keep")}"`,
    "/stats show",
    "/stats share state:on",
    "/stats server",
    "/stats show year:2099",
    // A fresh budget for the /account part.
    "wait 10s",
    "/unlink",
    "/account",
    `click "${t("account.button.export")}"`,
    `click "${t("account.button.delete")}"`,
    `click "${t("account.delete.button.cancel")}"`,
    "wait 5s",
    "/remind settings days:7",
    "/remind off",
    "/remind on",
    "/remind settings quiet:10-8",
  ].join("\n");
}

describe.each([
  ["de", "dora", /1\/1\.\d{3} Folgen/],
  ["ja", "jun", /1\/1,\d{3} 話/],
])("a person whose Discord speaks %s", (locale, user, bigCount) => {
  let events: Event[];
  beforeAll(async () => {
    events = await run(s, script(user, locale));
  });

  it("sees /help, /ep and /mark in their language, with no English string of them", () => {
    const t = translator(locale);
    const shown = seen(events);
    expect(shown).toContain(t("help.title"));
    expect(shown).toContain(t("guess.question", { title: "Game of Thrones", year: "2011", mediaType: "tv" }));
    expect(shown).toContain(t("episode.button.undo"));
    expect(shown).toContain(t("episode.field.upNext"));
    expect(ofType(events, "autocomplete")[0]?.choices[0]?.name).toBe(`Game of Thrones (2011) · ${t("media.tv")}`);
    expect(ofType(events, "autocomplete")[1]?.choices[0]?.name).toBe(`Inception (2010) · ${t("media.movie")}`);
    expect(shown).toContain(t("undo.noReaction", { title: "Inception" }));
    expect(shown).toContain(t("watch.list.yoursAll"));
    expect(shown).toContain(t("watch.private"));
    expect(shown).toContain(t("episodeSpec.notEpisode", { quoted: "“zz”" }));
    expect(shown).toContain(t("titles.notFound", { kind: "any", query: "“zzzz no such film”" }));
    expect(shown).toContain(t("upcoming.title", { days: 14 }));
    expect(shown).toContain(t("upcoming.feed.lead"));
    expect(shown).toContain(t("upcoming.reset.question"));
    expect(shown).toContain(t("upcoming.reset.kept"));
    expect(shown).toContain(t("stats.title", { self: "true", name: "", year: "all" }));
    expect(shown).toContain(t("stats.field.mostWatched"));
    expect(shown).toContain(t("stats.share.on", { changed: "true" }));
    expect(shown).toContain(t("stats.board.title", { period: "week" }));
    expect(shown).toContain(t("account.unlink.notLinked"));
    expect(shown).toContain(t("account.title"));
    expect(shown).toContain(t("account.export.complete"));
    expect(shown).toContain(t("account.delete.title"));
    expect(shown).toContain(t("reminders.saved"));
    expect(shown).toContain(t("reminders.stalledAfter", { days: 7 }));
    expect(shown).toContain(t("reminders.turnedOff"));
    expect(shown).toContain(t("reminders.turnedOn"));
    expect(shown).toContain(t("reminders.howToChange"));
    expect(shown).toContain(t("reminders.quiet.ambiguous", { early: "10:00", late: "22:00", as24: "22-8", asPm: "10pm-8am" }));
    const own = Object.values(CATALOGUES[t.catalogue].messages).join("\n");
    const english = [...new Set(keys.flatMap((key) => phrases(parse(CATALOGUES.en.messages[key]))))].filter(
      (p) => !own.includes(p) && !TMDB_WORDS.has(p),
    );
    expect(english.length).toBeGreaterThan(100);
    const leaked = english.filter((phrase) =>
      new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z])`).test(shown),
    );
    expect(leaked).toEqual([]);
  });

  it("reads counts written their way (Intl's grouping for the locale)", () => {
    expect(seen(events)).toMatch(bigCount);
  });

  it("is remembered in that language for the DMs Convex sends", async () => {
    const id = s.discord.user(user).id;
    const account = await s.engine.run(async (t) =>
      t.run(
        async (ctx) =>
          await ctx.db
            .query("discord_accounts")
            .withIndex("by_discord", (q) => q.eq("discordUserId", id))
            .unique(),
      ),
    );
    expect(account?.locale).toBe(locale);
  });
});

describe("the same script in English", () => {
  it("shows the English strings the check above looks for (so it would see them leak)", async () => {
    const shown = seen(await run(s, script("eric", "en-US")));
    expect(shown).toContain("Film Fanatic — track movies and shows from Discord");
    expect(shown).toMatch(/1\/1,\d{3} episodes/);
    expect(shown).toContain("Undo");
    expect(shown).toContain("Your calendar feed");
    expect(shown).toContain("Leaderboard — this week");
    expect(shown).toContain("Your Film Fanatic account");
    expect(shown).toContain("🔕 Reminders are off: I won't DM you about your shows.");
    expect(shown).toContain("A show counts as stalled after **7 days** without a mark.");
  });
});
