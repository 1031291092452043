// A session more than 24.8 days ahead (past Node's setTimeout limit) waits for its time in the
// sandbox: it doesn't "start" right after Confirm.
import { afterEach, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text } from "./harness.ts";

/** Wednesday 2 December 2026, 11:00 in Berlin. */
const WEDNESDAY = Date.UTC(2026, 11, 2, 10, 0);

async function sessions(s: Stack) {
  return await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("party_sessions").collect()));
}

describe("a session a month away", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("stays scheduled after Confirm, however much real time passes", async () => {
    s = await stack({ clockStart: WEDNESDAY });
    await run(
      s,
      `as alice\nin movie-club #general\n/party start show:1399 season:1\nwait 3s\n/party schedule when:"2027-01-07 21:00" zone:Europe/Berlin`,
    );
    const confirmed = await run(s, `as alice\nin movie-club #general\nclick "Confirm"\nwait 3s`);
    expect(text(ofType(confirmed, "reply_edit").at(-1))).toContain("✅ Scheduled");
    // Real time passes too: a timer Node cut short would fire now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await run(s, "wait 1m");
    expect((await sessions(s)).map((x) => x.state)).toEqual(["scheduled"]);

    // (That it fires once the clock gets there: test/sandbox/engine.test.ts, without a month of crons.)
  });
});
