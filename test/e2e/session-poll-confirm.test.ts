import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text } from "./harness.ts";

/** Wednesday 2 December 2026, 11:00 in Berlin. */
const WEDNESDAY = Date.UTC(2026, 11, 2, 10, 0);

describe("confirming a poll's winner without a time zone of one's own", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("schedules the winning time for a new host who never set a zone: the time was fixed when the poll was read", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    await run(
      s,
      `as alice
in movie-club #general
/party start show:1399
wait 3s
/party poll times:"friday 21:00; saturday 20:00" hours:2 zone:Europe/Berlin
wait 3s
as bob
in movie-club #general
vote "Fri 4 Dec, 21:00 (Berlin)"
as alice
/party leave
wait 2h1m
as bob
/party join
wait 3s`,
    );
    const confirmed = await run(s, `as bob\nin movie-club #general\nclick "Confirm"\nwait 3s`);
    const answers = ofType(confirmed, "reply", "reply_edit", "followup").map(text).join("\n");
    expect(answers).not.toContain("time zone");
    expect(answers).toContain("is set for");
    const scheduled = await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("party_sessions").collect()));
    expect(scheduled.map((session) => ({ at: session.at, zone: session.zone }))).toEqual([
      { at: Date.UTC(2026, 11, 4, 20, 0), zone: "Europe/Berlin" },
    ]);
  }, 60_000);
});
