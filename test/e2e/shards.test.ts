import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableSnowflake } from "../../sandbox/discord/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text } from "./harness.ts";

const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

/** The first guild name of the form `club-N` (N from `from`) whose id lands on `shard` of 2. */
function guildOnShard(shard: number, from = 1): string {
  for (let n = from; ; n++) if (shardOf(stableSnowflake("guild", `club-${n}`), 2) === shard) return `club-${n}`;
}

let s: Stack;
const onShard0 = guildOnShard(0);
const onShard1 = guildOnShard(1);

beforeAll(async () => {
  s = await stack({ shards: 2 });
});
afterAll(async () => {
  await s?.stop();
});

describe("a bot run as two shards", () => {
  it("answers commands in guilds on both shards, each guild's events going to its own shard", async () => {
    const events = await run(s, `as alice\nin ${onShard0} #general\n/ep 1399 1 1\nas bob\nin ${onShard1} #general\n/ep 1399 1 2`);
    expect(ofType(events, "interaction_failed")).toHaveLength(0);
    const replies = ofType(events, "reply");
    expect(replies.map((r) => [r.user, r.guild])).toEqual([
      ["alice", onShard0],
      ["bob", onShard1],
    ]);
    expect(text(replies[0])).toContain("S1E1");
    expect(text(replies[1])).toContain("S1E2");
    const id0 = s.discord.guild(onShard0).id;
    const id1 = s.discord.guild(onShard1).id;
    expect([s.bots[0]!.client.guilds.cache.has(id0), s.bots[0]!.client.guilds.cache.has(id1)]).toEqual([true, false]);
    expect([s.bots[1]!.client.guilds.cache.has(id0), s.bots[1]!.client.guilds.cache.has(id1)]).toEqual([false, true]);
    expect(s.discord.connectedShards().sort((a, b) => a[0] - b[0])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("answers DMs from shard 0, as Discord routes them", async () => {
    const [reply] = ofType(await run(s, `as carol\nin dm\n/ep 1399 1 1`), "reply");
    expect(text(reply)).toContain("S1E1");
  });

  it("recommends the shard count on GET /gateway/bot", async () => {
    const res = await fetch(`${s.discord.restApiBase}/v10/gateway/bot`, { headers: { authorization: `Bot ${s.discord.token}` } });
    expect(await res.json()).toMatchObject({ shards: 2, url: s.discord.gatewayUrl });
  });

  it("loses nothing when one shard restarts: the other shard answers meanwhile; progress, buttons and guilds created while it was down are there after", async () => {
    const before = await run(s, `as dave\nin ${onShard1} #general\n/ep 1399 1 3`);
    expect(buttons(ofType(before, "reply")[0])).toContain("Mark S1E4");

    const newGuild = guildOnShard(1, 100);
    await s.restartBot(1, {
      whileDown: async () => {
        // The other shard keeps answering, and the world moves on without shard 1.
        const other = await run(s, `as erin\nin ${onShard0} #general\n/ep 1399 1 5`);
        expect(text(ofType(other, "reply")[0])).toContain("S1E5");
        s.discord.channel(newGuild, "general");
      },
    });

    // The restarted shard learns every guild it owns again, the one created while it was down too.
    expect(s.bots[1]!.client.guilds.cache.has(s.discord.guild(newGuild).id)).toBe(true);
    expect(text(ofType(await run(s, `as frank\nin ${newGuild} #general\n/ep 1399 1 1`), "reply")[0])).toContain("S1E1");
    const after = await run(s, `as dave\nin ${onShard1} #general\nclick "Mark S1E4"\n/watch info title:tv:1399`);
    expect(ofType(after, "interaction_failed")).toHaveLength(0);
    expect(text(ofType(after, "reply_edit", "reply")[0])).toContain("Cripples, Bastards, and Broken Things");
    expect(text(ofType(after, "reply").at(-1))).toMatch(/2\/73 episodes/);
  });
});
