import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableSnowflake } from "../../sandbox/discord/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text } from "./harness.ts";

const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));
function guildOnShard(shard: number): string {
  for (let n = 1; ; n++) if (shardOf(stableSnowflake("guild", `club-${n}`), 2) === shard) return `club-${n}`;
}

let s: Stack;
beforeAll(async () => {
  s = await stack({ shards: 2 });
});
afterAll(async () => {
  await s?.stop();
});

describe("per-user write throttling with two shards", () => {
  it("holds one budget for a user whose writes land on both shards", async () => {
    const movies = [27205, 155, 157336, 603, 680, 550, 238, 496243, 129, 438631];
    // Alternate guilds on shard 0 and shard 1: each shard sees only five of the ten writes.
    const lines = movies.flatMap((id, i) => [`in ${guildOnShard(i % 2)} #general`, `/watch status title:movie:${id} status:watching`]);
    const events = await run(s, `as uma\n${lines.join("\n")}`);
    const replies = ofType(events, "reply", "followup");
    const refused = replies.filter((e) => text(e).includes("Slow down a little — try again in 1s."));
    const accepted = replies.filter((e) => text(e).includes("Watching —"));
    expect(accepted).toHaveLength(8);
    expect(refused).toHaveLength(2);
    // Both shards answered, and the budget ran out on the ninth write overall, not on either shard's own count.
    expect(new Set(replies.map((e) => e.guild)).size).toBe(2);
    expect(replies.slice(8)).toEqual(refused);
  });
});
