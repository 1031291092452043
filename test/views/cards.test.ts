import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateMessageBody } from "../../sandbox/discord/validate.ts";
import {
  decodeComponentId,
  embedLength,
  episodeCard,
  guessPrompt,
  helpCard,
  listPage,
  message,
  restMessageBody,
  shareMessage,
  titleCard,
  titleHeadline,
  titlePickButton,
  type EpisodeOutcome,
  type ListRow,
  type MessageView,
  type TitleFacts,
} from "../../src/views/index.ts";

/** What Discord would say about this message: nothing, when it is valid. */
function discordErrors(view: MessageView): string[] {
  return validateMessageBody(restMessageBody(view)).lines();
}

function customIds(view: MessageView): string[] {
  return view.components.flatMap((row) => row.components.map((c) => ("custom_id" in c ? c.custom_id : "")).filter(Boolean));
}

/** Text that is as hostile as outside text gets: long, full of markdown that doubles when escaped, and mentions. */
const worst = (n: number) => "*_`|~>#[@everyone](<@123456789012345678>)\\".repeat(Math.ceil(n / 40)).slice(0, n);
const undoId = "k".repeat(64);

const hugeTitle: TitleFacts = {
  tmdbId: 2_147_483_647,
  mediaType: "tv",
  title: worst(5000),
  year: 2024,
  rating: 9.87,
  genres: Array.from({ length: 20 }, () => worst(300)),
  overview: worst(20_000),
  posterUrl: `https://image.tmdb.org/t/p/w342/${"p".repeat(200)}.jpg`,
};

const hugeOutcome: EpisodeOutcome = {
  requested: 1_234_567,
  changed: 1_000_000,
  unchanged: 234_567,
  statusBefore: "watching",
  statusAfter: "finished",
  progress: { watched: 99_999, total: 100_000, percent: 99, next: { season: 200, episode: 9_999, name: worst(3000) } },
  undoId,
  jobId: "j".repeat(32),
};

describe("the largest messages the views can build", () => {
  it("a title card with every control, Share twice and Undo, is one Discord accepts", () => {
    const card = titleCard({
      title: hugeTitle,
      state: {
        item: { inWatchlist: true, progressStatus: "finished", reaction: "loved", progress: 100 },
        progress: hugeOutcome.progress,
        jobRunning: true,
      },
      headline: `🔖 Added **${worst(3000)}** to your watchlist.`,
      undoId,
      shareable: true,
    });
    expect(discordErrors(card)).toEqual([]);
    // A show: four status buttons (Dropped is a TV status), membership, the reaction menu, two shares, Undo.
    expect(card.components.flatMap((r) => r.components)).toHaveLength(9);
    expect(embedLength(card.embeds[0]!)).toBeLessThanOrEqual(6000);
  });

  it("an episode card with a running job, the next-episode button, Undo and Share is one Discord accepts", () => {
    const card = episodeCard({
      tmdbId: 2_147_483_647,
      showTitle: worst(5000),
      posterUrl: hugeTitle.posterUrl,
      headline: worst(5000),
      outcome: { ...hugeOutcome, statusAfter: "watching", statusBefore: undefined },
      jobProgress: { applied: 999_999 },
      shareable: true,
      specials: { count: 99_999, isWatched: false },
    });
    expect(discordErrors(card)).toEqual([]);
    expect(card.components[0]!.components.map((c) => ("label" in c ? c.label : ""))).toEqual([
      "Mark S200E9999",
      "Undo",
      "Unmark the 99,999 specials too",
    ]);
    const finished = episodeCard({
      tmdbId: 2_147_483_647,
      showTitle: worst(5000),
      headline: worst(5000),
      outcome: hugeOutcome,
      shareable: true,
      specials: { count: 3, isWatched: true },
    });
    expect(discordErrors(finished)).toEqual([]);
    expect(finished.components[0]!.components.map((c) => ("label" in c ? c.label : ""))).toEqual([
      "Undo",
      "Share",
      "Mark the 3 specials too",
    ]);
  });

  it("a full list page of someone else's list, with both page buttons, is one Discord accepts", () => {
    const items: ListRow[] = Array.from({ length: 10 }, (_, i) => ({
      tmdbId: 2_147_483_647 - i,
      mediaType: i % 2 ? "tv" : "movie",
      title: worst(2000),
      inWatchlist: true,
      progressStatus: "watching",
      progress: 99.5,
      reaction: "not-for-me",
    }));
    const page = listPage({
      position: {
        owner: "99999999999999999999",
        status: "want-to-watch",
        mediaType: "movie",
        scope: "all",
        page: 9_998,
        cursor: { before: 1, creation: 1 },
      },
      ownerName: worst(500),
      own: false,
      items,
      next: { before: 999_999_999_999_999, creation: 123_456_789_012_345.67 },
    });
    expect(discordErrors(page)).toEqual([]);
    expect(customIds(page).map((id) => decodeComponentId(id).name)).toEqual(["watch:page", "watch:page"]);
  });

  it("an empty filtered page says nothing matches the filter, not that the list is empty", () => {
    const page = listPage({
      position: { owner: "99999999999999999999", status: "finished", scope: "all", page: 1 },
      ownerName: null,
      own: true,
      items: [],
      next: null,
    });
    const description = page.embeds?.[0]?.description ?? "";
    expect(description).toBe("No titles match ✅ Finished.");
  });

  it("a show's card gives its progress as episodes only, so a stale stored percentage can't contradict the count", () => {
    const progress = { watched: 3, total: 73, percent: 4, next: { season: 1, episode: 4 } };
    const card = titleCard({
      title: { ...hugeTitle, title: "Game of Thrones" },
      state: { item: { inWatchlist: false, progressStatus: "watching", progress: 1 }, progress, jobRunning: false },
      shareable: false,
    });
    const you = card.embeds?.[0]?.fields?.find((f) => f.name === "You")?.value ?? "";
    expect(you).toContain("Status: ▶️ Watching");
    expect(you).not.toContain("(1%)");
    const movie = titleCard({
      title: { ...hugeTitle, mediaType: "movie" },
      state: { item: { inWatchlist: true, progressStatus: "watching", progress: 40 }, progress: null, jobRunning: false },
      shareable: false,
    });
    expect(movie.embeds?.[0]?.fields?.find((f) => f.name === "You")?.value).toContain("Watching (40%)");
  });

  it("a status that was already set is answered without a status emoji: nothing changed", () => {
    const facts = { tmdbId: 87108, mediaType: "tv" as const, title: "Chernobyl", year: 2019 };
    expect(titleHeadline.status(facts, "finished", undefined, false)).toBe(
      "Nothing changed — **Chernobyl** (2019) was already set to Finished.",
    );
    expect(titleHeadline.status(facts, "finished", undefined)).toBe("✅ Finished — **Chernobyl** (2019)");
  });

  it("the help card is one Discord accepts", () => {
    expect(discordErrors(helpCard())).toEqual([]);
  });

  it("a share post with a long display name is one Discord accepts", () => {
    expect(discordErrors(shareMessage({ who: worst(1000), what: "finished", title: hugeTitle }))).toEqual([]);
  });

  it("any title text at all still makes a card Discord accepts", () => {
    const text = fc.string({ unit: "binary", maxLength: 3000 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), (title, overview, name) => {
        const facts: TitleFacts = { tmdbId: 1, mediaType: "tv", title, overview, genres: [title] };
        const progress = { watched: 1, total: 2, percent: 50, next: { season: 1, episode: 2, ...(name !== undefined ? { name } : {}) } };
        expect(
          discordErrors(titleCard({ title: facts, state: { item: null, progress, jobRunning: false }, headline: title, shareable: true })),
        ).toEqual([]);
        expect(
          discordErrors(
            episodeCard({ tmdbId: 1, showTitle: title, headline: overview, outcome: { ...hugeOutcome, progress }, shareable: true }),
          ),
        ).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("what the cards carry", () => {
  it("buttons on a title card decode to the title and the change they name", () => {
    const card = titleCard({
      title: { ...hugeTitle, mediaType: "movie", tmdbId: 27205 },
      state: { item: null, progress: null, jobRunning: false },
      shareable: true,
    });
    expect(customIds(card).map((id) => decodeComponentId(id, ["liked"]))).toEqual([
      { name: "watch:status", args: { mediaType: "movie", tmdbId: 27205, status: "want-to-watch" } },
      { name: "watch:status", args: { mediaType: "movie", tmdbId: 27205, status: "watching" } },
      { name: "watch:status", args: { mediaType: "movie", tmdbId: 27205, status: "finished" } },
      { name: "watch:add", args: { mediaType: "movie", tmdbId: 27205 } },
      { name: "watch:react", args: { mediaType: "movie", tmdbId: 27205, value: "liked" } },
    ]);
  });

  it("a status set on the web app that the bot offers no button for is named, and every status button stays available", () => {
    const card = titleCard({
      title: { ...hugeTitle, title: "Lost" },
      state: { item: { inWatchlist: false, progressStatus: "dropped" }, progress: null, jobRunning: false },
      shareable: true,
    });
    expect(card.embeds[0]!.fields![0]!.value).toContain("Status: ⏹️ Dropped");
    const statusButtons = card.components[0]!.components.slice(0, 3);
    expect(statusButtons.map((b) => ("disabled" in b ? b.disabled : undefined))).toEqual([undefined, undefined, undefined]);
  });

  it("an episode no button can carry gets no button rather than a broken one", () => {
    const outcome = {
      ...hugeOutcome,
      statusAfter: "watching" as const,
      progress: { watched: 1, total: 2, percent: 50, next: { season: 201, episode: 1 } },
    };
    const card = episodeCard({ tmdbId: 1, showTitle: "Long", headline: "✅", outcome, shareable: false });
    expect(customIds(card).map((id) => decodeComponentId(id).name)).toEqual(["watch:undo"]);
  });

  it("the next-episode button marks the episode the card names as next", () => {
    const card = episodeCard({
      tmdbId: 1399,
      showTitle: "Game of Thrones",
      headline: "✅ Watched **S1E3**",
      outcome: {
        ...hugeOutcome,
        statusAfter: "watching",
        undoId: null,
        progress: { watched: 3, total: 73, percent: 4, next: { season: 1, episode: 4 } },
      },
      shareable: false,
    });
    const [mark] = card.components[0]!.components;
    expect(mark).toMatchObject({ label: "Mark S1E4" });
    expect(decodeComponentId(customIds(card)[0]!)).toEqual({ name: "ep:mark", args: { tmdbId: 1399, season: 1, episode: 4 } });
  });

  it("a guess with the most matches a menu holds, all with hostile titles, is one Discord accepts and decodes to each title", () => {
    const matches = Array.from({ length: 30 }, (_, i) => ({
      tmdbId: 2_147_483_647 - i,
      mediaType: i % 2 ? ("tv" as const) : ("movie" as const),
      title: worst(400),
      year: 2000 + i,
    }));
    const prompt = guessPrompt({
      best: matches[0]!,
      others: matches.slice(1),
      confirm: `Yes — ${worst(200)}`,
      customId: (choice) => titlePickButton.encode({ action: { sub: "status", status: "want-to-watch", progress: 100 }, choice }),
    });
    expect(discordErrors(prompt)).toEqual([]);
    const menu = prompt.components[1]!.components[0]!;
    if (menu.type !== 3) throw new Error("expected a menu");
    expect(menu.options).toHaveLength(24);
    expect(decodeComponentId(menu.custom_id, [menu.options[5]!.value]).args).toMatchObject({ choice: { tmdbId: 2_147_483_647 - 6 } });
    expect(prompt.content).toContain("Nothing has changed yet.");
  });

  it("nobody is pinged by anything Convex posts", () => {
    expect(restMessageBody(shareMessage({ who: "ann", what: "loved", title: hugeTitle })).allowed_mentions).toEqual({ parse: [] });
  });

  it("embeds past the first share what is left of the 6,000 characters, and are dropped when nothing is", () => {
    const big = { title: "t".repeat(256), description: "d".repeat(4096), fields: [{ name: "n".repeat(256), value: "v".repeat(1024) }] };
    const fitted = message({ embeds: [big, big, big] });
    expect(fitted.embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(discordErrors(fitted)).toEqual([]);
  });
});

describe("progress still being counted", () => {
  it("is shown as a lower bound with no next episode, never as a finished count", async () => {
    const { progressLine, nextLine } = await import("../../src/views/progress.ts");
    const counting = { watched: 30, total: 1_100, percent: 2, next: { season: 1, episode: 31 }, counting: true };
    expect(progressLine(counting)).toContain("at least 30/1,100 episodes");
    expect(progressLine(counting)).toContain("still counting");
    expect(nextLine(counting)).not.toContain("S1E31");
    expect(progressLine({ ...counting, counting: undefined })).toContain("30/1,100 episodes · 2%");
  });
});

describe("the status line of an episode card", () => {
  it("says when unmarking everything took away the status the bot had given, instead of saying nothing", async () => {
    const { statusChange } = await import("../../src/views/episode-card.ts");
    expect(statusChange("finished", undefined)).toBe("Status: ✅ Finished → **— (not tracked)**");
    expect(statusChange(undefined, "watching")).toBe("Status: — → **▶️ Watching**");
    expect(statusChange("watching", "watching")).toBeNull();
    expect(statusChange(undefined, undefined)).toBeNull();
  });
});
