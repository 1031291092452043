// A person's Discord language rides along with their writes, so Convex can write their DMs in it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, cacheGot, deployment, SECRET, type Deployment } from "../convex/setup";

const mark = (t: Deployment, episode: number, locale?: string) =>
  t.mutation(api.bot.episodes.markEpisodesFor, {
    secret: SECRET,
    discordUserId: ALICE,
    tmdbId: 1399,
    season: 1,
    episodes: [episode],
    isWatched: true,
    interaction: { applicationId: "300000000000000001", token: "interaction-token", ...(locale ? { locale } : {}) },
  });
const account = (t: Deployment) =>
  t.run(
    async (ctx) =>
      await ctx.db
        .query("discord_accounts")
        .withIndex("by_discord", (q) => q.eq("discordUserId", ALICE))
        .unique(),
  );

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 1, 12) }));
afterEach(() => vi.useRealTimers());

describe("the person's language, remembered on their account", () => {
  it("is set by their first write, follows a change, and is left alone when the write does not say", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 1, "de");
    expect((await account(t))?.locale).toBe("de");
    await mark(t, 2, "pt-BR");
    expect((await account(t))?.locale).toBe("pt-BR");
    await mark(t, 3);
    expect((await account(t))?.locale).toBe("pt-BR");
  });

  it("ignores a value that is not a language tag", async () => {
    const t = deployment();
    await cacheGot(t);
    await mark(t, 1, "ja");
    await mark(t, 2, "<script>");
    expect((await account(t))?.locale).toBe("ja");
  });
});
