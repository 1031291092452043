import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { fakeDiscord, type FakeMessage } from "./fake-discord";
import { ALICE, BOB, cacheGot, deployment, GOT, measure, SECRET, type Deployment } from "./setup";

const GUILD = "300000000000000001";
const CHANNEL = "300000000000000002";
const CAROL = "100000000000000003";
const HOST_DM = "400000000000000009";

/** Discord at fetch (fake-discord.ts), with what these tests look at: the board and the host's DMs. */
function fakeBoards() {
  const discord = fakeDiscord({ dmChannel: HOST_DM });
  const boards = () => discord.inChannel(CHANNEL);
  const text = (msg: FakeMessage | undefined) =>
    msg
      ? [msg.body.embeds?.[0]?.title, msg.body.embeds?.[0]?.description, msg.body.embeds?.[0]?.footer?.text, msg.body.content].join("\n")
      : "";
  return { ...discord, boards, board: () => text(boards().at(-1)), dms: () => discord.inChannel(HOST_DM) };
}

/** Moves the (fake) clock in small steps, running whatever falls due, as a deployment would. */
async function pass(t: Deployment, ms: number) {
  // Long waits (days) go in hour-long steps once the first minute has passed.
  for (let spent = 0; spent < ms;) {
    const step = spent < 60_000 ? 100 : Math.min(3_600_000, ms - spent);
    vi.advanceTimersByTime(step);
    spent += step;
    await t.finishInProgressScheduledFunctions();
  }
}

const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });
const here = { guildId: GUILD, channelId: CHANNEL };

async function startGot(t: Deployment, extra: { season?: number } = {}) {
  await cacheGot(t);
  return await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice", ...extra });
}

const mark = (t: Deployment, who: string, season: number, episodes: number[]) =>
  t.mutation(api.bot.episodes.markEpisodesFor, { ...as(who), tmdbId: 1399, season, episodes, isWatched: true });

describe("watch parties and their board", () => {
  let discord: ReturnType<typeof fakeBoards>;
  beforeEach(() => {
    vi.useFakeTimers();
    process.env.DISCORD_API_BASE = "https://discord.test/api";
    process.env.DISCORD_TOKEN = "bot-token";
    discord = fakeBoards();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete process.env.DISCORD_API_BASE;
    delete process.env.DISCORD_TOKEN;
  });

  it("posts one board for a new party, pinging nobody, with an idempotent nonce", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    const posts = discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      allowed_mentions: { parse: [] },
      enforce_nonce: true,
      nonce: expect.stringMatching(/^.{1,25}$/),
    });
    expect(discord.board()).toContain("Game of Thrones");
    expect(discord.board()).toContain("**alice**");
  });

  it("moves each member to their own position, from any write path, and coalesces a burst into few edits", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    await mark(t, ALICE, 1, [1, 2, 3]);
    for (let e = 1; e <= 5; e++) await mark(t, BOB, 1, [e]);
    // The web app's own call moves the board too.
    await t
      .withIdentity({ subject: `discord|${ALICE}` })
      .mutation(api.watchlist.markEpisodeWatched, { tmdbId: 1399, season: 1, episode: 4, isWatched: true });
    await pass(t, 5_000);
    expect(discord.board()).toMatch(/\*\*bob\*\* · S1E5 · 5\/73/);
    expect(discord.board()).toMatch(/\*\*alice\*\* · S1E4 · 4\/73/);
    // Spoiler-safe: the slowest member's episode by name, the furthest only as a count.
    expect(discord.board()).toContain("Everyone has reached **S1E4**");
    expect(discord.board()).toContain("1 of 2 has reached **S1E5**");
    const edits = discord.requests.filter((r) => r.method === "PATCH");
    expect(edits.length).toBeLessThanOrEqual(2);
    expect(discord.boards()).toHaveLength(1);
    expect(party.memberCount).toBe(1);
  });

  it("someone who deletes their Discord data leaves the board and frees their place in the party", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await mark(t, BOB, 1, [1, 2]);
    await pass(t, 5_000);
    expect(discord.board()).toContain("**bob**");
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: BOB });
    await pass(t, 5_000);
    expect(discord.board()).not.toContain("bob");
    expect(await t.query(api.bot.parties.list, { ...as(ALICE), guildId: GUILD })).toMatchObject([{ memberCount: 1 }]);
  });

  it("brings a joiner's existing progress onto the board", async () => {
    const t = deployment();
    await startGot(t, { season: 2 });
    await mark(t, CAROL, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Season 2");
    expect(discord.board()).toMatch(/Finished\*\* \(1\)\n.*\*\*carol\*\* · S2E10 · 10\/10/);
  });

  it("shows all of a joiner's progress tracked before summaries existed, once it is summarised", async () => {
    const t = deployment();
    await startGot(t);
    const { userId } = await t.mutation(api.bot.profile.ensureProfile, { ...as(CAROL), username: "carol" });
    // 40 episodes the web app wrote before the bot kept summaries: more than one bounded read looks at.
    await t.run(async (ctx) => {
      for (let season = 1; season <= 4; season++) {
        for (let episode = 1; episode <= 10; episode++) {
          await ctx.db.insert("episode_progress", { userId, tmdbId: 1399, season, episode, isWatched: true, updatedAt: 1 });
        }
      }
    });
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    await pass(t, 6_000);
    expect(discord.board()).toMatch(/\*\*carol\*\* · S4E10 · 40\/73/);
  });

  it("escapes member names and never pings", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      displayName: "@everyone **bold** <@123456789012345678>",
    });
    await pass(t, 3_000);
    const body = discord.boards()[0]!.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // Member lines are markdown: the name is escaped there (footers render no markdown or mentions).
    const lines = body.embeds[0].description as string;
    expect(lines).not.toContain("@everyone");
    expect(lines).toContain("\\*\\*bold\\*\\*");
    expect(lines).not.toMatch(/<@\d+>/);
  });

  it("waits retry_after on a 429 and backs off on a 5xx, then lands the final state", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.faults.edit.push({ status: 429, body: { message: "You are being rate limited.", retry_after: 3, global: false } });
    discord.faults.edit.push({ status: 502, body: { message: "Bad Gateway" } });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 2_500);
    expect(discord.board()).not.toContain("S1E1");
    await pass(t, 10_000);
    expect(discord.board()).toContain("**alice** · S1E1");
    expect(discord.boards()).toHaveLength(1);
  });

  it("posts a deleted board again, once", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.boards()[0]!.deleted = true;
    await mark(t, ALICE, 1, [1, 2]);
    await pass(t, 3_000);
    expect(discord.boards()).toHaveLength(1);
    expect(discord.board()).toContain("**alice** · S1E2");
  });

  it("replaces a board Discord will no longer edit (30046) with a fresh post and deletes the old one", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    const old = discord.boards()[0]!;
    // Discord answers it as a 429 that carries code 30046; waiting would not free the message soon.
    discord.faults.edit.push({
      status: 429,
      body: {
        code: 30046,
        retry_after: 20,
        global: false,
        message: "Maximum number of edits to messages older than 1 hour reached. Try again later.",
      },
    });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(old.deleted).toBe(true);
    expect(discord.boards()).toHaveLength(1);
    expect(discord.board()).toContain("**alice** · S1E1");
  });

  it("does not post twice when the post landed but its answer was lost (enforce_nonce)", async () => {
    const t = deployment();
    await cacheGot(t);
    // The first post reaches Discord but the action sees a 5xx: the retry sends the same nonce.
    discord.faults.post.push({ lands: true, status: 504, body: { message: "upstream timeout" } });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await pass(t, 10_000);
    expect(discord.messages.filter((m) => m.channelId === CHANNEL)).toHaveLength(1);
    expect(discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages") && !r.path.includes(HOST_DM))).toHaveLength(
      2,
    );
  });

  it("re-runs a publish that died after posting (the watchdog), and the retried post with the same nonce posts nothing new", async () => {
    const t = deployment();
    await cacheGot(t);
    // The post lands, but the action dies before it can record it (its answer is unreadable).
    discord.faults.post.push({ lands: true, status: 200, body: { channel_id: CHANNEL } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await pass(t, 3_000);
    expect(discord.boards()).toHaveLength(1);
    const recorded = async () => (await t.run(async (ctx) => await ctx.db.query("parties").first()))!.boardMessageId;
    expect(await recorded()).toBeUndefined();
    await pass(t, 60_000);
    errors.mockRestore();
    expect(await recorded()).toBe(discord.boards()[0]!.id);
    expect(discord.boards()).toHaveLength(1);
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(discord.board()).toContain("**alice** · S1E1");
  });

  it("pauses on a deleted channel or a lost permission, tells the host by DM and on their next /party, and resumes when asked", async () => {
    const t = deployment();
    await startGot(t);
    await pass(t, 3_000);
    discord.faults.edit.push({ status: 403, body: { code: 50013, message: "Missing Permissions" } });
    await mark(t, ALICE, 1, [1]);
    await pass(t, 3_000);
    expect(discord.dms()).toHaveLength(1);
    expect(discord.dms()[0]!.body.content).toContain("missing a permission");
    // Paused: further marks publish nothing.
    const before = discord.requests.length;
    await mark(t, ALICE, 1, [2]);
    await pass(t, 5_000);
    expect(discord.requests.length).toBe(before);
    // Still missing in the board's channel (Discord's app_permissions say so): not resumed, and said so once.
    const blocked = await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here, canPostHere: false });
    expect(blocked).toMatchObject({ resumed: false, notices: [expect.stringContaining("I still can't post in")] });
    await pass(t, 3_000);
    expect(discord.requests.length).toBe(before);
    // Fixed: resumed, without also reporting the board as stopped.
    const status = await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here, canPostHere: true });
    expect(status).toMatchObject({ resumed: true, notices: [] });
    await pass(t, 3_000);
    expect(discord.board()).toContain("**alice** · S1E2");
    expect((await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).notices).toEqual([]);
  });

  it("finds a party typed by name as well as picked by id, and refuses one that is not in this server", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      name: "Friday club",
      displayName: "alice",
    });
    const elsewhere = { guildId: GUILD, channelId: "300000000000000077" };
    expect(
      (await t.mutation(api.bot.parties.join, { ...as(BOB), ...elsewhere, party: "friday club", displayName: "bob" })).party.partyId,
    ).toBe(party.partyId);
    expect(
      (await t.mutation(api.bot.parties.join, { ...as(CAROL), ...elsewhere, party: "Game of Thrones", displayName: "carol" })).party
        .partyId,
    ).toBe(party.partyId);
    await expect(
      t.mutation(api.bot.parties.join, {
        ...as(CAROL),
        guildId: "300000000000000099",
        channelId: CHANNEL,
        party: party.partyId,
        displayName: "carol",
      }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(t.mutation(api.bot.parties.status, { ...as(BOB), ...elsewhere })).rejects.toMatchObject({
      data: { message: expect.stringContaining("no watch party in this channel") },
    });
  });

  it("keeps one active party per channel and show, and at most 25 per server", async () => {
    const t = deployment();
    await startGot(t);
    await expect(t.mutation(api.bot.parties.start, { ...as(BOB), ...here, tmdbId: 1399, displayName: "bob" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("already has a watch party") },
    });
    for (let i = 3; i <= 26; i++) {
      const host = `1000000000000000${10 + i}`;
      await t.mutation(api.bot.parties.start, {
        ...as(host),
        guildId: GUILD,
        channelId: `30000000000000${String(i).padStart(4, "0")}`,
        tmdbId: 1399,
        displayName: "host",
      });
    }
    await expect(
      t.mutation(api.bot.parties.start, { ...as(BOB), guildId: GUILD, channelId: "300000000000009999", tmdbId: 1399, displayName: "bob" }),
    ).rejects.toMatchObject({ data: { message: expect.stringContaining("25 active watch parties") } });
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toHaveLength(25);
  });

  it("marks whoever asked and whoever clicks I was there, nobody else, and not after the prompt expires", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    const prompt = await t.mutation(api.bot.parties.watched, { ...as(ALICE), ...here, episodes: [5, 6] });
    expect(prompt).toMatchObject({ what: "S1E5–E6", markedForYou: 2 });
    const bobs = await t.mutation(api.bot.parties.there, { ...as(BOB), promptId: prompt.promptId });
    expect(bobs).toMatchObject({ changed: 2, joined: false });
    // Only alice, who asked, and bob, who clicked, have anything watched.
    const summaries = await t.run(async (ctx) => await ctx.db.query("episode_summaries").collect());
    expect(summaries.filter((x) => x.watchedCount > 0)).toEqual([
      expect.objectContaining({ watchedCount: 2 }),
      expect.objectContaining({ watchedCount: 2 }),
    ]);
    // Carol was in the room but never pressed Join: her click joins her and marks them.
    expect(await t.mutation(api.bot.parties.there, { ...as(CAROL), promptId: prompt.promptId, displayName: "carol" })).toMatchObject({
      changed: 2,
      joined: true,
    });
    const members = await t.run(async (ctx) => await ctx.db.query("party_members").collect());
    expect(members.map((m) => [m.discordUserId, m.displayName]).sort()).toEqual(
      [
        [ALICE, "alice"],
        [BOB, "bob"],
        [CAROL, "carol"],
      ].sort(),
    );
    // A full party can't take someone else, but their click still marks the episodes.
    const { partyId } = prompt.party;
    await t.run(async (ctx) => ctx.db.patch(partyId as Id<"parties">, { memberCount: 200 }));
    const DAN = "100000000000000004";
    expect(await t.mutation(api.bot.parties.there, { ...as(DAN), promptId: prompt.promptId, displayName: "dan" })).toMatchObject({
      changed: 2,
      joined: false,
      partyFull: true,
    });
    vi.advanceTimersByTime(7 * 60 * 60 * 1000);
    await expect(t.mutation(api.bot.parties.there, { ...as(ALICE), promptId: prompt.promptId })).rejects.toMatchObject({
      data: { message: expect.stringContaining("expired") },
    });
  });

  it("takes a second We watched together within a minute for a double click, but not a press right after /party watched", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    const asked = await t.mutation(api.bot.parties.watched, { ...as(ALICE), ...here, episodes: [1] });
    expect(asked.what).toBe("S1E1");
    // The button right after a /party watched: a different question, asked.
    const first = await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId });
    expect(first.what).toBe("S1E2");
    await expect(t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId })).rejects.toMatchObject({
      data: { message: expect.stringContaining("You asked about S1E2 a moment ago") },
    });
    vi.advanceTimersByTime(61_000);
    expect((await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: party.partyId })).what).toBe("S1E3");
  });

  it("tells a new host on their next /party that the board they inherited is paused", async () => {
    const t = deployment();
    const { party } = await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.run((ctx) =>
      ctx.db.patch(party.partyId as Id<"parties">, {
        paused: { reason: "I can no longer see <#300000000000000002> (View Channel).", at: Date.now(), hostTold: true },
      }),
    );
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    const next = await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    expect(next.notices).toEqual([expect.stringContaining("has stopped")]);
  });

  it("hands the party to the longest-standing member when the host leaves", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    vi.advanceTimersByTime(1_000);
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    expect(await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here })).toMatchObject({
      left: true,
      host: { discordUserId: BOB, name: "bob" },
    });
    // bob hosts now: he can end it, and the board says so.
    expect((await t.run((ctx) => ctx.db.query("parties").first()))?.hostDiscordUserId).toBe(BOB);
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by bob");
    // Someone who isn't the host leaving hands nothing over.
    const carolLeft = await t.mutation(api.bot.parties.leave, { ...as(CAROL), ...here });
    expect(carolLeft.left).toBe(true);
    expect(carolLeft.host).toBeUndefined();
    expect(await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here })).toMatchObject({ left: true, host: null });
  });

  it("lets only the host or a server manager end a party, and the final board loses its buttons", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    await expect(t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: true });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Ended");
    expect(discord.boards()[0]!.body.components).toEqual([]);
    // An ended party no longer moves.
    const edits = discord.requests.filter((r) => r.method === "PATCH").length;
    await mark(t, BOB, 1, [1]);
    await pass(t, 3_000);
    expect(discord.requests.filter((r) => r.method === "PATCH").length).toBe(edits);
  });

  it("shows 25 members in full and summarises the rest", async () => {
    const t = deployment();
    await startGot(t);
    for (let i = 10; i < 39; i++)
      await t.mutation(api.bot.parties.join, { ...as(`1000000000000000${i}`), ...here, displayName: `member ${i}` });
    await pass(t, 3_000);
    const board = discord.board();
    expect(board.match(/▱▱▱▱▱▱▱▱▱▱ \*\*/g)).toHaveLength(25);
    expect(board).toContain("…and 5 more members");
    expect(board).toContain("Hosted by alice · 30 members");
  });

  it("reads at most 60 documents to refresh the board of a 25-member party", async () => {
    const t = deployment();
    await startGot(t);
    for (let i = 10; i < 34; i++) {
      const id = `1000000000000000${i}`;
      await t.mutation(api.bot.parties.join, { ...as(id), ...here, displayName: `member ${i}` });
      await mark(t, id, 1, [1, 2]);
    }
    await pass(t, 3_000);
    await mark(t, ALICE, 1, [1]);
    const { costs } = await measure(() => pass(t, 3_000));
    const claims = costs.filter((c) => c.functionName.includes("boards") && c.functionName.includes("claim"));
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.documentsRead).toBeLessThanOrEqual(60);
    expect(discord.boards()[0]!.body.embeds[0].footer.text).toBe("Hosted by alice · 25 members");
    expect(discord.board().match(/▱/g)?.length).toBe(250);
  });
  // ─── issue 17: orphaned parties, a cap per host, private channels, membership, host tools

  const partyRow = (t: Deployment) => t.run(async (ctx) => (await ctx.db.query("parties").order("desc").first())!);

  it("a party its last member leaves has no host: the board says so, the next to join hosts it, and nobody can end it meanwhile", async () => {
    const t = deployment();
    await startGot(t);
    expect(await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here })).toMatchObject({ left: true, host: null });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Nobody hosts it now: whoever joins next does");
    expect(discord.board()).not.toContain("alice");
    // alice, gone, is no longer its host: she can't end it or schedule for it.
    await expect(t.mutation(api.bot.parties.end, { ...as(ALICE), ...here, canManageServer: false })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    expect(await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" })).toMatchObject({
      host: true,
      party: { hostDiscordUserId: BOB },
    });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by bob · 1 member");
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false });
  });

  it("ends a party nobody has been in for 7 days, and not one someone joined meanwhile", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    // Someone comes and goes on day 3: the week counts from when they left.
    vi.advanceTimersByTime(3 * 24 * 3600_000);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.mutation(api.bot.parties.leave, { ...as(BOB), ...here });
    // A week after alice left, the party is not ended: it has been empty for 4 days only.
    await pass(t, 4 * 24 * 3600_000 + 60_000);
    expect((await partyRow(t)).state).toBe("active");
    await pass(t, 3 * 24 * 3600_000);
    expect((await partyRow(t)).state).toBe("ended");
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toEqual([]);
  });

  it("lets anyone start a party for the show again in a channel whose party nobody is in", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.leave, { ...as(ALICE), ...here });
    const { party } = await t.mutation(api.bot.parties.start, { ...as(BOB), ...here, tmdbId: 1399, displayName: "bob" });
    expect(party.hostDiscordUserId).toBe(BOB);
    const parties = await t.run((ctx) => ctx.db.query("parties").collect());
    expect(parties.map((p) => p.state).sort()).toEqual(["active", "ended"]);
  });

  it("a host who deletes their data hands the party to a remaining member; their name leaves the board; they can start again", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await pass(t, 3_000);
    expect(discord.board()).toContain("Hosted by alice");
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: ALICE });
    await pass(t, 5_000);
    expect(discord.board()).toContain("Hosted by bob · 1 member");
    expect(discord.board()).not.toContain("alice");
    expect(await t.query(api.bot.parties.list, { ...as(BOB), guildId: GUILD })).toMatchObject([{ hostDiscordUserId: BOB, memberCount: 1 }]);
    await t.mutation(api.bot.parties.end, { ...as(BOB), ...here, canManageServer: false });
    // The show can have a party in the channel again, and alice (starting afresh) can host it.
    await expect(t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" })).resolves.toMatchObject({
      party: { hostDiscordUserId: ALICE },
    });
  });

  it("lets one member host at most 3 parties at once, naming them, and counts a party handed over as theirs no more", async () => {
    const t = deployment();
    await cacheGot(t);
    const channel = (i: number) => `30000000000000010${i}`;
    for (let i = 1; i <= 3; i++)
      await t.mutation(api.bot.parties.start, {
        ...as(ALICE),
        guildId: GUILD,
        channelId: channel(i),
        tmdbId: 1399,
        name: `Night ${i}`,
        displayName: "alice",
      });
    const fourth = t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: channel(4),
      tmdbId: 1399,
      displayName: "alice",
    });
    await expect(fourth).rejects.toMatchObject({
      data: {
        message: expect.stringMatching(/You already host 3 watch parties.*Night 1 · Game of Thrones.*<#300000000000000101>.*Night 3/),
      },
    });
    expect(await t.run((ctx) => ctx.db.query("parties").collect())).toHaveLength(3);
    // Handing one to bob frees a place.
    const first = { guildId: GUILD, channelId: channel(1) };
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...first, displayName: "bob" });
    await t.mutation(api.bot.parties.manage, { ...as(ALICE), ...first, action: "host", member: BOB, canManageServer: false, apply: true });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), guildId: GUILD, channelId: channel(4), tmdbId: 1399, displayName: "alice" });
  });

  it("shows a party in a channel someone can't see neither in the list nor when named", async () => {
    const t = deployment();
    const hidden = "300000000000000077";
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      guildId: GUILD,
      channelId: hidden,
      tmdbId: 1399,
      name: "Secret club",
      displayName: "alice",
    });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    const bobSees = { ...here, visibleChannelIds: [CHANNEL] };
    expect((await t.query(api.bot.parties.list, { ...as(BOB), ...bobSees })).map((p) => p.channelId)).toEqual([CHANNEL]);
    for (const named of [party.partyId, "Secret club"]) {
      await expect(t.mutation(api.bot.parties.join, { ...as(BOB), ...bobSees, party: named, displayName: "bob" })).rejects.toMatchObject({
        data: { code: "NOT_FOUND" },
      });
    }
    await expect(t.mutation(api.bot.parties.status, { ...as(BOB), ...bobSees, party: party.partyId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    // alice can see it: it is listed for her and she can name it.
    const aliceSees = { ...here, visibleChannelIds: [CHANNEL, hidden] };
    expect(await t.query(api.bot.parties.list, { ...as(ALICE), ...aliceSees })).toHaveLength(2);
    await expect(t.mutation(api.bot.parties.status, { ...as(ALICE), ...aliceSees, party: "Secret club" })).resolves.toMatchObject({
      party: { channelId: hidden },
    });
  });

  it("in a channel with two parties, picks the one someone is in (or, to join, the one they are not in)", async () => {
    const t = deployment();
    await cacheGot(t);
    await t.mutation(api.bot.shows.cacheShow, { secret: SECRET, ...GOT, tmdbId: 1398, title: "The Sopranos" });
    await t.mutation(api.bot.parties.start, { ...as(ALICE), ...here, tmdbId: 1399, displayName: "alice" });
    await t.mutation(api.bot.parties.start, { ...as(CAROL), ...here, tmdbId: 1398, displayName: "carol" });
    // bob in neither: which to join is a real question.
    await expect(t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("2 watch parties") },
    });
    // alice is in Game of Thrones: her status and leave mean it; her join means the other.
    expect(await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).toMatchObject({ party: { title: "Game of Thrones" } });
    expect(await t.mutation(api.bot.parties.join, { ...as(ALICE), ...here, displayName: "alice" })).toMatchObject({
      already: false,
      party: { title: "The Sopranos" },
    });
    // Now in both: asked again.
    await expect(t.mutation(api.bot.parties.status, { ...as(ALICE), ...here })).rejects.toMatchObject({
      data: { message: expect.stringContaining("2 watch parties") },
    });
    await expect(t.mutation(api.bot.parties.join, { ...as(ALICE), ...here, displayName: "alice" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("already in every watch party") },
    });
    expect(await t.mutation(api.bot.parties.watched, { ...as(CAROL), ...here, episodes: [1] })).toMatchObject({
      party: { title: "The Sopranos" },
    });
  });

  it("lets the host (or a server manager) hand the party over, remove a member and rename it, and the board follows", async () => {
    const t = deployment();
    await startGot(t);
    await t.mutation(api.bot.parties.join, { ...as(BOB), ...here, displayName: "bob" });
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });
    const manage = (who: string, action: "host" | "remove", member: string, apply = true, canManageServer = false) =>
      t.mutation(api.bot.parties.manage, { ...as(who), ...here, action, member, canManageServer, apply });
    // Only the host or a manager; only members; never oneself.
    await expect(manage(BOB, "remove", CAROL)).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(manage(BOB, "remove", CAROL, false)).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(manage(ALICE, "host", "100000000000000099", false)).rejects.toMatchObject({
      data: { message: expect.stringContaining("aren't in") },
    });
    await expect(manage(ALICE, "remove", ALICE, false)).rejects.toMatchObject({
      data: { message: expect.stringContaining("/party leave") },
    });
    // Checking changes nothing.
    expect(await manage(ALICE, "remove", CAROL, false)).toMatchObject({ name: "carol" });
    expect((await partyRow(t)).memberCount).toBe(3);
    expect(await manage(ALICE, "remove", CAROL)).toMatchObject({ name: "carol" });
    expect(await manage(ALICE, "host", BOB)).toMatchObject({ name: "bob", party: { hostDiscordUserId: BOB } });
    await expect(
      t.mutation(api.bot.parties.rename, { ...as(ALICE), ...here, name: "Mine again", canManageServer: false }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    const renamed = await t.mutation(api.bot.parties.rename, {
      ...as(BOB),
      ...here,
      name: "  Thrones\u202e Night\n",
      canManageServer: false,
    });
    expect(renamed.party.label).toBe("Thrones Night · Game of Thrones");
    // A server manager may too.
    await t.mutation(api.bot.parties.rename, { ...as(CAROL), ...here, name: "Sunday Thrones", canManageServer: true });
    await pass(t, 5_000);
    expect(discord.board()).toContain("Sunday Thrones · Game of Thrones");
    expect(discord.board()).toContain("Hosted by bob · 2 members");
    expect(discord.board()).not.toContain("carol");
  });

  it("keeps bidirectional controls out of party names, member names and the board", async () => {
    const t = deployment();
    await cacheGot(t);
    const { party } = await t.mutation(api.bot.parties.start, {
      ...as(ALICE),
      ...here,
      tmdbId: 1399,
      name: "\u202eevil\u2066 party\u200f",
      displayName: "al\u202eice",
    });
    expect(party.label).toBe("evil party · Game of Thrones");
    await pass(t, 3_000);
    expect(discord.board()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(discord.board()).toContain("Hosted by alice");
  });
});
