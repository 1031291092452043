import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, deployment, withFakeDiscord } from "./setup";
import { GUILD, CHANNEL, fakeSessions, pass, as, here, FRIDAY_2100_BERLIN, party, schedule } from "./sessions-helpers";

describe("a watch-along session in Discord's Events", () => {
  let discord: ReturnType<typeof fakeSessions>;
  withFakeDiscord(
    () => {
      discord = fakeSessions();
    },
    Date.UTC(2026, 10, 26, 9, 0),
  );

  it("lists the session in Discord's Events, updates it on reschedule and deletes it on cancel", async () => {
    const t = deployment();
    const p = await party(t);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    expect(discord.events).toHaveLength(1);
    expect(discord.events[0]!.body).toMatchObject({
      entity_type: 3,
      privacy_level: 2,
      entity_metadata: { location: `https://discord.com/channels/${GUILD}/${CHANNEL}` },
      scheduled_start_time: new Date(FRIDAY_2100_BERLIN).toISOString(),
      scheduled_end_time: new Date(FRIDAY_2100_BERLIN + 2 * 3_600_000).toISOString(),
    });
    const moved = await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000);
    expect(moved.replaced).toBe(FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    expect(discord.events).toHaveLength(1);
    expect(discord.events[0]!.body.scheduled_start_time).toBe(new Date(FRIDAY_2100_BERLIN + 3_600_000).toISOString());
    await t.mutation(api.bot.sessions.cancel, { ...as(ALICE), ...here, canManageServer: false });
    await pass(t, 3_000);
    expect(discord.events[0]!.deleted).toBe(true);
    expect(discord.posts().some((x) => x.body.content.includes("is cancelled"))).toBe(true);
    // The cancelled session's timers do nothing.
    await pass(t, 2 * 86_400_000, 60_000);
    expect(discord.posts().some((x) => x.body.content.startsWith("⏰") || x.body.content.includes("starting now"))).toBe(false);
  });

  it("without Create Events tells the host once and carries on", async () => {
    const t = deployment();
    const p = await party(t);
    const first = await schedule(t, p.partyId, FRIDAY_2100_BERLIN, { canCreateEvents: false });
    expect(first.notices.join()).toContain("Create Events");
    await pass(t, 3_000);
    const again = await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000, { canCreateEvents: false });
    expect(again.notices).toEqual([]);
    await pass(t, 3_000);
    expect(discord.requests.some((r) => r.path.includes("scheduled-events"))).toBe(false);
    expect(discord.posts().filter((x) => x.body.content.includes("Watch-along"))).toHaveLength(2);
  });

  it("when Discord refuses the event for a missing permission, DMs the host once", async () => {
    const t = deployment();
    const p = await party(t);
    discord.state.canCreateEvents = false;
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await pass(t, 3_000);
    await schedule(t, p.partyId, FRIDAY_2100_BERLIN + 3_600_000);
    await pass(t, 3_000);
    expect(discord.dms()).toHaveLength(1);
    expect(discord.dms()[0]!.body.content).toContain("Create Events");
  });
});
