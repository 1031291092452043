import { afterEach, describe, expect, it } from "vitest";
import type { SandboxMessage } from "../../sandbox/discord/index.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, type Event } from "./harness.ts";

/** A party's live board: the bot's own post in the channel with a Join button. */
function boards(s: Stack, guild = "movie-club", channel = "general"): SandboxMessage[] {
  const ch = s.discord.channel(guild, channel);
  return s.discord
    .messages(ch.id)
    .filter((m) => !m.deleted && !m.ephemeral && m.interaction === null)
    .filter((m) => JSON.stringify(m.components).includes('"custom_id":"party:join:'));
}

const lines = (m: SandboxMessage | undefined) => (m?.embeds[0]?.description as string | undefined) ?? "";
const boardEdits = (events: Event[]) =>
  ofType(events, "message", "message_edit").filter((e) => JSON.stringify(e.components ?? []).includes("party:join:"));

/** Every event with the sandbox clock's time when it happened. */
function record(s: Stack) {
  const events: (Event & { at: number })[] = [];
  const listener = (e: Event) => events.push({ ...e, at: s.engine.clock.now() });
  s.discord.on("event", listener);
  return { events, stop: () => s.discord.off("event", listener) };
}

async function partyId(s: Stack): Promise<string> {
  return await s.engine.run((t) => t.run(async (ctx) => (await ctx.db.query("parties").first())!._id));
}

const START = `
as alice
in movie-club #general
/party start show:1399 season:1
wait 3s
`;

describe("watch parties in the sandbox", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("shows each member at their own position as they join (command and button) and mark, including through the web app", async () => {
    s = await stack();
    const events = await run(
      s,
      `${START}
as bob
in movie-club #general
/party join
as carol
in movie-club #general
click "Join"
as alice
/ep 1399 1 1-3
as bob
/ep 1399 1 1
as carol
/ep 1399 1 1-5
wait 5s
as alice
web watchlist:markEpisodeWatched tmdbId:1399 season:1 episode:4 isWatched:true
wait 5s
`,
    );
    const edits = boardEdits(events);
    expect(ofType(events, "message")).toHaveLength(1);
    const afterEp = edits.find((e) => /carol\*\* · S1E5/.test(e.embeds[0].description) && /alice\*\* · S1E3/.test(e.embeds[0].description));
    expect(afterEp?.embeds[0].description).toMatch(/\*\*bob\*\* · S1E1 · 1\/10/);
    const last = edits.at(-1)!;
    expect(last.embeds[0].description).toMatch(/\*\*alice\*\* · S1E4 · 4\/10/);
    expect(last.embeds[0].footer.text).toBe("Hosted by alice · 3 members");
    // Spoiler-safe: only the slowest member's episode is named.
    expect(last.embeds[0].description).toContain("Everyone has reached **S1E1** · Winter Is Coming");
    expect(last.embeds[0].description).not.toContain("The Wolf and the Lion");
    // The board never pings anyone.
    for (const e of edits) expect(e.mentions).toEqual({ everyone: false, users: [], roles: [] });
    expect(boards(s)).toHaveLength(1);
  });

  it("refuses to start a party where the bot can't post, naming the permission, and creates nothing", async () => {
    s = await stack();
    const events = await run(s, `as alice\nin movie-club #general\nrevoke #general\n/party start show:1399`);
    expect(ofType(events, "reply").at(-1)?.content).toMatch(/missing \*\*View Channel\*\* and \*\*Send Messages\*\*.*nothing was created/);
    expect(await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("parties").collect()))).toEqual([]);
  });

  it("gives 100 marks by 5 members in a minute a correct board within 10 s, at most one edit per 2 s and no 429", async () => {
    s = await stack();
    const names = ["alice", "bob", "carol", "dave", "erin"];
    let script = `${START}\n`;
    for (const n of names.slice(1)) script += `as ${n}\nin movie-club #general\n/party join\n`;
    script += "wait 3s\n";
    // Whole season 1 (10 episodes) each, then season 2: 20 marks per member, round robin, 600 ms apart.
    await run(s, script.replace("season:1", ""));
    const rec = record(s);
    let marks = "";
    for (let i = 0; i < 20; i++) {
      const [season, episode] = i < 10 ? [1, i + 1] : [2, i - 9];
      for (const n of names) marks += `as ${n}\nin movie-club #general\n/ep 1399 ${season} ${episode}\nwait 600ms\n`;
    }
    await run(s, marks);
    const lastMark = s.engine.clock.now();
    await run(s, "wait 10s");
    rec.stop();
    const edits = boardEdits(rec.events);
    const final = edits.at(-1)!;
    for (const n of names) expect(final.embeds[0].description).toContain(`**${n}** · S2E10 · 20/73`);
    expect(final.at - lastMark).toBeLessThanOrEqual(10_000);
    for (let i = 1; i < edits.length; i++) expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(2_000);
    expect(ofType(rec.events, "rate_limited")).toEqual([]);
    expect(edits.length).toBeLessThan(60);
    expect(boards(s)).toHaveLength(1);
  });

  it("posts a deleted board again, once", async () => {
    s = await stack();
    const events = await run(s, `${START}\ndelete message board\n/ep 1399 1 1-2\nwait 5s`);
    expect(ofType(events, "message_delete")).toHaveLength(1);
    expect(boards(s)).toHaveLength(1);
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E2/);
  });

  it("pauses a party whose channel was deleted, tells the host by DM and on their next /party, and posts nothing", async () => {
    s = await stack();
    await run(s, START);
    const id = await partyId(s);
    const events = await run(
      s,
      `as alice\nin movie-club #general\ndelete #general\nin movie-club #lobby\n/ep 1399 1 1\nwait 5s\n/party status party:${id}`,
    );
    expect(ofType(events, "dm").at(-1)?.content).toContain("was deleted");
    expect(ofType(events, "reply").at(-1)?.content).toContain("has stopped");
    expect(ofType(events, "message")).toEqual([]);
    const party = await s.engine.run((t) => t.run(async (ctx) => await ctx.db.query("parties").first()));
    expect(party?.paused?.reason).toContain("was deleted");
    // /party list says so and how to finish it; after the end, nothing is running.
    const listed = await run(
      s,
      `as alice
in movie-club #lobby
/party list
/party end party:${id}
/party list`,
    );
    const [before, after] = ofType(listed, "reply").filter((e) => e.source === "/party list");
    expect(before?.content).toContain("its channel was deleted (`/party end` ends it)");
    expect(after?.content).toBe("No watch parties are running in this server — start one with /party start.");
  });

  it("pauses on a revoked permission and, once it is back, the host's /party status brings the board up to date", async () => {
    s = await stack();
    await run(s, START);
    let events = await run(s, `as alice\nin movie-club #general\nrevoke #general\n/ep 1399 1 1-4\nwait 5s`);
    expect(ofType(events, "dm").at(-1)?.content).toContain("View Channel");
    expect(lines(boards(s)[0])).not.toContain("S1E4");
    // The server admin gives the permission back.
    s.discord.channel("movie-club", "general").botDenied = 0n;
    events = await run(s, `as alice\nin movie-club #general\n/party status\nwait 5s`);
    expect(ofType(events, "reply").at(-1)?.content).toContain("post the board again");
    expect(boards(s)).toHaveLength(1);
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E4/);
  });

  it("rides out Discord 5xx answers with backoff and lands the final board", async () => {
    s = await stack();
    await run(s, START);
    s.discord.injectServerErrors(2, 502);
    const events = await run(s, `as alice\nin movie-club #general\n/ep 1399 1 1-6\nwait 20s`);
    expect(ofType(events, "discord_error").filter((e) => e.status === 502)).toHaveLength(2);
    expect(boards(s)).toHaveLength(1);
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E6/);
  });

  it("keeps the board right when the bot restarts mid-burst, since Convex publishes it", async () => {
    s = await stack();
    await run(s, `${START}\nas bob\nin movie-club #general\n/party join`);
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/ep 1399 1 1\nas bob\n/ep 1399 1 1-2\nrestart bot\nas alice\n/ep 1399 1 2-7\nas bob\n/ep 1399 1 3\nwait 5s`,
    );
    expect(ofType(events, "restart")).toHaveLength(1);
    expect(boards(s)).toHaveLength(1);
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E7 · 7\/10/);
    expect(lines(boards(s)[0])).toMatch(/\*\*bob\*\* · S1E3 · 3\/10/);
  });

  it("replaces an hour-old board Discord stops letting it edit (30046) with a fresh post and deletes the old one", async () => {
    // 3 edits of an old message per 10 s (Discord's, by reports, are about 3 per 20 s): the four edits
    // below span ~7.5 s of sandbox time either way, and the 429's retry_after, which the sandbox's
    // settling waits out in real time, is ~2.5 s instead of ~12.5 s.
    s = await stack({ oldMessageEditLimit: { count: 3, windowMs: 10_000 } });
    await run(s, START);
    const old = boards(s)[0]!.id;
    let script = "as alice\nin movie-club #general\nwait 2h\n";
    for (let e = 1; e <= 6; e++) script += `/ep 1399 1 ${e}\nwait 2500ms\n`;
    const events = await run(s, `${script}wait 5s`);
    expect(ofType(events, "rate_limited").map((e) => e.code)).toContain(30046);
    expect(ofType(events, "message_delete").map((e) => e.id)).toEqual([old]);
    expect(boards(s)).toHaveLength(1);
    expect(boards(s)[0]!.id).not.toBe(old);
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E6 · 6\/10/);
  });

  it("marks whoever says what was watched and those who click I was there, nobody else", async () => {
    s = await stack();
    const events = await run(
      s,
      `${START}\nas bob\nin movie-club #general\n/party join\nas carol\nin movie-club #general\n/party join\nas alice\n/party watched episode:1-2\nas bob\nclick "I was there"\nwait 5s`,
    );
    const prompt = ofType(events, "reply").find((e) => e.source === "/party watched");
    expect(prompt?.ephemeral).toBe(false);
    expect(prompt?.content).toContain("S1E1–E2");
    const board = lines(boards(s)[0]);
    expect(board).toMatch(/\*\*bob\*\* · S1E2 · 2\/10/);
    expect(board).toMatch(/\*\*alice\*\* · S1E2 · 2\/10/);
    expect(board).toMatch(/\*\*carol\*\* · 0\/10/);
    expect(ofType(events, "followup").find((e) => e.user === "alice" && e.ephemeral)?.content).toBe("✅ Marked S1E1–E2 for you too.");
  });

  it("reads the season written into /party watched's episode (S2E5), never taking it for S1E5", async () => {
    s = await stack();
    const events = await run(s, `${START}\n/party watched episode:S2E5\n/party watched episode:S1E5`);
    const [other, same] = ofType(events, "reply").filter((e) => e.source === "/party watched");
    expect(other?.content).toContain("This party watches season 1");
    expect(same?.content).toContain("We watched S1E5");
  });

  it("puts the board in the channel given, and the party option autocompletes this server's parties", async () => {
    s = await stack();
    s.discord.channel("movie-club", "boards");
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/party start show:1399 channel:#boards name:"Friday club"\n/party start show:1396 season:2\nwait 3s\nautocomplete /party join party:fri\nautocomplete /party status party:`,
    );
    expect(boards(s, "movie-club", "boards")).toHaveLength(1);
    expect(boards(s, "movie-club", "boards")[0]!.embeds[0].title).toBe("📺 Friday club · Game of Thrones");
    const [friday, all] = ofType(events, "autocomplete");
    expect(friday!.choices.map((c: { name: string }) => c.name)).toEqual(["Friday club · Game of Thrones · #boards"]);
    expect(all!.choices).toHaveLength(2);
    // Two parties, one per channel: in #general, the party option may be left out.
    const status = await run(s, "as alice\nin movie-club #general\n/party status");
    expect(ofType(status, "reply").at(-1)?.embeds[0].title).toBe("📺 Breaking Bad · Season 2");
  });

  it("lets the host ask about the next episode with the board's button, and refuses anyone else", async () => {
    s = await stack();
    const events = await run(
      s,
      `${START}\n/ep 1399 1 1-2\nas bob\nin movie-club #general\nclick "Join"\nclick "We watched together"\nas alice\nclick "We watched together"\nas bob\nclick "I was there"\nas alice\nclick "We watched together"\nwait 5s`,
    );
    expect(ofType(events, "reply").find((e) => e.user === "bob" && e.source === 'click "We watched together"')?.content).toContain(
      "Only the host",
    );
    const prompts = ofType(events, "reply", "followup").filter((e) => e.user === "alice" && String(e.content).includes("were you there"));
    // One prompt: the second click a moment later is taken for a double click, not the next episode.
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.content).toContain("S1E3");
    expect(
      ofType(events, "reply", "followup").some(
        (e) => e.user === "alice" && String(e.content).includes("You asked about S1E3 a moment ago"),
      ),
    ).toBe(true);
    expect(lines(boards(s)[0])).toMatch(/\*\*bob\*\* · S1E3 · 1\/10/);
    // The host was there too: marked with the prompt.
    expect(lines(boards(s)[0])).toMatch(/\*\*alice\*\* · S1E3 · 3\/10/);
  });

  it("asks 'Did you mean …?' for a show typed by name, and starts the party on the one confirmed", async () => {
    s = await stack();
    const events = await run(
      s,
      `as alice\nin movie-club #general\n/party start show:breaking season:2\nclick "Yes — start the party"\nwait 3s`,
    );
    const asked = ofType(events, "reply")[0];
    expect(asked?.content).toContain("Did you mean **Breaking Bad**");
    expect(buttons(asked)).toContain("Yes — start the party");
    expect(ofType(events, "reply_edit").at(-1)?.content).toContain("You're hosting **Breaking Bad · Season 2**");
    expect(boards(s)).toHaveLength(1);
  });

  it("answers a repeated post with the same nonce with the first message (enforce_nonce)", async () => {
    s = await stack();
    const ch = s.discord.channel("movie-club", "general");
    const post = () =>
      fetch(`${s.discord.restApiBase}/v10/channels/${ch.id}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${s.discord.token}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "board", nonce: "pb-test-1", enforce_nonce: true }),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const [a, b] = [await post(), await post()];
    expect(b.id).toBe(a.id);
    expect(s.discord.messages(ch.id).filter((m) => !m.deleted)).toHaveLength(1);
  });
});
