import { vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { fakeDiscord, type FakeMessage } from "./fake-discord";
import { ALICE, cacheGot, SECRET, type Deployment } from "./setup";

/** Shared by the parties-*.test.ts files: a party in one channel, its board, and a clock that runs what falls due. */
export const GUILD = "300000000000000001";
export const CHANNEL = "300000000000000002";
export const CAROL = "100000000000000003";
export const HOST_DM = "400000000000000009";

/** Discord at fetch (fake-discord.ts), with what these tests look at: the board and the host's DMs. */
export function fakeBoards() {
  const discord = fakeDiscord({ dmChannel: HOST_DM });
  const boards = () => discord.inChannel(CHANNEL);
  const text = (msg: FakeMessage | undefined) =>
    msg
      ? [msg.body.embeds?.[0]?.title, msg.body.embeds?.[0]?.description, msg.body.embeds?.[0]?.footer?.text, msg.body.content].join("\n")
      : "";
  return { ...discord, boards, board: () => text(boards().at(-1)), dms: () => discord.inChannel(HOST_DM) };
}

/** Moves the (fake) clock in small steps, running whatever falls due, as a deployment would. */
export async function pass(t: Deployment, ms: number) {
  // Long waits (days) go in hour-long steps once the first minute has passed.
  for (let spent = 0; spent < ms;) {
    const step = spent < 60_000 ? 100 : Math.min(3_600_000, ms - spent);
    vi.advanceTimersByTime(step);
    spent += step;
    await t.finishInProgressScheduledFunctions();
  }
}

export const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
export const here = { guildId: GUILD, channelId: CHANNEL };

export async function startGot(t: Deployment, extra: { season?: number } = {}) {
  await cacheGot(t);
  return await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice", ...extra });
}

export const mark = (t: Deployment, who: string, season: number, episodes: number[]) =>
  t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId: 1399, season, episodes, isWatched: true });
