// One definition of each thing the bot and Convex share: the episode-range label (src/views/text.ts,
// used by /ep's reply, the party prompt and Undo's answer) and the shapes crossing the boundary
// (derived from Convex's validators; src/views, which may import nothing of Convex, is checked to fit).
import type { FunctionReturnType } from "convex/server";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { api } from "../../convex/_generated/api";
import type { ShowStructure as ConvexShowStructure } from "../../convex/model/shows";
import { episodesLabel } from "../../convex/model/parties";
import { describeEpisodes } from "../../src/lib/episode-spec";
import type { ShowStructure } from "../../src/lib/tmdb-shows";
import type { AccountSummary } from "../../src/views/account";
import type { EpisodeOutcome } from "../../src/views/episode-card";
import { episodeRange } from "../../src/views/text";

describe("the episode-range label", () => {
  it("reads one episode or a run, whatever the order or repeats, and leaves a scattered set to the caller", () => {
    expect(episodeRange(1, [3])).toBe("S1E3");
    expect(episodeRange(2, [5, 3, 4, 4])).toBe("S2E3–E5");
    expect(episodeRange(1, [1, 3])).toBeNull();
    expect(episodeRange(1, [])).toBeNull();
  });

  it("each place says a scattered set its own way", () => {
    expect(describeEpisodes(1, [1, 2, 3])).toBe("S1E1–E3");
    expect(describeEpisodes(1, [1, 4, 7])).toBe("3 episodes of season 1");
    expect(episodesLabel(1, [6, 5])).toBe("S1E5–E6");
    expect(episodesLabel(1, [7, 2, 4])).toBe("S1E2, E4, E7");
  });
});

describe("shapes across the boundary", () => {
  it("the bot's show structure is Convex's", () => {
    expectTypeOf<ShowStructure>().toEqualTypeOf<ConvexShowStructure>();
  });

  it("Convex's answer to an episode change fits the view that draws it", () => {
    expectTypeOf<FunctionReturnType<typeof api.bot.episodes.markEpisodesFor>>().toExtend<EpisodeOutcome>();
    expectTypeOf<FunctionReturnType<typeof api.bot.episodes.markAllFor>>().toExtend<EpisodeOutcome>();
  });

  it("Convex's /account answer fits the card that draws it", () => {
    expectTypeOf<FunctionReturnType<typeof api.bot.linking.account>>().toExtend<AccountSummary>();
  });
});
