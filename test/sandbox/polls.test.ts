import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { parseScript, runScript } from "../../sandbox/script.ts";

const GUILD = "Film Club";
let now = Date.UTC(2026, 10, 26, 9, 0);
let sandbox: DiscordSandbox | null = null;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = null;
});

async function start() {
  sandbox = new DiscordSandbox({ now: () => now });
  await sandbox.start();
  const channel = sandbox.channel(GUILD, "general");
  const events: SandboxEvent[] = [];
  sandbox.on("event", (e: SandboxEvent) => events.push(e));
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox!.restApiBase}/v10/channels/${channel.id}${path}`, {
      method,
      headers: { authorization: `Bot ${sandbox!.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const script = (text: string) => runScript(parseScript(`in "${GUILD}" #general\n${text}`), sandbox!, { wait: async () => {} }, () => {});
  return { events, call, script };
}

const poll = (over: Record<string, unknown> = {}) => ({
  question: { text: "When do we watch?" },
  answers: [{ poll_media: { text: "Fri 21:00" } }, { poll_media: { text: "Sat 20:00" } }],
  duration: 24,
  ...over,
});

describe("the sandbox's polls", () => {
  it("take votes from the vote line, count them, and are final once they end on the sandbox clock", async () => {
    now = Date.UTC(2026, 10, 26, 9, 0);
    const { call, script, events } = await start();
    const posted = await call("POST", "/messages", { content: "Pick a night", poll: poll() });
    expect(posted.status).toBe(200);
    expect(events.find((e) => e.t === "message")).toMatchObject({ poll: { question: { text: "When do we watch?" } } });
    await script('as bob\nvote "Fri 21:00"\nas carol\nvote "fri 21:00"\nas dan\nvote "Sat 20:00"\nas dan\nvote "Fri 21:00"');
    const open = await call("GET", `/messages/${posted.body.id}`);
    expect(open.body.poll.results).toEqual({ is_finalized: false, answer_counts: [{ id: 1, count: 3, me_voted: false }] });
    now += 24 * 3_600_000;
    const closed = await call("GET", `/messages/${posted.body.id}`);
    expect(closed.body.poll.results.is_finalized).toBe(true);
    await script('as erin\nvote "Sat 20:00"');
    expect(events.at(-1)).toMatchObject({ t: "rejected", reason: "the poll has ended" });
    const voters = await call("GET", `/polls/${posted.body.id}/answers/1`);
    expect(voters.body.users.map((u: any) => u.username).sort()).toEqual(["bob", "carol", "dan"]);
  });

  it("list an answer's voters as Discord pages them: by user id, `limit` at a time, after the id in `after`", async () => {
    const { call, script } = await start();
    const posted = await call("POST", "/messages", { poll: poll() });
    const people = ["bob", "carol", "dan", "erin", "frank"];
    await script(people.map((p) => `as ${p}\nvote "Fri 21:00"`).join("\n"));
    const all = (await call("GET", `/polls/${posted.body.id}/answers/1?limit=100`)).body.users.map((u: any) => u.id);
    expect(all).toHaveLength(5);
    expect([...all].sort((a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : 1))).toEqual(all);
    const first = (await call("GET", `/polls/${posted.body.id}/answers/1?limit=2`)).body.users.map((u: any) => u.id);
    expect(first).toEqual(all.slice(0, 2));
    const next = (await call("GET", `/polls/${posted.body.id}/answers/1?limit=2&after=${first[1]}`)).body.users.map((u: any) => u.id);
    expect(next).toEqual(all.slice(2, 4));
    expect((await call("GET", `/polls/${posted.body.id}/answers/2`)).body.users).toEqual([]);
    expect(await call("GET", `/polls/${posted.body.id}/answers/1?limit=101`)).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await call("GET", `/polls/${posted.body.id}/answers/1?after=bob`)).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await call("GET", `/polls/${posted.body.id}/answers/9`)).toMatchObject({ status: 404 });
  });

  it("end early when the bot expires one, and cannot be edited", async () => {
    const { call } = await start();
    const posted = await call("POST", "/messages", { poll: poll() });
    expect((await call("POST", `/polls/${posted.body.id}/expire`)).body.poll.results.is_finalized).toBe(true);
    expect(await call("PATCH", `/messages/${posted.body.id}`, { poll: poll() })).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it("refuse what Discord refuses: more than 10 answers, long answers or questions, more than 32 days (five posts: the channel's bucket)", async () => {
    const { call } = await start();
    const answers = (n: number, text = "x") => Array.from({ length: n }, (_, i) => ({ poll_media: { text: `${text}${i}` } }));
    for (const over of [
      { answers: answers(11) },
      { answers: answers(2, "y".repeat(55)) },
      { question: { text: "q".repeat(301) } },
      { duration: 32 * 24 + 1 },
    ]) {
      expect(await call("POST", "/messages", { poll: poll(over) })).toMatchObject({ status: 400, body: { code: 50035 } });
    }
    expect((await call("POST", "/messages", { poll: poll({ answers: answers(10), duration: 32 * 24 }) })).status).toBe(200);
  });
});
