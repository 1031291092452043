import { vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { fakeDiscord } from "./fake-discord";
import { ALICE, cacheGot, SECRET, type Deployment } from "./setup";

/** Shared by the sessions-*.test.ts files: a party in one channel, its sessions, and a clock that runs what falls due. */
export const GUILD = "300000000000000001";
export const CHANNEL = "300000000000000002";
export const CAROL = "100000000000000003";
export const DAN = "100000000000000004";
export const HOST_DM = "400000000000000009";

/** Discord at fetch (fake-discord.ts), with what these tests look at: the channel's plain posts and the host's DMs. */
export function fakeSessions() {
  const discord = fakeDiscord({ dmChannel: HOST_DM });
  const posts = () => discord.messages.filter((x) => x.channelId === CHANNEL && x.body.content && !x.body.embeds?.length);
  return { ...discord, posts, dms: () => discord.inChannel(HOST_DM) };
}

/** Moves the fake clock in steps, running whatever falls due (and what that schedules at once). */
export async function pass(t: Deployment, ms: number, step = 1_000) {
  for (let spent = 0; spent < ms; spent += step) {
    vi.advanceTimersByTime(Math.min(step, ms - spent));
    await t.finishInProgressScheduledFunctions();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(0);
      await t.finishInProgressScheduledFunctions();
    }
  }
}

export const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
export const here = { guildId: GUILD, channelId: CHANNEL };
/** Friday 27 November 2026, 21:00 in Berlin (CET, UTC+1). */
export const FRIDAY_2100_BERLIN = Date.UTC(2026, 10, 27, 20, 0);

export async function party(t: Deployment) {
  await cacheGot(t);
  const { party } = await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, season: 1, displayName: "alice" });
  await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
  return party;
}

/** `weekly: "keep"` leaves it out, as a poll winner's Confirm does. */
export const schedule = (
  t: Deployment,
  partyId: string,
  at: number,
  extra: { weekly?: boolean | "keep"; canCreateEvents?: boolean; who?: string } = {},
) =>
  t.mutation(api.bot.sessions.schedule, {
    ...as(extra.who ?? ALICE),
    ...here,
    partyId,
    at,
    ...(extra.weekly === "keep" ? {} : { weekly: extra.weekly ?? false }),
    canManageServer: false,
    canCreateEvents: extra.canCreateEvents ?? true,
  });
